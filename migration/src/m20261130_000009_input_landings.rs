//! Traceable residents' input (issue 10): each input gets a public reference
//! (`RI-<year>-<id>`, filled in for existing rows) and lands in one or more dated places
//! (`input_landing`, filled from the existing single links). Frozen statements per engine.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Adds the column and the table.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000009_input_landings"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        Frozen {
            sqlite: include_str!("../sql/m20261130_000009_input_landings.sqlite.sql"),
            postgres: include_str!("../sql/m20261130_000009_input_landings.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Alias::new("input_landing")).to_owned())
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(r#"DROP INDEX "idx-resident_input-reference""#)
            .await?;
        db.execute_unprepared(r#"ALTER TABLE "resident_input" DROP COLUMN "reference""#)
            .await?;
        Ok(())
    }
}

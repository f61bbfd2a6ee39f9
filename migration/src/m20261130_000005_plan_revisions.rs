//! Revisions of adopted plans (issue 9): `plan_revision` keeps each version of a plan's
//! content — at most one open at a time, adopted ones with their content — and a dispute
//! records the revision that settles it. Frozen statements per engine.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Adds the table and the column.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000005_plan_revisions"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        Frozen {
            sqlite: include_str!("../sql/m20261130_000005_plan_revisions.sqlite.sql"),
            postgres: include_str!("../sql/m20261130_000005_plan_revisions.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(r#"DROP INDEX "idx-escalation-settled_by_revision_id""#)
            .await?;
        db.execute_unprepared(r#"ALTER TABLE "escalation" DROP COLUMN "settled_by_revision_id""#)
            .await?;
        manager
            .drop_table(Table::drop().table(Alias::new("plan_revision")).to_owned())
            .await
    }
}

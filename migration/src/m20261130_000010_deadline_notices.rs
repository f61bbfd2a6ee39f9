//! Deadline announcements (issue 11): one row per commitment request whose answer deadline
//! passed, so that of several instances exactly one announces it. Frozen statements per
//! engine.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Adds the table.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000010_deadline_notices"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        Frozen {
            sqlite: include_str!("../sql/m20261130_000010_deadline_notices.sqlite.sql"),
            postgres: include_str!("../sql/m20261130_000010_deadline_notices.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(Alias::new("deadline_notice"))
                    .to_owned(),
            )
            .await
    }
}

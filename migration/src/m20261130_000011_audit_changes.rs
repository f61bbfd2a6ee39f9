//! An index for `updatedSince` (issue 11): a kind of row's changes since a moment, found in
//! the audit trail. Frozen statements per engine.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Adds the index.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000011_audit_changes"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        Frozen {
            sqlite: include_str!("../sql/m20261130_000011_audit_changes.sqlite.sql"),
            postgres: include_str!("../sql/m20261130_000011_audit_changes.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(r#"DROP INDEX "idx-audit_event-entity-occurred_at""#)
            .await?;
        Ok(())
    }
}

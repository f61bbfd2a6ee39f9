//! One open escalation per subject, held by the database: per commitment (an overdue or a
//! rejected request), and per disputed action or priority and disputing cluster. A second
//! one while the first is open is refused, also when two requests race.
//!
//! Explicit SQL, the same on SQLite and PostgreSQL (both have partial indexes).

use sea_orm_migration::prelude::*;

/// Adds the unique indexes.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000002_one_open_escalation"
    }
}

const INDEXES: [(&str, &str); 3] = [
    (
        "uq-escalation-open_per_commitment",
        "(commitment_id) WHERE status = 'OPEN' AND commitment_id IS NOT NULL",
    ),
    (
        "uq-escalation-open_dispute_per_action",
        "(action_id, cluster_id) WHERE status = 'OPEN' AND subject = 'DISPUTED_ITEM' AND action_id IS NOT NULL",
    ),
    (
        "uq-escalation-open_dispute_per_priority",
        "(priority_id, cluster_id) WHERE status = 'OPEN' AND subject = 'DISPUTED_ITEM' AND priority_id IS NOT NULL",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, definition) in INDEXES {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    r#"CREATE UNIQUE INDEX "{name}" ON escalation {definition}"#
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in INDEXES {
            manager
                .get_connection()
                .execute_unprepared(&format!(r#"DROP INDEX "{name}""#))
                .await?;
        }
        Ok(())
    }
}

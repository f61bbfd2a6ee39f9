//! One open escalation per subject, held by the database: per commitment (an overdue or a
//! rejected request), and per disputed action or priority and disputing cluster. A second
//! one while the first is open is refused, also when two requests race.
//!
//! Explicit SQL, the same on SQLite and PostgreSQL (both have partial indexes).

use sea_orm_migration::prelude::*;

use crate::frozen::execute;

/// Adds the unique indexes.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000002_one_open_escalation"
    }
}

const UP: [&str; 3] = [
    r#"CREATE UNIQUE INDEX "uq-escalation-open_per_commitment" ON escalation (commitment_id)
       WHERE status = 'OPEN' AND commitment_id IS NOT NULL"#,
    r#"CREATE UNIQUE INDEX "uq-escalation-open_dispute_per_action" ON escalation (action_id, cluster_id)
       WHERE status = 'OPEN' AND subject = 'DISPUTED_ITEM' AND action_id IS NOT NULL"#,
    r#"CREATE UNIQUE INDEX "uq-escalation-open_dispute_per_priority" ON escalation (priority_id, cluster_id)
       WHERE status = 'OPEN' AND subject = 'DISPUTED_ITEM' AND priority_id IS NOT NULL"#,
];

const DOWN: [&str; 3] = [
    r#"DROP INDEX "uq-escalation-open_per_commitment""#,
    r#"DROP INDEX "uq-escalation-open_dispute_per_action""#,
    r#"DROP INDEX "uq-escalation-open_dispute_per_priority""#,
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(manager, DOWN).await
    }
}

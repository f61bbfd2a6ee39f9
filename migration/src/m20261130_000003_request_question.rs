//! A request carries its own question and what it asks: the requester's words, the hours
//! and the money asked (all optional; earlier requests have none).
//!
//! Explicit SQL, the same on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

use crate::frozen::execute;

/// Adds the columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000003_request_question"
    }
}

const UP: [&str; 3] = [
    r#"ALTER TABLE commitment ADD COLUMN "question" text"#,
    r#"ALTER TABLE commitment ADD COLUMN "hours_asked_centi" bigint"#,
    r#"ALTER TABLE commitment ADD COLUMN "amount_asked_cents" bigint"#,
];

const DOWN: [&str; 3] = [
    r#"ALTER TABLE commitment DROP COLUMN "question""#,
    r#"ALTER TABLE commitment DROP COLUMN "hours_asked_centi""#,
    r#"ALTER TABLE commitment DROP COLUMN "amount_asked_cents""#,
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

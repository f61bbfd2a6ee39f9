//! A request carries its own question and what it asks: the requester's words, the hours
//! and the money asked (all optional; earlier requests have none).
//!
//! Explicit SQL, the same on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

/// Adds the columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000003_request_question"
    }
}

const COLUMNS: [(&str, &str); 3] = [
    ("question", "text"),
    ("hours_asked_centi", "bigint"),
    ("amount_asked_cents", "bigint"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, kind) in COLUMNS {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    r#"ALTER TABLE commitment ADD COLUMN "{name}" {kind}"#
                ))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in COLUMNS {
            manager
                .get_connection()
                .execute_unprepared(&format!(r#"ALTER TABLE commitment DROP COLUMN "{name}""#))
                .await?;
        }
        Ok(())
    }
}

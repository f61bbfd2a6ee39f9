//! The right door for residents (issue 10): a neighbourhood's contact address, and whether
//! a person's name may be shown to the public.
//!
//! Explicit SQL, the same on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

use crate::frozen::execute;

/// Adds the columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000008_public_contact"
    }
}

const UP: [&str; 2] = [
    r#"ALTER TABLE person ADD COLUMN "public" boolean NOT NULL DEFAULT FALSE"#,
    r#"ALTER TABLE neighbourhood ADD COLUMN "contact" varchar"#,
];

const DOWN: [&str; 2] = [
    r#"ALTER TABLE person DROP COLUMN "public""#,
    r#"ALTER TABLE neighbourhood DROP COLUMN "contact""#,
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

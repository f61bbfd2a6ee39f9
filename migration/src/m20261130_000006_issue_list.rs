//! Issues outside the plan (issue 9): one issue list (plan kind `ISSUE_LIST`) per
//! neighbourhood and year, held by a unique index — also when two first issues race.
//!
//! Explicit SQL, the same on SQLite and PostgreSQL.

use sea_orm_migration::prelude::*;

use crate::frozen::execute;

/// Adds the unique index.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000006_issue_list"
    }
}

const UP: [&str; 1] = [r#"CREATE UNIQUE INDEX "uq-plan-issue_list_per_year"
    ON plan (neighbourhood_id, year_from, kind) WHERE kind = 'ISSUE_LIST'"#];

const DOWN: [&str; 1] = [r#"DROP INDEX "uq-plan-issue_list_per_year""#];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(manager, DOWN).await
    }
}

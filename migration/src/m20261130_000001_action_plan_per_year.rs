//! One neighbourhood action plan per neighbourhood per year, held by the database: a
//! unique index over the plans that count (every status but SUPERSEDED). Before, the rule
//! was checked in code and two concurrent `createPlan` calls could both pass the check.
//!
//! Explicit SQL, the same on SQLite and PostgreSQL (both have partial indexes).

use sea_orm_migration::prelude::*;

use crate::frozen::execute;

/// Adds the unique index.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000001_action_plan_per_year"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(
            manager,
            [r#"CREATE UNIQUE INDEX "uq-plan-action_plan_per_year"
                ON plan (neighbourhood_id, year_from)
                WHERE kind = 'NEIGHBOURHOOD_ACTION_PLAN' AND status <> 'SUPERSEDED'"#],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(manager, [r#"DROP INDEX "uq-plan-action_plan_per_year""#]).await
    }
}

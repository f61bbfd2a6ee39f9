//! The initial schema: every table of the domain model with its foreign keys, unique
//! constraints and an index on every foreign key and list filter.
//!
//! Frozen: the statements the entity definitions printed when it shipped, in
//! `migration/sql/`. The suite migrates an empty database on both engines and compares the
//! result with today's entities, so a change to an entity without a migration fails it.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Creates all tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261128_000001_initial"
    }
}

const STATEMENTS: Frozen = Frozen {
    sqlite: include_str!("../sql/m20261128_000001_initial.sqlite.sql"),
    postgres: include_str!("../sql/m20261128_000001_initial.postgres.sql"),
};

/// Table names in creation order; `down` drops them in reverse.
const TABLES: [&str; 22] = [
    "area",
    "neighbourhood",
    "representative_body",
    "representative_body_coverage",
    "cluster",
    "city_programme",
    "product",
    "plan",
    "priority",
    "action",
    "progress_update",
    "person",
    "team_membership",
    "pnc_document",
    "budget_line",
    "budget_line_amount",
    "budget_amendment",
    "commitment",
    "escalation",
    "escalation_event",
    "resident_input",
    "audit_event",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        STATEMENTS.apply(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(Alias::new(*table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_list_is_the_tables_the_frozen_statements_create_on_both_engines() {
        for script in [STATEMENTS.sqlite, STATEMENTS.postgres] {
            let created: Vec<&str> = crate::frozen::statements(script)
                .filter_map(|statement| statement.strip_prefix("CREATE TABLE \""))
                .filter_map(|rest| rest.split('"').next())
                .collect();
            assert_eq!(created, TABLES);
        }
    }
}

//! The initial schema: every table of the domain model with its foreign keys, unique
//! constraints and an index on every foreign key and list filter.
//!
//! While no database is in production the tables are built from the entity definitions, so
//! the two cannot drift. Once a release has shipped, this migration is frozen by replacing
//! the entity calls with the statements they print, and changes go into new migrations.

use entity::*;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{EntityTrait, Schema};

/// Creates all tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261128_000001_initial"
    }
}

/// Creates one entity's table and its indexes.
async fn create<E: EntityTrait>(
    manager: &SchemaManager<'_>,
    schema: &Schema,
    entity: E,
) -> Result<(), DbErr> {
    manager
        .create_table(schema.create_table_from_entity(entity))
        .await?;
    for index in schema.create_index_from_entity(entity) {
        manager.create_index(index).await?;
    }
    Ok(())
}

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
        let schema = Schema::new(manager.get_database_backend());
        create(manager, &schema, area::Entity).await?;
        create(manager, &schema, neighbourhood::Entity).await?;
        create(manager, &schema, representative_body::Entity).await?;
        create(manager, &schema, representative_body_coverage::Entity).await?;
        create(manager, &schema, cluster::Entity).await?;
        create(manager, &schema, city_programme::Entity).await?;
        create(manager, &schema, product::Entity).await?;
        create(manager, &schema, plan::Entity).await?;
        create(manager, &schema, priority::Entity).await?;
        create(manager, &schema, action::Entity).await?;
        create(manager, &schema, progress_update::Entity).await?;
        create(manager, &schema, person::Entity).await?;
        create(manager, &schema, team_membership::Entity).await?;
        create(manager, &schema, pnc_document::Entity).await?;
        create(manager, &schema, budget_line::Entity).await?;
        create(manager, &schema, budget_line_amount::Entity).await?;
        create(manager, &schema, budget_amendment::Entity).await?;
        create(manager, &schema, commitment::Entity).await?;
        create(manager, &schema, escalation::Entity).await?;
        create(manager, &schema, escalation_event::Entity).await?;
        create(manager, &schema, resident_input::Entity).await?;
        create(manager, &schema, audit_event::Entity).await?;
        Ok(())
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
    use sea_orm_migration::sea_orm::EntityName;

    #[test]
    fn table_list_matches_the_entities_created() {
        let created = [
            area::Entity.table_name(),
            neighbourhood::Entity.table_name(),
            representative_body::Entity.table_name(),
            representative_body_coverage::Entity.table_name(),
            cluster::Entity.table_name(),
            city_programme::Entity.table_name(),
            product::Entity.table_name(),
            plan::Entity.table_name(),
            priority::Entity.table_name(),
            action::Entity.table_name(),
            progress_update::Entity.table_name(),
            person::Entity.table_name(),
            team_membership::Entity.table_name(),
            pnc_document::Entity.table_name(),
            budget_line::Entity.table_name(),
            budget_line_amount::Entity.table_name(),
            budget_amendment::Entity.table_name(),
            commitment::Entity.table_name(),
            escalation::Entity.table_name(),
            escalation_event::Entity.table_name(),
            resident_input::Entity.table_name(),
            audit_event::Entity.table_name(),
        ];
        assert_eq!(created, TABLES);
    }
}

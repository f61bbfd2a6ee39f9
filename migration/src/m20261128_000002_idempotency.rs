//! Idempotency keys for creating mutations.

use entity::idempotency_key;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::Schema;

/// Creates the `idempotency_key` table.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261128_000002_idempotency"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let schema = Schema::new(manager.get_database_backend());
        manager
            .create_table(schema.create_table_from_entity(idempotency_key::Entity))
            .await?;
        for index in schema.create_index_from_entity(idempotency_key::Entity) {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(idempotency_key::Entity).to_owned())
            .await
    }
}

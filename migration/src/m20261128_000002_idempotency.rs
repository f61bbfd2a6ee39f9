//! Idempotency keys for creating mutations. Frozen statements, as the initial migration's.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

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
        Frozen {
            sqlite: include_str!("../sql/m20261128_000002_idempotency.sqlite.sql"),
            postgres: include_str!("../sql/m20261128_000002_idempotency.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(Alias::new("idempotency_key"))
                    .to_owned(),
            )
            .await
    }
}

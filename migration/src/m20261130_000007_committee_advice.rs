//! The area committee's advice on plans (issue 10): asked for or unsolicited, with the
//! area director's response. Frozen statements per engine.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Adds the table.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000007_committee_advice"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        Frozen {
            sqlite: include_str!("../sql/m20261130_000007_committee_advice.sqlite.sql"),
            postgres: include_str!("../sql/m20261130_000007_committee_advice.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(Alias::new("committee_advice"))
                    .to_owned(),
            )
            .await
    }
}

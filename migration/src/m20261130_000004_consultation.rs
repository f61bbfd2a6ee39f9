//! Consultation with the clusters (issue 9): an action may be proposed by a cluster and
//! dropped with a reason, and carries its lead cluster's latest position; positions are
//! kept as history in `action_position`; the gaps an area director accepts at adoption,
//! each with its reason, in `adoption_waiver`. Frozen statements per engine.

use sea_orm_migration::prelude::*;

use crate::frozen::Frozen;

/// Adds the columns and tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000004_consultation"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        Frozen {
            sqlite: include_str!("../sql/m20261130_000004_consultation.sqlite.sql"),
            postgres: include_str!("../sql/m20261130_000004_consultation.postgres.sql"),
        }
        .apply(manager)
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["adoption_waiver", "action_position"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        let db = manager.get_connection();
        if manager.get_database_backend() == sea_orm_migration::sea_orm::DbBackend::Sqlite {
            for trigger in ["insert", "update"] {
                db.execute_unprepared(&format!(
                    r#"DROP TRIGGER "ck-action-dropped_with_reason-{trigger}""#
                ))
                .await?;
            }
        }
        for column in [
            "proposed_by_cluster_id",
            "lead_position",
            "dropped_at",
            "drop_reason",
        ] {
            db.execute_unprepared(&format!(r#"ALTER TABLE "action" DROP COLUMN "{column}""#))
                .await?;
        }
        Ok(())
    }
}

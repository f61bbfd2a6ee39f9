//! An append-only audit record of one change.

use sea_orm::entity::prelude::*;

/// An append-only audit record of one change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub occurred_at: DateTimeUtc,
    /// Who (the token's `sub`).
    #[sea_orm(indexed)]
    pub subject: String,
    /// The caller's grants, comma separated.
    pub grants: String,
    #[sea_orm(indexed)]
    pub entity: String,
    pub entity_id: i32,
    pub operation: String,
    /// JSON.
    #[sea_orm(column_type = "Text")]
    pub before: Option<String>,
    /// JSON.
    #[sea_orm(column_type = "Text")]
    pub after: Option<String>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

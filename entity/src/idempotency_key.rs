//! A creating request's idempotency key: the same key and input give the same result.

use sea_orm::entity::prelude::*;

/// A creating request's idempotency key: the same key and input give the same result.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "idempotency_key")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The caller's subject; keys are per caller.
    #[sea_orm(unique_key = "key")]
    pub subject: String,
    /// The key the client chose.
    #[sea_orm(unique_key = "key")]
    pub key: String,
    /// The mutation, e.g. `createPlan`.
    pub operation: String,
    /// The request's input, to tell a repeat from a different request under the same key.
    #[sea_orm(column_type = "Text")]
    pub fingerprint: String,
    /// The id of the object the request created.
    pub entity_id: i32,
    /// When the key was first used.
    pub created_at: DateTimeUtc,
}

/// No foreign keys: the created object may be of any type.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

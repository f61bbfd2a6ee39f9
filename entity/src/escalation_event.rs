//! One step in an escalation's history.

use crate::enums::{EscalationLevel, EscalationStatus};
use sea_orm::entity::prelude::*;

/// One step in an escalation's history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "escalation_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub escalation_id: i32,
    pub occurred_at: DateTimeUtc,
    pub actor: String,
    pub level: EscalationLevel,
    pub status: EscalationStatus,
    #[sea_orm(column_type = "Text")]
    pub note: String,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `escalation_id` refers to `escalation`.
    #[sea_orm(
        belongs_to = "super::escalation::Entity",
        from = "Column::EscalationId",
        to = "super::escalation::Column::Id"
    )]
    Escalation,
}

impl ActiveModelBehavior for ActiveModel {}

//! One progress report on an action; the history is kept.

use crate::enums::{ActionStatus, TrafficLight};
use sea_orm::entity::prelude::*;

/// One progress report on an action; the history is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "progress_update")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub action_id: i32,
    #[sea_orm(indexed)]
    pub reported_at: DateTimeUtc,
    pub reported_by: String,
    pub percent: i32,
    pub status: ActionStatus,
    pub traffic_light: TrafficLight,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    /// Shown to the public when true.
    pub public: bool,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `action_id` refers to `action`.
    #[sea_orm(
        belongs_to = "super::action::Entity",
        from = "Column::ActionId",
        to = "super::action::Column::Id"
    )]
    Action,
}

impl ActiveModelBehavior for ActiveModel {}

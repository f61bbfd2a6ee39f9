//! One place residents' input landed: a priority (of a neighbourhood or area plan) or an
//! action, dated; ended — never deleted — when what it landed in is dropped.

use sea_orm::entity::prelude::*;

/// One place residents' input landed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "input_landing")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub resident_input_id: i32,
    #[sea_orm(indexed)]
    pub priority_id: i32,
    #[sea_orm(indexed)]
    pub action_id: Option<i32>,
    pub linked_by: String,
    pub linked_at: DateTimeUtc,
    /// When the landing ended (what it landed in was dropped); empty while it holds.
    pub ended_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub end_reason: Option<String>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `resident_input_id` refers to `resident_input`.
    #[sea_orm(
        belongs_to = "super::resident_input::Entity",
        from = "Column::ResidentInputId",
        to = "super::resident_input::Column::Id"
    )]
    ResidentInput,
    /// `priority_id` refers to `priority`.
    #[sea_orm(
        belongs_to = "super::priority::Entity",
        from = "Column::PriorityId",
        to = "super::priority::Column::Id"
    )]
    Priority,
    /// `action_id` refers to `action`.
    #[sea_orm(
        belongs_to = "super::action::Entity",
        from = "Column::ActionId",
        to = "super::action::Column::Id"
    )]
    Action,
}

impl ActiveModelBehavior for ActiveModel {}

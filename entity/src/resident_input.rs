//! Residents' input, traceable to where it landed or why not.

use crate::enums::{ResidentInputOutcome, ResidentInputSource};
use sea_orm::entity::prelude::*;

/// Residents' input, traceable to where it landed or why not.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "resident_input")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub neighbourhood_id: i32,
    /// The short public reference residents keep, e.g. `RI-2016-0042`.
    #[sea_orm(unique)]
    pub reference: Option<String>,
    pub source: ResidentInputSource,
    pub received_on: Date,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    #[sea_orm(indexed)]
    pub outcome: ResidentInputOutcome,
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    /// The first place it still lands (all of them: `input_landing`).
    #[sea_orm(indexed)]
    pub priority_id: Option<i32>,
    #[sea_orm(indexed)]
    pub action_id: Option<i32>,
    pub version: i32,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `neighbourhood_id` refers to `neighbourhood`.
    #[sea_orm(
        belongs_to = "super::neighbourhood::Entity",
        from = "Column::NeighbourhoodId",
        to = "super::neighbourhood::Column::Id"
    )]
    Neighbourhood,
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

//! The area committee's advice on a plan (asked for or unsolicited), and the area
//! director's response to it.

use crate::enums::AdviceResponse;
use sea_orm::entity::prelude::*;

/// The area committee's advice on a plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "committee_advice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub plan_id: i32,
    /// Whether the advice was asked for (true) or given unsolicited.
    pub requested: bool,
    pub received_on: Date,
    #[sea_orm(column_type = "Text")]
    pub advice: String,
    pub recorded_by: String,
    pub recorded_at: DateTimeUtc,
    /// The area director's response; empty until given.
    pub response: Option<AdviceResponse>,
    /// Why, when the advice was not (fully) followed.
    #[sea_orm(column_type = "Text")]
    pub response_reason: Option<String>,
    pub responded_by: Option<String>,
    pub responded_at: Option<DateTimeUtc>,
    pub version: i32,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `plan_id` refers to `plan`.
    #[sea_orm(
        belongs_to = "super::plan::Entity",
        from = "Column::PlanId",
        to = "super::plan::Column::Id"
    )]
    Plan,
}

impl ActiveModelBehavior for ActiveModel {}

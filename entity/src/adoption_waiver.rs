//! A gap in a plan's support that the adopting area director accepted, with the reason:
//! recorded at adoption, one row per gap.

use sea_orm::entity::prelude::*;

/// A gap accepted at adoption, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "adoption_waiver")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub plan_id: i32,
    /// The item with the gap: the plan or one of its actions, as a global id.
    pub item_id: String,
    /// The gap, as adoption names it (`fivePriorities`, `leadClusterPosition`, `objection`).
    pub gap: String,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// Who accepted it: the token's subject.
    pub waived_by: String,
    pub waived_at: DateTimeUtc,
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

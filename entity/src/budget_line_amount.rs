//! A budget line's amount as it stood after one P&C phase (annual accounts: realised).

use crate::enums::PncPhase;
use sea_orm::entity::prelude::*;

/// A budget line's amount as it stood after one P&C phase (annual accounts: realised).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "budget_line_amount")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed, unique_key = "phase")]
    pub budget_line_id: i32,
    #[sea_orm(unique_key = "phase")]
    pub phase: PncPhase,
    /// Euro cents (exact).
    pub amount_cents: i64,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `budget_line_id` refers to `budget_line`.
    #[sea_orm(
        belongs_to = "super::budget_line::Entity",
        from = "Column::BudgetLineId",
        to = "super::budget_line::Column::Id"
    )]
    BudgetLine,
}

impl ActiveModelBehavior for ActiveModel {}

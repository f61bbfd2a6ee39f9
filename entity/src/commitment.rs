//! A cluster's commitment (toezegging) of hours and money to an action.

use crate::enums::{CommitmentKind, CommitmentStatus};
use sea_orm::entity::prelude::*;

/// A cluster's commitment (toezegging) of hours and money to an action.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "commitment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub action_id: i32,
    #[sea_orm(indexed)]
    pub cluster_id: i32,
    #[sea_orm(indexed)]
    pub status: CommitmentStatus,
    pub kind: CommitmentKind,
    /// Committed hours in hundredths of an hour (exact).
    pub hours_centi: Option<i64>,
    /// Committed money in euro cents (exact).
    pub amount_cents: Option<i64>,
    #[sea_orm(indexed)]
    pub budget_line_id: Option<i32>,
    /// Reason for a reservation, rejection or withdrawal.
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    #[sea_orm(indexed)]
    pub response_deadline: DateTimeUtc,
    pub requested_by: String,
    pub requested_at: DateTimeUtc,
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
    pub version: i32,
    pub updated_at: DateTimeUtc,
    /// The request's question, in the requester's own words.
    #[sea_orm(column_type = "Text")]
    pub question: Option<String>,
    /// Hours asked, in hundredths of an hour.
    pub hours_asked_centi: Option<i64>,
    /// Money asked, in euro cents.
    pub amount_asked_cents: Option<i64>,
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
    /// `cluster_id` refers to `cluster`.
    #[sea_orm(
        belongs_to = "super::cluster::Entity",
        from = "Column::ClusterId",
        to = "super::cluster::Column::Id"
    )]
    Cluster,
    /// `budget_line_id` refers to `budget_line`.
    #[sea_orm(
        belongs_to = "super::budget_line::Entity",
        from = "Column::BudgetLineId",
        to = "super::budget_line::Column::Id"
    )]
    BudgetLine,
}

impl ActiveModelBehavior for ActiveModel {}

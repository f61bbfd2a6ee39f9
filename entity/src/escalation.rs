//! An escalation on the ladder team, cluster, area, city.

use crate::enums::{EscalationLevel, EscalationStatus, EscalationSubject};
use sea_orm::entity::prelude::*;

/// An escalation on the ladder team, cluster, area, city.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "escalation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub subject: EscalationSubject,
    #[sea_orm(indexed)]
    pub neighbourhood_id: i32,
    /// The cluster involved.
    #[sea_orm(indexed)]
    pub cluster_id: Option<i32>,
    #[sea_orm(indexed)]
    pub commitment_id: Option<i32>,
    #[sea_orm(indexed)]
    pub action_id: Option<i32>,
    #[sea_orm(indexed)]
    pub priority_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    #[sea_orm(indexed)]
    pub level: EscalationLevel,
    /// The role grant that owns the current level.
    pub owner: String,
    #[sea_orm(indexed)]
    pub status: EscalationStatus,
    #[sea_orm(column_type = "Text")]
    pub resolution: Option<String>,
    pub raised_by: String,
    pub raised_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    /// For a dispute: the plan revision opened to settle it; adopting that revision
    /// resolves the dispute.
    #[sea_orm(indexed)]
    pub settled_by_revision_id: Option<i32>,
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
    /// `cluster_id` refers to `cluster`.
    #[sea_orm(
        belongs_to = "super::cluster::Entity",
        from = "Column::ClusterId",
        to = "super::cluster::Column::Id"
    )]
    Cluster,
    /// `commitment_id` refers to `commitment`.
    #[sea_orm(
        belongs_to = "super::commitment::Entity",
        from = "Column::CommitmentId",
        to = "super::commitment::Column::Id"
    )]
    Commitment,
    /// `action_id` refers to `action`.
    #[sea_orm(
        belongs_to = "super::action::Entity",
        from = "Column::ActionId",
        to = "super::action::Column::Id"
    )]
    Action,
    /// `priority_id` refers to `priority`.
    #[sea_orm(
        belongs_to = "super::priority::Entity",
        from = "Column::PriorityId",
        to = "super::priority::Column::Id"
    )]
    Priority,
}

impl ActiveModelBehavior for ActiveModel {}

//! A SMART action (maatregel) under a priority.

use crate::enums::{ActionStatus, ClusterPosition, TrafficLight};
use sea_orm::entity::prelude::*;

/// A SMART action (maatregel) under a priority.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub priority_id: i32,
    /// What exactly will be done.
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// The cluster that leads.
    #[sea_orm(indexed)]
    pub lead_cluster_id: Option<i32>,
    pub responsible_person: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub measurable_target: Option<String>,
    #[sea_orm(indexed)]
    pub deadline: Option<Date>,
    #[sea_orm(indexed)]
    pub status: ActionStatus,
    pub progress_percent: i32,
    #[sea_orm(indexed)]
    pub traffic_light: TrafficLight,
    /// The cluster that proposed the action during consultation, if one did.
    pub proposed_by_cluster_id: Option<i32>,
    /// The lead cluster's latest position on the action; empty until it takes one (and
    /// again when another cluster is made lead).
    pub lead_position: Option<ClusterPosition>,
    /// When the action was dropped from its plan, if it was.
    pub dropped_at: Option<DateTimeUtc>,
    /// Why it was dropped.
    #[sea_orm(column_type = "Text")]
    pub drop_reason: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `priority_id` refers to `priority`.
    #[sea_orm(
        belongs_to = "super::priority::Entity",
        from = "Column::PriorityId",
        to = "super::priority::Column::Id"
    )]
    Priority,
    /// `lead_cluster_id` refers to `cluster`.
    #[sea_orm(
        belongs_to = "super::cluster::Entity",
        from = "Column::LeadClusterId",
        to = "super::cluster::Column::Id"
    )]
    LeadCluster,
    /// `proposed_by_cluster_id` refers to `cluster`.
    #[sea_orm(
        belongs_to = "super::cluster::Entity",
        from = "Column::ProposedByClusterId",
        to = "super::cluster::Column::Id"
    )]
    ProposedByCluster,
}

impl ActiveModelBehavior for ActiveModel {}

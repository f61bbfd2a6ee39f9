//! A plan: area plan, implementation plan or neighbourhood action plan.

use crate::enums::{PlanKind, PlanStatus};
use sea_orm::entity::prelude::*;

/// A plan: area plan, implementation plan or neighbourhood action plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub kind: PlanKind,
    pub title: String,
    /// The area the plan belongs to (at the time it was made).
    #[sea_orm(indexed)]
    pub area_id: i32,
    /// Set for neighbourhood action plans.
    #[sea_orm(indexed)]
    pub neighbourhood_id: Option<i32>,
    /// Set for implementation plans.
    #[sea_orm(indexed)]
    pub cluster_id: Option<i32>,
    /// First year covered.
    #[sea_orm(indexed)]
    pub year_from: i32,
    /// Last year covered (same as year_from for a yearly plan).
    pub year_to: i32,
    #[sea_orm(indexed)]
    pub status: PlanStatus,
    /// The plan it derives from (an action plan's area plan).
    #[sea_orm(indexed)]
    pub parent_plan_id: Option<i32>,
    /// The plan that replaced this one in a merge.
    #[sea_orm(indexed)]
    pub superseded_by_id: Option<i32>,
    pub adopted_at: Option<DateTimeUtc>,
    /// Optimistic concurrency version.
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `area_id` refers to `area`.
    #[sea_orm(
        belongs_to = "super::area::Entity",
        from = "Column::AreaId",
        to = "super::area::Column::Id"
    )]
    Area,
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
    /// `parent_plan_id` refers to `plan`.
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ParentPlanId",
        to = "Column::Id"
    )]
    ParentPlan,
    /// `superseded_by_id` refers to `plan`.
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::SupersededById",
        to = "Column::Id"
    )]
    SupersededBy,
}

impl ActiveModelBehavior for ActiveModel {}

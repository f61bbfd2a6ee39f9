//! A dated membership of a neighbourhood action team; never overwritten.

use crate::enums::{MembershipKind, TeamRole};
use sea_orm::entity::prelude::*;

/// A dated membership of a neighbourhood action team; never overwritten.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "team_membership")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub neighbourhood_id: i32,
    #[sea_orm(indexed)]
    pub person_id: i32,
    pub role: TeamRole,
    #[sea_orm(indexed)]
    pub cluster_id: Option<i32>,
    pub kind: MembershipKind,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
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
    /// `person_id` refers to `person`.
    #[sea_orm(
        belongs_to = "super::person::Entity",
        from = "Column::PersonId",
        to = "super::person::Column::Id"
    )]
    Person,
    /// `cluster_id` refers to `cluster`.
    #[sea_orm(
        belongs_to = "super::cluster::Entity",
        from = "Column::ClusterId",
        to = "super::cluster::Column::Id"
    )]
    Cluster,
}

impl ActiveModelBehavior for ActiveModel {}

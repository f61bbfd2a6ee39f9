//! A cluster's position on an action it is asked to lead, given during consultation. The
//! history is kept: a new position never overwrites an earlier one.

use crate::enums::ClusterPosition;
use sea_orm::entity::prelude::*;

/// A cluster's position on an action it is asked to lead.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "action_position")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub action_id: i32,
    /// The cluster whose position it is (the action's lead cluster at the time).
    #[sea_orm(indexed)]
    pub cluster_id: i32,
    pub position: ClusterPosition,
    /// Why: required unless the position is plain support.
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    /// Who gave it: the token's subject.
    pub taken_by: String,
    pub taken_at: DateTimeUtc,
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
}

impl ActiveModelBehavior for ActiveModel {}

//! A budgeted service of a cluster, the unit of a budget line.

use sea_orm::entity::prelude::*;

/// A budgeted service of a cluster, the unit of a budget line.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "product")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub cluster_id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    /// BBV taakveld code, e.g. `6.2`.
    #[sea_orm(indexed)]
    pub taakveld_code: String,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `cluster_id` refers to `cluster`.
    #[sea_orm(
        belongs_to = "super::cluster::Entity",
        from = "Column::ClusterId",
        to = "super::cluster::Column::Id"
    )]
    Cluster,
}

impl ActiveModelBehavior for ActiveModel {}

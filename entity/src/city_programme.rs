//! A cluster's city-wide policy programme (stedelijk programma).

use sea_orm::entity::prelude::*;

/// A cluster's city-wide policy programme (stedelijk programma).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "city_programme")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed, unique_key = "name")]
    pub cluster_id: i32,
    #[sea_orm(unique_key = "name")]
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
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

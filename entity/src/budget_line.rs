//! A budget line (begrotingsregel): cluster, product, year, and city-wide or an area or neighbourhood.

use crate::enums::BudgetKind;
use sea_orm::entity::prelude::*;

/// A budget line (begrotingsregel): cluster, product, year, and city-wide or an area or neighbourhood.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "budget_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub cluster_id: i32,
    #[sea_orm(indexed)]
    pub product_id: i32,
    #[sea_orm(indexed)]
    pub year: i32,
    #[sea_orm(indexed)]
    pub area_id: Option<i32>,
    #[sea_orm(indexed)]
    pub neighbourhood_id: Option<i32>,
    pub kind: BudgetKind,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// Capacity in hundredths of an hour.
    pub capacity_hours_centi: i64,
    pub version: i32,
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
    /// `product_id` refers to `product`.
    #[sea_orm(
        belongs_to = "super::product::Entity",
        from = "Column::ProductId",
        to = "super::product::Column::Id"
    )]
    Product,
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
}

impl ActiveModelBehavior for ActiveModel {}

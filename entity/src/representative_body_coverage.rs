//! Which area or neighbourhood a representative body covers (exactly one of the two).

use sea_orm::entity::prelude::*;

/// Which area or neighbourhood a representative body covers (exactly one of the two).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "representative_body_coverage")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed, unique_key = "cover")]
    pub body_id: i32,
    #[sea_orm(indexed, unique_key = "cover")]
    pub area_id: Option<i32>,
    #[sea_orm(indexed, unique_key = "cover")]
    pub neighbourhood_id: Option<i32>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `body_id` refers to `representative_body`.
    #[sea_orm(
        belongs_to = "super::representative_body::Entity",
        from = "Column::BodyId",
        to = "super::representative_body::Column::Id"
    )]
    Body,
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

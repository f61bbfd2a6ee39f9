//! A neighbourhood (wijk) within an area, identified by its CBS buurt code.

use sea_orm::entity::prelude::*;

/// A neighbourhood (wijk) within an area, identified by its CBS buurt code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "neighbourhood")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// CBS buurt code, e.g. `BU05991086`.
    #[sea_orm(unique)]
    pub code: String,
    /// Name, e.g. Afrikaanderwijk.
    pub name: String,
    /// The area it lies in.
    #[sea_orm(indexed)]
    pub area_id: i32,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    /// Part of the 2016 pilot wijkgestuurd werken.
    pub pilot_2016: bool,
    /// The neighbourhood team's contact address for residents (a functional mailbox).
    pub contact: Option<String>,
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
}

impl ActiveModelBehavior for ActiveModel {}

//! An area (gebied), one of the city's districts, identified by its CBS wijk code.

use sea_orm::entity::prelude::*;

/// An area (gebied), one of the city's districts, identified by its CBS wijk code.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "area")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// CBS wijk code, e.g. `WK059910`.
    #[sea_orm(unique)]
    pub code: String,
    /// Name, e.g. Feijenoord.
    #[sea_orm(unique)]
    pub name: String,
    /// First day the area exists.
    pub valid_from: Date,
    /// Last day, when the area was dissolved or merged.
    pub valid_to: Option<Date>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

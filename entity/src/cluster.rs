//! A city-wide line department (cluster / directie) that owns staff and budget.

use sea_orm::entity::prelude::*;

/// A city-wide line department (cluster / directie) that owns staff and budget.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "cluster")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Short code: MO, SO, SB, WI, DV, BCO, VEI.
    #[sea_orm(unique)]
    pub code: String,
    #[sea_orm(unique)]
    pub name: String,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

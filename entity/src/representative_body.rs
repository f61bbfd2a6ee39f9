//! An elected or drawn residents' body: area committee, neighbourhood council or committee.

use crate::enums::RepresentativeBodyKind;
use sea_orm::entity::prelude::*;

/// An elected or drawn residents' body: area committee, neighbourhood council or committee.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "representative_body")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: RepresentativeBodyKind,
    #[sea_orm(unique)]
    pub name: String,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

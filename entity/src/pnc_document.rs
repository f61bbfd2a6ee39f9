//! A P&C document for one budget year and phase.

use crate::enums::{PncDocumentStatus, PncPhase};
use sea_orm::entity::prelude::*;

/// A P&C document for one budget year and phase.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "pnc_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique_key = "phase")]
    pub year: i32,
    #[sea_orm(unique_key = "phase")]
    pub phase: PncPhase,
    pub title: String,
    pub status: PncDocumentStatus,
    pub adopted_at: Option<DateTimeUtc>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

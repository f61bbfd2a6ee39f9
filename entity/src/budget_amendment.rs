//! A typed budget amendment (bijstelling) in a P&C phase.

use crate::enums::AmendmentType;
use sea_orm::entity::prelude::*;

/// A typed budget amendment (bijstelling) in a P&C phase.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "budget_amendment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub pnc_document_id: i32,
    #[sea_orm(indexed)]
    pub budget_line_id: i32,
    pub amendment_type: AmendmentType,
    /// Change in euro cents.
    pub delta_cents: i64,
    #[sea_orm(column_type = "Text")]
    pub rationale: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `pnc_document_id` refers to `pnc_document`.
    #[sea_orm(
        belongs_to = "super::pnc_document::Entity",
        from = "Column::PncDocumentId",
        to = "super::pnc_document::Column::Id"
    )]
    PncDocument,
    /// `budget_line_id` refers to `budget_line`.
    #[sea_orm(
        belongs_to = "super::budget_line::Entity",
        from = "Column::BudgetLineId",
        to = "super::budget_line::Column::Id"
    )]
    BudgetLine,
}

impl ActiveModelBehavior for ActiveModel {}

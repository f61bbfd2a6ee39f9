//! That a commitment request's answer deadline has passed was announced: one row per
//! request, so that several instances announce it once between them.

use sea_orm::entity::prelude::*;

/// The announcement that a request's deadline passed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "deadline_notice")]
pub struct Model {
    /// The request (a commitment); at most one announcement each.
    #[sea_orm(primary_key, auto_increment = false)]
    pub commitment_id: i32,
    /// When the announcement was made.
    pub announced_at: DateTimeUtc,
}

/// The request announced.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::commitment::Entity",
        from = "Column::CommitmentId",
        to = "super::commitment::Column::Id"
    )]
    Commitment,
}

impl ActiveModelBehavior for ActiveModel {}

//! A version of a plan's content: opened to revise an adopted plan, and filled with the
//! plan's content as adopted when it is adopted. Adopted revisions are never changed.

use sea_orm::entity::prelude::*;

/// A version of a plan's content.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed)]
    pub plan_id: i32,
    /// 1 for the plan as first adopted, then 2, 3, … per revision.
    pub number: i32,
    /// Why the revision was opened; empty for the first version.
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    pub opened_by: String,
    pub opened_at: DateTimeUtc,
    /// Who adopted it (empty for plans adopted before revisions were kept).
    pub adopted_by: Option<String>,
    pub adopted_at: Option<DateTimeUtc>,
    /// The plan's content as adopted (title, priorities, actions), as JSON; empty until
    /// the revision is adopted.
    #[sea_orm(column_type = "Text")]
    pub content: Option<String>,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// `plan_id` refers to `plan`.
    #[sea_orm(
        belongs_to = "super::plan::Entity",
        from = "Column::PlanId",
        to = "super::plan::Column::Id"
    )]
    Plan,
}

impl ActiveModelBehavior for ActiveModel {}

//! A ranked priority (prioriteit) within a plan; at most five are active in an action plan.

use crate::enums::CityAlignment;
use sea_orm::entity::prelude::*;

/// A ranked priority (prioriteit) within a plan; at most five are active in an action plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "priority")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(indexed, unique_key = "rank")]
    pub plan_id: i32,
    /// 1..5 while active; empty once dropped.
    #[sea_orm(unique_key = "rank")]
    pub rank: Option<i32>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// The area-plan theme it derives from.
    pub theme: Option<String>,
    #[sea_orm(indexed)]
    pub city_programme_id: Option<i32>,
    pub city_alignment: CityAlignment,
    pub dropped_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub drop_reason: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
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
    /// `city_programme_id` refers to `city_programme`.
    #[sea_orm(
        belongs_to = "super::city_programme::Entity",
        from = "Column::CityProgrammeId",
        to = "super::city_programme::Column::Id"
    )]
    CityProgramme,
}

impl ActiveModelBehavior for ActiveModel {}

//! Issues outside the plan: questions and signals that come up in a neighbourhood and are
//! not actions of its plan ("de rest" beside the five priorities). Each neighbourhood has
//! one issue list per year (plan kind `ISSUE_LIST`, started with its first issue, never
//! published); an issue is an action on that list, so it is requested of a cluster with
//! the same deadline, answered and escalated exactly like a plan action, and reported
//! apart from the priorities.

use chrono::{Datelike, Utc};
use entity::enums::{CityAlignment, PlanKind, PlanStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use super::action::ActionFields;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::Year;

/// A new issue.
pub struct NewIssue {
    /// The neighbourhood it came up in.
    pub neighbourhood_id: i32,
    /// The year it belongs to; by default the current one.
    pub year: Option<Year>,
    /// The issue, and optionally the cluster to lead and a deadline.
    pub fields: ActionFields,
}

/// The title of the one priority an issue list holds.
const ISSUES: &str = "Buiten het plan";

/// Records an issue on the neighbourhood's issue list for the year (who may edit the
/// neighbourhood's plans: its manager, the area director), starting the list if needed.
pub async fn record_issue(change: &Change<'_>, input: NewIssue) -> ApiResult<action::Model> {
    let year = input.year.map_or_else(|| Utc::now().year(), Year::get);
    let neighbourhood = neighbourhood::Entity::find_by_id(input.neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    let list = plan::Entity::find()
        .filter(plan::Column::NeighbourhoodId.eq(neighbourhood.id))
        .filter(plan::Column::Kind.eq(PlanKind::IssueList))
        .filter(plan::Column::YearFrom.eq(year))
        .one(change.txn())
        .await?;
    let (list, priority) = match list {
        Some(list) => {
            let priority = priority::Entity::find()
                .filter(priority::Column::PlanId.eq(list.id))
                .one(change.txn())
                .await?
                .ok_or(ApiError::NotFound("priority"))?;
            (list, priority)
        }
        None => start_list(change, &neighbourhood, year).await?,
    };
    let row = super::action::insert(change, &priority, input.fields, None).await?;
    change
        .require::<plan::Entity>(list.id, Operation::Edit, "plan")
        .await?;
    change
        .audit(
            "Action",
            row.id,
            "recordNeighbourhoodIssue",
            None::<&()>,
            Some(&row),
        )
        .await?;
    Ok(row)
}

/// Starts the neighbourhood's issue list for `year`: in force at once, with its one
/// priority.
async fn start_list(
    change: &Change<'_>,
    neighbourhood: &neighbourhood::Model,
    year: i32,
) -> ApiResult<(plan::Model, priority::Model)> {
    let now = Utc::now();
    let list = change
        .insert(plan::ActiveModel {
            kind: Set(PlanKind::IssueList),
            title: Set(format!("Signalen {} {year}", neighbourhood.name)),
            area_id: Set(neighbourhood.area_id),
            neighbourhood_id: Set(Some(neighbourhood.id)),
            cluster_id: Set(None),
            year_from: Set(year),
            year_to: Set(year),
            status: Set(PlanStatus::Adopted),
            parent_plan_id: Set(None),
            superseded_by_id: Set(None),
            adopted_at: Set(Some(now)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
    change
        .created::<plan::Entity>(
            list.id,
            Operation::Edit,
            "plan",
            "recordNeighbourhoodIssue",
            &list,
        )
        .await?;
    let priority = change
        .insert(priority::ActiveModel {
            plan_id: Set(list.id),
            rank: Set(None),
            title: Set(ISSUES.to_owned()),
            description: Set(
                "Vragen en signalen uit de wijk die geen maatregel van het wijkactieplan zijn."
                    .to_owned(),
            ),
            theme: Set(None),
            city_programme_id: Set(None),
            city_alignment: Set(CityAlignment::Unassessed),
            dropped_at: Set(None),
            drop_reason: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
    Ok((list, priority))
}

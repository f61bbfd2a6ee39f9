//! Plans: draft, edit, submit to the clusters, adopt. A neighbourhood action plan has at
//! most five active priorities, ranked 1..5, and is adopted with exactly five, every
//! action SMART and supported by its lead cluster — or with each support gap accepted by
//! the area director with a recorded reason.
//!
//! Drafting, editing, submitting and closing are here; adoption with its gaps and waivers
//! is in `adoption.rs`, merging two plans in `merge.rs`.

mod adoption;
mod merge;

pub use adoption::{WAIVABLE, Waiver, adopt_plan};
pub use merge::{Merge, merge_plans};

use chrono::Utc;
use entity::enums::{PlanKind, PlanStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Title, Year};

/// A new neighbourhood action plan.
pub struct NewPlan {
    /// The neighbourhood.
    pub neighbourhood_id: i32,
    /// The year it covers.
    pub year: Year,
    /// Title; by default "Wijkactieplan <neighbourhood> <year>".
    pub title: Option<Title>,
}

/// Drafts a neighbourhood action plan.
pub async fn create_plan(change: &Change<'_>, input: NewPlan) -> ApiResult<plan::Model> {
    let neighbourhood = neighbourhood::Entity::find_by_id(input.neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    // One action plan per neighbourhood and year: the unique index
    // `uq-plan-action_plan_per_year` refuses a second one, also when two requests race;
    // its refusal answers BAD_USER_INPUT naming input.year (see `domain::unique`).
    let year = input.year.get();
    let title = match input.title {
        Some(title) => title.into_string(),
        None => format!("Wijkactieplan {} {year}", neighbourhood.name),
    };
    let area_plan = plan::Entity::find()
        .filter(plan::Column::AreaId.eq(neighbourhood.area_id))
        .filter(plan::Column::Kind.eq(PlanKind::AreaPlan))
        .filter(plan::Column::YearFrom.lte(year))
        .filter(plan::Column::YearTo.gte(year))
        .one(change.txn())
        .await?;
    let now = Utc::now();
    let row = change
        .insert(plan::ActiveModel {
            kind: Set(PlanKind::NeighbourhoodActionPlan),
            title: Set(title),
            area_id: Set(neighbourhood.area_id),
            neighbourhood_id: Set(Some(neighbourhood.id)),
            cluster_id: Set(None),
            year_from: Set(year),
            year_to: Set(year),
            status: Set(PlanStatus::Draft),
            parent_plan_id: Set(area_plan.map(|plan| plan.id)),
            superseded_by_id: Set(None),
            adopted_at: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
    change
        .created::<plan::Entity>(row.id, Operation::Edit, "plan", "createPlan", &row)
        .await?;
    Ok(row)
}

/// The plan an action belongs to (through its priority).
pub async fn plan_of_action(change: &Change<'_>, action: &action::Model) -> ApiResult<plan::Model> {
    let priority = priority::Entity::find_by_id(action.priority_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("priority"))?;
    plan::Entity::find_by_id(priority.plan_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("plan"))
}

/// The statuses in which a plan's content may still change.
pub(super) fn editable(plan: &plan::Model, attempted: &'static str) -> ApiResult<()> {
    match plan.status {
        PlanStatus::Draft | PlanStatus::InConsultation => Ok(()),
        other => Err(ApiError::InvalidTransition {
            current: status_name(other),
            attempted,
        }),
    }
}

/// The status as the API spells it.
pub fn status_name<T: serde::Serialize + std::fmt::Debug>(status: T) -> String {
    serde_json::to_value(&status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        // Every status serializes as its API name; were one not to, its Rust name still
        // tells the client which it is.
        .unwrap_or_else(|| format!("{status:?}").to_uppercase())
}

/// Retitles a plan that is not yet adopted.
pub async fn update_plan(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    title: Title,
) -> ApiResult<plan::Model> {
    let before = change
        .load::<plan::Entity>(id, Operation::Edit, "plan")
        .await?;
    editable(&before, "edit the plan")?;
    let after = change
        .update(
            id,
            expected,
            plan::ActiveModel {
                title: Set(title.into_string()),
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
        )
        .await?;
    finish(change, &before, &after, "updatePlan", Operation::Edit).await
}

/// Sends a draft to the clusters for consultation.
pub async fn submit_plan(change: &Change<'_>, id: i32, expected: i32) -> ApiResult<plan::Model> {
    let step = Step {
        needed: Operation::Edit,
        from: PlanStatus::Draft,
        to: PlanStatus::InConsultation,
        attempted: "submit the plan",
        operation: "submitPlan",
    };
    move_plan(change, id, expected, step).await
}

/// One status step of a plan.
struct Step {
    needed: Operation,
    from: PlanStatus,
    to: PlanStatus,
    attempted: &'static str,
    operation: &'static str,
}

/// Moves a plan one status step, if it is where the step starts.
async fn move_plan(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    step: Step,
) -> ApiResult<plan::Model> {
    let before = change.load::<plan::Entity>(id, step.needed, "plan").await?;
    if before.status != step.from {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.status),
            attempted: step.attempted,
        });
    }
    let changes = plan::ActiveModel {
        status: Set(step.to),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    let after = change.update(id, expected, changes).await?;
    finish(change, &before, &after, step.operation, step.needed).await
}

pub(super) async fn active_priorities(
    change: &Change<'_>,
    plan_id: i32,
) -> ApiResult<Vec<priority::Model>> {
    active_priorities_on(change.txn(), plan_id).await
}

/// The plan's priorities that are not dropped.
pub(super) async fn active_priorities_on(
    db: &impl sea_orm::ConnectionTrait,
    plan_id: i32,
) -> ApiResult<Vec<priority::Model>> {
    Ok(priority::Entity::find()
        .filter(priority::Column::PlanId.eq(plan_id))
        .filter(priority::Column::DroppedAt.is_null())
        .all(db)
        .await?)
}

/// Post-check and audit of a plan change.
async fn finish(
    change: &Change<'_>,
    before: &plan::Model,
    after: &plan::Model,
    operation: &str,
    needed: Operation,
) -> ApiResult<plan::Model> {
    change
        .require::<plan::Entity>(after.id, needed, "plan")
        .await?;
    change
        .audit("Plan", after.id, operation, Some(before), Some(after))
        .await?;
    Ok(after.clone())
}

/// The plan of a priority, loaded for editing.
pub(super) async fn plan_of_priority(
    change: &Change<'_>,
    priority_id: i32,
) -> ApiResult<(priority::Model, plan::Model)> {
    let priority = change
        .load::<priority::Entity>(priority_id, Operation::Read, "priority")
        .await?;
    let plan = change
        .load::<plan::Entity>(priority.plan_id, Operation::Edit, "plan")
        .await?;
    Ok((priority, plan))
}

/// Closes an adopted plan at year end.
pub async fn close_plan(change: &Change<'_>, id: i32, expected: i32) -> ApiResult<plan::Model> {
    let step = Step {
        needed: Operation::Adopt,
        from: PlanStatus::Adopted,
        to: PlanStatus::Closed,
        attempted: "close the plan",
        operation: "closePlan",
    };
    move_plan(change, id, expected, step).await
}

#[cfg(test)]
mod tests;

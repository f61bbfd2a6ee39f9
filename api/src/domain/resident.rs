//! Residents' input: recorded with a public reference, then linked to the places where it
//! landed (priorities or actions of the neighbourhood's plans, priorities of its area's
//! plan), or closed with the reason it was not incorporated — so residents can find it
//! back. Landings are dated and never deleted: when what input landed in is dropped, the
//! landing ends, the input moves to the action's priority or, with no place left, reopens;
//! it is never incorporated without a live place.

use chrono::{Datelike, NaiveDate, Utc};
use entity::enums::{PlanKind, ResidentInputOutcome, ResidentInputSource};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Long, Reason};

mod follow;

pub use follow::{Dropped, follow_drop};

/// The public reference of input `id` received on `received_on`: `RI-<year>-<id>`.
pub fn reference_of(id: i32, received_on: NaiveDate) -> String {
    format!("RI-{}-{id:04}", received_on.year())
}

/// Records residents' input for a neighbourhood.
pub async fn record(
    change: &Change<'_>,
    neighbourhood_id: i32,
    source: ResidentInputSource,
    received_on: NaiveDate,
    summary: Long,
) -> ApiResult<resident_input::Model> {
    neighbourhood::Entity::find_by_id(neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    if received_on > chrono::Utc::now().date_naive() {
        return Err(ApiError::bad_input(
            "received_on",
            "must not be in the future",
        ));
    }
    let row = change
        .insert(resident_input::ActiveModel {
            neighbourhood_id: Set(neighbourhood_id),
            source: Set(source),
            received_on: Set(received_on),
            summary: Set(summary.into_string()),
            reference: Set(None),
            outcome: Set(ResidentInputOutcome::Pending),
            reason: Set(None),
            priority_id: Set(None),
            action_id: Set(None),
            version: Set(1),
            ..Default::default()
        })
        .await?;
    let row = resident_input::Entity::update_many()
        .set(resident_input::ActiveModel {
            reference: Set(Some(reference_of(row.id, received_on))),
            ..Default::default()
        })
        .filter(resident_input::Column::Id.eq(row.id))
        .exec_with_returning(change.txn())
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("residents' input"))?;
    change
        .created::<resident_input::Entity>(
            row.id,
            Operation::RecordInput,
            "residents' input",
            "recordResidentInput",
            &row,
        )
        .await?;
    Ok(row)
}

/// Where input landed.
pub enum Landing {
    /// In a priority.
    Priority(i32),
    /// In an action.
    Action(i32),
}

async fn pending(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    attempted: &'static str,
) -> ApiResult<resident_input::Model> {
    let row = change
        .load_at::<resident_input::Entity>(id, expected, Operation::RecordInput, "residents' input")
        .await?;
    if row.outcome != ResidentInputOutcome::Pending {
        return Err(ApiError::InvalidTransition {
            current: status_name(row.outcome),
            attempted,
        });
    }
    Ok(row)
}

/// Links input to one more place where it landed: a priority or action of a plan of its
/// neighbourhood, or a priority of its area's area plan. Dated; the input is then
/// incorporated. Pending and incorporated input may be linked.
pub async fn link(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    landing: Landing,
) -> ApiResult<resident_input::Model> {
    let before = change
        .load_at::<resident_input::Entity>(id, expected, Operation::RecordInput, "residents' input")
        .await?;
    if before.outcome == ResidentInputOutcome::NotIncorporated {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.outcome),
            attempted: "link the input",
        });
    }
    let (priority_id, action_id) = match landing {
        Landing::Priority(id) => (id, None),
        Landing::Action(id) => {
            let action = change
                .load::<action::Entity>(id, Operation::Read, "action")
                .await?;
            if action.dropped_at.is_some() {
                return Err(ApiError::bad_input("action_id", "the action was dropped"));
            }
            (action.priority_id, Some(id))
        }
    };
    let priority = change
        .load::<priority::Entity>(priority_id, Operation::Read, "priority")
        .await?;
    if priority.dropped_at.is_some() {
        return Err(ApiError::bad_input(
            "priority_id",
            "the priority was dropped",
        ));
    }
    let plan = plan::Entity::find_by_id(priority.plan_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("plan"))?;
    let neighbourhood = neighbourhood::Entity::find_by_id(before.neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    let fits = plan.neighbourhood_id == Some(neighbourhood.id)
        || (plan.kind == PlanKind::AreaPlan
            && plan.area_id == neighbourhood.area_id
            && action_id.is_none());
    if !fits {
        return Err(ApiError::bad_input(
            "priority_id",
            "must be in a plan of the input's neighbourhood, or a priority of its area's plan",
        ));
    }
    let current = current_landings(change, id).await?;
    if current
        .iter()
        .any(|landing| landing.priority_id == priority.id && landing.action_id == action_id)
    {
        return Err(ApiError::bad_input(
            "priority_id",
            "the input already lands there",
        ));
    }
    land(change, id, priority.id, action_id).await?;
    let mut changes = resident_input::ActiveModel {
        outcome: Set(ResidentInputOutcome::Incorporated),
        ..Default::default()
    };
    if current.is_empty() {
        changes.priority_id = Set(Some(priority.id));
        changes.action_id = Set(action_id);
    }
    let after = change
        .updated(id, &before, expected, changes, "linkResidentInput")
        .await?;
    change
        .require::<resident_input::Entity>(id, Operation::RecordInput, "residents' input")
        .await?;
    Ok(after)
}

/// Lands input `id` in a priority (and an action of it), dated now, by the caller.
async fn land(
    change: &Change<'_>,
    id: i32,
    priority_id: i32,
    action_id: Option<i32>,
) -> ApiResult<input_landing::Model> {
    change
        .insert(input_landing::ActiveModel {
            resident_input_id: Set(id),
            priority_id: Set(priority_id),
            action_id: Set(action_id),
            linked_by: Set(change.actor()),
            linked_at: Set(Utc::now()),
            ended_at: Set(None),
            end_reason: Set(None),
            ..Default::default()
        })
        .await
}

/// The input's landings that hold, oldest first.
async fn current_landings(change: &Change<'_>, id: i32) -> ApiResult<Vec<input_landing::Model>> {
    Ok(input_landing::Entity::find()
        .filter(input_landing::Column::ResidentInputId.eq(id))
        .filter(input_landing::Column::EndedAt.is_null())
        .order_by_asc(input_landing::Column::Id)
        .all(change.txn())
        .await?)
}

/// Closes input that was not incorporated, with the reason residents will read.
pub async fn close(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: Reason,
) -> ApiResult<resident_input::Model> {
    let before = pending(change, id, expected, "close the input").await?;
    let changes = resident_input::ActiveModel {
        outcome: Set(ResidentInputOutcome::NotIncorporated),
        reason: Set(Some(reason.into_string())),
        ..Default::default()
    };
    let after = change
        .updated(id, &before, expected, changes, "closeResidentInput")
        .await?;
    change
        .require::<resident_input::Entity>(id, Operation::RecordInput, "residents' input")
        .await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_has_the_year_received_and_at_least_four_digits_of_the_id() {
        let day = |year| NaiveDate::from_ymd_opt(year, 5, 1).unwrap();
        assert_eq!(reference_of(42, day(2016)), "RI-2016-0042");
        assert_eq!(reference_of(12_345, day(2016)), "RI-2016-12345");
        assert_ne!(
            reference_of(1_234, day(2016)),
            reference_of(11_234, day(2016))
        );
    }
}

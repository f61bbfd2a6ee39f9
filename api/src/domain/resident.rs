//! Residents' input: recorded, then linked to the priority or action where it landed, or
//! closed with the reason it was not incorporated — so residents can find it back.

use chrono::NaiveDate;
use entity::enums::{ResidentInputOutcome, ResidentInputSource};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use super::plan::status_name;
use super::{Change, text};
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};

/// Records residents' input for a neighbourhood.
pub async fn record(
    change: &Change<'_>,
    neighbourhood_id: i32,
    source: ResidentInputSource,
    received_on: NaiveDate,
    summary: &str,
) -> ApiResult<resident_input::Model> {
    neighbourhood::Entity::find_by_id(neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    if received_on > chrono::Utc::now().date_naive() {
        return Err(ApiError::bad_input(
            "input.receivedOn",
            "must not be in the future",
        ));
    }
    let row = change
        .insert(resident_input::ActiveModel {
            neighbourhood_id: Set(neighbourhood_id),
            source: Set(source),
            received_on: Set(received_on),
            summary: Set(text("input.summary", summary, 4000)?),
            outcome: Set(ResidentInputOutcome::Pending),
            reason: Set(None),
            priority_id: Set(None),
            action_id: Set(None),
            version: Set(1),
            ..Default::default()
        })
        .await?;
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

/// Links input to the priority or action of the same neighbourhood where it landed.
pub async fn link(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    landing: Landing,
) -> ApiResult<resident_input::Model> {
    let before = pending(change, id, expected, "link the input").await?;
    let (priority_id, action_id) = match landing {
        Landing::Priority(id) => (id, None),
        Landing::Action(id) => {
            let action = change
                .load::<action::Entity>(id, Operation::Read, "action")
                .await?;
            (action.priority_id, Some(id))
        }
    };
    let priority = change
        .load::<priority::Entity>(priority_id, Operation::Read, "priority")
        .await?;
    let plan = plan::Entity::find_by_id(priority.plan_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("plan"))?;
    if plan.neighbourhood_id != Some(before.neighbourhood_id) {
        return Err(ApiError::bad_input(
            "input.priorityId",
            "must be in a plan of the input's neighbourhood",
        ));
    }
    let changes = resident_input::ActiveModel {
        outcome: Set(ResidentInputOutcome::Incorporated),
        priority_id: Set(Some(priority.id)),
        action_id: Set(action_id),
        ..Default::default()
    };
    let after = change.update(id, expected, changes).await?;
    change
        .require::<resident_input::Entity>(id, Operation::RecordInput, "residents' input")
        .await?;
    change
        .audit(
            "ResidentInput",
            id,
            "linkResidentInput",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Closes input that was not incorporated, with the reason residents will read.
pub async fn close(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: &str,
) -> ApiResult<resident_input::Model> {
    let before = pending(change, id, expected, "close the input").await?;
    let changes = resident_input::ActiveModel {
        outcome: Set(ResidentInputOutcome::NotIncorporated),
        reason: Set(Some(text("input.reason", reason, 2000)?)),
        ..Default::default()
    };
    let after = change.update(id, expected, changes).await?;
    change
        .require::<resident_input::Entity>(id, Operation::RecordInput, "residents' input")
        .await?;
    change
        .audit(
            "ResidentInput",
            id,
            "closeResidentInput",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

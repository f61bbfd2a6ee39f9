//! SMART actions under a plan's priorities: added, edited and dropped while the plan is not
//! yet adopted; during consultation a cluster proposes measures for itself to lead and gives
//! its position on the actions it is asked to lead (`consultation`).

use chrono::{NaiveDate, Utc};
use entity::enums::{ActionStatus, TrafficLight};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use super::Change;
use super::plan::{editable, plan_of_priority};
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Line, Reason, Target};

mod consultation;

pub use consultation::{NewPosition, propose_action, take_position};

/// The SMART fields of an action; on update, absent fields stay as they are.
#[derive(Default)]
pub struct ActionFields {
    /// What exactly will be done; required for a new action.
    pub description: Option<Reason>,
    /// The cluster that leads.
    pub lead_cluster_id: Option<i32>,
    /// Who is responsible.
    pub responsible_person: Option<Line>,
    /// The measurable target.
    pub measurable_target: Option<Target>,
    /// The deadline.
    pub deadline: Option<NaiveDate>,
}

async fn check_cluster(change: &Change<'_>, cluster_id: Option<i32>) -> ApiResult<()> {
    if let Some(id) = cluster_id {
        cluster::Entity::find_by_id(id)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("cluster"))?;
    }
    Ok(())
}

/// Adds an action to an active priority of a plan that is not yet adopted.
pub async fn add_action(
    change: &Change<'_>,
    priority_id: i32,
    fields: ActionFields,
) -> ApiResult<action::Model> {
    let (priority, plan) = plan_of_priority(change, priority_id).await?;
    editable(&plan, "add an action")?;
    let row = insert(change, &priority, fields, None).await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    change
        .audit("Action", row.id, "addAction", None::<&()>, Some(&row))
        .await?;
    Ok(row)
}

/// Inserts an action under an active priority.
pub(super) async fn insert(
    change: &Change<'_>,
    priority: &priority::Model,
    fields: ActionFields,
    proposed_by: Option<i32>,
) -> ApiResult<action::Model> {
    if priority.dropped_at.is_some() {
        return Err(ApiError::InvalidTransition {
            current: "DROPPED".to_owned(),
            attempted: "add an action to the priority",
        });
    }
    check_cluster(change, fields.lead_cluster_id).await?;
    let description = fields
        .description
        .map(Reason::into_string)
        .ok_or_else(|| ApiError::bad_input("description", "must not be empty"))?;
    let now = Utc::now();
    change
        .insert(action::ActiveModel {
            priority_id: Set(priority.id),
            description: Set(description),
            lead_cluster_id: Set(fields.lead_cluster_id),
            responsible_person: Set(fields.responsible_person.map(Line::into_string)),
            measurable_target: Set(fields.measurable_target.map(Target::into_string)),
            deadline: Set(fields.deadline),
            status: Set(ActionStatus::NotStarted),
            progress_percent: Set(0),
            traffic_light: Set(TrafficLight::Grey),
            proposed_by_cluster_id: Set(proposed_by),
            lead_position: Set(None),
            dropped_at: Set(None),
            drop_reason: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await
}

/// `INVALID_TRANSITION` for a dropped action: it takes no more work.
pub(super) fn live(action: &action::Model, attempted: &'static str) -> ApiResult<()> {
    match action.dropped_at {
        Some(_) => Err(ApiError::InvalidTransition {
            current: "DROPPED".to_owned(),
            attempted,
        }),
        None => Ok(()),
    }
}

/// Drops an action from a plan that is not yet adopted, with the reason: it keeps its
/// history and positions, takes no more work, and the commitments still open on it are
/// withdrawn (their money freed).
pub async fn drop_action(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: Reason,
) -> ApiResult<action::Model> {
    let before = change
        .load::<action::Entity>(id, Operation::Read, "action")
        .await?;
    let (_, plan) = plan_of_priority(change, before.priority_id).await?;
    editable(&plan, "drop the action")?;
    live(&before, "drop the action")?;
    let reason = reason.into_string();
    let after = change
        .update(
            id,
            expected,
            action::ActiveModel {
                dropped_at: Set(Some(Utc::now())),
                drop_reason: Set(Some(reason.clone())),
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
        )
        .await?;
    super::commitment::withdraw_on(change, vec![id], &format!("action dropped: {reason}")).await?;
    super::resident::follow_drop(
        change,
        super::resident::Dropped::Action(&after),
        &format!("action dropped: {reason}"),
    )
    .await?;
    change
        .audit("Action", id, "dropAction", Some(&before), Some(&after))
        .await?;
    Ok(after)
}

/// Changes an action's SMART fields while its plan is not yet adopted (after adoption a
/// cluster disputes instead: no silent edits).
pub async fn update_action(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    fields: ActionFields,
) -> ApiResult<action::Model> {
    let before = change
        .load::<action::Entity>(id, Operation::Read, "action")
        .await?;
    let (_, plan) = plan_of_priority(change, before.priority_id).await?;
    editable(&plan, "edit the action")?;
    live(&before, "edit the action")?;
    check_cluster(change, fields.lead_cluster_id).await?;
    let mut changes = action::ActiveModel {
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    if let Some(description) = fields.description {
        changes.description = Set(description.into_string());
    }
    if let Some(cluster) = fields.lead_cluster_id {
        changes.lead_cluster_id = Set(Some(cluster));
        if before.lead_cluster_id != Some(cluster) {
            // The new lead has not said anything yet; the old lead's positions stay in
            // the history.
            changes.lead_position = Set(None);
        }
    }
    if let Some(person) = fields.responsible_person {
        changes.responsible_person = Set(Some(person.into_string()));
    }
    if let Some(target) = fields.measurable_target {
        changes.measurable_target = Set(Some(target.into_string()));
    }
    if let Some(deadline) = fields.deadline {
        changes.deadline = Set(Some(deadline));
    }
    let after = change
        .updated(id, &before, expected, changes, "updateAction")
        .await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    Ok(after)
}

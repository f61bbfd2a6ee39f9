//! SMART actions under a plan's priorities: added, edited and dropped while the plan is not
//! yet adopted; during consultation a cluster proposes measures for itself to lead and gives
//! its position on the actions it is asked to lead.

use chrono::{NaiveDate, Utc};
use entity::enums::{ActionStatus, ClusterPosition, PlanStatus, TrafficLight};
use entity::*;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use super::plan::{editable, plan_of_priority, status_name};
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Line, Reason, Target};

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

/// A cluster proposes a measure for a plan in consultation, to be led by itself
/// (`fields.lead_cluster_id`, one of the caller's clusters): the action is marked as
/// proposed by that cluster.
pub async fn propose_action(
    change: &Change<'_>,
    priority_id: i32,
    fields: ActionFields,
) -> ApiResult<action::Model> {
    let priority = change
        .load::<priority::Entity>(priority_id, Operation::Read, "priority")
        .await?;
    let plan = change
        .load::<plan::Entity>(priority.plan_id, Operation::Read, "plan")
        .await?;
    in_consultation(&plan, "propose a measure")?;
    let Some(cluster) = fields.lead_cluster_id else {
        return Err(ApiError::bad_input(
            "lead_cluster_id",
            "is required: the cluster that proposes the measure and will lead it",
        ));
    };
    let row = insert(change, &priority, fields, Some(cluster)).await?;
    change
        .created::<action::Entity>(row.id, Operation::Consult, "action", "proposeAction", &row)
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

/// `INVALID_TRANSITION` unless the plan is in consultation.
fn in_consultation(plan: &plan::Model, attempted: &'static str) -> ApiResult<()> {
    if plan.status == PlanStatus::InConsultation {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition {
            current: status_name(plan.status),
            attempted,
        })
    }
}

/// A cluster's position on an action.
pub struct NewPosition {
    /// The action.
    pub action_id: i32,
    /// Support, support with a reservation, or objection.
    pub position: ClusterPosition,
    /// Why; required unless the position is plain support.
    pub reason: Option<Reason>,
}

/// The lead cluster gives its position on an action of a plan in consultation. The
/// position is added to the action's history and becomes its lead cluster's current one.
pub async fn take_position(
    change: &Change<'_>,
    input: NewPosition,
) -> ApiResult<action_position::Model> {
    let before = change
        .load::<action::Entity>(input.action_id, Operation::Consult, "action")
        .await?;
    live(&before, "take a position on the action")?;
    let plan = super::plan::plan_of_action(change, &before).await?;
    in_consultation(&plan, "take a position on the action")?;
    let reason = match (input.position, input.reason) {
        (ClusterPosition::Support, reason) => reason.map(Reason::into_string),
        (_, Some(reason)) => Some(reason.into_string()),
        (_, None) => {
            return Err(ApiError::bad_input(
                "reason",
                "is required with a reservation or an objection",
            ));
        }
    };
    let Some(cluster_id) = before.lead_cluster_id else {
        return Err(ApiError::Forbidden(
            "the action has no lead cluster".to_owned(),
        ));
    };
    let now = Utc::now();
    let row = change
        .insert(action_position::ActiveModel {
            action_id: Set(before.id),
            cluster_id: Set(cluster_id),
            position: Set(input.position),
            reason: Set(reason),
            taken_by: Set(change.actor()),
            taken_at: Set(now),
            ..Default::default()
        })
        .await?;
    action::Entity::update_many()
        .set(action::ActiveModel {
            lead_position: Set(Some(input.position)),
            updated_at: Set(now),
            ..Default::default()
        })
        .col_expr(
            action::Column::Version,
            Expr::col(action::Column::Version).add(1),
        )
        .filter(action::Column::Id.eq(before.id))
        .exec(change.txn())
        .await?;
    change
        .created::<action_position::Entity>(
            row.id,
            Operation::Read,
            "position",
            "takePosition",
            &row,
        )
        .await?;
    Ok(row)
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

//! SMART actions under a plan's priorities: added and edited while the plan is not yet
//! adopted.

use chrono::{NaiveDate, Utc};
use entity::enums::{ActionStatus, TrafficLight};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use super::plan::{editable, plan_of_priority};
use super::{Change, optional_text, text};
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};

/// The SMART fields of an action; on update, absent fields stay as they are.
#[derive(Default)]
pub struct ActionFields {
    /// What exactly will be done.
    pub description: Option<String>,
    /// The cluster that leads.
    pub lead_cluster_id: Option<i32>,
    /// Who is responsible.
    pub responsible_person: Option<String>,
    /// The measurable target.
    pub measurable_target: Option<String>,
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
    if priority.dropped_at.is_some() {
        return Err(ApiError::InvalidTransition {
            current: "DROPPED".to_owned(),
            attempted: "add an action to the priority",
        });
    }
    check_cluster(change, fields.lead_cluster_id).await?;
    let description = text(
        "input.description",
        fields.description.as_deref().unwrap_or_default(),
        2000,
    )?;
    let now = Utc::now();
    let row = change
        .insert(action::ActiveModel {
            priority_id: Set(priority.id),
            description: Set(description),
            lead_cluster_id: Set(fields.lead_cluster_id),
            responsible_person: Set(optional_text(
                "input.responsiblePerson",
                fields.responsible_person.as_deref(),
                200,
            )?),
            measurable_target: Set(optional_text(
                "input.measurableTarget",
                fields.measurable_target.as_deref(),
                1000,
            )?),
            deadline: Set(fields.deadline),
            status: Set(ActionStatus::NotStarted),
            progress_percent: Set(0),
            traffic_light: Set(TrafficLight::Grey),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    change
        .audit("Action", row.id, "addAction", None::<&()>, Some(&row))
        .await?;
    Ok(row)
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
    check_cluster(change, fields.lead_cluster_id).await?;
    let mut changes = action::ActiveModel {
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    if let Some(description) = &fields.description {
        changes.description = Set(text("input.description", description, 2000)?);
    }
    if let Some(cluster) = fields.lead_cluster_id {
        changes.lead_cluster_id = Set(Some(cluster));
    }
    if let Some(person) = &fields.responsible_person {
        changes.responsible_person = Set(Some(text("input.responsiblePerson", person, 200)?));
    }
    if let Some(target) = &fields.measurable_target {
        changes.measurable_target = Set(Some(text("input.measurableTarget", target, 1000)?));
    }
    if let Some(deadline) = fields.deadline {
        changes.deadline = Set(Some(deadline));
    }
    let after = change.update(id, expected, changes).await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    change
        .audit("Action", id, "updateAction", Some(&before), Some(&after))
        .await?;
    Ok(after)
}

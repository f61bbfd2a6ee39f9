//! Raising an escalation about a commitment, and a cluster disputing an adopted item.

use super::{Subject, history, place_of_action, place_of_plan};
use chrono::Utc;
use entity::enums::{
    CommitmentStatus, EscalationLevel, EscalationStatus, EscalationSubject, PlanStatus,
};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use crate::access::Operation;
use crate::domain::Change;
use crate::domain::plan::status_name;
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

/// Raises an escalation at team level.
pub async fn raise(
    change: &Change<'_>,
    subject: Subject,
    reason: Reason,
) -> ApiResult<escalation::Model> {
    raise_for(change, subject, reason, None, "raiseEscalation").await
}

/// A cluster records that it disputes an adopted priority or action: never a silent edit,
/// but an escalation at team level, kept with its history. Only the cluster itself may.
pub async fn dispute(
    change: &Change<'_>,
    subject: Subject,
    cluster_id: i32,
    reason: Reason,
) -> ApiResult<escalation::Model> {
    if !matches!(
        subject,
        Subject::DisputedAction(_) | Subject::DisputedPriority(_)
    ) {
        return Err(ApiError::bad_input(
            "item",
            "a dispute is about a priority or an action",
        ));
    }
    let cluster = cluster::Entity::find_by_id(cluster_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("cluster"))?;
    let speaks_for_it = change.principal().grants.iter().any(|grant| {
        matches!(
            grant.role,
            crate::access::Role::ClusterMember | crate::access::Role::ClusterManager
        ) && grant.code == cluster.code
    });
    if !speaks_for_it {
        return Err(ApiError::Forbidden(format!(
            "only cluster {} disputes on its own behalf",
            cluster.code
        )));
    }
    raise_for(change, subject, reason, Some(cluster.id), "disputePlanItem").await
}

pub(super) async fn raise_for(
    change: &Change<'_>,
    subject: Subject,
    reason: Reason,
    disputing: Option<i32>,
    operation: &str,
) -> ApiResult<escalation::Model> {
    let reason = reason.into_string();
    let now = Utc::now();
    let (kind, place, commitment_id, action_id, priority_id) = match subject {
        Subject::OverdueRequest(id) | Subject::RejectedCommitment(id) => {
            let commitment = change
                .load::<commitment::Entity>(id, Operation::Raise, "commitment")
                .await?;
            let kind = match subject {
                Subject::OverdueRequest(_) => {
                    if commitment.status != CommitmentStatus::Requested
                        || commitment.response_deadline >= now
                    {
                        return Err(ApiError::InvalidTransition {
                            current: status_name(commitment.status),
                            attempted: "escalate a request that is not overdue",
                        });
                    }
                    EscalationSubject::OverdueRequest
                }
                _ => {
                    if commitment.status != CommitmentStatus::Rejected {
                        return Err(ApiError::InvalidTransition {
                            current: status_name(commitment.status),
                            attempted: "escalate a commitment that was not rejected",
                        });
                    }
                    EscalationSubject::RejectedCommitment
                }
            };
            let (place, _) =
                place_of_action(change, commitment.action_id, Some(commitment.cluster_id)).await?;
            (kind, place, Some(id), Some(commitment.action_id), None)
        }
        Subject::DisputedAction(id) => {
            let action = change
                .load::<action::Entity>(id, Operation::Raise, "action")
                .await?;
            let (place, plan) = place_of_action(change, action.id, disputing).await?;
            adopted(&plan)?;
            (EscalationSubject::DisputedItem, place, None, Some(id), None)
        }
        Subject::DisputedPriority(id) => {
            let priority = change
                .load::<priority::Entity>(id, Operation::Raise, "priority")
                .await?;
            let plan = plan::Entity::find_by_id(priority.plan_id)
                .one(change.txn())
                .await?
                .ok_or(ApiError::NotFound("plan"))?;
            let (place, plan) = place_of_plan(change, plan, disputing).await?;
            adopted(&plan)?;
            (EscalationSubject::DisputedItem, place, None, None, Some(id))
        }
    };
    let row = change
        .insert(escalation::ActiveModel {
            subject: Set(kind),
            neighbourhood_id: Set(place.neighbourhood_id),
            cluster_id: Set(place.cluster_id),
            commitment_id: Set(commitment_id),
            action_id: Set(action_id),
            priority_id: Set(priority_id),
            reason: Set(reason.clone()),
            level: Set(EscalationLevel::Team),
            owner: Set(place.owner(EscalationLevel::Team)),
            status: Set(EscalationStatus::Open),
            resolution: Set(None),
            raised_by: Set(change.actor()),
            raised_at: Set(now),
            closed_at: Set(None),
            version: Set(1),
            ..Default::default()
        })
        .await?;
    history(change, &row, &reason).await?;
    change
        .audit("Escalation", row.id, operation, None::<&()>, Some(&row))
        .await?;
    Ok(row)
}

pub(super) fn adopted(plan: &plan::Model) -> ApiResult<()> {
    if plan.status == PlanStatus::Adopted {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition {
            current: status_name(plan.status),
            attempted: "dispute an item of a plan that is not adopted",
        })
    }
}

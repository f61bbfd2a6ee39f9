//! The steps of an open escalation: up the ladder (by its owner, pulled up by the level
//! above, taken over by the area director), resolved, withdrawn.

use super::{above, holds, open_at, owned, owns, place, record};
use chrono::Utc;
use entity::enums::{CommitmentStatus, EscalationLevel, EscalationStatus, EscalationSubject};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::domain::Change;
use crate::domain::plan::status_name;
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

/// Moves an escalation up. Its owner moves it one rung up. The owner of the level above
/// pulls it up when the owner has not acted for `working_days` working days since it
/// reached their level — no level holds a veto by not answering. The area director of its
/// area takes it over at any time below the area level. The new level's owner has it.
pub async fn escalate_further(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    note: Reason,
    working_days: u32,
) -> ApiResult<escalation::Model> {
    let before = open_at(change, id, expected, "escalate further").await?;
    let note = note.into_string();
    let here = place(change, before.neighbourhood_id, before.cluster_id).await?;
    let next = above(before.level).ok_or_else(|| ApiError::InvalidTransition {
        current: "CITY".to_owned(),
        attempted: "escalate beyond the city level",
    })?;
    let (level, operation) = if owns(change, &before) {
        (next, "escalateFurther")
    } else if holds(change, &here.owner(next)) && idle_since(change, &before, working_days).await? {
        (next, "pullUpEscalation")
    } else if holds(change, &here.owner(EscalationLevel::Area))
        && matches!(
            before.level,
            EscalationLevel::Team | EscalationLevel::Cluster
        )
    {
        (EscalationLevel::Area, "takeOverEscalation")
    } else {
        return Err(ApiError::Forbidden(format!(
            "only {} moves it on now; the level above may pull it up after {working_days} \
             working days without a step, and the area director may take it over",
            before.owner
        )));
    };
    record(
        change,
        &before,
        expected,
        escalation::ActiveModel {
            level: Set(level),
            owner: Set(here.owner(level)),
            ..Default::default()
        },
        &note,
        operation,
    )
    .await
}

/// Whether the escalation has waited at its level for at least `working_days` working days
/// (Monday to Friday) since its last step.
pub(super) async fn idle_since(
    change: &Change<'_>,
    row: &escalation::Model,
    working_days: u32,
) -> ApiResult<bool> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let last = escalation_event::Entity::find()
        .filter(escalation_event::Column::EscalationId.eq(row.id))
        .order_by_desc(escalation_event::Column::OccurredAt)
        .one(change.txn())
        .await?
        .map_or(row.raised_at, |event| event.occurred_at);
    Ok(working_days_between(last, Utc::now()) >= working_days)
}

/// Whole working days (Monday to Friday) from `from` to `to`.
pub(super) fn working_days_between(from: chrono::DateTime<Utc>, to: chrono::DateTime<Utc>) -> u32 {
    use chrono::Datelike;
    let mut day = from.date_naive();
    let end = to.date_naive();
    let mut count = 0;
    while day < end {
        day = day.succ_opt().unwrap_or(end);
        if day.weekday().num_days_from_monday() < 5 {
            count += 1;
        }
    }
    count
}

/// How a resolution settles an overdue request that is still unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The request was answered or withdrawn already; nothing to close.
    Settled,
    /// The resolution is the decision taken at this level; it closes the request.
    Decided,
    /// The action asked for has changed since the escalation was raised; the request is
    /// closed for that reason.
    ActionChanged,
}

/// Whether the action was edited or dropped after `since` (its audit trail says so).
pub(super) async fn changed_since(
    change: &Change<'_>,
    action: i32,
    since: chrono::DateTime<Utc>,
) -> ApiResult<bool> {
    use sea_orm::PaginatorTrait;
    let edits = audit_event::Entity::find()
        .filter(audit_event::Column::Entity.eq("Action"))
        .filter(audit_event::Column::EntityId.eq(action))
        .filter(audit_event::Column::Operation.is_in(["updateAction", "dropAction"]))
        .filter(audit_event::Column::OccurredAt.gt(since))
        .count(change.txn())
        .await?;
    Ok(edits > 0)
}

/// Resolves an escalation at its current level with an outcome that settles its subject:
/// an overdue request must have been answered or withdrawn meanwhile, or the resolution is
/// decided here, or the action it asks for has changed since the escalation was raised —
/// then the request is closed (withdrawn, with the decision or the change as its reason).
/// A resolved escalation never leaves its request unanswered and overdue.
pub async fn resolve(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    resolution: Reason,
    outcome: Outcome,
) -> ApiResult<escalation::Model> {
    let before = owned(change, id, expected, "resolve").await?;
    let resolution = resolution.into_string();
    if let (EscalationSubject::OverdueRequest, Some(commitment_id)) =
        (before.subject, before.commitment_id)
    {
        let request = commitment::Entity::find_by_id(commitment_id)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("commitment"))?;
        if request.status == CommitmentStatus::Requested {
            let decision = match outcome {
                Outcome::Settled => {
                    return Err(ApiError::InvalidTransition {
                        current: status_name(request.status),
                        attempted: "resolve while the request is unanswered: have the cluster \
                                    answer, withdraw the request, or resolve with decided and the \
                                    decision, or with actionChanged once the action has changed",
                    });
                }
                Outcome::Decided => format!(
                    "decided at {} level: {resolution}",
                    status_name(before.level).to_lowercase()
                ),
                Outcome::ActionChanged => {
                    if !changed_since(change, request.action_id, before.raised_at).await? {
                        return Err(ApiError::bad_input(
                            "action_changed",
                            "the action has not been edited or dropped since the escalation was raised",
                        ));
                    }
                    format!("the action changed: {resolution}")
                }
            };
            crate::domain::commitment::mark_withdrawn(
                change,
                &request,
                request.version,
                decision,
                "resolveEscalation",
            )
            .await?;
        }
    }
    let changes = escalation::ActiveModel {
        status: Set(EscalationStatus::Resolved),
        resolution: Set(Some(resolution.clone())),
        closed_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    record(
        change,
        &before,
        expected,
        changes,
        &resolution,
        "resolveEscalation",
    )
    .await
}

/// Withdraws an escalation: by whoever raised it, or its current owner.
pub async fn withdraw(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: Reason,
) -> ApiResult<escalation::Model> {
    let before = open_at(change, id, expected, "withdraw").await?;
    let is_owner = owns(change, &before);
    if before.raised_by != change.actor() && !is_owner {
        return Err(ApiError::Forbidden(
            "only whoever raised it or its owner may withdraw it".to_owned(),
        ));
    }
    let reason = reason.into_string();
    let changes = escalation::ActiveModel {
        status: Set(EscalationStatus::Withdrawn),
        closed_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    record(
        change,
        &before,
        expected,
        changes,
        &reason,
        "withdrawEscalation",
    )
    .await
}

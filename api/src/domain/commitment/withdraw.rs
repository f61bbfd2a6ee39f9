//! Withdrawing commitments: one at a time by either side, or every open one under actions
//! that are dropped or merged away.

use chrono::Utc;
use entity::enums::CommitmentStatus;
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use super::{Step, transition};
use crate::access::Operation;
use crate::domain::Change;
use crate::error::ApiResult;
use crate::value::Reason;

/// Withdraws a commitment, with a reason: the requested cluster its request or
/// acceptance; whoever may ask for the action (the requester's side) a request that is
/// still unanswered.
pub async fn withdraw(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: Reason,
) -> ApiResult<commitment::Model> {
    let before = change
        .load_at::<commitment::Entity>(id, expected, Operation::Read, "commitment")
        .await?;
    let answers = change
        .may::<commitment::Entity>(id, Operation::Answer)
        .await?;
    let needed = if answers {
        transition(&before, Step::WithdrawByCluster, "withdraw the commitment")?;
        Operation::Answer
    } else {
        change
            .require::<action::Entity>(before.action_id, Operation::Request, "action")
            .await?;
        transition(
            &before,
            Step::WithdrawByRequester,
            "withdraw an answered request (only the cluster withdraws what it committed)",
        )?;
        Operation::Read
    };
    let reason = reason.into_string();
    let after = mark_withdrawn(change, &before, expected, reason, "withdrawCommitment").await?;
    change
        .require::<commitment::Entity>(id, needed, "commitment")
        .await?;
    Ok(after)
}

/// The one way a commitment becomes WITHDRAWN: at the `expected` version, with its reason,
/// audited as `operation`. The callers check who may and from which status.
pub(in crate::domain) async fn mark_withdrawn(
    change: &Change<'_>,
    before: &commitment::Model,
    expected: i32,
    reason: String,
    operation: &str,
) -> ApiResult<commitment::Model> {
    let after = change
        .updated(
            before.id,
            before,
            expected,
            commitment::ActiveModel {
                status: Set(CommitmentStatus::Withdrawn),
                reason: Set(Some(reason)),
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
            operation,
        )
        .await?;
    Ok(after)
}

/// Withdraws, with `reason`, every commitment still open (requested or accepted) on the
/// actions of `priorities` — their work is dropped — freeing the money they drew; each
/// withdrawal is audited.
pub async fn withdraw_under(
    change: &Change<'_>,
    priorities: Vec<i32>,
    reason: &str,
) -> ApiResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    if priorities.is_empty() {
        return Ok(());
    }
    let actions: Vec<i32> = action::Entity::find()
        .filter(action::Column::PriorityId.is_in(priorities))
        .all(change.txn())
        .await?
        .into_iter()
        .map(|action| action.id)
        .collect();
    withdraw_on(change, actions, reason).await
}

/// Withdraws, with `reason`, every commitment still open (requested or accepted) on
/// `actions` — their work is dropped — freeing the money they drew; each withdrawal is
/// audited.
pub async fn withdraw_on(change: &Change<'_>, actions: Vec<i32>, reason: &str) -> ApiResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    if actions.is_empty() {
        return Ok(());
    }
    let open = commitment::Entity::find()
        .filter(commitment::Column::ActionId.is_in(actions))
        .filter(commitment::Column::Status.is_in([
            CommitmentStatus::Requested,
            CommitmentStatus::Accepted,
            CommitmentStatus::AcceptedWithReservation,
        ]))
        .all(change.txn())
        .await?;
    let reason = reason.to_owned();
    for before in open {
        mark_withdrawn(
            change,
            &before,
            before.version,
            reason.clone(),
            "withdrawCommitment",
        )
        .await?;
    }
    Ok(())
}

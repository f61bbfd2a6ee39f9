//! The requested cluster's answer — accept (hours, money, a budget line of its own), accept
//! with a reservation, or reject with a reason — and its delivery.

use chrono::Utc;
use entity::enums::CommitmentStatus;
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait, QuerySelect};

use super::{Step, transition};
use crate::access::Operation;
use crate::domain::Change;
use crate::error::{ApiError, ApiResult};
use crate::value::{Cents, Hours, Reason};

/// What the money of an acceptance is.
pub struct Pledge {
    /// Hours.
    pub hours: Hours,
    /// Money.
    pub amount: Cents,
    /// The paying budget line, of the same cluster.
    pub budget_line_id: i32,
}

/// A cluster's answer.
pub enum Answer {
    /// Committed.
    Accept(Pledge),
    /// Committed with a reservation.
    AcceptWithReservation(Pledge, Reason),
    /// Refused.
    Reject(Reason),
}

/// Loads a commitment for the requested cluster's step, checking the version first so
/// concurrent editors learn `CONFLICT` rather than a transition error.
async fn load_for_answer(
    change: &Change<'_>,
    id: i32,
    expected: i32,
) -> ApiResult<commitment::Model> {
    let row = change
        .load_at::<commitment::Entity>(id, expected, Operation::Answer, "commitment")
        .await?;
    Ok(row)
}

/// Answers a request: only the requested cluster.
pub async fn respond(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    answer: Answer,
) -> ApiResult<commitment::Model> {
    let before = load_for_answer(change, id, expected).await?;
    transition(&before, Step::Answer, "answer the request")?;
    let now = Utc::now();
    let mut changes = commitment::ActiveModel {
        answered_by: Set(Some(change.actor())),
        answered_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    };
    let (status, pledge, reason) = match answer {
        Answer::Accept(pledge) => (CommitmentStatus::Accepted, Some(pledge), None),
        Answer::AcceptWithReservation(pledge, reason) => (
            CommitmentStatus::AcceptedWithReservation,
            Some(pledge),
            Some(reason.into_string()),
        ),
        Answer::Reject(reason) => (CommitmentStatus::Rejected, None, Some(reason.into_string())),
    };
    if let Some(pledge) = pledge {
        // Lock the line (PostgreSQL; SQLite's IMMEDIATE transaction already serialises
        // writers) so concurrent acceptances cannot together over-commit it.
        let line = budget_line::Entity::find_by_id(pledge.budget_line_id)
            .lock_exclusive()
            .one(change.txn())
            .await?
            .filter(|line| line.cluster_id == before.cluster_id)
            .ok_or_else(|| {
                ApiError::bad_input(
                    "budget_line_id",
                    "must be a budget line of the committing cluster",
                )
            })?;
        // The P&C year: the plan's money comes from a line of the plan's year(s).
        let action = action::Entity::find_by_id(before.action_id)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("action"))?;
        let plan = crate::domain::plan::plan_of_action(change, &action).await?;
        if !(plan.year_from..=plan.year_to).contains(&line.year) {
            let years = if plan.year_from == plan.year_to {
                plan.year_from.to_string()
            } else {
                format!("{} to {}", plan.year_from, plan.year_to)
            };
            return Err(ApiError::bad_input(
                "budget_line_id",
                format!(
                    "the line is of {}, the plan of {years}: pay from a line of the plan's year",
                    line.year
                ),
            ));
        }
        // A reservation is about the consultation (the cluster was not asked in time), not
        // about money: it stays within the line's free money and hours like any acceptance.
        let standing = crate::domain::budget::standing(change.txn(), &line, Some(id)).await?;
        crate::domain::budget::check_room(&standing, pledge.amount.get(), pledge.hours.get())?;
        changes.hours_centi = Set(Some(pledge.hours.get()));
        changes.amount_cents = Set(Some(pledge.amount.get()));
        changes.budget_line_id = Set(Some(pledge.budget_line_id));
    }
    changes.status = Set(status);
    changes.reason = Set(reason);
    write_step(change, &before, expected, changes, "respondToCommitment").await
}

/// Marks an accepted commitment delivered.
pub async fn deliver(change: &Change<'_>, id: i32, expected: i32) -> ApiResult<commitment::Model> {
    let before = load_for_answer(change, id, expected).await?;
    transition(&before, Step::Deliver, "deliver the commitment")?;
    let changes = commitment::ActiveModel {
        status: Set(CommitmentStatus::Delivered),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    write_step(change, &before, expected, changes, "deliverCommitment").await
}

/// Writes a step of the requested cluster (an answer, a delivery) at the `expected`
/// version: the row must still be the cluster's to answer afterwards, and the step is
/// audited as `operation`.
async fn write_step(
    change: &Change<'_>,
    before: &commitment::Model,
    expected: i32,
    changes: commitment::ActiveModel,
    operation: &str,
) -> ApiResult<commitment::Model> {
    let after = change
        .updated(before.id, before, expected, changes, operation)
        .await?;
    change
        .require::<commitment::Entity>(before.id, Operation::Answer, "commitment")
        .await?;
    Ok(after)
}

//! Money moving: transfers between lines of one product, and typed amendments.

use chrono::Utc;
use entity::enums::{AmendmentType, PncPhase};
use entity::*;
use sea_orm::ActiveValue::Set;

use super::{open_phase, shift};
use crate::access::Operation;
use crate::domain::Change;
use crate::error::{ApiError, ApiResult};
use crate::value::{Cents, Hours, Reason};

/// A transfer between two lines.
pub struct Transfer {
    /// The line giving.
    pub from_line_id: i32,
    /// The line receiving.
    pub to_line_id: i32,
    /// Money moved.
    pub amount: Cents,
    /// Capacity moved.
    pub hours: Hours,
    /// The open P&C phase the transfer belongs to.
    pub phase: PncPhase,
}

/// Moves money (and capacity) between lines of the same cluster, product and year, in an
/// open phase — atomically. Between products it is refused: that needs an amendment.
pub async fn transfer(
    change: &Change<'_>,
    input: Transfer,
) -> ApiResult<(budget_line::Model, budget_line::Model)> {
    if input.from_line_id == input.to_line_id {
        return Err(ApiError::bad_input("to_line_id", "must be another line"));
    }
    if input.amount.get() <= 0 && input.hours.get() <= 0 {
        return Err(ApiError::bad_input(
            "amount",
            "move a positive amount or number of hours",
        ));
    }
    let from = change
        .load::<budget_line::Entity>(input.from_line_id, Operation::ManageBudget, "budget line")
        .await?;
    let to = change
        .load::<budget_line::Entity>(input.to_line_id, Operation::ManageBudget, "budget line")
        .await?;
    if from.product_id != to.product_id {
        return Err(ApiError::bad_input(
            "to_line_id",
            "is of another product: moving money between products needs a budget amendment (amendBudget)",
        ));
    }
    if (from.cluster_id, from.year, from.kind) != (to.cluster_id, to.year, to.kind) {
        return Err(ApiError::bad_input(
            "to_line_id",
            "must be of the same cluster, year and kind",
        ));
    }
    open_phase(change, from.year, input.phase, "phase").await?;
    let standing = crate::domain::budget::standing(change.txn(), &from, None).await?;
    if input.amount.get() > standing.free_cents() {
        return Err(ApiError::bad_input(
            "amount",
            "exceeds what the giving line has free; committed money stays",
        ));
    }
    if input.hours.get() > standing.free_hours_centi() {
        return Err(ApiError::bad_input(
            "hours",
            "exceeds the giving line's free capacity",
        ));
    }
    shift(change, from.id, input.phase, -input.amount.get()).await?;
    shift(change, to.id, input.phase, input.amount.get()).await?;
    let bump = |line: &budget_line::Model, hours: i64| budget_line::ActiveModel {
        capacity_hours_centi: Set(line.capacity_hours_centi + hours),
        ..Default::default()
    };
    let from_after = change
        .updated(
            from.id,
            &from,
            from.version,
            bump(&from, -input.hours.get()),
            "transferBudget",
        )
        .await?;
    let to_after = change
        .updated(
            to.id,
            &to,
            to.version,
            bump(&to, input.hours.get()),
            "transferBudget",
        )
        .await?;
    change
        .require::<budget_line::Entity>(from.id, Operation::ManageBudget, "budget line")
        .await?;
    change
        .require::<budget_line::Entity>(to.id, Operation::ManageBudget, "budget line")
        .await?;
    Ok((from_after, to_after))
}

/// A typed amendment.
pub struct Amendment {
    /// The line amended.
    pub line_id: i32,
    /// The open phase it is made in.
    pub phase: PncPhase,
    /// Its type.
    pub amendment_type: AmendmentType,
    /// The change (negative for a cut), never zero.
    pub delta: Cents,
    /// Why.
    pub rationale: Reason,
}

/// Records an amendment in an open phase and applies it to the line's amount there.
pub async fn amend(change: &Change<'_>, input: Amendment) -> ApiResult<budget_amendment::Model> {
    let line = change
        .load::<budget_line::Entity>(input.line_id, Operation::Amend, "budget line")
        .await?;
    let document = open_phase(change, line.year, input.phase, "phase").await?;
    let amount = shift(change, line.id, input.phase, input.delta.get()).await?;
    if amount < 0 {
        return Err(ApiError::bad_input(
            "delta",
            "would make the line's amount negative",
        ));
    }
    let row = change
        .insert(budget_amendment::ActiveModel {
            pnc_document_id: Set(document.id),
            budget_line_id: Set(line.id),
            amendment_type: Set(input.amendment_type),
            delta_cents: Set(input.delta.get()),
            rationale: Set(input.rationale.into_string()),
            created_by: Set(change.actor()),
            created_at: Set(Utc::now()),
            ..Default::default()
        })
        .await?;
    change
        .require::<budget_line::Entity>(line.id, Operation::Amend, "budget line")
        .await?;
    change
        .audit(
            "BudgetAmendment",
            row.id,
            "amendBudget",
            None::<&()>,
            Some(&row),
        )
        .await?;
    Ok(row)
}

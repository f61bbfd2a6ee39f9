//! The P&C cycle's changes: budget lines, transfers within a product, typed amendments, and
//! the adoption of P&C documents. Once a phase's document is adopted, its figures are final:
//! every change names an open phase of its year.
//!
//! `documents.rs` opens, submits and adopts the documents; `lines.rs` creates and edits
//! lines and records realisations; `moves.rs` moves money between lines (transfers) and
//! amends them. All of them go through [`open_phase`] and [`shift`] here.

mod documents;
mod lines;
mod moves;

pub use documents::{adopt_document, create_document, submit_document};
pub use lines::{NewLine, create_line, record_realisation, update_line};
pub use moves::{Amendment, Transfer, amend, transfer};

use entity::enums::{PncDocumentStatus, PncPhase};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, Iterable, QueryFilter, QuerySelect};

use super::Change;
use super::plan::status_name;
use crate::error::{ApiError, ApiResult};

/// The P&C document of `year` and `phase`, which must exist and not be adopted.
pub(super) async fn open_phase(
    change: &Change<'_>,
    year: i32,
    phase: PncPhase,
    field: &str,
) -> ApiResult<pnc_document::Model> {
    let document = pnc_document::Entity::find()
        .filter(pnc_document::Column::Year.eq(year))
        .filter(pnc_document::Column::Phase.eq(phase))
        .lock_exclusive()
        .one(change.txn())
        .await?
        .ok_or_else(|| {
            ApiError::bad_input(
                field,
                format!("there is no {} document for {year}", status_name(phase)),
            )
        })?;
    if document.status == PncDocumentStatus::Adopted {
        return Err(ApiError::InvalidTransition {
            current: "ADOPTED".to_owned(),
            attempted: "change figures of an adopted P&C phase",
        });
    }
    Ok(document)
}

/// Adds `delta_cents` to a line's amount at `phase`; a phase without an amount yet starts
/// from the line's amount at the latest earlier phase.
pub(super) async fn shift(
    change: &Change<'_>,
    line_id: i32,
    phase: PncPhase,
    delta_cents: i64,
) -> ApiResult<i64> {
    let rows = budget_line_amount::Entity::find()
        .filter(budget_line_amount::Column::BudgetLineId.eq(line_id))
        .all(change.txn())
        .await?;
    if let Some(row) = rows.iter().find(|row| row.phase == phase) {
        let amount = row.amount_cents + delta_cents;
        budget_line_amount::Entity::update_many()
            .set(budget_line_amount::ActiveModel {
                amount_cents: Set(amount),
                ..Default::default()
            })
            .filter(budget_line_amount::Column::Id.eq(row.id))
            .exec(change.txn())
            .await?;
        return Ok(amount);
    }
    let earlier = PncPhase::iter()
        .take_while(|p| *p != phase)
        .filter_map(|p| rows.iter().find(|row| row.phase == p))
        .last()
        .map_or(0, |row| row.amount_cents);
    let amount = earlier + delta_cents;
    change
        .insert(budget_line_amount::ActiveModel {
            budget_line_id: Set(line_id),
            phase: Set(phase),
            amount_cents: Set(amount),
            ..Default::default()
        })
        .await?;
    Ok(amount)
}

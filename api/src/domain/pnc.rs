//! The P&C cycle's changes: budget lines, transfers within a product, typed amendments, and
//! the adoption of P&C documents. Once a phase's document is adopted, its figures are final:
//! every change names an open phase of its year.

use chrono::Utc;
use entity::enums::{AmendmentType, BudgetKind, PncDocumentStatus, PncPhase};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, Iterable, QueryFilter, QuerySelect};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Cents, Hours, LineDescription, Reason, Title, Year};

/// The P&C document of `year` and `phase`, which must exist and not be adopted.
async fn open_phase(
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
async fn shift(
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

/// A new budget line.
pub struct NewLine {
    /// Owning cluster.
    pub cluster_id: i32,
    /// The product, of that cluster.
    pub product_id: i32,
    /// Budget year.
    pub year: Year,
    /// For an area, or
    pub area_id: Option<i32>,
    /// for a neighbourhood; neither: city-wide.
    pub neighbourhood_id: Option<i32>,
    /// Expenses or income.
    pub kind: BudgetKind,
    /// What it pays for.
    pub description: LineDescription,
    /// The budgeted amount.
    pub amount: Cents,
    /// Staff capacity.
    pub capacity_hours: Hours,
}

/// Creates a line in a year whose budget is not yet adopted.
pub async fn create_line(change: &Change<'_>, input: NewLine) -> ApiResult<budget_line::Model> {
    if input.area_id.is_some() && input.neighbourhood_id.is_some() {
        return Err(ApiError::bad_input(
            "neighbourhood_id",
            "a line is for an area or a neighbourhood, not both",
        ));
    }
    let product = product::Entity::find_by_id(input.product_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("product"))?;
    if product.cluster_id != input.cluster_id {
        return Err(ApiError::bad_input(
            "product_id",
            "must be a product of the line's cluster",
        ));
    }
    open_phase(change, input.year.get(), PncPhase::Budget, "year").await?;
    let row = change
        .insert(budget_line::ActiveModel {
            cluster_id: Set(input.cluster_id),
            product_id: Set(input.product_id),
            year: Set(input.year.get()),
            area_id: Set(input.area_id),
            neighbourhood_id: Set(input.neighbourhood_id),
            kind: Set(input.kind),
            description: Set(input.description.into_string()),
            capacity_hours_centi: Set(input.capacity_hours.get()),
            version: Set(1),
            ..Default::default()
        })
        .await?;
    shift(change, row.id, PncPhase::Budget, input.amount.get()).await?;
    change
        .created::<budget_line::Entity>(
            row.id,
            Operation::ManageBudget,
            "budget line",
            "createBudgetLine",
            &row,
        )
        .await?;
    Ok(row)
}

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
    let standing = super::budget::standing(change.txn(), &from, None).await?;
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
        .update(from.id, from.version, bump(&from, -input.hours.get()))
        .await?;
    let to_after = change
        .update(to.id, to.version, bump(&to, input.hours.get()))
        .await?;
    change
        .require::<budget_line::Entity>(from.id, Operation::ManageBudget, "budget line")
        .await?;
    change
        .require::<budget_line::Entity>(to.id, Operation::ManageBudget, "budget line")
        .await?;
    change
        .audit(
            "BudgetLine",
            from.id,
            "transferBudget",
            Some(&from),
            Some(&from_after),
        )
        .await?;
    change
        .audit(
            "BudgetLine",
            to.id,
            "transferBudget",
            Some(&to),
            Some(&to_after),
        )
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

/// Adopts a P&C document: from then on its phase's figures are final.
pub async fn adopt_document(change: &Change<'_>, id: i32) -> ApiResult<pnc_document::Model> {
    let before = change
        .load::<pnc_document::Entity>(id, Operation::Amend, "P&C document")
        .await?;
    if before.status == PncDocumentStatus::Adopted {
        return Err(ApiError::InvalidTransition {
            current: "ADOPTED".to_owned(),
            attempted: "adopt the document",
        });
    }
    pnc_document::Entity::update_many()
        .set(pnc_document::ActiveModel {
            status: Set(PncDocumentStatus::Adopted),
            adopted_at: Set(Some(Utc::now())),
            ..Default::default()
        })
        .filter(pnc_document::Column::Id.eq(id))
        .exec(change.txn())
        .await?;
    let after = pnc_document::Entity::find_by_id(id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("P&C document"))?;
    change
        .audit(
            "PncDocument",
            id,
            "adoptPncDocument",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Opens a P&C document for a year and phase (in preparation).
pub async fn create_document(
    change: &Change<'_>,
    year: Year,
    phase: PncPhase,
    title: Title,
) -> ApiResult<pnc_document::Model> {
    let year = year.get();
    let exists = pnc_document::Entity::find()
        .filter(pnc_document::Column::Year.eq(year))
        .filter(pnc_document::Column::Phase.eq(phase))
        .one(change.txn())
        .await?;
    if exists.is_some() {
        return Err(ApiError::bad_input(
            "phase",
            "a document for this year and phase exists",
        ));
    }
    let row = change
        .insert(pnc_document::ActiveModel {
            year: Set(year),
            phase: Set(phase),
            title: Set(title.into_string()),
            status: Set(PncDocumentStatus::InPreparation),
            adopted_at: Set(None),
            ..Default::default()
        })
        .await?;
    change
        .created::<pnc_document::Entity>(
            row.id,
            Operation::Amend,
            "P&C document",
            "createPncDocument",
            &row,
        )
        .await?;
    Ok(row)
}

/// Records a line's realised amount at the annual accounts (an absolute figure, while
/// that document is open).
pub async fn record_realisation(
    change: &Change<'_>,
    line_id: i32,
    realised: Cents,
) -> ApiResult<budget_line::Model> {
    let amount_cents = realised.get();
    let line = change
        .load::<budget_line::Entity>(line_id, Operation::Amend, "budget line")
        .await?;
    open_phase(
        change,
        line.year,
        PncPhase::AnnualAccounts,
        "budget_line_id",
    )
    .await?;
    let current = budget_line_amount::Entity::find()
        .filter(budget_line_amount::Column::BudgetLineId.eq(line_id))
        .filter(budget_line_amount::Column::Phase.eq(PncPhase::AnnualAccounts))
        .one(change.txn())
        .await?;
    match current {
        Some(row) => {
            shift(
                change,
                line_id,
                PncPhase::AnnualAccounts,
                amount_cents - row.amount_cents,
            )
            .await?;
        }
        None => {
            change
                .insert(budget_line_amount::ActiveModel {
                    budget_line_id: Set(line_id),
                    phase: Set(PncPhase::AnnualAccounts),
                    amount_cents: Set(amount_cents),
                    ..Default::default()
                })
                .await?;
        }
    }
    change
        .audit(
            "BudgetLine",
            line_id,
            "recordRealisation",
            Some(&line),
            Some(&amount_cents),
        )
        .await?;
    Ok(line)
}

/// Changes a line's description or capacity; its money changes only by transfers and
/// amendments.
pub async fn update_line(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    description: Option<LineDescription>,
    capacity_hours: Option<Hours>,
) -> ApiResult<budget_line::Model> {
    let before = change
        .load::<budget_line::Entity>(id, Operation::ManageBudget, "budget line")
        .await?;
    let mut changes = budget_line::ActiveModel::default();
    if let Some(description) = description {
        changes.description = Set(description.into_string());
    }
    if let Some(hours) = capacity_hours.map(Hours::get) {
        let standing = super::budget::standing(change.txn(), &before, None).await?;
        if hours < standing.committed_hours_centi {
            return Err(ApiError::bad_input(
                "capacity_hours",
                "must not fall below the hours already committed",
            ));
        }
        changes.capacity_hours_centi = Set(hours);
    }
    let after = change.update(id, expected, changes).await?;
    change
        .require::<budget_line::Entity>(id, Operation::ManageBudget, "budget line")
        .await?;
    change
        .audit(
            "BudgetLine",
            id,
            "updateBudgetLine",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Submits a P&C document in preparation to the council.
pub async fn submit_document(change: &Change<'_>, id: i32) -> ApiResult<pnc_document::Model> {
    let before = change
        .load::<pnc_document::Entity>(id, Operation::Amend, "P&C document")
        .await?;
    if before.status != PncDocumentStatus::InPreparation {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.status),
            attempted: "submit the document",
        });
    }
    pnc_document::Entity::update_many()
        .set(pnc_document::ActiveModel {
            status: Set(PncDocumentStatus::Submitted),
            ..Default::default()
        })
        .filter(pnc_document::Column::Id.eq(id))
        .exec(change.txn())
        .await?;
    let after = pnc_document::Entity::find_by_id(id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("P&C document"))?;
    change
        .audit(
            "PncDocument",
            id,
            "submitPncDocument",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

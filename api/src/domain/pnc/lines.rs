//! Budget lines: created in a year whose budget is open, edited, and their realisation
//! recorded in the annual accounts.

use entity::enums::{BudgetKind, PncPhase};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::{open_phase, shift};
use crate::access::Operation;
use crate::domain::Change;
use crate::error::{ApiError, ApiResult};
use crate::value::{Cents, Hours, LineDescription, Year};

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
        let standing = crate::domain::budget::standing(change.txn(), &before, None).await?;
        if hours < standing.committed_hours_centi {
            return Err(ApiError::bad_input(
                "capacity_hours",
                "must not fall below the hours already committed",
            ));
        }
        changes.capacity_hours_centi = Set(hours);
    }
    let after = change
        .updated(id, &before, expected, changes, "updateBudgetLine")
        .await?;
    change
        .require::<budget_line::Entity>(id, Operation::ManageBudget, "budget line")
        .await?;
    Ok(after)
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

//! Budget lines as commitments see them: what a line holds now (its latest revised
//! amount), and what is already committed on it — derived from the commitments, never
//! stored twice.

use entity::enums::{CommitmentStatus, PncPhase};
use entity::*;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, Iterable, QueryFilter, QuerySelect};

use crate::error::{ApiError, ApiResult};

/// Statuses in which a commitment draws on its budget line.
pub const DRAWING: [CommitmentStatus; 3] = [
    CommitmentStatus::Accepted,
    CommitmentStatus::AcceptedWithReservation,
    CommitmentStatus::Delivered,
];

/// A line's standing: what it holds and what is committed on it, in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    /// The latest revised amount (the budget, or the last revision before the accounts).
    pub amount_cents: i64,
    /// Money committed by drawing commitments.
    pub committed_cents: i64,
    /// Staff capacity.
    pub capacity_hours_centi: i64,
    /// Hours committed.
    pub committed_hours_centi: i64,
}

impl Standing {
    /// Money still free.
    pub fn free_cents(&self) -> i64 {
        self.amount_cents - self.committed_cents
    }

    /// Hours still free.
    pub fn free_hours_centi(&self) -> i64 {
        self.capacity_hours_centi - self.committed_hours_centi
    }
}

/// The latest revised amount: that of the last phase before the annual accounts that
/// has one (the budget itself when no revision has been made).
pub fn revised_cents(amounts: &[budget_line_amount::Model]) -> Option<i64> {
    PncPhase::iter()
        .rev()
        .filter(|phase| *phase != PncPhase::AnnualAccounts)
        .find_map(|phase| {
            amounts
                .iter()
                .find(|row| row.phase == phase)
                .map(|row| row.amount_cents)
        })
}

/// The standing of `line`, leaving out commitment `except` (the one being answered).
pub async fn standing(
    db: &impl ConnectionTrait,
    line: &budget_line::Model,
    except: Option<i32>,
) -> ApiResult<Standing> {
    let amounts = budget_line_amount::Entity::find()
        .filter(budget_line_amount::Column::BudgetLineId.eq(line.id))
        .all(db)
        .await?;
    let amount_cents = revised_cents(&amounts).unwrap_or(0);
    let mut drawing = commitment::Entity::find()
        .filter(commitment::Column::BudgetLineId.eq(line.id))
        .filter(commitment::Column::Status.is_in(DRAWING));
    if let Some(except) = except {
        drawing = drawing.filter(commitment::Column::Id.ne(except));
    }
    let (committed_cents, committed_hours_centi) = drawing
        .select_only()
        // PostgreSQL sums BIGINT as NUMERIC: cast back so both engines answer an integer.
        .column_as(
            Expr::expr(commitment::Column::AmountCents.sum()).cast_as("BIGINT"),
            "money",
        )
        .column_as(
            Expr::expr(commitment::Column::HoursCenti.sum()).cast_as("BIGINT"),
            "hours",
        )
        .into_tuple::<(Option<i64>, Option<i64>)>()
        .one(db)
        .await?
        .unwrap_or_default();
    Ok(Standing {
        amount_cents,
        committed_cents: committed_cents.unwrap_or(0),
        capacity_hours_centi: line.capacity_hours_centi,
        committed_hours_centi: committed_hours_centi.unwrap_or(0),
    })
}

/// Refuses a plain acceptance the line cannot carry; a reservation may go beyond it.
pub fn check_room(standing: &Standing, amount_cents: i64, hours_centi: i64) -> ApiResult<()> {
    if amount_cents > standing.free_cents() {
        return Err(ApiError::bad_input(
            "amount",
            format!(
                "exceeds what the budget line has free ({})",
                crate::money::from_hundredths(standing.free_cents())
            ),
        ));
    }
    if hours_centi > standing.free_hours_centi() {
        return Err(ApiError::bad_input(
            "hours",
            format!(
                "exceeds the line's free capacity ({} hours)",
                crate::money::from_hundredths(standing.free_hours_centi())
            ),
        ));
    }
    Ok(())
}

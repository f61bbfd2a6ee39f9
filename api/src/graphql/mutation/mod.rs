//! The root mutation: Relay-style, one input object per field and a payload with the
//! changed object. Resolvers parse inputs into domain types and run one domain change.

mod budget;
mod commitments;
mod escalations;
mod plan_items;
mod plans;
mod work;

use async_graphql::{Context, MergedObject};
use rust_decimal::Decimal;

use crate::domain::Change;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::scope;

/// The root mutation type.
#[derive(MergedObject, Default)]
pub struct Mutation(
    plans::PlanMutation,
    plan_items::PlanItemMutation,
    commitments::CommitmentMutation,
    escalations::EscalationMutation,
    work::WorkMutation,
    budget::BudgetMutation,
);

/// Starts a change as the request's caller. Rows read earlier in the request are forgotten,
/// so the payload shows what the change left.
async fn begin<'a>(ctx: &Context<'a>) -> async_graphql::Result<Change<'a>> {
    let scope = scope(ctx)?;
    scope.known.clear();
    let reader = &scope.reader;
    Ok(Change::begin(reader.db(), reader.principal()).await?)
}

/// A decimal input with at most two places, as hundredths.
fn hundredths(field: &str, value: Decimal) -> ApiResult<i64> {
    crate::money::to_hundredths(value)
        .ok_or_else(|| ApiError::bad_input(field, "must have at most two decimal places"))
}

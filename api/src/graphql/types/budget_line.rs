//! Budget lines (begrotingsregels) with their amount per P&C phase and what draws on them.

use crate::graphql::scalars::Decimal;
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use entity::*;
use sea_orm::Iterable;

use super::{Area, BudgetAmendment, Cluster, Commitment, Neighbourhood, Product, node_type};
use crate::graphql::connection::connections;
use crate::graphql::context::{child_rows, scope};
use crate::graphql::enums::{BudgetKind, PncPhase};
use crate::graphql::loader::DrawingOf;
use crate::money::from_hundredths;

node_type!(
    /// A budget line (begrotingsregel): a cluster's product for a year, city-wide or for an
    /// area or neighbourhood.
    BudgetLine wraps budget_line links BudgetLineLinks {
        /// The cluster that owns the line.
        cluster: Cluster by cluster from cluster_id,
        /// The product budgeted.
        product: Product by product from product_id,
        /// The area, for an area line.
        area: Area by area from area_id,
        /// The neighbourhood, for a neighbourhood line.
        neighbourhood: Neighbourhood by neighbourhood from neighbourhood_id,
    }
);

/// A budget line's amount as it stood after one P&C phase.
#[derive(SimpleObject)]
pub struct PhaseAmount {
    /// The phase.
    pub phase: PncPhase,
    /// Euros (exact decimal).
    pub amount: Decimal,
}

impl BudgetLine {
    /// Money and hours (hundredths) of the visible commitments drawing on this line; only
    /// the delivered money when `delivered_only`. Summed in the database per relation level.
    async fn drawing(&self, ctx: &Context<'_>, delivered_only: bool) -> Result<(i64, i64)> {
        let drawn = scope(ctx)?
            .loader
            .load_one(DrawingOf(self.0.id))
            .await?
            .unwrap_or_default();
        Ok(if delivered_only {
            (drawn.delivered_cents, 0)
        } else {
            (drawn.committed_cents, drawn.hours_centi)
        })
    }

    /// The line's amounts in cycle order.
    async fn phase_amounts(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<(entity::enums::PncPhase, Decimal)>> {
        let rows = child_rows::<budget_line_amount::Entity>(
            ctx,
            budget_line_amount::Column::BudgetLineId,
            self.0.id,
        )
        .await?;
        Ok(entity::enums::PncPhase::iter()
            .filter_map(|phase| {
                rows.iter()
                    .find(|row| row.phase == phase)
                    .map(|row| (phase, from_hundredths(row.amount_cents).into()))
            })
            .collect())
    }
}

#[Object]
impl BudgetLine {
    /// The line's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Budget year.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// Expenses (lasten) or income (baten).
    async fn kind(&self) -> BudgetKind {
        self.0.kind.into()
    }
    /// What the line pays for.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// True when the line is for the whole city rather than an area or neighbourhood.
    async fn city_wide(&self) -> bool {
        self.0.area_id.is_none() && self.0.neighbourhood_id.is_none()
    }
    /// Staff capacity in hours (exact decimal).
    async fn capacity_hours(&self) -> Decimal {
        from_hundredths(self.0.capacity_hours_centi).into()
    }
    /// The amount after each P&C phase so far, in cycle order.
    async fn amounts(&self, ctx: &Context<'_>) -> Result<Vec<PhaseAmount>> {
        Ok(self
            .phase_amounts(ctx)
            .await?
            .into_iter()
            .map(|(phase, amount)| PhaseAmount {
                phase: phase.into(),
                amount,
            })
            .collect())
    }
    /// The original budget (begroting).
    async fn budgeted(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        let amounts = self.phase_amounts(ctx).await?;
        Ok(amounts
            .iter()
            .find(|(phase, _)| *phase == entity::enums::PncPhase::Budget)
            .map(|(_, amount)| *amount))
    }
    /// The latest revised amount (before the annual accounts).
    async fn revised(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        let rows = child_rows::<budget_line_amount::Entity>(
            ctx,
            budget_line_amount::Column::BudgetLineId,
            self.0.id,
        )
        .await?;
        Ok(crate::domain::budget::revised_cents(&rows).map(|cents| from_hundredths(cents).into()))
    }
    /// The realised amount at the annual accounts (jaarstukken).
    async fn realised(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        let amounts = self.phase_amounts(ctx).await?;
        Ok(amounts
            .iter()
            .find(|(phase, _)| *phase == entity::enums::PncPhase::AnnualAccounts)
            .map(|(_, amount)| *amount))
    }
    /// Money committed on this line by accepted, reserved and delivered commitments
    /// (derived from them, never stored twice).
    async fn committed(&self, ctx: &Context<'_>) -> Result<Decimal> {
        Ok(from_hundredths(self.drawing(ctx, false).await?.0).into())
    }
    /// Money delivered on this line.
    async fn delivered(&self, ctx: &Context<'_>) -> Result<Decimal> {
        Ok(from_hundredths(self.drawing(ctx, true).await?.0).into())
    }
    /// Hours committed on this line.
    async fn committed_hours(&self, ctx: &Context<'_>) -> Result<Decimal> {
        Ok(from_hundredths(self.drawing(ctx, false).await?.1).into())
    }
    /// Money still free: the latest revised amount less what is committed.
    async fn free(&self, ctx: &Context<'_>) -> Result<Decimal> {
        let revised = self.revised(ctx).await?.unwrap_or_default();
        Ok((revised.0 - from_hundredths(self.drawing(ctx, false).await?.0)).into())
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> BudgetLineLinks {
        BudgetLineLinks::of(&self.0)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> BudgetLineConnections {
        BudgetLineConnections(self.0.id)
    }
}

connections! {
    BudgetLineConnections of BudgetLine {
        /// Commitments paid from this line.
        commitments: Commitment by commitment::BudgetLineId,
        /// Amendments to this line.
        amendments: BudgetAmendment by budget_amendment::BudgetLineId,
    }
}

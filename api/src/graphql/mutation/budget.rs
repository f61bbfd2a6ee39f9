//! Budget-line mutations: lines, transfers, realisations and amendments. The P&C documents
//! are in `pnc_documents.rs`.

use crate::graphql::scalars::Decimal;
use crate::value::{Cents, Hours, LineDescription, Reason, Year};
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::domain::pnc::{self, Amendment, NewLine, Transfer};
use crate::graphql::enums::{AmendmentType, BudgetKind, PncPhase};
use crate::graphql::relay::id_of;
use crate::graphql::types::{Area, BudgetAmendment, BudgetLine, Cluster, Neighbourhood, Product};

/// Create a budget line in a year whose budget is not yet adopted.
#[derive(InputObject, Debug)]
pub struct CreateBudgetLineInput {
    /// Owning cluster.
    pub cluster_id: ID,
    /// The product, of that cluster.
    pub product_id: ID,
    /// Budget year.
    pub year: i32,
    /// For an area…
    pub area_id: Option<ID>,
    /// …or a neighbourhood; neither means city-wide.
    pub neighbourhood_id: Option<ID>,
    /// Expenses or income.
    #[graphql(default_with = "BudgetKind::Expenses")]
    pub kind: BudgetKind,
    /// What it pays for.
    pub description: String,
    /// The budgeted amount in euros.
    pub amount: Decimal,
    /// Staff capacity in hours.
    #[graphql(default)]
    pub capacity_hours: Decimal,
}

/// Move money and capacity between lines of one product.
#[derive(InputObject, Debug)]
pub struct TransferBudgetInput {
    /// The giving line.
    pub from_line_id: ID,
    /// The receiving line (same cluster, product and year).
    pub to_line_id: ID,
    /// Euros moved.
    #[graphql(default)]
    pub amount: Decimal,
    /// Hours of capacity moved.
    #[graphql(default)]
    pub hours: Decimal,
    /// The open P&C phase the transfer belongs to.
    pub phase: PncPhase,
}

/// Amend a budget line in an open P&C phase.
#[derive(InputObject, Debug)]
pub struct AmendBudgetInput {
    /// The line.
    pub budget_line_id: ID,
    /// The open phase.
    pub phase: PncPhase,
    /// The amendment's type.
    pub amendment_type: AmendmentType,
    /// The change in euros (negative for a cut).
    pub delta: Decimal,
    /// Why.
    pub rationale: String,
}

/// Change a line's description or capacity.
#[derive(InputObject, Debug)]
pub struct UpdateBudgetLineInput {
    /// The line.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// What it pays for.
    pub description: Option<String>,
    /// Staff capacity in hours.
    pub capacity_hours: Option<Decimal>,
}

/// Record a line's realised amount at the annual accounts.
#[derive(InputObject, Debug)]
pub struct RecordRealisationInput {
    /// The line.
    pub budget_line_id: ID,
    /// The realised amount in euros.
    pub realised: Decimal,
}

/// The line after the change.
#[derive(SimpleObject)]
pub struct BudgetLinePayload {
    /// The line.
    pub budget_line: BudgetLine,
}

/// Both lines after a transfer.
#[derive(SimpleObject)]
pub struct TransferBudgetPayload {
    /// The giving line.
    pub from_line: BudgetLine,
    /// The receiving line.
    pub to_line: BudgetLine,
}

/// The amendment made.
#[derive(SimpleObject)]
pub struct AmendBudgetPayload {
    /// The amendment.
    pub amendment: BudgetAmendment,
}

/// Budget-line mutations.
#[derive(Default)]
pub struct BudgetMutation;

#[Object]
impl BudgetMutation {
    /// Create a budget line (cluster manager of its cluster, or controller).
    async fn create_budget_line(
        &self,
        ctx: &Context<'_>,
        input: CreateBudgetLineInput,
    ) -> Result<BudgetLinePayload> {
        let line = NewLine {
            cluster_id: id_of(Cluster::TYPE_NAME, "input.clusterId", &input.cluster_id)?,
            product_id: id_of(Product::TYPE_NAME, "input.productId", &input.product_id)?,
            year: super::at("input.year", Year::parse(input.year))?,
            area_id: input
                .area_id
                .as_ref()
                .map(|id| id_of(Area::TYPE_NAME, "input.areaId", id))
                .transpose()?,
            neighbourhood_id: input
                .neighbourhood_id
                .as_ref()
                .map(|id| id_of(Neighbourhood::TYPE_NAME, "input.neighbourhoodId", id))
                .transpose()?,
            kind: input.kind.into(),
            description: super::at(
                "input.description",
                LineDescription::parse(&input.description),
            )?,
            amount: super::at("input.amount", Cents::parse_unsigned(input.amount.0))?,
            capacity_hours: super::at("input.capacityHours", Hours::parse(input.capacity_hours.0))?,
        };
        let row = super::transact!(ctx, |change| pnc::create_line(change, line));
        Ok(BudgetLinePayload {
            budget_line: row.into(),
        })
    }

    /// Move money and capacity between lines of one cluster, product and year, in an open
    /// phase. Between products it is refused: that needs `amendBudget`.
    async fn transfer_budget(
        &self,
        ctx: &Context<'_>,
        input: TransferBudgetInput,
    ) -> Result<TransferBudgetPayload> {
        let transfer = Transfer {
            from_line_id: id_of(
                BudgetLine::TYPE_NAME,
                "input.fromLineId",
                &input.from_line_id,
            )?,
            to_line_id: id_of(BudgetLine::TYPE_NAME, "input.toLineId", &input.to_line_id)?,
            amount: super::at("input.amount", Cents::parse_unsigned(input.amount.0))?,
            hours: super::at("input.hours", Hours::parse(input.hours.0))?,
            phase: input.phase.into(),
        };
        let (from, to) = super::transact!(ctx, |change| pnc::transfer(change, transfer));
        Ok(TransferBudgetPayload {
            from_line: from.into(),
            to_line: to.into(),
        })
    }

    /// Change a line's description or capacity (cluster manager of its cluster, or
    /// controller); money moves only by transfers and amendments.
    async fn update_budget_line(
        &self,
        ctx: &Context<'_>,
        input: UpdateBudgetLineInput,
    ) -> Result<BudgetLinePayload> {
        let id = id_of(BudgetLine::TYPE_NAME, "input.id", &input.id)?;
        let hours = input
            .capacity_hours
            .map(|hours| super::at("input.capacityHours", Hours::parse(hours.0)))
            .transpose()?;
        let description = super::at(
            "input.description",
            LineDescription::parse_optional(input.description.as_deref()),
        )?;
        let row = super::transact!(ctx, |change| pnc::update_line(
            change,
            id,
            input.expected_version,
            description,
            hours,
        ));
        Ok(BudgetLinePayload {
            budget_line: row.into(),
        })
    }

    /// Record a line's realised amount while the annual accounts are open (controller).
    async fn record_realisation(
        &self,
        ctx: &Context<'_>,
        input: RecordRealisationInput,
    ) -> Result<BudgetLinePayload> {
        let id = id_of(
            BudgetLine::TYPE_NAME,
            "input.budgetLineId",
            &input.budget_line_id,
        )?;
        let cents = super::at("input.realised", Cents::parse_unsigned(input.realised.0))?;
        let row = super::transact!(ctx, |change| pnc::record_realisation(change, id, cents));
        Ok(BudgetLinePayload {
            budget_line: row.into(),
        })
    }

    /// Amend a budget line in an open P&C phase (controller): typed, with a rationale.
    async fn amend_budget(
        &self,
        ctx: &Context<'_>,
        input: AmendBudgetInput,
    ) -> Result<AmendBudgetPayload> {
        let amendment = Amendment {
            line_id: id_of(
                BudgetLine::TYPE_NAME,
                "input.budgetLineId",
                &input.budget_line_id,
            )?,
            phase: input.phase.into(),
            amendment_type: input.amendment_type.into(),
            delta: super::at("input.delta", Cents::parse_change(input.delta.0))?,
            rationale: super::at("input.rationale", Reason::parse(&input.rationale))?,
        };
        let row = super::transact!(ctx, |change| pnc::amend(change, amendment));
        Ok(AmendBudgetPayload {
            amendment: row.into(),
        })
    }
}

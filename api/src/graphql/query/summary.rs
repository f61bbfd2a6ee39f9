//! `budgetSummary`: budgeted, revised, committed, delivered and realised money and hours,
//! grouped as the caller asks — over the lines the caller may add up (a cluster its own, a
//! controller all, an area director per-cluster totals for their areas, the public nothing).

use std::collections::HashMap;

use super::filter::Conditions;
use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use entity::enums::PncPhase as StoredPhase;
use entity::*;
use sea_orm::{Condition, Iterable};

use crate::access::{Dimensions, Group, budget_totals_only};
use crate::graphql::context::{scope, several};
use crate::graphql::enums::PncPhase;
use crate::graphql::inflight::Spending;
use crate::graphql::relay::id_of;
use crate::graphql::types::{Area, Cluster, Neighbourhood, Product};
use crate::money::from_hundredths;

/// What to group budget figures by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BudgetDimension {
    /// The owning cluster.
    Cluster,
    /// The area (a neighbourhood line counts for its area).
    Area,
    /// The neighbourhood (city-wide and area lines have none).
    Neighbourhood,
    /// The product.
    Product,
    /// The product's BBV taakveld.
    Taakveld,
    /// The budget year.
    Year,
    /// The P&C phase: each line's amount as it stood after each phase (up to `asOf`);
    /// commitment figures are today's in every phase.
    Phase,
    /// The neighbourhood of the action each commitment serves, whichever line pays: rows
    /// carry commitment figures only (the commitments whose money the caller may read),
    /// line figures read zero. Combines with `CLUSTER` and `YEAR` (of the paying line);
    /// `filter.areaId` then means the served neighbourhood's area.
    ServedNeighbourhood,
}

/// Which lines to total.
#[derive(InputObject, Default)]
pub struct BudgetSummaryFilter {
    /// Budget year.
    pub year: Option<i32>,
    /// Owning cluster.
    pub cluster_id: Option<ID>,
    /// Lines of this area (including its neighbourhoods' lines).
    pub area_id: Option<ID>,
}

/// Totals of one group.
#[derive(SimpleObject, Default)]
pub struct BudgetSummaryRow {
    /// The group's cluster, when grouped by cluster.
    pub cluster: Option<Cluster>,
    /// The group's area, when grouped by area.
    pub area: Option<Area>,
    /// The group's neighbourhood, when grouped by neighbourhood.
    pub neighbourhood: Option<Neighbourhood>,
    /// The group's product, when grouped by product.
    pub product: Option<Product>,
    /// The group's taakveld, when grouped by taakveld.
    #[graphql(validator(custom = "super::FilterText"))]
    pub taakveld_code: Option<String>,
    /// The group's year, when grouped by year.
    pub year: Option<i32>,
    /// The group's phase, when grouped by phase.
    pub phase: Option<PncPhase>,
    /// The neighbourhood the group's commitments serve, when grouped by it (empty for
    /// commitments to area-plan actions).
    pub served_neighbourhood: Option<Neighbourhood>,
    /// The original budget (begroting).
    pub budgeted: Decimal,
    /// The amount as it stood after the `asOf` phase (the latest revision by default).
    pub revised: Decimal,
    /// Committed by accepted, reserved and delivered commitments.
    pub committed: Decimal,
    /// Delivered commitments.
    pub delivered: Decimal,
    /// Realised at the annual accounts (zero before them, or when `asOf` is earlier).
    pub realised: Decimal,
    /// Staff capacity in hours.
    pub capacity_hours: Decimal,
    /// Hours committed.
    pub committed_hours: Decimal,
    /// Budget lines in the group.
    pub lines: i32,
    /// Commitments drawing on them.
    pub commitments: i32,
    /// True when the group is a single budget line the caller may only add up, not read
    /// (an area director's totals): its money and hours are withheld and read as zero.
    pub suppressed: bool,
}

/// The `budgetSummary` root field.
#[derive(Default)]
pub struct SummaryQuery;

#[Object]
impl SummaryQuery {
    /// Budget figures grouped by `groupBy`, as they stood after the `asOf` phase.
    async fn budget_summary(
        &self,
        ctx: &Context<'_>,
        group_by: Vec<BudgetDimension>,
        filter: Option<BudgetSummaryFilter>,
        as_of: Option<PncPhase>,
    ) -> Result<Vec<BudgetSummaryRow>> {
        let filter = filter.unwrap_or_default();
        let condition: Condition = Conditions::new()
            .eq(budget_line::Column::Year, filter.year)
            .id(
                budget_line::Column::ClusterId,
                Cluster::TYPE_NAME,
                "filter.clusterId",
                filter.cluster_id.as_ref(),
            )?
            .into();
        let area_filter = filter
            .area_id
            .as_ref()
            .map(|id| id_of(Area::TYPE_NAME, "filter.areaId", id))
            .transpose()?;
        let has = |dimension| group_by.contains(&dimension);
        let by = Dimensions {
            cluster: has(BudgetDimension::Cluster),
            area: has(BudgetDimension::Area),
            neighbourhood: has(BudgetDimension::Neighbourhood),
            product: has(BudgetDimension::Product),
            taakveld: has(BudgetDimension::Taakveld),
            year: has(BudgetDimension::Year),
            phase: has(BudgetDimension::Phase),
            served_neighbourhood: has(BudgetDimension::ServedNeighbourhood),
        };
        let as_of = as_of.map(|phase| phase_index(phase.into()));
        let reader = &scope(ctx)?.reader;
        // Each group is an object, and so is each linked object it selects: the groups the
        // cost limit leaves room for after the rest of the query are all it may return.
        let spending = &scope(ctx)?.spending;
        let selection = ctx.look_ahead();
        let linked = [
            "cluster",
            "area",
            "neighbourhood",
            "product",
            "servedNeighbourhood",
        ]
        .into_iter()
        .filter(|field| selection.field(field).exists())
        .count();
        let per_group = 1 + linked as u64;
        let most = usize::try_from(spending.left() / per_group).unwrap_or(usize::MAX);
        let groups = if by.served_neighbourhood {
            if by.area || by.neighbourhood || by.product || by.taakveld || by.phase {
                return Err(crate::error::ApiError::bad_input(
                    "groupBy",
                    "SERVED_NEIGHBOURHOOD combines with CLUSTER and YEAR only",
                )
                .into());
            }
            reader
                .served_summary(condition, area_filter, by, most)
                .await?
        } else {
            reader
                .budget_summary(condition, area_filter, by, as_of, most)
                .await?
        };
        if groups.len() > most {
            return Err(too_many_groups(most, per_group, spending));
        }
        spending.hold(groups.len() as u64 * per_group).await;
        let clusters: HashMap<i32, Cluster> =
            several::<cluster::Entity, Cluster>(ctx, groups.iter().filter_map(|g| g.cluster))
                .await?
                .into_iter()
                .map(|c| (c.0.id, c))
                .collect();
        let areas: HashMap<i32, Area> =
            several::<area::Entity, Area>(ctx, groups.iter().filter_map(|g| g.area))
                .await?
                .into_iter()
                .map(|a| (a.0.id, a))
                .collect();
        let neighbourhoods: HashMap<i32, Neighbourhood> =
            several::<neighbourhood::Entity, Neighbourhood>(
                ctx,
                groups
                    .iter()
                    .filter_map(|g| g.neighbourhood)
                    .chain(groups.iter().filter_map(|g| g.served_neighbourhood))
                    .collect::<Vec<i32>>(),
            )
            .await?
            .into_iter()
            .map(|n| (n.0.id, n))
            .collect();
        let products: HashMap<i32, Product> =
            several::<product::Entity, Product>(ctx, groups.iter().filter_map(|g| g.product))
                .await?
                .into_iter()
                .map(|p| (p.0.id, p))
                .collect();
        let cap = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
        let totals_only = budget_totals_only(scope(ctx)?.reader.principal());
        Ok(groups
            .into_iter()
            .map(|mut totals| {
                // Served groups hold only commitments whose money the caller may read.
                let suppressed = totals_only && totals.lines == 1 && !by.served_neighbourhood;
                if suppressed {
                    totals = withheld(totals);
                }
                (totals, suppressed)
            })
            .map(|(totals, suppressed)| BudgetSummaryRow {
                cluster: totals.cluster.and_then(|id| clusters.get(&id).cloned()),
                area: totals.area.and_then(|id| areas.get(&id).cloned()),
                neighbourhood: totals
                    .neighbourhood
                    .and_then(|id| neighbourhoods.get(&id).cloned()),
                product: totals.product.and_then(|id| products.get(&id).cloned()),
                taakveld_code: totals.taakveld,
                year: totals.year,
                served_neighbourhood: totals
                    .served_neighbourhood
                    .and_then(|id| neighbourhoods.get(&id).cloned()),
                phase: totals
                    .phase
                    .and_then(|index| StoredPhase::iter().nth(index))
                    .map(Into::into),
                budgeted: from_hundredths(totals.budgeted).into(),
                revised: from_hundredths(totals.revised).into(),
                committed: from_hundredths(totals.committed).into(),
                delivered: from_hundredths(totals.delivered).into(),
                realised: from_hundredths(totals.realised).into(),
                capacity_hours: from_hundredths(totals.capacity).into(),
                committed_hours: from_hundredths(totals.committed_hours).into(),
                lines: cap(totals.lines),
                commitments: cap(totals.commitments),
                suppressed,
            })
            .collect())
    }
}

/// The error for a summary with more groups than the cost limit leaves room for: the cost
/// it would at least have, the limit, and what to change.
fn too_many_groups(most: usize, per_group: u64, spending: &Spending) -> async_graphql::Error {
    let cost = spending
        .counted()
        .saturating_add((most as u64).saturating_add(1).saturating_mul(per_group));
    let limit = spending.limit();
    let mut error = async_graphql::Error::new(format!(
        "budgetSummary has more than {most} groups; at {per_group} objects a group the query \
         returns at least {cost} objects, and the limit is {limit}. Filter by year, cluster \
         or area, group by fewer dimensions, or select fewer linked objects."
    ));
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", "BAD_USER_INPUT");
    extensions.set("field", "groupBy");
    extensions.set("cost", cost);
    extensions.set("limit", limit);
    error.extensions = Some(extensions);
    error
}

/// A group's totals with its money and hours withheld (its counts kept).
fn withheld(totals: Group) -> Group {
    Group {
        budgeted: 0,
        revised: 0,
        realised: 0,
        committed: 0,
        delivered: 0,
        capacity: 0,
        committed_hours: 0,
        ..totals
    }
}

fn phase_index(phase: StoredPhase) -> usize {
    StoredPhase::iter().position(|p| p == phase).unwrap_or(0)
}

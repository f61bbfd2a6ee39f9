//! `budgetSummary`: budgeted, revised, committed, delivered and realised money and hours,
//! grouped as the caller asks — over the lines the caller may add up (a cluster its own, a
//! controller all, an area director per-cluster totals for their areas, the public nothing).

use std::collections::{BTreeMap, HashMap};

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use entity::enums::PncPhase as StoredPhase;
use entity::*;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, Condition, Iterable};

use crate::graphql::context::{scope, several};
use crate::graphql::enums::PncPhase;
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
}

impl BudgetDimension {
    /// Groupings fine enough to show a single line's figures.
    fn is_detail(self) -> bool {
        matches!(self, Self::Neighbourhood | Self::Product | Self::Taakveld)
    }
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
    pub taakveld_code: Option<String>,
    /// The group's year, when grouped by year.
    pub year: Option<i32>,
    /// The group's phase, when grouped by phase.
    pub phase: Option<PncPhase>,
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
}

#[derive(Default, Clone, Copy)]
struct Totals {
    budgeted: i64,
    revised: i64,
    committed: i64,
    delivered: i64,
    realised: i64,
    capacity: i64,
    committed_hours: i64,
    lines: i32,
    commitments: i32,
}

/// A group: cluster, area, neighbourhood, product, taakveld, year, phase (by index).
type Key = (
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<String>,
    Option<i32>,
    Option<usize>,
);

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
        let mut condition = Condition::all();
        if let Some(year) = filter.year {
            condition = condition.add(budget_line::Column::Year.eq(year));
        }
        if let Some(id) = &filter.cluster_id {
            condition = condition.add(budget_line::Column::ClusterId.eq(id_of(
                Cluster::TYPE_NAME,
                "filter.clusterId",
                id,
            )?));
        }
        let area_filter = filter
            .area_id
            .as_ref()
            .map(|id| id_of(Area::TYPE_NAME, "filter.areaId", id))
            .transpose()?;
        let detail = group_by.iter().any(|dimension| dimension.is_detail());
        let (lines, amounts, drawing) = scope(ctx)?.reader.budget_totals(condition, detail).await?;

        let hoods: HashMap<i32, i32> = several::<neighbourhood::Entity, _>(
            ctx,
            lines.iter().filter_map(|l| l.neighbourhood_id),
        )
        .await?
        .into_iter()
        .map(|hood: neighbourhood::Model| (hood.id, hood.area_id))
        .collect();
        let products: HashMap<i32, String> =
            several::<product::Entity, _>(ctx, lines.iter().map(|l| l.product_id))
                .await?
                .into_iter()
                .map(|product: product::Model| (product.id, product.taakveld_code))
                .collect();
        let amounts: HashMap<(i32, StoredPhase), i64> = amounts
            .into_iter()
            .map(|amount| ((amount.budget_line_id, amount.phase), amount.amount_cents))
            .collect();
        let area_of = |line: &budget_line::Model| {
            line.area_id
                .or_else(|| line.neighbourhood_id.and_then(|id| hoods.get(&id).copied()))
        };
        let as_of: Option<StoredPhase> = as_of.map(Into::into);
        let mut groups: BTreeMap<Key, Totals> = BTreeMap::new();
        for line in lines
            .iter()
            .filter(|line| area_filter.is_none() || area_of(line) == area_filter)
        {
            let has = |dimension| group_by.contains(&dimension);
            let taakveld = products.get(&line.product_id).cloned();
            let amount_at = |phase: StoredPhase| amounts.get(&(line.id, phase)).copied();
            let reached = |phase: &StoredPhase| {
                as_of.is_none_or(|limit| phase_index(*phase) <= phase_index(limit))
            };
            // (phase index when grouped by phase, revised, realised) this line adds.
            let contributions: Vec<(Option<usize>, i64, i64)> = if has(BudgetDimension::Phase) {
                StoredPhase::iter()
                    .filter(reached)
                    .filter_map(|phase| {
                        if phase == StoredPhase::AnnualAccounts {
                            return amount_at(phase)
                                .map(|realised| (Some(phase_index(phase)), 0, realised));
                        }
                        // A phase without a change of its own carries the line's last amount.
                        let standing = StoredPhase::iter()
                            .take_while(|earlier| phase_index(*earlier) <= phase_index(phase))
                            .filter_map(amount_at)
                            .last()?;
                        Some((Some(phase_index(phase)), standing, 0))
                    })
                    .collect()
            } else {
                let revised = StoredPhase::iter()
                    .filter(|phase| *phase != StoredPhase::AnnualAccounts)
                    .take_while(reached)
                    .filter_map(amount_at)
                    .last()
                    .unwrap_or(0);
                let realised = match as_of {
                    None | Some(StoredPhase::AnnualAccounts) => {
                        amount_at(StoredPhase::AnnualAccounts).unwrap_or(0)
                    }
                    Some(_) => 0,
                };
                vec![(None, revised, realised)]
            };
            for (phase, revised, realised) in contributions {
                let key: Key = (
                    has(BudgetDimension::Cluster).then_some(line.cluster_id),
                    if has(BudgetDimension::Area) {
                        area_of(line)
                    } else {
                        None
                    },
                    if has(BudgetDimension::Neighbourhood) {
                        line.neighbourhood_id
                    } else {
                        None
                    },
                    has(BudgetDimension::Product).then_some(line.product_id),
                    if has(BudgetDimension::Taakveld) {
                        taakveld.clone()
                    } else {
                        None
                    },
                    has(BudgetDimension::Year).then_some(line.year),
                    phase,
                );
                let totals = groups.entry(key).or_default();
                totals.budgeted += amount_at(StoredPhase::Budget).unwrap_or(0);
                totals.revised += revised;
                totals.realised += realised;
                totals.capacity += line.capacity_hours_centi;
                totals.lines += 1;
                if let Some(drawn) = drawing.get(&line.id) {
                    totals.committed += drawn.committed_cents;
                    totals.committed_hours += drawn.hours_centi;
                    totals.delivered += drawn.delivered_cents;
                    totals.commitments += i32::try_from(drawn.commitments).unwrap_or(i32::MAX);
                }
            }
        }

        let cluster_ids = groups.keys().filter_map(|k| k.0);
        let clusters: Vec<Cluster> = several::<cluster::Entity, _>(ctx, cluster_ids).await?;
        let areas: Vec<Area> =
            several::<area::Entity, _>(ctx, groups.keys().filter_map(|k| k.1)).await?;
        let neighbourhoods: Vec<Neighbourhood> =
            several::<neighbourhood::Entity, _>(ctx, groups.keys().filter_map(|k| k.2)).await?;
        let product_rows: Vec<Product> =
            several::<product::Entity, _>(ctx, groups.keys().filter_map(|k| k.3)).await?;
        Ok(groups
            .into_iter()
            .map(|(key, totals)| BudgetSummaryRow {
                cluster: key
                    .0
                    .and_then(|id| clusters.iter().find(|c| c.0.id == id).cloned()),
                area: key
                    .1
                    .and_then(|id| areas.iter().find(|a| a.0.id == id).cloned()),
                neighbourhood: key
                    .2
                    .and_then(|id| neighbourhoods.iter().find(|n| n.0.id == id).cloned()),
                product: key
                    .3
                    .and_then(|id| product_rows.iter().find(|p| p.0.id == id).cloned()),
                taakveld_code: key.4,
                year: key.5,
                phase: key
                    .6
                    .and_then(|index| StoredPhase::iter().nth(index))
                    .map(Into::into),
                budgeted: from_hundredths(totals.budgeted),
                revised: from_hundredths(totals.revised),
                committed: from_hundredths(totals.committed),
                delivered: from_hundredths(totals.delivered),
                realised: from_hundredths(totals.realised),
                capacity_hours: from_hundredths(totals.capacity),
                committed_hours: from_hundredths(totals.committed_hours),
                lines: totals.lines,
                commitments: totals.commitments,
            })
            .collect())
    }
}

fn phase_index(phase: StoredPhase) -> usize {
    StoredPhase::iter().position(|p| p == phase).unwrap_or(0)
}

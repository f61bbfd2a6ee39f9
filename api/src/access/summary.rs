//! Budget totals in SQL: one statement groups the lines the caller may add up by the
//! requested dimensions, with each line's amount per P&C phase pivoted from its amounts and
//! the commitments drawing on it summed per line. Nothing is read row by row.

use sea_orm::sea_query::{Expr, ExprTrait, Func, JoinType, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryTrait};

use super::Reader;
use super::reader::drawing_per_line;
use super::scope::budget_totals_condition;
use crate::error::ApiResult;

/// The P&C phases in cycle order, as stored; the last is the annual accounts.
const PHASES: [&str; 5] = [
    "BUDGET",
    "SPRING_REVISION",
    "AUTUMN_REVISION",
    "TEN_MONTH_REPORT",
    "ANNUAL_ACCOUNTS",
];
const ANNUAL: usize = 4;

/// What to group by.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dimensions {
    /// The owning cluster.
    pub cluster: bool,
    /// The area (a neighbourhood line counts for its area).
    pub area: bool,
    /// The neighbourhood.
    pub neighbourhood: bool,
    /// The product.
    pub product: bool,
    /// The product's taakveld.
    pub taakveld: bool,
    /// The budget year.
    pub year: bool,
    /// The phase: a row per phase reached, each line with its amount as it stood then.
    pub phase: bool,
    /// The neighbourhood of the action a commitment serves: commitment figures only (see
    /// [`Reader::served_summary`]).
    pub served_neighbourhood: bool,
}

/// Totals of one group, in hundredths; the keys of unselected dimensions are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Cluster id.
    pub cluster: Option<i32>,
    /// Area id.
    pub area: Option<i32>,
    /// Neighbourhood id.
    pub neighbourhood: Option<i32>,
    /// Product id.
    pub product: Option<i32>,
    /// Taakveld code.
    pub taakveld: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Phase index in cycle order.
    pub phase: Option<usize>,
    /// The neighbourhood the commitments serve (the plan of their action).
    pub served_neighbourhood: Option<i32>,
    /// Original budget.
    pub budgeted: i64,
    /// Amount after the latest phase reached (before the annual accounts).
    pub revised: i64,
    /// Realised at the annual accounts.
    pub realised: i64,
    /// Committed money.
    pub committed: i64,
    /// Delivered money.
    pub delivered: i64,
    /// Staff capacity (hundredths of hours).
    pub capacity: i64,
    /// Committed hours (hundredths).
    pub committed_hours: i64,
    /// Lines in the group.
    pub lines: i64,
    /// Commitments drawing on them.
    pub commitments: i64,
}

/// `COALESCE(p<k>, …, p0)`: a line's amount as it stood after phase `k` (SQLite's
/// COALESCE needs two arguments, hence the trailing NULL).
fn standing(k: usize) -> String {
    let terms: Vec<String> = (0..=k).rev().map(|i| format!("l.p{i}")).collect();
    format!("COALESCE({}, NULL)", terms.join(", "))
}

/// A group's key column `alias` of a result row; `None` when the dimension is not selected.
fn group_key(row: &sea_orm::QueryResult, alias: &str, selected: bool) -> ApiResult<Option<i32>> {
    Ok(if selected {
        row.try_get::<Option<i32>>("", alias)?
    } else {
        None
    })
}

/// A sum or count column `alias` of a result row.
fn total(row: &sea_orm::QueryResult, alias: &str) -> ApiResult<i64> {
    Ok(row.try_get::<i64>("", alias)?)
}

impl Reader {
    /// Commitment figures grouped by the neighbourhood of the action each commitment
    /// serves (and by the paying line's cluster and year, when asked): the commitments
    /// drawing on lines that meet `condition` whose money the caller may read, serving a
    /// neighbourhood of `area` where given. Line figures (budget, capacity) are not split
    /// by the neighbourhoods a line's commitments serve: they read zero; `lines` counts
    /// the lines drawn on.
    pub async fn served_summary(
        &self,
        condition: Condition,
        area: Option<i32>,
        by: Dimensions,
    ) -> ApiResult<Vec<Group>> {
        use crate::domain::budget::DRAWING;
        use entity::{action, budget_line, commitment, plan, priority};
        let readable = commitment::Entity::find()
            .filter(<commitment::Entity as super::Scoped>::scope(
                self.principal(),
                super::Operation::Read,
            ))
            .filter(<commitment::Entity as super::Scoped>::scope(
                self.principal(),
                super::Operation::ReadMoney,
            ))
            .filter(commitment::Column::Status.is_in(DRAWING))
            .into_query()
            .clear_selects()
            .column((commitment::Entity, commitment::Column::Id))
            .to_owned();
        let col = |table: &str, column: &str| Expr::cust(format!("\"{table}\".\"{column}\""));
        let mut select = Query::select();
        select
            .from(commitment::Entity)
            .join(
                JoinType::InnerJoin,
                action::Entity,
                Expr::col((action::Entity, action::Column::Id))
                    .equals((commitment::Entity, commitment::Column::ActionId)),
            )
            .join(
                JoinType::InnerJoin,
                priority::Entity,
                Expr::col((priority::Entity, priority::Column::Id))
                    .equals((action::Entity, action::Column::PriorityId)),
            )
            .join(
                JoinType::InnerJoin,
                plan::Entity,
                Expr::col((plan::Entity, plan::Column::Id))
                    .equals((priority::Entity, priority::Column::PlanId)),
            )
            .join(
                JoinType::InnerJoin,
                budget_line::Entity,
                Expr::col((budget_line::Entity, budget_line::Column::Id))
                    .equals((commitment::Entity, commitment::Column::BudgetLineId)),
            )
            .and_where(commitment::Column::Id.in_subquery(readable))
            .cond_where(condition)
            .expr_as(col("plan", "neighbourhood_id"), "k_served")
            .add_group_by([col("plan", "neighbourhood_id")])
            .expr_as(
                Expr::cust("CAST(SUM(COALESCE(\"commitment\".\"amount_cents\", 0)) AS BIGINT)"),
                "committed",
            )
            .expr_as(
                Expr::cust(
                    "CAST(SUM(CASE WHEN \"commitment\".\"status\" = 'DELIVERED' THEN COALESCE(\"commitment\".\"amount_cents\", 0) ELSE 0 END) AS BIGINT)",
                ),
                "delivered",
            )
            .expr_as(
                Expr::cust("CAST(SUM(COALESCE(\"commitment\".\"hours_centi\", 0)) AS BIGINT)"),
                "hours",
            )
            .expr_as(Expr::cust("COUNT(*)"), "commitments")
            .expr_as(
                Expr::cust("COUNT(DISTINCT \"commitment\".\"budget_line_id\")"),
                "lines",
            );
        if let Some(area) = area {
            select.and_where(Expr::col((plan::Entity, plan::Column::AreaId)).eq(area));
        }
        for (selected, column, alias) in [
            (by.cluster, "cluster_id", "k_cluster"),
            (by.year, "year", "k_year"),
        ] {
            if selected {
                select.expr_as(col("budget_line", column), alias);
                select.add_group_by([col("budget_line", column)]);
            }
        }
        let mut groups = Vec::new();
        let _turn = self.gate().enter().await?;
        for row in self.db().query_all(&select).await? {
            let key = |alias: &str, selected: bool| group_key(&row, alias, selected);
            let count = |alias: &str| total(&row, alias);
            groups.push(Group {
                cluster: key("k_cluster", by.cluster)?,
                year: key("k_year", by.year)?,
                served_neighbourhood: key("k_served", true)?,
                committed: count("committed")?,
                delivered: count("delivered")?,
                committed_hours: count("hours")?,
                commitments: count("commitments")?,
                lines: count("lines")?,
                ..Group::default()
            });
        }
        groups.sort_by_key(|group| (group.served_neighbourhood, group.cluster, group.year));
        Ok(groups)
    }

    /// Budget totals over the lines meeting `condition` (and lying in `area`, where given)
    /// that the caller may add up, grouped by `by`, as they stood after phase `as_of`
    /// (an index in cycle order; the latest when `None`).
    pub async fn budget_summary(
        &self,
        condition: Condition,
        area: Option<i32>,
        by: Dimensions,
        as_of: Option<usize>,
    ) -> ApiResult<Vec<Group>> {
        use entity::{budget_line, budget_line_amount, commitment, neighbourhood, product};
        let detail = by.neighbourhood || by.product || by.taakveld;
        let line_area = Func::coalesce([
            Expr::col((budget_line::Entity, budget_line::Column::AreaId)),
            Expr::col((neighbourhood::Entity, neighbourhood::Column::AreaId)),
        ]);

        // The lines to total; the amounts and commitments read are those of these lines.
        let selected = budget_line::Entity::find()
            .filter(budget_totals_condition(self.principal(), detail))
            .filter(condition.clone());
        let selected_ids = selected
            .clone()
            .into_query()
            .clear_selects()
            .column((budget_line::Entity, budget_line::Column::Id))
            .to_owned();
        let mut amounts = Query::select();
        amounts
            .from(budget_line_amount::Entity)
            .column(budget_line_amount::Column::BudgetLineId)
            .and_where(budget_line_amount::Column::BudgetLineId.in_subquery(selected_ids.clone()))
            .group_by_col(budget_line_amount::Column::BudgetLineId);
        for (index, phase) in PHASES.iter().enumerate() {
            amounts.expr_as(
                Expr::cust(format!(
                    "MAX(CASE WHEN phase = '{phase}' THEN amount_cents END)"
                )),
                format!("p{index}"),
            );
        }
        let drawing = drawing_per_line(commitment::Column::BudgetLineId.in_subquery(selected_ids));

        let mut lines: SelectStatement = selected.into_query();
        lines
            .clear_selects()
            .expr_as(
                Expr::col((budget_line::Entity, budget_line::Column::ClusterId)),
                "cluster",
            )
            .expr_as(line_area.clone(), "area")
            .expr_as(
                Expr::col((budget_line::Entity, budget_line::Column::NeighbourhoodId)),
                "hood",
            )
            .expr_as(
                Expr::col((budget_line::Entity, budget_line::Column::ProductId)),
                "product",
            )
            .expr_as(
                Expr::col((product::Entity, product::Column::TaakveldCode)),
                "taakveld",
            )
            .expr_as(
                Expr::col((budget_line::Entity, budget_line::Column::Year)),
                "year",
            )
            .expr_as(
                Expr::col((budget_line::Entity, budget_line::Column::CapacityHoursCenti)),
                "capacity",
            )
            .join(
                JoinType::LeftJoin,
                neighbourhood::Entity,
                Expr::col((neighbourhood::Entity, neighbourhood::Column::Id))
                    .equals((budget_line::Entity, budget_line::Column::NeighbourhoodId)),
            )
            .join(
                JoinType::InnerJoin,
                product::Entity,
                Expr::col((product::Entity, product::Column::Id))
                    .equals((budget_line::Entity, budget_line::Column::ProductId)),
            )
            .join_subquery(
                JoinType::LeftJoin,
                amounts.to_owned(),
                "a",
                Expr::col(("a", "budget_line_id"))
                    .equals((budget_line::Entity, budget_line::Column::Id)),
            )
            .join_subquery(
                JoinType::LeftJoin,
                drawing,
                "d",
                Expr::col(("d", "budget_line_id"))
                    .equals((budget_line::Entity, budget_line::Column::Id)),
            );
        for index in 0..PHASES.len() {
            let name = format!("p{index}");
            lines.expr_as(Expr::col(("a", name.clone())), name);
        }
        for column in ["committed", "hours", "delivered", "drawing"] {
            lines.expr_as(
                Func::coalesce([Expr::col(("d", column)), Expr::val(0)]),
                column,
            );
        }
        if let Some(area) = area {
            lines.and_where(line_area.eq(area));
        }

        let limit = as_of.unwrap_or(ANNUAL);
        // Per row of `l` (a line, or a line in one phase): its revised and realised amount.
        let (revised, realised, rows_where) = if by.phase {
            let revised: Vec<String> = (0..ANNUAL)
                .map(|k| format!("WHEN {k} THEN {}", standing(k)))
                .collect();
            (
                format!("CASE ph.column1 {} ELSE 0 END", revised.join(" ")),
                format!("CASE WHEN ph.column1 = {ANNUAL} THEN l.p{ANNUAL} ELSE 0 END"),
                format!(
                    "ph.column1 <= {limit} AND ((ph.column1 < {ANNUAL} AND CASE ph.column1 {} END IS NOT NULL) OR (ph.column1 = {ANNUAL} AND l.p{ANNUAL} IS NOT NULL))",
                    revised.join(" ")
                ),
            )
        } else {
            let reached = limit.min(ANNUAL - 1);
            let realised = if limit == ANNUAL {
                format!("l.p{ANNUAL}")
            } else {
                "0".to_owned()
            };
            (standing(reached), realised, "1 = 1".to_owned())
        };
        let sum = |expr: &str| Expr::cust(format!("CAST(SUM(COALESCE({expr}, 0)) AS BIGINT)"));
        let mut outer = Query::select();
        outer.from_subquery(lines, "l");
        if by.phase {
            outer.from_values((0..PHASES.len() as i32).collect::<Vec<_>>(), "ph");
        }
        let keys: [(&str, bool, &str); 7] = [
            ("l.cluster", by.cluster, "k_cluster"),
            ("l.area", by.area, "k_area"),
            ("l.hood", by.neighbourhood, "k_hood"),
            ("l.product", by.product, "k_product"),
            ("l.taakveld", by.taakveld, "k_taakveld"),
            ("l.year", by.year, "k_year"),
            ("ph.column1", by.phase, "k_phase"),
        ];
        for (column, selected, alias) in keys {
            if selected {
                outer.expr_as(Expr::cust(column), alias);
                outer.add_group_by([Expr::cust(column)]);
            }
        }
        outer
            .expr_as(sum("l.p0"), "budgeted")
            .expr_as(sum(&revised), "revised")
            .expr_as(sum(&realised), "realised")
            .expr_as(sum("l.committed"), "committed")
            .expr_as(sum("l.delivered"), "delivered")
            .expr_as(sum("l.capacity"), "capacity")
            .expr_as(sum("l.hours"), "hours")
            .expr_as(Expr::cust("COUNT(*)"), "lines")
            .expr_as(sum("l.drawing"), "commitments")
            .and_where(Expr::cust(rows_where));

        let mut groups = Vec::new();
        let _turn = self.gate().enter().await?;
        for row in self.db().query_all(&outer).await? {
            let key = |alias: &str, selected: bool| group_key(&row, alias, selected);
            let count = |alias: &str| total(&row, alias);
            // Without `groupBy`, totals over no line at all are still one row, of NULL sums:
            // no line, no group, as when grouping.
            if count("lines")? == 0 {
                continue;
            }
            groups.push(Group {
                cluster: key("k_cluster", by.cluster)?,
                area: key("k_area", by.area)?,
                neighbourhood: key("k_hood", by.neighbourhood)?,
                product: key("k_product", by.product)?,
                taakveld: if by.taakveld {
                    row.try_get::<Option<String>>("", "k_taakveld")?
                } else {
                    None
                },
                year: key("k_year", by.year)?,
                phase: key("k_phase", by.phase)?.and_then(|k| usize::try_from(k).ok()),
                served_neighbourhood: None,
                budgeted: count("budgeted")?,
                revised: count("revised")?,
                realised: count("realised")?,
                committed: count("committed")?,
                delivered: count("delivered")?,
                capacity: count("capacity")?,
                committed_hours: count("hours")?,
                lines: count("lines")?,
                commitments: count("commitments")?,
            });
        }
        // Groups in key order, a missing key first (as the engines disagree on nulls).
        groups.sort_by(|a, b| {
            (
                a.cluster,
                a.area,
                a.neighbourhood,
                a.product,
                &a.taakveld,
                a.year,
                a.phase,
            )
                .cmp(&(
                    b.cluster,
                    b.area,
                    b.neighbourhood,
                    b.product,
                    &b.taakveld,
                    b.year,
                    b.phase,
                ))
        });
        Ok(groups)
    }
}

//! Budget totals by the lines' own dimensions, per P&C phase.

use sea_orm::sea_query::{Expr, ExprTrait, Func, JoinType, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryTrait};

use super::{ANNUAL, Dimensions, Group, PHASES, group_key, standing, total};
use crate::access::Reader;
use crate::access::reader::drawing_per_line;
use crate::access::scope::budget_totals_condition;
use crate::error::ApiResult;

impl Reader {
    /// Budget totals over the lines meeting `condition` (and lying in `area`, where given)
    /// that the caller may add up, grouped by `by`, as they stood after phase `as_of`
    /// (an index in cycle order; the latest when `None`). At most `most + 1` groups are
    /// read: one more than `most` tells the caller there are too many.
    pub async fn budget_summary(
        &self,
        condition: Condition,
        area: Option<i32>,
        by: Dimensions,
        as_of: Option<usize>,
        most: usize,
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
        super::at_most(&mut outer, most);

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

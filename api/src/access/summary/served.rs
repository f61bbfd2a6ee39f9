//! Commitment figures by the neighbourhood the commitments serve.

use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryTrait};

use super::{Dimensions, Group, group_key, total};
use crate::access::Reader;
use crate::error::ApiResult;

impl Reader {
    /// Commitment figures grouped by the neighbourhood of the action each commitment
    /// serves (and by the paying line's cluster and year, when asked): the commitments
    /// drawing on lines that meet `condition` whose money the caller may read, serving a
    /// neighbourhood of `area` where given. Line figures (budget, capacity) are not split
    /// by the neighbourhoods a line's commitments serve: they read zero; `lines` counts
    /// the lines drawn on. At most `most + 1` groups are read.
    pub async fn served_summary(
        &self,
        condition: Condition,
        area: Option<i32>,
        by: Dimensions,
        most: usize,
    ) -> ApiResult<Vec<Group>> {
        use crate::domain::budget::DRAWING;
        use entity::{action, budget_line, commitment, plan, priority};
        let readable = commitment::Entity::find()
            .filter(<commitment::Entity as crate::access::Scoped>::scope(
                self.principal(),
                crate::access::Operation::Read,
            ))
            .filter(<commitment::Entity as crate::access::Scoped>::scope(
                self.principal(),
                crate::access::Operation::ReadMoney,
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
        super::at_most(&mut select, most);
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
}

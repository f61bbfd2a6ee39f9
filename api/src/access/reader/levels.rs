//! Relation levels and grouped counts: a page of children for every parent of a level in
//! one statement (`LATERAL` on PostgreSQL, a window function on SQLite), and counts per
//! parent or per key in one grouped statement.

use sea_orm::sea_query::{
    Asterisk, Expr, ExprTrait, JoinType, Query, SelectStatement, WindowStatement,
};
use sea_orm::{Condition, ConnectionTrait, DbBackend, Order, QuerySelect, QueryTrait};

use super::{COUNT, PARENT, PARENTS_PER_STATEMENT, ROW, Reader};
use crate::access::page::{Link, Page};
use crate::access::{Operation, Scoped};
use crate::error::ApiResult;

impl Reader {
    /// A page of the visible children of each of `parents` through `link`, in one
    /// statement: at most `page.limit` rows per parent, each with its parent's id, in the
    /// page's order within each parent. PostgreSQL reads each parent's page from the index
    /// (a `LATERAL` subquery per parent); SQLite numbers each parent's rows with a window
    /// function. Parents are sent in chunks only where a statement would exceed the
    /// engine's limit on bound parameters.
    pub async fn pages_by_parent<E: Scoped>(
        &self,
        link: &Link<E>,
        parents: &[i32],
        page: &Page<E>,
    ) -> ApiResult<Vec<(i32, E::Model)>> {
        let mut found = Vec::new();
        let _turn = self.gate.enter().await?;
        for chunk in parents.chunks(PARENTS_PER_STATEMENT) {
            let statement = match self.db.get_database_backend() {
                DbBackend::Postgres => self.lateral_pages(link, chunk, page),
                _ => self.windowed_pages(link, chunk, page),
            };
            for row in self.db.query_all(&statement).await? {
                let parent: i32 = row.try_get("", PARENT)?;
                found.push((parent, E::decode(&row)?));
            }
        }
        Ok(found)
    }

    /// How many visible children meeting `condition` each of `parents` has through
    /// `link`, in one grouped statement.
    pub async fn counts_by_parent<E: Scoped>(
        &self,
        link: &Link<E>,
        parents: &[i32],
        condition: Condition,
    ) -> ApiResult<Vec<(i32, i64)>> {
        let mut found = Vec::new();
        for chunk in parents.chunks(PARENTS_PER_STATEMENT) {
            let mut select = self.scoped::<E>(condition.clone()).into_query();
            let parent = link.join(&mut select, chunk);
            found.extend(self.counted_by(select, Expr::col(parent)).await?);
        }
        Ok(found)
    }

    /// The visible rows meeting `condition`, counted per value of the integer `key`
    /// column (rows without one are left out), in one grouped statement.
    pub async fn count_by<E: Scoped>(
        &self,
        condition: Condition,
        key: E::Column,
    ) -> ApiResult<Vec<(i32, i64)>> {
        let mut select = self.scoped::<E>(condition).into_query();
        select.and_where(Expr::col((E::default(), key)).is_not_null());
        self.counted_by(select, Expr::col((E::default(), key)))
            .await
    }

    /// The visible commitments meeting `condition`, counted per neighbourhood of their
    /// action's plan — only through actions, priorities and plans the caller may see.
    pub async fn commitments_by_neighbourhood(
        &self,
        condition: Condition,
    ) -> ApiResult<Vec<(i32, i64)>> {
        use entity::{action, commitment, plan, priority};
        let mut select = self.scoped::<commitment::Entity>(condition).into_query();
        let neighbourhood = Expr::col((plan::Entity, plan::Column::NeighbourhoodId));
        select
            .inner_join(
                action::Entity,
                Expr::col((action::Entity, action::Column::Id))
                    .equals((commitment::Entity, commitment::Column::ActionId)),
            )
            .inner_join(
                priority::Entity,
                Expr::col((priority::Entity, priority::Column::Id))
                    .equals((action::Entity, action::Column::PriorityId)),
            )
            .inner_join(
                plan::Entity,
                Expr::col((plan::Entity, plan::Column::Id))
                    .equals((priority::Entity, priority::Column::PlanId)),
            )
            .cond_where(action::Entity::scope(&self.principal, Operation::Read))
            .cond_where(priority::Entity::scope(&self.principal, Operation::Read))
            .cond_where(plan::Entity::scope(&self.principal, Operation::Read))
            .and_where(neighbourhood.clone().is_not_null());
        self.counted_by(select, neighbourhood).await
    }

    /// Runs `select` (its own columns dropped) grouped by `key`: (key, rows) per group.
    async fn counted_by(
        &self,
        mut select: SelectStatement,
        key: Expr,
    ) -> ApiResult<Vec<(i32, i64)>> {
        select
            .clear_selects()
            .expr_as(key.clone(), PARENT)
            .expr_as(Expr::cust("COUNT(*)"), COUNT)
            .add_group_by([key]);
        let mut found = Vec::new();
        let _turn = self.gate.enter().await?;
        for row in self.db.query_all(&select).await? {
            found.push((row.try_get("", PARENT)?, row.try_get("", COUNT)?));
        }
        Ok(found)
    }

    /// `SELECT c.*, p.parent FROM (VALUES …) p JOIN LATERAL (one parent's page) c ON TRUE`.
    fn lateral_pages<E: Scoped>(
        &self,
        link: &Link<E>,
        parents: &[i32],
        page: &Page<E>,
    ) -> SelectStatement {
        let outer_parent = Expr::col(("p", "column1"));
        let mut inner = page
            .order_select(page.project(self.scoped::<E>(page.bounded_condition())))
            .limit(page.limit)
            .into_query();
        link.match_parent(&mut inner, outer_parent.clone());
        Query::select()
            .column(("c", Asterisk))
            .expr_as(outer_parent, PARENT)
            .from_values(parents.iter().copied(), "p")
            .join_lateral(
                JoinType::InnerJoin,
                inner,
                "c",
                Condition::all().add(Expr::val(true).eq(true)),
            )
            .to_owned()
    }

    /// `SELECT * FROM (SELECT t.*, parent, ROW_NUMBER() OVER (PARTITION BY parent ORDER BY
    /// …) FROM t WHERE parent IN (…)) WHERE rn <= limit`.
    fn windowed_pages<E: Scoped>(
        &self,
        link: &Link<E>,
        parents: &[i32],
        page: &Page<E>,
    ) -> SelectStatement {
        let mut inner = page
            .project(self.scoped::<E>(page.bounded_condition()))
            .into_query();
        let parent = link.join(&mut inner, parents);
        let mut window = WindowStatement::partition_by(parent.clone());
        for (column, direction, nulls) in page.terms() {
            window.order_by_expr_with_nulls(Expr::col((E::default(), column)), direction, nulls);
        }
        inner.expr_as(Expr::col(parent), PARENT).expr_window_as(
            Expr::cust("ROW_NUMBER()"),
            window,
            ROW,
        );
        let limit = i64::try_from(page.limit).unwrap_or(i64::MAX);
        Query::select()
            .column(Asterisk)
            .from_subquery(inner, "c")
            .and_where(Expr::col(ROW).lte(limit))
            .order_by(PARENT, Order::Asc)
            .order_by(ROW, Order::Asc)
            .to_owned()
    }
}

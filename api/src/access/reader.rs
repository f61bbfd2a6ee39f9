//! [`Reader`]: the one path from the GraphQL layer to the database. Every statement it
//! builds starts from the entity's read scope for the caller.

use std::collections::HashMap;
use std::sync::Arc;

use sea_orm::sea_query::{
    Asterisk, Expr, ExprTrait, IntoIden, JoinType, NullOrdering, Query, SelectStatement,
    WindowStatement,
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    ModelTrait, Order, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select,
    Value,
};

use super::page::{Link, Page};
use super::{Operation, Principal, Scoped};
use crate::error::ApiResult;

/// What the commitments drawing on one budget line add up to, in hundredths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawing {
    /// Money committed (accepted, reserved and delivered).
    pub committed_cents: i64,
    /// Hours committed.
    pub hours_centi: i64,
    /// Money of the delivered ones.
    pub delivered_cents: i64,
    /// How many commitments draw on the line.
    pub commitments: i64,
}

/// The column a nested read names each row's parent in.
const PARENT: &str = "wg_parent";
/// The column of a grouped count.
const COUNT: &str = "wg_count";
/// The column numbering each parent's rows.
const ROW: &str = "wg_row";
/// Most parents in one statement: PostgreSQL binds at most 65,535 parameters and SQLite
/// 32,766, and the scope and filter need a few of their own.
const PARENTS_PER_STATEMENT: usize = 30_000;

/// Reads on behalf of one principal. Built per request; never shared between callers.
#[derive(Clone)]
pub struct Reader {
    db: DatabaseConnection,
    gate: crate::db::Gate,
    principal: Arc<Principal>,
}

impl Reader {
    /// A reader for `principal` over `db`.
    pub fn new(db: DatabaseConnection, gate: crate::db::Gate, principal: Principal) -> Self {
        Self {
            db,
            gate,
            principal: Arc::new(principal),
        }
    }

    /// The way into the pool: a read statement or a write transaction takes a turn first.
    pub fn gate(&self) -> &crate::db::Gate {
        &self.gate
    }

    /// The database, for the domain layer's transactions.
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The caller.
    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// The rows of `E` the caller may see that also meet `condition`.
    fn scoped<E: Scoped>(&self, condition: Condition) -> Select<E> {
        E::find()
            .filter(E::scope(&self.principal, Operation::Read))
            .filter(condition)
    }

    /// Counts the visible rows meeting `condition`.
    pub async fn count<E: Scoped>(&self, condition: Condition) -> ApiResult<u64>
    where
        E::Model: Sync,
    {
        let _turn = self.gate.enter().await?;
        Ok(self.scoped::<E>(condition).count(&self.db).await?)
    }

    /// One page of the visible rows: at most `page.limit` rows in the page's order (reversed
    /// when it reads backwards).
    pub async fn page<E: Scoped>(&self, page: &Page<E>) -> ApiResult<Vec<E::Model>> {
        let select = page.order_select(self.scoped::<E>(page.bounded_condition()));
        let _turn = self.gate.enter().await?;
        self.models(select.limit(page.limit)).await
    }

    /// The rows `select` finds, each decoded as its entity decodes rows.
    async fn models<E: Scoped>(&self, select: Select<E>) -> ApiResult<Vec<E::Model>> {
        let rows = self.db.query_all(&select.into_query()).await?;
        Ok(rows.iter().map(E::decode).collect::<Result<_, _>>()?)
    }

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
            .order_select(self.scoped::<E>(page.bounded_condition()))
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
        let mut inner = self.scoped::<E>(page.bounded_condition()).into_query();
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

    /// The revision of plan `plan_id` adopted last at or before `on`, if the caller may
    /// see it.
    pub async fn adopted_revision(
        &self,
        plan_id: i32,
        on: chrono::DateTime<chrono::Utc>,
    ) -> ApiResult<Option<entity::plan_revision::Model>> {
        use entity::plan_revision::Column;
        let condition = Condition::all()
            .add(Column::PlanId.eq(plan_id))
            .add(Column::AdoptedAt.lte(on));
        let _turn = self.gate.enter().await?;
        Ok(self
            .scoped::<entity::plan_revision::Entity>(condition)
            .order_by_desc(Column::AdoptedAt)
            .order_by_desc(Column::Number)
            .one(&self.db)
            .await?)
    }

    /// The one visible row meeting `condition` (a lookup by a unique key), if any.
    pub async fn find_one<E: Scoped>(&self, condition: Condition) -> ApiResult<Option<E::Model>> {
        let _turn = self.gate.enter().await?;
        Ok(self.scoped::<E>(condition).one(&self.db).await?)
    }

    /// The visible rows among `ids`, in no particular order.
    pub async fn by_ids<E: Scoped>(&self, ids: &[i32]) -> ApiResult<Vec<E::Model>> {
        let condition = Condition::all().add(E::id_column().is_in(ids.iter().copied()));
        let _turn = self.gate.enter().await?;
        self.models(self.scoped::<E>(condition)).await
    }

    /// The visible rows whose `column` is one of `values`, in the natural order: one
    /// statement for a whole level of a relation.
    pub async fn by_column<E: Scoped>(
        &self,
        column: E::Column,
        values: &[i32],
    ) -> ApiResult<Vec<E::Model>> {
        let condition = Condition::all().add(column.is_in(values.iter().copied()));
        let _turn = self.gate.enter().await?;
        self.models(ordered(self.scoped::<E>(condition), &[])).await
    }

    /// Those of `ids` whose rows the caller may reach for `operation` (beyond reading
    /// them), e.g. the commitments whose money the caller may see.
    pub async fn permitted<E: Scoped>(
        &self,
        operation: Operation,
        ids: &[i32],
    ) -> ApiResult<Vec<i32>> {
        // A caller who reads and reaches every row (an admin, a controller) needs no
        // statement: the ids are of rows already read.
        let everything = Condition::all();
        if E::scope(&self.principal, Operation::Read) == everything
            && E::scope(&self.principal, operation) == everything
        {
            return Ok(ids.to_vec());
        }
        let _turn = self.gate.enter().await?;
        let rows = E::find()
            .filter(E::scope(&self.principal, Operation::Read))
            .filter(E::scope(&self.principal, operation))
            .filter(E::id_column().is_in(ids.iter().copied()))
            .all(&self.db)
            .await?;
        Ok(rows
            .iter()
            .filter_map(|row| int_value(row, E::id_column()))
            .collect())
    }

    /// Per budget line among `lines`, the sums of the commitments meeting `condition` that
    /// draw on it (accepted, reserved or delivered), in one grouped statement.
    pub async fn drawing_by_line(
        &self,
        lines: &[i32],
        condition: Condition,
    ) -> ApiResult<HashMap<i32, Drawing>> {
        use entity::commitment;
        let mut found = HashMap::new();
        let _turn = self.gate.enter().await?;
        for chunk in lines.chunks(PARENTS_PER_STATEMENT) {
            let mut select =
                drawing_per_line(commitment::Column::BudgetLineId.is_in(chunk.iter().copied()));
            select.cond_where(condition.clone());
            for row in self.db.query_all(&select).await? {
                found.insert(
                    row.try_get::<i32>("", "budget_line_id")?,
                    Drawing {
                        committed_cents: row.try_get("", "committed")?,
                        hours_centi: row.try_get("", "hours")?,
                        delivered_cents: row.try_get("", "delivered")?,
                        commitments: row.try_get("", "drawing")?,
                    },
                );
            }
        }
        Ok(found)
    }

    /// [`Self::drawing_by_line`] over the commitments the caller may see.
    pub async fn visible_drawing_by_line(&self, lines: &[i32]) -> ApiResult<HashMap<i32, Drawing>> {
        let scope = entity::commitment::Entity::scope(&self.principal, Operation::Read);
        self.drawing_by_line(lines, scope).await
    }

    /// The link from children of `E` to parents through the link table `L`, whose column
    /// `child` holds the child's id and `parent` the parent's; the caller's scope on `L`
    /// comes along.
    pub fn through<E: Scoped, L: Scoped>(&self, child: L::Column, parent: L::Column) -> Link<E> {
        Link::Through {
            table: L::default().into_iden(),
            child: child.into_iden(),
            parent: parent.into_iden(),
            scope: L::scope(&self.principal, Operation::Read),
        }
    }

    /// A sub-query selecting the ids of the visible rows of `E` meeting `condition`, for
    /// filters that reach into a related entity: the related entity's scope comes along.
    pub fn visible_ids<E: Scoped>(&self, condition: Condition) -> SelectStatement {
        self.scoped::<E>(condition)
            .select_only()
            .column(E::id_column())
            .into_query()
    }
}

/// Per budget line whose commitments meet `lines`, the sums of those drawing on it
/// (accepted, reserved or delivered) in hundredths: `budget_line_id`, `committed`,
/// `hours`, `delivered` and the number `drawing`. The one definition of a line's drawing,
/// for [`Reader::drawing_by_line`] and the budget summary.
pub(super) fn drawing_per_line(lines: Expr) -> SelectStatement {
    use crate::domain::budget::DRAWING;
    use entity::commitment;
    Query::select()
        .from(commitment::Entity)
        .column(commitment::Column::BudgetLineId)
        .expr_as(
            Expr::cust("CAST(SUM(COALESCE(amount_cents, 0)) AS BIGINT)"),
            "committed",
        )
        .expr_as(
            Expr::cust("CAST(SUM(COALESCE(hours_centi, 0)) AS BIGINT)"),
            "hours",
        )
        .expr_as(
            Expr::cust(
                "CAST(SUM(CASE WHEN status = 'DELIVERED' THEN COALESCE(amount_cents, 0) ELSE 0 END) AS BIGINT)",
            ),
            "delivered",
        )
        .expr_as(Expr::cust("COUNT(*)"), "drawing")
        .and_where(lines)
        .and_where(commitment::Column::Status.is_in(DRAWING))
        .group_by_col(commitment::Column::BudgetLineId)
        .to_owned()
}

/// Applies the requested order, then the natural order, then the id. Nulls sort last on
/// both engines (PostgreSQL and SQLite disagree by default).
fn ordered<E: Scoped>(mut select: Select<E>, order: &[(E::Column, Order)]) -> Select<E> {
    for (column, direction) in order.iter().cloned().chain(E::natural_order()) {
        select = select.order_by_with_nulls(column, direction, NullOrdering::Last);
    }
    select.order_by(E::id_column(), Order::Asc)
}

/// Reads an integer key column of a model (ids and foreign keys).
pub fn int_value<M: ModelTrait>(
    model: &M,
    column: <M::Entity as EntityTrait>::Column,
) -> Option<i32> {
    match model.get(column) {
        Value::Int(value) => value,
        _ => None,
    }
}

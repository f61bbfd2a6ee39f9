//! [`Reader`]: the one path from the GraphQL layer to the database. Every statement it
//! builds starts from the entity's read scope for the caller.
//!
//! Here: lists, pages, lookups and counts. Relation levels and grouped counts are in
//! `levels.rs`; what commitments draw on budget lines in `drawing.rs`; budget totals in
//! `summary/`.

use std::sync::Arc;

use sea_orm::sea_query::{IntoIden, NullOrdering, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, Value,
};

use super::page::{Link, Page};
use super::{Criteria, Operation, Principal, Scoped};
use crate::error::ApiResult;

mod drawing;
mod levels;

pub use drawing::Drawing;
pub(in crate::access) use drawing::drawing_per_line;

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

    /// Counts the visible rows meeting `criteria`: from the table's tally where it
    /// answers the same ([`Tally::answers`](super::tally::Tally::answers)), otherwise by
    /// counting the rows.
    pub async fn count<E: Scoped>(&self, criteria: &Criteria) -> ApiResult<u64>
    where
        E::Model: Sync,
    {
        let condition = criteria.condition.clone();
        if let Some(tally) = E::TALLY
            && tally.answers(E::KIND, criteria, &self.principal)
        {
            let scoped = Condition::all()
                .add(E::scope(&self.principal, Operation::Read))
                .add(condition);
            let _turn = self.gate.enter().await?;
            let row = self.db.query_one(&tally.sum::<E>(scoped)).await?;
            let total: i64 = match row {
                Some(row) => row.try_get("", "total")?,
                None => 0,
            };
            return Ok(u64::try_from(total).unwrap_or(0));
        }
        let _turn = self.gate.enter().await?;
        Ok(self.scoped::<E>(condition).count(&self.db).await?)
    }

    /// One page of the visible rows: at most `page.limit` rows in the page's order (reversed
    /// when it reads backwards).
    pub async fn page<E: Scoped>(&self, page: &Page<E>) -> ApiResult<Vec<E::Model>> {
        let select = page.order_select(page.project(self.scoped::<E>(page.bounded_condition())));
        let _turn = self.gate.enter().await?;
        self.models(select.limit(page.limit)).await
    }

    /// The rows `select` finds, each decoded as its entity decodes rows.
    async fn models<E: Scoped>(&self, select: Select<E>) -> ApiResult<Vec<E::Model>> {
        let rows = self.db.query_all(&select.into_query()).await?;
        Ok(rows.iter().map(E::decode).collect::<Result<_, _>>()?)
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
    /// them), e.g. the commitments whose money the caller may see. A caller who reads and
    /// reaches every row (an admin, a controller) needs no statement: the GraphQL layer
    /// answers them without asking (`RequestScope::reaches_every`).
    pub async fn permitted<E: Scoped>(
        &self,
        operation: Operation,
        ids: &[i32],
    ) -> ApiResult<Vec<i32>> {
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

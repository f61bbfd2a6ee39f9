//! [`Reader`]: the one path from the GraphQL layer to the database. Every statement it
//! builds starts from the entity's read scope for the caller.

use std::sync::Arc;

use sea_orm::sea_query::{NullOrdering, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, ModelTrait, Order, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, Value,
};

use super::{Operation, Principal, Scoped};
use crate::error::ApiResult;

/// A slice of an ordered list: skip `offset` rows, return at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return at most.
    pub limit: u64,
}

/// Reads on behalf of one principal. Built per request; never shared between callers.
#[derive(Clone)]
pub struct Reader {
    db: DatabaseConnection,
    principal: Arc<Principal>,
}

impl Reader {
    /// A reader for `principal` over `db`.
    pub fn new(db: DatabaseConnection, principal: Principal) -> Self {
        Self {
            db,
            principal: Arc::new(principal),
        }
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
        Ok(self.scoped::<E>(condition).count(&self.db).await?)
    }

    /// One window of the visible rows meeting `condition`, in the given order (then the
    /// entity's natural order, then by id, so pages are stable).
    pub async fn page<E: Scoped>(
        &self,
        condition: Condition,
        order: &[(E::Column, Order)],
        window: Window,
    ) -> ApiResult<Vec<E::Model>> {
        let select = ordered(self.scoped::<E>(condition), order);
        Ok(select
            .offset(window.offset)
            .limit(window.limit)
            .all(&self.db)
            .await?)
    }

    /// The visible rows among `ids`, in no particular order.
    pub async fn by_ids<E: Scoped>(&self, ids: &[i32]) -> ApiResult<Vec<E::Model>> {
        let condition = Condition::all().add(E::id_column().is_in(ids.iter().copied()));
        Ok(self.scoped::<E>(condition).all(&self.db).await?)
    }

    /// The visible rows whose `column` is one of `values`, in the natural order: one
    /// statement for a whole level of a relation.
    pub async fn by_column<E: Scoped>(
        &self,
        column: E::Column,
        values: &[i32],
    ) -> ApiResult<Vec<E::Model>> {
        let condition = Condition::all().add(column.is_in(values.iter().copied()));
        Ok(ordered(self.scoped::<E>(condition), &[])
            .all(&self.db)
            .await?)
    }

    /// Those of `ids` whose rows the caller may reach for `operation` (beyond reading
    /// them), e.g. the commitments whose money the caller may see.
    pub async fn permitted<E: Scoped>(
        &self,
        operation: Operation,
        ids: &[i32],
    ) -> ApiResult<Vec<i32>> {
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

    /// The budget lines meeting `condition` whose figures the caller may add up (see
    /// [`super::scope::budget_totals_condition`]), with their amounts and the commitments
    /// drawing on them: the one path to figures for totals.
    pub async fn budget_totals(
        &self,
        condition: Condition,
        detail: bool,
    ) -> ApiResult<(
        Vec<entity::budget_line::Model>,
        Vec<entity::budget_line_amount::Model>,
        Vec<entity::commitment::Model>,
    )> {
        use entity::{budget_line, budget_line_amount, commitment};
        let lines = budget_line::Entity::find()
            .filter(super::scope::budget_totals_condition(
                &self.principal,
                detail,
            ))
            .filter(condition)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = lines.iter().map(|line| line.id).collect();
        let amounts = budget_line_amount::Entity::find()
            .filter(budget_line_amount::Column::BudgetLineId.is_in(ids.iter().copied()))
            .all(&self.db)
            .await?;
        let commitments = commitment::Entity::find()
            .filter(commitment::Column::BudgetLineId.is_in(ids.iter().copied()))
            .all(&self.db)
            .await?;
        Ok((lines, amounts, commitments))
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

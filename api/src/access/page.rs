//! One page of a list, as SQL: the order (nulls last on both engines, the id breaking
//! ties), a keyset bound after and/or before a row's values, and a row limit. The same
//! description serves a root list and a whole level of nested lists.

use sea_orm::sea_query::{
    ColumnRef, DynIden, Expr, ExprTrait, IntoColumnRef, NullOrdering, Query, SelectStatement,
};
use sea_orm::{ColumnTrait, Condition, IdenStatic, Order, QueryOrder, QuerySelect, Select, Value};

use super::Scoped;

/// A row's position in a list: its values in the order columns, then its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    /// One value per order column.
    pub values: Vec<Value>,
    /// The row's id.
    pub id: i32,
}

/// Which rows of a list one page reads.
#[derive(Debug, Clone)]
pub struct Page<E: Scoped> {
    /// The list's filter (the caller's scope is added by the reader).
    pub condition: Condition,
    /// The order before the id tie-breaker.
    pub order: Vec<(E::Column, Order)>,
    /// Only rows strictly after this one.
    pub after: Option<Bound>,
    /// Only rows strictly before this one.
    pub before: Option<Bound>,
    /// Read from the end of the list backwards (for `last`); rows come out reversed.
    pub backward: bool,
    /// Most rows to read (per parent, for a nested level).
    pub limit: u64,
    /// The columns the query needs besides the id and the order's, when it needs only
    /// some; `None` reads every column. Only entities whose decoder takes such rows are
    /// read this way ([`Scoped::decodes_some_columns`]).
    pub columns: Option<Vec<E::Column>>,
}

impl<E: Scoped> Page<E> {
    /// The filter with the keyset bounds.
    pub fn bounded_condition(&self) -> Condition {
        let mut condition = self.condition.clone();
        if let Some(after) = &self.after {
            condition = condition.add(beyond::<E>(&self.order, after, true));
        }
        if let Some(before) = &self.before {
            condition = condition.add(beyond::<E>(&self.order, before, false));
        }
        condition
    }

    /// The order terms as read, the id last: reversed when reading backwards. Nulls sort
    /// last in the list's own direction.
    pub fn terms(&self) -> Vec<(E::Column, Order, NullOrdering)> {
        let backward = self.backward;
        let flip = |direction: &Order| match (direction, backward) {
            (Order::Desc, false) | (Order::Asc, true) => Order::Desc,
            _ => Order::Asc,
        };
        let nulls = || {
            if backward {
                NullOrdering::First
            } else {
                NullOrdering::Last
            }
        };
        self.order
            .iter()
            .map(|(column, direction)| (*column, flip(direction), nulls()))
            .chain([(E::id_column(), flip(&Order::Asc), nulls())])
            .collect()
    }

    /// Restricts `select` to the page's columns, the order's and the id, where the page
    /// names some and the entity decodes such rows.
    pub fn project(&self, select: Select<E>) -> Select<E> {
        let Some(columns) = self.columns.as_ref().filter(|_| E::decodes_some_columns()) else {
            return select;
        };
        let mut read = vec![E::id_column()];
        for column in columns
            .iter()
            .chain(self.order.iter().map(|(column, _)| column))
        {
            if !read.iter().any(|known| known.as_str() == column.as_str()) {
                read.push(*column);
            }
        }
        select.select_only().columns(read)
    }

    /// Applies the order to a select.
    pub fn order_select(&self, mut select: Select<E>) -> Select<E> {
        for (column, direction, nulls) in self.terms() {
            select = if column.def().is_null() {
                select.order_by_with_nulls(column, direction, nulls)
            } else {
                select.order_by(column, direction)
            };
        }
        select
    }
}

/// Rows strictly beyond `bound` in `order` (then id ascending): after it when `forward`,
/// before it otherwise. Nulls sort last. Built as `k1 beyond v1 OR (k1 = v1 AND (k2 …))`,
/// with a plain range on the first column where it is never null, so an index on the
/// order columns serves it.
fn beyond<E: Scoped>(order: &[(E::Column, Order)], bound: &Bound, forward: bool) -> Condition {
    let id = E::id_column();
    let mut rest = Condition::all().add(if forward {
        id.gt(bound.id)
    } else {
        id.lt(bound.id)
    });
    for ((column, direction), value) in order.iter().zip(&bound.values).rev() {
        let ascending = !matches!(direction, Order::Desc);
        let nullable = column.def().is_null();
        let is_null = !value.is_some();
        let tie = if is_null {
            column.is_null()
        } else {
            column.eq(value.clone())
        };
        let strictly: Option<Expr> = match (forward, is_null) {
            // After a null only further nulls follow: those are ties.
            (true, true) => None,
            (true, false) => {
                let past = if ascending {
                    column.gt(value.clone())
                } else {
                    column.lt(value.clone())
                };
                Some(if nullable {
                    past.or(column.is_null())
                } else {
                    past
                })
            }
            (false, true) => Some(column.is_not_null()),
            (false, false) => Some(if ascending {
                column.lt(value.clone())
            } else {
                column.gt(value.clone())
            }),
        };
        let tied = Condition::all().add(tie).add(rest);
        rest = match strictly {
            Some(strictly) => Condition::any().add(strictly).add(tied),
            None => tied,
        };
    }
    // A range the index can use: everything beyond the bound lies on this side of the
    // first column's value.
    if let (Some((column, direction)), Some(value)) = (order.first(), bound.values.first())
        && !column.def().is_null()
        && value.is_some()
    {
        let ascending = !matches!(direction, Order::Desc);
        let range = if ascending == forward {
            column.gte(value.clone())
        } else {
            column.lte(value.clone())
        };
        rest = Condition::all().add(range).add(rest);
    }
    rest
}

/// How the children of a nested list point at their parent.
#[derive(Debug, Clone)]
pub enum Link<E: Scoped> {
    /// The child's own column holds the parent's id.
    Column(E::Column),
    /// A link table joins them: its `child` column holds the child's id, its `parent`
    /// column the parent's; `scope` is the caller's read scope on the link table.
    Through {
        /// The link table.
        table: DynIden,
        /// Its column pointing at the child.
        child: DynIden,
        /// Its column pointing at the parent.
        parent: DynIden,
        /// The caller's scope on the link table.
        scope: Condition,
    },
}

impl<E: Scoped> Link<E> {
    /// A short description for a cursor's binding and a batch's grouping.
    pub fn describe(&self) -> String {
        match self {
            Link::Column(column) => format!("{}.{}", E::default().table_name(), column.as_str()),
            Link::Through {
                table,
                child,
                parent,
                ..
            } => format!(
                "{}.{}<{}.{}",
                E::default().table_name(),
                child,
                table,
                parent
            ),
        }
    }

    /// Restricts `select` (over the child table) to children of `parents`, joining the link
    /// table where there is one; returns the column that holds each row's parent.
    pub fn join(&self, select: &mut SelectStatement, parents: &[i32]) -> ColumnRef {
        match self {
            Link::Column(column) => {
                select.and_where(column.is_in(parents.iter().copied()));
                (E::default(), *column).into_column_ref()
            }
            Link::Through {
                table,
                child,
                parent,
                scope,
            } => {
                select
                    .inner_join(
                        table.clone(),
                        Expr::col((table.clone(), child.clone()))
                            .equals((E::default(), E::id_column())),
                    )
                    .and_where(
                        Expr::col((table.clone(), parent.clone())).is_in(parents.iter().copied()),
                    )
                    .cond_where(scope.clone());
                (table.clone(), parent.clone()).into_column_ref()
            }
        }
    }

    /// Restricts `select` (over the child table) to the children of the parent `outer`
    /// (a column of an enclosing query).
    pub fn match_parent(&self, select: &mut SelectStatement, outer: Expr) {
        match self {
            Link::Column(column) => {
                select.and_where(Expr::col((E::default(), *column)).eq(outer));
            }
            Link::Through {
                table,
                child,
                parent,
                scope,
            } => {
                let children = Query::select()
                    .column((table.clone(), child.clone()))
                    .from(table.clone())
                    .and_where(Expr::col((table.clone(), parent.clone())).eq(outer))
                    .cond_where(scope.clone())
                    .to_owned();
                select.and_where(Expr::col((E::default(), E::id_column())).in_subquery(children));
            }
        }
    }
}

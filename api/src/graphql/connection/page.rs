//! A page prepared from Relay's arguments: the sizes checked, the cursors decoded and bound
//! to their list and order, one row more than the page read; and the connection built from
//! the rows, with `totalCount` counted only when asked.

use std::sync::Arc;

use async_graphql::connection::{Connection, Edge};
use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Object, ObjectType};
use futures_util::future::BoxFuture;
use sea_orm::{Condition, IdenStatic, ModelTrait, Order};

use super::cursor::{Binding, Cursor, Key, Position};
use super::{Conn, DEFAULT_PAGE_SIZE, cursor};
use crate::access::{Bound, Page, Scoped, int_value};
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::scope;
use crate::graphql::lean::Lean;
use crate::graphql::loader::ScopedLoader;

/// The pagination arguments of a connection field.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    /// `first`
    pub first: Option<i32>,
    /// `after`
    pub after: Option<String>,
    /// `last`
    pub last: Option<i32>,
    /// `before`
    pub before: Option<String>,
}

impl PageArgs {
    /// Bundles the four arguments.
    pub fn new(
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Self {
        Self {
            first,
            after,
            last,
            before,
        }
    }
}

type RootCount = Box<dyn Fn() -> BoxFuture<'static, ApiResult<u64>> + Send + Sync>;
type NestedCount = Box<
    dyn for<'a> Fn(&'a DataLoader<ScopedLoader>) -> BoxFuture<'a, async_graphql::Result<u64>>
        + Send
        + Sync,
>;

/// How a connection counts its whole list, when asked.
pub(super) enum Counter {
    Root(RootCount),
    Nested(NestedCount),
}

/// The extra field every connection carries; the count runs only if selected.
pub struct ConnectionTotals {
    counter: Counter,
}

#[Object]
impl ConnectionTotals {
    /// Number of items in the whole list (within what the caller may see), across pages.
    async fn total_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let total = match &self.counter {
            Counter::Root(count) => count().await?,
            Counter::Nested(count) => count(&scope(ctx)?.loader).await?,
        };
        Ok(i32::try_from(total).unwrap_or(i32::MAX))
    }
}

/// A page request resolved against its list: the SQL page and how to shape the answer.
pub struct Prepared<E: Scoped> {
    binding: Arc<Binding>,
    /// The rows to read (one more than the page).
    pub page: Page<E>,
    size: u64,
    trim_to_last: Option<u64>,
    after_given: bool,
    before_given: bool,
}

impl<E: Scoped> Prepared<E> {
    /// Resolves `args` for the list `list` filtered by `condition` in `order` (then the
    /// entity's natural order, then the id). Cursors must come from the same list and order.
    pub fn new(
        list: String,
        condition: Condition,
        order: &[(E::Column, Order)],
        args: &PageArgs,
        max_page_size: u32,
    ) -> ApiResult<Self> {
        let first = page_size("first", args.first, max_page_size)?;
        let last = page_size("last", args.last, max_page_size)?;
        let mut full_order: Vec<(E::Column, Order)> = order.to_vec();
        for (column, direction) in E::natural_order() {
            if !full_order
                .iter()
                .any(|(known, _)| known.as_str() == column.as_str())
            {
                full_order.push((column, direction));
            }
        }
        let binding = Arc::new(Binding::new(list, &full_order));
        let columns: Vec<E::Column> = full_order.iter().map(|(column, _)| *column).collect();
        let bound = |field: &str, cursor: &Option<String>| -> ApiResult<Option<Bound>> {
            let Some(cursor) = cursor else {
                return Ok(None);
            };
            let position = cursor::decode(field, cursor, &binding, &columns)?;
            let values = position
                .keys
                .iter()
                .zip(&columns)
                .filter_map(|(key, column)| key.value_for(*column))
                .collect();
            Ok(Some(Bound {
                values,
                id: position.id,
            }))
        };
        let after = bound("after", &args.after)?;
        let before = bound("before", &args.before)?;
        let backward = first.is_none() && last.is_some();
        let size = match (first, last) {
            (Some(first), _) => first,
            (None, Some(last)) => last,
            (None, None) => DEFAULT_PAGE_SIZE,
        };
        Ok(Self {
            binding,
            page: Page {
                condition,
                order: full_order,
                after,
                before,
                backward,
                limit: size + 1,
                columns: None,
            },
            size,
            trim_to_last: first.and(last),
            after_given: args.after.is_some(),
            before_given: args.before.is_some(),
        })
    }

    /// A fingerprint of everything that decides which rows a page holds (and which links
    /// are read along), for grouping the pages of one relation level into one statement.
    pub(super) fn fingerprint(&self, link: &str, extra: &str, links: &str) -> String {
        format!(
            "{link}|{extra}|{}|{:?}|{:?}|{}|{}|{links}|{:?}",
            self.binding.order,
            self.page.after,
            self.page.before,
            self.page.backward,
            self.page.limit,
            self.page.columns
        )
    }

    /// The connection over the rows read for this page.
    pub(super) fn finish<T>(&self, mut rows: Vec<E::Model>, counter: Counter) -> ApiResult<Conn<T>>
    where
        T: From<E::Model> + ObjectType,
    {
        let more = rows.len() as u64 > self.size;
        rows.truncate(usize::try_from(self.size).unwrap_or(usize::MAX));
        if self.page.backward {
            rows.reverse();
        }
        let mut dropped = false;
        if let Some(last) = self
            .trim_to_last
            .and_then(|last| usize::try_from(last).ok())
            && rows.len() > last
        {
            rows.drain(..rows.len() - last);
            dropped = true;
        }
        let (has_previous, has_next) = if self.page.backward {
            (more, self.before_given)
        } else {
            (self.after_given || dropped, more)
        };
        let mut connection = Connection::with_additional_fields(
            has_previous,
            has_next,
            ConnectionTotals { counter },
        );
        connection.edges.reserve(rows.len());
        for row in rows {
            let cursor = Cursor {
                binding: self.binding.clone(),
                position: self.position(&row)?,
            };
            connection.edges.push(Edge::new(cursor, Lean(T::from(row))));
        }
        Ok(Conn(connection))
    }

    fn position(&self, row: &E::Model) -> ApiResult<Position> {
        let keys = self
            .page
            .order
            .iter()
            .map(|(column, _)| Key::of(&row.get(*column)))
            .collect::<Option<Vec<_>>>();
        match (keys, int_value(row, E::id_column())) {
            (Some(keys), Some(id)) => Ok(Position { keys, id }),
            _ => Err(ApiError::Internal(anyhow::anyhow!(
                "a row of {} has an order value no cursor can hold",
                E::default().table_name()
            ))),
        }
    }
}

fn page_size(field: &str, value: Option<i32>, max: u32) -> ApiResult<Option<u64>> {
    match value {
        None => Ok(None),
        Some(n) if n < 0 => Err(ApiError::bad_input(field, "must not be negative")),
        Some(n) if n.unsigned_abs() > max => Err(ApiError::bad_input(
            field,
            format!("must be at most {max} (the largest page)"),
        )),
        Some(n) => Ok(Some(u64::from(n.unsigned_abs()))),
    }
}

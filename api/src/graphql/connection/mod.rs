//! The one piece behind every connection field: Relay arguments in, a keyset page out.
//!
//! A root list reads one page with one statement ([`list`]); a nested list ([`relation`])
//! joins its whole relation level into one statement that returns at most `first + 1`
//! children per parent. Either way one row more than the page is read, so `hasNextPage`
//! (or `hasPreviousPage` when paging backwards) needs no count, and `totalCount` is
//! counted only when the query selects it (for a nested level, one grouped statement).
//! Cursors are keyset cursors ([`cursor`]). Object types declare their connection fields
//! with [`connections!`](crate::graphql::connection::connections).

pub mod cursor;

use std::sync::Arc;

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Object, OutputType};
use futures_util::future::BoxFuture;
use sea_orm::{Condition, IdenStatic, ModelTrait, Order};

use self::cursor::{Binding, Cursor, Key, Position};
use super::context::scope;
use super::links::{Linked, prefetch, wanted_by_nodes};
use super::loader::{CountOf, Level, PageOf, ScopedLoader, Shared};
use crate::access::{Bound, Link, Page, Scoped, int_value};
use crate::error::{ApiError, ApiResult};

/// Page size when the caller gives neither `first` nor `last`.
pub const DEFAULT_PAGE_SIZE: u64 = 20;

/// A Relay connection of `T` with `totalCount`.
pub type Conn<T> = Connection<Cursor, T, ConnectionTotals, EmptyFields>;

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
enum Counter {
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
            },
            size,
            trim_to_last: first.and(last),
            after_given: args.after.is_some(),
            before_given: args.before.is_some(),
        })
    }

    /// A fingerprint of everything that decides which rows a page holds (and which links
    /// are read along), for grouping the pages of one relation level into one statement.
    fn fingerprint(&self, link: &str, extra: &str, links: &str) -> String {
        format!(
            "{link}|{extra}|{}|{:?}|{:?}|{}|{}|{links}",
            self.binding.order,
            self.page.after,
            self.page.before,
            self.page.backward,
            self.page.limit
        )
    }

    /// The connection over the rows read for this page.
    fn finish<T>(&self, mut rows: Vec<E::Model>, counter: Counter) -> ApiResult<Conn<T>>
    where
        T: From<E::Model> + OutputType,
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
            connection.edges.push(Edge::new(cursor, T::from(row)));
        }
        Ok(connection)
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

/// Resolves a root list: one page of the visible rows meeting `condition` in `order`.
pub async fn list<E, T>(
    ctx: &Context<'_>,
    condition: Condition,
    order: &[(E::Column, Order)],
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped,
    E::Model: Sync,
    T: From<E::Model> + OutputType + Linked<Model = E::Model>,
{
    let scope = scope(ctx)?;
    let list = format!("{}:{}", E::default().table_name(), ctx.field().name());
    let prepared = Prepared::<E>::new(
        list,
        condition.clone(),
        order,
        &args,
        scope.settings.max_page_size,
    )?;
    let rows = scope.reader.page(&prepared.page).await?;
    let wanted = wanted_by_nodes::<T>(ctx);
    prefetch(
        &scope.reader,
        &scope.known,
        rows.iter(),
        T::links(),
        &wanted,
    )
    .await?;
    let reader = scope.reader.clone();
    let counter = Counter::Root(Box::new(move || {
        let reader = reader.clone();
        let condition = condition.clone();
        Box::pin(async move { reader.count::<E>(condition).await })
    }));
    Ok(prepared.finish(rows, counter)?)
}

/// A nested list's extra filter, with a text that tells it apart from other filters of
/// the same relation (e.g. `asOf=2016-06-01`).
pub struct Extra {
    /// Distinguishes the filter in the batch's grouping.
    pub tag: String,
    /// The filter.
    pub condition: Condition,
}

/// Resolves a nested list: the visible children of `parent` through `link`, one page of
/// them, read with the rest of its relation level in one statement.
pub async fn relation<E, T>(
    ctx: &Context<'_>,
    link: Link<E>,
    extra: Option<Extra>,
    parent: i32,
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: From<E::Model> + OutputType + Linked<Model = E::Model>,
{
    let scope = scope(ctx)?;
    let level = level_plan::<E, T>(ctx, scope, link, extra, &args)?;
    let (prepared, shared) = (&level.prepared, &level.shared);
    let rows = scope
        .loader
        .load_one(PageOf::new(parent, shared.clone()))
        .await?
        .unwrap_or_default();
    let count_key = CountOf::new(parent, shared.clone());
    let counter = Counter::Nested(Box::new(move |loader| {
        let key = count_key.clone();
        Box::pin(async move {
            let count = loader.load_one(key).await?.unwrap_or(0);
            Ok(u64::try_from(count).unwrap_or(0))
        })
    }));
    Ok(prepared.finish(rows, counter)?)
}

/// What every parent of one nested connection field shares: the resolved page request and
/// the level's read.
struct LevelPlan<E: Scoped> {
    prepared: Prepared<E>,
    shared: Arc<Shared<Level<E>>>,
}

/// The plan of the nested connection field being resolved, worked out for its first
/// parent and reused for the others: every parent of one field in the query has the same
/// arguments, so the same page request, fingerprint and selected links.
fn level_plan<E, T>(
    ctx: &Context<'_>,
    scope: &super::context::RequestScope,
    link: Link<E>,
    extra: Option<Extra>,
    args: &PageArgs,
) -> ApiResult<Arc<LevelPlan<E>>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: Linked<Model = E::Model>,
{
    let (tag, condition) = match extra {
        Some(Extra { tag, condition }) => (tag, condition),
        None => (String::new(), Condition::all()),
    };
    // The field's place in the parsed query tells its parents apart from other fields'.
    let field = std::ptr::from_ref(ctx.item) as usize;
    if let Some(known) = scope.levels.get::<LevelPlan<E>>(field, &tag) {
        return Ok(known);
    }
    let described = link.describe();
    let prepared = Prepared::<E>::new(
        described.clone(),
        condition,
        &[],
        args,
        scope.settings.max_page_size,
    )?;
    let wanted = wanted_by_nodes::<T>(ctx);
    // One shared read for the page and, if selected, the count of this relation level.
    let shared = Arc::new(Shared::new(
        prepared.fingerprint(&described, &tag, &format!("{wanted:?}")),
        Level {
            link,
            page: prepared.page.clone(),
            links: T::links(),
            wanted,
        },
    ));
    let plan = Arc::new(LevelPlan { prepared, shared });
    scope.levels.put(field, tag, plan.clone());
    Ok(plan)
}

/// Resolves a has-many relation: the children whose `column` holds `parent`'s id.
pub async fn children<E, T>(
    ctx: &Context<'_>,
    column: E::Column,
    parent: i32,
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: From<E::Model> + OutputType + Linked<Model = E::Model>,
{
    relation::<E, T>(ctx, Link::Column(column), None, parent, args).await
}

/// Declares the has-many connection fields of an object type: each line names the field,
/// the node type and the child entity's column that points at the parent. Lists reached
/// through a link table follow in a `through` block: the field, the node type, the child
/// entity, and the link table's columns holding the child's and the parent's ids. The
/// fields land in a small object (`<Type>Connections`, holding the parent's id) that the
/// type flattens into itself with `#[graphql(flatten)]`:
///
/// ```ignore
/// connections! {
///     ClusterConnections of Cluster {
///         /// Commitments asked of or given by this cluster.
///         commitments: Commitment by commitment::ClusterId,
///     }
/// }
/// connections! {
///     AreaConnections of Area {}
///     through representative_body_coverage {
///         /// Residents' bodies covering this area.
///         representative_bodies: RepresentativeBody of representative_body by BodyId from AreaId,
///     }
/// }
/// ```
macro_rules! connections {
    ($holder:ident of $parent:ident {
        $($(#[doc = $doc:literal])* $field:ident: $node:ident by $module:ident::$column:ident),* $(,)?
    } $(through $link:ident {
        $($(#[doc = $ldoc:literal])* $lfield:ident: $lnode:ident of $lmodule:ident by $child:ident from $from:ident),* $(,)?
    })?) => {
        #[doc = concat!("The has-many connection fields of [`", stringify!($parent), "`], by its id.")]
        #[derive(Clone, Copy)]
        pub struct $holder(pub i32);

        #[async_graphql::Object]
        impl $holder {
            $(
                $(#[doc = $doc])*
                async fn $field(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    first: Option<i32>,
                    after: Option<String>,
                    last: Option<i32>,
                    before: Option<String>,
                ) -> async_graphql::Result<crate::graphql::connection::Conn<$node>> {
                    crate::graphql::connection::children::<entity::$module::Entity, $node>(
                        ctx,
                        entity::$module::Column::$column,
                        self.0,
                        crate::graphql::connection::PageArgs::new(first, after, last, before),
                    )
                    .await
                }
            )*
            $($(
                $(#[doc = $ldoc])*
                async fn $lfield(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    first: Option<i32>,
                    after: Option<String>,
                    last: Option<i32>,
                    before: Option<String>,
                ) -> async_graphql::Result<crate::graphql::connection::Conn<$lnode>> {
                    crate::graphql::connection::through::<
                        entity::$lmodule::Entity,
                        entity::$link::Entity,
                        $lnode,
                    >(
                        ctx,
                        entity::$link::Column::$child,
                        entity::$link::Column::$from,
                        self.0,
                        crate::graphql::connection::PageArgs::new(first, after, last, before),
                    )
                    .await
                }
            )*)?
        }
    };
}
pub(crate) use connections;

/// Resolves a list reached through a link table `L`: the children of `E` whose link row
/// (`child` the child's id, `parent` the parent's) points at `parent`.
pub async fn through<E, L, T>(
    ctx: &Context<'_>,
    child: L::Column,
    parent_column: L::Column,
    parent: i32,
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    L: Scoped,
    T: From<E::Model> + OutputType + Linked<Model = E::Model>,
{
    let link = scope(ctx)?.reader.through::<E, L>(child, parent_column);
    relation::<E, T>(ctx, link, None, parent, args).await
}

//! The one piece behind every connection field: Relay arguments in, a keyset page out.
//!
//! A root list reads one page with one statement ([`list`]); a nested list ([`relation`])
//! joins its whole relation level into one statement that returns at most `first + 1`
//! children per parent. Either way one row more than the page is read, so `hasNextPage`
//! (or `hasPreviousPage` when paging backwards) needs no count, and `totalCount` is
//! counted only when the query selects it (for a nested level, one grouped statement).
//! Where every field the nodes select declares the columns it reads (`reads` in
//! [`node_type!`](crate::graphql::types)), the page selects only those, the id and the
//! order's. Cursors are keyset cursors ([`cursor`]). Object types declare their connection
//! fields with [`connections!`](crate::graphql::connection::connections). The page itself —
//! arguments checked, cursors bound, the connection built from the rows — is `page.rs`;
//! how the connection resolves its fields is `answer.rs`.

mod answer;
pub mod cursor;
mod fields;
mod page;

pub use answer::{Conn, RelayConnection};
pub(crate) use fields::connections;
pub use page::{ConnectionTotals, PageArgs, Prepared};

use std::sync::Arc;

use async_graphql::{Context, ObjectType};
use sea_orm::{Condition, Order};

use self::page::Counter;
use super::context::scope;
use super::links::{Linked, columns_read_by_nodes, prefetch, wanted_by_nodes};
use super::loader::{CountOf, Level, PageOf, Shared};
use crate::access::{Criteria, Link, Scoped};
use crate::error::ApiResult;

/// Page size when the caller gives neither `first` nor `last`.
pub const DEFAULT_PAGE_SIZE: u64 = 20;

/// Resolves a root list: one page of the visible rows meeting `criteria` in `order`.
pub async fn list<E, T>(
    ctx: &Context<'_>,
    criteria: impl Into<Criteria>,
    order: &[(E::Column, Order)],
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped,
    E::Model: Sync,
    T: From<E::Model> + ObjectType + Linked<Model = E::Model>,
{
    let scope = scope(ctx)?;
    let criteria = Arc::new(criteria.into());
    let list = format!("{}:{}", E::default().table_name(), ctx.field().name());
    let mut prepared = Prepared::<E>::new(
        list,
        criteria.condition.clone(),
        order,
        &args,
        scope.settings.max_page_size,
    )?;
    prepared.page.columns = columns_read_by_nodes::<T>(ctx);
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
        let criteria = criteria.clone();
        Box::pin(async move { reader.count::<E>(&criteria).await })
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
    T: From<E::Model> + ObjectType + Linked<Model = E::Model>,
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
    let mut prepared = Prepared::<E>::new(
        described.clone(),
        condition,
        &[],
        args,
        scope.settings.max_page_size,
    )?;
    prepared.page.columns = columns_read_by_nodes::<T>(ctx);
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
    T: From<E::Model> + ObjectType + Linked<Model = E::Model>,
{
    relation::<E, T>(ctx, Link::Column(column), None, parent, args).await
}

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
    T: From<E::Model> + ObjectType + Linked<Model = E::Model>,
{
    let link = scope(ctx)?.reader.through::<E, L>(child, parent_column);
    relation::<E, T>(ctx, link, None, parent, args).await
}

//! What a resolver needs from its request: the caller's reader, the request's loader, and
//! three generic ways to resolve a field (one row, a has-many relation, a root list). The
//! object types only say which entity and column; the scope is applied underneath.

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, OutputType};
use sea_orm::{Condition, Order};

use super::batch::BatchQueue;
use super::loader::{ById, ChildrenOf, MayReach, ScopedLoader};
use super::relay::{Conn, PageArgs, Slice, connection_of};
use crate::access::{Operation, Reader, Scoped, Window};

/// Service settings a request needs.
#[derive(Debug, Clone, Copy)]
pub struct RequestSettings {
    /// Largest page a connection returns.
    pub max_page_size: u32,
    /// Hours a cluster has to answer a commitment request by default.
    pub response_hours: u32,
}

/// Per-request state, put into the GraphQL request's data by the HTTP layer.
pub struct RequestScope {
    /// Reads as the caller.
    pub reader: Reader,
    /// Batches relation loads as the caller.
    pub loader: DataLoader<ScopedLoader>,
    /// The service settings.
    pub settings: RequestSettings,
}

impl RequestScope {
    /// The state for one request made by `reader`'s principal, batching into `batches`
    /// (which the caller drives around the request's execution).
    pub fn new(reader: Reader, settings: RequestSettings, batches: &BatchQueue) -> Self {
        let queue = batches.clone();
        let loader = DataLoader::new(ScopedLoader::new(reader.clone()), move |task| {
            queue.spawn(task)
        })
        .delay(std::time::Duration::ZERO);
        Self {
            reader,
            loader,
            settings,
        }
    }
}

/// The request state; a missing one is a wiring bug, reported as an internal error.
pub fn scope<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a RequestScope> {
    ctx.data::<RequestScope>()
        .map_err(|_| async_graphql::Error::new("internal error"))
}

/// Resolves a belongs-to relation (or a lookup by id): the row if it exists and is visible.
pub async fn one<E, T>(ctx: &Context<'_>, id: Option<i32>) -> async_graphql::Result<Option<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: From<E::Model>,
{
    let Some(id) = id else { return Ok(None) };
    let row = scope(ctx)?.loader.load_one(ById::<E>::new(id)).await?;
    Ok(row.map(T::from))
}

/// Whether the caller may reach row `id` of `E` for `operation` (batched per level).
pub async fn may<E>(ctx: &Context<'_>, operation: Operation, id: i32) -> async_graphql::Result<bool>
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    Ok(scope(ctx)?
        .loader
        .load_one(MayReach::<E>::new(id, operation))
        .await?
        .unwrap_or(false))
}

/// Resolves a has-many relation as a connection: all visible children of `parent` through
/// `column`, loaded for the whole level in one statement, then paged.
pub async fn children<E, T>(
    ctx: &Context<'_>,
    column: E::Column,
    parent: i32,
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: From<E::Model> + OutputType,
{
    let rows = child_rows::<E>(ctx, column, parent).await?;
    Ok(connection_of(
        rows.into_iter().map(T::from).collect(),
        &args,
        scope(ctx)?.settings.max_page_size,
    )?)
}

/// A connection over a list already in hand (a relation loaded in one batch, then filtered).
pub fn paged<T: OutputType>(
    ctx: &Context<'_>,
    items: Vec<T>,
    args: PageArgs,
) -> async_graphql::Result<Conn<T>> {
    Ok(connection_of(
        items,
        &args,
        scope(ctx)?.settings.max_page_size,
    )?)
}

/// All visible children of `parent` through `column`, batched per relation level.
pub async fn child_rows<E>(
    ctx: &Context<'_>,
    column: E::Column,
    parent: i32,
) -> async_graphql::Result<Vec<E::Model>>
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    Ok(scope(ctx)?
        .loader
        .load_one(ChildrenOf::<E>::new(column, parent))
        .await?
        .unwrap_or_default())
}

/// The visible rows among `ids`, in the order given, in one batch.
pub async fn several<E, T>(
    ctx: &Context<'_>,
    ids: impl IntoIterator<Item = i32>,
) -> async_graphql::Result<Vec<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: From<E::Model>,
{
    let ids: Vec<i32> = ids.into_iter().collect();
    let mut found = scope(ctx)?
        .loader
        .load_many(ids.iter().copied().map(ById::<E>::new))
        .await?;
    Ok(ids
        .into_iter()
        .filter_map(|id| found.remove(&ById::new(id)))
        .map(T::from)
        .collect())
}

/// Resolves a root list: the visible rows meeting `condition` in `order`, one page of them
/// and their total.
pub async fn list<E, T>(
    ctx: &Context<'_>,
    condition: Condition,
    order: &[(E::Column, Order)],
    args: PageArgs,
) -> async_graphql::Result<Conn<T>>
where
    E: Scoped,
    E::Model: Sync,
    T: From<E::Model> + OutputType,
{
    let scope = scope(ctx)?;
    let total = scope.reader.count::<E>(condition.clone()).await?;
    let slice = Slice::resolve(&args, total, scope.settings.max_page_size)?;
    let rows = if slice.is_empty() {
        Vec::new()
    } else {
        let window = Window {
            offset: slice.start,
            limit: slice.len(),
        };
        scope.reader.page::<E>(condition, order, window).await?
    };
    Ok(slice.connection(rows.into_iter().map(T::from)))
}

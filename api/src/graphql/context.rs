//! What a resolver needs from its request: the caller's reader, the request's loader, and
//! generic ways to resolve a belongs-to link, a permission check and a bounded child list
//! (connections live in [`super::connection`]). The object types only say which entity
//! and column; the scope is applied underneath.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::Context;
use async_graphql::dataloader::DataLoader;

use super::batch::BatchQueue;
use super::links::Known;
use super::loader::{ById, ChildrenOf, MayReach, ScopedLoader};
use crate::access::{EntityKind, Operation, Reader, Scoped};

/// Service settings a request needs.
#[derive(Debug, Clone, Copy)]
pub struct RequestSettings {
    /// Largest page a connection returns.
    pub max_page_size: u32,
    /// Hours a cluster has to answer a commitment request by default.
    pub response_hours: u32,
    /// Working days a level's owner has to act on an escalation before the level above may
    /// pull it up.
    pub escalation_working_days: u32,
}

/// Per-request state, put into the GraphQL request's data by the HTTP layer.
pub struct RequestScope {
    /// Reads as the caller.
    pub reader: Reader,
    /// Batches relation loads as the caller.
    pub loader: DataLoader<ScopedLoader>,
    /// The service settings.
    pub settings: RequestSettings,
    /// Rows read by id so far, filled a relation level at a time.
    pub known: Arc<Known>,
    /// The plans of the nested connection fields resolved so far.
    pub levels: Levels,
    /// Per entity and operation: whether the caller's grants reach every row.
    unrestricted: Mutex<HashMap<(EntityKind, Operation), bool>>,
    /// The queue writers of an SQLite database take turns in; `None` on PostgreSQL.
    pub write_queue: Option<crate::domain::WriteQueue>,
    /// Where changes' events go; `None`: nowhere.
    pub events: Option<crate::events::Bus>,
    /// What the request may still return, and its hold on the in-flight budget.
    pub spending: crate::graphql::inflight::Spending,
}

impl RequestScope {
    /// The state for one request made by `reader`'s principal, batching into `batches`
    /// (which the caller drives around the request's execution).
    pub fn new(reader: Reader, settings: RequestSettings, batches: &BatchQueue) -> Self {
        let queue = batches.clone();
        Self::with_spawner(reader, settings, move |task| queue.spawn(task))
    }

    /// The state for one subscription made by `reader`'s principal: its loads run on
    /// their own (no request drives them), and [`RequestScope::forget`] clears what one
    /// event read before the next is resolved.
    pub fn for_subscription(reader: Reader, settings: RequestSettings) -> Self {
        Self::with_spawner(reader, settings, tokio::spawn)
    }

    /// The state whose batch loads `spawn` starts.
    fn with_spawner<S, R>(reader: Reader, settings: RequestSettings, spawn: S) -> Self
    where
        S: Fn(futures_util::future::BoxFuture<'static, ()>) -> R + Send + Sync + 'static,
    {
        let known = Arc::new(Known::default());
        let loader = DataLoader::new(ScopedLoader::new(reader.clone(), known.clone()), spawn)
            .delay(std::time::Duration::ZERO)
            // A relation level is one batch however many parents it has; the reader splits
            // a statement only where the engine's parameter limit requires.
            .max_batch_size(usize::MAX);
        Self {
            reader,
            loader,
            settings,
            known,
            levels: Levels::default(),
            unrestricted: Mutex::new(HashMap::new()),
            write_queue: None,
            events: None,
            spending: crate::graphql::inflight::Spending::unlimited(),
        }
    }

    /// Forgets the rows read and the nested plans worked out so far: the next event is
    /// resolved from the database as it is then.
    pub fn forget(&self) {
        self.known.clear();
        self.levels.clear();
    }

    /// The same state, telling `bus` of the changes it makes.
    pub fn with_events(mut self, bus: Option<crate::events::Bus>) -> Self {
        self.events = bus;
        self
    }

    /// The same state, spending from `spending`.
    pub fn with_spending(mut self, spending: crate::graphql::inflight::Spending) -> Self {
        self.spending = spending;
        self
    }

    /// The same state, with writers taking turns in `queue`.
    pub fn with_write_queue(mut self, queue: Option<crate::domain::WriteQueue>) -> Self {
        self.write_queue = queue;
        self
    }

    /// Whether the caller reads and reaches every row of `E` for `operation` (worked out
    /// once per request and entity).
    pub fn reaches_every<E: Scoped>(&self, operation: Operation) -> bool {
        let key = (E::KIND, operation);
        if let Some(known) = self
            .unrestricted
            .lock()
            .ok()
            .and_then(|known| known.get(&key).copied())
        {
            return known;
        }
        let principal = self.reader.principal();
        let everything = sea_orm::Condition::all();
        let answer = E::scope(principal, Operation::Read) == everything
            && E::scope(principal, operation) == everything;
        if let Ok(mut known) = self.unrestricted.lock() {
            known.insert(key, answer);
        }
        answer
    }

    /// Whether the caller sees the money of every row of `E` they can read: only then may
    /// they filter or sort by money, or the order and matches would tell what they may
    /// not read.
    pub fn sees_money_of_all_it_reads<E: Scoped>(&self) -> bool {
        let principal = self.reader.principal();
        E::scope(principal, Operation::ReadMoney) == E::scope(principal, Operation::Read)
    }
}

type Plan = Arc<dyn Any + Send + Sync>;

/// Per field of the parsed query (by its address) and a tag: what its resolver worked out
/// once for all the field's parents.
#[derive(Default)]
pub struct Levels {
    plans: Mutex<HashMap<(usize, String), Plan>>,
}

impl Levels {
    /// The plan of `field` with `tag`, if one of type `P` was stored.
    pub fn get<P: Any + Send + Sync>(&self, field: usize, tag: &str) -> Option<Arc<P>> {
        let plans = self.plans.lock().ok()?;
        plans
            .get(&(field, tag.to_owned()))?
            .clone()
            .downcast::<P>()
            .ok()
    }

    /// Forgets every plan.
    pub fn clear(&self) {
        if let Ok(mut plans) = self.plans.lock() {
            plans.clear();
        }
    }

    /// Stores the plan of `field` with `tag`.
    pub fn put<P: Any + Send + Sync>(&self, field: usize, tag: String, plan: Arc<P>) {
        if let Ok(mut plans) = self.plans.lock() {
            plans.insert((field, tag), plan);
        }
    }
}

/// The request state; a missing one is a wiring bug, reported as an internal error.
pub fn scope<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a RequestScope> {
    ctx.data::<RequestScope>()
        .map_err(|_| async_graphql::Error::new("internal error"))
}

/// Resolves a belongs-to relation (or a lookup by id): the row if it exists and is visible.
/// A row its relation level already read is answered from the request's known rows.
pub async fn one<E, T>(ctx: &Context<'_>, id: Option<i32>) -> async_graphql::Result<Option<T>>
where
    E: Scoped + 'static,
    E::Model: Sync,
    T: From<E::Model>,
{
    let Some(id) = id else { return Ok(None) };
    let scope = scope(ctx)?;
    if let Some(row) = scope.known.get::<E>(id) {
        return Ok(row.map(T::from));
    }
    let row = scope.loader.load_one(ById::<E>::new(id)).await?;
    Ok(row.map(T::from))
}

/// Whether the caller may reach row `id` of `E` for `operation` (batched per level; no
/// statement at all for a caller whose grants reach every row).
pub async fn may<E>(ctx: &Context<'_>, operation: Operation, id: i32) -> async_graphql::Result<bool>
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    let scope = scope(ctx)?;
    if scope.reaches_every::<E>(operation) {
        return Ok(true);
    }
    Ok(scope
        .loader
        .load_one(MayReach::<E>::new(id, operation))
        .await?
        .unwrap_or(false))
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

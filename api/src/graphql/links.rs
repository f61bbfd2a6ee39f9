//! Belongs-to links read per relation level, not per object.
//!
//! When a list's nodes select a belongs-to field (a commitment's `cluster`), the level that
//! read the list also reads the linked rows: one statement for every key its rows hold, with
//! the caller's scope applied. The answers go into the request's [`Known`] rows, where the
//! field's resolver finds them without a loader call. A link outside any list (or a key the
//! level did not see) still goes through the request's batching loader.
//!
//! Object types declare their belongs-to fields in [`node_type!`](crate::graphql::types),
//! which generates both the resolvers and the [`Linked`] table used here.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::{Context, Lookahead};
use futures_util::future::BoxFuture;
use sea_orm::{EntityTrait, IdenStatic, ModelTrait};

use crate::access::{Reader, Scoped, int_value};
use crate::error::ApiResult;

type Row = Option<Arc<dyn Any + Send + Sync>>;

/// Rows this request has already read by id, per entity: `None` for an id the caller may
/// not see (or that does not exist), exactly as a lookup would have answered.
#[derive(Default)]
pub struct Known {
    rows: Mutex<HashMap<(TypeId, i32), Row>>,
}

impl Known {
    /// The row of `E` with id `id`: `None` if this request has not read it, `Some(None)` if
    /// it read that no such visible row exists.
    pub fn get<E: EntityTrait>(&self, id: i32) -> Option<Option<E::Model>> {
        let rows = self.rows.lock().ok()?;
        let row = rows.get(&(TypeId::of::<E>(), id))?;
        match row {
            None => Some(None),
            Some(row) => row.downcast_ref::<E::Model>().map(|row| Some(row.clone())),
        }
    }

    /// Whether row `id` of `E` has been read.
    fn has<E: EntityTrait>(&self, id: i32) -> bool {
        self.rows
            .lock()
            .is_ok_and(|rows| rows.contains_key(&(TypeId::of::<E>(), id)))
    }

    /// Records the answer to reading `ids`: `found` holds the visible ones.
    fn put<E: Scoped>(&self, ids: &[i32], found: Vec<E::Model>)
    where
        E::Model: Sync,
    {
        let mut by_id: HashMap<i32, E::Model> = found
            .into_iter()
            .filter_map(|row| int_value(&row, E::id_column()).map(|id| (id, row)))
            .collect();
        if let Ok(mut rows) = self.rows.lock() {
            for id in ids {
                let row = by_id
                    .remove(id)
                    .map(|row| Arc::new(row) as Arc<dyn Any + Send + Sync>);
                rows.insert((TypeId::of::<E>(), *id), row);
            }
        }
    }

    /// Forgets every row (a mutation is about to change some).
    pub fn clear(&self) {
        if let Ok(mut rows) = self.rows.lock() {
            rows.clear();
        }
    }
}

/// Reads rows of one entity by id into [`Known`], then what the query selects below them.
pub type LoadInto =
    for<'a> fn(&'a Reader, &'a Known, Vec<i32>, &'a [Wanted]) -> BoxFuture<'a, ApiResult<()>>;

/// Reads the visible rows of `E` among `ids` that are not yet known into `known`, then the
/// links `below` of those rows (node type `N`).
pub fn load_into<'a, E, N>(
    reader: &'a Reader,
    known: &'a Known,
    ids: Vec<i32>,
    below: &'a [Wanted],
) -> BoxFuture<'a, ApiResult<()>>
where
    E: Scoped,
    E::Model: Sync,
    N: Linked<Model = E::Model>,
{
    Box::pin(async move {
        let unknown: Vec<i32> = ids
            .iter()
            .copied()
            .filter(|id| !known.has::<E>(*id))
            .collect();
        if !unknown.is_empty() {
            let found = reader.by_ids::<E>(&unknown).await?;
            known.put::<E>(&unknown, found);
        }
        if !below.is_empty() {
            let rows: Vec<E::Model> = ids
                .iter()
                .filter_map(|id| known.get::<E>(*id).flatten())
                .collect();
            prefetch(reader, known, rows.iter(), N::links(), below).await?;
        }
        Ok(())
    })
}

/// One belongs-to field of an object type over rows `M`.
pub struct LinkSpec<M> {
    /// The field's Rust name (the GraphQL name is its camelCase).
    pub field: &'static str,
    /// The linked row's id, read from the row.
    pub key: fn(&M) -> Option<i32>,
    /// Reads linked rows by id, and the links selected below them.
    pub load: LoadInto,
    /// The links selected below this one: [`wanted`] of the linked node type.
    pub below: fn(&Lookahead<'_>) -> Vec<Wanted>,
}

/// The columns of the entity whose rows are `M`.
pub type ColumnOf<M> = <<M as ModelTrait>::Entity as EntityTrait>::Column;

/// An object type's belongs-to fields, and what its fields read from its row.
pub trait Linked {
    /// The row the object wraps.
    type Model: ModelTrait + 'static;
    /// Its belongs-to fields.
    fn links() -> &'static [LinkSpec<Self::Model>];
    /// The columns the GraphQL field `field` reads from the row besides the id, for the
    /// types that declare them (`reads` in [`node_type!`](crate::graphql::types)); `None`
    /// for a field not declared, and then a list reads whole rows.
    fn reads(_field: &str) -> Option<&'static [ColumnOf<Self::Model>]> {
        None
    }
}

/// A foreign-key value, nullable or not.
pub trait LinkKey {
    /// The id it points at, if any.
    fn link_key(&self) -> Option<i32>;
}

impl LinkKey for i32 {
    fn link_key(&self) -> Option<i32> {
        Some(*self)
    }
}

impl LinkKey for Option<i32> {
    fn link_key(&self) -> Option<i32> {
        *self
    }
}

/// A selected belongs-to field (by its place in its type's [`Linked::links`]) and the
/// belongs-to fields selected on the row it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    link: usize,
    below: Vec<Wanted>,
}

/// The belongs-to fields of `T` that `selection` (an object of type `T`) selects, with
/// theirs below them.
pub fn wanted<T: Linked>(selection: &Lookahead<'_>) -> Vec<Wanted> {
    T::links()
        .iter()
        .enumerate()
        .filter_map(|(link, spec)| {
            let field = selection.field(&camel_case(spec.field));
            field.exists().then(|| Wanted {
                link,
                below: (spec.below)(&field),
            })
        })
        .collect()
}

/// What the current connection field's nodes select (as `nodes { … }` or
/// `edges { node { … } }`).
pub fn wanted_by_nodes<T: Linked>(ctx: &Context<'_>) -> Vec<Wanted> {
    if T::links().is_empty() {
        return Vec::new();
    }
    let look = ctx.look_ahead();
    let mut found = wanted::<T>(&look.field("nodes"));
    merge(&mut found, wanted::<T>(&look.field("edges").field("node")));
    found
}

/// The columns the current connection field's nodes read besides the id, when every
/// field they select declares its columns; `None` when one does not (whole rows are read).
pub fn columns_read_by_nodes<T: Linked>(ctx: &Context<'_>) -> Option<Vec<ColumnOf<T::Model>>> {
    let look = ctx.look_ahead();
    let nodes = look.field("nodes").selection_fields();
    let edge_nodes = look.field("edges").field("node").selection_fields();
    let mut columns: Vec<ColumnOf<T::Model>> = Vec::new();
    for field in nodes
        .iter()
        .chain(&edge_nodes)
        .flat_map(|node| node.selection_set())
    {
        if field.name() == "__typename" {
            continue;
        }
        for column in T::reads(field.name())? {
            if !columns
                .iter()
                .any(|known| known.as_str() == column.as_str())
            {
                columns.push(*column);
            }
        }
    }
    Some(columns)
}

/// Adds `more` to `into`, joining what both select below the same link.
fn merge(into: &mut Vec<Wanted>, more: Vec<Wanted>) {
    for item in more {
        match into.iter_mut().find(|known| known.link == item.link) {
            Some(known) => merge(&mut known.below, item.below),
            None => into.push(item),
        }
    }
}

/// `lead_cluster` as GraphQL spells it: `leadCluster`.
fn camel_case(snake: &str) -> String {
    let mut name = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            name.extend(c.to_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    name
}

/// Reads, for `rows`, the rows their `wanted` links point at and what is selected below
/// those: one statement per link and depth, and none for rows already known.
pub async fn prefetch<'r, M: 'r>(
    reader: &Reader,
    known: &Known,
    rows: impl Iterator<Item = &'r M> + Clone,
    links: &'static [LinkSpec<M>],
    wanted: &[Wanted],
) -> ApiResult<()> {
    for item in wanted {
        let Some(link) = links.get(item.link) else {
            continue;
        };
        let mut ids: Vec<i32> = rows.clone().filter_map(|row| (link.key)(row)).collect();
        ids.sort_unstable();
        ids.dedup();
        if !ids.is_empty() {
            (link.load)(reader, known, ids, &item.below).await?;
        }
    }
    Ok(())
}

//! Batched relation loading: every relation level of a query is one SQL statement, whatever
//! the page size, with the caller's scope inside that statement. The loader lives per
//! request, so batches never mix principals.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use sea_orm::{EntityTrait, IdenStatic};

use super::links::Known;
use crate::access::{Drawing, Operation, Reader, Scoped, int_value};

mod levels;

pub use levels::{CountOf, Level, PageOf, Shared};

/// Loads rows for one request's reader.
pub struct ScopedLoader {
    reader: Reader,
    known: Arc<Known>,
}

impl ScopedLoader {
    /// A loader reading as `reader`'s principal, recording linked rows it reads in `known`.
    pub fn new(reader: Reader, known: Arc<Known>) -> Self {
        Self { reader, known }
    }
}

/// The row of `E` with this id (a belongs-to relation).
pub struct ById<E>(pub i32, PhantomData<fn() -> E>);

impl<E> ById<E> {
    /// The key for row `id`.
    pub fn new(id: i32) -> Self {
        Self(id, PhantomData)
    }
}

/// The rows of `E` whose foreign-key column `column` equals `parent` (a has-many relation).
pub struct ChildrenOf<E> {
    column: &'static str,
    parent: i32,
    _entity: PhantomData<fn() -> E>,
}

impl<E: EntityTrait> ChildrenOf<E> {
    /// The key for the children of `parent` through `column`.
    pub fn new(column: E::Column, parent: i32) -> Self {
        Self {
            column: column.as_str(),
            parent,
            _entity: PhantomData,
        }
    }
}

// Keys are plain data whatever `E` is, so the usual derives (which would bound `E`) are
// written out.
impl<E> Clone for ById<E> {
    fn clone(&self) -> Self {
        Self::new(self.0)
    }
}
impl<E> PartialEq for ById<E> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<E> Eq for ById<E> {}
impl<E> Hash for ById<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}
impl<E> Clone for ChildrenOf<E> {
    fn clone(&self) -> Self {
        Self {
            column: self.column,
            parent: self.parent,
            _entity: PhantomData,
        }
    }
}
impl<E> PartialEq for ChildrenOf<E> {
    fn eq(&self, other: &Self) -> bool {
        (self.column, self.parent) == (other.column, other.parent)
    }
}
impl<E> Eq for ChildrenOf<E> {}
impl<E> Hash for ChildrenOf<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.column, self.parent).hash(state);
    }
}

/// Whether the caller may reach row `id` of `E` for an operation beyond reading it (e.g.
/// see a commitment's money).
pub struct MayReach<E> {
    id: i32,
    operation: Operation,
    _entity: PhantomData<fn() -> E>,
}

impl<E> MayReach<E> {
    /// The key for row `id` and `operation`.
    pub fn new(id: i32, operation: Operation) -> Self {
        Self {
            id,
            operation,
            _entity: PhantomData,
        }
    }
}

impl<E> Clone for MayReach<E> {
    fn clone(&self) -> Self {
        Self::new(self.id, self.operation)
    }
}
impl<E> PartialEq for MayReach<E> {
    fn eq(&self, other: &Self) -> bool {
        (self.id, self.operation) == (other.id, other.operation)
    }
}
impl<E> Eq for MayReach<E> {}
impl<E> Hash for MayReach<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.id, self.operation).hash(state);
    }
}

impl<E> Loader<MayReach<E>> for ScopedLoader
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    type Value = bool;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[MayReach<E>]) -> Result<HashMap<MayReach<E>, bool>, Self::Error> {
        let mut answers = HashMap::with_capacity(keys.len());
        for operation in Operation::ALL {
            let ids: Vec<i32> = keys
                .iter()
                .filter(|key| key.operation == operation)
                .map(|key| key.id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            let permitted = self.reader.permitted::<E>(operation, &ids).await?;
            for id in ids {
                answers.insert(MayReach::new(id, operation), permitted.contains(&id));
            }
        }
        Ok(answers)
    }
}

impl<E> Loader<ById<E>> for ScopedLoader
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    type Value = E::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[ById<E>]) -> Result<HashMap<ById<E>, E::Model>, Self::Error> {
        let ids: Vec<i32> = keys.iter().map(|key| key.0).collect();
        let rows = self.reader.by_ids::<E>(&ids).await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| int_value(&row, E::id_column()).map(|id| (ById::new(id), row)))
            .collect())
    }
}

impl<E> Loader<ChildrenOf<E>> for ScopedLoader
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    type Value = Vec<E::Model>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[ChildrenOf<E>],
    ) -> Result<HashMap<ChildrenOf<E>, Vec<E::Model>>, Self::Error> {
        // Every parent gets an entry, so "no children" is an empty list, not a miss.
        let mut found: HashMap<ChildrenOf<E>, Vec<E::Model>> =
            keys.iter().map(|key| (key.clone(), Vec::new())).collect();
        let mut columns: Vec<&'static str> = keys.iter().map(|key| key.column).collect();
        columns.sort_unstable();
        columns.dedup();
        for name in columns {
            let column = E::Column::from_str(name)
                .map_err(|_| async_graphql::Error::new("internal error"))?;
            let parents: Vec<i32> = keys
                .iter()
                .filter(|key| key.column == name)
                .map(|key| key.parent)
                .collect();
            for row in self.reader.by_column::<E>(column, &parents).await? {
                if let Some(parent) = int_value(&row, column) {
                    found
                        .entry(ChildrenOf::new(column, parent))
                        .or_default()
                        .push(row);
                }
            }
        }
        Ok(found)
    }
}

/// What the visible commitments drawing on budget line `.0` add up to.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DrawingOf(pub i32);

impl Loader<DrawingOf> for ScopedLoader {
    type Value = Drawing;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[DrawingOf]) -> Result<HashMap<DrawingOf, Drawing>, Self::Error> {
        let lines: Vec<i32> = keys.iter().map(|key| key.0).collect();
        let found = self.reader.visible_drawing_by_line(&lines).await?;
        Ok(lines
            .into_iter()
            .map(|line| {
                (
                    DrawingOf(line),
                    found.get(&line).copied().unwrap_or_default(),
                )
            })
            .collect())
    }
}

//! Relation levels: every parent of one level of a query shares one read ([`Shared`]),
//! and the level's pages ([`PageOf`]) and counts ([`CountOf`]) are one statement each.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use async_graphql::dataloader::Loader;

use super::ScopedLoader;
use crate::access::{Link, Page, Scoped};
use crate::graphql::links::{Wanted, prefetch};

/// What every parent of one relation level shares: the read itself, and a fingerprint of
/// it that tells it apart from other reads of the same level (another page size, cursor
/// or filter).
pub struct Shared<T> {
    /// Equal fingerprints mean equal reads.
    pub fingerprint: String,
    /// The fingerprint's hash, worked out once for all the level's keys.
    hash: u64,
    /// The read.
    pub spec: T,
}

impl<T> Shared<T> {
    /// The read `spec`, told apart from others by `fingerprint`.
    pub fn new(fingerprint: String, spec: T) -> Self {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        fingerprint.hash(&mut hasher);
        Self {
            hash: hasher.finish(),
            fingerprint,
            spec,
        }
    }

    /// Whether `self` and `other` are the same read.
    fn same(self: &Arc<Self>, other: &Arc<Self>) -> bool {
        Arc::ptr_eq(self, other) || self.fingerprint == other.fingerprint
    }
}

/// Declares a key made of a parent id and a shared read, compared by parent and fingerprint.
macro_rules! level_key {
    ($(#[$doc:meta])* $name:ident => $spec:ty) => {
        $(#[$doc])*
        pub struct $name<E: Scoped> {
            parent: i32,
            shared: Arc<Shared<$spec>>,
        }

        impl<E: Scoped> $name<E> {
            /// The key for `parent`.
            pub fn new(parent: i32, shared: Arc<Shared<$spec>>) -> Self {
                Self { parent, shared }
            }
        }

        impl<E: Scoped> Clone for $name<E> {
            fn clone(&self) -> Self {
                Self::new(self.parent, self.shared.clone())
            }
        }
        impl<E: Scoped> PartialEq for $name<E> {
            fn eq(&self, other: &Self) -> bool {
                self.parent == other.parent && self.shared.same(&other.shared)
            }
        }
        impl<E: Scoped> Eq for $name<E> {}
        impl<E: Scoped> Hash for $name<E> {
            fn hash<H: Hasher>(&self, state: &mut H) {
                (self.parent, self.shared.hash).hash(state);
            }
        }
    };
}

/// One relation level's read: which children, which page of them, and which of their
/// belongs-to links to read along.
pub struct Level<E: Scoped> {
    /// How children point at their parent.
    pub link: Link<E>,
    /// The page each parent gets.
    pub page: Page<E>,
    /// The children's belongs-to links, with the query's selection of them.
    pub links: &'static [crate::graphql::links::LinkSpec<E::Model>],
    /// The belongs-to links the query selects on the children.
    pub wanted: Vec<Wanted>,
}

level_key!(
    /// One page of the children of a parent through a link.
    PageOf => Level<E>
);
level_key!(
    /// How many children a parent has through a link, under the filter of a page read
    /// of the same level (bounds and limit aside).
    CountOf => Level<E>
);

/// Splits a level's keys by their shared read (one statement each), listing the parents.
fn by_shared<S>(
    keys: impl Iterator<Item = (Arc<Shared<S>>, i32)>,
) -> Vec<(Arc<Shared<S>>, Vec<i32>)> {
    let mut groups: Vec<(Arc<Shared<S>>, Vec<i32>)> = Vec::new();
    for (shared, parent) in keys {
        match groups.iter_mut().find(|(known, _)| known.same(&shared)) {
            Some((_, parents)) => parents.push(parent),
            None => groups.push((shared, vec![parent])),
        }
    }
    groups
}

impl<E> Loader<PageOf<E>> for ScopedLoader
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    type Value = Vec<E::Model>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[PageOf<E>],
    ) -> Result<HashMap<PageOf<E>, Vec<E::Model>>, Self::Error> {
        let mut found: HashMap<PageOf<E>, Vec<E::Model>> =
            keys.iter().map(|key| (key.clone(), Vec::new())).collect();
        for (shared, parents) in by_shared(keys.iter().map(|key| (key.shared.clone(), key.parent)))
        {
            let level = &shared.spec;
            let rows = self
                .reader
                .pages_by_parent(&level.link, &parents, &level.page)
                .await?;
            prefetch(
                &self.reader,
                &self.known,
                rows.iter().map(|(_, row)| row),
                level.links,
                &level.wanted,
            )
            .await?;
            for (parent, row) in rows {
                found
                    .entry(PageOf::new(parent, shared.clone()))
                    .or_default()
                    .push(row);
            }
        }
        Ok(found)
    }
}

impl<E> Loader<CountOf<E>> for ScopedLoader
where
    E: Scoped + 'static,
    E::Model: Sync,
{
    type Value = i64;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[CountOf<E>]) -> Result<HashMap<CountOf<E>, i64>, Self::Error> {
        let mut found: HashMap<CountOf<E>, i64> = keys.iter().map(|key| (key.clone(), 0)).collect();
        for (shared, parents) in by_shared(keys.iter().map(|key| (key.shared.clone(), key.parent)))
        {
            let level = &shared.spec;
            for (parent, count) in self
                .reader
                .counts_by_parent(&level.link, &parents, level.page.condition.clone())
                .await?
            {
                found.insert(CountOf::new(parent, shared.clone()), count);
            }
        }
        Ok(found)
    }
}

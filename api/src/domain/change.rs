//! A change in progress: one transaction on behalf of one principal, with its turn in the
//! write queue and the pool, the events it will announce, and the reads a step makes
//! within it (rows in the caller's scope). Its writes are in `writes.rs`.

use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, PaginatorTrait, QueryFilter, QuerySelect,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use super::Versioned;
use crate::access::{Operation, Principal, Scoped};
use crate::error::{ApiError, ApiResult};

mod writes;

/// The writers of one SQLite database, queued in the process: SQLite lets one transaction
/// write at a time, and a writer that finds the file locked sleeps in growing back-off
/// steps (up to 100 ms each) before it tries again. Taking turns here instead — first
/// come, first served — keeps the slowest write close to the typical one. PostgreSQL
/// needs no queue: its writers wait on row locks.
#[derive(Clone, Default)]
pub struct WriteQueue(std::sync::Arc<tokio::sync::Mutex<()>>);

impl WriteQueue {
    /// Waits for this writer's turn; it lasts until the guard drops.
    pub async fn turn(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.0.clone().lock_owned().await
    }
}

/// A change in progress on behalf of a principal.
pub struct Change<'p> {
    txn: DatabaseTransaction,
    principal: &'p Principal,
    /// Where the change's events go when it commits; `None`: nowhere (seeding, tools).
    bus: Option<crate::events::Bus>,
    /// The events of the change so far, read off its audit events.
    events: std::sync::Mutex<Vec<crate::events::Event>>,
    /// This change's turn in the write queue, held until it commits or rolls back (after
    /// the transaction: fields drop in order).
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    /// Its turn through the pool's gate: the transaction's connection.
    _connection: crate::db::Turn,
}

impl<'p> Change<'p> {
    /// Starts a write transaction, after waiting for its turn in `queue` (SQLite). On
    /// SQLite it begins IMMEDIATE, so a writer of another process makes it wait for the
    /// lock instead of failing with "database is locked" at its first write.
    pub async fn begin(
        db: &DatabaseConnection,
        gate: &crate::db::Gate,
        principal: &'p Principal,
        queue: Option<&WriteQueue>,
    ) -> ApiResult<Self> {
        if principal.subject.is_none() {
            return Err(ApiError::Unauthenticated);
        }
        let turn = match queue {
            Some(queue) => Some(queue.turn().await),
            None => None,
        };
        let connection = gate.enter().await?;
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        };
        Ok(Self {
            txn: db.begin_with_options(options).await?,
            principal,
            bus: None,
            events: std::sync::Mutex::new(Vec::new()),
            _turn: turn,
            _connection: connection,
        })
    }

    /// The same change, telling `bus` of its events once it commits.
    pub fn with_events(mut self, bus: Option<crate::events::Bus>) -> Self {
        self.bus = bus;
        self
    }

    /// Tells subscribers, once the change commits, that `kind` happened to row `id` (for
    /// what the audit record does not show by itself).
    pub fn announce(&self, kind: crate::events::EventKind, id: i32) {
        if let Ok(mut events) = self.events.lock() {
            events.push(crate::events::Event {
                kind,
                id,
                at: chrono::Utc::now(),
            });
        }
    }

    /// The open transaction.
    pub fn txn(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// The principal making the change.
    pub fn principal(&self) -> &Principal {
        self.principal
    }

    /// Who, for the record: the token's subject.
    pub fn actor(&self) -> String {
        self.principal
            .subject
            .clone()
            .unwrap_or_else(|| "public".to_owned())
    }

    /// Loads row `id` of `E` for `operation`, locking it (on PostgreSQL) for the rest of
    /// the transaction. `NOT_FOUND` when the caller cannot see it — exactly as for a row
    /// that does not exist — and `FORBIDDEN` when they see it but may not do this.
    pub async fn load<E: Scoped>(
        &self,
        id: i32,
        operation: Operation,
        what: &'static str,
    ) -> ApiResult<E::Model>
    where
        E::Model: Sync,
    {
        let row = E::find()
            .filter(E::id_column().eq(id))
            .filter(E::scope(self.principal, Operation::Read))
            .lock_exclusive()
            .one(&self.txn)
            .await?
            .ok_or(ApiError::NotFound(what))?;
        self.require::<E>(id, operation, what).await?;
        Ok(row)
    }

    /// Loads row `id` of `E` like [`Change::load`], and answers `CONFLICT` unless it is
    /// still at the `expected` version — checked before any transition rule, so a stale
    /// editor learns that first.
    pub async fn load_at<E: Versioned>(
        &self,
        id: i32,
        expected: i32,
        operation: Operation,
        what: &'static str,
    ) -> ApiResult<E::Model>
    where
        E::Model: Sync,
    {
        let row = self.load::<E>(id, operation, what).await?;
        let current = E::version_of(&row);
        if current != expected {
            return Err(ApiError::Conflict { current });
        }
        Ok(row)
    }

    /// `FORBIDDEN` unless row `id` of `E` is in the caller's scope for `operation` — also
    /// used after a change, so no change moves a row out of the caller's reach.
    pub async fn require<E: Scoped>(
        &self,
        id: i32,
        operation: Operation,
        what: &'static str,
    ) -> ApiResult<()>
    where
        E::Model: Sync,
    {
        if !self.may::<E>(id, operation).await? {
            return Err(ApiError::Forbidden(format!(
                "this {what} is outside your grants for this step"
            )));
        }
        Ok(())
    }

    /// Whether row `id` of `E` is in the caller's scope for `operation`.
    pub async fn may<E: Scoped>(&self, id: i32, operation: Operation) -> ApiResult<bool>
    where
        E::Model: Sync,
    {
        let permitted = E::find()
            .filter(E::id_column().eq(id))
            .filter(E::scope(self.principal, operation))
            .count(&self.txn)
            .await?;
        Ok(permitted > 0)
    }

    /// Commits the change.
    pub async fn commit(self) -> ApiResult<()> {
        let Change {
            txn,
            bus,
            events,
            _turn,
            _connection,
            ..
        } = self;
        let events = events.into_inner().unwrap_or_default();
        if let Some(bus) = &bus {
            bus.stage(&txn, &events).await?;
        }
        txn.commit().await?;
        if let Some(bus) = bus {
            bus.committed(events);
        }
        Ok(())
    }
}

//! Workflows and rules as plain async functions over a transaction: plans, commitments.
//! No GraphQL here. Every change follows the same steps: check the operation against
//! the matrix, load the row in scope, validate the transition, apply it with an
//! optimistic version check, check the result is still in scope, write the audit event —
//! all in one transaction, so on any error nothing is written.

pub mod action;
pub mod advice;
pub mod budget;
pub mod commitment;
pub mod escalation;
pub mod issue;
pub mod plan;
pub mod pnc;
pub mod priority;
pub mod progress;
pub mod resident;
pub mod revision;
pub mod team;
pub mod unique;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};
use serde::Serialize;

use crate::access::{Operation, Principal, Scoped};
use crate::error::{ApiError, ApiResult};

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

    /// Inserts a new row.
    pub async fn insert<A>(&self, row: A) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + sea_orm::ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
    {
        Ok(row.insert(&self.txn).await?)
    }

    /// Applies `changes` to row `id` if it is still at `expected` version, bumping the
    /// version; otherwise `CONFLICT` with the current version.
    pub async fn update<A>(
        &self,
        id: i32,
        expected: i32,
        changes: A,
    ) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + Send,
        A::Entity: Versioned,
        <A::Entity as EntityTrait>::Model: Sync,
    {
        let version = <A::Entity as Versioned>::version_column();
        let result = <A::Entity as EntityTrait>::update_many()
            .set(changes)
            .col_expr(version, Expr::col(version).add(1))
            .filter(<A::Entity as Scoped>::id_column().eq(id))
            .filter(version.eq(expected))
            .exec(&self.txn)
            .await?;
        let row = <A::Entity as EntityTrait>::find()
            .filter(<A::Entity as Scoped>::id_column().eq(id))
            .one(&self.txn)
            .await?
            .ok_or(ApiError::NotFound("object"))?;
        if result.rows_affected == 0 {
            return Err(ApiError::Conflict {
                current: <A::Entity as Versioned>::version_of(&row),
            });
        }
        Ok(row)
    }

    /// [`update`](Self::update)s row `id`, then appends the change's audit event under
    /// `operation` with the row before and after. Whether the row is still within the
    /// caller's reach afterwards is the caller's to settle ([`require`](Self::require)).
    pub async fn updated<A>(
        &self,
        id: i32,
        before: &<A::Entity as EntityTrait>::Model,
        expected: i32,
        changes: A,
        operation: &str,
    ) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + Send,
        A::Entity: Versioned + Scoped,
        <A::Entity as EntityTrait>::Model: Sync + Serialize,
    {
        let after = self.update(id, expected, changes).await?;
        self.audit(
            &<A::Entity as Scoped>::KIND.type_name(),
            id,
            operation,
            Some(before),
            Some(&after),
        )
        .await?;
        Ok(after)
    }

    /// Settles a newly inserted row of `E`: it must lie within the caller's reach for
    /// `needed` (otherwise the whole change is refused and rolled back), and its audit
    /// event is written.
    pub async fn created<E: Scoped>(
        &self,
        id: i32,
        needed: Operation,
        what: &'static str,
        operation: &str,
        row: &impl Serialize,
    ) -> ApiResult<()>
    where
        E::Model: Sync,
    {
        self.require::<E>(id, needed, what).await?;
        self.audit(&E::KIND.type_name(), id, operation, None::<&()>, Some(row))
            .await
    }

    /// Appends the audit event of this change.
    pub async fn audit(
        &self,
        entity: &str,
        entity_id: i32,
        operation: &str,
        before: Option<&impl Serialize>,
        after: Option<&impl Serialize>,
    ) -> ApiResult<()> {
        let grants: Vec<String> = self
            .principal
            .grants
            .iter()
            .map(ToString::to_string)
            .collect();
        let before = before.map(as_json).transpose()?;
        let after = after.map(as_json).transpose()?;
        if let Some(kind) = crate::events::from_change(entity, before.as_ref(), after.as_ref()) {
            self.announce(kind, entity_id);
        }
        let event = entity::audit_event::Model {
            id: 0,
            occurred_at: chrono::Utc::now(),
            subject: self.actor(),
            grants: grants.join(","),
            entity: entity.to_owned(),
            entity_id,
            operation: operation.to_owned(),
            before: before.map(|value| value.to_string()),
            after: after.map(|value| value.to_string()),
        };
        let mut active: entity::audit_event::ActiveModel = event.into();
        active.not_set(entity::audit_event::Column::Id);
        active.insert(&self.txn).await?;
        Ok(())
    }

    /// Runs a creating step at most once per idempotency key: a repeat with the same key
    /// and input returns the object the first request created, without a second row; the
    /// same key with another input is refused naming the key (`idempotency_key`).
    pub async fn create_once<E, F, Fut>(
        &self,
        key: Option<&crate::value::Line>,
        operation: &str,
        fingerprint: String,
        create: F,
    ) -> ApiResult<E::Model>
    where
        E: Scoped,
        E::Model: Sync,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = ApiResult<E::Model>>,
    {
        use entity::idempotency_key;
        let Some(key) = key else {
            return create().await;
        };
        let key = key.as_str().to_owned();
        let earlier = idempotency_key::Entity::find()
            .filter(idempotency_key::Column::Subject.eq(self.actor()))
            .filter(idempotency_key::Column::Key.eq(&key))
            .one(&self.txn)
            .await?;
        if let Some(earlier) = earlier {
            if earlier.operation != operation || earlier.fingerprint != fingerprint {
                return Err(ApiError::bad_input(
                    "idempotency_key",
                    "was already used for a different request",
                ));
            }
            return self
                .load::<E>(earlier.entity_id, Operation::Read, "object")
                .await;
        }
        let row = create().await?;
        let entity_id =
            crate::access::int_value(&row, E::id_column()).ok_or(ApiError::NotFound("object"))?;
        let remembered = idempotency_key::ActiveModel {
            subject: sea_orm::ActiveValue::Set(self.actor()),
            key: sea_orm::ActiveValue::Set(key),
            operation: sea_orm::ActiveValue::Set(operation.to_owned()),
            fingerprint: sea_orm::ActiveValue::Set(fingerprint),
            entity_id: sea_orm::ActiveValue::Set(entity_id),
            created_at: sea_orm::ActiveValue::Set(chrono::Utc::now()),
            ..Default::default()
        };
        match remembered.insert(&self.txn).await {
            Ok(_) => Ok(row),
            // A concurrent request with the same key committed first; this one rolls back.
            Err(err)
                if matches!(
                    err.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) =>
            {
                Err(ApiError::bad_input(
                    "idempotency_key",
                    "a request with this key was just made; repeat it to get its result",
                ))
            }
            Err(err) => Err(err.into()),
        }
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

/// A row as the audit trail records it; a row that does not serialize fails the change
/// rather than being recorded empty.
fn as_json(value: &impl Serialize) -> ApiResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|error| ApiError::Internal(error.into()))
}

/// An entity with an optimistic-concurrency version.
pub trait Versioned: Scoped {
    /// The version column.
    fn version_column() -> Self::Column;
    /// A row's version.
    fn version_of(row: &Self::Model) -> i32;
}

macro_rules! versioned {
    ($($module:ident),*) => {
        $(
            impl Versioned for entity::$module::Entity {
                fn version_column() -> Self::Column {
                    entity::$module::Column::Version
                }
                fn version_of(row: &Self::Model) -> i32 {
                    row.version
                }
            }
        )*
    };
}

versioned!(
    plan,
    priority,
    action,
    commitment,
    escalation,
    resident_input,
    budget_line,
    committee_advice
);

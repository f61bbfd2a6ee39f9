//! Live updates: what happened to which row, told to subscribers after the change commits.
//!
//! Every write goes through `domain::Change`, and every change writes its audit event; the
//! events are read off those audit events ([`from_change`]), so no workflow can change a
//! commitment, an escalation, a plan's status or an action's progress without its
//! subscribers hearing of it. An event carries only the kind, the row's id and the moment:
//! each subscriber loads the row through their own scope when the event arrives, so a row
//! they may not read is never delivered and they cannot tell that it changed.
//!
//! On PostgreSQL a change's events travel with `pg_notify` inside its transaction: they
//! leave when it commits and never when it rolls back, and every instance listening on
//! [`CHANNEL`] hears them — a subscriber on one instance sees a change made through
//! another. On SQLite (one process) they are sent in the process after the commit.
//! Deadlines are announced by [`announce_deadlines`]: each passed deadline once, whichever
//! instance finds it first (a row in `deadline_notice` decides).

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::enums::{CommitmentStatus, EscalationStatus};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, Statement,
};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

/// The PostgreSQL notification channel events travel on between instances.
pub const CHANNEL: &str = "wijkgraph_events";

/// Events a subscriber may fall behind by before it misses some.
const BACKLOG: usize = 4096;

/// Events per notification: PostgreSQL's payload holds at most 8,000 bytes.
const PER_NOTIFICATION: usize = 80;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// A commitment was requested of a cluster.
    CommitmentRequested,
    /// The cluster answered: accepted (perhaps with a reservation) or rejected.
    CommitmentAnswered,
    /// The cluster delivered.
    CommitmentDelivered,
    /// The request or commitment was withdrawn.
    CommitmentWithdrawn,
    /// The request's answer deadline passed without an answer.
    CommitmentDeadlinePassed,
    /// An escalation was raised.
    EscalationRaised,
    /// An escalation moved to another level.
    EscalationMoved,
    /// An escalation was resolved.
    EscalationResolved,
    /// An escalation was withdrawn.
    EscalationWithdrawn,
    /// A plan's status changed.
    PlanStatusChanged,
    /// Progress was reported on an action (the event's row is the progress update).
    ProgressReported,
}

/// One event: what happened, to which row (of the kind's entity), and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// The row's id: a commitment, escalation, plan or progress update.
    pub id: i32,
    /// When.
    pub at: DateTime<Utc>,
}

/// The event a change's audit record tells of, if any: `before` and `after` are the row as
/// JSON (absent when created or deleted). A progress report is announced by its step.
pub fn from_change(
    entity: &str,
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> Option<EventKind> {
    let after = after?;
    let field = |row: Option<&serde_json::Value>, name: &str| row.map(|row| row[name].clone());
    let changed = |name: &str| field(before, name) != field(Some(after), name);
    let is = |name: &str, value: serde_json::Value| after[name] == value;
    let status = |value: CommitmentStatus| serde_json::to_value(value).unwrap_or_default();
    let escalation = |value: EscalationStatus| serde_json::to_value(value).unwrap_or_default();
    match entity {
        "Commitment" if before.is_none() => Some(EventKind::CommitmentRequested),
        "Commitment" if changed("status") => {
            if is("status", status(CommitmentStatus::Delivered)) {
                Some(EventKind::CommitmentDelivered)
            } else if is("status", status(CommitmentStatus::Withdrawn)) {
                Some(EventKind::CommitmentWithdrawn)
            } else if is("status", status(CommitmentStatus::Requested)) {
                Some(EventKind::CommitmentRequested)
            } else {
                Some(EventKind::CommitmentAnswered)
            }
        }
        "Escalation" if before.is_none() => Some(EventKind::EscalationRaised),
        "Escalation" if changed("status") => {
            if is("status", escalation(EscalationStatus::Resolved)) {
                Some(EventKind::EscalationResolved)
            } else {
                Some(EventKind::EscalationWithdrawn)
            }
        }
        "Escalation" if changed("level") => Some(EventKind::EscalationMoved),
        "Plan" if before.is_some() && changed("status") => Some(EventKind::PlanStatusChanged),
        _ => None,
    }
}

/// Where events go: the subscribers in this process, and on PostgreSQL the other
/// instances. Cheap to clone.
#[derive(Clone)]
pub struct Bus {
    sender: broadcast::Sender<Event>,
    /// Events travel through PostgreSQL's notifications (heard back by this instance too).
    shared: bool,
}

impl Bus {
    /// A bus for `db`: shared through notifications on PostgreSQL, in-process on SQLite.
    pub fn for_database(db: &DatabaseConnection) -> Self {
        let (sender, _) = broadcast::channel(BACKLOG);
        Self {
            sender,
            shared: db.get_database_backend() == DbBackend::Postgres,
        }
    }

    /// A new subscriber, hearing every event from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.sender.subscribe()
    }

    /// Puts `events` into the transaction about to commit: on PostgreSQL as notifications,
    /// which leave only if it commits.
    pub async fn stage(&self, txn: &DatabaseTransaction, events: &[Event]) -> Result<(), DbErr> {
        if !self.shared {
            return Ok(());
        }
        for chunk in events.chunks(PER_NOTIFICATION) {
            let payload = serde_json::to_string(chunk)
                .map_err(|error| DbErr::Custom(format!("{error:?}")))?;
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT pg_notify($1, $2)",
                [CHANNEL.into(), payload.into()],
            ))
            .await?;
        }
        Ok(())
    }

    /// Tells this process's subscribers of `events` once their transaction committed (on
    /// PostgreSQL the notifications do, through [`listen`]).
    pub fn committed(&self, events: Vec<Event>) {
        if self.shared {
            return;
        }
        for event in events {
            self.deliver(event);
        }
    }

    /// Hands one event to this process's subscribers.
    fn deliver(&self, event: Event) {
        // No subscriber at the moment is fine.
        let _ = self.sender.send(event);
    }
}

/// On PostgreSQL, listens on [`CHANNEL`] and hands what it hears to this process's
/// subscribers, reconnecting after a lost connection. Nothing to do on SQLite.
pub fn listen(db: &DatabaseConnection, bus: Bus) {
    if db.get_database_backend() != DbBackend::Postgres {
        return;
    }
    // A connection of its own: the serving pool's connections stay for requests.
    let options = (*db.get_postgres_connection_pool().connect_options()).clone();
    let pool = sea_orm::sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect_lazy_with(options);
    tokio::spawn(async move {
        loop {
            let mut listener = match sea_orm::sqlx::postgres::PgListener::connect_with(&pool).await
            {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, "cannot listen for events yet");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            if let Err(error) = listener.listen(CHANNEL).await {
                tracing::warn!(%error, "cannot listen for events yet");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            loop {
                match listener.recv().await {
                    Ok(notification) => {
                        match serde_json::from_str::<Vec<Event>>(notification.payload()) {
                            Ok(events) => events.into_iter().for_each(|event| bus.deliver(event)),
                            Err(error) => tracing::warn!(%error, "an event did not parse"),
                        }
                    }
                    Err(error) => {
                        tracing::warn!(%error, "lost the event listener's connection");
                        break;
                    }
                }
            }
        }
    });
}

mod deadlines;

pub use deadlines::{announce_deadlines, announce_round};

#[cfg(test)]
mod tests;

//! Whether PostgreSQL is reachable, known without asking the pool: a probe with a
//! connection of its own pings the server twice a second (four times while it is away).
//! While it is away, requests are answered `UNAVAILABLE` at once and requests waiting on
//! the database are released with that answer, instead of each waiting out the pool's
//! acquire timeout; `/readyz` answers 503 at once. A busy pool is not an outage: the
//! probe does not queue behind it. SQLite, a file in the process, is always reachable.

use std::sync::{Arc, Weak};
use std::time::Duration;

use sea_orm::sqlx::{Connection as _, PgConnection};
use sea_orm::{DatabaseConnection, DbBackend};
use tokio::sync::watch;

/// How often the probe pings while the server answers.
const PING_EVERY: Duration = Duration::from_millis(500);
/// How often it tries while the server is away.
const RETRY_EVERY: Duration = Duration::from_millis(250);
/// Longest a ping or a connection attempt may take before it counts as failed.
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// The database's reachability, shared by all requests.
#[derive(Clone)]
pub struct DbHealth {
    up: watch::Receiver<bool>,
    _probe: Option<Arc<watch::Sender<bool>>>,
}

impl DbHealth {
    /// Starts probing `db`'s server (PostgreSQL only); the probe stops when the last
    /// clone of the returned value is dropped.
    pub fn watch(db: &DatabaseConnection) -> Self {
        let (sender, up) = watch::channel(true);
        if db.get_database_backend() != DbBackend::Postgres {
            return Self { up, _probe: None };
        }
        let options = db.get_postgres_connection_pool().connect_options();
        let sender = Arc::new(sender);
        let weak = Arc::downgrade(&sender);
        tokio::spawn(probe(weak, options));
        Self {
            up,
            _probe: Some(sender),
        }
    }

    /// Whether the database answered the last probe.
    pub fn is_up(&self) -> bool {
        *self.up.borrow()
    }

    /// Completes when the database is found away (at once if it is away now).
    pub async fn gone(&self) {
        let mut up = self.up.clone();
        if up.wait_for(|up| !*up).await.is_err() {
            // The probe is gone with the app: never.
            std::future::pending::<()>().await;
        }
    }
}

async fn probe(
    sender: Weak<watch::Sender<bool>>,
    options: Arc<sea_orm::sqlx::postgres::PgConnectOptions>,
) {
    let mut connection: Option<PgConnection> = None;
    loop {
        let Some(state) = sender.upgrade() else {
            break;
        };
        let answered = match connection.as_mut() {
            Some(open) => matches!(
                tokio::time::timeout(PROBE_TIMEOUT, open.ping()).await,
                Ok(Ok(()))
            ),
            None => false,
        };
        let answered = answered || {
            connection = None;
            match tokio::time::timeout(PROBE_TIMEOUT, PgConnection::connect_with(&options)).await {
                Ok(Ok(open)) => {
                    connection = Some(open);
                    true
                }
                _ => false,
            }
        };
        let was_up = *state.borrow();
        if was_up != answered {
            if answered {
                tracing::info!("the database answers again");
            } else {
                tracing::warn!("the database does not answer; requests get UNAVAILABLE");
            }
            state.send_replace(answered);
        }
        drop(state);
        tokio::time::sleep(if answered { PING_EVERY } else { RETRY_EVERY }).await;
    }
}

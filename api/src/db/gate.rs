//! The gate into the serving pool: a turn per connection, and the callers waiting for one
//! counted.

use std::time::Duration;

use sea_orm::DatabaseConnection;

/// The way into the serving pool: every read statement and every write transaction takes
/// a turn here first, at most as many at once as the pool has connections. sqlx counts a
/// pool's connections in use and idle but not the callers waiting for one; waiting here
/// instead makes that number known (`wijkgraph_db_pool_connections{state="waiting"}`),
/// with the pool's own acquire timeout.
#[derive(Clone)]
pub struct Gate {
    turns: std::sync::Arc<tokio::sync::Semaphore>,
    waiting: std::sync::Arc<std::sync::atomic::AtomicI64>,
    timeout: Duration,
}

/// A turn through the [`Gate`]: one pool connection's worth, until dropped.
pub struct Turn(#[allow(dead_code)] tokio::sync::OwnedSemaphorePermit);

/// Counts a caller as waiting until dropped (also when its wait is cancelled).
struct Waiting<'g>(&'g std::sync::atomic::AtomicI64);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Gate {
    /// A gate as wide as `db`'s pool, waiting as long as its acquire timeout.
    pub fn for_pool(db: &DatabaseConnection) -> Self {
        let (size, timeout) = match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => {
                let options = db.get_postgres_connection_pool().options();
                (options.get_max_connections(), options.get_acquire_timeout())
            }
            _ => {
                let options = db.get_sqlite_connection_pool().options();
                (options.get_max_connections(), options.get_acquire_timeout())
            }
        };
        Self {
            turns: std::sync::Arc::new(tokio::sync::Semaphore::new(size as usize)),
            waiting: std::sync::Arc::default(),
            timeout,
        }
    }

    /// Waits for a turn; `UNAVAILABLE` when none comes within the acquire timeout.
    pub async fn enter(&self) -> crate::error::ApiResult<Turn> {
        self.waiting
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let _waiting = Waiting(&self.waiting);
        match tokio::time::timeout(self.timeout, self.turns.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(Turn(permit)),
            Ok(Err(closed)) => Err(crate::error::ApiError::Unavailable(closed.into())),
            Err(_) => Err(crate::error::ApiError::Unavailable(anyhow::anyhow!(
                "no database connection was free within {} ms",
                self.timeout.as_millis()
            ))),
        }
    }

    /// Callers waiting for a turn now.
    pub fn waiting(&self) -> i64 {
        self.waiting.load(std::sync::atomic::Ordering::Relaxed)
    }
}

//! Opening the database: connection pool settings per engine, and migrations; the gate
//! every statement passes on its way into the serving pool.

mod gate;

pub use gate::{Gate, Turn};

use std::time::Duration;

use anyhow::Context as _;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, DatabaseConnection, DbErr};

use crate::config::{Database, PoolSettings};

/// How long a SQLite connection waits for the file's lock before failing. Writers queue in
/// the process (see `domain::WriteQueue`), so only another process holds it this long.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections to a SQLite file: readers run beside the one writer (WAL).
const SQLITE_CONNECTIONS: u32 = 8;
/// A pooled connection idle this long is pinged before use: through any outage the health
/// probe notices (it retries every 250 ms), so a restarted server's dead connections are
/// replaced, not handed out; a connection in steady use skips the extra round trip.
const PING_IF_IDLE_FOR: Duration = Duration::from_millis(250);

/// Connects to the database at `url` for maintenance (migrations, seeding, tests' own
/// connections): no statement timeout, a patient wait for a connection.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, &PoolSettings::maintenance()).await
}

/// Connects to the database at `url` with `pool`'s limits.
///
/// SQLite runs in WAL mode with a busy timeout so readers never block the writer; foreign
/// keys are enforced on both engines. On PostgreSQL every connection carries the
/// statement timeout, and a connection that sat idle is tested before use, so a restarted
/// server is noticed at once.
pub async fn connect_with(url: &str, pool: &PoolSettings) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(pool.acquire_timeout)
        .acquire_timeout(pool.acquire_timeout)
        .test_before_acquire_if_idle_for(PING_IF_IDLE_FOR);
    if url.starts_with("sqlite:") {
        options
            .max_connections(SQLITE_CONNECTIONS)
            .map_sqlx_sqlite_opts(|opts| {
                opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT)
                    .foreign_keys(true)
            });
    } else {
        options.max_connections(pool.max_connections);
        let mut settings = Vec::new();
        if let Some(limit) = pool.statement_timeout {
            settings.push(("statement_timeout", limit.as_millis().to_string()));
        }
        if let Some(mode) = pool.plan_cache_mode {
            settings.push(("plan_cache_mode", mode.to_owned()));
        }
        if !settings.is_empty() {
            options.map_sqlx_postgres_opts(move |opts| opts.options(settings.clone()));
        }
    }
    sea_orm::Database::connect(options).await
}

/// Opens the configured database for maintenance; for the default SQLite file, creates
/// its folder first.
pub async fn open(database: &Database) -> anyhow::Result<DatabaseConnection> {
    open_with(database, &PoolSettings::maintenance()).await
}

/// Opens the configured database with `pool`'s limits.
pub async fn open_with(
    database: &Database,
    pool: &PoolSettings,
) -> anyhow::Result<DatabaseConnection> {
    if let Database::DefaultSqlite(path) = database
        && let Some(dir) = path.parent()
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the data folder {}", dir.display()))?;
    }
    connect_with(&database.url(), pool)
        .await
        .context("cannot open the database")
}

/// Applies all pending migrations.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

//! Opening the database: connection pool settings per engine, and migrations.

use std::time::Duration;

use anyhow::Context as _;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, DatabaseConnection, DbErr};

use crate::config::Database;

/// How long a SQLite writer waits for the lock before failing.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Connects to the database at `url` with the service's pool settings.
///
/// SQLite runs in WAL mode with a busy timeout so readers never block the writer and
/// concurrent writers queue; foreign keys are enforced on both engines.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        options.max_connections(8).map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .foreign_keys(true)
        });
    } else {
        options.max_connections(16);
    }
    sea_orm::Database::connect(options).await
}

/// Opens the configured database; for the default SQLite file, creates its folder first.
pub async fn open(database: &Database) -> anyhow::Result<DatabaseConnection> {
    if let Database::DefaultSqlite(path) = database
        && let Some(dir) = path.parent()
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the data folder {}", dir.display()))?;
    }
    connect(&database.url())
        .await
        .context("cannot open the database")
}

/// Applies all pending migrations.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

//! Running a migration's frozen statements: SQL written out once, per engine, from the
//! entity definitions of the release that introduced it, and never regenerated — so a
//! later entity change cannot silently alter what an old migration does. Files live in
//! `migration/sql/<migration>.<engine>.sql`, one statement per line.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// A migration's statements for each engine.
pub struct Frozen {
    /// For SQLite.
    pub sqlite: &'static str,
    /// For PostgreSQL.
    pub postgres: &'static str,
}

impl Frozen {
    /// Executes the statements for the connection's engine, in order.
    pub async fn apply(&self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
        let script: &str = match manager.get_database_backend() {
            DbBackend::Sqlite => self.sqlite,
            DbBackend::Postgres => self.postgres,
            other => {
                return Err(DbErr::Migration(format!(
                    "no frozen statements for {other:?}"
                )));
            }
        };
        execute(manager, statements(script)).await
    }
}

/// Executes `statements` in order: a migration's explicit SQL, the same on both engines.
pub async fn execute<'s>(
    manager: &SchemaManager<'_>,
    statements: impl IntoIterator<Item = &'s str>,
) -> Result<(), DbErr> {
    for statement in statements {
        manager
            .get_connection()
            .execute_unprepared(statement)
            .await?;
    }
    Ok(())
}

/// The statements of a script: one per line, ending in `;`; `--` lines are comments.
pub fn statements(script: &str) -> impl Iterator<Item = &str> {
    script
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("--"))
        .map(|line| line.trim_end_matches(';'))
}

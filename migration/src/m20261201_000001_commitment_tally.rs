//! Commitments counted by the database (issue 8): `commitment_tally` holds how many
//! commitments there are per cluster, status and kind, kept by triggers on `commitment` in
//! the transaction that changes them, so a count of a cluster's commitments in a status —
//! a cluster's inbox — reads a few rows instead of every matching commitment.
//!
//! The engines keep it differently, each the way that suits its writers:
//!
//! - **SQLite** (one writer at a time): one row per key, updated in place by row triggers;
//!   `tallied` never goes below zero (a `CHECK`).
//! - **PostgreSQL** (many writers): statement triggers *append* one row per key a statement
//!   changed, holding the change (negative for commitments that left the key). Appending
//!   takes no lock another writer waits for, so two transactions that change commitments
//!   of one cluster never queue or deadlock on the tally. A key's count is the sum of its
//!   rows; the server folds them into one row per key now and then (`compact`), which any
//!   number of instances may do at once.
//!
//! The triggers are created before the existing commitments are counted, in the
//! migration's transaction: creating them locks `commitment` against writes until it
//! commits, so no change is missed or counted twice.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

use crate::frozen::execute;

/// Adds the tally, its triggers, and the counts of the commitments already there.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000001_commitment_tally"
    }
}

const BACKFILL: &str = "INSERT INTO commitment_tally (cluster_id, status, kind, tallied)
    SELECT cluster_id, status, kind, COUNT(*) FROM commitment GROUP BY cluster_id, status, kind";

const SQLITE_UP: [&str; 5] = [
    "CREATE TABLE commitment_tally (
        cluster_id integer NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
        status varchar(32) NOT NULL,
        kind varchar(32) NOT NULL,
        tallied integer NOT NULL CHECK (tallied >= 0),
        PRIMARY KEY (cluster_id, status, kind)
    )",
    "CREATE TRIGGER commitment_tally_insert AFTER INSERT ON commitment BEGIN
        INSERT INTO commitment_tally (cluster_id, status, kind, tallied)
            VALUES (NEW.cluster_id, NEW.status, NEW.kind, 1)
            ON CONFLICT (cluster_id, status, kind) DO UPDATE SET tallied = tallied + 1;
    END",
    "CREATE TRIGGER commitment_tally_delete AFTER DELETE ON commitment BEGIN
        UPDATE commitment_tally SET tallied = tallied - 1
            WHERE cluster_id = OLD.cluster_id AND status = OLD.status AND kind = OLD.kind;
    END",
    "CREATE TRIGGER commitment_tally_update AFTER UPDATE OF cluster_id, status, kind ON commitment
    WHEN OLD.cluster_id IS NOT NEW.cluster_id OR OLD.status IS NOT NEW.status
        OR OLD.kind IS NOT NEW.kind
    BEGIN
        UPDATE commitment_tally SET tallied = tallied - 1
            WHERE cluster_id = OLD.cluster_id AND status = OLD.status AND kind = OLD.kind;
        INSERT INTO commitment_tally (cluster_id, status, kind, tallied)
            VALUES (NEW.cluster_id, NEW.status, NEW.kind, 1)
            ON CONFLICT (cluster_id, status, kind) DO UPDATE SET tallied = tallied + 1;
    END",
    BACKFILL,
];

const POSTGRES_UP: [&str; 8] = [
    "CREATE TABLE commitment_tally (
        cluster_id integer NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
        status varchar(32) NOT NULL,
        kind varchar(32) NOT NULL,
        tallied bigint NOT NULL
    )",
    r#"CREATE INDEX "idx-commitment_tally-key" ON commitment_tally (cluster_id, status, kind)
        INCLUDE (tallied)"#,
    // One function for the four triggers: each names only the transition tables its
    // operation has, and the function reads only those.
    "CREATE FUNCTION commitment_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO commitment_tally (cluster_id, status, kind, tallied)
                SELECT cluster_id, status, kind, COUNT(*) FROM new_rows
                GROUP BY cluster_id, status, kind;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO commitment_tally (cluster_id, status, kind, tallied)
                SELECT cluster_id, status, kind, -COUNT(*) FROM old_rows
                GROUP BY cluster_id, status, kind;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO commitment_tally (cluster_id, status, kind, tallied)
                SELECT cluster_id, status, kind, SUM(change) FROM (
                    SELECT cluster_id, status, kind, 1 AS change FROM new_rows
                    UNION ALL
                    SELECT cluster_id, status, kind, -1 AS change FROM old_rows
                ) AS changes
                GROUP BY cluster_id, status, kind HAVING SUM(change) <> 0;
        ELSE
            DELETE FROM commitment_tally;
        END IF;
        RETURN NULL;
    END
    $$",
    "CREATE TRIGGER commitment_tally_insert AFTER INSERT ON commitment
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION commitment_tally_change()",
    "CREATE TRIGGER commitment_tally_update AFTER UPDATE ON commitment
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION commitment_tally_change()",
    "CREATE TRIGGER commitment_tally_delete AFTER DELETE ON commitment
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION commitment_tally_change()",
    "CREATE TRIGGER commitment_tally_truncate AFTER TRUNCATE ON commitment
        FOR EACH STATEMENT EXECUTE FUNCTION commitment_tally_change()",
    BACKFILL,
];

const SQLITE_DOWN: [&str; 4] = [
    "DROP TRIGGER commitment_tally_insert",
    "DROP TRIGGER commitment_tally_delete",
    "DROP TRIGGER commitment_tally_update",
    "DROP TABLE commitment_tally",
];

const POSTGRES_DOWN: [&str; 6] = [
    "DROP TRIGGER commitment_tally_insert ON commitment",
    "DROP TRIGGER commitment_tally_update ON commitment",
    "DROP TRIGGER commitment_tally_delete ON commitment",
    "DROP TRIGGER commitment_tally_truncate ON commitment",
    "DROP FUNCTION commitment_tally_change()",
    "DROP TABLE commitment_tally",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => execute(manager, SQLITE_UP).await,
            DbBackend::Postgres => execute(manager, POSTGRES_UP).await,
            other => Err(unsupported(other)),
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        match manager.get_database_backend() {
            DbBackend::Sqlite => execute(manager, SQLITE_DOWN).await,
            DbBackend::Postgres => execute(manager, POSTGRES_DOWN).await,
            other => Err(unsupported(other)),
        }
    }
}

fn unsupported(backend: DbBackend) -> DbErr {
    DbErr::Migration(format!("no commitment tally for {backend:?}"))
}

//! `wijkgraph seed --synthetic`: the promised volume, deterministic for a seed, the same
//! rows on SQLite and PostgreSQL, the commitments counted in the tally.

use indicatif::ProgressBar;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use wijkgraph::seed::synthetic::{Options, Scale, write};
use wijkgraph::{db, seed};

use crate::helpers::{Engine, fresh_database};

/// Row counts and sums over every synthetic table: equal digests, equal rows.
async fn digest(db: &DatabaseConnection) -> Vec<i64> {
    let mut values = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM neighbourhood",
        "SELECT COUNT(*) FROM plan",
        "SELECT COUNT(*) FROM priority",
        "SELECT COUNT(*) FROM action",
        "SELECT COUNT(*) FROM commitment",
        "SELECT COUNT(*) FROM budget_line",
        "SELECT COALESCE(SUM(amount_cents), 0) FROM commitment",
        "SELECT COALESCE(SUM(id * LENGTH(status)), 0) FROM commitment",
        "SELECT COALESCE(SUM(cluster_id * action_id), 0) FROM commitment",
        "SELECT COALESCE(SUM(COALESCE(budget_line_id, 0)), 0) FROM commitment",
        "SELECT COALESCE(SUM(progress_percent * lead_cluster_id), 0) FROM action",
        "SELECT COALESCE(SUM(amount_cents), 0) FROM budget_line_amount",
    ] {
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap()
            .unwrap();
        let value = row
            .try_get_by_index::<i64>(0)
            .or_else(|_| row.try_get_by_index::<i32>(0).map(i64::from))
            .or_else(|_| {
                row.try_get_by_index::<rust_decimal::Decimal>(0)
                    .map(|d| i64::try_from(d).unwrap())
            })
            .unwrap();
        values.push(value);
    }
    values
}

async fn seeded(engine: Engine, seed: u64) -> (Vec<i64>, Option<tempfile::TempDir>) {
    let (url, dir) = fresh_database(engine).await;
    let db = db::connect(&url).await.unwrap();
    db::migrate(&db).await.unwrap();
    let options = Options {
        scale: Scale::City,
        years: 1,
        seed,
    };
    let written = write(&db, options, &ProgressBar::hidden()).await.unwrap();
    assert_eq!(written.neighbourhoods, 200);
    assert_eq!(written.plans, 200);
    assert_eq!(written.priorities, 1_000);
    assert_eq!(written.actions, 5_000);
    assert_eq!(written.commitments, 15_000);
    // The commitments are counted in the tally, one row per key (PostgreSQL's appended
    // rows folded at the end).
    assert_eq!(
        crate::helpers::tally_differences(&db).await,
        Vec::<String>::new()
    );
    let rows_per_key = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) FROM commitment_tally GROUP BY cluster_id, status, kind ORDER BY 1 DESC",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    assert_eq!(rows_per_key, 1, "{engine:?}");
    (digest(&db).await, dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seed_writes_the_same_city_rows_on_sqlite_and_postgres_and_another_seed_does_not() {
    let (sqlite, _dir) = seeded(Engine::Sqlite, 7).await;
    let (postgres, _) = seeded(Engine::Postgres, 7).await;
    assert_eq!(sqlite, postgres);
    let (other, _) = seeded(Engine::Postgres, 8).await;
    assert_eq!(other[..6], postgres[..6], "the same shape");
    assert_ne!(other, postgres, "other values");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn synthetic_data_lands_on_top_of_the_demo_and_seeding_the_demo_again_changes_nothing() {
    let (url, _dir) = fresh_database(Engine::Sqlite).await;
    let db = db::connect(&url).await.unwrap();
    db::migrate(&db).await.unwrap();
    let options = Options {
        scale: Scale::City,
        years: 2,
        seed: 1,
    };
    write(&db, options, &ProgressBar::hidden()).await.unwrap();
    let before = digest(&db).await;
    assert_eq!(
        seed::demo(&db).await.unwrap(),
        seed::SeedOutcome::AlreadyPresent
    );
    assert_eq!(digest(&db).await, before);
    // The demo's pilot plans are there beside 200 × 2 synthetic ones.
    assert!(before[1] > 400, "{before:?}");
}

//! The migrations against the entities and against the previous release: an empty
//! database migrated on either engine has every column of every entity with the same
//! nullability, and every index and unique rule the entities declare; a database written
//! by the previous release (`tests/fixtures/previous_release.*.sql`: its migrations and
//! the demo data, dumped) migrates to this one and serves its data.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, IdenStatic, Iterable,
    Schema, Statement,
};
use serde_json::json;

use crate::helpers::{Engine, fresh_database, spawn_app_on};

/// A table as the entities describe it or the database holds it: columns with whether
/// they may be NULL, and index names.
#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    columns: BTreeMap<String, bool>,
    indexes: BTreeSet<String>,
    unique_columns: BTreeSet<String>,
}

fn described<E: EntityTrait + Default>(backend: DatabaseBackend) -> (String, Table) {
    let entity = E::default();
    let mut table = Table::default();
    for column in E::Column::iter() {
        let definition = sea_orm::ColumnTrait::def(&column);
        table
            .columns
            .insert(column.as_str().to_owned(), definition.is_null());
        if definition.is_unique() {
            table.unique_columns.insert(column.as_str().to_owned());
        }
    }
    let schema = Schema::new(backend);
    for index in schema.create_index_from_entity(entity) {
        if let Some(name) = index.get_index_spec().get_name() {
            table.indexes.insert(name.to_owned());
        }
    }
    (entity.table_name().to_owned(), table)
}

macro_rules! entities {
    ($backend:expr => $($module:ident),* $(,)?) => {
        vec![$(described::<entity::$module::Entity>($backend)),*]
    };
}

/// Every entity, as it describes its table.
fn entity_tables(backend: DatabaseBackend) -> Vec<(String, Table)> {
    entities!(backend =>
        area, neighbourhood, representative_body, representative_body_coverage, cluster,
        city_programme, product, plan, plan_revision, priority, action, action_position, adoption_waiver,
        progress_update, person,
        team_membership, pnc_document, budget_line, budget_line_amount, budget_amendment,
        commitment, committee_advice, escalation, escalation_event, resident_input, audit_event, idempotency_key, input_landing, deadline_notice,
    )
}

async fn strings(db: &DatabaseConnection, sql: String) -> Vec<Vec<String>> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            (0..)
                .map_while(|index| row.try_get_by_index::<String>(index).ok())
                .collect()
        })
        .collect()
}

/// The table as the database holds it; a single-column unique constraint or index counts
/// as that column being unique.
async fn held(db: &DatabaseConnection, table: &str) -> Table {
    let mut held = Table::default();
    let (columns, indexes, unique) = match db.get_database_backend() {
        DatabaseBackend::Sqlite => (
            format!(
                "SELECT name, CASE WHEN \"notnull\" = 1 OR pk = 1 THEN 'NO' ELSE 'YES' END \
                 FROM pragma_table_info('{table}')"
            ),
            format!(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' \
                 AND name NOT LIKE 'sqlite_autoindex%'"
            ),
            format!(
                "SELECT info.name FROM pragma_index_list('{table}') AS list \
                 JOIN pragma_index_info(list.name) AS info \
                 WHERE list.\"unique\" = 1 AND list.partial = 0 AND list.origin <> 'pk' \
                 AND (SELECT COUNT(*) FROM pragma_index_info(list.name)) = 1"
            ),
        ),
        _ => (
            format!(
                "SELECT column_name::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name = '{table}'"
            ),
            format!(
                "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' \
                 AND tablename = '{table}' AND indexname NOT IN \
                 (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))"
            ),
            format!(
                "SELECT a.attname::text FROM pg_index i \
                 JOIN pg_class c ON c.oid = i.indrelid \
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0] \
                 WHERE c.relname = '{table}' AND i.indisunique AND NOT i.indisprimary \
                 AND i.indnatts = 1 AND i.indpred IS NULL"
            ),
        ),
    };
    for row in strings(db, columns).await {
        held.columns.insert(row[0].clone(), row[1] == "YES");
    }
    for row in strings(db, indexes).await {
        held.indexes.insert(row[0].clone());
    }
    for row in strings(db, unique).await {
        held.unique_columns.insert(row[0].clone());
    }
    held
}

async fn migrated_empty_database_matches_the_entities(engine: Engine) {
    let (url, _dir) = fresh_database(engine).await;
    let db = wijkgraph::db::connect(&url).await.unwrap();
    wijkgraph::db::migrate(&db).await.unwrap();
    for (name, mut expected) in entity_tables(db.get_database_backend()) {
        let held = held(&db, &name).await;
        // Later migrations add indexes the entities do not declare (volume, inbox,
        // uniqueness rules); every declared one must be there.
        let missing: Vec<_> = expected.indexes.difference(&held.indexes).collect();
        assert!(missing.is_empty(), "{name}: indexes missing: {missing:?}");
        expected.indexes = held.indexes.clone();
        assert_eq!(held, expected, "table {name} differs from its entity");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_sqlite_database_migrates_to_the_columns_nullability_indexes_and_unique_columns_of_the_entities()
 {
    migrated_empty_database_matches_the_entities(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_postgres_database_migrates_to_the_columns_nullability_indexes_and_unique_columns_of_the_entities()
 {
    migrated_empty_database_matches_the_entities(Engine::Postgres).await;
}

async fn previous_release_migrates_and_serves(engine: Engine) {
    let (url, _dir) = fresh_database(engine).await;
    let dump = match engine {
        Engine::Sqlite => include_str!("../fixtures/previous_release.sqlite.sql"),
        Engine::Postgres => include_str!("../fixtures/previous_release.postgres.sql"),
    };
    // A connection of its own: the PostgreSQL dump empties its session's search path.
    let loader = wijkgraph::db::connect(&url).await.unwrap();
    let script = match engine {
        // The dump lists tables alphabetically: rows may precede the rows they refer to.
        Engine::Sqlite => format!("PRAGMA foreign_keys = OFF;\n{dump}"),
        Engine::Postgres => dump.to_owned(),
    };
    loader.execute_unprepared(&script).await.unwrap();
    loader.close().await.unwrap();

    let db = wijkgraph::db::connect(&url).await.unwrap();
    let count = |sql: &'static str| {
        let db = db.clone();
        async move {
            db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap()
                .try_get_by_index::<i64>(0)
                .unwrap()
        }
    };
    let applied_before = count("SELECT COUNT(*) FROM seaql_migrations").await;
    assert_eq!(
        applied_before, 4,
        "the previous release had four migrations"
    );
    let plans = count("SELECT COUNT(*) FROM plan").await;
    let commitments = count("SELECT COUNT(*) FROM commitment").await;
    assert!(plans > 0 && commitments > 0);
    // Input with ids of four and five digits in one year: their references must differ.
    for id in [2345, 12345] {
        db.execute_unprepared(&format!(
            "INSERT INTO resident_input (id, neighbourhood_id, source, received_on, summary, outcome, version)
             SELECT {id}, MIN(id), 'SURVEY', '2016-05-01', 'Oud', 'PENDING', 1 FROM neighbourhood"
        ))
        .await
        .unwrap();
    }

    let app = spawn_app_on(&url, &[]).await;
    let applied = count("SELECT COUNT(*) FROM seaql_migrations").await;
    assert_eq!(
        applied as usize,
        <migration::Migrator as migration::MigratorTrait>::migrations().len()
    );
    for (id, reference) in [(2345, "RI-2016-2345"), (12345, "RI-2016-12345")] {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT reference FROM resident_input WHERE id = {id}"),
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get_by_index::<String>(0).unwrap(), reference);
    }
    let index = held(&db, "plan").await;
    assert!(
        index.indexes.contains("uq-plan-action_plan_per_year"),
        "{index:?}"
    );
    let data = app
        .data(
            "{ plans { totalCount } commitments { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(data["plans"]["totalCount"], plans);
    assert_eq!(data["commitments"]["totalCount"], commitments);
    // The commitments already there were counted into the tally the migration added.
    assert_eq!(
        crate::helpers::tally_differences(&db).await,
        Vec::<String>::new()
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM plan").await,
        plans,
        "the demo seed did not run again on a database holding data"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_database_of_the_previous_release_migrates_and_serves_its_data() {
    previous_release_migrates_and_serves(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_database_of_the_previous_release_migrates_and_serves_its_data() {
    previous_release_migrates_and_serves(Engine::Postgres).await;
}

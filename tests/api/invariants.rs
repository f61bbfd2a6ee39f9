//! Rules the database holds itself: one neighbourhood action plan per neighbourhood and
//! year, also when requests race, and a unique index's refusal answered as the caller's
//! error naming the field.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, neighbourhood_id, run_on_both_databases};

const CREATE_PLAN: &str =
    "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }";

async fn execute(app: &TestApp, sql: &str) -> Result<u64, sea_orm::DbErr> {
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .map(|result| result.rows_affected())
}

async fn plans_for(app: &TestApp, neighbourhood: i64, year: i32) -> i64 {
    app.db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "SELECT COUNT(*) FROM plan WHERE neighbourhood_id = {neighbourhood} \
                 AND year_from = {year} AND kind = 'NEIGHBOURHOOD_ACTION_PLAN'"
            ),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

async fn bloemhof(app: &TestApp) -> (Value, i64) {
    let global = neighbourhood_id(app, "BU05991081").await;
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT id FROM neighbourhood WHERE code = 'BU05991081'",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i32>(0)
        .unwrap();
    (global, i64::from(row))
}

async fn concurrent_create_plan_calls_make_one_plan_and_refuse_the_rest_naming_input_year(
    app: TestApp,
) {
    let (global, row) = bloemhof(&app).await;
    let manager = app.as_roles(&["neighbourhood_manager:BU05991081"]);
    let input = json!({ "input": { "neighbourhoodId": global, "year": 2030 } });
    let answers =
        futures_util::future::join_all((0..6).map(|_| manager.graphql(CREATE_PLAN, input.clone())))
            .await;
    let created = answers
        .iter()
        .filter(|answer| answer["errors"].is_null())
        .count();
    assert_eq!(created, 1, "{answers:#?}");
    for refused in answers.iter().filter(|answer| !answer["errors"].is_null()) {
        assert_eq!(error_code(refused), "BAD_USER_INPUT", "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "input.year");
    }
    assert_eq!(plans_for(&app, row, 2030).await, 1);
}

async fn the_database_refuses_a_second_action_plan_for_a_year_but_not_beside_a_superseded_one(
    app: TestApp,
) {
    let (global, row) = bloemhof(&app).await;
    let manager = app.as_roles(&["neighbourhood_manager:BU05991081"]);
    manager
        .data(
            CREATE_PLAN,
            json!({ "input": { "neighbourhoodId": global, "year": 2029 } }),
        )
        .await;
    // Straight past the workflow: a copy of the plan for the same year.
    let copy = format!(
        "INSERT INTO plan (kind, title, area_id, neighbourhood_id, cluster_id, year_from, \
         year_to, status, version, created_at, updated_at) \
         SELECT kind, 'Kopie', area_id, neighbourhood_id, cluster_id, year_from, year_to, \
         'DRAFT', 1, created_at, updated_at FROM plan \
         WHERE neighbourhood_id = {row} AND year_from = 2029"
    );
    let refused = execute(&app, &copy).await;
    assert!(
        matches!(
            refused.as_ref().map_err(sea_orm::DbErr::sql_err),
            Err(Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
        ),
        "{refused:?}"
    );
    // A superseded plan does not count.
    execute(
        &app,
        &format!(
            "UPDATE plan SET status = 'SUPERSEDED' WHERE neighbourhood_id = {row} \
             AND year_from = 2029"
        ),
    )
    .await
    .unwrap();
    assert_eq!(execute(&app, &copy).await.unwrap(), 1);
    assert_eq!(plans_for(&app, row, 2029).await, 2);
}

run_on_both_databases!(
    concurrent_create_plan_calls_make_one_plan_and_refuse_the_rest_naming_input_year,
    the_database_refuses_a_second_action_plan_for_a_year_but_not_beside_a_superseded_one,
);

/// Every uniqueness rule the service maps to a field names a unique index the migrations
/// create: by name on PostgreSQL, by its columns on SQLite.
async fn every_mapped_uniqueness_rule_matches_a_unique_index_of_the_migrated_database(
    app: TestApp,
) {
    let backend = app.db.get_database_backend();
    let sql = match backend {
        sea_orm::DatabaseBackend::Sqlite => {
            "SELECT m.name || '.' || group_concat(i.name, ', ' || m.name || '.') \
             FROM sqlite_master m JOIN pragma_index_list(m.name) l \
             JOIN pragma_index_info(l.name) i \
             WHERE m.type = 'table' AND l.\"unique\" = 1 AND l.origin <> 'pk' \
             GROUP BY m.name, l.name"
        }
        _ => {
            "SELECT c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
             WHERE i.indisunique AND NOT i.indisprimary"
        }
    };
    let unique: Vec<String> = app
        .db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get_by_index::<String>(0).unwrap())
        .collect();
    for (index, columns) in wijkgraph::domain::unique::rules() {
        let wanted = match backend {
            sea_orm::DatabaseBackend::Sqlite => columns,
            _ => index,
        };
        assert!(
            unique.iter().any(|name| name == wanted),
            "{wanted} is not a unique index: {unique:?}"
        );
    }
}

run_on_both_databases!(
    every_mapped_uniqueness_rule_matches_a_unique_index_of_the_migrated_database
);

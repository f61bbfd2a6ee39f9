//! Relations load in batches: one SQL statement per relation level, whatever the page size.
//! The statements are counted with sea-orm's metric callback on the app's own connection.
//! On PostgreSQL a statement is planned once per connection, not once per execution.

use crate::helpers::{Engine, TestApp, run_on_both_databases, spawn_app_with};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

/// Neighbourhoods → plans → priorities → actions → commitments, `n` at every level.
const FOUR_LEVELS: &str = "query($n: Int) {
    neighbourhoods(filter: {pilot2016: true}, first: $n) { totalCount nodes { name area { name }
        plans(first: $n) { nodes { title
            priorities(first: $n) { nodes { title
                actions(first: $n) { nodes { description leadCluster { code }
                    commitments(first: $n) { nodes { status } } } } } } } } } } }";

async fn a_four_level_query_costs_the_same_statements_at_page_sizes_1_10_and_100(app: TestApp) {
    let mut counts = Vec::new();
    for n in [1, 10, 100] {
        app.reset_statements();
        let data = app.data(FOUR_LEVELS, json!({ "n": n })).await;
        let returned = data["neighbourhoods"]["nodes"].as_array().unwrap().len();
        assert_eq!(returned, n.min(10), "page size {n}");
        counts.push((n, app.statements().len()));
    }
    let statements = counts[0].1;
    let last: Vec<String> = app
        .statements()
        .iter()
        .map(|s| s.chars().take(100).collect())
        .collect();
    assert!(
        counts.iter().all(|(_, count)| *count == statements),
        "statements per page size: {counts:?}\n{last:#?}"
    );
    // count + page of the root, then one per relation: area, plans, priorities,
    // actions, lead cluster, commitments.
    assert_eq!(statements, 8, "{:#?}", app.statements());
}

run_on_both_databases!(a_four_level_query_costs_the_same_statements_at_page_sizes_1_10_and_100);

/// How PostgreSQL planned the page statement of `commitments(first: …)` on the app's one
/// pooled connection after the page was read six times: (generic plans, custom plans).
async fn plans_of_six_pages(settings: &[(&str, &str)]) -> (i64, i64) {
    let mut all = vec![("WIJKGRAPH_DB_POOL_SIZE", "1")];
    all.extend_from_slice(settings);
    let app = spawn_app_with(Engine::Postgres, &all).await;
    for first in [2, 3, 4, 5, 6, 7] {
        let data = app
            .data(
                "query($n: Int) { commitments(first: $n) { nodes { id } } }",
                json!({ "n": first }),
            )
            .await;
        assert_eq!(
            data["commitments"]["nodes"].as_array().unwrap().len(),
            first
        );
    }
    // The pool's only connection: the one that prepared and ran the pages.
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements \
             WHERE statement LIKE 'SELECT \"commitment\".\"id\" FROM \"commitment\"%LIMIT%'",
        ))
        .await
        .unwrap()
        .expect("the page statement is prepared on the pool's connection");
    (
        row.try_get("", "generic_plans").unwrap(),
        row.try_get("", "custom_plans").unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_plans_a_page_statement_once_per_connection_by_default() {
    assert_eq!(plans_of_six_pages(&[]).await, (6, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_plan_cache_mode_auto_postgres_plans_the_first_five_pages_for_their_parameters() {
    let (generic, custom) = plans_of_six_pages(&[("WIJKGRAPH_DB_PLAN_CACHE_MODE", "auto")]).await;
    assert!(custom >= 5, "custom plans: {custom}, generic: {generic}");
}

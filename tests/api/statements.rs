//! Relations load in batches: one SQL statement per relation level, whatever the page size.
//! The statements are counted with sea-orm's metric callback on the app's own connection.

use crate::helpers::{TestApp, run_on_both_databases};
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

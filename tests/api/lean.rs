//! Rows in lists are resolved by wijkgraph's own object resolver (`graphql::lean`); an
//! object fetched with `node(id:)` still goes through async-graphql's. Both must answer a
//! selection alike: aliases, `__typename`, named and inline fragments (on the type, on an
//! interface, without a condition), a key selected twice (objects merged field by field,
//! lists item by item) and a field that fails. A list's keys and its rows' come in selection
//! order; so do an edge's, and edges answer like the nodes they hold.

use serde_json::{Value, json};

use crate::helpers::{TestApp, run_on_both_databases};

run_on_both_databases!(
    list_rows_answer_every_selection_like_node_lookups_and_keep_the_selection_order,
    edges_answer_every_selection_like_nodes_and_keep_each_edges_selection_order,
    a_list_writes_its_count_where_the_query_selected_it_though_the_count_finishes_last,
);

/// Selections on `Plan`; a fragment definition the selection uses follows `|`.
const SELECTIONS: [&str; 5] = [
    "__typename t: title id kind status version",
    "...PlanFields ... on Node { id } ... { yearFrom } | fragment PlanFields on Plan { title yearTo }",
    "neighbourhood { id } neighbourhood { name } n: neighbourhood { __typename }",
    "priorities(first: 2) { nodes { id } } priorities(first: 2) { nodes { title } totalCount }",
    "title priorities(first: -1) { nodes { id } } version",
];

async fn list_rows_answer_every_selection_like_node_lookups_and_keep_the_selection_order(
    app: TestApp,
) {
    for selection in SELECTIONS {
        let (fields, fragments) = selection.split_once('|').unwrap_or((selection, ""));
        let listed = twelve_plans(&app, &format!("nodes {{ {fields} }}"), fragments).await;
        let rows = listed["data"]["plans"]["nodes"]
            .as_array()
            .expect("plans listed")
            .clone();
        assert_eq!(rows.len(), 12, "{selection}: {listed:#}");
        let listed_errors = messages(&listed);

        let mut looked_up_errors = Vec::new();
        for (row, plan_id) in rows.iter().zip(plan_ids(&app).await) {
            let looked_up = app
                .graphql(
                    &format!("query($id: ID!) {{ node(id: $id) {{ ... on Plan {{ {fields} }} }} }} {fragments}"),
                    json!({ "id": plan_id }),
                )
                .await;
            assert_eq!(row, &looked_up["data"]["node"], "{selection}");
            looked_up_errors.extend(messages(&looked_up));
        }
        assert_eq!(listed_errors, looked_up_errors, "{selection}");
        assert_eq!(
            listed_errors.is_empty(),
            !selection.contains("-1"),
            "only the negative page fails: {listed:#}"
        );
    }

    let priorities = app
        .data(
            "{ plans(first: 12) { nodes { priorities(first: 2) { nodes { id title } } } } }",
            json!({}),
        )
        .await;
    let merged = app
        .data(
            "{ plans(first: 12) { nodes { priorities(first: 2) { nodes { id } } priorities(first: 2) { nodes { title } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        merged, priorities,
        "a list selected twice merges item by item"
    );
    let with_titles = priorities["plans"]["nodes"]
        .as_array()
        .expect("plans")
        .iter()
        .filter(|plan| {
            !plan["priorities"]["nodes"]
                .as_array()
                .expect("priorities")
                .is_empty()
        })
        .count();
    assert!(with_titles > 0, "some plan has priorities: {priorities:#}");

    let body = body_of(
        &app,
        "{ plans(first: 1) { nodes { version title __typename id kind } } }",
    )
    .await;
    let keys = [
        "\"version\":",
        "\"title\":",
        "\"__typename\":",
        "\"id\":",
        "\"kind\":",
    ];
    assert!(
        positions(&body, &keys).is_sorted(),
        "keys in selection order: {body}"
    );
}

async fn edges_answer_every_selection_like_nodes_and_keep_each_edges_selection_order(app: TestApp) {
    for selection in SELECTIONS {
        let (fields, fragments) = selection.split_once('|').unwrap_or((selection, ""));
        let nodes = twelve_plans(&app, &format!("nodes {{ {fields} }}"), fragments).await;
        let edges =
            twelve_plans(&app, &format!("edges {{ node {{ {fields} }} }}"), fragments).await;
        let edge_nodes: Vec<Value> = edges["data"]["plans"]["edges"]
            .as_array()
            .expect("edges listed")
            .iter()
            .map(|edge| edge["node"].clone())
            .collect();
        assert_eq!(edge_nodes.len(), 12, "{selection}: {edges:#}");
        assert_eq!(
            Value::Array(edge_nodes),
            nodes["data"]["plans"]["nodes"],
            "{selection}"
        );
        assert_eq!(messages(&edges), messages(&nodes), "{selection}");
    }
    // The node waits for its priorities' statement; the cursor is ready at once.
    for (query, keys) in [
        (
            "{ plans(first: 2) { edges { node { priorities(first: 1) { totalCount } } cursor } } }",
            ["\"node\":", "\"cursor\":"],
        ),
        (
            "{ plans(first: 2) { edges { cursor node { id } } } }",
            ["\"cursor\":", "\"node\":"],
        ),
    ] {
        let body = body_of(&app, query).await;
        assert!(positions(&body, &keys).is_sorted(), "{query}: {body}");
    }
}

/// The answer to `plans(first: 12) { <selection> }`, with `fragments` after the query.
async fn twelve_plans(app: &TestApp, selection: &str, fragments: &str) -> Value {
    app.graphql(
        &format!("{{ plans(first: 12) {{ {selection} }} }} {fragments}"),
        json!({}),
    )
    .await
}

/// The raw answer to `query`, as the server wrote it.
async fn body_of(app: &TestApp, query: &str) -> String {
    app.client
        .post(format!("{}/graphql", app.address))
        .json(&json!({ "query": query }))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body")
}

/// Where each of `keys` first occurs in `body`.
fn positions(body: &str, keys: &[&str]) -> Vec<usize> {
    keys.iter()
        .map(|key| body.find(key).unwrap_or_else(|| panic!("{key} in {body}")))
        .collect()
}

async fn a_list_writes_its_count_where_the_query_selected_it_though_the_count_finishes_last(
    app: TestApp,
) {
    // The count is its own statement, answered after the page: async-graphql's resolver
    // wrote it last.
    let root = body_of(
        &app,
        "{ commitments(first: 2) { totalCount pageInfo { hasNextPage } nodes { id } } }",
    )
    .await;
    let keys = ["\"totalCount\":", "\"pageInfo\":", "\"nodes\":"];
    assert!(positions(&root, &keys).is_sorted(), "root list: {root}");
    let nested = body_of(
        &app,
        "{ plans(first: 1) { nodes { priorities(first: 1) { totalCount nodes { id } } } } }",
    )
    .await;
    let keys = ["\"totalCount\":", "\"nodes\":[{\"id\""];
    assert!(
        positions(&nested, &keys).is_sorted(),
        "nested list: {nested}"
    );
}

/// The ids of the first twelve plans, in the list's order.
async fn plan_ids(app: &TestApp) -> Vec<Value> {
    let data = app
        .data("{ plans(first: 12) { nodes { id } } }", json!({}))
        .await;
    data["plans"]["nodes"]
        .as_array()
        .expect("plans")
        .iter()
        .map(|plan| plan["id"].clone())
        .collect()
}

/// The error messages of a response with their codes, without paths (which differ
/// between a list and a lookup).
fn messages(response: &Value) -> Vec<(Value, Value)> {
    response["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|error| {
                    (
                        error["message"].clone(),
                        error["extensions"]["code"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

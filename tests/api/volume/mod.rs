//! Lists at volume: keyset cursors that survive concurrent writes, counts only when asked,
//! nested pages bounded in SQL, and a statement count that does not grow with the parents.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, neighbourhood_id, run_on_both_databases};
use sea_orm::ConnectionTrait;

mod cursors;
mod links;
mod nested;
mod tally;

async fn ids_of(app: &TestApp, filter: &str) -> Vec<String> {
    let query = format!("{{ commitments(filter: {filter}, first: 100) {{ nodes {{ id }} }} }}");
    let data = app.data(&query, json!({})).await;
    ids(&data["commitments"]["nodes"])
}

fn ids(nodes: &Value) -> Vec<String> {
    nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The database id inside a global id.
fn db_id(global: &str) -> i32 {
    use base64::Engine;
    let text = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(global)
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

/// Copies commitment `id` as a new row with this status and deadline offset (days).
fn copy_commitment(id: i32, status: &str) -> String {
    format!(
        "INSERT INTO commitment (action_id, cluster_id, status, kind, hours_centi, amount_cents,
            budget_line_id, reason, response_deadline, requested_by, requested_at, answered_by,
            answered_at, version, updated_at)
         SELECT action_id, cluster_id, '{status}', kind, hours_centi, amount_cents, budget_line_id,
            reason, response_deadline, requested_by, requested_at, answered_by, answered_at,
            version, updated_at FROM commitment WHERE id = {id}"
    )
}

/// The first non-null end cursor among the nodes of `list` in `data`, at `field`.
fn first_cursor(data: &Value, list: &str, field: &str) -> Value {
    data[list]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node[field]["pageInfo"]["endCursor"].clone())
        .find(|cursor| cursor.is_string())
        .unwrap_or_else(|| panic!("no {list} has {field}: {data}"))
}

/// Statements that count: rows (`COUNT(`) or the counts the database keeps (a tally).
fn counts(app: &TestApp) -> usize {
    app.statements()
        .iter()
        .filter(|statement| {
            statement.to_uppercase().contains("COUNT(") || statement.contains("_tally")
        })
        .count()
}

/// The cluster with global id `id` in the answer to a `clusters` query.
async fn cluster_in(app: &TestApp, query: &str, variables: Value, id: &Value) -> Value {
    let data = app.data(query, variables).await;
    data["clusters"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|node| node["id"] == *id)
        .unwrap()
        .clone()
}

fn copy_all_commitments() -> String {
    "INSERT INTO commitment (action_id, cluster_id, status, kind, hours_centi, amount_cents,
        budget_line_id, reason, response_deadline, requested_by, requested_at, answered_by,
        answered_at, version, updated_at)
     SELECT action_id, cluster_id, status, kind, hours_centi, amount_cents, budget_line_id,
        reason, response_deadline, requested_by, requested_at, answered_by, answered_at,
        version, updated_at FROM commitment"
        .to_owned()
}

/// A nullable column: its name, and whether a row has it set.
type Nullable<M> = (&'static str, fn(&M) -> bool);

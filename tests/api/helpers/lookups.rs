//! Lookups beside the API: rows counted in SQL, ids read as the admin, an error's code.

use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};

use super::TestApp;

/// The rows in `table`, counted in SQL: ground truth beside what the API says.
pub async fn count_rows(db: &DatabaseConnection, table: &str) -> i64 {
    db.query_one_raw(sea_orm::Statement::from_string(
        db.get_database_backend(),
        format!("SELECT COUNT(*) AS n FROM {table}"),
    ))
    .await
    .expect("count")
    .expect("a row")
    .try_get::<i64>("", "n")
    .expect("a count")
}

/// The keys (cluster, status, kind) whose count in `commitment_tally` differs from the
/// commitments counted in SQL, each as `cluster/status/kind: tally vs rows`.
pub async fn tally_differences(db: &DatabaseConnection) -> Vec<String> {
    let sql = "SELECT k.cluster_id, k.status, k.kind,
            CAST(COALESCE((SELECT SUM(t.tallied) FROM commitment_tally t
                WHERE t.cluster_id = k.cluster_id AND t.status = k.status AND t.kind = k.kind), 0)
                AS BIGINT) AS tallied,
            (SELECT COUNT(*) FROM commitment c WHERE c.cluster_id = k.cluster_id
                AND c.status = k.status AND c.kind = k.kind) AS counted
        FROM (SELECT cluster_id, status, kind FROM commitment_tally
              UNION SELECT cluster_id, status, kind FROM commitment) AS k";
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await
        .expect("the tally and the rows");
    assert!(!rows.is_empty(), "some commitments to count");
    rows.iter()
        .filter_map(|row| {
            let get = |column| row.try_get::<i64>("", column).expect(column);
            let (tallied, counted) = (get("tallied"), get("counted"));
            (tallied != counted).then(|| {
                format!(
                    "{}/{}/{}: {tallied} vs {counted}",
                    row.try_get::<i32>("", "cluster_id").expect("cluster_id"),
                    row.try_get::<String>("", "status").expect("status"),
                    row.try_get::<String>("", "kind").expect("kind"),
                )
            })
        })
        .collect()
}

/// The root list `field(arguments)` as a caller with `roles` reads it, paged 100 at a
/// time to the end: its `totalCount` on the last page, and every node's global id in
/// order. `arguments` come before `first`, e.g. `filter: {status: REQUESTED}, `.
pub async fn paged(
    app: &TestApp,
    roles: &[&str],
    field: &str,
    arguments: &str,
) -> (i64, Vec<Value>) {
    let query = format!(
        "query($after: String) {{ {field}({arguments}first: 100, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ id }} }} }}"
    );
    let caller = app.as_roles(roles);
    let mut found = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = caller.data(&query, json!({ "after": after })).await;
        let page = &data[field];
        found.extend(
            page["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .map(|node| node["id"].clone()),
        );
        if !page["pageInfo"]["hasNextPage"]
            .as_bool()
            .expect("hasNextPage")
        {
            return (page["totalCount"].as_i64().expect("totalCount"), found);
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

/// The global id of the neighbourhood with CBS code `code`, as the admin reads it.
pub async fn neighbourhood_id(app: &TestApp, code: &str) -> Value {
    id_by_code(app, "neighbourhoods", code).await
}

/// The global id of the cluster with code `code`, as the admin reads it.
pub async fn cluster_id(app: &TestApp, code: &str) -> Value {
    id_by_code(app, "clusters", code).await
}

/// The id of the first node of the root list `list` filtered by `code`.
async fn id_by_code(app: &TestApp, list: &str, code: &str) -> Value {
    let query =
        format!("query($code: String) {{ {list}(filter: {{code: $code}}) {{ nodes {{ id }} }} }}");
    app.data(&query, json!({ "code": code })).await[list]["nodes"][0]["id"].clone()
}

/// The operations of the audit trail of the object with global id `id`, oldest first, as
/// the admin reads them.
pub async fn audit_operations(app: &TestApp, id: &Value) -> Vec<String> {
    let trail = app
        .data(
            "query($id: ID) { auditTrail(filter: {entityId: $id}) { nodes { operation } } }",
            json!({ "id": id }),
        )
        .await;
    trail["auditTrail"]["nodes"]
        .as_array()
        .expect("audit events")
        .iter()
        .map(|event| {
            event["operation"]
                .as_str()
                .expect("an operation")
                .to_owned()
        })
        .collect()
}

/// The first error's `extensions.code`.
pub fn error_code(response: &Value) -> &str {
    response["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("<none>")
}

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

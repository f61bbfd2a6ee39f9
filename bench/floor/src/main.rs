//! `wijkgraph-floor --listen ADDR --database URL`: one GET route per benchmark query, each
//! running the statements wijkgraph runs for it (as an admin, so without scope conditions)
//! and writing the JSON a GraphQL server would. What remains between this and wijkgraph is
//! the cost of GraphQL, authorization and the generic connection machinery.

use std::collections::HashMap;
use std::str::FromStr;

use axum::extract::{Query, State};
use axum::http::header;
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};

type Answer = Result<([(header::HeaderName, &'static str); 1], String), String>;

fn answer(data: Value) -> Answer {
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        json!({ "data": data }).to_string(),
    ))
}

fn fail(error: sqlx::Error) -> String {
    error.to_string()
}

#[derive(Deserialize)]
struct Args {
    id: Option<i32>,
    cluster: Option<i32>,
    status: Option<String>,
    after: Option<i32>,
}

async fn q1(State(db): State<PgPool>, Query(args): Query<Args>) -> Answer {
    let row = sqlx::query("SELECT id, title, status FROM plan WHERE id = $1")
        .bind(args.id.unwrap_or(1))
        .fetch_optional(&db)
        .await
        .map_err(fail)?;
    answer(json!({ "node": row.map(|r| plan(&r)) }))
}

fn plan(row: &PgRow) -> Value {
    json!({ "id": row.get::<i32, _>("id"), "title": row.get::<String, _>("title"), "status": row.get::<String, _>("status") })
}

async fn q2(State(db): State<PgPool>) -> Answer {
    let rows = sqlx::query(
        "SELECT id, title, status FROM plan ORDER BY year_from DESC, title, id LIMIT 51",
    )
    .fetch_all(&db)
    .await
    .map_err(fail)?;
    let nodes: Vec<Value> = rows.iter().take(50).map(plan).collect();
    answer(json!({ "plans": { "pageInfo": { "hasNextPage": rows.len() > 50 }, "nodes": nodes } }))
}

/// Children of `parents` through `column`, at most `limit` per parent, by id.
async fn lateral(
    db: &PgPool,
    table: &str,
    columns: &str,
    column: &str,
    order: &str,
    parents: &[i32],
    limit: i64,
) -> Result<HashMap<i32, Vec<PgRow>>, String> {
    let sql = format!(
        "SELECT c.*, p.parent FROM unnest($1::int[]) AS p(parent) \
         JOIN LATERAL (SELECT {columns} FROM {table} t WHERE t.{column} = p.parent \
         ORDER BY {order} LIMIT $2) c ON TRUE"
    );
    // Built only from the fixed table and column names of this file.
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(parents)
        .bind(limit)
        .fetch_all(db)
        .await
        .map_err(fail)?;
    let mut by_parent: HashMap<i32, Vec<PgRow>> = HashMap::new();
    for row in rows {
        by_parent.entry(row.get("parent")).or_default().push(row);
    }
    Ok(by_parent)
}

async fn q3(State(db): State<PgPool>) -> Answer {
    let plans =
        sqlx::query("SELECT id, title FROM plan ORDER BY year_from DESC, title, id LIMIT 21")
            .fetch_all(&db)
            .await
            .map_err(fail)?;
    let plan_ids: Vec<i32> = plans.iter().take(20).map(|r| r.get("id")).collect();
    let priorities = lateral(
        &db,
        "priority",
        "t.id, t.title, t.rank",
        "plan_id",
        "t.rank ASC NULLS LAST, t.id",
        &plan_ids,
        6,
    )
    .await?;
    let priority_ids: Vec<i32> = priorities
        .values()
        .flat_map(|rows| rows.iter().take(5).map(|r| r.get::<i32, _>("id")))
        .collect();
    let actions = lateral(
        &db,
        "action",
        "t.id, t.description",
        "priority_id",
        "t.id",
        &priority_ids,
        11,
    )
    .await?;
    let action_ids: Vec<i32> = actions
        .values()
        .flat_map(|rows| rows.iter().take(10).map(|r| r.get::<i32, _>("id")))
        .collect();
    let commitments = lateral(
        &db,
        "commitment",
        "t.id, t.status, t.cluster_id",
        "action_id",
        "t.id",
        &action_ids,
        11,
    )
    .await?;
    let cluster_ids: Vec<i32> = commitments
        .values()
        .flatten()
        .map(|r| r.get::<i32, _>("cluster_id"))
        .collect();
    let clusters: HashMap<i32, String> =
        sqlx::query("SELECT id, code FROM cluster WHERE id = ANY($1)")
            .bind(&cluster_ids)
            .fetch_all(&db)
            .await
            .map_err(fail)?
            .iter()
            .map(|r| (r.get("id"), r.get("code")))
            .collect();
    let empty = Vec::new();
    let nodes: Vec<Value> = plans.iter().take(20).map(|plan| {
        let id: i32 = plan.get("id");
        let priorities: Vec<Value> = priorities.get(&id).unwrap_or(&empty).iter().take(5).map(|priority| {
            let id: i32 = priority.get("id");
            let actions: Vec<Value> = actions.get(&id).unwrap_or(&empty).iter().take(10).map(|action| {
                let id: i32 = action.get("id");
                let commitments: Vec<Value> = commitments.get(&id).unwrap_or(&empty).iter().take(10).map(|c| {
                    let cluster: i32 = c.get("cluster_id");
                    json!({ "id": c.get::<i32, _>("id"), "status": c.get::<String, _>("status"), "cluster": { "code": clusters.get(&cluster) } })
                }).collect();
                json!({ "id": id, "description": action.get::<String, _>("description"), "commitments": { "nodes": commitments } })
            }).collect();
            json!({ "id": id, "title": priority.get::<String, _>("title"), "actions": { "nodes": actions } })
        }).collect();
        json!({ "id": id, "title": plan.get::<String, _>("title"), "priorities": { "nodes": priorities } })
    }).collect();
    answer(json!({ "plans": { "nodes": nodes } }))
}

async fn q4(State(db): State<PgPool>, Query(args): Query<Args>) -> Answer {
    let rows = sqlx::query(
        "SELECT id, amount_cents FROM commitment WHERE cluster_id = $1 AND status = $2 ORDER BY id LIMIT 101",
    )
    .bind(args.cluster.unwrap_or(1))
    .bind(args.status.unwrap_or_else(|| "ACCEPTED".to_owned()))
    .fetch_all(&db)
    .await
    .map_err(fail)?;
    let nodes: Vec<Value> = rows.iter().take(100).map(|r| {
        let cents: Option<i64> = r.get("amount_cents");
        json!({ "id": r.get::<i32, _>("id"), "amount": cents.map(|c| format!("{}.{:02}", c / 100, c % 100)) })
    }).collect();
    answer(json!({ "commitments": { "nodes": nodes } }))
}

async fn fanout(State(db): State<PgPool>) -> Answer {
    let clusters = sqlx::query("SELECT id, code FROM cluster ORDER BY code, id LIMIT 21")
        .fetch_all(&db)
        .await
        .map_err(fail)?;
    let ids: Vec<i32> = clusters.iter().map(|r| r.get("id")).collect();
    let commitments = lateral(&db, "commitment", "t.id", "cluster_id", "t.id", &ids, 6).await?;
    let empty = Vec::new();
    let nodes: Vec<Value> = clusters
        .iter()
        .map(|cluster| {
            let id: i32 = cluster.get("id");
            let page: Vec<Value> = commitments
                .get(&id)
                .unwrap_or(&empty)
                .iter()
                .take(5)
                .map(|c| json!({ "id": c.get::<i32, _>("id") }))
                .collect();
            json!({ "code": cluster.get::<String, _>("code"), "commitments": { "nodes": page } })
        })
        .collect();
    answer(json!({ "clusters": { "nodes": nodes } }))
}

async fn inbox(State(db): State<PgPool>, Query(args): Query<Args>) -> Answer {
    let cluster = args.cluster.unwrap_or(1);
    let rows = sqlx::query(
        "SELECT id, response_deadline::text AS deadline, action_id FROM commitment \
         WHERE cluster_id = $1 AND status = 'REQUESTED' ORDER BY response_deadline, id LIMIT 51",
    )
    .bind(cluster)
    .fetch_all(&db)
    .await
    .map_err(fail)?;
    let total: i64 = sqlx::query(
        "SELECT COUNT(*) FROM commitment WHERE cluster_id = $1 AND status = 'REQUESTED'",
    )
    .bind(cluster)
    .fetch_one(&db)
    .await
    .map_err(fail)?
    .get(0);
    let action_ids: Vec<i32> = rows.iter().map(|r| r.get("action_id")).collect();
    let actions: HashMap<i32, String> =
        sqlx::query("SELECT id, description FROM action WHERE id = ANY($1)")
            .bind(&action_ids)
            .fetch_all(&db)
            .await
            .map_err(fail)?
            .iter()
            .map(|r| (r.get("id"), r.get("description")))
            .collect();
    let nodes: Vec<Value> = rows.iter().take(50).map(|r| {
        let action: i32 = r.get("action_id");
        json!({ "id": r.get::<i32, _>("id"), "responseDeadline": r.get::<String, _>("deadline"), "action": { "description": actions.get(&action) } })
    }).collect();
    answer(json!({ "commitments": { "totalCount": total, "nodes": nodes } }))
}

async fn deep(State(db): State<PgPool>, Query(args): Query<Args>) -> Answer {
    let rows = sqlx::query("SELECT id, status FROM commitment WHERE id > $1 ORDER BY id LIMIT 51")
        .bind(args.after.unwrap_or(0))
        .fetch_all(&db)
        .await
        .map_err(fail)?;
    let nodes: Vec<Value> = rows
        .iter()
        .take(50)
        .map(|r| json!({ "id": r.get::<i32, _>("id"), "status": r.get::<String, _>("status") }))
        .collect();
    answer(
        json!({ "commitments": { "pageInfo": { "hasNextPage": rows.len() > 50 }, "nodes": nodes } }),
    )
}

/// The mutation workload: residents' input recorded for a neighbourhood, in one
/// transaction with its audit event, as wijkgraph's `recordResidentInput` writes it.
async fn record(State(db): State<PgPool>, Query(args): Query<Args>) -> Answer {
    let neighbourhood = args.id.unwrap_or(1);
    let mut tx = db.begin().await.map_err(fail)?;
    sqlx::query("SELECT id, code, name FROM neighbourhood WHERE id = $1")
        .bind(neighbourhood)
        .fetch_one(&mut *tx)
        .await
        .map_err(fail)?;
    let row = sqlx::query(
        "INSERT INTO resident_input (neighbourhood_id, source, received_on, summary, outcome, version)
         VALUES ($1, 'SURVEY', DATE '2026-11-01', 'Meer groen in de straat', 'PENDING', 1)
         RETURNING id, summary, outcome",
    )
    .bind(neighbourhood)
    .fetch_one(&mut *tx)
    .await
    .map_err(fail)?;
    let id = row.get::<i32, _>("id");
    let after = json!({ "id": id, "neighbourhood_id": neighbourhood, "summary": row.get::<String, _>("summary") });
    sqlx::query(
        "INSERT INTO audit_event (occurred_at, subject, grants, entity, entity_id, operation, after)
         VALUES (now(), 'bench', 'neighbourhood_manager', 'ResidentInput', $1, 'recordResidentInput', $2)",
    )
    .bind(id)
    .bind(after.to_string())
    .execute(&mut *tx)
    .await
    .map_err(fail)?;
    tx.commit().await.map_err(fail)?;
    answer(json!({ "recordResidentInput": { "residentInput": {
        "id": id, "summary": row.get::<String, _>("summary"), "outcome": row.get::<String, _>("outcome") } } }))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut listen, mut database) = (String::from("127.0.0.1:8090"), String::new());
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--listen" => listen = args.next().unwrap_or_default(),
            "--database" => database = args.next().unwrap_or_default(),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    // wijkgraph's pool policy: a connection is pinged before use only after sitting idle,
    // and plans each statement once (plan_cache_mode, as wijkgraph's serving pool sets it).
    let options = PgConnectOptions::from_str(&database)?
        .options([("plan_cache_mode", "force_generic_plan")]);
    let db = PgPoolOptions::new()
        .max_connections(16)
        .test_before_acquire(false)
        .before_acquire(|connection, meta| {
            Box::pin(async move {
                if meta.idle_for >= std::time::Duration::from_millis(250) {
                    sqlx::Connection::ping(connection).await?;
                }
                Ok(true)
            })
        })
        .connect_with(options)
        .await?;
    let app = axum::Router::new()
        .route("/q1", get(q1))
        .route("/q2", get(q2))
        .route("/q3", get(q3))
        .route("/q4", get(q4))
        .route("/fanout", get(fanout))
        .route("/inbox", get(inbox))
        .route("/deep", get(deep))
        .route("/record", get(record))
        .with_state(db);
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    axum::serve(listener, app.into_make_service()).await?;
    Ok(())
}

//! The example reporting script in `examples/`, run as a user would, gets the same totals
//! as the database.

use std::collections::BTreeMap;
use std::process::Command;

use sea_orm::{ConnectionTrait, Statement};

use crate::helpers::{Engine, spawn_app, token_for};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reporting_script_writes_the_databases_totals_per_cluster_per_neighbourhood() {
    let app = spawn_app(Engine::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.csv");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/commitments_report.py"
    );
    let token = token_for(&app.config, &["controller"]);
    let url = format!("{}/graphql", app.address);
    let status = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(script)
            .args(["--url", &url, "--out"])
            .arg(&out)
            .env("WIJKGRAPH_TOKEN", token)
            .status()
    })
    .await
    .unwrap()
    .expect("python3 runs the example");
    assert!(status.success());
    let csv = std::fs::read_to_string(dir.path().join("report.csv")).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("cluster,neighbourhood_code")
    );
    let mut from_script = BTreeMap::new();
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        let amount = fields[fields.len() - 2]
            .replace('.', "")
            .parse::<i64>()
            .unwrap();
        from_script.insert(
            (fields[0].to_owned(), fields[1].to_owned()),
            (fields[3].parse::<i64>().unwrap(), amount),
        );
    }
    let sql = "SELECT cl.code AS cluster, n.code AS hood, CAST(COUNT(*) AS BIGINT) AS count,
                      CAST(COALESCE(SUM(CASE WHEN c.status IN ('ACCEPTED', 'ACCEPTED_WITH_RESERVATION', 'DELIVERED') THEN c.amount_cents END), 0) AS BIGINT) AS amount
               FROM commitment c JOIN cluster cl ON cl.id = c.cluster_id JOIN action a ON a.id = c.action_id
               JOIN priority p ON p.id = a.priority_id JOIN plan pl ON pl.id = p.plan_id JOIN neighbourhood n ON n.id = pl.neighbourhood_id
               GROUP BY cl.code, n.code";
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap();
    let from_database: BTreeMap<(String, String), (i64, i64)> = rows
        .iter()
        .map(|r| {
            (
                (
                    r.try_get("", "cluster").unwrap(),
                    r.try_get("", "hood").unwrap(),
                ),
                (
                    r.try_get("", "count").unwrap(),
                    r.try_get("", "amount").unwrap(),
                ),
            )
        })
        .collect();
    assert!(!from_database.is_empty());
    assert_eq!(from_script, from_database);
}

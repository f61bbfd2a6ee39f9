//! `budgetSummary` totals equal the SQL ground truth of each role's reach.

use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, run_on_both_databases};

mod served;
mod totals;

const BY_CLUSTER: &str = "query($asOf: PncPhase) { budgetSummary(groupBy: [CLUSTER], filter: {year: 2016}, asOf: $asOf) { cluster { code } budgeted revised realised committed lines } }";

/// Per cluster code: (budgeted cents, realised cents, lines) of the 2016 lines meeting `lines_where`.
async fn truth(app: &TestApp, lines_where: &str) -> Vec<(String, i64, i64, i64)> {
    let sql = format!(
        "SELECT c.code AS code,
                CAST(COALESCE(SUM(CASE WHEN a.phase = 'BUDGET' THEN a.amount_cents END), 0) AS BIGINT) AS budgeted,
                CAST(COALESCE(SUM(CASE WHEN a.phase = 'ANNUAL_ACCOUNTS' THEN a.amount_cents END), 0) AS BIGINT) AS realised,
                CAST(COUNT(DISTINCT l.id) AS BIGINT) AS lines
         FROM budget_line l JOIN cluster c ON c.id = l.cluster_id LEFT JOIN budget_line_amount a ON a.budget_line_id = l.id
         WHERE l.year = 2016 AND ({lines_where}) GROUP BY c.code ORDER BY c.code"
    );
    let rows = app
        .db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            (
                r.try_get("", "code").unwrap(),
                r.try_get("", "budgeted").unwrap(),
                r.try_get("", "realised").unwrap(),
                r.try_get("", "lines").unwrap(),
            )
        })
        .collect()
}

fn cents(value: &Value) -> i64 {
    let decimal: Decimal = value.as_str().unwrap().parse().unwrap();
    i64::try_from(decimal * Decimal::ONE_HUNDRED).unwrap()
}

fn answered(data: &Value) -> Vec<(String, i64, i64, i64)> {
    let mut rows: Vec<_> = data["budgetSummary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["cluster"]["code"].as_str().unwrap().to_owned(),
                cents(&r["budgeted"]),
                cents(&r["realised"]),
                r["lines"].as_i64().unwrap(),
            )
        })
        .collect();
    rows.sort();
    rows
}

const FEIJENOORD_LINES: &str = "l.area_id = (SELECT id FROM area WHERE code = 'WK059910') OR l.neighbourhood_id IN (SELECT id FROM neighbourhood WHERE area_id = (SELECT id FROM area WHERE code = 'WK059910'))";

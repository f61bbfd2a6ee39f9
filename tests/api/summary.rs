//! `budgetSummary` totals equal the SQL ground truth of each role's reach.

use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, run_on_both_databases};

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

async fn budget_summary_totals_equal_the_database_within_each_roles_reach(app: TestApp) {
    for (roles, lines_where) in [
        (vec!["controller"], "1 = 1"),
        (vec!["cluster_member:MO"], "c.code = 'MO'"),
        (vec!["cluster_manager:SB"], "c.code = 'SB'"),
        (vec!["area_director:WK059910"], FEIJENOORD_LINES),
        (vec![], "1 = 0"),
        (vec!["committee_member:WK059910"], "1 = 0"),
    ] {
        let data = app.as_roles(&roles).data(BY_CLUSTER, json!({})).await;
        let mut expected = truth(&app, lines_where).await;
        if roles == ["area_director:WK059910"] {
            // Totals-only callers get no single line's figures.
            for row in &mut expected {
                if row.3 == 1 {
                    (row.1, row.2) = (0, 0);
                }
            }
        }
        assert_eq!(answered(&data), expected, "{roles:?}");
    }
}

run_on_both_databases!(budget_summary_totals_equal_the_database_within_each_roles_reach);

async fn an_area_director_gets_totals_but_no_line_detail(app: TestApp) {
    let director = app.as_roles(&["area_director:WK059910"]);
    let detail = director
        .data(
            "{ budgetSummary(groupBy: [PRODUCT]) { lines } budgetLines { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(detail["budgetSummary"], json!([]));
    assert_eq!(detail["budgetLines"]["totalCount"], 0);
    let per_cluster = director
        .data(
            "{ budgetSummary(groupBy: [CLUSTER, AREA]) { area { code } } }",
            json!({}),
        )
        .await;
    for row in per_cluster["budgetSummary"].as_array().unwrap() {
        assert_eq!(row["area"]["code"], "WK059910");
    }
}

run_on_both_databases!(an_area_director_gets_totals_but_no_line_detail);

async fn as_of_answers_what_stood_at_a_phase(app: TestApp) {
    let query = r#"query($asOf: PncPhase) { budgetSummary(groupBy: [PRODUCT, AREA], filter: {year: 2016}, asOf: $asOf) { product { code } area { code } budgeted revised realised } }"#;
    let row = |data: Value| {
        data["budgetSummary"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["product"]["code"] == "MO-VRW" && r["area"]["code"] == "WK059912")
            .unwrap()
            .clone()
    };
    let controller = app.as_roles(&["controller"]);
    let budget = row(controller.data(query, json!({ "asOf": "BUDGET" })).await);
    let spring = row(controller
        .data(query, json!({ "asOf": "SPRING_REVISION" }))
        .await);
    let year_end = row(controller.data(query, json!({})).await);
    // The area line (1,100,000, +150,000 in spring) and the Lombardijen desk (150,000).
    assert_eq!(
        (budget["revised"].as_str(), budget["realised"].as_str()),
        (Some("1250000.00"), Some("0.00"))
    );
    assert_eq!(spring["revised"], "1400000.00");
    assert_eq!(year_end["realised"], "1358000.00");
    assert_eq!(year_end["budgeted"], "1250000.00");
}

run_on_both_databases!(as_of_answers_what_stood_at_a_phase);

async fn a_totals_only_caller_gets_no_group_made_of_a_single_line_but_its_own_cluster_does(
    app: TestApp,
) {
    // One 2031 line in Feijenoord, for cluster MO: alone in its group.
    for sql in [
        "INSERT INTO budget_line (cluster_id, product_id, area_id, year, kind, description, capacity_hours_centi, version)
         SELECT (SELECT id FROM cluster WHERE code = 'MO'), (SELECT MIN(id) FROM product),
                (SELECT id FROM area WHERE code = 'WK059910'), 2031, 'EXPENSES', 'Eén regel', 120000, 1",
        "INSERT INTO budget_line_amount (budget_line_id, phase, amount_cents)
         SELECT MAX(id), 'BUDGET', 4200000 FROM budget_line",
    ] {
        app.db.execute_unprepared(sql).await.unwrap();
    }
    const QUERY: &str = "{ budgetSummary(groupBy: [CLUSTER], filter: {year: 2031}) { cluster { code } lines budgeted capacityHours suppressed } }";
    let controller = app.as_roles(&["controller"]).data(QUERY, json!({})).await;
    assert_eq!(
        controller["budgetSummary"],
        json!([{ "cluster": { "code": "MO" }, "lines": 1, "budgeted": "42000.00", "capacityHours": "1200.00", "suppressed": false }])
    );
    // The line's own cluster reads the line: its group of one is no secret to it.
    let cluster = app
        .as_roles(&["cluster_member:MO"])
        .data(QUERY, json!({}))
        .await;
    assert_eq!(cluster["budgetSummary"], controller["budgetSummary"]);
    let director = app
        .as_roles(&["area_director:WK059910"])
        .data(QUERY, json!({}))
        .await;
    assert_eq!(
        director["budgetSummary"],
        json!([{ "cluster": { "code": "MO" }, "lines": 1, "budgeted": "0.00", "capacityHours": "0.00", "suppressed": true }])
    );
    // A second line makes a group of two: totals again.
    app.db
        .execute_unprepared(
            "INSERT INTO budget_line (cluster_id, product_id, area_id, year, kind, description, capacity_hours_centi, version)
             SELECT cluster_id, product_id, area_id, year, kind, 'Tweede regel', 80000, 1 FROM budget_line WHERE year = 2031",
        )
        .await
        .unwrap();
    let director = app
        .as_roles(&["area_director:WK059910"])
        .data(QUERY, json!({}))
        .await;
    assert_eq!(
        director["budgetSummary"],
        json!([{ "cluster": { "code": "MO" }, "lines": 2, "budgeted": "42000.00", "capacityHours": "2000.00", "suppressed": false }])
    );
}

run_on_both_databases!(
    a_totals_only_caller_gets_no_group_made_of_a_single_line_but_its_own_cluster_does
);

async fn totals_without_group_by_are_one_row_and_over_no_line_no_row(app: TestApp) {
    let query = "query($year: Int) { budgetSummary(groupBy: [], filter: {year: $year}) { lines budgeted } }";
    let all = app.data(query, json!({ "year": 2016 })).await;
    let rows = all["budgetSummary"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{all}");
    let lines = truth(&app, "1 = 1")
        .await
        .iter()
        .map(|(_, _, _, lines)| lines)
        .sum::<i64>();
    assert_eq!(rows[0]["lines"], lines);
    // A year without lines, and a caller who may add up none: no row, not an error.
    let none = app.data(query, json!({ "year": 1999 })).await;
    assert_eq!(none["budgetSummary"], json!([]));
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let theirs = manager.graphql(query, json!({ "year": 2016 })).await;
    assert!(theirs["errors"].is_null(), "{theirs}");
}

run_on_both_databases!(totals_without_group_by_are_one_row_and_over_no_line_no_row);

/// Per served neighbourhood code: committed cents and commitments of the drawing
/// commitments on 2016 lines that meet `commitments_where` (over `c`), by SQL.
async fn served_truth(app: &TestApp, commitments_where: &str) -> Vec<(Option<String>, i64, i64)> {
    let sql = format!(
        "SELECT n.code AS code, CAST(SUM(COALESCE(c.amount_cents, 0)) AS BIGINT) AS committed, CAST(COUNT(*) AS BIGINT) AS n
         FROM commitment c JOIN action a ON a.id = c.action_id JOIN priority p ON p.id = a.priority_id
         JOIN plan pl ON pl.id = p.plan_id LEFT JOIN neighbourhood n ON n.id = pl.neighbourhood_id
         JOIN budget_line l ON l.id = c.budget_line_id
         WHERE l.year = 2016 AND c.status IN ('ACCEPTED', 'ACCEPTED_WITH_RESERVATION', 'DELIVERED') AND ({commitments_where})
         GROUP BY n.code ORDER BY n.code"
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
                r.try_get("", "committed").unwrap(),
                r.try_get("", "n").unwrap(),
            )
        })
        .collect()
}

async fn committed_money_groups_by_the_neighbourhood_each_commitment_serves_within_the_callers_money_reach(
    app: TestApp,
) {
    let query = "{ budgetSummary(groupBy: [SERVED_NEIGHBOURHOOD], filter: {year: 2016}) { servedNeighbourhood { code } committed commitments budgeted } }";
    let feijenoord = "pl.area_id = (SELECT id FROM area WHERE code = 'WK059910')";
    let mo = "c.cluster_id = (SELECT id FROM cluster WHERE code = 'MO')";
    for (caller, reach) in [
        ("controller", "1 = 1"),
        ("area_director:WK059910", feijenoord),
        ("cluster_member:MO", mo),
    ] {
        let data = app.as_roles(&[caller]).data(query, json!({})).await;
        let rows: Vec<(Option<String>, i64, i64)> = data["budgetSummary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                assert_eq!(
                    row["budgeted"], "0.00",
                    "{caller}: line figures are not split"
                );
                (
                    row["servedNeighbourhood"]["code"]
                        .as_str()
                        .map(str::to_owned),
                    cents(&row["committed"]),
                    row["commitments"].as_i64().unwrap(),
                )
            })
            .collect();
        let mut expected = served_truth(&app, reach).await;
        let mut rows = rows;
        rows.sort();
        expected.sort();
        assert!(
            !expected.is_empty(),
            "{caller}: the demo has commitments to report"
        );
        assert_eq!(rows, expected, "{caller}");
    }
    // The pilot's commitments draw on area lines, yet each lands under its own neighbourhood.
    let controller = app.as_roles(&["controller"]).data(query, json!({})).await;
    let named = controller["budgetSummary"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["servedNeighbourhood"].is_object())
        .count();
    assert!(named >= 10, "{controller}");
    let mixed = app
        .as_roles(&["controller"])
        .graphql(
            "{ budgetSummary(groupBy: [SERVED_NEIGHBOURHOOD, PRODUCT]) { committed } }",
            json!({}),
        )
        .await;
    assert_eq!(
        mixed["errors"][0]["extensions"]["field"], "groupBy",
        "{mixed}"
    );
}

run_on_both_databases!(committed_money_groups_by_the_neighbourhood_each_commitment_serves_within_the_callers_money_reach);

/// One served group as (neighbourhood, cluster, year, committed, delivered, hours,
/// commitments, lines), money and hours in hundredths.
type ServedGroup = (Option<String>, String, i64, i64, i64, i64, i64, i64);

async fn served_groups_by_cluster_and_year_total_delivered_money_hours_and_lines_like_sql(
    app: TestApp,
) {
    let query = "{ budgetSummary(groupBy: [SERVED_NEIGHBOURHOOD, CLUSTER, YEAR], filter: {year: 2016}) { servedNeighbourhood { code } cluster { code } year committed delivered committedHours commitments lines } }";
    let data = app.as_roles(&["controller"]).data(query, json!({})).await;
    let mut rows: Vec<ServedGroup> = data["budgetSummary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["servedNeighbourhood"]["code"]
                    .as_str()
                    .map(str::to_owned),
                row["cluster"]["code"].as_str().unwrap().to_owned(),
                row["year"].as_i64().unwrap(),
                cents(&row["committed"]),
                cents(&row["delivered"]),
                cents(&row["committedHours"]),
                row["commitments"].as_i64().unwrap(),
                row["lines"].as_i64().unwrap(),
            )
        })
        .collect();
    let sql = "SELECT n.code AS code, cl.code AS cluster, l.year AS year,
         CAST(SUM(COALESCE(c.amount_cents, 0)) AS BIGINT) AS committed,
         CAST(SUM(CASE WHEN c.status = 'DELIVERED' THEN COALESCE(c.amount_cents, 0) ELSE 0 END) AS BIGINT) AS delivered,
         CAST(SUM(COALESCE(c.hours_centi, 0)) AS BIGINT) AS hours,
         CAST(COUNT(*) AS BIGINT) AS n, CAST(COUNT(DISTINCT c.budget_line_id) AS BIGINT) AS lines
         FROM commitment c JOIN action a ON a.id = c.action_id JOIN priority p ON p.id = a.priority_id
         JOIN plan pl ON pl.id = p.plan_id LEFT JOIN neighbourhood n ON n.id = pl.neighbourhood_id
         JOIN budget_line l ON l.id = c.budget_line_id JOIN cluster cl ON cl.id = l.cluster_id
         WHERE l.year = 2016 AND c.status IN ('ACCEPTED', 'ACCEPTED_WITH_RESERVATION', 'DELIVERED')
         GROUP BY n.code, cl.code, l.year";
    let truth = app
        .db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    let mut expected: Vec<ServedGroup> = truth
        .iter()
        .map(|r| {
            (
                r.try_get("", "code").unwrap(),
                r.try_get("", "cluster").unwrap(),
                i64::from(r.try_get::<i32>("", "year").unwrap()),
                r.try_get("", "committed").unwrap(),
                r.try_get("", "delivered").unwrap(),
                r.try_get("", "hours").unwrap(),
                r.try_get("", "n").unwrap(),
                r.try_get("", "lines").unwrap(),
            )
        })
        .collect();
    rows.sort();
    expected.sort();
    assert!(
        expected.iter().any(|group| group.4 > 0 && group.5 > 0),
        "the demo has delivered money and committed hours to report"
    );
    assert!(
        expected
            .iter()
            .map(|group| &group.1)
            .collect::<std::collections::HashSet<_>>()
            .len()
            > 1,
        "several clusters"
    );
    assert_eq!(rows, expected);
}

run_on_both_databases!(
    served_groups_by_cluster_and_year_total_delivered_money_hours_and_lines_like_sql
);

//! Committed money by the neighbourhood each commitment serves, against SQL.

use super::*;

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

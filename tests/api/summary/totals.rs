//! Totals by phase and group, within each role's reach, with no group made of one line
//! for a totals-only caller.

use super::*;

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

/// The error of a summary refused for its size: code, field, cost and limit.
fn refusal(response: &Value) -> (String, String, u64, u64) {
    let extensions = &response["errors"][0]["extensions"];
    (
        extensions["code"].as_str().unwrap_or_default().to_owned(),
        extensions["field"].as_str().unwrap_or_default().to_owned(),
        extensions["cost"].as_u64().unwrap_or_default(),
        extensions["limit"].as_u64().unwrap_or_default(),
    )
}

async fn a_summary_returns_only_as_many_groups_and_linked_objects_as_the_cost_limit_leaves_room_for(
    app: TestApp,
) {
    let admin = app.as_roles(&["admin"]);
    let ask = |query: &'static str| admin.graphql(query, json!({}));
    // The demo's 2016 lines belong to seven clusters: seven objects, within the limit of 10.
    let by_cluster =
        ask("{ budgetSummary(groupBy: [CLUSTER], filter: {year: 2016}) { lines } }").await;
    assert_eq!(
        by_cluster["data"]["budgetSummary"].as_array().map(Vec::len),
        Some(7),
        "{by_cluster}"
    );
    // With each group's cluster, fourteen: refused before the sixth group.
    let with_cluster = ask(
        "{ budgetSummary(groupBy: [CLUSTER], filter: {year: 2016}) { lines cluster { code } } }",
    )
    .await;
    assert_eq!(
        refusal(&with_cluster),
        ("BAD_USER_INPUT".into(), "groupBy".into(), 12, 10)
    );
    assert!(with_cluster["data"].is_null(), "{with_cluster}");
    // Ten groups fit exactly; thirteen do not.
    let served = ask("{ budgetSummary(groupBy: [SERVED_NEIGHBOURHOOD]) { lines } }").await;
    assert_eq!(
        served["data"]["budgetSummary"].as_array().map(Vec::len),
        Some(10),
        "{served}"
    );
    let per_line =
        ask("{ budgetSummary(groupBy: [NEIGHBOURHOOD, PRODUCT, YEAR]) { lines } }").await;
    assert_eq!(
        refusal(&per_line),
        ("BAD_USER_INPUT".into(), "groupBy".into(), 11, 10)
    );
    // The rest of the query counts first: five plans leave room for five groups.
    let beside_plans = ask(
        "{ plans(first: 5) { nodes { id } } budgetSummary(groupBy: [CLUSTER], filter: {year: 2016}) { lines } }",
    )
    .await;
    assert_eq!(
        refusal(&beside_plans),
        ("BAD_USER_INPUT".into(), "groupBy".into(), 11, 10)
    );
}

run_on_both_databases!(
    with [("WIJKGRAPH_MAX_COST", "10")] =>
    a_summary_returns_only_as_many_groups_and_linked_objects_as_the_cost_limit_leaves_room_for
);

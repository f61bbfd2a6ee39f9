//! The read API over the demo data: lists, filters, ordering, pagination, node lookups and
//! relations in both directions.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, run_on_both_databases};

fn names(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn the_demo_has_all_fourteen_areas(app: TestApp) {
    let data = app.data("{ areas { totalCount } }", json!({})).await;
    assert_eq!(data["areas"]["totalCount"], 14);
}

run_on_both_databases!(the_demo_has_all_fourteen_areas);

async fn the_pilot_has_ten_neighbourhoods_in_three_areas(app: TestApp) {
    let data = app.data(
        "{ neighbourhoods(filter: {pilot2016: true}, first: 100) { totalCount nodes { name area { name } } } }",
        json!({}),
    ).await;
    assert_eq!(data["neighbourhoods"]["totalCount"], 10);
    let mut per_area = std::collections::BTreeMap::new();
    for node in data["neighbourhoods"]["nodes"].as_array().unwrap() {
        *per_area
            .entry(node["area"]["name"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    assert_eq!(per_area.get("Overschie"), Some(&2));
    assert_eq!(per_area.get("Hillegersberg-Schiebroek"), Some(&1));
    assert_eq!(per_area.get("Feijenoord"), Some(&7));
}

run_on_both_databases!(the_pilot_has_ten_neighbourhoods_in_three_areas);

async fn paging_forward_and_backward_visits_every_neighbourhood_once(app: TestApp) {
    let query = "query($after: String, $before: String, $first: Int, $last: Int) {
        neighbourhoods(first: $first, after: $after, last: $last, before: $before, orderBy: [{field: NAME}]) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } }
        } }";
    let mut forward = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = app.data(query, json!({ "first": 7, "after": after })).await;
        let page = &data["neighbourhoods"];
        for edge in page["edges"].as_array().unwrap() {
            forward.push(edge["node"]["name"].as_str().unwrap().to_owned());
        }
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    let total = app
        .data("{ neighbourhoods { totalCount } }", json!({}))
        .await["neighbourhoods"]["totalCount"]
        .as_u64()
        .unwrap();
    assert_eq!(forward.len() as u64, total);
    let mut sorted = forward.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        forward.len(),
        "a neighbourhood appeared twice"
    );

    let mut backward = Vec::new();
    let mut before = Value::Null;
    loop {
        let data = app
            .data(query, json!({ "last": 9, "before": before }))
            .await;
        let page = &data["neighbourhoods"];
        let mut chunk: Vec<String> = page["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["name"].as_str().unwrap().to_owned())
            .collect();
        chunk.extend(backward);
        backward = chunk;
        if !page["pageInfo"]["hasPreviousPage"].as_bool().unwrap() {
            break;
        }
        before = page["pageInfo"]["startCursor"].clone();
    }
    assert_eq!(backward, forward);
}

run_on_both_databases!(paging_forward_and_backward_visits_every_neighbourhood_once);

async fn ordering_follows_order_by_with_the_id_breaking_ties(app: TestApp) {
    let asc = app
        .data(
            "{ areas(orderBy: [{field: NAME}], first: 100) { nodes { name } } }",
            json!({}),
        )
        .await;
    let desc = app
        .data(
            "{ areas(orderBy: [{field: NAME, direction: DESC}], first: 100) { nodes { name } } }",
            json!({}),
        )
        .await;
    let mut asc_names = names(&asc["areas"]);
    let mut expected = asc_names.clone();
    expected.sort();
    assert_eq!(asc_names, expected);
    asc_names.reverse();
    assert_eq!(names(&desc["areas"]), asc_names);
}

run_on_both_databases!(ordering_follows_order_by_with_the_id_breaking_ties);

async fn filters_select_commitments_by_status_and_overdue(app: TestApp) {
    let count =
        |status: &str| format!("{{ commitments(filter: {{status: {status}}}) {{ totalCount }} }}");
    let rejected = app.data(&count("REJECTED"), json!({})).await;
    assert_eq!(rejected["commitments"]["totalCount"], 2);
    let reserved = app
        .data(&count("ACCEPTED_WITH_RESERVATION"), json!({}))
        .await;
    assert_eq!(reserved["commitments"]["totalCount"], 1);
    let overdue = app
        .data(
            "{ commitments(filter: {overdue: true}) { totalCount nodes { status overdue } } }",
            json!({}),
        )
        .await;
    assert_eq!(overdue["commitments"]["totalCount"], 1);
    assert_eq!(overdue["commitments"]["nodes"][0]["status"], "REQUESTED");
    assert_eq!(overdue["commitments"]["nodes"][0]["overdue"], true);
    let every_status = app
        .data("{ commitments(first: 100) { totalCount } }", json!({}))
        .await;
    let not_overdue = app
        .data(
            "{ commitments(filter: {overdue: false}) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        not_overdue["commitments"]["totalCount"].as_u64().unwrap() + 1,
        every_status["commitments"]["totalCount"].as_u64().unwrap()
    );
}

run_on_both_databases!(filters_select_commitments_by_status_and_overdue);

fn sorted_ids(nodes: impl Iterator<Item = Value>) -> Vec<String> {
    let mut ids: Vec<String> = nodes.map(|node| node["id"].to_string()).collect();
    ids.sort();
    ids
}

async fn actions_filtered_by_plan_are_exactly_the_actions_of_its_priorities(app: TestApp) {
    let plans = app
        .data(
            r#"{ plans(filter: {titleContains: "Afrikaanderwijk 2016"}) { nodes { id
                priorities { nodes { actions(first: 100) { nodes { id } } } } } } }"#,
            json!({}),
        )
        .await;
    let plan = &plans["plans"]["nodes"][0];
    let expected = sorted_ids(
        plan["priorities"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|priority| priority["actions"]["nodes"].as_array().unwrap().clone()),
    );
    assert!(!expected.is_empty(), "{plans}");
    let query = "query($id: ID) { actions(first: 100, filter: {planId: $id}) { nodes { id } } }";
    let filtered = app.data(query, json!({ "id": plan["id"] })).await;
    let found = sorted_ids(
        filtered["actions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .cloned(),
    );
    assert_eq!(found, expected);
}

run_on_both_databases!(actions_filtered_by_plan_are_exactly_the_actions_of_its_priorities);

async fn name_filters_match_case_insensitively_and_treat_wildcards_literally(app: TestApp) {
    let data = app
        .data(
            r#"{ neighbourhoods(filter: {nameContains: "IJSSEL"}) { nodes { name } } }"#,
            json!({}),
        )
        .await;
    let mut found = names(&data["neighbourhoods"]);
    found.sort();
    assert_eq!(found, ["Groot-IJsselmonde", "Oud-IJsselmonde"]);
    let wildcard = app
        .data(
            r#"{ neighbourhoods(filter: {nameContains: "%"}) { totalCount } }"#,
            json!({}),
        )
        .await;
    assert_eq!(wildcard["neighbourhoods"]["totalCount"], 0);
}

run_on_both_databases!(name_filters_match_case_insensitively_and_treat_wildcards_literally);

async fn node_finds_any_object_by_its_global_id_and_null_for_unknown_ids(app: TestApp) {
    let data = app
        .data(
            r#"{ areas(filter: {code: "WK059910"}) { nodes { id } } }"#,
            json!({}),
        )
        .await;
    let id = data["areas"]["nodes"][0]["id"].clone();
    let node = app
        .data(
            "query($id: ID!) { node(id: $id) { id ... on Area { name code } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(node["node"]["name"], "Feijenoord");
    assert_eq!(node["node"]["id"], id);
    for unknown in ["QXJlYTo5OTk5OQ", "not-an-id", "UGxhbjow"] {
        let missing = app
            .data(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": unknown }),
            )
            .await;
        assert_eq!(missing["node"], Value::Null, "{unknown}");
    }
}

run_on_both_databases!(node_finds_any_object_by_its_global_id_and_null_for_unknown_ids);

async fn relations_lead_from_a_commitment_up_to_its_area_and_back_down(app: TestApp) {
    let data = app.data(
        "{ commitments(filter: {status: ACCEPTED_WITH_RESERVATION}) { nodes { id reason cluster { code }
            action { priority { plan { title neighbourhood { name area { code } } } } } } } }",
        json!({}),
    ).await;
    let commitment = &data["commitments"]["nodes"][0];
    assert!(
        commitment["reason"]
            .as_str()
            .unwrap()
            .contains("niet tijdig")
    );
    let plan = &commitment["action"]["priority"]["plan"];
    let neighbourhood = plan["neighbourhood"]["name"].as_str().unwrap().to_owned();
    let area = plan["neighbourhood"]["area"]["code"]
        .as_str()
        .unwrap()
        .to_owned();

    let down = app.data(
        "query($code: String) { areas(filter: {code: $code}) { nodes { neighbourhoods(first: 100) { nodes { name
            plans { nodes { priorities { nodes { actions { nodes { commitments { nodes { id } } } } } } } } } } } } }",
        json!({ "code": area }),
    ).await;
    let ids: Vec<Value> = down["areas"]["nodes"][0]["neighbourhoods"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["name"] == neighbourhood.as_str())
        .flat_map(|n| n["plans"]["nodes"].as_array().unwrap().clone())
        .flat_map(|p| p["priorities"]["nodes"].as_array().unwrap().clone())
        .flat_map(|p| p["actions"]["nodes"].as_array().unwrap().clone())
        .flat_map(|a| a["commitments"]["nodes"].as_array().unwrap().clone())
        .map(|c| c["id"].clone())
        .collect();
    assert!(ids.contains(&commitment["id"]));
}

run_on_both_databases!(relations_lead_from_a_commitment_up_to_its_area_and_back_down);

async fn each_pilot_plan_has_five_ranked_priorities_and_fifteen_smart_actions(app: TestApp) {
    let data = app.data(
        "{ plans(filter: {kind: NEIGHBOURHOOD_ACTION_PLAN, year: 2016, status: ADOPTED}, first: 100) { totalCount nodes {
            priorities { totalCount nodes { rank actions { totalCount nodes { responsiblePerson measurableTarget deadline leadCluster { code } } } } } } } }",
        json!({}),
    ).await;
    assert_eq!(data["plans"]["totalCount"], 10);
    for plan in data["plans"]["nodes"].as_array().unwrap() {
        // Dropped priorities (the merged plan's) follow the active ones without a rank.
        let active: Vec<&Value> = plan["priorities"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| !p["rank"].is_null())
            .collect();
        let ranks: Vec<i64> = active.iter().map(|p| p["rank"].as_i64().unwrap()).collect();
        assert_eq!(ranks, [1, 2, 3, 4, 5]);
        let actions: Vec<&Value> = active
            .iter()
            .flat_map(|p| p["actions"]["nodes"].as_array().unwrap())
            .collect();
        assert_eq!(actions.len(), 15);
        for action in actions {
            for field in ["responsiblePerson", "measurableTarget", "deadline"] {
                assert!(action[field].is_string(), "{field} missing: {action}");
            }
            assert!(action["leadCluster"]["code"].is_string());
        }
    }
}

run_on_both_databases!(each_pilot_plan_has_five_ranked_priorities_and_fifteen_smart_actions);

async fn budget_lines_carry_exact_amounts_per_phase(app: TestApp) {
    let data = app.data(
        r#"{ budgetLines(filter: {year: 2016}, first: 100) { totalCount nodes { description budgeted revised realised amounts { phase amount } } } }"#,
        json!({}),
    ).await;
    let lines = data["budgetLines"]["nodes"].as_array().unwrap();
    assert_eq!(
        data["budgetLines"]["totalCount"].as_u64().unwrap() as usize,
        lines.len()
    );
    let vraagwijzer = lines
        .iter()
        .find(|l| l["description"] == "MO-VRW WK059912 2016")
        .unwrap();
    assert_eq!(vraagwijzer["budgeted"], "1100000.00");
    assert_eq!(vraagwijzer["revised"], "1250000.00");
    assert_eq!(vraagwijzer["realised"], "1212500.00");
    let phases: Vec<&str> = vraagwijzer["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["phase"].as_str().unwrap())
        .collect();
    assert_eq!(
        phases,
        [
            "BUDGET",
            "SPRING_REVISION",
            "AUTUMN_REVISION",
            "TEN_MONTH_REPORT",
            "ANNUAL_ACCOUNTS"
        ]
    );
}

run_on_both_databases!(budget_lines_carry_exact_amounts_per_phase);

async fn a_team_keeps_its_history_through_staff_turnover(app: TestApp) {
    let data = app.data(
        r#"{ neighbourhoods(filter: {code: "BU05990451"}) { nodes { id teamMemberships(first: 100) { totalCount nodes { validFrom validTo role cluster { code } person { name } } } } } }"#,
        json!({}),
    ).await;
    let hood = &data["neighbourhoods"]["nodes"][0];
    let members = hood["teamMemberships"]["nodes"].as_array().unwrap();
    let sb: Vec<&Value> = members
        .iter()
        .filter(|m| m["cluster"]["code"] == "SB" && m["role"] == "CLUSTER_REPRESENTATIVE")
        .collect();
    assert_eq!(sb.len(), 2, "former and current SB representative");
    assert!(sb.iter().any(|m| m["validTo"] == "2016-05-31"));
    let on = |date: &str| json!({ "id": hood["id"], "date": date });
    let query = "query($id: ID, $date: NaiveDate) { teamMemberships(filter: {neighbourhoodId: $id, activeOn: $date}, first: 100) { totalCount } }";
    let march = app.data(query, on("2016-03-01")).await["teamMemberships"]["totalCount"]
        .as_u64()
        .unwrap();
    let july = app.data(query, on("2016-07-01")).await["teamMemberships"]["totalCount"]
        .as_u64()
        .unwrap();
    assert_eq!(march, july, "one SB representative at a time");
    assert_eq!(
        march + 1,
        hood["teamMemberships"]["totalCount"].as_u64().unwrap()
    );
}

run_on_both_databases!(a_team_keeps_its_history_through_staff_turnover);

async fn an_oversized_page_is_refused_naming_the_argument(app: TestApp) {
    let response = app
        .graphql("{ areas(first: 1001) { totalCount } }", json!({}))
        .await;
    assert_eq!(error_code(&response), "BAD_USER_INPUT");
    assert_eq!(response["errors"][0]["extensions"]["field"], "first");
    let nested = app
        .graphql(
            "{ areas(first: 1) { nodes { neighbourhoods(last: -1) { totalCount } } } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&nested), "BAD_USER_INPUT");
    assert_eq!(nested["errors"][0]["extensions"]["field"], "last");
}

run_on_both_databases!(an_oversized_page_is_refused_naming_the_argument);

async fn a_filter_id_of_the_wrong_type_is_refused_naming_the_field(app: TestApp) {
    let data = app
        .data(r#"{ plans(first: 1) { nodes { id } } }"#, json!({}))
        .await;
    let plan_id = data["plans"]["nodes"][0]["id"].clone();
    let response = app
        .graphql(
            "query($id: ID) { neighbourhoods(filter: {areaId: $id}) { totalCount } }",
            json!({ "id": plan_id }),
        )
        .await;
    assert_eq!(error_code(&response), "BAD_USER_INPUT");
    assert_eq!(
        response["errors"][0]["extensions"]["field"],
        "filter.areaId"
    );
    let cursor = app
        .graphql(r#"{ areas(after: "forged") { totalCount } }"#, json!({}))
        .await;
    assert_eq!(cursor["errors"][0]["extensions"]["field"], "after");
}

run_on_both_databases!(a_filter_id_of_the_wrong_type_is_refused_naming_the_field);

async fn filter_texts_with_a_nul_or_over_200_characters_are_bad_user_input(app: TestApp) {
    let long = "a".repeat(100_000);
    for (query, text) in [
        (
            "query($t: String) { plans(filter: {titleContains: $t}) { totalCount } }",
            "Wijk\u{0}actie",
        ),
        (
            "query($t: String) { clusters(filter: {code: $t}) { totalCount } }",
            "MO\u{0}",
        ),
        (
            "query($t: String) { plans(filter: {titleContains: $t}) { totalCount } }",
            long.as_str(),
        ),
        (
            "query($t: String) { neighbourhoods(filter: {nameContains: $t}) { totalCount } }",
            &long[..201],
        ),
    ] {
        let response = app.graphql(query, json!({ "t": text })).await;
        assert_eq!(
            error_code(&response),
            "BAD_USER_INPUT",
            "{query}: {response}"
        );
    }
    // At the limit the filter simply matches nothing.
    let at_limit = app
        .data(
            "query($t: String) { neighbourhoods(filter: {nameContains: $t}) { totalCount } }",
            json!({ "t": &long[..200] }),
        )
        .await;
    assert_eq!(at_limit["neighbourhoods"]["totalCount"], 0);
}

run_on_both_databases!(filter_texts_with_a_nul_or_over_200_characters_are_bad_user_input);

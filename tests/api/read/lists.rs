//! Lists: paging both ways, ordering with the id breaking ties, filters, and the
//! arguments and filter values refused.

use super::*;

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

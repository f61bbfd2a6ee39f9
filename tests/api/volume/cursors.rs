//! Keyset cursors: paging while rows change, cursors bound to their list and order, and
//! ordering by a column with nulls in both directions.

use super::*;

run_on_both_databases!(
    paging_while_rows_are_inserted_changed_and_deleted_returns_every_stayed_row_once,
    a_cursor_of_another_list_or_order_is_refused_naming_the_argument,
    a_cursor_of_one_relation_is_refused_by_another_relation_to_the_same_children,
    paging_by_a_column_with_nulls_forward_and_backward_visits_every_row_once_in_order,
);

const ACCEPTED_PAGE: &str = "query($after: String) {
    commitments(filter: {status: ACCEPTED}, orderBy: [{field: RESPONSE_DEADLINE}], first: 5, after: $after) {
        pageInfo { hasNextPage endCursor } nodes { id } } }";

async fn paging_while_rows_are_inserted_changed_and_deleted_returns_every_stayed_row_once(
    app: TestApp,
) {
    let before = ids_of(&app, "{status: ACCEPTED}").await;
    assert!(
        before.len() > 15,
        "the demo has enough accepted commitments"
    );
    let mut seen: Vec<String> = Vec::new();
    let mut gone: Vec<String> = Vec::new();
    let mut after = Value::Null;
    for round in 0.. {
        let data = app.data(ACCEPTED_PAGE, json!({ "after": after })).await;
        let page = &data["commitments"];
        let page_ids = ids(&page["nodes"]);
        seen.extend(page_ids.iter().cloned());
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
        // Between pages other clients write: a seen row leaves the set (delivered), an
        // unseen one is deleted, and new accepted rows arrive before and after the cursor.
        let delivered = db_id(&page_ids[0]);
        app.db
            .execute_unprepared(&format!(
                "UPDATE commitment SET status = 'DELIVERED' WHERE id = {delivered}"
            ))
            .await
            .unwrap();
        gone.push(page_ids[0].clone());
        if let Some(unseen) = before
            .iter()
            .rev()
            .find(|id| !seen.contains(id) && !gone.contains(id))
        {
            let unseen_id = db_id(unseen);
            app.db
                .execute_unprepared(&format!(
                    "UPDATE commitment SET status = 'WITHDRAWN' WHERE id = {unseen_id}"
                ))
                .await
                .unwrap();
            gone.push(unseen.clone());
        }
        app.db
            .execute_unprepared(&copy_commitment(delivered, "ACCEPTED"))
            .await
            .unwrap();
        assert!(round < 100, "paging does not end");
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "a row appeared twice: {seen:?}");
    for id in before.iter().filter(|id| !gone.contains(id)) {
        assert!(
            seen.contains(id),
            "row {id} stayed in the set but was never returned"
        );
    }
}

async fn a_cursor_of_another_list_or_order_is_refused_naming_the_argument(app: TestApp) {
    let plans = app
        .data("{ plans(first: 1) { pageInfo { endCursor } } }", json!({}))
        .await;
    let cursor = plans["plans"]["pageInfo"]["endCursor"].clone();
    let foreign = app
        .graphql(
            "query($c: String) { commitments(first: 2, after: $c) { nodes { id } } }",
            json!({ "c": cursor }),
        )
        .await;
    assert_eq!(error_code(&foreign), "BAD_USER_INPUT");
    assert_eq!(foreign["errors"][0]["extensions"]["field"], "after");
    assert!(
        foreign["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("another list")
    );

    let by_deadline = app
        .data(
            "{ commitments(first: 1, orderBy: [{field: RESPONSE_DEADLINE}]) { pageInfo { endCursor } } }",
            json!({}),
        )
        .await;
    let cursor = by_deadline["commitments"]["pageInfo"]["endCursor"].clone();
    let reordered = app
        .graphql(
            "query($c: String) { commitments(last: 2, before: $c, orderBy: [{field: STATUS}]) { nodes { id } } }",
            json!({ "c": cursor }),
        )
        .await;
    assert_eq!(error_code(&reordered), "BAD_USER_INPUT");
    assert_eq!(reordered["errors"][0]["extensions"]["field"], "before");
}

async fn a_cursor_of_one_relation_is_refused_by_another_relation_to_the_same_children(
    app: TestApp,
) {
    // (parents, relation, another parent's list of the same relation's children):
    // commitments from a cluster, then from an action; residents' bodies through the
    // coverage table from an area, then from a neighbourhood.
    for (parents, relation, foreign) in [
        ("clusters", "commitments", "actions(first: 1)"),
        ("areas", "representativeBodies", "neighbourhoods"),
    ] {
        let query = format!(
            "{{ {parents} {{ nodes {{ {relation}(first: 1) {{ pageInfo {{ endCursor }} }} }} }} }}"
        );
        let cursor = first_cursor(&app.data(&query, json!({})).await, parents, relation);
        let query = format!(
            "query($c: String) {{ {foreign} {{ nodes {{ {relation}(first: 1, after: $c) {{ nodes {{ id }} }} }} }} }}"
        );
        let answer = app.graphql(&query, json!({ "c": cursor })).await;
        assert_eq!(
            error_code(&answer),
            "BAD_USER_INPUT",
            "{relation}: {answer}"
        );
        assert_eq!(answer["errors"][0]["extensions"]["field"], "after");
    }
}

const BY_AMOUNT: &str = "query($first: Int, $after: String, $last: Int, $before: String) {
    commitments(orderBy: [{field: AMOUNT, direction: DESC}], first: $first, after: $after,
        last: $last, before: $before) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id amount } } }";

async fn paging_by_a_column_with_nulls_forward_and_backward_visits_every_row_once_in_order(
    app: TestApp,
) {
    // Unanswered and refused commitments have no amount: they sort last.
    let mut forward = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = app
            .data(BY_AMOUNT, json!({ "first": 7, "after": after }))
            .await;
        let page = &data["commitments"];
        forward.extend(page["nodes"].as_array().unwrap().iter().cloned());
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    let total =
        app.data("{ commitments { totalCount } }", json!({})).await["commitments"]["totalCount"]
            .as_u64()
            .unwrap();
    assert_eq!(forward.len() as u64, total);
    let amounts: Vec<Option<f64>> = forward
        .iter()
        .map(|node| node["amount"].as_str().map(|a| a.parse().unwrap()))
        .collect();
    let first_null = amounts.iter().position(Option::is_none).unwrap();
    assert!(
        amounts[first_null..].iter().all(Option::is_none),
        "nulls last"
    );
    assert!(
        amounts[..first_null].windows(2).all(|w| w[0] >= w[1]),
        "amounts descending"
    );

    let mut backward: Vec<Value> = Vec::new();
    let mut before = Value::Null;
    loop {
        let data = app
            .data(BY_AMOUNT, json!({ "last": 9, "before": before }))
            .await;
        let page = &data["commitments"];
        let mut chunk: Vec<Value> = page["nodes"].as_array().unwrap().clone();
        chunk.extend(backward);
        backward = chunk;
        if !page["pageInfo"]["hasPreviousPage"].as_bool().unwrap() {
            break;
        }
        before = page["pageInfo"]["startCursor"].clone();
    }
    assert_eq!(ids(&Value::from(backward)), ids(&Value::from(forward)));
}

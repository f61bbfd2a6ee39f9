//! Nested pages: bounded in SQL per level, counted only when asked, paged both ways, and a
//! statement count that does not grow with the parents.

use super::*;

run_on_both_databases!(
    total_count_is_counted_only_when_selected,
    nested_pages_walk_a_parents_children_like_the_filtered_root_list,
    a_nested_list_paged_backward_returns_the_filtered_root_list,
    aliases_of_one_nested_connection_with_other_arguments_get_their_own_pages,
);
run_on_both_databases!(
    with [("WIJKGRAPH_MAX_PAGE_SIZE", "1000")] =>
    statements_per_query_stay_the_same_at_1_10_100_and_1000_parents,
);

async fn total_count_is_counted_only_when_selected(app: TestApp) {
    app.reset_statements();
    app.data(
        "{ commitments(first: 5) { pageInfo { hasNextPage } nodes { id } } clusters { nodes { commitments(first: 2) { nodes { id } } } } }",
        json!({}),
    )
    .await;
    assert_eq!(counts(&app), 0, "{:#?}", app.statements());
    app.reset_statements();
    let data = app
        .data(
            "{ commitments(first: 5) { totalCount } clusters { nodes { commitments(first: 2) { totalCount } } } }",
            json!({}),
        )
        .await;
    // One count for the root list (read from the tally) and one grouped count for the
    // whole nested level.
    assert_eq!(counts(&app), 2, "{:#?}", app.statements());
    let nested: u64 = data["clusters"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cluster| cluster["commitments"]["totalCount"].as_u64().unwrap())
        .sum();
    assert_eq!(Value::from(nested), data["commitments"]["totalCount"]);
}

async fn nested_pages_walk_a_parents_children_like_the_filtered_root_list(app: TestApp) {
    let clusters = app
        .data("{ clusters { nodes { id code } } }", json!({}))
        .await;
    for cluster in clusters["clusters"]["nodes"].as_array().unwrap() {
        let id = cluster["id"].clone();
        let root = ids_of(&app, &format!("{{clusterId: {id}}}")).await;
        let mut walked = Vec::new();
        let mut after = Value::Null;
        loop {
            let mine = cluster_in(
                &app,
                "query($after: String) { clusters { nodes { id commitments(first: 3, after: $after) {
                    pageInfo { hasNextPage endCursor } nodes { id } } } } }",
                json!({ "after": after }),
                &id,
            )
            .await;
            let page = &mine["commitments"];
            let page_ids = ids(&page["nodes"]);
            assert!(page_ids.len() <= 3);
            walked.extend(page_ids);
            if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
                break;
            }
            after = page["pageInfo"]["endCursor"].clone();
        }
        assert_eq!(walked, root, "cluster {}", cluster["code"]);
    }
}

/// Commitments with their action's plan, their cluster, and their escalations' history:
/// three belongs-to levels and two nested connections under `n` root rows.
const FAN_OUT: &str = "query($n: Int) { commitments(first: $n) { nodes { id cluster { code }
    action { description priority { title plan { title } } }
    escalations(first: 2) { totalCount nodes { level history(first: 3) { nodes { note } } } } } } }";

async fn statements_per_query_stay_the_same_at_1_10_100_and_1000_parents(app: TestApp) {
    // Grow the demo's 150 commitments past 1,000.
    for _ in 0..3 {
        app.db
            .execute_unprepared(&copy_all_commitments())
            .await
            .unwrap();
    }
    // The first commitment carries an escalation, so every level has rows at every size.
    app.db
        .execute_unprepared(
            "UPDATE escalation SET commitment_id = (SELECT MIN(id) FROM commitment)
             WHERE id = (SELECT MIN(id) FROM escalation WHERE commitment_id IS NOT NULL)",
        )
        .await
        .unwrap();
    let mut per_size = Vec::new();
    for n in [1, 10, 100, 1000] {
        app.reset_statements();
        let response = app.graphql(FAN_OUT, json!({ "n": n })).await;
        assert!(response.get("errors").is_none(), "{response:#}");
        let returned = response["data"]["commitments"]["nodes"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(returned, n, "page size {n}");
        per_size.push((n, app.statements().len()));
    }
    // The page, then one statement each: cluster, action, priority, plan, escalations,
    // their count, events.
    assert!(
        per_size.iter().all(|(_, count)| *count == 8),
        "statements per page size: {per_size:?}\n{:#?}",
        app.statements()
    );
}

async fn a_nested_list_paged_backward_returns_the_filtered_root_list(app: TestApp) {
    let clusters = app.data("{ clusters { nodes { id } } }", json!({})).await;
    for cluster in clusters["clusters"]["nodes"].as_array().unwrap() {
        let id = cluster["id"].clone();
        let root = ids_of(&app, &format!("{{clusterId: {id}}}")).await;
        let mut walked: Vec<String> = Vec::new();
        let mut before = Value::Null;
        loop {
            let mine = cluster_in(
                &app,
                "query($before: String) { clusters { nodes { id commitments(last: 4, before: $before) {
                    pageInfo { hasPreviousPage startCursor } nodes { id } } } } }",
                json!({ "before": before }),
                &id,
            )
            .await;
            let page = &mine["commitments"];
            let mut chunk = ids(&page["nodes"]);
            assert!(chunk.len() <= 4);
            chunk.extend(walked);
            walked = chunk;
            if !page["pageInfo"]["hasPreviousPage"].as_bool().unwrap() {
                break;
            }
            before = page["pageInfo"]["startCursor"].clone();
        }
        assert_eq!(walked, root);
    }
}

async fn aliases_of_one_nested_connection_with_other_arguments_get_their_own_pages(app: TestApp) {
    let data = app
        .data(
            "{ clusters(first: 3) { nodes { code
                one: commitments(first: 1) { nodes { id } }
                three: commitments(first: 3) { nodes { id } }
                lastTwo: commitments(last: 2) { nodes { id } }
                ...Pages } } }
             fragment Pages on Cluster { viaFragment: commitments(first: 2) { nodes { id } } }",
            json!({}),
        )
        .await;
    let clusters = data["clusters"]["nodes"].as_array().unwrap();
    assert_eq!(clusters.len(), 3);
    for cluster in clusters {
        let all = app
            .data(
                "query($code: String) { clusters(filter: {code: $code}) { nodes { commitments(first: 100) { nodes { id } } } } }",
                json!({ "code": cluster["code"] }),
            )
            .await;
        let all = ids(&all["clusters"]["nodes"][0]["commitments"]["nodes"]);
        assert!(all.len() >= 3, "{cluster}");
        assert_eq!(ids(&cluster["one"]["nodes"]), all[..1]);
        assert_eq!(ids(&cluster["three"]["nodes"]), all[..3]);
        assert_eq!(ids(&cluster["viaFragment"]["nodes"]), all[..2]);
        assert_eq!(ids(&cluster["lastTwo"]["nodes"]), all[all.len() - 2..]);
    }
}

//! Lists at volume: keyset cursors that survive concurrent writes, counts only when asked,
//! nested pages bounded in SQL, and a statement count that does not grow with the parents.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, neighbourhood_id, run_on_both_databases};
use sea_orm::ConnectionTrait;

run_on_both_databases!(
    paging_while_rows_are_inserted_changed_and_deleted_returns_every_stayed_row_once,
    a_cursor_of_another_list_or_order_is_refused_naming_the_argument,
    a_cursor_of_one_relation_is_refused_by_another_relation_to_the_same_children,
    total_count_is_counted_only_when_selected,
    nested_pages_walk_a_parents_children_like_the_filtered_root_list,
    paging_by_a_column_with_nulls_forward_and_backward_visits_every_row_once_in_order,
    a_nested_list_paged_backward_returns_the_filtered_root_list,
    a_mutation_payload_shows_links_as_an_earlier_mutation_of_the_document_left_them,
    links_read_with_a_list_equal_their_lookups_and_a_hidden_link_reads_as_missing,
    aliases_of_one_nested_connection_with_other_arguments_get_their_own_pages,
    plans_priorities_actions_and_commitments_decoded_by_their_own_decoders_equal_sea_orms_decoding,
);
run_on_both_databases!(
    with [("WIJKGRAPH_MAX_PAGE_SIZE", "1000")] =>
    statements_per_query_stay_the_same_at_1_10_100_and_1000_parents,
);

const ACCEPTED_PAGE: &str = "query($after: String) {
    commitments(filter: {status: ACCEPTED}, orderBy: [{field: RESPONSE_DEADLINE}], first: 5, after: $after) {
        pageInfo { hasNextPage endCursor } nodes { id } } }";

async fn ids_of(app: &TestApp, filter: &str) -> Vec<String> {
    let query = format!("{{ commitments(filter: {filter}, first: 100) {{ nodes {{ id }} }} }}");
    let data = app.data(&query, json!({})).await;
    ids(&data["commitments"]["nodes"])
}

fn ids(nodes: &Value) -> Vec<String> {
    nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The database id inside a global id.
fn db_id(global: &str) -> i32 {
    use base64::Engine;
    let text = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(global)
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

/// Copies commitment `id` as a new row with this status and deadline offset (days).
fn copy_commitment(id: i32, status: &str) -> String {
    format!(
        "INSERT INTO commitment (action_id, cluster_id, status, kind, hours_centi, amount_cents,
            budget_line_id, reason, response_deadline, requested_by, requested_at, answered_by,
            answered_at, version, updated_at)
         SELECT action_id, cluster_id, '{status}', kind, hours_centi, amount_cents, budget_line_id,
            reason, response_deadline, requested_by, requested_at, answered_by, answered_at,
            version, updated_at FROM commitment WHERE id = {id}"
    )
}

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

/// The first non-null end cursor among the nodes of `list` in `data`, at `field`.
fn first_cursor(data: &Value, list: &str, field: &str) -> Value {
    data[list]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node[field]["pageInfo"]["endCursor"].clone())
        .find(|cursor| cursor.is_string())
        .unwrap_or_else(|| panic!("no {list} has {field}: {data}"))
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

fn counts(app: &TestApp) -> usize {
    app.statements()
        .iter()
        .filter(|statement| statement.to_uppercase().contains("COUNT("))
        .count()
}

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
    // One count for the root list and one grouped count for the whole nested level.
    assert_eq!(counts(&app), 2, "{:#?}", app.statements());
    let nested: u64 = data["clusters"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cluster| cluster["commitments"]["totalCount"].as_u64().unwrap())
        .sum();
    assert_eq!(Value::from(nested), data["commitments"]["totalCount"]);
}

/// The cluster with global id `id` in the answer to a `clusters` query.
async fn cluster_in(app: &TestApp, query: &str, variables: Value, id: &Value) -> Value {
    let data = app.data(query, variables).await;
    data["clusters"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|node| node["id"] == *id)
        .unwrap()
        .clone()
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

fn copy_all_commitments() -> String {
    "INSERT INTO commitment (action_id, cluster_id, status, kind, hours_centi, amount_cents,
        budget_line_id, reason, response_deadline, requested_by, requested_at, answered_by,
        answered_at, version, updated_at)
     SELECT action_id, cluster_id, status, kind, hours_centi, amount_cents, budget_line_id,
        reason, response_deadline, requested_by, requested_at, answered_by, answered_at,
        version, updated_at FROM commitment"
        .to_owned()
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

const BLOEMHOF_MANAGER: &str = "neighbourhood_manager:BU05991081";

async fn a_mutation_payload_shows_links_as_an_earlier_mutation_of_the_document_left_them(
    app: TestApp,
) {
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let bloemhof = neighbourhood_id(&app, "BU05991081").await;
    let plan = manager
        .data(
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }",
            json!({ "input": { "neighbourhoodId": bloemhof, "year": 2017 } }),
        )
        .await["createPlan"]["plan"]["id"]
        .clone();
    manager
        .data(
            "mutation($input: AddPriorityInput!) { addPriority(input: $input) { priority { id } } }",
            json!({ "input": { "planId": plan, "expectedPlanVersion": 1, "title": "Schoon", "description": "Een schone wijk." } }),
        )
        .await;
    // Each payload lists the plan's priorities with their plan: the first read records the
    // plan as linked from its priorities; the second mutation renames it again.
    let renamed = manager
        .data(
            "mutation($id: ID!) {
                first: updatePlan(input: {id: $id, expectedVersion: 2, title: \"Eerste\"}) {
                    plan { priorities(first: 5) { nodes { plan { title } } } } }
                second: updatePlan(input: {id: $id, expectedVersion: 3, title: \"Tweede\"}) {
                    plan { priorities(first: 5) { nodes { plan { title } } } } } }",
            json!({ "id": plan }),
        )
        .await;
    assert_eq!(
        renamed["first"]["plan"]["priorities"]["nodes"][0]["plan"]["title"],
        "Eerste"
    );
    assert_eq!(
        renamed["second"]["plan"]["priorities"]["nodes"][0]["plan"]["title"],
        "Tweede"
    );
}

async fn links_read_with_a_list_equal_their_lookups_and_a_hidden_link_reads_as_missing(
    app: TestApp,
) {
    const LINKED: &str = "{ commitments(first: 100) { nodes { cluster { id code }
        action { id priority { id plan { id } } } } } }";
    // As admin every link is there, and each is the row its own lookup returns.
    let all = app.data(LINKED, json!({})).await;
    let nodes = all["commitments"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 100);
    for node in nodes.iter().step_by(17) {
        let action = &node["action"];
        let looked_up = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on Action { id priority { id plan { id } } } } }",
                json!({ "id": action["id"] }),
            )
            .await;
        assert_eq!(&looked_up["node"], action);
        assert!(node["cluster"]["code"].is_string(), "{node}");
    }
    // A committee member reads their area's team memberships but only the people marked
    // public (the neighbourhood managers): a representative's link reads as missing, for
    // the list as for a lookup by id.
    const TEAM: &str = "{ teamMemberships(first: 50) { nodes { id role person { id name }
        neighbourhood { code } } } }";
    let committee = app.as_roles(&["committee_member:WK059910"]);
    let seen = committee.data(TEAM, json!({})).await;
    let seen = seen["teamMemberships"]["nodes"].as_array().unwrap().clone();
    assert!(
        seen.iter()
            .any(|node| node["role"] == "NEIGHBOURHOOD_MANAGER"
                && node["person"]["name"].is_string())
    );
    let representatives: Vec<&Value> = seen
        .iter()
        .filter(|node| node["role"] == "CLUSTER_REPRESENTATIVE")
        .collect();
    assert!(!representatives.is_empty());
    for node in representatives {
        assert!(node["person"].is_null(), "{node}");
        assert!(node["neighbourhood"]["code"].is_string(), "{node}");
        let membership = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on TeamMembership { person { id name } } } }",
                json!({ "id": node["id"] }),
            )
            .await;
        let person = &membership["node"]["person"];
        assert!(
            person["name"].is_string(),
            "admin sees the person of {node}"
        );
        let lookup = committee
            .data(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": person["id"] }),
            )
            .await;
        assert!(lookup["node"].is_null(), "{lookup}");
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

/// The hand-written decoders of the rows large pages read most (straight from the engine's
/// answer, column by column) give exactly the models sea-orm's derived decoding gives, NULL
/// and non-NULL columns alike, for rows holding every column.
async fn plans_priorities_actions_and_commitments_decoded_by_their_own_decoders_equal_sea_orms_decoding(
    app: TestApp,
) {
    use entity::{action, commitment, plan, priority};
    use wijkgraph::access::rows;

    let plans: [Nullable<plan::Model>; 3] = [
        ("neighbourhood_id", |p| p.neighbourhood_id.is_some()),
        ("parent_plan_id", |p| p.parent_plan_id.is_some()),
        ("adopted_at", |p| p.adopted_at.is_some()),
    ];
    decoded_like_sea_orm::<plan::Entity>(&app, rows::plan, &plans).await;
    // Every demo priority has a theme: one without.
    app.db
        .execute_unprepared(
            "UPDATE priority SET theme = NULL WHERE id = (SELECT MIN(id) FROM priority)",
        )
        .await
        .unwrap();
    let priorities: [Nullable<priority::Model>; 2] = [
        ("theme", |p| p.theme.is_some()),
        ("city_programme_id", |p| p.city_programme_id.is_some()),
    ];
    decoded_like_sea_orm::<priority::Entity>(&app, rows::priority, &priorities).await;

    let commitments: [Nullable<commitment::Model>; 4] = [
        ("amount_cents", |c| c.amount_cents.is_some()),
        ("answered_at", |c| c.answered_at.is_some()),
        ("reason", |c| c.reason.is_some()),
        ("budget_line_id", |c| c.budget_line_id.is_some()),
    ];
    decoded_like_sea_orm::<commitment::Entity>(&app, rows::commitment, &commitments).await;
    // Every demo action has a lead cluster: one without.
    app.db
        .execute_unprepared(
            "UPDATE action SET lead_cluster_id = NULL WHERE id = (SELECT MIN(id) FROM action)",
        )
        .await
        .unwrap();
    let actions: [Nullable<action::Model>; 4] = [
        ("lead_position", |a| a.lead_position.is_some()),
        ("deadline", |a| a.deadline.is_some()),
        ("proposed_by_cluster_id", |a| {
            a.proposed_by_cluster_id.is_some()
        }),
        ("lead_cluster_id", |a| a.lead_cluster_id.is_some()),
    ];
    decoded_like_sea_orm::<action::Entity>(&app, rows::action, &actions).await;
}

/// A nullable column: its name, and whether a row has it set.
type Nullable<M> = (&'static str, fn(&M) -> bool);

/// Every row of `E` decoded by `decode` equals sea-orm's model, and each of `nullable` is
/// set on some rows and not on others (so both were decoded).
async fn decoded_like_sea_orm<E: sea_orm::EntityTrait>(
    app: &TestApp,
    decode: fn(&sea_orm::QueryResult) -> Result<E::Model, sea_orm::DbErr>,
    nullable: &[Nullable<E::Model>],
) where
    E::Model: PartialEq + std::fmt::Debug,
{
    use sea_orm::QueryTrait;
    let derived = E::find().all(&app.db).await.unwrap();
    let statement = E::find().into_query();
    let rows = app.db.query_all(&statement).await.unwrap();
    let decoded: Vec<E::Model> = rows.iter().map(|row| decode(row).unwrap()).collect();
    assert_eq!(decoded, derived);
    for (name, set) in nullable {
        let count = decoded.iter().filter(|row| set(row)).count();
        assert!(
            count > 0 && count < decoded.len(),
            "{name}: set on {count} of {}",
            decoded.len()
        );
    }
}

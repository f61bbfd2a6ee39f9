//! The workflows over HTTP, with the right role and with wrong ones: a plan's priorities and
//! merges, a commitment from request to delivery, and what is refused on the way (a plan's
//! adoption is in `adoption.rs`).

use serde_json::{Value, json};

use crate::helpers::{TestApp, count_rows, error_code, neighbourhood_id, run_on_both_databases};

pub(crate) const BLOEMHOF_MANAGER: &str = "neighbourhood_manager:BU05991081";
pub(crate) const FEIJENOORD_DIRECTOR: &str = "area_director:WK059910";

pub(crate) async fn id_of(app: &TestApp, query: &str, pointer: &str) -> Value {
    app.data(query, json!({}))
        .await
        .pointer(pointer)
        .cloned()
        .unwrap_or_else(|| panic!("{query} {pointer}"))
}

pub(crate) const CREATE_PLAN: &str = "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id status version title } } }";
pub(crate) const ADD_PRIORITY: &str = "mutation($input: AddPriorityInput!) { addPriority(input: $input) { priority { id rank plan { version } } } }";
pub(crate) const ADD_ACTION: &str =
    "mutation($input: AddActionInput!) { addAction(input: $input) { action { id version } } }";
pub(crate) const UPDATE_ACTION: &str = "mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { id version } } }";
pub(crate) const SUBMIT: &str =
    "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { status version } } }";
pub(crate) const ADOPT: &str = "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { status version adoptedAt } } }";

fn response_field(response: &Value) -> &str {
    response["errors"][0]["extensions"]["field"]
        .as_str()
        .unwrap_or("<none>")
}

async fn a_plan_has_at_most_five_priorities_with_unique_ranks(app: TestApp) {
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let draft = manager.data(r#"{ plans(filter: {status: DRAFT}) { nodes { id version priorities { totalCount } } } }"#, json!({})).await;
    let plan = draft["plans"]["nodes"][0].clone();
    let mut version = plan["version"].as_i64().unwrap();
    let taken = manager
        .graphql(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": version, "title": "T", "description": "D", "rank": 1 } }))
        .await;
    assert_eq!(response_field(&taken), "input.rank");
    for n in 3..=5 {
        let added = manager
            .data(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": version, "title": format!("Prioriteit {n}"), "description": "D" } }))
            .await;
        assert_eq!(added["addPriority"]["priority"]["rank"], n);
        version = added["addPriority"]["priority"]["plan"]["version"]
            .as_i64()
            .unwrap();
    }
    let sixth = manager
        .graphql(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": version, "title": "Zes", "description": "D" } }))
        .await;
    assert_eq!(error_code(&sixth), "BAD_USER_INPUT");
    assert_eq!(response_field(&sixth), "input.planId");
    let stale = manager
        .graphql(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": 1, "title": "Oud", "description": "D" } }))
        .await;
    assert_eq!(
        error_code(&stale),
        "BAD_USER_INPUT",
        "the limit is checked before the version: {stale}"
    );
}

run_on_both_databases!(a_plan_has_at_most_five_priorities_with_unique_ranks);

const REQUEST: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id status version responseDeadline } } }";
const RESPOND: &str = "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { id status version amount hours budgetLine { id } } } }";
const DELIVER: &str = "mutation($input: DeliverCommitmentInput!) { deliverCommitment(input: $input) { commitment { status version } } }";

/// An action of Afrikaanderwijk's adopted 2016 plan, and the SB and MO cluster ids.
async fn afrikaanderwijk_action(app: &TestApp) -> (Value, Value, Value) {
    let data = app
        .data(
            r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } }
                 sb: clusters(filter: {code: "SB"}) { nodes { id } } mo: clusters(filter: {code: "MO"}) { nodes { id } } }"#,
            json!({}),
        )
        .await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    (
        action,
        data["sb"]["nodes"][0]["id"].clone(),
        data["mo"]["nodes"][0]["id"].clone(),
    )
}

async fn line_of(app: &TestApp, cluster: &Value) -> Value {
    app.data(
        "query($c: ID) { budgetLines(filter: {clusterId: $c}, first: 1) { nodes { id } } }",
        json!({ "c": cluster }),
    )
    .await["budgetLines"]["nodes"][0]["id"]
        .clone()
}

/// A request to SB for an Afrikaanderwijk action, made by the neighbourhood's manager, with
/// SB's and MO's budget lines there.
struct Requested {
    id: Value,
    sb_line: Value,
    mo_line: Value,
}

async fn requested_of_sb(app: &TestApp) -> Requested {
    let (action, sb, mo) = afrikaanderwijk_action(app).await;
    let request = json!({ "input": { "actionId": action, "clusterId": sb, "kind": "NEW" } });
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let requested = manager.data(REQUEST, request).await["requestCommitment"]["commitment"].clone();
    assert_eq!(requested["status"], "REQUESTED");
    Requested {
        id: requested["id"].clone(),
        sb_line: line_of(app, &sb).await,
        mo_line: line_of(app, &mo).await,
    }
}

fn accept(id: &Value, line: &Value, version: i64) -> Value {
    json!({ "input": { "id": id, "expectedVersion": version, "answer": "ACCEPT", "hours": "12.5", "amount": "4500.10", "budgetLineId": line } })
}

async fn a_cluster_member_requests_no_commitment_of_another_cluster(app: TestApp) {
    let (action, sb, _) = afrikaanderwijk_action(&app).await;
    let request = json!({ "input": { "actionId": action, "clusterId": sb, "kind": "NEW" } });
    let refused = app
        .as_roles(&["cluster_member:MO"])
        .graphql(REQUEST, request)
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
}

run_on_both_databases!(a_cluster_member_requests_no_commitment_of_another_cluster);

async fn another_cluster_finds_no_request_and_the_programme_office_may_not_answer_it(app: TestApp) {
    let Requested { id, sb_line, .. } = requested_of_sb(&app).await;
    let other = app
        .as_roles(&["cluster_member:MO"])
        .graphql(RESPOND, accept(&id, &sb_line, 1))
        .await;
    assert_eq!(error_code(&other), "NOT_FOUND", "{other}");
    let office = app.graphql(RESPOND, accept(&id, &sb_line, 1)).await;
    assert_eq!(error_code(&office), "FORBIDDEN", "{office}");
}

run_on_both_databases!(another_cluster_finds_no_request_and_the_programme_office_may_not_answer_it);

async fn an_unusable_answer_is_refused_naming_its_field(app: TestApp) {
    let Requested {
        id,
        sb_line,
        mo_line,
    } = requested_of_sb(&app).await;
    let cluster = app.as_roles(&["cluster_member:SB"]);
    let wrong_line = cluster.graphql(RESPOND, accept(&id, &mo_line, 1)).await;
    assert_eq!(response_field(&wrong_line), "input.budgetLineId");
    let reject_without_reason = cluster
        .graphql(
            RESPOND,
            json!({ "input": { "id": id, "expectedVersion": 1, "answer": "REJECT" } }),
        )
        .await;
    assert_eq!(response_field(&reject_without_reason), "input.reason");
    let too_precise = cluster.graphql(RESPOND, json!({ "input": { "id": id, "expectedVersion": 1, "answer": "ACCEPT", "hours": "1", "amount": "0.001", "budgetLineId": sb_line } })).await;
    assert_eq!(response_field(&too_precise), "input.amount");
}

run_on_both_databases!(an_unusable_answer_is_refused_naming_its_field);

async fn an_answer_moves_a_request_once_along_request_accept_deliver(app: TestApp) {
    let Requested { id, sb_line, .. } = requested_of_sb(&app).await;
    let cluster = app.as_roles(&["cluster_member:SB"]);
    let accepted =
        cluster.data(RESPOND, accept(&id, &sb_line, 1)).await["respondToCommitment"]["commitment"]
            .clone();
    assert_eq!(accepted["status"], "ACCEPTED");
    assert_eq!(accepted["amount"], "4500.10");
    assert_eq!(accepted["hours"], "12.50");
    let stale = cluster.graphql(RESPOND, accept(&id, &sb_line, 1)).await;
    assert_eq!(error_code(&stale), "CONFLICT");
    assert_eq!(stale["errors"][0]["extensions"]["currentVersion"], 2);
    let twice = cluster.graphql(RESPOND, accept(&id, &sb_line, 2)).await;
    assert_eq!(error_code(&twice), "INVALID_TRANSITION");
    assert_eq!(
        twice["errors"][0]["extensions"]["currentStatus"],
        "ACCEPTED"
    );
    let delivered = cluster
        .data(
            DELIVER,
            json!({ "input": { "id": id, "expectedVersion": 2 } }),
        )
        .await;
    assert_eq!(
        delivered["deliverCommitment"]["commitment"]["status"],
        "DELIVERED"
    );
    let withdraw = cluster
        .graphql("mutation($input: WithdrawCommitmentInput!) { withdrawCommitment(input: $input) { commitment { status } } }", json!({ "input": { "id": id, "expectedVersion": 3, "reason": "te laat" } }))
        .await;
    assert_eq!(error_code(&withdraw), "INVALID_TRANSITION");
    assert_eq!(
        withdraw["errors"][0]["extensions"]["currentStatus"],
        "DELIVERED"
    );
}

run_on_both_databases!(an_answer_moves_a_request_once_along_request_accept_deliver);

async fn fifty_concurrent_answers_to_one_request_give_one_success_and_forty_nine_conflicts(
    app: TestApp,
) {
    let (action, sb, _) = afrikaanderwijk_action(&app).await;
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let requested = manager
        .data(
            REQUEST,
            json!({ "input": { "actionId": action, "clusterId": sb } }),
        )
        .await["requestCommitment"]["commitment"]["id"]
        .clone();
    let line = line_of(&app, &sb).await;
    let audit_before = count_rows(&app.db, "audit_event").await;
    let cluster = app.as_roles(&["cluster_member:SB"]);
    let attempts = (0..50).map(|i| {
        let input = json!({ "input": { "id": requested, "expectedVersion": 1, "answer": "ACCEPT", "hours": format!("{i}"), "amount": "100.00", "budgetLineId": line } });
        let cluster = &cluster;
        async move { cluster.graphql(RESPOND, input).await }
    });
    let responses = futures_util::future::join_all(attempts).await;
    let successes = responses
        .iter()
        .filter(|r| r.get("errors").is_none())
        .count();
    let conflicts = responses
        .iter()
        .filter(|r| error_code(r) == "CONFLICT")
        .count();
    assert_eq!(
        (successes, conflicts),
        (1, 49),
        "{:#?}",
        responses
            .iter()
            .filter(|r| error_code(r) != "CONFLICT")
            .collect::<Vec<_>>()
    );
    assert_eq!(
        count_rows(&app.db, "audit_event").await,
        audit_before + 1,
        "one event for the one change"
    );
}

run_on_both_databases!(
    fifty_concurrent_answers_to_one_request_give_one_success_and_forty_nine_conflicts
);

async fn priorities_are_reordered_atomically_edited_and_dropped_with_their_history(app: TestApp) {
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let plan = manager.data("{ plans(filter: {status: DRAFT}) { nodes { id version priorities { nodes { id rank version } } } } }", json!({})).await["plans"]["nodes"][0].clone();
    let (first, second) = (
        plan["priorities"]["nodes"][0].clone(),
        plan["priorities"]["nodes"][1].clone(),
    );
    let reorder = "mutation($input: ReorderPrioritiesInput!) { reorderPriorities(input: $input) { priorities { id rank } } }";
    let partial = manager.graphql(reorder, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": plan["version"], "priorityIds": [second["id"]] } })).await;
    assert_eq!(response_field(&partial), "input.priorityIds");
    let twice = manager.graphql(reorder, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": plan["version"], "priorityIds": [second["id"], second["id"]] } })).await;
    assert_eq!(response_field(&twice), "input.priorityIds");
    let reordered = manager.data(reorder, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": plan["version"], "priorityIds": [second["id"], first["id"]] } })).await;
    assert_eq!(
        reordered["reorderPriorities"]["priorities"],
        json!([{ "id": second["id"], "rank": 1 }, { "id": first["id"], "rank": 2 }])
    );

    let update = "mutation($input: UpdatePriorityInput!) { updatePriority(input: $input) { priority { title version } } }";
    let edited = manager.data(update, json!({ "input": { "id": first["id"], "expectedVersion": first["version"], "title": "Schoon, heel en groen" } })).await;
    assert_eq!(
        edited["updatePriority"]["priority"]["title"],
        "Schoon, heel en groen"
    );
    let stale = manager.graphql(update, json!({ "input": { "id": first["id"], "expectedVersion": first["version"], "title": "Oud" } })).await;
    assert_eq!(error_code(&stale), "CONFLICT");

    let drop = "mutation($input: DropPriorityInput!) { dropPriority(input: $input) { priority { rank droppedAt dropReason } } }";
    let version = edited["updatePriority"]["priority"]["version"].clone();
    let dropped = manager.data(drop, json!({ "input": { "id": first["id"], "expectedVersion": version, "reason": "Opgenomen in prioriteit 1." } })).await;
    assert_eq!(dropped["dropPriority"]["priority"]["rank"], Value::Null);
    assert_eq!(
        dropped["dropPriority"]["priority"]["dropReason"],
        "Opgenomen in prioriteit 1."
    );
    let again = manager.graphql(drop, json!({ "input": { "id": first["id"], "expectedVersion": version.as_i64().unwrap() + 1, "reason": "x" } })).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
    let history = manager
        .data(
            "query($id: ID) { priorities(filter: {planId: $id, dropped: true}) { totalCount } }",
            json!({ "id": plan["id"] }),
        )
        .await;
    assert_eq!(
        history["priorities"]["totalCount"], 1,
        "the dropped priority keeps its history"
    );
}

run_on_both_databases!(priorities_are_reordered_atomically_edited_and_dropped_with_their_history);

async fn the_area_director_closes_and_merges_plans(app: TestApp) {
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    let adopted = director.data(r#"{ plans(filter: {status: ADOPTED, titleContains: "Katendrecht"}) { nodes { id version } } }"#, json!({})).await["plans"]["nodes"][0].clone();
    let close = "mutation($input: PlanStepInput!) { closePlan(input: $input) { plan { status } } }";
    let step = json!({ "input": { "id": adopted["id"], "expectedVersion": adopted["version"] } });
    assert_eq!(
        error_code(
            &app.as_roles(&["neighbourhood_manager:BU05991085"])
                .graphql(close, step.clone())
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        director.data(close, step.clone()).await["closePlan"]["plan"]["status"],
        "CLOSED"
    );
    assert_eq!(error_code(&director.graphql(close, json!({ "input": { "id": adopted["id"], "expectedVersion": adopted["version"].as_i64().unwrap() + 1 } })).await), "INVALID_TRANSITION");

    // Two 2018 drafts of neighbourhoods that merge.
    let hoods = app.data(r#"{ a: neighbourhoods(filter: {code: "BU05991081"}) { nodes { id } } b: neighbourhoods(filter: {code: "BU05991082"}) { nodes { id } } }"#, json!({})).await;
    let create = |hood: &Value| json!({ "input": { "neighbourhoodId": hood, "year": 2018 } });
    let surviving = app
        .data(CREATE_PLAN, create(&hoods["a"]["nodes"][0]["id"]))
        .await["createPlan"]["plan"]
        .clone();
    let merged = app
        .data(CREATE_PLAN, create(&hoods["b"]["nodes"][0]["id"]))
        .await["createPlan"]["plan"]
        .clone();
    app.data(ADD_PRIORITY, json!({ "input": { "planId": merged["id"], "expectedPlanVersion": 1, "title": "Veilig", "description": "D" } })).await;
    let merge = "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id } } }";
    let input = json!({ "input": { "survivingPlanId": surviving["id"], "survivingPlanVersion": 1, "mergedPlanId": merged["id"], "mergedPlanVersion": 2 } });
    assert_eq!(
        director.data(merge, input).await["mergePlans"]["plan"]["id"],
        surviving["id"]
    );
    let after = app.data("query($id: ID!) { node(id: $id) { ... on Plan { status supersededBy { id } priorities { nodes { rank dropReason } } } } }", json!({ "id": merged["id"] })).await;
    assert_eq!(after["node"]["status"], "SUPERSEDED");
    assert_eq!(after["node"]["supersededBy"]["id"], surviving["id"]);
    assert_eq!(after["node"]["priorities"]["nodes"][0]["rank"], Value::Null);
    assert!(
        after["node"]["priorities"]["nodes"][0]["dropReason"]
            .as_str()
            .unwrap()
            .starts_with("merged into")
    );
}

run_on_both_databases!(the_area_director_closes_and_merges_plans);

async fn a_cluster_disputes_an_adopted_item_on_its_own_behalf_only(app: TestApp) {
    let found = app.data(r#"{ plans(filter: {status: ADOPTED, titleContains: "Hillesluis"}) { nodes { priorities(first: 1) { nodes { id actions(first: 1) { nodes { id } } } } } }
                             sb: clusters(filter: {code: "SB"}) { nodes { id } } mo: clusters(filter: {code: "MO"}) { nodes { id } }
                             draft: plans(filter: {status: DRAFT}) { nodes { priorities(first: 1) { nodes { id } } } } }"#, json!({})).await;
    let priority = &found["plans"]["nodes"][0]["priorities"]["nodes"][0];
    let (sb, mo) = (
        found["sb"]["nodes"][0]["id"].clone(),
        found["mo"]["nodes"][0]["id"].clone(),
    );
    let dispute = "mutation($input: DisputePlanItemInput!) { disputePlanItem(input: $input) { escalation { subject level owner cluster { code } } } }";
    let input = |item: Value, cluster: &Value| json!({ "input": { "item": item, "clusterId": cluster, "reason": "Past niet in het stedelijke programma." } });
    let sb_member = app.as_roles(&["cluster_member:SB"]);
    assert_eq!(
        error_code(
            &sb_member
                .graphql(
                    dispute,
                    input(
                        json!({ "actionId": priority["actions"]["nodes"][0]["id"] }),
                        &mo
                    )
                )
                .await
        ),
        "FORBIDDEN"
    );
    let recorded = sb_member
        .data(dispute, input(json!({ "priorityId": priority["id"] }), &sb))
        .await["disputePlanItem"]["escalation"]
        .clone();
    assert_eq!(recorded["subject"], "DISPUTED_ITEM");
    assert_eq!(recorded["level"], "TEAM");
    assert_eq!(recorded["cluster"]["code"], "SB");
    let draft_item = found["draft"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    assert_eq!(
        error_code(
            &sb_member
                .graphql(dispute, input(json!({ "priorityId": draft_item }), &sb))
                .await
        ),
        "INVALID_TRANSITION"
    );
}

run_on_both_databases!(a_cluster_disputes_an_adopted_item_on_its_own_behalf_only);

async fn a_repeated_creating_request_with_its_idempotency_key_creates_once(app: TestApp) {
    let hood = neighbourhood_id(&app, "BU05991081").await;
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let input = json!({ "input": { "neighbourhoodId": hood, "year": 2019, "idempotencyKey": "portal-7f3a" } });
    let (plans, audit) = (
        count_rows(&app.db, "plan").await,
        count_rows(&app.db, "audit_event").await,
    );
    let first = manager.data(CREATE_PLAN, input.clone()).await["createPlan"]["plan"]["id"].clone();
    let again = manager.data(CREATE_PLAN, input).await["createPlan"]["plan"]["id"].clone();
    assert_eq!(first, again, "the repeat returns the first result");
    // The same input written in another order is the same request.
    let reordered = json!({ "input": { "idempotencyKey": "portal-7f3a", "year": 2019, "neighbourhoodId": hood } });
    let third = manager.data(CREATE_PLAN, reordered).await["createPlan"]["plan"]["id"].clone();
    assert_eq!(first, third, "field order does not matter");
    assert_eq!(count_rows(&app.db, "plan").await, plans + 1, "one row");
    assert_eq!(
        count_rows(&app.db, "audit_event").await,
        audit + 1,
        "one audit event"
    );
    let other = manager.graphql(CREATE_PLAN, json!({ "input": { "neighbourhoodId": hood, "year": 2020, "idempotencyKey": "portal-7f3a" } })).await;
    assert_eq!(response_field(&other), "input.idempotencyKey");
    assert_eq!(count_rows(&app.db, "plan").await, plans + 1);
    // What is remembered is the input in the schema's names, keys sorted, without the
    // key itself: stable across releases that keep the schema.
    use sea_orm::{ConnectionTrait, Statement};
    let stored = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT fingerprint FROM idempotency_key WHERE key = 'portal-7f3a'",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<String>("", "fingerprint")
        .unwrap();
    let remembered: Value = serde_json::from_str(&stored).expect("the fingerprint is JSON");
    let names: Vec<&str> = remembered
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "{stored}");
    assert!(!stored.contains("portal-7f3a"), "{stored}");
    assert_eq!(remembered["neighbourhoodId"], hood, "{stored}");
    assert_eq!(remembered["year"], 2019, "{stored}");
}

run_on_both_databases!(a_repeated_creating_request_with_its_idempotency_key_creates_once);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_answer_deadline_defaults_to_the_configured_hours() {
    for (setting, hours) in [(None, 24), (Some("48"), 48)] {
        let settings: Vec<(&str, &str)> = setting
            .map(|value| ("WIJKGRAPH_RESPONSE_HOURS", value))
            .into_iter()
            .collect();
        let app = crate::helpers::spawn_app_with(crate::helpers::Engine::Sqlite, &settings).await;
        let (action, sb, _) = afrikaanderwijk_action(&app).await;
        let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
        let requested = manager
            .data("mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { requestedAt responseDeadline } } }", json!({ "input": { "actionId": action, "clusterId": sb } }))
            .await["requestCommitment"]["commitment"]
            .clone();
        let at = |field: &str| {
            chrono::DateTime::parse_from_rfc3339(requested[field].as_str().unwrap()).unwrap()
        };
        assert_eq!(
            (at("responseDeadline") - at("requestedAt")).num_hours(),
            hours
        );
    }
}

async fn a_text_input_with_a_nul_character_is_bad_user_input_naming_it(app: TestApp) {
    let hood = neighbourhood_id(&app, "BU05991081").await;
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let plans = count_rows(&app.db, "plan").await;
    let response = manager
        .graphql(
            CREATE_PLAN,
            json!({ "input": { "neighbourhoodId": hood, "year": 2021, "title": "Wijk\u{0}plan" } }),
        )
        .await;
    assert_eq!(error_code(&response), "BAD_USER_INPUT", "{response}");
    assert_eq!(response_field(&response), "input.title");
    assert_eq!(
        count_rows(&app.db, "plan").await,
        plans,
        "nothing is written"
    );
}

run_on_both_databases!(a_text_input_with_a_nul_character_is_bad_user_input_naming_it);

async fn the_area_director_drafts_and_edits_plans_in_their_area_only(app: TestApp) {
    let bloemhof = neighbourhood_id(&app, "BU05991081").await;
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    let elsewhere = app.as_roles(&["area_director:WK059912"]);
    let input = json!({ "input": { "neighbourhoodId": bloemhof, "year": 2019 } });
    assert_eq!(
        error_code(&elsewhere.graphql(CREATE_PLAN, input.clone()).await),
        "FORBIDDEN"
    );
    let plan = director.data(CREATE_PLAN, input).await["createPlan"]["plan"].clone();
    assert_eq!(plan["status"], "DRAFT");
    let priority = json!({ "input": { "planId": plan["id"], "expectedPlanVersion": 1, "title": "Veilig naar school", "description": "Oversteekplaatsen bij de scholen." } });
    assert_eq!(
        error_code(&elsewhere.graphql(ADD_PRIORITY, priority.clone()).await),
        "NOT_FOUND",
        "a plan outside their area is not theirs to see"
    );
    let added = director.data(ADD_PRIORITY, priority).await["addPriority"]["priority"].clone();
    assert_eq!(added["rank"], 1);
    // The neighbourhood manager works on the same draft.
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let again = manager.data(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": added["plan"]["version"], "title": "Schone straten", "description": "Extra veegrondes." } })).await;
    assert_eq!(again["addPriority"]["priority"]["rank"], 2);
    let me = director
        .data(
            "{ me { permissions { entity operation allowed reaches { scope } } } }",
            json!({}),
        )
        .await;
    let edit = me["me"]["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["entity"] == "PLAN" && p["operation"] == "EDIT")
        .cloned()
        .expect("the edit permission");
    assert_eq!(edit["allowed"], true, "{me}");
    assert_eq!(edit["reaches"][0]["scope"], "OWN_AREAS", "{me}");
}

run_on_both_databases!(the_area_director_drafts_and_edits_plans_in_their_area_only);

async fn the_requester_withdraws_an_unanswered_request_but_not_an_answered_one(app: TestApp) {
    let (action, sb, _) = afrikaanderwijk_action(&app).await;
    let withdraw = "mutation($input: WithdrawCommitmentInput!) { withdrawCommitment(input: $input) { commitment { status reason } } }";
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let ask = || {
        manager.data(
            REQUEST,
            json!({ "input": { "actionId": action, "clusterId": sb } }),
        )
    };
    let first = ask().await["requestCommitment"]["commitment"]["id"].clone();
    let input = |id: &Value, version: i64| json!({ "input": { "id": id, "expectedVersion": version, "reason": "Al geregeld via het wijkteam." } });
    // Who may not: another cluster (cannot see it), the committee (sees it, asks nothing).
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(withdraw, input(&first, 1))
                .await
        ),
        "NOT_FOUND"
    );
    assert_eq!(
        error_code(
            &app.as_roles(&["committee_member:WK059910"])
                .graphql(withdraw, input(&first, 1))
                .await
        ),
        "FORBIDDEN"
    );
    let withdrawn =
        manager.data(withdraw, input(&first, 1)).await["withdrawCommitment"]["commitment"].clone();
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    assert_eq!(withdrawn["reason"], "Al geregeld via het wijkteam.");
    // Once the cluster has answered, it is the cluster's to withdraw.
    let second = ask().await["requestCommitment"]["commitment"]["id"].clone();
    let line = line_of(&app, &sb).await;
    app.as_roles(&["cluster_member:SB"]).data(RESPOND, json!({ "input": { "id": second, "expectedVersion": 1, "answer": "ACCEPT", "hours": "1", "amount": "10", "budgetLineId": line } })).await;
    let answered = manager.graphql(withdraw, input(&second, 2)).await;
    assert_eq!(error_code(&answered), "INVALID_TRANSITION", "{answered}");
    assert_eq!(
        answered["errors"][0]["extensions"]["currentStatus"],
        "ACCEPTED"
    );
    let by_cluster = app
        .as_roles(&["cluster_member:SB"])
        .data(withdraw, input(&second, 2))
        .await;
    assert_eq!(
        by_cluster["withdrawCommitment"]["commitment"]["status"],
        "WITHDRAWN"
    );
}

run_on_both_databases!(the_requester_withdraws_an_unanswered_request_but_not_an_answered_one);

const ASK: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id status question hoursAsked amountAsked responseDeadline requestedBy } } }";
const QUESTION: &str = "Kunnen jullie twee extra veegrondes per week doen rond de markt?";

fn ask(action: &Value, cluster: &Value, hours: &str) -> Value {
    json!({ "input": { "actionId": action, "clusterId": cluster, "question": QUESTION, "hoursAsked": hours, "amountAsked": "2500.00" } })
}

/// SB's member seated by SB's manager as SB's representative in Afrikaanderwijk's team,
/// known by their login. Answers the seat, the action and SB's and MO's ids.
async fn seated(app: &TestApp) -> (Value, Value, Value, Value) {
    let (action, sb, mo) = afrikaanderwijk_action(app).await;
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id } } }";
    let hood = neighbourhood_id(app, "BU05991086").await;
    let seat = json!({ "input": { "neighbourhoodId": hood, "personName": "Sanne Bos", "personSubject": "user-cluster_member:SB",
        "role": "CLUSTER_REPRESENTATIVE", "clusterId": sb, "validFrom": "2016-01-01" } });
    let seat = app.as_roles(&["cluster_manager:SB"]).data(add, seat).await["addTeamMember"]
        ["teamMembership"]["id"]
        .clone();
    (seat, action, sb, mo)
}

async fn a_cluster_member_asks_their_own_clusters_line_only_while_seated_in_the_team(app: TestApp) {
    let (action, sb, _) = afrikaanderwijk_action(&app).await;
    let member = app.as_roles(&["cluster_member:SB"]);
    let outside = member.graphql(ASK, ask(&action, &sb, "16")).await;
    assert_eq!(
        error_code(&outside),
        "FORBIDDEN",
        "not in the team: {outside}"
    );
    let (seat, action, sb, mo) = seated(&app).await;
    assert_eq!(
        member.data(ASK, ask(&action, &sb, "16")).await["requestCommitment"]["commitment"]["status"],
        "REQUESTED"
    );
    assert_eq!(
        error_code(&member.graphql(ASK, ask(&action, &mo, "16")).await),
        "FORBIDDEN",
        "another cluster's line is not theirs to ask"
    );
    let end = "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { validTo } } }";
    app.as_roles(&["cluster_manager:SB"])
        .data(
            end,
            json!({ "input": { "id": seat, "validTo": "2016-12-31" } }),
        )
        .await;
    assert_eq!(
        error_code(&member.graphql(ASK, ask(&action, &sb, "16")).await),
        "FORBIDDEN",
        "the seat has ended"
    );
    // The neighbourhood manager asks any cluster.
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    assert_eq!(
        manager.data(ASK, ask(&action, &mo, "8")).await["requestCommitment"]["commitment"]["status"],
        "REQUESTED"
    );
}

async fn a_request_keeps_the_askers_question_hours_and_money_and_refuses_negative_hours(
    app: TestApp,
) {
    let (_, action, sb, _) = seated(&app).await;
    let member = app.as_roles(&["cluster_member:SB"]);
    let asked =
        member.data(ASK, ask(&action, &sb, "16")).await["requestCommitment"]["commitment"].clone();
    assert_eq!(asked["status"], "REQUESTED");
    assert_eq!(asked["question"], QUESTION);
    assert_eq!(asked["hoursAsked"], "16.00");
    assert_eq!(asked["amountAsked"], "2500.00");
    assert_eq!(asked["requestedBy"], "user-cluster_member:SB");
    let negative = member.graphql(ASK, ask(&action, &sb, "-1")).await;
    assert_eq!(
        negative["errors"][0]["extensions"]["field"], "input.hoursAsked",
        "{negative}"
    );
}

async fn the_committee_reads_a_requests_question_but_not_the_money_asked(app: TestApp) {
    let (_, action, sb, _) = seated(&app).await;
    let asked = app
        .as_roles(&["cluster_member:SB"])
        .data(ASK, ask(&action, &sb, "16"))
        .await["requestCommitment"]["commitment"]["id"]
        .clone();
    let read = "query($id: ID!) { node(id: $id) { ... on Commitment { question hoursAsked amountAsked } } }";
    let committee = app
        .as_roles(&["committee_member:WK059910"])
        .data(read, json!({ "id": asked }))
        .await;
    assert_eq!(committee["node"]["question"], QUESTION);
    assert!(
        committee["node"]["hoursAsked"].is_null() && committee["node"]["amountAsked"].is_null(),
        "{committee}"
    );
    let cluster = app
        .as_roles(&["cluster_manager:SB"])
        .data(read, json!({ "id": asked }))
        .await;
    assert_eq!(
        (
            &cluster["node"]["hoursAsked"],
            &cluster["node"]["amountAsked"]
        ),
        (&json!("16.00"), &json!("2500.00"))
    );
}

run_on_both_databases!(
    a_cluster_member_asks_their_own_clusters_line_only_while_seated_in_the_team,
    a_request_keeps_the_askers_question_hours_and_money_and_refuses_negative_hours,
    the_committee_reads_a_requests_question_but_not_the_money_asked
);

async fn a_merge_moves_the_chosen_priorities_with_their_work_and_withdraws_what_hung_under_the_dropped_ones(
    app: TestApp,
) {
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    // Noordereiland has no 2016 plan: the director drafts one for the merged neighbourhoods.
    let noordereiland = neighbourhood_id(&app, "BU05991088").await;
    let surviving = director
        .data(
            CREATE_PLAN,
            json!({ "input": { "neighbourhoodId": noordereiland, "year": 2016 } }),
        )
        .await["createPlan"]["plan"]
        .clone();
    let merged = app.data(r#"{ plans(filter: {titleContains: "Afrikaanderwijk 2016"}) { nodes { id version priorities { nodes { id rank actions(first: 50) { nodes { id commitments(first: 50) { nodes { id status } } } } } } } } }"#, json!({})).await["plans"]["nodes"][0].clone();
    let priorities = merged["priorities"]["nodes"].as_array().unwrap().clone();
    assert_eq!(priorities.len(), 5);
    let (moved, dropped) = (&priorities[..2], &priorities[2..]);
    let open = |priority: &Value| {
        priority["actions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|action| action["commitments"]["nodes"].as_array().unwrap().clone())
            .filter(|c| {
                ["REQUESTED", "ACCEPTED", "ACCEPTED_WITH_RESERVATION"]
                    .contains(&c["status"].as_str().unwrap())
            })
            .map(|c| c["id"].clone())
            .collect::<Vec<_>>()
    };
    let to_withdraw: Vec<Value> = dropped.iter().flat_map(open).collect();
    assert!(
        !to_withdraw.is_empty(),
        "the demo has open commitments under the dropped priorities"
    );
    let audit_before = count_rows(&app.db, "audit_event").await;

    let merge = "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id priorities { nodes { id rank } } } } }";
    let input = |ids: Vec<Value>| json!({ "input": { "survivingPlanId": surviving["id"], "survivingPlanVersion": 1, "mergedPlanId": merged["id"], "mergedPlanVersion": merged["version"], "movePriorityIds": ids, "dropReason": "Samengevoegd met Noordereiland; ondergebracht bij de twee gedeelde prioriteiten." } });
    let foreign = app.data(r#"{ plans(filter: {titleContains: "Bloemhof 2016"}) { nodes { priorities(first: 1) { nodes { id } } } } }"#, json!({})).await["plans"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    let wrong = director.graphql(merge, input(vec![foreign])).await;
    assert_eq!(
        wrong["errors"][0]["extensions"]["field"], "input.movePriorityIds",
        "{wrong}"
    );
    let done = director
        .data(
            merge,
            input(moved.iter().map(|p| p["id"].clone()).collect()),
        )
        .await["mergePlans"]["plan"]
        .clone();
    let now_there: Vec<(Value, Value)> = done["priorities"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].clone(), p["rank"].clone()))
        .collect();
    assert_eq!(
        now_there,
        vec![
            (moved[0]["id"].clone(), json!(1)),
            (moved[1]["id"].clone(), json!(2))
        ]
    );

    // The moved priorities keep their actions and commitments.
    let moved_work = app.data("query($id: ID!) { node(id: $id) { ... on Priority { plan { id } actions(first: 50) { totalCount } } } }", json!({ "id": moved[0]["id"] })).await;
    assert_eq!(moved_work["node"]["plan"]["id"], surviving["id"]);
    assert_eq!(
        moved_work["node"]["actions"]["totalCount"],
        moved[0]["actions"]["nodes"].as_array().unwrap().len()
    );
    // The dropped ones carry the reason; what hung under them is withdrawn, audited.
    let gone = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Priority { rank dropReason } } }",
            json!({ "id": dropped[0]["id"] }),
        )
        .await;
    assert_eq!(gone["node"]["rank"], Value::Null);
    assert!(
        gone["node"]["dropReason"]
            .as_str()
            .unwrap()
            .starts_with("Samengevoegd")
    );
    for id in &to_withdraw {
        let commitment = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on Commitment { status reason } } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(commitment["node"]["status"], "WITHDRAWN", "{commitment}");
        assert!(
            commitment["node"]["reason"]
                .as_str()
                .unwrap()
                .starts_with("priority dropped")
        );
    }
    // One event per moved priority, per withdrawn commitment, and the merge itself.
    assert_eq!(
        count_rows(&app.db, "audit_event").await,
        audit_before + 2 + to_withdraw.len() as i64 + 1
    );
}

run_on_both_databases!(a_merge_moves_the_chosen_priorities_with_their_work_and_withdraws_what_hung_under_the_dropped_ones);

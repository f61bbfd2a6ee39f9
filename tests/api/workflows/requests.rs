//! A request's life outside the answer: repeated with its idempotency key, its default
//! deadline, and withdrawn by whoever asked.

use super::*;

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

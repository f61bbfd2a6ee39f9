//! A commitment from request to delivery: who may answer, how often, and what is refused.

use super::*;

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

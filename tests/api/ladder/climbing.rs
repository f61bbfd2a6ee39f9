//! Climbing the ladder: who raises, who moves a level up, what a decision closes, and
//! which grievances may be escalated at all.

use super::*;

async fn a_neighbourhood_manager_sees_its_own_overdue_requests_by_cluster_and_neighbourhood(
    app: TestApp,
) {
    let overdue = app.as_roles(&[LADDER_MANAGER])
        .data("{ overdueCommitments { commitments { nodes { id cluster { code } } } byCluster { cluster { code } count } byNeighbourhood { neighbourhood { code } count } } }", json!({}))
        .await["overdueCommitments"]
        .clone();
    assert_eq!(
        overdue["byNeighbourhood"],
        json!([{ "neighbourhood": { "code": "BU05991081" }, "count": 1 }])
    );
    assert_eq!(
        overdue["byCluster"],
        json!([{ "cluster": { "code": "VEI" }, "count": 1 }])
    );
    assert_eq!(overdue["commitments"]["nodes"][0]["cluster"]["code"], "VEI");
    let elsewhere = app
        .as_roles(&["neighbourhood_manager:BU05991086"])
        .data(
            "{ overdueCommitments { byNeighbourhood { count } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        elsewhere["overdueCommitments"]["byNeighbourhood"],
        json!([]),
        "another neighbourhood sees none of it"
    );
}

async fn the_neighbourhoods_manager_raises_an_overdue_request_at_team_level_and_a_stranger_cannot(
    app: TestApp,
) {
    let request = overdue_request(&app).await;
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(RAISE, raise(&request))
                .await
        ),
        "NOT_FOUND"
    );
    let raised = app
        .as_roles(&[LADDER_MANAGER])
        .data(RAISE, raise(&request))
        .await["raiseEscalation"]["escalation"]
        .clone();
    assert_eq!(
        (raised["level"].as_str(), raised["owner"].as_str()),
        (Some("TEAM"), Some(LADDER_MANAGER))
    );
}

async fn only_the_owner_at_the_current_version_escalates_from_team_to_cluster_to_area(
    app: TestApp,
) {
    let (_, id) = raised(&app).await;
    let manager = app.as_roles(&[LADDER_MANAGER]);
    let to_cluster = manager
        .data(FURTHER, step(&id, 1, "Binnen het cluster oppakken."))
        .await;
    assert_eq!(
        to_cluster["escalateFurther"]["escalation"]["owner"],
        "cluster_manager:VEI"
    );
    let not_owner = manager.graphql(FURTHER, step(&id, 2, "nog eens")).await;
    assert_eq!(error_code(&not_owner), "FORBIDDEN");
    let stale = app
        .as_roles(&["cluster_manager:VEI"])
        .graphql(FURTHER, step(&id, 1, "oud"))
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");
    let to_area = app
        .as_roles(&["cluster_manager:VEI"])
        .data(FURTHER, step(&id, 2, "Naar de gebiedsdirecteur."))
        .await;
    assert_eq!(
        to_area["escalateFurther"]["escalation"]["owner"],
        "area_director:WK059910"
    );
}

async fn only_a_decision_resolves_an_unanswered_request_once_closing_it_with_history_and_audit(
    app: TestApp,
) {
    let (request, id) = raised(&app).await;
    app.as_roles(&[LADDER_MANAGER])
        .data(FURTHER, step(&id, 1, "Binnen het cluster oppakken."))
        .await;
    app.as_roles(&["cluster_manager:VEI"])
        .data(FURTHER, step(&id, 2, "Naar de gebiedsdirecteur."))
        .await;

    let director = app.as_roles(&["area_director:WK059910"]);
    // The request is still unanswered: a resolution must settle it.
    let unsettled = director.graphql(RESOLVE, step(&id, 3, "Komt goed.")).await;
    assert_eq!(error_code(&unsettled), "INVALID_TRANSITION", "{unsettled}");
    let mut decided = step(&id, 3, "VEI plaatst de camera's in week 40.");
    decided["input"]["decided"] = json!(true);
    let resolved = director.data(RESOLVE, decided).await["resolveEscalation"]["escalation"].clone();
    let settled = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Commitment { status overdue reason } } }",
            json!({ "id": request }),
        )
        .await["node"]
        .clone();
    assert_eq!(settled["status"], "WITHDRAWN");
    assert_eq!(settled["overdue"], false);
    assert_eq!(
        settled["reason"],
        "decided at area level: VEI plaatst de camera's in week 40."
    );
    assert_eq!(resolved["status"], "RESOLVED");
    assert_eq!(resolved["history"]["totalCount"], 4);
    let levels: Vec<&str> = resolved["history"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["TEAM", "CLUSTER", "AREA", "AREA"]);
    assert_eq!(
        error_code(&director.graphql(RESOLVE, step(&id, 4, "nogmaals")).await),
        "INVALID_TRANSITION"
    );

    let operations = audit_operations(&app, &id).await;
    assert_eq!(
        operations,
        [
            "raiseEscalation",
            "escalateFurther",
            "escalateFurther",
            "resolveEscalation"
        ]
    );
}
run_on_both_databases!(
    a_neighbourhood_manager_sees_its_own_overdue_requests_by_cluster_and_neighbourhood,
    the_neighbourhoods_manager_raises_an_overdue_request_at_team_level_and_a_stranger_cannot,
    only_the_owner_at_the_current_version_escalates_from_team_to_cluster_to_area,
    only_a_decision_resolves_an_unanswered_request_once_closing_it_with_history_and_audit
);

async fn only_a_true_grievance_can_be_escalated(app: TestApp) {
    let accepted = app
        .data(
            "{ commitments(filter: {status: ACCEPTED}, first: 1) { nodes { id } } }",
            json!({}),
        )
        .await["commitments"]["nodes"][0]["id"]
        .clone();
    let response = app
        .graphql(
            RAISE,
            json!({ "input": { "subject": { "overdueCommitment": accepted }, "reason": "x" } }),
        )
        .await;
    assert_eq!(error_code(&response), "INVALID_TRANSITION");
    let rejected = app
        .data(
            "{ commitments(filter: {status: REJECTED}, first: 1) { nodes { id } } }",
            json!({}),
        )
        .await["commitments"]["nodes"][0]["id"]
        .clone();
    let response = app
        .graphql(
            RAISE,
            json!({ "input": { "subject": { "rejectedCommitment": rejected }, "reason": "" } }),
        )
        .await;
    assert_eq!(response["errors"][0]["extensions"]["field"], "input.reason");
    let both = app.graphql(RAISE, json!({ "input": { "subject": { "rejectedCommitment": rejected, "overdueCommitment": rejected }, "reason": "x" } })).await;
    assert!(both.get("errors").is_some(), "exactly one subject: {both}");
}
run_on_both_databases!(only_a_true_grievance_can_be_escalated);

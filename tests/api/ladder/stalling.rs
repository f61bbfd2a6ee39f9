//! Beyond the plain climb: withdrawing, one open escalation per request, a stalled level
//! pulled up and taken over.

use super::*;

async fn whoever_raised_an_escalation_or_its_owner_may_withdraw_it(app: TestApp) {
    // Kop van Zuid-Entrepot's refusal for lack of capacity (SB) has not been escalated yet.
    let manager = app.as_roles(&["neighbourhood_manager:BU05991079"]);
    let refusals = manager
        .data(
            "{ commitments(filter: {status: REJECTED}) { nodes { id cluster { code } } } }",
            json!({}),
        )
        .await;
    let rejected = refusals["commitments"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["cluster"]["code"] == "SB")
        .unwrap()["id"]
        .clone();
    let raised = manager
        .data(RAISE, json!({ "input": { "subject": { "rejectedCommitment": rejected }, "reason": "Sleutelactie afgewezen." } }))
        .await["raiseEscalation"]["escalation"]
        .clone();
    let withdraw = "mutation($input: EscalationStepInput!) { withdrawEscalation(input: $input) { escalation { status closedAt } } }";
    let member = "cluster_member:SB";
    let stranger = app
        .as_roles(&[member])
        .graphql(withdraw, step(&raised["id"], 1, "niet nodig"))
        .await;
    assert_eq!(error_code(&stranger), "FORBIDDEN", "{stranger}");
    let done = app
        .as_roles(&["neighbourhood_manager:BU05991079"])
        .data(
            withdraw,
            step(&raised["id"], 1, "Opgelost in het wijkactieteam."),
        )
        .await;
    assert_eq!(
        done["withdrawEscalation"]["escalation"]["status"],
        "WITHDRAWN"
    );
    assert!(done["withdrawEscalation"]["escalation"]["closedAt"].is_string());
}
run_on_both_databases!(whoever_raised_an_escalation_or_its_owner_may_withdraw_it);

async fn a_request_has_one_open_escalation_at_a_time(app: TestApp) {
    let manager = app.as_roles(&["neighbourhood_manager:BU05991081"]);
    let request = manager
        .data(
            "{ overdueCommitments { commitments { nodes { id } } } }",
            json!({}),
        )
        .await["overdueCommitments"]["commitments"]["nodes"][0]["id"]
        .clone();
    let raise = json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord binnen 24 uur." } });
    let first = manager.data(RAISE, raise.clone()).await["raiseEscalation"]["escalation"].clone();
    let second = manager.graphql(RAISE, raise.clone()).await;
    assert_eq!(error_code(&second), "BAD_USER_INPUT", "{second}");
    assert_eq!(second["errors"][0]["extensions"]["field"], "input.subject");
    // Once that one is closed, a new one may be raised — by one of four at once.
    let withdraw = "mutation($input: EscalationStepInput!) { withdrawEscalation(input: $input) { escalation { status } } }";
    let closed = manager
        .data(withdraw, step(&first["id"], 1, "Toch eerst zelf navragen."))
        .await;
    assert_eq!(
        closed["withdrawEscalation"]["escalation"]["status"],
        "WITHDRAWN"
    );
    let racing =
        futures_util::future::join_all((0..4).map(|_| manager.graphql(RAISE, raise.clone()))).await;
    let opened = racing
        .iter()
        .filter(|answer| answer["errors"].is_null())
        .count();
    assert_eq!(opened, 1, "{racing:#?}");
    let open = app
        .data(
            "{ escalations(filter: {status: OPEN}, first: 100) { nodes { commitment { id } } } }",
            json!({}),
        )
        .await;
    let on_request = open["escalations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["commitment"]["id"] == request)
        .count();
    assert_eq!(on_request, 1);
}
run_on_both_databases!(a_request_has_one_open_escalation_at_a_time);

async fn a_stalled_level_is_pulled_up_the_area_director_takes_over_and_an_answered_request_resolves_without_a_decision(
    app: TestApp,
) {
    use sea_orm::{ConnectionTrait, Statement};
    let manager = app.as_roles(&["neighbourhood_manager:BU05991081"]);
    let request = manager
        .data(
            "{ overdueCommitments { commitments { nodes { id } } } }",
            json!({}),
        )
        .await["overdueCommitments"]["commitments"]["nodes"][0]["id"]
        .clone();
    let raised = manager.data(RAISE, json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord binnen 24 uur." } })).await["raiseEscalation"]["escalation"].clone();
    let id = raised["id"].clone();
    let vei = app.as_roles(&["cluster_manager:VEI"]);
    // Fresh at team level: the level above may not take it yet.
    let early = vei
        .graphql(FURTHER, step(&id, 1, "Wij pakken het op."))
        .await;
    assert_eq!(error_code(&early), "FORBIDDEN", "{early}");
    // Five working days without a step.
    let row = crate::authz::db_id(&id);
    for sql in [
        format!(
            "UPDATE escalation_event SET occurred_at = '2020-01-06T09:00:00+00:00' WHERE escalation_id = {row}"
        ),
        format!("UPDATE escalation SET raised_at = '2020-01-06T09:00:00+00:00' WHERE id = {row}"),
    ] {
        app.db
            .execute_raw(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap();
    }
    let pulled = vei.data(FURTHER, step(&id, 1, "Wij pakken het op.")).await["escalateFurther"]["escalation"].clone();
    assert_eq!(
        (pulled["level"].as_str(), pulled["owner"].as_str()),
        (Some("CLUSTER"), Some("cluster_manager:VEI"))
    );
    // The area director takes it over while the cluster still holds it.
    assert_eq!(
        error_code(
            &app.as_roles(&["area_director:WK059912"])
                .graphql(FURTHER, step(&id, 2, "x"))
                .await
        ),
        "NOT_FOUND"
    );
    let taken = app
        .as_roles(&["area_director:WK059910"])
        .data(FURTHER, step(&id, 2, "Ik neem dit over."))
        .await["escalateFurther"]["escalation"]
        .clone();
    assert_eq!(
        (taken["level"].as_str(), taken["owner"].as_str()),
        (Some("AREA"), Some("area_director:WK059910"))
    );
    let operations = audit_operations(&app, &id).await;
    assert_eq!(
        operations,
        ["raiseEscalation", "pullUpEscalation", "takeOverEscalation"]
    );
    // Once the cluster has answered, the director resolves without a decision of their own.
    let ids = app.data(r#"query($id: ID!) { node(id: $id) { ... on Commitment { version } } vei: clusters(filter: {code: "VEI"}) { nodes { id } } }"#, json!({ "id": request })).await;
    let line = app.data("query($c: ID) { budgetLines(filter: {clusterId: $c, year: 2016}, first: 1) { nodes { id } } }", json!({ "c": ids["vei"]["nodes"][0]["id"] })).await["budgetLines"]["nodes"][0]["id"].clone();
    let respond = "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }";
    let answered = app.as_roles(&["cluster_member:VEI"]).data(respond, json!({ "input": { "id": request, "expectedVersion": ids["node"]["version"], "answer": "ACCEPT", "hours": "4", "amount": "1", "budgetLineId": line } })).await;
    assert_eq!(
        answered["respondToCommitment"]["commitment"]["status"],
        "ACCEPTED"
    );
    let resolved = app
        .as_roles(&["area_director:WK059910"])
        .data(RESOLVE, step(&id, 3, "Beantwoord na overleg."))
        .await;
    assert_eq!(
        resolved["resolveEscalation"]["escalation"]["status"],
        "RESOLVED"
    );
}
run_on_both_databases!(a_stalled_level_is_pulled_up_the_area_director_takes_over_and_an_answered_request_resolves_without_a_decision);

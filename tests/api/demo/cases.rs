//! The report's cases: the seeded escalation's steps and the overdue request.

use super::*;

async fn the_seeded_escalation_took_the_steps_the_api_allows_its_actors(app: TestApp) {
    let data = app.data(
        "{ escalations(filter: {status: OPEN}) { nodes { level owner raisedBy neighbourhood { code team(first: 20) { nodes { role person { name } } } }
            history(first: 10) { nodes { level actor } } } } }",
        json!({}),
    ).await;
    let escalation = &nodes(&data["escalations"])[0];
    let code = escalation["neighbourhood"]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let manager = nodes(&escalation["neighbourhood"]["team"])
        .iter()
        .find(|m| m["role"] == "NEIGHBOURHOOD_MANAGER")
        .unwrap()["person"]["name"]
        .clone();
    let history: Vec<(&str, &Value)> = nodes(&escalation["history"])
        .iter()
        .map(|e| (e["level"].as_str().unwrap(), &e["actor"]))
        .collect();
    assert_eq!(escalation["raisedBy"], manager);
    assert_eq!(
        history,
        [
            ("TEAM", &manager),
            ("CLUSTER", &manager),
            ("AREA", &json!("area_director:WK059910"))
        ]
    );
    assert_eq!(escalation["owner"], "area_director:WK059910");

    // The same steps, taken through the API by the same roles on the plan's other
    // refusal, are allowed and end at the same level and owner.
    let manager_role = format!("neighbourhood_manager:{code}");
    let as_manager = app.as_roles(&[manager_role.as_str()]);
    let refusals = as_manager.data("{ commitments(filter: {status: REJECTED}) { nodes { id escalations { totalCount } } } }", json!({})).await;
    let other = nodes(&refusals["commitments"])
        .iter()
        .find(|c| c["escalations"]["totalCount"] == 0)
        .unwrap()["id"]
        .clone();
    let raised = as_manager.data(
        "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id } } }",
        json!({ "input": { "subject": { "rejectedCommitment": other }, "reason": "Sleutelactie afgewezen." } }),
    ).await["raiseEscalation"]["escalation"]["id"].clone();
    let further = "mutation($input: EscalationStepInput!) { escalateFurther(input: $input) { escalation { level owner } } }";
    let step = |version: i64, note: &str| json!({ "input": { "id": raised, "expectedVersion": version, "note": note } });
    let to_cluster = as_manager
        .data(further, step(1, "Naar de clusterdirectie."))
        .await;
    assert_eq!(
        to_cluster["escalateFurther"]["escalation"]["level"],
        "CLUSTER"
    );
    let taken = app
        .as_roles(&["area_director:WK059910"])
        .data(further, step(2, "Overgenomen."))
        .await;
    assert_eq!(
        taken["escalateFurther"]["escalation"],
        json!({ "level": "AREA", "owner": "area_director:WK059910" })
    );
}
run_on_both_databases!(the_seeded_escalation_took_the_steps_the_api_allows_its_actors);

async fn the_overdue_request_was_asked_after_the_half_year_for_an_action_not_yet_started_and_the_reservation_names_late_consultation(
    app: TestApp,
) {
    let data = app.data(
        "{ overdueCommitments { commitments { nodes { requestedAt action { status progressPercent } } } }
           reserved: commitments(filter: {status: ACCEPTED_WITH_RESERVATION}) { nodes { reason } } }",
        json!({}),
    ).await;
    let overdue = nodes(&data["overdueCommitments"]["commitments"]);
    assert_eq!(overdue.len(), 1);
    assert!(
        overdue[0]["requestedAt"].as_str().unwrap() > "2016-07-01",
        "{overdue:?}"
    );
    assert_eq!(
        overdue[0]["action"],
        json!({ "status": "NOT_STARTED", "progressPercent": 0 })
    );
    let reserved = nodes(&data["reserved"]);
    assert_eq!(reserved.len(), 1);
    assert!(
        reserved[0]["reason"]
            .as_str()
            .unwrap()
            .contains("niet tijdig"),
        "{reserved:?}"
    );
}
run_on_both_databases!(the_overdue_request_was_asked_after_the_half_year_for_an_action_not_yet_started_and_the_reservation_names_late_consultation);

//! Cheap polling (issue 11, item 6): `updatedSince` on the lists whose rows change returns
//! exactly the rows created or changed since the moment — plans, actions, commitments,
//! escalations, budget lines and residents' input.

use serde_json::{Value, json};

use crate::helpers::{TestApp, neighbourhood_id, run_on_both_databases};

/// The ids a list returns for `updatedSince: since`.
async fn changed(app: &crate::helpers::TestApp, list: &str, since: &str) -> Vec<Value> {
    let query = format!(
        "query($since: DateTime) {{ {list}(filter: {{updatedSince: $since}}, first: 100) {{ nodes {{ id }} }} }}"
    );
    let data = app.data(&query, json!({ "since": since })).await;
    data[list]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["id"].clone())
        .collect()
}

async fn updated_since_returns_exactly_the_rows_changed_after_the_moment_in_every_polled_list(
    app: TestApp,
) {
    let lists = [
        "plans",
        "actions",
        "commitments",
        "escalations",
        "budgetLines",
        "residentInputs",
    ];
    let before = chrono::Utc::now().to_rfc3339();
    for list in lists {
        assert_eq!(
            changed(&app, list, &before).await,
            Vec::<Value>::new(),
            "{list}: nothing yet"
        );
    }
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;

    let data = app.data(
        r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { id version priorities(first: 1) { nodes { actions(first: 1) { nodes { id version } } } } } }
             clusters(filter: {code: "MO"}) { nodes { id } }
             overdueCommitments { commitments { nodes { id } } }
             budgetLines(filter: {year: 2017}, first: 1) { nodes { id } } }"#,
        json!({}),
    ).await;
    let plan = &data["plans"]["nodes"][0];
    let action = &plan["priorities"]["nodes"][0]["actions"]["nodes"][0];
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let commitment = manager.data("mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }",
        json!({ "input": { "actionId": action["id"], "clusterId": data["clusters"]["nodes"][0]["id"], "question": "Mee eens?" } })).await["requestCommitment"]["commitment"]["id"].clone();
    let input = manager.data("mutation($input: RecordResidentInputInput!) { recordResidentInput(input: $input) { residentInput { id } } }",
        json!({ "input": { "neighbourhoodId": neighbourhood_id(&app, "BU05991086").await, "source": "SURVEY", "receivedOn": "2016-12-01", "summary": "Meer bankjes op het plein." } })).await["recordResidentInput"]["residentInput"]["id"].clone();
    manager.data("mutation($input: RevisePlanInput!) { revisePlan(input: $input) { plan { id } } }",
        json!({ "input": { "id": plan["id"], "expectedVersion": plan["version"], "reason": "Bijstellen" } })).await;
    // Edited in the revision it reopened.
    manager.data("mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { id } } }",
        json!({ "input": { "id": action["id"], "expectedVersion": action["version"], "responsiblePerson": "Sanne Bakker" } })).await;
    let escalation = app.as_roles(&["neighbourhood_manager:BU05991081"]).data("mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id } } }",
        json!({ "input": { "subject": { "overdueCommitment": data["overdueCommitments"]["commitments"]["nodes"][0]["id"] }, "reason": "Geen antwoord." } })).await["raiseEscalation"]["escalation"]["id"].clone();
    let line = data["budgetLines"]["nodes"][0]["id"].clone();
    app.as_roles(&["controller"]).data("mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { id } } }",
        json!({ "input": { "budgetLineId": line, "phase": "BUDGET", "amendmentType": "INTENSIFICATION", "delta": "500", "rationale": "Extra." } })).await;

    assert_eq!(changed(&app, "plans", &before).await, [plan["id"].clone()]);
    assert_eq!(
        changed(&app, "actions", &before).await,
        [action["id"].clone()]
    );
    assert_eq!(changed(&app, "commitments", &before).await, [commitment]);
    assert_eq!(changed(&app, "escalations", &before).await, [escalation]);
    assert_eq!(
        changed(&app, "budgetLines", &before).await,
        [line],
        "an amendment changes its line"
    );
    assert_eq!(changed(&app, "residentInputs", &before).await, [input]);
    let later = (chrono::Utc::now() + chrono::Duration::seconds(1)).to_rfc3339();
    for list in lists {
        assert_eq!(
            changed(&app, list, &later).await,
            Vec::<Value>::new(),
            "{list}: nothing after"
        );
    }
}

run_on_both_databases!(
    updated_since_returns_exactly_the_rows_changed_after_the_moment_in_every_polled_list
);

//! Requests outside the plan (issue 9, item 7): a neighbourhood issue is recorded on the
//! neighbourhood's issue list for the year, requested of a cluster with the same 24-hour
//! deadline, answered, escalated when overdue, and reported apart from the priorities;
//! the public never sees the list.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, count_rows, error_code, neighbourhood_id, run_on_both_databases};

const MANAGER: &str = "neighbourhood_manager:BU05991086";

const RECORD: &str = "mutation($input: RecordNeighbourhoodIssueInput!) {
    recordNeighbourhoodIssue(input: $input) { action { id description priority { title plan { id kind status title } } } } }";
const REQUEST: &str =
    "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) {
    commitment { id version responseDeadline requestedAt } } }";
const RESPOND: &str = "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }";
const RAISE: &str = "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { level owner } } }";
const OUTSIDE: &str = "query($outside: Boolean) {
    commitments(first: 500, filter: {outsidePlan: $outside}) { totalCount nodes { id } }
    actions(first: 500, filter: {outsidePlan: $outside}) { totalCount } }";

fn ids(data: &Value) -> Vec<Value> {
    data["commitments"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["id"].clone())
        .collect()
}

async fn an_issue_outside_the_plan_is_requested_answered_escalated_and_reported_apart(
    app: TestApp,
) {
    let hood = neighbourhood_id(&app, "BU05991086").await;
    let clusters = app
        .data(r#"{ clusters { nodes { id code } } }"#, json!({}))
        .await;
    let cluster = |code: &str| {
        clusters["clusters"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()["id"]
            .clone()
    };
    let issue = |text: &str| json!({ "input": { "neighbourhoodId": hood, "year": 2016, "description": text } });

    let plans_before = count_rows(&app.db, "plan").await;
    let refused = app
        .as_roles(&["cluster_member:MO"])
        .graphql(RECORD, issue("Zwerfvuil bij de moskee"))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    assert_eq!(
        count_rows(&app.db, "plan").await,
        plans_before,
        "nothing is half-written"
    );

    let manager = app.as_roles(&[MANAGER]);
    let first = manager.data(RECORD, issue("Zwerfvuil bij de moskee")).await["recordNeighbourhoodIssue"]["action"].clone();
    let list = first["priority"]["plan"].clone();
    assert_eq!(
        (&list["kind"], &list["status"]),
        (&json!("ISSUE_LIST"), &json!("ADOPTED"))
    );
    assert_eq!(list["title"], "Signalen Afrikaanderwijk 2016");
    let second = manager
        .data(RECORD, issue("Vragen over de nieuwe speeltuin"))
        .await["recordNeighbourhoodIssue"]["action"]
        .clone();
    assert_eq!(
        second["priority"]["plan"]["id"], list["id"],
        "one list per neighbourhood and year"
    );
    assert_eq!(count_rows(&app.db, "plan").await, plans_before + 1);

    // Requested with the same 24-hour deadline, answered by the cluster.
    let request = |action: &Value, code: &str| json!({ "input": { "actionId": action["id"], "clusterId": cluster(code), "question": "Kunnen jullie dit oppakken?" } });
    let asked =
        manager.data(REQUEST, request(&first, "SB")).await["requestCommitment"]["commitment"]
            .clone();
    let hours =
        |field: &str| chrono::DateTime::parse_from_rfc3339(asked[field].as_str().unwrap()).unwrap();
    assert_eq!(
        (hours("responseDeadline") - hours("requestedAt")).num_hours(),
        24
    );
    let answer = json!({ "input": { "id": asked["id"], "expectedVersion": asked["version"], "answer": "REJECT", "reason": "Valt onder de Roteb-route" } });
    let answered = app
        .as_roles(&["cluster_member:SB"])
        .data(RESPOND, answer)
        .await;
    assert_eq!(
        answered["respondToCommitment"]["commitment"]["status"],
        "REJECTED"
    );

    // Unanswered past the deadline, escalated like a plan action.
    let late =
        manager.data(REQUEST, request(&second, "MO")).await["requestCommitment"]["commitment"]
            .clone();
    let row = crate::authz::db_id(&late["id"]);
    let sql = format!(
        "UPDATE commitment SET response_deadline = '2016-03-01T09:00:00+00:00' WHERE id = {row}"
    );
    app.db
        .execute_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    let raise = json!({ "input": { "subject": { "overdueCommitment": late["id"] }, "reason": "Geen antwoord binnen 24 uur." } });
    let raised = manager.data(RAISE, raise).await["raiseEscalation"]["escalation"].clone();
    assert_eq!(raised, json!({ "level": "TEAM", "owner": MANAGER }));

    // Reported apart from the priorities: the two filters split every list exactly.
    let all = app.data(OUTSIDE, json!({ "outside": null })).await;
    let outside = app.data(OUTSIDE, json!({ "outside": true })).await;
    let inside = app.data(OUTSIDE, json!({ "outside": false })).await;
    assert_eq!(ids(&outside), vec![asked["id"].clone(), late["id"].clone()]);
    assert_eq!(outside["actions"]["totalCount"], 2);
    for list in ["commitments", "actions"] {
        let sum = outside[list]["totalCount"].as_i64().unwrap()
            + inside[list]["totalCount"].as_i64().unwrap();
        assert_eq!(sum, all[list]["totalCount"].as_i64().unwrap(), "{list}");
    }
    assert!(!ids(&inside).contains(&asked["id"]));

    // The list is internal: the public sees neither it nor its issues.
    let public = app.as_roles(&[]).data("query($id: ID!, $action: ID!) { plan: node(id: $id) { id } action: node(id: $action) { id } }",
        json!({ "id": list["id"], "action": first["id"] })).await;
    assert_eq!(public, json!({ "plan": null, "action": null }));
}

run_on_both_databases!(
    an_issue_outside_the_plan_is_requested_answered_escalated_and_reported_apart
);

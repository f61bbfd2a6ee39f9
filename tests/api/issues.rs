//! Requests outside the plan (issue 9, item 7): a neighbourhood issue is recorded on the
//! neighbourhood's issue list for the year, requested of a cluster with the same 24-hour
//! deadline, answered, escalated when overdue, and reported apart from the priorities;
//! the public never sees the list.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{
    TestApp, cluster_id, count_rows, error_code, neighbourhood_id, run_on_both_databases,
};

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

fn issue(hood: &Value, text: &str) -> Value {
    json!({ "input": { "neighbourhoodId": hood, "year": 2016, "description": text } })
}

/// Two issues recorded by Afrikaanderwijk's manager for 2016; answers their actions.
async fn two_issues(app: &TestApp) -> (Value, Value) {
    let hood = neighbourhood_id(app, "BU05991086").await;
    let manager = app.as_roles(&[MANAGER]);
    let mut recorded = Vec::new();
    for text in ["Zwerfvuil bij de moskee", "Vragen over de nieuwe speeltuin"] {
        recorded.push(
            manager.data(RECORD, issue(&hood, text)).await["recordNeighbourhoodIssue"]["action"]
                .clone(),
        );
    }
    (recorded[0].clone(), recorded[1].clone())
}

/// The manager's request of the cluster `code` on the issue `action`.
async fn requested(app: &TestApp, action: &Value, code: &str) -> Value {
    let cluster = cluster_id(app, code).await;
    let input = json!({ "input": { "actionId": action["id"], "clusterId": cluster, "question": "Kunnen jullie dit oppakken?" } });
    app.as_roles(&[MANAGER]).data(REQUEST, input).await["requestCommitment"]["commitment"].clone()
}

async fn the_neighbourhood_manager_records_issues_on_one_internal_list_per_neighbourhood_and_year(
    app: TestApp,
) {
    let hood = neighbourhood_id(&app, "BU05991086").await;
    let plans_before = count_rows(&app.db, "plan").await;
    let refused = app
        .as_roles(&["cluster_member:MO"])
        .graphql(RECORD, issue(&hood, "Zwerfvuil bij de moskee"))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    assert_eq!(
        count_rows(&app.db, "plan").await,
        plans_before,
        "nothing is half-written"
    );

    let (first, second) = two_issues(&app).await;
    let list = first["priority"]["plan"].clone();
    assert_eq!(
        (&list["kind"], &list["status"]),
        (&json!("ISSUE_LIST"), &json!("ADOPTED"))
    );
    assert_eq!(list["title"], "Signalen Afrikaanderwijk 2016");
    assert_eq!(
        second["priority"]["plan"]["id"], list["id"],
        "one list per neighbourhood and year"
    );
    assert_eq!(count_rows(&app.db, "plan").await, plans_before + 1);

    // The list is internal: the public sees neither it nor its issues.
    let public = app.as_roles(&[]).data("query($id: ID!, $action: ID!) { plan: node(id: $id) { id } action: node(id: $action) { id } }",
        json!({ "id": list["id"], "action": first["id"] })).await;
    assert_eq!(public, json!({ "plan": null, "action": null }));
}

async fn an_issue_is_requested_with_the_24_hour_deadline_and_answered_by_the_cluster(app: TestApp) {
    let (first, _) = two_issues(&app).await;
    let asked = requested(&app, &first, "SB").await;
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
}

async fn an_issues_request_unanswered_past_its_deadline_is_escalated_like_a_plan_action(
    app: TestApp,
) {
    let (_, second) = two_issues(&app).await;
    let late = requested(&app, &second, "MO").await;
    let row = crate::authz::db_id(&late["id"]);
    let sql = format!(
        "UPDATE commitment SET response_deadline = '2016-03-01T09:00:00+00:00' WHERE id = {row}"
    );
    app.db
        .execute_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    let raise = json!({ "input": { "subject": { "overdueCommitment": late["id"] }, "reason": "Geen antwoord binnen 24 uur." } });
    let raised =
        app.as_roles(&[MANAGER]).data(RAISE, raise).await["raiseEscalation"]["escalation"].clone();
    assert_eq!(raised, json!({ "level": "TEAM", "owner": MANAGER }));
}

async fn issues_are_reported_apart_and_the_outside_plan_filter_splits_every_list_exactly(
    app: TestApp,
) {
    let (first, second) = two_issues(&app).await;
    let asked = requested(&app, &first, "SB").await;
    let late = requested(&app, &second, "MO").await;
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
}

run_on_both_databases!(
    the_neighbourhood_manager_records_issues_on_one_internal_list_per_neighbourhood_and_year,
    an_issue_is_requested_with_the_24_hour_deadline_and_answered_by_the_cluster,
    an_issues_request_unanswered_past_its_deadline_is_escalated_like_a_plan_action,
    issues_are_reported_apart_and_the_outside_plan_filter_splits_every_list_exactly
);

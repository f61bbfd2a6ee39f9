//! The plan written with the clusters (issue 9, items 1 and 3): during consultation a
//! cluster proposes measures for itself to lead and gives its position on each action it
//! is asked to lead, kept as history; the area director adopts a plan with five
//! priorities and every lead cluster's position, or accepts each gap with a recorded
//! reason; an objected action is dropped or adopted with the objection visible.

use serde_json::{Value, json};

use crate::helpers::{
    TestApp, cluster_id, count_rows, error_code, neighbourhood_id, run_on_both_databases,
};

mod adoption;
mod positions;

const MANAGER: &str = "neighbourhood_manager:BU05991081";
const DIRECTOR: &str = "area_director:WK059910";

const CREATE_PLAN: &str =
    "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id version } } }";
const ADD_PRIORITY: &str = "mutation($input: AddPriorityInput!) {
    addPriority(input: $input) { priority { id plan { version } } } }";
const ADD_ACTION: &str =
    "mutation($input: AddActionInput!) { addAction(input: $input) { action { id } } }";
const SUBMIT: &str =
    "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { version } } }";
const PROPOSE: &str = "mutation($input: ProposeActionInput!) { proposeAction(input: $input) {
    action { id leadClusterPosition proposedBy { code } leadCluster { code } } } }";
const TAKE: &str = "mutation($input: TakePositionInput!) { takePosition(input: $input) {
    position { position reason takenBy cluster { code } action { leadClusterPosition } } } }";
const DROP: &str = "mutation($input: DropActionInput!) { dropAction(input: $input) {
    action { droppedAt dropReason commitments { nodes { status } } } } }";
const UPDATE_ACTION: &str = "mutation($input: UpdateActionInput!) { updateAction(input: $input) {
    action { leadClusterPosition positions { totalCount } } } }";
const ADOPT: &str = "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) {
    plan { status adoptionWaivers { nodes { itemId gap reason waivedBy } } } } }";
const POSITIONS: &str = "query($id: ID!) { node(id: $id) { ... on Action {
    leadClusterPosition positions { totalCount nodes { position reason cluster { code } } } } } }";
const VERSION: &str = "query($id: ID!) { node(id: $id) { ... on Action { version } } }";

/// A Bloemhof 2017 plan drafted by its manager: one priority per lead cluster code, each
/// with one SMART action led by that cluster. Answers the plan, its version, and the
/// priorities' and actions' ids in order.
async fn drafted(app: &TestApp, leads: &[&str]) -> (Value, i64, Vec<Value>, Vec<Value>) {
    let manager = app.as_roles(&[MANAGER]);
    let bloemhof = neighbourhood_id(app, "BU05991081").await;
    let input = json!({ "input": { "neighbourhoodId": bloemhof, "year": 2017 } });
    let plan = manager.data(CREATE_PLAN, input).await["createPlan"]["plan"]["id"].clone();
    let (mut version, mut priorities, mut actions) = (1, Vec::new(), Vec::new());
    for (n, lead) in leads.iter().enumerate() {
        let input = json!({ "input": { "planId": plan, "expectedPlanVersion": version,
            "title": format!("Prioriteit {n}"), "description": "D" } });
        let added = manager.data(ADD_PRIORITY, input).await["addPriority"]["priority"].clone();
        version = added["plan"]["version"].as_i64().unwrap();
        let input = json!({ "input": { "priorityId": added["id"], "description": format!("Maatregel {n}"),
            "leadClusterId": cluster_id(app, lead).await, "responsiblePerson": "Sanne Bos",
            "measurableTarget": "4 bijeenkomsten", "deadline": "2017-12-31" } });
        let action = manager.data(ADD_ACTION, input).await["addAction"]["action"]["id"].clone();
        priorities.push(added["id"].clone());
        actions.push(action);
    }
    (plan, version, priorities, actions)
}

/// Submits the plan for consultation; answers its new version.
async fn submitted(app: &TestApp, plan: &Value, version: i64) -> i64 {
    let input = json!({ "input": { "id": plan, "expectedVersion": version } });
    let data = app.as_roles(&[MANAGER]).data(SUBMIT, input).await;
    data["submitPlan"]["plan"]["version"].as_i64().unwrap()
}

fn take(action: &Value, position: &str, reason: Option<&str>) -> Value {
    json!({ "input": { "actionId": action, "position": position, "reason": reason } })
}

fn field(response: &Value) -> &Value {
    &response["errors"][0]["extensions"]["field"]
}

/// A Bloemhof plan with actions led by MO and SB, submitted for consultation; answers the
/// priorities' and actions' ids.
async fn in_consultation(app: &TestApp) -> (Vec<Value>, Vec<Value>) {
    let (plan, version, priorities, actions) = drafted(app, &["MO", "SB"]).await;
    submitted(app, &plan, version).await;
    (priorities, actions)
}

//! Every role against every kind of change, generated from the permission matrix: a step
//! succeeds exactly where the matrix grants it on the target row, answers `FORBIDDEN` where
//! the caller sees the row but may not change it, `NOT_FOUND` where they cannot see it, and
//! `UNAUTHENTICATED` without a token — on both databases, each role on a fresh app.

use serde_json::{Value, json};
use wijkgraph::access::matrix::{EntityKind, Operation, ScopeKind, scope_of};

use crate::authz::{CALLERS, db_id, roles, truth};
use crate::helpers::{Engine, TestApp, error_code, spawn_app};

/// One kind of change: the entity and operation the matrix guards it with, how to find the
/// target (as admin), and the mutation to attempt on it.
struct Case {
    name: &'static str,
    entity: EntityKind,
    operation: Operation,
    target: &'static str,
    mutation: &'static str,
    input: fn(&Value) -> Value,
    /// The kind of row the change creates, when the matrix also guards the new row (a
    /// request is checked as a commitment of the cluster asked, which is SB).
    creates: Option<EntityKind>,
}

/// Ordered so no step removes a later step's target (closing the plan comes last).
const CASES: [Case; 7] = [
    Case {
        name: "submitPlan",
        entity: EntityKind::Plan,
        operation: Operation::Edit,
        target: "{ plans(filter: {status: DRAFT}) { nodes { id version } } }",
        mutation: "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { id } } }",
        input: |t| json!({ "id": t["id"], "expectedVersion": t["version"] }),
        creates: None,
    },
    Case {
        name: "requestCommitment",
        entity: EntityKind::Action,
        operation: Operation::Request,
        target: r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id version } } } } } } }"#,
        mutation: "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }",
        input: |t| json!({ "actionId": t["id"], "clusterId": t["cluster"] }),
        creates: Some(EntityKind::Commitment),
    },
    Case {
        name: "respondToCommitment",
        entity: EntityKind::Commitment,
        operation: Operation::Answer,
        target: "{ commitments(filter: {status: REQUESTED}) { nodes { id version } } }",
        mutation: "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { id } } }",
        input: |t| json!({ "id": t["id"], "expectedVersion": t["version"], "answer": "REJECT", "reason": "Geen capaciteit." }),
        creates: None,
    },
    Case {
        name: "reportProgress",
        entity: EntityKind::Action,
        operation: Operation::ReportProgress,
        target: r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id version } } } } } } }"#,
        mutation: "mutation($input: ReportProgressInput!) { reportProgress(input: $input) { action { id } } }",
        input: |t| json!({ "actionId": t["id"], "expectedVersion": t["version"], "percent": 50, "status": "IN_PROGRESS", "trafficLight": "GREEN", "note": "Op schema." }),
        creates: None,
    },
    Case {
        name: "endTeamMembership",
        entity: EntityKind::TeamMembership,
        operation: Operation::ManageTeam,
        target: r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { teamMemberships(first: 1) { nodes { id } } } } }"#,
        mutation: "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { id } } }",
        input: |t| json!({ "id": t["id"], "validTo": "2016-12-31" }),
        creates: None,
    },
    Case {
        name: "closeResidentInput",
        entity: EntityKind::ResidentInput,
        operation: Operation::RecordInput,
        target: "{ residentInputs(filter: {outcome: PENDING}) { nodes { id version } } }",
        mutation: "mutation($input: CloseResidentInputInput!) { closeResidentInput(input: $input) { residentInput { id } } }",
        input: |t| json!({ "id": t["id"], "expectedVersion": t["version"], "reason": "Valt buiten het wijkactieplan." }),
        creates: None,
    },
    Case {
        name: "closePlan",
        entity: EntityKind::Plan,
        operation: Operation::Adopt,
        target: r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { id version } } }"#,
        mutation: "mutation($input: PlanStepInput!) { closePlan(input: $input) { plan { id } } }",
        input: |t| json!({ "id": t["id"], "expectedVersion": t["version"] }),
        creates: None,
    },
];

/// The first object with an `id` anywhere in `value`.
fn first_object(value: &Value) -> Option<Value> {
    match value {
        Value::Object(map) if map.contains_key("id") => Some(value.clone()),
        Value::Object(map) => map.values().find_map(first_object),
        Value::Array(items) => items.iter().find_map(first_object),
        _ => None,
    }
}

async fn attempt(app: &TestApp, caller: &str, case: &Case) {
    let mut target = first_object(&app.data(case.target, json!({})).await)
        .unwrap_or_else(|| panic!("{}: no target", case.name));
    let sb = app
        .data(
            r#"{ clusters(filter: {code: "SB"}) { nodes { id } } }"#,
            json!({}),
        )
        .await;
    target["cluster"] = sb["clusters"]["nodes"][0]["id"].clone();
    let id = db_id(&target["id"]);
    let expected = if caller.is_empty() {
        "UNAUTHENTICATED"
    } else if !truth(app, caller, case.entity, Operation::Read)
        .await
        .contains(&id)
    {
        "NOT_FOUND"
    } else if truth(app, caller, case.entity, case.operation)
        .await
        .contains(&id)
        && new_row_allowed(caller, case)
    {
        "OK"
    } else {
        "FORBIDDEN"
    };
    let response = app
        .as_roles(&roles(caller))
        .graphql(case.mutation, json!({ "input": (case.input)(&target) }))
        .await;
    let outcome = if response.get("errors").is_none() {
        "OK"
    } else {
        error_code(&response)
    };
    assert_eq!(outcome, expected, "{caller:?} {}: {response}", case.name);
}

/// Whether the matrix lets `caller` create the case's new row, which belongs to cluster SB
/// and to the target's neighbourhood and area (those the target check covers already).
fn new_row_allowed(caller: &str, case: &Case) -> bool {
    let Some(kind) = case.creates else {
        return true;
    };
    let Some(grant) = wijkgraph::access::Grant::parse(caller) else {
        return false;
    };
    match scope_of(grant.role, kind, case.operation) {
        ScopeKind::None => false,
        ScopeKind::OwnCluster => grant.code == "SB",
        _ => true,
    }
}

async fn every_role_against_every_change(engine: Engine) {
    for caller in CALLERS {
        let app = spawn_app(engine).await;
        for case in &CASES {
            attempt(&app, caller, case).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_change_on_sqlite() {
    every_role_against_every_change(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_change_on_postgres() {
    every_role_against_every_change(Engine::Postgres).await;
}

//! The escalation ladder, progress reports, team history and residents' input over HTTP,
//! with the right roles and wrong ones.

use serde_json::{Value, json};

use crate::helpers::{TestApp, audit_operations, error_code, run_on_both_databases};

mod climbing;
mod progress;
mod residents;
mod stalling;
mod team;

const RAISE: &str = "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id level owner status version } } }";
const FURTHER: &str = "mutation($input: EscalationStepInput!) { escalateFurther(input: $input) { escalation { level owner version } } }";
const RESOLVE: &str = "mutation($input: EscalationStepInput!) { resolveEscalation(input: $input) { escalation { status resolution version history { totalCount nodes { level status } } } } }";

fn step(id: &Value, version: i64, note: &str) -> Value {
    json!({ "input": { "id": id, "expectedVersion": version, "note": note } })
}

const LADDER_MANAGER: &str = "neighbourhood_manager:BU05991081";

/// The id of the one request overdue in Oud-Charlois (BU05991081): VEI's.
async fn overdue_request(app: &TestApp) -> Value {
    app.as_roles(&[LADDER_MANAGER])
        .data(
            "{ overdueCommitments { commitments { nodes { id } } } }",
            json!({}),
        )
        .await["overdueCommitments"]["commitments"]["nodes"][0]["id"]
        .clone()
}

fn raise(request: &Value) -> Value {
    json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord binnen 24 uur." } })
}

/// The overdue request and its escalation raised by the neighbourhood's manager.
async fn raised(app: &TestApp) -> (Value, Value) {
    let request = overdue_request(app).await;
    let raised = app
        .as_roles(&[LADDER_MANAGER])
        .data(RAISE, raise(&request))
        .await["raiseEscalation"]["escalation"]["id"]
        .clone();
    (request, raised)
}

//! Traceability that never points at nothing (issue 10, item 1): input lands in one or more
//! dated places (actions and priorities of the neighbourhood's plans, priorities of its
//! area plan); dropping what it landed in ends the landing, moves input from a dropped
//! action to its priority, and reopens input with no place left, each audited; the public
//! looks input up by its short reference.

use entity::{input_landing, resident_input};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, QueryOrder};
use serde_json::{Value, json};

use crate::helpers::{
    TestApp, audit_operations, error_code, neighbourhood_id, run_on_both_databases,
};

mod landing;
mod order;

const MANAGER: &str = "neighbourhood_manager:BU05991086";

const RECORD: &str = "mutation($input: RecordResidentInputInput!) {
    recordResidentInput(input: $input) { residentInput { id reference version } } }";
const LINK: &str = "mutation($input: LinkResidentInputInput!) {
    linkResidentInput(input: $input) { residentInput { outcome version } } }";
const LOOKUP: &str = "query($ref: String!) { residentInput(reference: $ref) { reference outcome
    priority { id } landings { nodes { endedAt endReason priority { id } action { id progressUpdates { nodes { public } } } } } } }";
const PLAN: &str = r#"{ plans(filter: {titleContains: "Afrikaanderwijk 2016"}) { nodes { id version
    priorities { nodes { id version actions(first: 5) { nodes { id version } } } } } }
    area: plans(filter: {kind: AREA_PLAN, titleContains: "Feijenoord"}) { nodes { priorities(first: 1) { nodes { id } } } } }"#;

async fn record(app: &crate::helpers::TestApp, summary: &str) -> Value {
    let hood = neighbourhood_id(app, "BU05991086").await;
    let input = json!({ "input": { "neighbourhoodId": hood, "source": "NEIGHBOURHOOD_TABLE", "receivedOn": "2016-10-01", "summary": summary } });
    app.as_roles(&[MANAGER]).data(RECORD, input).await["recordResidentInput"]["residentInput"]
        .clone()
}

fn link(input: &Value, version: i64, place: Value) -> Value {
    json!({ "input": { "id": input["id"], "expectedVersion": version, "landedIn": place } })
}

/// The places a lookup shows as still holding (priority id, action id).
fn holding(found: &Value) -> Vec<(Value, Value)> {
    found["residentInput"]["landings"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|landing| landing["endedAt"].is_null())
        .map(|landing| {
            (
                landing["priority"]["id"].clone(),
                landing["action"]["id"].clone(),
            )
        })
        .collect()
}

/// Afrikaanderwijk's 2016 plan with an input landed in three places: its first
/// priority's first action, its second priority, and the area plan's first priority.
struct Landed {
    plan: Value,
    priorities: Vec<Value>,
    action: Value,
    input: Value,
    reference: String,
    version: i64,
}

async fn landed(app: &TestApp) -> Landed {
    let data = app.data(PLAN, json!({})).await;
    let plan = data["plans"]["nodes"][0].clone();
    let priorities = plan["priorities"]["nodes"].as_array().unwrap().clone();
    let action = priorities[0]["actions"]["nodes"][0].clone();
    let area_priority = data["area"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    let input = record(app, "Meer groen en minder zwerfvuil.").await;
    let mut version = 1;
    for place in [
        json!({ "actionId": action["id"] }),
        json!({ "priorityId": priorities[1]["id"] }),
        json!({ "priorityId": area_priority }),
    ] {
        let linked = app
            .as_roles(&[MANAGER])
            .data(LINK, link(&input, version, place))
            .await;
        assert_eq!(
            linked["linkResidentInput"]["residentInput"]["outcome"],
            "INCORPORATED"
        );
        version = linked["linkResidentInput"]["residentInput"]["version"]
            .as_i64()
            .unwrap();
    }
    let reference = input["reference"].as_str().unwrap().to_owned();
    Landed {
        plan,
        priorities,
        action,
        input,
        reference,
        version,
    }
}

/// Puts the plan under revision (staff read it while it is revised; the public does not
/// see a draft), so its actions and priorities may be dropped.
async fn revise(app: &TestApp, plan: &Value) {
    let revise = json!({ "input": { "id": plan["id"], "expectedVersion": plan["version"], "reason": "Bijstellen" } });
    app.as_roles(&[MANAGER])
        .data(
            "mutation($input: RevisePlanInput!) { revisePlan(input: $input) { plan { id } } }",
            revise,
        )
        .await;
}

//! Traceability that never points at nothing (issue 10, item 1): input lands in one or more
//! dated places (actions and priorities of the neighbourhood's plans, priorities of its
//! area plan); dropping what it landed in ends the landing, moves input from a dropped
//! action to its priority, and reopens input with no place left, each audited; the public
//! looks input up by its short reference.

use entity::{input_landing, resident_input};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, QueryOrder};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, neighbourhood_id, run_on_both_databases};

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

async fn the_public_finds_an_input_by_its_reference_however_typed(app: TestApp) {
    let input = record(&app, "Meer groen en minder zwerfvuil.").await;
    let reference = input["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("RI-2016-"), "{reference}");
    let found = app
        .as_roles(&[])
        .data(LOOKUP, json!({ "ref": reference.to_lowercase() }))
        .await;
    assert_eq!(found["residentInput"]["reference"], reference.as_str());
    assert_eq!(found["residentInput"]["outcome"], "PENDING");
    assert!(
        app.as_roles(&[])
            .data(LOOKUP, json!({ "ref": "RI-1999-0001" }))
            .await["residentInput"]
            .is_null()
    );
}

async fn an_input_lands_in_several_places_but_never_twice_in_one_and_only_by_the_neighbourhood(
    app: TestApp,
) {
    let landed = landed(&app).await;
    let second = &landed.priorities[1];
    let twice = app
        .as_roles(&[MANAGER])
        .graphql(
            LINK,
            link(
                &landed.input,
                landed.version,
                json!({ "priorityId": second["id"] }),
            ),
        )
        .await;
    assert_eq!(
        twice["errors"][0]["extensions"]["field"], "input.priorityId",
        "{twice}"
    );
    let found = app
        .as_roles(&[])
        .data(LOOKUP, json!({ "ref": landed.reference }))
        .await;
    assert_eq!(holding(&found).len(), 3, "{found}");
    let third = &landed.priorities[2];
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(
                    LINK,
                    link(
                        &landed.input,
                        landed.version,
                        json!({ "priorityId": third["id"] })
                    )
                )
                .await
        ),
        "FORBIDDEN"
    );
}

async fn a_dropped_actions_input_moves_to_its_priority_and_the_landing_ends_with_the_reason(
    app: TestApp,
) {
    let landed = landed(&app).await;
    revise(&app, &landed.plan).await;
    let drop_action = json!({ "input": { "id": landed.action["id"], "expectedVersion": landed.action["version"], "reason": "Geen budget" } });
    app.as_roles(&[MANAGER])
        .data(
            "mutation($input: DropActionInput!) { dropAction(input: $input) { action { id } } }",
            drop_action,
        )
        .await;
    let found = app.data(LOOKUP, json!({ "ref": landed.reference })).await;
    let places = holding(&found);
    assert!(
        places.contains(&(landed.priorities[0]["id"].clone(), Value::Null)),
        "moved to the action's priority: {found}"
    );
    assert!(
        !places
            .iter()
            .any(|(_, action_id)| *action_id == landed.action["id"]),
        "{found}"
    );
    let ended: Vec<&Value> = found["residentInput"]["landings"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["endedAt"].is_string())
        .collect();
    assert_eq!(ended.len(), 1);
    assert_eq!(ended[0]["endReason"], "action dropped: Geen budget");
}

async fn an_input_that_loses_every_place_is_open_again_visibly_and_one_with_a_live_place_stays_incorporated(
    app: TestApp,
) {
    let landed = landed(&app).await;
    let (second, third) = (&landed.priorities[1], &landed.priorities[2]);
    // A second input lands only in the third priority.
    let lone = record(&app, "Een hondenuitlaatveld.").await;
    app.as_roles(&[MANAGER])
        .data(LINK, link(&lone, 1, json!({ "priorityId": third["id"] })))
        .await;
    revise(&app, &landed.plan).await;
    let drop =
        "mutation($input: DropPriorityInput!) { dropPriority(input: $input) { priority { id } } }";
    for priority in [second, third] {
        let input = json!({ "input": { "id": priority["id"], "expectedVersion": priority["version"], "reason": "Samengevoegd" } });
        app.as_roles(&[MANAGER]).data(drop, input).await;
    }
    // Still on the action and in the area plan's theme: incorporated, pointing at a live place.
    let found = app.data(LOOKUP, json!({ "ref": landed.reference })).await;
    assert_eq!(found["residentInput"]["outcome"], "INCORPORATED");
    assert_eq!(holding(&found).len(), 2, "{found}");
    assert!(found["residentInput"]["priority"]["id"].is_string());
    // The lone input had no place left: it is open again, visibly.
    let reopened = app
        .as_roles(&[])
        .data(LOOKUP, json!({ "ref": lone["reference"] }))
        .await;
    assert_eq!(reopened["residentInput"]["outcome"], "PENDING");
    assert!(reopened["residentInput"]["priority"].is_null());
    let trail = app
        .data(
            "query($id: ID) { auditTrail(filter: {entityId: $id}) { nodes { operation } } }",
            json!({ "id": lone["id"] }),
        )
        .await;
    let operations: Vec<&str> = trail["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        operations,
        [
            "recordResidentInput",
            "linkResidentInput",
            "reopenResidentInput"
        ]
    );
}

run_on_both_databases!(
    the_public_finds_an_input_by_its_reference_however_typed,
    an_input_lands_in_several_places_but_never_twice_in_one_and_only_by_the_neighbourhood,
    a_dropped_actions_input_moves_to_its_priority_and_the_landing_ends_with_the_reason,
    an_input_that_loses_every_place_is_open_again_visibly_and_one_with_a_live_place_stays_incorporated
);

async fn an_inputs_landings_come_in_the_order_they_were_made_not_by_row_id(app: TestApp) {
    let data = app.data(PLAN, json!({})).await;
    let priorities = data["plans"]["nodes"][0]["priorities"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let manager = app.as_roles(&[MANAGER]);
    let input = record(&app, "Een bankje bij de speeltuin.").await;
    for (version, priority) in [(1, &priorities[0]), (2, &priorities[1])] {
        let place = json!({ "priorityId": priority["id"] });
        manager.data(LINK, link(&input, version, place)).await;
    }
    // The first landing dated an hour after the second, as one entered late would be.
    let newest = resident_input::Entity::find()
        .order_by_desc(resident_input::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let landings: Vec<input_landing::Model> = input_landing::Entity::find()
        .order_by_asc(input_landing::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|landing| landing.resident_input_id == newest.id)
        .collect();
    assert_eq!(landings.len(), 2);
    let mut first: input_landing::ActiveModel = landings[0].clone().into();
    first.linked_at = Set(landings[1].linked_at + chrono::Duration::hours(1));
    first.update(&app.db).await.unwrap();

    let found = app
        .as_roles(&[])
        .data(LOOKUP, json!({ "ref": input["reference"] }))
        .await;
    let places: Vec<&Value> = found["residentInput"]["landings"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|landing| &landing["priority"]["id"])
        .collect();
    assert_eq!(places, [&priorities[1]["id"], &priorities[0]["id"]]);
}

run_on_both_databases!(an_inputs_landings_come_in_the_order_they_were_made_not_by_row_id);

//! Where input lands: found by its reference, in several places but never twice in one,
//! moved up when an action is dropped, open again when it loses every place.

use super::*;

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
    let operations = audit_operations(&app, &lone["id"]).await;
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

//! A plan's priorities, its drafting by the area director, disputes, closing and merging plans.

use super::*;

async fn a_plan_has_at_most_five_priorities_with_unique_ranks(app: TestApp) {
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let draft = manager.data(r#"{ plans(filter: {status: DRAFT}) { nodes { id version priorities { totalCount } } } }"#, json!({})).await;
    let plan = draft["plans"]["nodes"][0].clone();
    let mut version = plan["version"].as_i64().unwrap();
    let taken = manager
        .graphql(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": version, "title": "T", "description": "D", "rank": 1 } }))
        .await;
    assert_eq!(response_field(&taken), "input.rank");
    for n in 3..=5 {
        let added = manager
            .data(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": version, "title": format!("Prioriteit {n}"), "description": "D" } }))
            .await;
        assert_eq!(added["addPriority"]["priority"]["rank"], n);
        version = added["addPriority"]["priority"]["plan"]["version"]
            .as_i64()
            .unwrap();
    }
    let sixth = manager
        .graphql(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": version, "title": "Zes", "description": "D" } }))
        .await;
    assert_eq!(error_code(&sixth), "BAD_USER_INPUT");
    assert_eq!(response_field(&sixth), "input.planId");
    let stale = manager
        .graphql(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": 1, "title": "Oud", "description": "D" } }))
        .await;
    assert_eq!(
        error_code(&stale),
        "BAD_USER_INPUT",
        "the limit is checked before the version: {stale}"
    );
}
run_on_both_databases!(a_plan_has_at_most_five_priorities_with_unique_ranks);

async fn priorities_are_reordered_atomically_edited_and_dropped_with_their_history(app: TestApp) {
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let plan = manager.data("{ plans(filter: {status: DRAFT}) { nodes { id version priorities { nodes { id rank version } } } } }", json!({})).await["plans"]["nodes"][0].clone();
    let (first, second) = (
        plan["priorities"]["nodes"][0].clone(),
        plan["priorities"]["nodes"][1].clone(),
    );
    let reorder = "mutation($input: ReorderPrioritiesInput!) { reorderPriorities(input: $input) { priorities { id rank } } }";
    let partial = manager.graphql(reorder, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": plan["version"], "priorityIds": [second["id"]] } })).await;
    assert_eq!(response_field(&partial), "input.priorityIds");
    let twice = manager.graphql(reorder, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": plan["version"], "priorityIds": [second["id"], second["id"]] } })).await;
    assert_eq!(response_field(&twice), "input.priorityIds");
    let reordered = manager.data(reorder, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": plan["version"], "priorityIds": [second["id"], first["id"]] } })).await;
    assert_eq!(
        reordered["reorderPriorities"]["priorities"],
        json!([{ "id": second["id"], "rank": 1 }, { "id": first["id"], "rank": 2 }])
    );

    let update = "mutation($input: UpdatePriorityInput!) { updatePriority(input: $input) { priority { title version } } }";
    let edited = manager.data(update, json!({ "input": { "id": first["id"], "expectedVersion": first["version"], "title": "Schoon, heel en groen" } })).await;
    assert_eq!(
        edited["updatePriority"]["priority"]["title"],
        "Schoon, heel en groen"
    );
    let stale = manager.graphql(update, json!({ "input": { "id": first["id"], "expectedVersion": first["version"], "title": "Oud" } })).await;
    assert_eq!(error_code(&stale), "CONFLICT");

    let drop = "mutation($input: DropPriorityInput!) { dropPriority(input: $input) { priority { rank droppedAt dropReason } } }";
    let version = edited["updatePriority"]["priority"]["version"].clone();
    let dropped = manager.data(drop, json!({ "input": { "id": first["id"], "expectedVersion": version, "reason": "Opgenomen in prioriteit 1." } })).await;
    assert_eq!(dropped["dropPriority"]["priority"]["rank"], Value::Null);
    assert_eq!(
        dropped["dropPriority"]["priority"]["dropReason"],
        "Opgenomen in prioriteit 1."
    );
    let again = manager.graphql(drop, json!({ "input": { "id": first["id"], "expectedVersion": version.as_i64().unwrap() + 1, "reason": "x" } })).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
    let history = manager
        .data(
            "query($id: ID) { priorities(filter: {planId: $id, dropped: true}) { totalCount } }",
            json!({ "id": plan["id"] }),
        )
        .await;
    assert_eq!(
        history["priorities"]["totalCount"], 1,
        "the dropped priority keeps its history"
    );
}
run_on_both_databases!(priorities_are_reordered_atomically_edited_and_dropped_with_their_history);

async fn the_area_director_drafts_and_edits_plans_in_their_area_only(app: TestApp) {
    let bloemhof = neighbourhood_id(&app, "BU05991081").await;
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    let elsewhere = app.as_roles(&["area_director:WK059912"]);
    let input = json!({ "input": { "neighbourhoodId": bloemhof, "year": 2019 } });
    assert_eq!(
        error_code(&elsewhere.graphql(CREATE_PLAN, input.clone()).await),
        "FORBIDDEN"
    );
    let plan = director.data(CREATE_PLAN, input).await["createPlan"]["plan"].clone();
    assert_eq!(plan["status"], "DRAFT");
    let priority = json!({ "input": { "planId": plan["id"], "expectedPlanVersion": 1, "title": "Veilig naar school", "description": "Oversteekplaatsen bij de scholen." } });
    assert_eq!(
        error_code(&elsewhere.graphql(ADD_PRIORITY, priority.clone()).await),
        "NOT_FOUND",
        "a plan outside their area is not theirs to see"
    );
    let added = director.data(ADD_PRIORITY, priority).await["addPriority"]["priority"].clone();
    assert_eq!(added["rank"], 1);
    // The neighbourhood manager works on the same draft.
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let again = manager.data(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": added["plan"]["version"], "title": "Schone straten", "description": "Extra veegrondes." } })).await;
    assert_eq!(again["addPriority"]["priority"]["rank"], 2);
    let me = director
        .data(
            "{ me { permissions { entity operation allowed reaches { scope } } } }",
            json!({}),
        )
        .await;
    let edit = me["me"]["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["entity"] == "PLAN" && p["operation"] == "EDIT")
        .cloned()
        .expect("the edit permission");
    assert_eq!(edit["allowed"], true, "{me}");
    assert_eq!(edit["reaches"][0]["scope"], "OWN_AREAS", "{me}");
}
run_on_both_databases!(the_area_director_drafts_and_edits_plans_in_their_area_only);

async fn a_cluster_disputes_an_adopted_item_on_its_own_behalf_only(app: TestApp) {
    let found = app.data(r#"{ plans(filter: {status: ADOPTED, titleContains: "Hillesluis"}) { nodes { priorities(first: 1) { nodes { id actions(first: 1) { nodes { id } } } } } }
                             sb: clusters(filter: {code: "SB"}) { nodes { id } } mo: clusters(filter: {code: "MO"}) { nodes { id } }
                             draft: plans(filter: {status: DRAFT}) { nodes { priorities(first: 1) { nodes { id } } } } }"#, json!({})).await;
    let priority = &found["plans"]["nodes"][0]["priorities"]["nodes"][0];
    let (sb, mo) = (
        found["sb"]["nodes"][0]["id"].clone(),
        found["mo"]["nodes"][0]["id"].clone(),
    );
    let dispute = "mutation($input: DisputePlanItemInput!) { disputePlanItem(input: $input) { escalation { subject level owner cluster { code } } } }";
    let input = |item: Value, cluster: &Value| json!({ "input": { "item": item, "clusterId": cluster, "reason": "Past niet in het stedelijke programma." } });
    let sb_member = app.as_roles(&["cluster_member:SB"]);
    assert_eq!(
        error_code(
            &sb_member
                .graphql(
                    dispute,
                    input(
                        json!({ "actionId": priority["actions"]["nodes"][0]["id"] }),
                        &mo
                    )
                )
                .await
        ),
        "FORBIDDEN"
    );
    let recorded = sb_member
        .data(dispute, input(json!({ "priorityId": priority["id"] }), &sb))
        .await["disputePlanItem"]["escalation"]
        .clone();
    assert_eq!(recorded["subject"], "DISPUTED_ITEM");
    assert_eq!(recorded["level"], "TEAM");
    assert_eq!(recorded["cluster"]["code"], "SB");
    let draft_item = found["draft"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    assert_eq!(
        error_code(
            &sb_member
                .graphql(dispute, input(json!({ "priorityId": draft_item }), &sb))
                .await
        ),
        "INVALID_TRANSITION"
    );
}
run_on_both_databases!(a_cluster_disputes_an_adopted_item_on_its_own_behalf_only);

//! A plan from draft to adoption, one behaviour per test: who creates it, who adopts it,
//! what adoption requires and freezes, and what the audit trail keeps of it.

use serde_json::{Value, json};

use crate::helpers::{TestApp, count_rows, error_code, neighbourhood_id, run_on_both_databases};
use crate::workflows::{
    ADD_ACTION, ADD_PRIORITY, ADOPT, BLOEMHOF_MANAGER, CREATE_PLAN, FEIJENOORD_DIRECTOR, SUBMIT,
    UPDATE_ACTION, id_of,
};

async fn create_input(app: &TestApp) -> Value {
    let bloemhof = neighbourhood_id(app, "BU05991081").await;
    json!({ "input": { "neighbourhoodId": bloemhof, "year": 2017 } })
}

/// Bloemhof's 2017 plan, drafted by its manager with one priority and one action whose SMART
/// fields are still empty, and submitted for consultation (plan version 3).
struct Submitted {
    plan: Value,
    action: Value,
}

async fn submitted(app: &TestApp) -> Submitted {
    let mo = id_of(
        app,
        r#"{ clusters(filter: {code: "MO"}) { nodes { id } } }"#,
        "/clusters/nodes/0/id",
    )
    .await;
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let input = create_input(app).await;
    let plan = manager.data(CREATE_PLAN, input).await["createPlan"]["plan"].clone();
    let priority = manager
        .data(ADD_PRIORITY, json!({ "input": { "planId": plan["id"], "expectedPlanVersion": 1, "title": "Schoon en heel", "description": "Een schone wijk." } }))
        .await["addPriority"]["priority"].clone();
    assert_eq!(priority["rank"], 1);
    let action = manager
        .data(ADD_ACTION, json!({ "input": { "priorityId": priority["id"], "description": "Extra veegrondes", "leadClusterId": mo } }))
        .await["addAction"]["action"].clone();
    let submitted = manager
        .data(
            SUBMIT,
            json!({ "input": { "id": plan["id"], "expectedVersion": 2 } }),
        )
        .await;
    assert_eq!(submitted["submitPlan"]["plan"]["status"], "IN_CONSULTATION");
    Submitted { plan, action }
}

/// The submitted plan with its action's SMART fields filled in (action version 2) and
/// adopted by Feijenoord's director, who waives the two remaining gaps (plan version 4).
async fn adopted(app: &TestApp) -> Submitted {
    let submitted = submitted(app).await;
    let (plan, action) = (&submitted.plan, &submitted.action);
    app.as_roles(&[BLOEMHOF_MANAGER])
        .data(UPDATE_ACTION, json!({ "input": { "id": action["id"], "expectedVersion": 1, "responsiblePerson": "Sanne Bos", "measurableTarget": "2 extra rondes per week", "deadline": "2017-12-31" } }))
        .await;
    let step = json!({ "input": { "id": plan["id"], "expectedVersion": 3, "waivers": [
        { "itemId": plan["id"], "gap": "fivePriorities", "reason": "Bloemhof werkt in 2017 aan één thema." },
        { "itemId": action["id"], "gap": "leadClusterPosition", "reason": "MO is mondeling akkoord." },
    ] } });
    let adopted = app.as_roles(&[FEIJENOORD_DIRECTOR]).data(ADOPT, step).await;
    assert_eq!(adopted["adoptPlan"]["plan"]["status"], "ADOPTED");
    submitted
}

async fn a_refused_create_plan_writes_neither_a_plan_nor_an_audit_event(app: TestApp) {
    let plans_before = count_rows(&app.db, "plan").await;
    let audit_before = count_rows(&app.db, "audit_event").await;
    let input = create_input(&app).await;
    assert_eq!(
        error_code(&app.as_roles(&[]).graphql(CREATE_PLAN, input.clone()).await),
        "UNAUTHENTICATED"
    );
    for wrong in [
        "cluster_member:MO",
        "neighbourhood_manager:BU05990451",
        "area_director:WK059912",
        "committee_member:WK059910",
    ] {
        let response = app
            .as_roles(&[wrong])
            .graphql(CREATE_PLAN, input.clone())
            .await;
        assert_eq!(error_code(&response), "FORBIDDEN", "{wrong}: {response}");
    }
    assert_eq!(count_rows(&app.db, "plan").await, plans_before);
    assert_eq!(count_rows(&app.db, "audit_event").await, audit_before);
}

run_on_both_databases!(a_refused_create_plan_writes_neither_a_plan_nor_an_audit_event);

async fn the_manager_drafts_one_plan_per_year_and_a_second_is_refused_naming_input_year(
    app: TestApp,
) {
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let input = create_input(&app).await;
    let plan = manager.data(CREATE_PLAN, input.clone()).await["createPlan"]["plan"].clone();
    assert_eq!(plan["status"], "DRAFT");
    assert_eq!(plan["title"], "Wijkactieplan Bloemhof 2017");
    let duplicate = manager.graphql(CREATE_PLAN, input).await;
    assert_eq!(error_code(&duplicate), "BAD_USER_INPUT", "{duplicate}");
    assert_eq!(
        duplicate["errors"][0]["extensions"]["field"], "input.year",
        "{duplicate}"
    );
}

run_on_both_databases!(
    the_manager_drafts_one_plan_per_year_and_a_second_is_refused_naming_input_year
);

async fn only_the_plans_own_area_director_adopts_it(app: TestApp) {
    let Submitted { plan, .. } = submitted(&app).await;
    let step = json!({ "input": { "id": plan["id"], "expectedVersion": 3 } });
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    assert_eq!(
        error_code(&manager.graphql(ADOPT, step.clone()).await),
        "FORBIDDEN"
    );
    let elsewhere = app.as_roles(&["area_director:WK059904"]);
    assert_eq!(
        error_code(&elsewhere.graphql(ADOPT, step.clone()).await),
        "NOT_FOUND"
    );
    let status = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Plan { status } } }",
            json!({ "id": plan["id"] }),
        )
        .await;
    assert_eq!(status["node"]["status"], "IN_CONSULTATION");
}

run_on_both_databases!(only_the_plans_own_area_director_adopts_it);

async fn adoption_names_every_smart_gap_of_the_plan_and_its_actions(app: TestApp) {
    let Submitted { plan, action } = submitted(&app).await;
    let step = json!({ "input": { "id": plan["id"], "expectedVersion": 3 } });
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    let incomplete = director.graphql(ADOPT, step.clone()).await;
    assert_eq!(error_code(&incomplete), "INCOMPLETE", "{incomplete}");
    let gaps = &incomplete["errors"][0]["extensions"]["gaps"];
    assert_eq!(
        gaps,
        &json!([
            { "item": action["id"], "missing": ["responsiblePerson", "measurableTarget", "deadline", "leadClusterPosition"] },
            { "item": plan["id"], "missing": ["fivePriorities"] },
        ])
    );
    // Filling the action's fields leaves the waivable gaps (the plan's first), until each
    // is waived.
    app.as_roles(&[BLOEMHOF_MANAGER])
        .data(UPDATE_ACTION, json!({ "input": { "id": action["id"], "expectedVersion": 1, "responsiblePerson": "Sanne Bos", "measurableTarget": "2 extra rondes per week", "deadline": "2017-12-31" } }))
        .await;
    let unsupported = director.graphql(ADOPT, step).await;
    assert_eq!(
        unsupported["errors"][0]["extensions"]["gaps"],
        json!([
            { "item": plan["id"], "missing": ["fivePriorities"] },
            { "item": action["id"], "missing": ["leadClusterPosition"] },
        ]),
        "{unsupported}"
    );
}

run_on_both_databases!(adoption_names_every_smart_gap_of_the_plan_and_its_actions);

async fn an_adopted_plan_refuses_edits_and_a_second_adoption(app: TestApp) {
    let Submitted { plan, action } = adopted(&app).await;
    let late = app
        .as_roles(&[BLOEMHOF_MANAGER])
        .graphql(UPDATE_ACTION, json!({ "input": { "id": action["id"], "expectedVersion": 2, "description": "Iets anders" } }))
        .await;
    assert_eq!(error_code(&late), "INVALID_TRANSITION");
    assert_eq!(late["errors"][0]["extensions"]["currentStatus"], "ADOPTED");
    let again = app
        .as_roles(&[FEIJENOORD_DIRECTOR])
        .graphql(
            ADOPT,
            json!({ "input": { "id": plan["id"], "expectedVersion": 4 } }),
        )
        .await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
}

run_on_both_databases!(an_adopted_plan_refuses_edits_and_a_second_adoption);

async fn the_audit_trail_keeps_each_step_with_its_grant_and_shows_clusters_nothing(app: TestApp) {
    let audit_before = count_rows(&app.db, "audit_event").await;
    let Submitted { plan, .. } = adopted(&app).await;
    let trail = app
        .data("query($id: ID) { auditTrail(filter: {entityId: $id}) { nodes { operation subject grants } } }", json!({ "id": plan["id"] }))
        .await;
    let nodes = &trail["auditTrail"]["nodes"];
    let operations: Vec<&Value> = (0..3).map(|i| &nodes[i]["operation"]).collect();
    assert_eq!(operations, ["createPlan", "submitPlan", "adoptPlan"]);
    assert_eq!(nodes.as_array().map(Vec::len), Some(3), "{trail}");
    assert_eq!(nodes[0]["grants"], json!([BLOEMHOF_MANAGER]));
    assert_eq!(nodes[2]["grants"], json!([FEIJENOORD_DIRECTOR]));
    // Six successful mutations, two accepted gaps and the adopted revision 1: nine events.
    assert_eq!(count_rows(&app.db, "audit_event").await, audit_before + 9);
    let hidden = app
        .as_roles(&["cluster_member:MO"])
        .data("{ auditTrail { totalCount } }", json!({}))
        .await;
    assert_eq!(hidden["auditTrail"]["totalCount"], 0);
}

run_on_both_databases!(the_audit_trail_keeps_each_step_with_its_grant_and_shows_clusters_nothing);

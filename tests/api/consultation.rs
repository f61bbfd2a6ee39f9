//! The plan written with the clusters (issue 9, items 1 and 3): during consultation a
//! cluster proposes measures for itself to lead and gives its position on each action it
//! is asked to lead, kept as history; the area director adopts a plan with five
//! priorities and every lead cluster's position, or accepts each gap with a recorded
//! reason; an objected action is dropped or adopted with the objection visible.

use serde_json::{Value, json};

use crate::helpers::{
    TestApp, cluster_id, count_rows, error_code, neighbourhood_id, run_on_both_databases,
};

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

async fn a_cluster_proposes_a_measure_to_lead_itself_only_while_the_plan_is_in_consultation(
    app: TestApp,
) {
    let (plan, version, priorities, _) = drafted(&app, &["MO", "SB"]).await;
    let wi_member = app.as_roles(&["cluster_member:WI"]);
    let proposal = json!({ "input": { "priorityId": priorities[1], "clusterId": cluster_id(&app, "WI").await,
        "description": "Werkgeversontbijt per kwartaal" } });
    let early = wi_member.graphql(PROPOSE, proposal.clone()).await;
    assert_eq!(
        error_code(&early),
        "INVALID_TRANSITION",
        "a draft is not in consultation: {early}"
    );
    submitted(&app, &plan, version).await;

    let actions_before = count_rows(&app.db, "action").await;
    let foreign = app
        .as_roles(&["cluster_member:MO"])
        .graphql(PROPOSE, proposal.clone())
        .await;
    assert_eq!(
        error_code(&foreign),
        "FORBIDDEN",
        "MO proposes for WI: {foreign}"
    );
    assert_eq!(count_rows(&app.db, "action").await, actions_before);
    let proposed = wi_member.data(PROPOSE, proposal).await["proposeAction"]["action"].clone();
    assert_eq!(proposed["proposedBy"]["code"], "WI");
    assert_eq!(proposed["leadCluster"]["code"], "WI");
    assert!(proposed["leadClusterPosition"].is_null());
    assert_eq!(count_rows(&app.db, "action").await, actions_before + 1);
}

async fn only_the_lead_cluster_takes_a_position_on_an_action_and_an_objection_needs_a_reason(
    app: TestApp,
) {
    let (_, actions) = in_consultation(&app).await;
    let mo_member = app.as_roles(&["cluster_member:MO"]);
    let positions_before = count_rows(&app.db, "action_position").await;
    let unexplained = mo_member
        .graphql(TAKE, take(&actions[0], "OBJECT", None))
        .await;
    assert_eq!(error_code(&unexplained), "BAD_USER_INPUT");
    assert_eq!(field(&unexplained), "input.reason");
    let not_lead = app
        .as_roles(&["cluster_member:SB"])
        .graphql(TAKE, take(&actions[0], "SUPPORT", None))
        .await;
    assert_eq!(
        error_code(&not_lead),
        "FORBIDDEN",
        "SB on MO's action: {not_lead}"
    );
    assert_eq!(
        count_rows(&app.db, "action_position").await,
        positions_before
    );

    let objection = mo_member
        .data(TAKE, take(&actions[0], "OBJECT", Some("Geen capaciteit")))
        .await;
    assert_eq!(
        objection["takePosition"]["position"]["takenBy"],
        "user-cluster_member:MO"
    );
    assert_eq!(
        objection["takePosition"]["position"]["cluster"]["code"],
        "MO"
    );
}

async fn a_clusters_positions_are_kept_in_order_for_all_to_read_and_outlive_a_change_of_lead(
    app: TestApp,
) {
    let (_, actions) = in_consultation(&app).await;
    app.as_roles(&["cluster_member:MO"])
        .data(TAKE, take(&actions[0], "OBJECT", Some("Geen capaciteit")))
        .await;
    let reservation = take(
        &actions[0],
        "SUPPORT_WITH_RESERVATION",
        Some("Alleen groep 8"),
    );
    let later = app
        .as_roles(&["cluster_manager:MO"])
        .data(TAKE, reservation)
        .await;
    assert_eq!(
        later["takePosition"]["position"]["action"]["leadClusterPosition"],
        "SUPPORT_WITH_RESERVATION"
    );

    // The history, in order, for the manager and for another cluster alike.
    for reader in [MANAGER, "cluster_member:SB"] {
        let data = app
            .as_roles(&[reader])
            .data(POSITIONS, json!({ "id": actions[0] }))
            .await;
        let history: Vec<&Value> = data["node"]["positions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .collect();
        assert_eq!(history.len(), 2, "{reader}: {data}");
        assert_eq!(
            (&history[0]["position"], &history[0]["reason"]),
            (&json!("OBJECT"), &json!("Geen capaciteit"))
        );
        assert_eq!(history[1]["position"], "SUPPORT_WITH_RESERVATION");
    }
    // Another lead has said nothing yet; the earlier positions stay in the history.
    let version = app.data(VERSION, json!({ "id": actions[0] })).await["node"]["version"].clone();
    let moved = json!({ "input": { "id": actions[0], "expectedVersion": version, "leadClusterId": cluster_id(&app, "SO").await } });
    let moved =
        app.as_roles(&[MANAGER]).data(UPDATE_ACTION, moved).await["updateAction"]["action"].clone();
    assert_eq!(
        moved,
        json!({ "leadClusterPosition": null, "positions": { "totalCount": 2 } })
    );
}

run_on_both_databases!(
    a_cluster_proposes_a_measure_to_lead_itself_only_while_the_plan_is_in_consultation,
    only_the_lead_cluster_takes_a_position_on_an_action_and_an_objection_needs_a_reason,
    a_clusters_positions_are_kept_in_order_for_all_to_read_and_outlive_a_change_of_lead
);

/// A Bloemhof plan in consultation whose five lead clusters took their positions — SO
/// objecting to the third action — plus a sixth action, under the first priority, whose
/// lead (SB) never answers. Answers the plan, its version and the actions' ids.
async fn consulted(app: &TestApp) -> (Value, i64, Vec<Value>) {
    let (plan, version, priorities, mut actions) =
        drafted(app, &["MO", "SB", "SO", "WI", "MO"]).await;
    let extra = json!({ "input": { "priorityId": priorities[0], "description": "Extra", "leadClusterId": cluster_id(app, "SB").await,
        "responsiblePerson": "Sanne Bos", "measurableTarget": "1", "deadline": "2017-06-30" } });
    actions.push(
        app.as_roles(&[MANAGER]).data(ADD_ACTION, extra).await["addAction"]["action"]["id"].clone(),
    );
    let version = submitted(app, &plan, version).await;
    for (action, role) in [
        (&actions[0], "cluster_member:MO"),
        (&actions[1], "cluster_member:SB"),
        (&actions[3], "cluster_manager:WI"),
        (&actions[4], "cluster_manager:MO"),
    ] {
        app.as_roles(&[role])
            .data(TAKE, take(action, "SUPPORT", None))
            .await;
    }
    app.as_roles(&["cluster_member:SO"])
        .data(
            TAKE,
            take(&actions[2], "OBJECT", Some("Valt buiten de begroting")),
        )
        .await;
    (plan, version, actions)
}

/// Drops the unanswered sixth action after asking SB to commit to it; answers the dropped
/// action with its commitments.
async fn drop_the_unanswered_action(app: &TestApp, actions: &[Value]) -> Value {
    let request =
        json!({ "input": { "actionId": actions[5], "clusterId": cluster_id(app, "SB").await } });
    app.as_roles(&[MANAGER]).data("mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }", request).await;
    let version = app.data(VERSION, json!({ "id": actions[5] })).await["node"]["version"].clone();
    let drop = json!({ "input": { "id": actions[5], "expectedVersion": version, "reason": "Geen trekker" } });
    app.as_roles(&[MANAGER]).data(DROP, drop).await["dropAction"]["action"].clone()
}

fn adopt(plan: &Value, version: i64, waivers: Value) -> Value {
    json!({ "input": { "id": plan, "expectedVersion": version, "waivers": waivers } })
}

async fn adoption_is_refused_naming_each_objection_and_each_missing_lead_position(app: TestApp) {
    let (plan, version, actions) = consulted(&app).await;
    let incomplete = app
        .as_roles(&[DIRECTOR])
        .graphql(ADOPT, adopt(&plan, version, json!([])))
        .await;
    assert_eq!(error_code(&incomplete), "INCOMPLETE", "{incomplete}");
    assert_eq!(
        incomplete["errors"][0]["extensions"]["gaps"],
        json!([
            { "item": actions[2], "missing": ["objection"] },
            { "item": actions[5], "missing": ["leadClusterPosition"] },
        ])
    );
}

async fn dropping_an_unanswered_action_withdraws_its_open_request_and_closes_it_to_positions(
    app: TestApp,
) {
    let (_, _, actions) = consulted(&app).await;
    let dropped = drop_the_unanswered_action(&app, &actions).await;
    assert_eq!(dropped["dropReason"], "Geen trekker");
    assert_eq!(
        dropped["commitments"]["nodes"],
        json!([{ "status": "WITHDRAWN" }])
    );
    let late = app
        .as_roles(&["cluster_member:SB"])
        .graphql(TAKE, take(&actions[5], "SUPPORT", None))
        .await;
    assert_eq!(error_code(&late), "INVALID_TRANSITION", "{late}");
}

async fn a_waiver_must_name_a_gap_the_plan_has_and_one_that_may_be_waived(app: TestApp) {
    let (plan, version, actions) = consulted(&app).await;
    drop_the_unanswered_action(&app, &actions).await;
    let director = app.as_roles(&[DIRECTOR]);
    let wrong_item = director
        .graphql(
            ADOPT,
            adopt(
                &plan,
                version,
                json!([{ "itemId": actions[0], "gap": "objection", "reason": "R" }]),
            ),
        )
        .await;
    assert_eq!(field(&wrong_item), "input.waivers.0.itemId", "{wrong_item}");
    let wrong_gap = director
        .graphql(
            ADOPT,
            adopt(
                &plan,
                version,
                json!([{ "itemId": actions[2], "gap": "deadline", "reason": "R" }]),
            ),
        )
        .await;
    assert_eq!(field(&wrong_gap), "input.waivers.0.gap", "{wrong_gap}");
    assert_eq!(count_rows(&app.db, "adoption_waiver").await, 0);
}

async fn the_director_adopts_waiving_the_objection_which_the_committee_still_reads_and_the_public_does_not(
    app: TestApp,
) {
    let (plan, version, actions) = consulted(&app).await;
    drop_the_unanswered_action(&app, &actions).await;
    let waiver = json!([{ "itemId": actions[2], "gap": "objection", "reason": "Dekking volgt bij de voorjaarsnota" }]);
    let adopted = app
        .as_roles(&[DIRECTOR])
        .data(ADOPT, adopt(&plan, version, waiver))
        .await["adoptPlan"]["plan"]
        .clone();
    assert_eq!(adopted["status"], "ADOPTED");
    assert_eq!(
        adopted["adoptionWaivers"]["nodes"],
        json!([{ "itemId": actions[2], "gap": "objection",
        "reason": "Dekking volgt bij de voorjaarsnota", "waivedBy": format!("user-{DIRECTOR}") }])
    );

    // The objection stays visible to the area's committee; the public reads the
    // published plan's waivers but no cluster's positions.
    let committee = app
        .as_roles(&["committee_member:WK059910"])
        .data(POSITIONS, json!({ "id": actions[2] }))
        .await;
    assert_eq!(committee["node"]["leadClusterPosition"], "OBJECT");
    assert_eq!(
        committee["node"]["positions"]["nodes"][0]["reason"],
        "Valt buiten de begroting"
    );
    let public = app
        .as_roles(&[])
        .data(POSITIONS, json!({ "id": actions[2] }))
        .await;
    assert_eq!(public["node"]["positions"]["totalCount"], 0, "{public}");
    let waivers = app
        .as_roles(&[])
        .data(
            "query($id: ID!) { node(id: $id) { ... on Plan { adoptionWaivers { totalCount } } } }",
            json!({ "id": plan }),
        )
        .await;
    assert_eq!(waivers["node"]["adoptionWaivers"]["totalCount"], 1);
}

run_on_both_databases!(
    adoption_is_refused_naming_each_objection_and_each_missing_lead_position,
    dropping_an_unanswered_action_withdraws_its_open_request_and_closes_it_to_positions,
    a_waiver_must_name_a_gap_the_plan_has_and_one_that_may_be_waived,
    the_director_adopts_waiving_the_objection_which_the_committee_still_reads_and_the_public_does_not
);

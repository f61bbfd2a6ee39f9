//! Adopting a consulted plan: objections and missing positions refused, dropped actions,
//! waivers that name a real gap.

use super::*;

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

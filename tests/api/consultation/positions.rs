//! During consultation: proposals, positions and their history.

use super::*;

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

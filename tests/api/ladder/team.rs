//! The neighbourhood team: dated memberships, and the clusters' representatives in it.

use super::*;

async fn team_memberships_are_dated_and_never_overwritten(app: TestApp) {
    let hood = app.data(r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { id } } clusters(filter: {code: "SB"}) { nodes { id } } }"#, json!({})).await;
    let (hood_id, sb) = (
        hood["neighbourhoods"]["nodes"][0]["id"].clone(),
        hood["clusters"]["nodes"][0]["id"].clone(),
    );
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id person { name } validFrom validTo } } }";
    let input = json!({ "input": { "neighbourhoodId": hood_id, "personName": "Noor Vermeulen", "role": "CLUSTER_REPRESENTATIVE", "clusterId": sb, "validFrom": "2017-01-01" } });
    assert_eq!(
        error_code(
            &app.as_roles(&["neighbourhood_manager:BU05991081"])
                .graphql(add, input.clone())
                .await
        ),
        "FORBIDDEN"
    );
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let member = manager.data(add, input).await["addTeamMember"]["teamMembership"].clone();
    let end = "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { validTo } } }";
    let ended = manager
        .data(
            end,
            json!({ "input": { "id": member["id"], "validTo": "2017-06-30" } }),
        )
        .await;
    assert_eq!(
        ended["endTeamMembership"]["teamMembership"]["validTo"],
        "2017-06-30"
    );
    assert_eq!(
        error_code(
            &manager
                .graphql(
                    end,
                    json!({ "input": { "id": member["id"], "validTo": "2017-12-31" } })
                )
                .await
        ),
        "INVALID_TRANSITION"
    );
    // Teams are public: another neighbourhood's manager sees the membership, but may not end it.
    assert_eq!(
        error_code(
            &app.as_roles(&["neighbourhood_manager:BU05991081"])
                .graphql(
                    end,
                    json!({ "input": { "id": member["id"], "validTo": "2017-12-31" } })
                )
                .await
        ),
        "FORBIDDEN"
    );
    let team = "query($id: ID!, $on: NaiveDate) { node(id: $id) { ... on Neighbourhood { team(asOf: $on) { nodes { person { name } } } } } }";
    let names = |data: Value| {
        data["node"]["team"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["person"]["name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(
        names(
            manager
                .data(team, json!({ "id": hood_id, "on": "2017-03-01" }))
                .await
        )
        .contains(&"Noor Vermeulen".to_owned())
    );
    assert!(
        !names(
            manager
                .data(team, json!({ "id": hood_id, "on": "2017-07-01" }))
                .await
        )
        .contains(&"Noor Vermeulen".to_owned())
    );
}
run_on_both_databases!(team_memberships_are_dated_and_never_overwritten);

async fn a_cluster_manager_chooses_and_replaces_their_own_clusters_representatives_only(
    app: TestApp,
) {
    let ids = app.data(r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { id team { nodes { id role cluster { code } validTo } } } } sb: clusters(filter: {code: "SB"}) { nodes { id } } mo: clusters(filter: {code: "MO"}) { nodes { id } } }"#, json!({})).await;
    let hood = &ids["neighbourhoods"]["nodes"][0];
    let (sb, mo) = (
        ids["sb"]["nodes"][0]["id"].clone(),
        ids["mo"]["nodes"][0]["id"].clone(),
    );
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id cluster { code } } } }";
    let end = "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { validTo } } }";
    let seat = |cluster: &Value, name: &str| json!({ "input": { "neighbourhoodId": hood["id"], "personName": name, "role": "CLUSTER_REPRESENTATIVE", "clusterId": cluster, "validFrom": "2017-01-01" } });
    let manager = app.as_roles(&["cluster_manager:SB"]);
    // Their own cluster's seat: added, and the predecessor's ended.
    let added =
        manager.data(add, seat(&sb, "Sanne de Wit")).await["addTeamMember"]["teamMembership"]
            .clone();
    assert_eq!(added["cluster"]["code"], "SB");
    let team = hood["team"]["nodes"].as_array().unwrap();
    let predecessor = team
        .iter()
        .find(|m| m["cluster"]["code"] == "SB" && m["validTo"].is_null())
        .expect("a seated SB representative");
    let ended = manager
        .data(
            end,
            json!({ "input": { "id": predecessor["id"], "validTo": "2016-12-31" } }),
        )
        .await;
    assert_eq!(
        ended["endTeamMembership"]["teamMembership"]["validTo"],
        "2016-12-31"
    );
    // Not another cluster's seat, not another role, and not as a cluster member.
    assert_eq!(
        error_code(&manager.graphql(add, seat(&mo, "Iemand Anders")).await),
        "FORBIDDEN"
    );
    let other_seat = team
        .iter()
        .find(|m| m["cluster"]["code"] == "MO" && m["validTo"].is_null())
        .expect("a seated MO representative");
    assert_eq!(
        error_code(
            &manager
                .graphql(
                    end,
                    json!({ "input": { "id": other_seat["id"], "validTo": "2016-12-31" } })
                )
                .await
        ),
        "FORBIDDEN"
    );
    let as_manager_role = json!({ "input": { "neighbourhoodId": hood["id"], "personName": "X", "role": "NEIGHBOURHOOD_MANAGER", "clusterId": sb, "validFrom": "2017-01-01" } });
    assert_eq!(
        manager.graphql(add, as_manager_role).await["errors"][0]["extensions"]["field"],
        "input.clusterId"
    );
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:SB"])
                .graphql(add, seat(&sb, "Niet Ik"))
                .await
        ),
        "FORBIDDEN"
    );
}
run_on_both_databases!(
    a_cluster_manager_chooses_and_replaces_their_own_clusters_representatives_only
);

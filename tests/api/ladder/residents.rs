//! Residents find their input back, where it landed or why it did not.

use super::*;

async fn residents_find_their_input_back_where_it_landed_or_why_not(app: TestApp) {
    let data = app
        .data(r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { id plans(first: 5) { nodes { status priorities(first: 1) { nodes { id title } } } } } }
                   other: plans(filter: {titleContains: "Kleinpolder"}) { nodes { priorities(first: 1) { nodes { id } } } } }"#, json!({}))
        .await;
    let hood = &data["neighbourhoods"]["nodes"][0];
    let plan = hood["plans"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["status"] == "ADOPTED")
        .unwrap();
    let priority = plan["priorities"]["nodes"][0].clone();
    let foreign = data["other"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    let record = "mutation($input: RecordResidentInputInput!) { recordResidentInput(input: $input) { residentInput { id outcome version } } }";
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let recorded = |summary: &str| json!({ "input": { "neighbourhoodId": hood["id"], "source": "NEIGHBOURHOOD_TABLE", "receivedOn": "2016-10-01", "summary": summary } });
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(record, recorded("x"))
                .await
        ),
        "FORBIDDEN"
    );
    let landed = manager
        .data(record, recorded("Meer groen op het plein."))
        .await["recordResidentInput"]["residentInput"]
        .clone();
    let refused = manager.data(record, recorded("Een nieuw stadion.")).await["recordResidentInput"]
        ["residentInput"]
        .clone();
    assert_eq!(landed["outcome"], "PENDING");

    let link = "mutation($input: LinkResidentInputInput!) { linkResidentInput(input: $input) { residentInput { outcome } } }";
    let wrong_place = manager.graphql(link, json!({ "input": { "id": landed["id"], "expectedVersion": 1, "landedIn": { "priorityId": foreign } } })).await;
    assert_eq!(error_code(&wrong_place), "BAD_USER_INPUT");
    manager.data(link, json!({ "input": { "id": landed["id"], "expectedVersion": 1, "landedIn": { "priorityId": priority["id"] } } })).await;
    let close = "mutation($input: CloseResidentInputInput!) { closeResidentInput(input: $input) { residentInput { outcome } } }";
    manager.data(close, json!({ "input": { "id": refused["id"], "expectedVersion": 1, "reason": "Stadions zijn stedelijk beleid." } })).await;
    let again = manager
        .graphql(
            close,
            json!({ "input": { "id": refused["id"], "expectedVersion": 2, "reason": "nogmaals" } }),
        )
        .await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");

    // The public, without a token, finds both back.
    let public = app.as_roles(&[]);
    let query = "query($id: ID!) { node(id: $id) { ... on ResidentInput { outcome reason priority { title } } } }";
    let found = public.data(query, json!({ "id": landed["id"] })).await;
    assert_eq!(found["node"]["outcome"], "INCORPORATED");
    assert_eq!(found["node"]["priority"]["title"], priority["title"]);
    let closed = public.data(query, json!({ "id": refused["id"] })).await;
    assert_eq!(closed["node"]["reason"], "Stadions zijn stedelijk beleid.");
}
run_on_both_databases!(residents_find_their_input_back_where_it_landed_or_why_not);

//! The example portal updating live in Chromium.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_portal_updates_live_in_chromium_when_a_commitment_is_answered() {
    let (origin, app) = portal_and_app(true).await;
    let data = app.data(
        r#"{ mo: clusters(filter: {code: "MO"}) { nodes { id } }
             budgetLines(filter: {year: 2016}, first: 100) { nodes { id description } }
             plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } }"#,
        serde_json::json!({}),
    ).await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    let request = serde_json::json!({ "input": { "actionId": action, "clusterId": data["mo"]["nodes"][0]["id"], "question": "Kan MO hier een avond per week bij?" } });
    let commitment = app.as_roles(&["neighbourhood_manager:BU05991086"]).data(
        "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }", request).await["requestCommitment"]["commitment"]["id"].clone();

    let token = crate::helpers::token_for(&app.config, &["cluster_member:MO"]);
    let mut chromium = Chromium::launch().await;
    let page = chromium
        .open(&format!(
            "{origin}/index.html?api={}/graphql&neighbourhood=BU05991086#token={token}",
            app.address
        ))
        .await;
    chromium.wait_for_text(&page, "#live", "Live").await;
    let line_of = format!("[data-commitment=\"{}\"]", commitment.as_str().unwrap());
    chromium
        .wait_for_text(&page, &line_of, "Toezegging MO: REQUESTED")
        .await;

    let line = data["budgetLines"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["description"] == "MO-HVW WK059910 2016")
        .unwrap()["id"]
        .clone();
    let answer = serde_json::json!({ "input": { "id": commitment, "expectedVersion": 1, "answer": "ACCEPT", "hours": "4", "amount": "100", "budgetLineId": line } });
    app.as_roles(&["cluster_member:MO"]).data("mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }", answer).await;
    let after = chromium
        .wait_for_text(&page, &line_of, "Toezegging MO: ACCEPTED")
        .await;
    assert!(
        !after.contains("REQUESTED"),
        "the answer in place of the request: {after}"
    );
}

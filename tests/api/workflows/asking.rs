//! Asking a cluster: who may ask from the team, and what a request keeps and shows.

use super::*;

const ASK: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id status question hoursAsked amountAsked responseDeadline requestedBy } } }";

const QUESTION: &str = "Kunnen jullie twee extra veegrondes per week doen rond de markt?";

fn ask(action: &Value, cluster: &Value, hours: &str) -> Value {
    json!({ "input": { "actionId": action, "clusterId": cluster, "question": QUESTION, "hoursAsked": hours, "amountAsked": "2500.00" } })
}

/// SB's member seated by SB's manager as SB's representative in Afrikaanderwijk's team,
/// known by their login. Answers the seat, the action and SB's and MO's ids.
async fn seated(app: &TestApp) -> (Value, Value, Value, Value) {
    let (action, sb, mo) = afrikaanderwijk_action(app).await;
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id } } }";
    let hood = neighbourhood_id(app, "BU05991086").await;
    let seat = json!({ "input": { "neighbourhoodId": hood, "personName": "Sanne Bos", "personSubject": "user-cluster_member:SB",
        "role": "CLUSTER_REPRESENTATIVE", "clusterId": sb, "validFrom": "2016-01-01" } });
    let seat = app.as_roles(&["cluster_manager:SB"]).data(add, seat).await["addTeamMember"]
        ["teamMembership"]["id"]
        .clone();
    (seat, action, sb, mo)
}

async fn a_cluster_member_asks_their_own_clusters_line_only_while_seated_in_the_team(app: TestApp) {
    let (action, sb, _) = afrikaanderwijk_action(&app).await;
    let member = app.as_roles(&["cluster_member:SB"]);
    let outside = member.graphql(ASK, ask(&action, &sb, "16")).await;
    assert_eq!(
        error_code(&outside),
        "FORBIDDEN",
        "not in the team: {outside}"
    );
    let (seat, action, sb, mo) = seated(&app).await;
    assert_eq!(
        member.data(ASK, ask(&action, &sb, "16")).await["requestCommitment"]["commitment"]["status"],
        "REQUESTED"
    );
    assert_eq!(
        error_code(&member.graphql(ASK, ask(&action, &mo, "16")).await),
        "FORBIDDEN",
        "another cluster's line is not theirs to ask"
    );
    let end = "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { validTo } } }";
    app.as_roles(&["cluster_manager:SB"])
        .data(
            end,
            json!({ "input": { "id": seat, "validTo": "2016-12-31" } }),
        )
        .await;
    assert_eq!(
        error_code(&member.graphql(ASK, ask(&action, &sb, "16")).await),
        "FORBIDDEN",
        "the seat has ended"
    );
    // The neighbourhood manager asks any cluster.
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    assert_eq!(
        manager.data(ASK, ask(&action, &mo, "8")).await["requestCommitment"]["commitment"]["status"],
        "REQUESTED"
    );
}

async fn a_request_keeps_the_askers_question_hours_and_money_and_refuses_negative_hours(
    app: TestApp,
) {
    let (_, action, sb, _) = seated(&app).await;
    let member = app.as_roles(&["cluster_member:SB"]);
    let asked =
        member.data(ASK, ask(&action, &sb, "16")).await["requestCommitment"]["commitment"].clone();
    assert_eq!(asked["status"], "REQUESTED");
    assert_eq!(asked["question"], QUESTION);
    assert_eq!(asked["hoursAsked"], "16.00");
    assert_eq!(asked["amountAsked"], "2500.00");
    assert_eq!(asked["requestedBy"], "user-cluster_member:SB");
    let negative = member.graphql(ASK, ask(&action, &sb, "-1")).await;
    assert_eq!(
        negative["errors"][0]["extensions"]["field"], "input.hoursAsked",
        "{negative}"
    );
}

async fn the_committee_reads_a_requests_question_but_not_the_money_asked(app: TestApp) {
    let (_, action, sb, _) = seated(&app).await;
    let asked = app
        .as_roles(&["cluster_member:SB"])
        .data(ASK, ask(&action, &sb, "16"))
        .await["requestCommitment"]["commitment"]["id"]
        .clone();
    let read = "query($id: ID!) { node(id: $id) { ... on Commitment { question hoursAsked amountAsked } } }";
    let committee = app
        .as_roles(&["committee_member:WK059910"])
        .data(read, json!({ "id": asked }))
        .await;
    assert_eq!(committee["node"]["question"], QUESTION);
    assert!(
        committee["node"]["hoursAsked"].is_null() && committee["node"]["amountAsked"].is_null(),
        "{committee}"
    );
    let cluster = app
        .as_roles(&["cluster_manager:SB"])
        .data(read, json!({ "id": asked }))
        .await;
    assert_eq!(
        (
            &cluster["node"]["hoursAsked"],
            &cluster["node"]["amountAsked"]
        ),
        (&json!("16.00"), &json!("2500.00"))
    );
}
run_on_both_databases!(
    a_cluster_member_asks_their_own_clusters_line_only_while_seated_in_the_team,
    a_request_keeps_the_askers_question_hours_and_money_and_refuses_negative_hours,
    the_committee_reads_a_requests_question_but_not_the_money_asked
);

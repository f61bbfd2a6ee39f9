//! The area committee's advice (issue 10, item 3): recorded by its members for their
//! area's plans, answered once by the area director (followed, partly, not — with a
//! reason), a gap at adoption while unanswered, read by the committee for its area and by
//! the public for adopted plans.

use serde_json::{Value, json};

use crate::helpers::{TestApp, count_rows, error_code, run_on_both_databases};

const COMMITTEE: &str = "committee_member:WK059910";
const DIRECTOR: &str = "area_director:WK059910";

const RECORD: &str = "mutation($input: RecordCommitteeAdviceInput!) {
    recordCommitteeAdvice(input: $input) { advice { id version requested response plan { id } } } }";
const RESPOND: &str = "mutation($input: RespondToCommitteeAdviceInput!) {
    respondToCommitteeAdvice(input: $input) { advice { response responseReason version } } }";
const ADVICE: &str = "query($id: ID!) { node(id: $id) { ... on Plan {
    committeeAdvice { nodes { requested advice response responseReason } } } } }";

async fn plan(app: &crate::helpers::TestApp, title: &str) -> Value {
    let query = "query($t: String) { plans(filter: {titleContains: $t}) { nodes { id version } } }";
    app.data(query, json!({ "t": title })).await["plans"]["nodes"][0].clone()
}

fn advice(plan: &Value, requested: bool, on: &str, text: &str) -> Value {
    json!({ "input": { "planId": plan["id"], "requested": requested, "receivedOn": on, "advice": text } })
}

/// Advice on Hillesluis's plan in consultation, recorded by its area's committee.
async fn recorded(app: &TestApp, text: &str) -> (Value, Value) {
    let hillesluis = plan(app, "Hillesluis 2017").await;
    let recorded = app
        .as_roles(&[COMMITTEE])
        .data(RECORD, advice(&hillesluis, true, "2016-11-30", text))
        .await["recordCommitteeAdvice"]["advice"]
        .clone();
    (hillesluis, recorded)
}

async fn advice_is_recorded_by_the_areas_own_committee_only_and_never_dated_ahead(app: TestApp) {
    let hillesluis = plan(&app, "Hillesluis 2017").await;
    let text = "Houd de speeltuin open in de zomer.";
    let before = count_rows(&app.db, "committee_advice").await;
    let elsewhere = app
        .as_roles(&["committee_member:WK059912"])
        .graphql(RECORD, advice(&hillesluis, true, "2016-11-30", text))
        .await;
    assert_eq!(
        error_code(&elsewhere),
        "NOT_FOUND",
        "another area's committee: {elsewhere}"
    );
    let cluster = app
        .as_roles(&["cluster_member:MO"])
        .graphql(RECORD, advice(&hillesluis, true, "2016-11-30", text))
        .await;
    assert_eq!(error_code(&cluster), "FORBIDDEN", "{cluster}");
    let future = app
        .as_roles(&[COMMITTEE])
        .graphql(RECORD, advice(&hillesluis, true, "2999-01-01", text))
        .await;
    assert_eq!(
        future["errors"][0]["extensions"]["field"],
        "input.receivedOn"
    );
    assert_eq!(count_rows(&app.db, "committee_advice").await, before);

    let (_, recorded) = recorded(&app, text).await;
    assert_eq!(
        (&recorded["requested"], &recorded["response"]),
        (&json!(true), &Value::Null)
    );
    assert_eq!(count_rows(&app.db, "committee_advice").await, before + 1);
}

async fn each_unanswered_advice_is_a_gap_when_the_plan_is_adopted(app: TestApp) {
    let (hillesluis, recorded) = recorded(&app, "Houd de speeltuin open in de zomer.").await;
    let adopt =
        json!({ "input": { "id": hillesluis["id"], "expectedVersion": hillesluis["version"] } });
    let refused = app
        .as_roles(&[DIRECTOR])
        .graphql(
            "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { id } } }",
            adopt,
        )
        .await;
    let gaps = refused["errors"][0]["extensions"]["gaps"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        gaps.contains(&json!({ "item": recorded["id"], "missing": ["response"] })),
        "{refused}"
    );
    assert_eq!(
        gaps.iter()
            .filter(|gap| gap["missing"] == json!(["response"]))
            .count(),
        2,
        "the seeded unanswered advice too"
    );
}

async fn only_the_area_director_answers_advice_once_with_a_reason_unless_followed(app: TestApp) {
    let text = "Houd de speeltuin open in de zomer.";
    let (hillesluis, recorded) = recorded(&app, text).await;
    let respond = |response: &str, reason: Option<&str>| json!({ "input": { "id": recorded["id"], "expectedVersion": recorded["version"], "response": response, "reason": reason } });
    for who in [COMMITTEE, "neighbourhood_manager:BU05991082"] {
        assert_eq!(
            error_code(
                &app.as_roles(&[who])
                    .graphql(RESPOND, respond("FOLLOWED", None))
                    .await
            ),
            "FORBIDDEN",
            "{who}"
        );
    }
    let director = app.as_roles(&[DIRECTOR]);
    let bare = director
        .graphql(RESPOND, respond("NOT_FOLLOWED", None))
        .await;
    assert_eq!(
        bare["errors"][0]["extensions"]["field"], "input.reason",
        "{bare}"
    );
    let answered = director
        .data(
            RESPOND,
            respond("PARTLY_FOLLOWED", Some("Open tot 20.00 uur.")),
        )
        .await;
    assert_eq!(
        answered["respondToCommitteeAdvice"]["advice"]["response"],
        "PARTLY_FOLLOWED"
    );
    let again = director.graphql(RESPOND, json!({ "input": { "id": recorded["id"], "expectedVersion": 2, "response": "FOLLOWED" } })).await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");
    let read = app
        .as_roles(&[COMMITTEE])
        .data(ADVICE, json!({ "id": hillesluis["id"] }))
        .await;
    assert!(
        read["node"]["committeeAdvice"]["nodes"]
            .as_array()
            .unwrap()
            .contains(&json!({ "requested": true, "advice": text, "response": "PARTLY_FOLLOWED", "responseReason": "Open tot 20.00 uur." })),
        "the answer as given, after the refused second one: {read}"
    );
}

async fn the_committee_reads_its_areas_advice_and_the_public_only_that_on_adopted_plans(
    app: TestApp,
) {
    let text = "Houd de speeltuin open in de zomer.";
    let (hillesluis, _) = recorded(&app, text).await;
    let read = app
        .as_roles(&[COMMITTEE])
        .data(ADVICE, json!({ "id": hillesluis["id"] }))
        .await;
    let nodes = read["node"]["committeeAdvice"]["nodes"].as_array().unwrap();
    assert!(
        nodes.contains(
            &json!({ "requested": true, "advice": text, "response": null, "responseReason": null })
        ),
        "{read}"
    );
    // The public does not see a plan in consultation, nor so its advice.
    assert!(
        app.as_roles(&[])
            .data(ADVICE, json!({ "id": hillesluis["id"] }))
            .await["node"]
            .is_null()
    );

    let adopted = plan(&app, "Afrikaanderwijk 2016").await;
    app.as_roles(&[COMMITTEE])
        .data(
            RECORD,
            advice(&adopted, false, "2016-06-01", "Meer bankjes op het plein."),
        )
        .await;
    let public = app
        .as_roles(&[])
        .data(ADVICE, json!({ "id": adopted["id"] }))
        .await;
    assert_eq!(
        public["node"]["committeeAdvice"]["nodes"],
        json!([{ "requested": false, "advice": "Meer bankjes op het plein.", "response": null, "responseReason": null }])
    );
}

run_on_both_databases!(
    advice_is_recorded_by_the_areas_own_committee_only_and_never_dated_ahead,
    each_unanswered_advice_is_a_gap_when_the_plan_is_adopted,
    only_the_area_director_answers_advice_once_with_a_reason_unless_followed,
    the_committee_reads_its_areas_advice_and_the_public_only_that_on_adopted_plans
);

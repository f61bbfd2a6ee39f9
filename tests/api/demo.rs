//! The demo's own claims (issue 10, item 5): ten pilot plans each with their own content,
//! the evaluation report's cases as they happened (two refusals in one plan, a reservation
//! for late consultation, two drafts merged into one, teams of 8 + 4 with a change of
//! member, an escalation whose steps the API allows, a plausible overdue request), and
//! residents' input of each neighbourhood's own.

use crate::helpers::{TestApp, run_on_both_databases};
use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

fn nodes(value: &Value) -> &Vec<Value> {
    value["nodes"].as_array().expect("a connection's nodes")
}

async fn each_pilot_plan_has_its_own_priorities_and_shares_at_most_two_actions_with_any_other(
    app: TestApp,
) {
    let data = app.data(
        "{ plans(filter: {kind: NEIGHBOURHOOD_ACTION_PLAN, year: 2016, status: ADOPTED}, first: 20) { nodes {
            neighbourhood { code } priorities(first: 10) { nodes { rank title actions(first: 10) { nodes { description } } } } } } }",
        json!({}),
    ).await;
    let plans: Vec<(String, Vec<String>, HashSet<String>)> = nodes(&data["plans"])
        .iter()
        .map(|plan| {
            let active: Vec<&Value> = nodes(&plan["priorities"])
                .iter()
                .filter(|p| !p["rank"].is_null())
                .collect();
            let titles = active
                .iter()
                .map(|p| p["title"].as_str().unwrap().to_owned())
                .collect();
            let actions = active
                .iter()
                .flat_map(|p| nodes(&p["actions"]))
                .map(|a| a["description"].as_str().unwrap().to_owned())
                .collect();
            (
                plan["neighbourhood"]["code"].as_str().unwrap().to_owned(),
                titles,
                actions,
            )
        })
        .collect();
    assert_eq!(plans.len(), 10);
    for (code, _, actions) in &plans {
        assert_eq!(actions.len(), 15, "{code}: fifteen different actions");
    }
    for (i, (a, a_titles, a_actions)) in plans.iter().enumerate() {
        for (b, b_titles, b_actions) in &plans[i + 1..] {
            assert_ne!(a_titles, b_titles, "{a} and {b} have the same priorities");
            let shared: Vec<&String> = a_actions.intersection(b_actions).collect();
            assert!(shared.len() <= 2, "{a} and {b} share {shared:?}");
        }
    }
}

run_on_both_databases!(
    each_pilot_plan_has_its_own_priorities_and_shares_at_most_two_actions_with_any_other
);

async fn one_plan_holds_both_refusals_with_different_reasons_and_is_the_merge_of_two_drafts_that_dropped_five_priorities(
    app: TestApp,
) {
    let refusals = app.data(
        "{ commitments(filter: {status: REJECTED}) { nodes { reason cluster { code } action { priority { plan { id title } } } } } }",
        json!({}),
    ).await;
    let refusals = nodes(&refusals["commitments"]);
    assert_eq!(refusals.len(), 2);
    let plan = &refusals[0]["action"]["priority"]["plan"];
    assert_eq!(
        &refusals[1]["action"]["priority"]["plan"], plan,
        "both refusals in one plan"
    );
    let reasons: HashSet<&str> = refusals
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 2, "each refusal has its own reason");
    assert!(
        reasons.iter().any(|r| r.contains("geen budget")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("Capaciteitsprobleem")),
        "{reasons:?}"
    );

    let merged = app.data(
        "{ plans(filter: {status: SUPERSEDED}) { nodes { id neighbourhood { code } supersededBy { id status neighbourhood { code }
            priorities(first: 10) { nodes { rank dropReason } } }
            priorities(first: 10) { nodes { rank dropReason } } } } }",
        json!({}),
    ).await;
    let merged = nodes(&merged["plans"]);
    assert_eq!(merged.len(), 1, "one draft merged away");
    let draft = &merged[0];
    let surviving = &draft["supersededBy"];
    assert_eq!(
        surviving["id"], plan["id"],
        "the refusals are in the merged plan"
    );
    assert_eq!(
        (surviving["status"].as_str(), &surviving["neighbourhood"]),
        (Some("ADOPTED"), &draft["neighbourhood"])
    );
    let dropped = |plan: &Value| {
        nodes(&plan["priorities"])
            .iter()
            .filter(|p| p["rank"].is_null() && p["dropReason"].is_string())
            .count()
    };
    assert_eq!(
        nodes(&draft["priorities"])
            .iter()
            .filter(|p| !p["rank"].is_null())
            .count(),
        0,
        "nothing left active in the draft"
    );
    assert_eq!(
        dropped(draft) + dropped(surviving),
        5,
        "five priorities dropped or combined"
    );

    let trail = app
        .data(
            "query($id: ID) { auditTrail(filter: {entityId: $id}) { nodes { operation } } }",
            json!({ "id": draft["id"] }),
        )
        .await;
    let operations: Vec<&str> = nodes(&trail["auditTrail"])
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(operations, ["mergePlans"]);
}

run_on_both_databases!(one_plan_holds_both_refusals_with_different_reasons_and_is_the_merge_of_two_drafts_that_dropped_five_priorities);

async fn the_seeded_escalation_took_the_steps_the_api_allows_its_actors(app: TestApp) {
    let data = app.data(
        "{ escalations(filter: {status: OPEN}) { nodes { level owner raisedBy neighbourhood { code team(first: 20) { nodes { role person { name } } } }
            history(first: 10) { nodes { level actor } } } } }",
        json!({}),
    ).await;
    let escalation = &nodes(&data["escalations"])[0];
    let code = escalation["neighbourhood"]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let manager = nodes(&escalation["neighbourhood"]["team"])
        .iter()
        .find(|m| m["role"] == "NEIGHBOURHOOD_MANAGER")
        .unwrap()["person"]["name"]
        .clone();
    let history: Vec<(&str, &Value)> = nodes(&escalation["history"])
        .iter()
        .map(|e| (e["level"].as_str().unwrap(), &e["actor"]))
        .collect();
    assert_eq!(escalation["raisedBy"], manager);
    assert_eq!(
        history,
        [
            ("TEAM", &manager),
            ("CLUSTER", &manager),
            ("AREA", &json!("area_director:WK059910"))
        ]
    );
    assert_eq!(escalation["owner"], "area_director:WK059910");

    // The same steps, taken through the API by the same roles on the plan's other
    // refusal, are allowed and end at the same level and owner.
    let manager_role = format!("neighbourhood_manager:{code}");
    let as_manager = app.as_roles(&[manager_role.as_str()]);
    let refusals = as_manager.data("{ commitments(filter: {status: REJECTED}) { nodes { id escalations { totalCount } } } }", json!({})).await;
    let other = nodes(&refusals["commitments"])
        .iter()
        .find(|c| c["escalations"]["totalCount"] == 0)
        .unwrap()["id"]
        .clone();
    let raised = as_manager.data(
        "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id } } }",
        json!({ "input": { "subject": { "rejectedCommitment": other }, "reason": "Sleutelactie afgewezen." } }),
    ).await["raiseEscalation"]["escalation"]["id"].clone();
    let further = "mutation($input: EscalationStepInput!) { escalateFurther(input: $input) { escalation { level owner } } }";
    let step = |version: i64, note: &str| json!({ "input": { "id": raised, "expectedVersion": version, "note": note } });
    let to_cluster = as_manager
        .data(further, step(1, "Naar de clusterdirectie."))
        .await;
    assert_eq!(
        to_cluster["escalateFurther"]["escalation"]["level"],
        "CLUSTER"
    );
    let taken = app
        .as_roles(&["area_director:WK059910"])
        .data(further, step(2, "Overgenomen."))
        .await;
    assert_eq!(
        taken["escalateFurther"]["escalation"],
        json!({ "level": "AREA", "owner": "area_director:WK059910" })
    );
}

run_on_both_databases!(the_seeded_escalation_took_the_steps_the_api_allows_its_actors);

async fn every_pilot_team_has_eight_core_and_four_occasional_members_and_one_in_three_changed_a_member(
    app: TestApp,
) {
    let data = app.data(
        r#"{ july: teamMemberships(filter: {activeOn: "2016-07-01"}, first: 1000) { nodes { kind neighbourhood { code } } }
             all: teamMemberships(first: 1000) { nodes { role validFrom validTo cluster { code } neighbourhood { code } } } }"#,
        json!({}),
    ).await;
    let mut teams: HashMap<&str, (usize, usize)> = HashMap::new();
    for member in nodes(&data["july"]) {
        let team = teams
            .entry(member["neighbourhood"]["code"].as_str().unwrap())
            .or_default();
        match member["kind"].as_str().unwrap() {
            "CORE" => team.0 += 1,
            _ => team.1 += 1,
        }
    }
    assert_eq!(teams.len(), 10);
    for (code, sizes) in &teams {
        assert_eq!(*sizes, (8, 4), "{code}");
    }
    let all = nodes(&data["all"]);
    let ended: Vec<&Value> = all
        .iter()
        .filter(|m| m["validTo"] == "2016-05-31")
        .collect();
    assert_eq!(ended.len(), 4, "a change of member in every third team");
    for former in ended {
        let successor = all.iter().find(|m| {
            m["validFrom"] == "2016-06-01"
                && (&m["role"], &m["cluster"], &m["neighbourhood"])
                    == (
                        &former["role"],
                        &former["cluster"],
                        &former["neighbourhood"],
                    )
        });
        assert!(successor.is_some(), "{former} has a successor");
    }
}

run_on_both_databases!(
    every_pilot_team_has_eight_core_and_four_occasional_members_and_one_in_three_changed_a_member
);

async fn the_overdue_request_was_asked_after_the_half_year_for_an_action_not_yet_started_and_the_reservation_names_late_consultation(
    app: TestApp,
) {
    let data = app.data(
        "{ overdueCommitments { commitments { nodes { requestedAt action { status progressPercent } } } }
           reserved: commitments(filter: {status: ACCEPTED_WITH_RESERVATION}) { nodes { reason } } }",
        json!({}),
    ).await;
    let overdue = nodes(&data["overdueCommitments"]["commitments"]);
    assert_eq!(overdue.len(), 1);
    assert!(
        overdue[0]["requestedAt"].as_str().unwrap() > "2016-07-01",
        "{overdue:?}"
    );
    assert_eq!(
        overdue[0]["action"],
        json!({ "status": "NOT_STARTED", "progressPercent": 0 })
    );
    let reserved = nodes(&data["reserved"]);
    assert_eq!(reserved.len(), 1);
    assert!(
        reserved[0]["reason"]
            .as_str()
            .unwrap()
            .contains("niet tijdig"),
        "{reserved:?}"
    );
}

run_on_both_databases!(the_overdue_request_was_asked_after_the_half_year_for_an_action_not_yet_started_and_the_reservation_names_late_consultation);

async fn residents_input_differs_per_neighbourhood_and_lands_in_its_own_plan_or_its_areas_plan(
    app: TestApp,
) {
    let data = app.data(
        "{ residentInputs(first: 100) { nodes { summary outcome neighbourhood { code area { code } }
            landings { nodes { priority { plan { kind neighbourhood { code } area { code } } } } } } } }",
        json!({}),
    ).await;
    let inputs = nodes(&data["residentInputs"]);
    let summaries: HashSet<&str> = inputs
        .iter()
        .map(|i| i["summary"].as_str().unwrap())
        .collect();
    assert_eq!(
        summaries.len(),
        inputs.len(),
        "no input repeated across neighbourhoods"
    );
    let mut incorporated: HashMap<&str, usize> = HashMap::new();
    let mut in_area_plan = 0;
    for input in inputs.iter().filter(|i| i["outcome"] == "INCORPORATED") {
        let code = input["neighbourhood"]["code"].as_str().unwrap();
        *incorporated.entry(code).or_default() += 1;
        for landing in nodes(&input["landings"]) {
            let plan = &landing["priority"]["plan"];
            if plan["kind"] == "AREA_PLAN" {
                assert_eq!(plan["area"], input["neighbourhood"]["area"]);
                in_area_plan += 1;
            } else {
                assert_eq!(plan["neighbourhood"]["code"], code, "{input}");
            }
        }
    }
    assert_eq!(
        incorporated.len(),
        10,
        "every pilot neighbourhood finds some input back"
    );
    assert!(in_area_plan >= 1, "some input landed in an area plan");
    assert!(inputs.iter().any(|i| i["outcome"] == "NOT_INCORPORATED"));
}

run_on_both_databases!(
    residents_input_differs_per_neighbourhood_and_lands_in_its_own_plan_or_its_areas_plan
);

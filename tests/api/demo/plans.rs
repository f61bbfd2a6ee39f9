//! The pilot plans: each with its own content, one holding both refusals and made of a
//! merge.

use super::*;

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

    let operations = audit_operations(&app, &draft["id"]).await;
    assert_eq!(operations, ["mergePlans"]);
}
run_on_both_databases!(one_plan_holds_both_refusals_with_different_reasons_and_is_the_merge_of_two_drafts_that_dropped_five_priorities);

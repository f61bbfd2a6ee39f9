//! Closing and merging plans: what the area director may do, and where the merged work goes.

use super::*;

async fn the_area_director_closes_and_merges_plans(app: TestApp) {
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    let adopted = director.data(r#"{ plans(filter: {status: ADOPTED, titleContains: "Katendrecht"}) { nodes { id version } } }"#, json!({})).await["plans"]["nodes"][0].clone();
    let close = "mutation($input: PlanStepInput!) { closePlan(input: $input) { plan { status } } }";
    let step = json!({ "input": { "id": adopted["id"], "expectedVersion": adopted["version"] } });
    assert_eq!(
        error_code(
            &app.as_roles(&["neighbourhood_manager:BU05991085"])
                .graphql(close, step.clone())
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        director.data(close, step.clone()).await["closePlan"]["plan"]["status"],
        "CLOSED"
    );
    assert_eq!(error_code(&director.graphql(close, json!({ "input": { "id": adopted["id"], "expectedVersion": adopted["version"].as_i64().unwrap() + 1 } })).await), "INVALID_TRANSITION");

    // Two 2018 drafts of neighbourhoods that merge.
    let hoods = app.data(r#"{ a: neighbourhoods(filter: {code: "BU05991081"}) { nodes { id } } b: neighbourhoods(filter: {code: "BU05991082"}) { nodes { id } } }"#, json!({})).await;
    let create = |hood: &Value| json!({ "input": { "neighbourhoodId": hood, "year": 2018 } });
    let surviving = app
        .data(CREATE_PLAN, create(&hoods["a"]["nodes"][0]["id"]))
        .await["createPlan"]["plan"]
        .clone();
    let merged = app
        .data(CREATE_PLAN, create(&hoods["b"]["nodes"][0]["id"]))
        .await["createPlan"]["plan"]
        .clone();
    app.data(ADD_PRIORITY, json!({ "input": { "planId": merged["id"], "expectedPlanVersion": 1, "title": "Veilig", "description": "D" } })).await;
    let merge = "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id } } }";
    let input = json!({ "input": { "survivingPlanId": surviving["id"], "survivingPlanVersion": 1, "mergedPlanId": merged["id"], "mergedPlanVersion": 2 } });
    assert_eq!(
        director.data(merge, input).await["mergePlans"]["plan"]["id"],
        surviving["id"]
    );
    let after = app.data("query($id: ID!) { node(id: $id) { ... on Plan { status supersededBy { id } priorities { nodes { rank dropReason } } } } }", json!({ "id": merged["id"] })).await;
    assert_eq!(after["node"]["status"], "SUPERSEDED");
    assert_eq!(after["node"]["supersededBy"]["id"], surviving["id"]);
    assert_eq!(after["node"]["priorities"]["nodes"][0]["rank"], Value::Null);
    assert!(
        after["node"]["priorities"]["nodes"][0]["dropReason"]
            .as_str()
            .unwrap()
            .starts_with("merged into")
    );
}
run_on_both_databases!(the_area_director_closes_and_merges_plans);

async fn a_merge_moves_the_chosen_priorities_with_their_work_and_withdraws_what_hung_under_the_dropped_ones(
    app: TestApp,
) {
    let director = app.as_roles(&[FEIJENOORD_DIRECTOR]);
    // Noordereiland has no 2016 plan: the director drafts one for the merged neighbourhoods.
    let noordereiland = neighbourhood_id(&app, "BU05991088").await;
    let surviving = director
        .data(
            CREATE_PLAN,
            json!({ "input": { "neighbourhoodId": noordereiland, "year": 2016 } }),
        )
        .await["createPlan"]["plan"]
        .clone();
    let merged = app.data(r#"{ plans(filter: {titleContains: "Afrikaanderwijk 2016"}) { nodes { id version priorities { nodes { id rank actions(first: 50) { nodes { id commitments(first: 50) { nodes { id status } } } } } } } } }"#, json!({})).await["plans"]["nodes"][0].clone();
    let priorities = merged["priorities"]["nodes"].as_array().unwrap().clone();
    assert_eq!(priorities.len(), 5);
    let (moved, dropped) = (&priorities[..2], &priorities[2..]);
    let open = |priority: &Value| {
        priority["actions"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|action| action["commitments"]["nodes"].as_array().unwrap().clone())
            .filter(|c| {
                ["REQUESTED", "ACCEPTED", "ACCEPTED_WITH_RESERVATION"]
                    .contains(&c["status"].as_str().unwrap())
            })
            .map(|c| c["id"].clone())
            .collect::<Vec<_>>()
    };
    let to_withdraw: Vec<Value> = dropped.iter().flat_map(open).collect();
    assert!(
        !to_withdraw.is_empty(),
        "the demo has open commitments under the dropped priorities"
    );
    let audit_before = count_rows(&app.db, "audit_event").await;

    let merge = "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id priorities { nodes { id rank } } } } }";
    let input = |ids: Vec<Value>| json!({ "input": { "survivingPlanId": surviving["id"], "survivingPlanVersion": 1, "mergedPlanId": merged["id"], "mergedPlanVersion": merged["version"], "movePriorityIds": ids, "dropReason": "Samengevoegd met Noordereiland; ondergebracht bij de twee gedeelde prioriteiten." } });
    let foreign = app.data(r#"{ plans(filter: {titleContains: "Bloemhof 2016"}) { nodes { priorities(first: 1) { nodes { id } } } } }"#, json!({})).await["plans"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    let wrong = director.graphql(merge, input(vec![foreign])).await;
    assert_eq!(
        wrong["errors"][0]["extensions"]["field"], "input.movePriorityIds",
        "{wrong}"
    );
    let done = director
        .data(
            merge,
            input(moved.iter().map(|p| p["id"].clone()).collect()),
        )
        .await["mergePlans"]["plan"]
        .clone();
    let now_there: Vec<(Value, Value)> = done["priorities"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].clone(), p["rank"].clone()))
        .collect();
    assert_eq!(
        now_there,
        vec![
            (moved[0]["id"].clone(), json!(1)),
            (moved[1]["id"].clone(), json!(2))
        ]
    );

    // The moved priorities keep their actions and commitments.
    let moved_work = app.data("query($id: ID!) { node(id: $id) { ... on Priority { plan { id } actions(first: 50) { totalCount } } } }", json!({ "id": moved[0]["id"] })).await;
    assert_eq!(moved_work["node"]["plan"]["id"], surviving["id"]);
    assert_eq!(
        moved_work["node"]["actions"]["totalCount"],
        moved[0]["actions"]["nodes"].as_array().unwrap().len()
    );
    // The dropped ones carry the reason; what hung under them is withdrawn, audited.
    let gone = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Priority { rank dropReason } } }",
            json!({ "id": dropped[0]["id"] }),
        )
        .await;
    assert_eq!(gone["node"]["rank"], Value::Null);
    assert!(
        gone["node"]["dropReason"]
            .as_str()
            .unwrap()
            .starts_with("Samengevoegd")
    );
    for id in &to_withdraw {
        let commitment = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on Commitment { status reason } } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(commitment["node"]["status"], "WITHDRAWN", "{commitment}");
        assert!(
            commitment["node"]["reason"]
                .as_str()
                .unwrap()
                .starts_with("priority dropped")
        );
    }
    // One event per moved priority, per withdrawn commitment, and the merge itself.
    assert_eq!(
        count_rows(&app.db, "audit_event").await,
        audit_before + 2 + to_withdraw.len() as i64 + 1
    );
}
run_on_both_databases!(a_merge_moves_the_chosen_priorities_with_their_work_and_withdraws_what_hung_under_the_dropped_ones);

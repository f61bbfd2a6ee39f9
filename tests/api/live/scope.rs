//! Who hears what: a cluster its own commitments, the public published plans, and nothing
//! from a change that rolled back.

use super::*;

async fn a_cluster_hears_of_its_own_commitments_only_and_the_public_of_none(app: TestApp) {
    let (action, clusters) = setting(&app).await;
    let mut mo = Live::connect(&app, &["cluster_member:MO"]).await;
    let mut so = Live::connect(&app, &["cluster_member:SO"]).await;
    let mut public = Live::connect(&app, &[]).await;
    for (live, id) in [(&mut mo, "mo"), (&mut so, "so"), (&mut public, "public")] {
        live.subscribe(id, COMMITMENTS).await;
    }
    // Let the subscriptions start before the changes.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let for_so = request(&app, &action, &clusters["SO"]).await;
    let for_mo = request(&app, &action, &clusters["MO"]).await;

    let heard = mo.next(PATIENCE).await.expect("MO hears of its request");
    assert_eq!(
        heard["data"]["commitmentChanged"],
        json!({ "kind": "REQUESTED", "commitment": { "id": for_mo, "status": "REQUESTED", "cluster": { "code": "MO" } } })
    );
    let heard = so.next(PATIENCE).await.expect("SO hears of its request");
    assert_eq!(
        heard["data"]["commitmentChanged"]["commitment"]["id"], for_so,
        "SO's first event is its own, not MO's"
    );
    assert!(
        mo.next(QUIET).await.is_none(),
        "MO never hears of SO's request"
    );
    assert!(
        public.next(QUIET).await.is_none(),
        "the public reads no commitments"
    );
}
run_on_both_databases!(a_cluster_hears_of_its_own_commitments_only_and_the_public_of_none);

async fn withdrawals_in_a_change_that_rolls_back_are_never_heard_and_the_next_commit_is(
    app: TestApp,
) {
    let (action, clusters) = setting(&app).await;
    let mut admin = Live::connect(&app, &["admin"]).await;
    admin.subscribe("all", COMMITMENTS).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A merge that drops Bloemhof's priorities withdraws their open commitments (events
    // staged) and is then refused for the stale version: it all rolls back.
    let plans = app.data(r#"{ plans(filter: {status: ADOPTED, year: 2016, kind: NEIGHBOURHOOD_ACTION_PLAN}, first: 20) { nodes { id version title } } }"#, json!({})).await;
    let find = |name: &str| {
        plans["plans"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["title"].as_str().unwrap().contains(name))
            .unwrap()
            .clone()
    };
    let (surviving, merged) = (find("Afrikaanderwijk"), find("Bloemhof"));
    let open = "commitment WHERE status IN ('REQUESTED', 'ACCEPTED', 'ACCEPTED_WITH_RESERVATION')";
    let open_before = count_rows(&app.db, open).await;
    let merge = json!({ "input": { "survivingPlanId": surviving["id"], "survivingPlanVersion": surviving["version"],
        "mergedPlanId": merged["id"], "mergedPlanVersion": merged["version"].as_i64().unwrap() + 7, "movePriorityIds": [] } });
    let refused = app
        .as_roles(&["area_director:WK059910"])
        .graphql(
            "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id } } }",
            merge,
        )
        .await;
    assert_eq!(
        crate::helpers::error_code(&refused),
        "CONFLICT",
        "{refused}"
    );
    assert_eq!(
        count_rows(&app.db, open).await,
        open_before,
        "the withdrawals rolled back"
    );
    let done = request(&app, &action, &clusters["WI"]).await;
    let heard = admin
        .next(PATIENCE)
        .await
        .expect("the request that committed");
    assert_eq!(
        heard["data"]["commitmentChanged"]["commitment"]["id"], done,
        "nothing of the refused change: {heard}"
    );
}
run_on_both_databases!(
    withdrawals_in_a_change_that_rolls_back_are_never_heard_and_the_next_commit_is
);

async fn a_plan_is_heard_of_by_the_public_only_while_it_is_published(app: TestApp) {
    let data = app.data(r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { id version } } }"#, json!({})).await;
    let plan = data["plans"]["nodes"][0].clone();
    let query = "subscription { planStatusChanged { plan { id status } } }";
    let mut public = Live::connect(&app, &[]).await;
    let mut manager = Live::connect(&app, &["neighbourhood_manager:BU05991086"]).await;
    public.subscribe("p", query).await;
    manager.subscribe("m", query).await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Each step is heard (the row as it is when the event arrives) before the next one.
    let heard_status = async |live: &mut Live| {
        let heard = live
            .next(PATIENCE)
            .await
            .expect("the manager hears each step");
        tokio::time::sleep(Duration::from_millis(300)).await;
        heard["data"]["planStatusChanged"]["plan"]["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let as_manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let version = plan["version"].as_i64().unwrap();
    as_manager.data("mutation($input: RevisePlanInput!) { revisePlan(input: $input) { plan { id } } }",
        json!({ "input": { "id": plan["id"], "expectedVersion": version, "reason": "Bijstellen" } })).await;
    assert_eq!(heard_status(&mut manager).await, "DRAFT");
    as_manager
        .data(
            "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { id } } }",
            json!({ "input": { "id": plan["id"], "expectedVersion": version + 1 } }),
        )
        .await;
    assert_eq!(heard_status(&mut manager).await, "IN_CONSULTATION");
    let director = app.as_roles(&["area_director:WK059910"]);
    let adopt =
        "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { status } } }";
    let step = |waivers: Value| json!({ "input": { "id": plan["id"], "expectedVersion": version + 2, "waivers": waivers } });
    let gaps =
        director.graphql(adopt, step(json!([]))).await["errors"][0]["extensions"]["gaps"].clone();
    let waivers: Vec<Value> = gaps.as_array().unwrap().iter().flat_map(|gap| {
        gap["missing"].as_array().unwrap().iter().map(|missing| json!({ "itemId": gap["item"], "gap": missing, "reason": "Mondeling akkoord" })).collect::<Vec<_>>()
    }).collect();
    director.data(adopt, step(json!(waivers))).await;
    assert_eq!(heard_status(&mut manager).await, "ADOPTED");
    // The draft and the consultation were not the public's to read; the adoption is.
    let heard = public
        .next(PATIENCE)
        .await
        .expect("the public hears of the adoption");
    assert_eq!(
        heard["data"]["planStatusChanged"]["plan"],
        json!({ "id": plan["id"], "status": "ADOPTED" })
    );
    assert!(public.next(QUIET).await.is_none());
}
run_on_both_databases!(a_plan_is_heard_of_by_the_public_only_while_it_is_published);

//! Belongs-to links read a level at a time, and rows decoded by the API's own decoders.

use super::*;

run_on_both_databases!(
    a_mutation_payload_shows_links_as_an_earlier_mutation_of_the_document_left_them,
    links_read_with_a_list_equal_their_lookups_and_a_hidden_link_reads_as_missing,
    plans_priorities_actions_and_commitments_decoded_by_their_own_decoders_equal_sea_orms_decoding,
);

const BLOEMHOF_MANAGER: &str = "neighbourhood_manager:BU05991081";

async fn a_mutation_payload_shows_links_as_an_earlier_mutation_of_the_document_left_them(
    app: TestApp,
) {
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let bloemhof = neighbourhood_id(&app, "BU05991081").await;
    let plan = manager
        .data(
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }",
            json!({ "input": { "neighbourhoodId": bloemhof, "year": 2017 } }),
        )
        .await["createPlan"]["plan"]["id"]
        .clone();
    manager
        .data(
            "mutation($input: AddPriorityInput!) { addPriority(input: $input) { priority { id } } }",
            json!({ "input": { "planId": plan, "expectedPlanVersion": 1, "title": "Schoon", "description": "Een schone wijk." } }),
        )
        .await;
    // Each payload lists the plan's priorities with their plan: the first read records the
    // plan as linked from its priorities; the second mutation renames it again.
    let renamed = manager
        .data(
            "mutation($id: ID!) {
                first: updatePlan(input: {id: $id, expectedVersion: 2, title: \"Eerste\"}) {
                    plan { priorities(first: 5) { nodes { plan { title } } } } }
                second: updatePlan(input: {id: $id, expectedVersion: 3, title: \"Tweede\"}) {
                    plan { priorities(first: 5) { nodes { plan { title } } } } } }",
            json!({ "id": plan }),
        )
        .await;
    assert_eq!(
        renamed["first"]["plan"]["priorities"]["nodes"][0]["plan"]["title"],
        "Eerste"
    );
    assert_eq!(
        renamed["second"]["plan"]["priorities"]["nodes"][0]["plan"]["title"],
        "Tweede"
    );
}

async fn links_read_with_a_list_equal_their_lookups_and_a_hidden_link_reads_as_missing(
    app: TestApp,
) {
    const LINKED: &str = "{ commitments(first: 100) { nodes { cluster { id code }
        action { id priority { id plan { id } } } } } }";
    // As admin every link is there, and each is the row its own lookup returns.
    let all = app.data(LINKED, json!({})).await;
    let nodes = all["commitments"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 100);
    for node in nodes.iter().step_by(17) {
        let action = &node["action"];
        let looked_up = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on Action { id priority { id plan { id } } } } }",
                json!({ "id": action["id"] }),
            )
            .await;
        assert_eq!(&looked_up["node"], action);
        assert!(node["cluster"]["code"].is_string(), "{node}");
    }
    // A committee member reads their area's team memberships but only the people marked
    // public (the neighbourhood managers): a representative's link reads as missing, for
    // the list as for a lookup by id.
    const TEAM: &str = "{ teamMemberships(first: 50) { nodes { id role person { id name }
        neighbourhood { code } } } }";
    let committee = app.as_roles(&["committee_member:WK059910"]);
    let seen = committee.data(TEAM, json!({})).await;
    let seen = seen["teamMemberships"]["nodes"].as_array().unwrap().clone();
    assert!(
        seen.iter()
            .any(|node| node["role"] == "NEIGHBOURHOOD_MANAGER"
                && node["person"]["name"].is_string())
    );
    let representatives: Vec<&Value> = seen
        .iter()
        .filter(|node| node["role"] == "CLUSTER_REPRESENTATIVE")
        .collect();
    assert!(!representatives.is_empty());
    for node in representatives {
        assert!(node["person"].is_null(), "{node}");
        assert!(node["neighbourhood"]["code"].is_string(), "{node}");
        let membership = app
            .data(
                "query($id: ID!) { node(id: $id) { ... on TeamMembership { person { id name } } } }",
                json!({ "id": node["id"] }),
            )
            .await;
        let person = &membership["node"]["person"];
        assert!(
            person["name"].is_string(),
            "admin sees the person of {node}"
        );
        let lookup = committee
            .data(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": person["id"] }),
            )
            .await;
        assert!(lookup["node"].is_null(), "{lookup}");
    }
}

/// The hand-written decoders of the rows large pages read most (straight from the engine's
/// answer, column by column) give exactly the models sea-orm's derived decoding gives, NULL
/// and non-NULL columns alike, for rows holding every column.
async fn plans_priorities_actions_and_commitments_decoded_by_their_own_decoders_equal_sea_orms_decoding(
    app: TestApp,
) {
    use entity::{action, commitment, plan, priority};
    use wijkgraph::access::rows;

    let plans: [Nullable<plan::Model>; 3] = [
        ("neighbourhood_id", |p| p.neighbourhood_id.is_some()),
        ("parent_plan_id", |p| p.parent_plan_id.is_some()),
        ("adopted_at", |p| p.adopted_at.is_some()),
    ];
    decoded_like_sea_orm::<plan::Entity>(&app, rows::plan, &plans).await;
    // Every demo priority has a theme: one without.
    app.db
        .execute_unprepared(
            "UPDATE priority SET theme = NULL WHERE id = (SELECT MIN(id) FROM priority)",
        )
        .await
        .unwrap();
    let priorities: [Nullable<priority::Model>; 2] = [
        ("theme", |p| p.theme.is_some()),
        ("city_programme_id", |p| p.city_programme_id.is_some()),
    ];
    decoded_like_sea_orm::<priority::Entity>(&app, rows::priority, &priorities).await;

    let commitments: [Nullable<commitment::Model>; 4] = [
        ("amount_cents", |c| c.amount_cents.is_some()),
        ("answered_at", |c| c.answered_at.is_some()),
        ("reason", |c| c.reason.is_some()),
        ("budget_line_id", |c| c.budget_line_id.is_some()),
    ];
    decoded_like_sea_orm::<commitment::Entity>(&app, rows::commitment, &commitments).await;
    // Every demo action has a lead cluster: one without.
    app.db
        .execute_unprepared(
            "UPDATE action SET lead_cluster_id = NULL WHERE id = (SELECT MIN(id) FROM action)",
        )
        .await
        .unwrap();
    let actions: [Nullable<action::Model>; 4] = [
        ("lead_position", |a| a.lead_position.is_some()),
        ("deadline", |a| a.deadline.is_some()),
        ("proposed_by_cluster_id", |a| {
            a.proposed_by_cluster_id.is_some()
        }),
        ("lead_cluster_id", |a| a.lead_cluster_id.is_some()),
    ];
    decoded_like_sea_orm::<action::Entity>(&app, rows::action, &actions).await;
}

/// Every row of `E` decoded by `decode` equals sea-orm's model, and each of `nullable` is
/// set on some rows and not on others (so both were decoded).
async fn decoded_like_sea_orm<E: sea_orm::EntityTrait>(
    app: &TestApp,
    decode: fn(&sea_orm::QueryResult) -> Result<E::Model, sea_orm::DbErr>,
    nullable: &[Nullable<E::Model>],
) where
    E::Model: PartialEq + std::fmt::Debug,
{
    use sea_orm::QueryTrait;
    let derived = E::find().all(&app.db).await.unwrap();
    let statement = E::find().into_query();
    let rows = app.db.query_all(&statement).await.unwrap();
    let decoded: Vec<E::Model> = rows.iter().map(|row| decode(row).unwrap()).collect();
    assert_eq!(decoded, derived);
    for (name, set) in nullable {
        let count = decoded.iter().filter(|row| set(row)).count();
        assert!(
            count > 0 && count < decoded.len(),
            "{name}: set on {count} of {}",
            decoded.len()
        );
    }
}

//! The public's view, `me`'s report of the matrix, and the matrix covering the whole schema.

use super::*;

async fn the_public_sees_published_plans_and_public_progress_only(app: TestApp) {
    let public = app.as_roles(&[]);
    let data = public.data(
        "{ plans(first: 100) { totalCount nodes { status priorities { nodes { actions { nodes { progressUpdates { nodes { public } } commitments { totalCount } } } } } } }
           drafts: plans(filter: {status: DRAFT}) { totalCount }
           budgetLines { totalCount } commitments { totalCount } escalations { totalCount } people { totalCount }
           me { authenticated permissions { entity operation allowed } } }",
        json!({}),
    ).await;
    assert_eq!(data["drafts"]["totalCount"], 0);
    for field in ["budgetLines", "commitments", "escalations"] {
        assert_eq!(data[field]["totalCount"], 0, "{field}");
    }
    // People only when marked public (see `contact.rs`).
    let public_people = crate::helpers::count_rows(&app.db, "person WHERE public = true").await;
    assert_eq!(data["people"]["totalCount"], public_people);
    for plan in data["plans"]["nodes"].as_array().unwrap() {
        assert_ne!(plan["status"], "DRAFT");
        for priority in plan["priorities"]["nodes"].as_array().unwrap() {
            for action in priority["actions"]["nodes"].as_array().unwrap() {
                assert_eq!(action["commitments"]["totalCount"], 0);
                for update in action["progressUpdates"]["nodes"].as_array().unwrap() {
                    assert_eq!(update["public"], true);
                }
            }
        }
    }
    assert_eq!(data["me"]["authenticated"], false);
    let permissions = data["me"]["permissions"].as_array().unwrap();
    let allowed = |entity: &str| {
        permissions
            .iter()
            .any(|p| p["entity"] == entity && p["operation"] == "READ" && p["allowed"] == true)
    };
    assert!(allowed("PLAN"));
    assert!(!allowed("BUDGET_LINE"));
}
run_on_both_databases!(the_public_sees_published_plans_and_public_progress_only);

async fn me_reports_the_matrix_for_the_callers_grants(app: TestApp) {
    let caller = app.as_roles(&["cluster_member:MO", "committee_member:WK059910"]);
    let data = caller.data("{ me { grants { role code } permissions { entity operation allowed reaches { scope grant } } } }", json!({})).await;
    assert_eq!(data["me"]["grants"].as_array().unwrap().len(), 2);
    let permissions = data["me"]["permissions"].as_array().unwrap();
    assert_eq!(
        permissions.len(),
        EntityKind::ALL.len() * Operation::ALL.len()
    );
    let commitment_money = permissions
        .iter()
        .find(|p| p["entity"] == "COMMITMENT" && p["operation"] == "READ_MONEY")
        .unwrap();
    assert_eq!(
        commitment_money["reaches"],
        json!([{ "scope": "OWN_CLUSTER", "grant": "cluster_member:MO" }])
    );
}
run_on_both_databases!(me_reports_the_matrix_for_the_callers_grants);

/// Every object type with a global id is guarded by a row of the matrix, and every root
/// field is covered by this suite: a new type or list fails here until it is added.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_schema_type_and_root_list_has_a_row_in_the_matrix() {
    let app = crate::helpers::spawn_app(crate::helpers::Engine::Sqlite).await;
    let data = app.data(
        r#"{ node: __type(name: "Node") { possibleTypes { name } } query: __type(name: "Query") { fields { name } } }"#,
        json!({}),
    ).await;
    let guarded: BTreeSet<&str> = ENTITIES
        .iter()
        .map(|(_, type_name, ..)| *type_name)
        .collect();
    for node_type in data["node"]["possibleTypes"].as_array().unwrap() {
        let name = node_type["name"].as_str().unwrap();
        assert!(
            guarded.contains(name),
            "type {name} has no row in the permission matrix suite"
        );
    }
    let covered: BTreeSet<&str> = ENTITIES
        .iter()
        .filter_map(|(.., field)| *field)
        .chain([
            "node",
            "me",
            "overdueCommitments",
            "budgetSummary",
            "adoptedPlan",
            "residentInput",
        ])
        .collect();
    for field in data["query"]["fields"].as_array().unwrap() {
        let name = field["name"].as_str().unwrap();
        assert!(
            covered.contains(name),
            "root field {name} is not covered by the matrix suite"
        );
    }
}

//! The demo data: the 2016 pilot as the README describes it, written deterministically and
//! only once.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use wijkgraph::seed::{self, SeedOutcome};

use crate::helpers::{Engine, TestApp, run_on_both_databases, spawn_app};

const TABLES: [&str; 27] = [
    "area",
    "neighbourhood",
    "representative_body",
    "representative_body_coverage",
    "cluster",
    "city_programme",
    "product",
    "plan",
    "priority",
    "action",
    "action_position",
    "adoption_waiver",
    "plan_revision",
    "committee_advice",
    "input_landing",
    "progress_update",
    "person",
    "team_membership",
    "pnc_document",
    "budget_line",
    "budget_line_amount",
    "budget_amendment",
    "commitment",
    "escalation",
    "escalation_event",
    "resident_input",
    "audit_event",
];

/// Rows per table.
pub(crate) async fn row_counts(db: &sea_orm::DatabaseConnection) -> Vec<(String, i64)> {
    let mut counts = Vec::new();
    for table in TABLES {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap();
        counts.push((table.to_owned(), row.try_get::<i64>("", "n").unwrap()));
    }
    counts
}

async fn seeding_twice_changes_nothing(app: TestApp) {
    let before = row_counts(&app.db).await;
    assert_eq!(
        seed::demo(&app.db).await.unwrap(),
        SeedOutcome::AlreadyPresent
    );
    assert_eq!(row_counts(&app.db).await, before);
}

run_on_both_databases!(seeding_twice_changes_nothing);

async fn the_demo_holds_every_state_the_domain_names(app: TestApp) {
    let data = app.data(
        "{ commitments(first: 100) { totalCount }
           requested: commitments(filter: {status: REQUESTED}) { totalCount }
           accepted: commitments(filter: {status: ACCEPTED}) { totalCount }
           delivered: commitments(filter: {status: DELIVERED}) { totalCount }
           withdrawn: commitments(filter: {status: WITHDRAWN}) { totalCount }
           escalations(filter: {status: OPEN}) { totalCount nodes { level owner history { totalCount } commitment { status } } }
           incorporated: residentInputs(filter: {outcome: INCORPORATED}) { totalCount nodes { priority { id } } }
           notIncorporated: residentInputs(filter: {outcome: NOT_INCORPORATED}) { totalCount nodes { reason } }
           drafts: plans(filter: {status: DRAFT, year: 2017}) { totalCount }
           pnc: pncDocuments(filter: {year: 2016}) { totalCount } }",
        json!({}),
    ).await;
    for status in ["requested", "accepted", "delivered", "withdrawn"] {
        assert!(
            data[status]["totalCount"].as_u64().unwrap() >= 1,
            "no {status} commitment"
        );
    }
    let escalation = &data["escalations"]["nodes"][0];
    assert_eq!(data["escalations"]["totalCount"], 1);
    assert_eq!(escalation["level"], "AREA");
    assert_eq!(escalation["owner"], "area_director:WK059910");
    assert_eq!(escalation["history"]["totalCount"], 3);
    assert_eq!(escalation["commitment"]["status"], "REJECTED");
    assert!(data["incorporated"]["nodes"][0]["priority"]["id"].is_string());
    assert!(data["notIncorporated"]["nodes"][0]["reason"].is_string());
    assert_eq!(data["drafts"]["totalCount"], 1);
    assert_eq!(data["pnc"]["totalCount"], 5);
}

run_on_both_databases!(the_demo_holds_every_state_the_domain_names);

/// The same query over freshly seeded SQLite and PostgreSQL databases answers byte for
/// byte the same: the seed is deterministic and the engines behave identically.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_answer_the_demo_identically() {
    let query = "{ plans(first: 100, orderBy: [{field: TITLE}]) { totalCount nodes { id title status adoptedAt
        priorities { nodes { id rank title cityAlignment actions { nodes { id deadline status progressPercent trafficLight
        commitments { nodes { id status hours amount responseDeadline budgetLine { id revised } } } } } } } } }
        budgetLines(first: 100) { nodes { id amounts { phase amount } capacityHours } } }";
    let sqlite = spawn_app(Engine::Sqlite).await;
    let postgres = spawn_app(Engine::Postgres).await;
    let from_sqlite = sqlite.data(query, json!({})).await;
    let from_postgres = postgres.data(query, json!({})).await;
    assert_eq!(from_sqlite, from_postgres);
}

async fn the_demo_leaves_2017_open_for_a_vraagwijzer_transfer_a_new_line_and_an_amendment_and_names_the_reports_programmes(
    app: TestApp,
) {
    let data = app.data(
        r#"{ pncDocuments(filter: {year: 2017}) { nodes { phase status } }
             budgetLines(filter: {year: 2017}) { nodes { id budgeted capacityHours area { code } neighbourhood { code } product { code } } }
             cityProgrammes(first: 50) { nodes { name } } }"#,
        json!({}),
    ).await;
    assert_eq!(
        data["pncDocuments"]["nodes"],
        json!([{ "phase": "BUDGET", "status": "IN_PREPARATION" }])
    );
    let names: Vec<&str> = data["cityProgrammes"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for named in [
        "Nationaal Programma Rotterdam Zuid (NPRZ)",
        "Stadsmariniers",
        "Schoon, heel en groen",
    ] {
        assert!(names.contains(&named), "{named}: {names:?}");
    }
    let lines = data["budgetLines"]["nodes"].as_array().unwrap();
    let centre = lines
        .iter()
        .find(|l| l["area"]["code"] == "WK059912")
        .unwrap();
    let desk = lines
        .iter()
        .find(|l| l["neighbourhood"]["code"] == "BU05991284")
        .unwrap();
    assert_eq!(
        (&centre["product"]["code"], &desk["product"]["code"]),
        (&json!("MO-VRW"), &json!("MO-VRW"))
    );

    // The report's own example: Vraagwijzer capacity moves to Lombardijen within the product.
    let transfer = json!({ "input": { "fromLineId": centre["id"], "toLineId": desk["id"], "amount": "40000", "hours": "100", "phase": "BUDGET" } });
    let moved = app.as_roles(&["cluster_manager:MO"]).data(
        "mutation($input: TransferBudgetInput!) { transferBudget(input: $input) { toLine { budgeted capacityHours } } }", transfer).await;
    assert_eq!(
        moved["transferBudget"]["toLine"],
        json!({ "budgeted": "200000.00", "capacityHours": "1100.00" })
    );
    // An amendment to the budget being prepared, and a new line for the year.
    let amend = json!({ "input": { "budgetLineId": desk["id"], "phase": "BUDGET", "amendmentType": "INTENSIFICATION", "delta": "10000", "rationale": "Extra spreekuur." } });
    app.as_roles(&["controller"]).data("mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { id } } }", amend).await;
    let ids = app.data(r#"{ products(first: 50) { nodes { id code } } neighbourhoods(filter: {code: "BU05991284"}) { nodes { id } } clusters(filter: {code: "MO"}) { nodes { id } } }"#, json!({})).await;
    let huis = ids["products"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "MO-HVW")
        .unwrap()["id"]
        .clone();
    let new_line = json!({ "input": { "clusterId": ids["clusters"]["nodes"][0]["id"], "productId": huis, "year": 2017, "neighbourhoodId": ids["neighbourhoods"]["nodes"][0]["id"],
        "description": "Huis van de Wijk Lombardijen 2017", "amount": "80000", "capacityHours": "600" } });
    let created = app.as_roles(&["cluster_manager:MO"]).graphql("mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { budgetLine { id } } }", new_line).await;
    assert!(created.get("errors").is_none(), "{created}");
}

run_on_both_databases!(the_demo_leaves_2017_open_for_a_vraagwijzer_transfer_a_new_line_and_an_amendment_and_names_the_reports_programmes);

//! The P&C year over the API: a controller opens the documents, cluster managers budget and
//! move money within a product, the controller amends and adopts — and adopted figures stay.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, run_on_both_databases};

const CREATE_DOCUMENT: &str = "mutation($input: CreatePncDocumentInput!) { createPncDocument(input: $input) { pncDocument { id status } } }";
const ADOPT_DOCUMENT: &str = "mutation($input: PncDocumentStepInput!) { adoptPncDocument(input: $input) { pncDocument { status adoptedAt } } }";
const CREATE_LINE: &str = "mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { budgetLine { id budgeted capacityHours } } }";
const TRANSFER: &str = "mutation($input: TransferBudgetInput!) { transferBudget(input: $input) { fromLine { budgeted capacityHours } toLine { budgeted capacityHours } } }";
const AMEND: &str = "mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { amendmentType delta } } }";

async fn ids(app: &TestApp) -> Value {
    app.data(
        r#"{ mo: clusters(filter: {code: "MO"}) { nodes { id } }
             vrw: products(filter: {taakveldCode: "6.2"}) { nodes { id code } }
             hvw: products(filter: {taakveldCode: "6.1"}) { nodes { id code } }
             ijsselmonde: areas(filter: {code: "WK059912"}) { nodes { id } }
             lombardijen: neighbourhoods(filter: {code: "BU05991284"}) { nodes { id } } }"#,
        json!({}),
    )
    .await
}

fn line(ids: &Value, product: &str, place: (&str, &Value), amount: &str) -> Value {
    let mut input = json!({ "clusterId": ids["mo"]["nodes"][0]["id"], "productId": ids[product]["nodes"][0]["id"], "year": 2018, "description": format!("{product} 2018"), "amount": amount, "capacityHours": "1000" });
    input[place.0] = place.1.clone();
    json!({ "input": input })
}

/// A 2018 budget opened by the controller, with three of MO's lines written by its
/// cluster manager: Vraagwijzer at the IJsselmonde area centre (1,000,000) and at the
/// Lombardijen desk (100,000), and another product at the area centre (50,000).
struct BudgetYear {
    budget: Value,
    area: Value,
    desk: Value,
    other_product: Value,
}

async fn budget_year(app: &TestApp) -> BudgetYear {
    let ids = ids(app).await;
    let budget = app
        .as_roles(&["controller"])
        .data(
            CREATE_DOCUMENT,
            json!({ "input": { "year": 2018, "phase": "BUDGET", "title": "Begroting 2018" } }),
        )
        .await["createPncDocument"]["pncDocument"]
        .clone();
    let manager = app.as_roles(&["cluster_manager:MO"]);
    let ijsselmonde = &ids["ijsselmonde"]["nodes"][0]["id"];
    let lombardijen = &ids["lombardijen"]["nodes"][0]["id"];
    let mut lines = Vec::new();
    for (product, place, amount) in [
        ("vrw", ("areaId", ijsselmonde), "1000000"),
        ("vrw", ("neighbourhoodId", lombardijen), "100000"),
        ("hvw", ("areaId", ijsselmonde), "50000"),
    ] {
        lines.push(
            manager
                .data(CREATE_LINE, line(&ids, product, place, amount))
                .await["createBudgetLine"]["budgetLine"]
                .clone(),
        );
    }
    let [area, desk, other_product] = <[Value; 3]>::try_from(lines).unwrap();
    BudgetYear {
        budget,
        area,
        desk,
        other_product,
    }
}

/// Moves 50,000 and 100 hours between two lines in `phase`.
fn transfer(from: &Value, to: &Value, phase: &str) -> Value {
    json!({ "input": { "fromLineId": from["id"], "toLineId": to["id"], "amount": "50000.00", "hours": "100", "phase": phase } })
}

async fn the_controller_opens_pnc_documents_and_a_cluster_manager_writes_only_its_clusters_lines(
    app: TestApp,
) {
    let year = budget_year(&app).await;
    assert_eq!(year.budget["status"], "IN_PREPARATION");
    assert_eq!(
        (
            &year.area["budgeted"],
            &year.desk["budgeted"],
            &year.other_product["budgeted"]
        ),
        (
            &json!("1000000.00"),
            &json!("100000.00"),
            &json!("50000.00")
        )
    );
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_manager:MO"])
                .graphql(
                    CREATE_DOCUMENT,
                    json!({ "input": { "year": 2018, "phase": "SPRING_REVISION", "title": "x" } })
                )
                .await
        ),
        "FORBIDDEN",
        "a cluster manager opens no P&C document"
    );
    let ids = ids(&app).await;
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_manager:SB"])
                .graphql(
                    CREATE_LINE,
                    line(
                        &ids,
                        "vrw",
                        ("areaId", &ids["ijsselmonde"]["nodes"][0]["id"]),
                        "1"
                    )
                )
                .await
        ),
        "FORBIDDEN",
        "SB's manager writes no line of MO's product"
    );
}

async fn a_cluster_manager_moves_budget_between_its_lines_of_one_product_while_the_budget_is_open(
    app: TestApp,
) {
    let year = budget_year(&app).await;
    let (area, desk) = (&year.area, &year.desk);
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(TRANSFER, transfer(area, desk, "BUDGET"))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_manager:SB"])
                .graphql(TRANSFER, transfer(area, desk, "BUDGET"))
                .await
        ),
        "NOT_FOUND"
    );
    // Vraagwijzer capacity moves from the IJsselmonde area centre to Lombardijen.
    let manager = app.as_roles(&["cluster_manager:MO"]);
    let moved =
        manager.data(TRANSFER, transfer(area, desk, "BUDGET")).await["transferBudget"].clone();
    assert_eq!(
        moved["fromLine"],
        json!({ "budgeted": "950000.00", "capacityHours": "900.00" })
    );
    assert_eq!(
        moved["toLine"],
        json!({ "budgeted": "150000.00", "capacityHours": "1100.00" })
    );
    let across = manager
        .graphql(TRANSFER, transfer(area, &year.other_product, "BUDGET"))
        .await;
    assert_eq!(across["errors"][0]["extensions"]["field"], "input.toLineId");
    assert!(
        across["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("budget amendment")
    );
}

async fn an_adopted_budget_is_final_and_only_the_controller_amends_it_in_the_spring_revision(
    app: TestApp,
) {
    let year = budget_year(&app).await;
    let controller = app.as_roles(&["controller"]);
    let manager = app.as_roles(&["cluster_manager:MO"]);
    assert_eq!(
        controller
            .data(
                ADOPT_DOCUMENT,
                json!({ "input": { "id": year.budget["id"] } })
            )
            .await["adoptPncDocument"]["pncDocument"]["status"],
        "ADOPTED"
    );
    assert_eq!(
        error_code(
            &manager
                .graphql(TRANSFER, transfer(&year.desk, &year.area, "BUDGET"))
                .await
        ),
        "INVALID_TRANSITION"
    );
    let amend = |phase: &str, delta: &str| json!({ "input": { "budgetLineId": year.area["id"], "phase": phase, "amendmentType": "INTENSIFICATION", "delta": delta, "rationale": "Extra Vraagwijzer-capaciteit." } });
    assert_eq!(
        error_code(&controller.graphql(AMEND, amend("BUDGET", "150000")).await),
        "INVALID_TRANSITION"
    );

    // The spring revision is open: the controller amends, the cluster manager may not.
    controller.data(CREATE_DOCUMENT, json!({ "input": { "year": 2018, "phase": "SPRING_REVISION", "title": "Voorjaarsnota 2018" } })).await;
    assert_eq!(
        error_code(
            &manager
                .graphql(AMEND, amend("SPRING_REVISION", "150000"))
                .await
        ),
        "FORBIDDEN"
    );
    let amended = controller
        .data(AMEND, amend("SPRING_REVISION", "150000"))
        .await;
    assert_eq!(
        amended["amendBudget"]["amendment"],
        json!({ "amendmentType": "INTENSIFICATION", "delta": "150000.00" })
    );
    let figures = controller.data("query($id: ID!) { node(id: $id) { ... on BudgetLine { budgeted revised amendments { totalCount } } } }", json!({ "id": year.area["id"] })).await;
    assert_eq!(
        figures["node"]["budgeted"], "1000000.00",
        "the adopted budget stays as adopted"
    );
    assert_eq!(figures["node"]["revised"], "1150000.00");
    assert_eq!(figures["node"]["amendments"]["totalCount"], 1);
    let negative = controller
        .graphql(AMEND, amend("SPRING_REVISION", "-5000000"))
        .await;
    assert_eq!(negative["errors"][0]["extensions"]["field"], "input.delta");
}

run_on_both_databases!(
    the_controller_opens_pnc_documents_and_a_cluster_manager_writes_only_its_clusters_lines,
    a_cluster_manager_moves_budget_between_its_lines_of_one_product_while_the_budget_is_open,
    an_adopted_budget_is_final_and_only_the_controller_amends_it_in_the_spring_revision
);

async fn the_adopted_2016_cycle_cannot_be_changed(app: TestApp) {
    let lines = app
        .data(
            r#"{ budgetLines(filter: {year: 2016}, first: 100) { nodes { id description } } }"#,
            json!({}),
        )
        .await;
    let find = |d: &str| {
        lines["budgetLines"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["description"] == d)
            .unwrap()["id"]
            .clone()
    };
    let (area, desk) = (find("MO-VRW WK059912 2016"), find("MO-VRW BU05991284 2016"));
    for phase in [
        "BUDGET",
        "SPRING_REVISION",
        "AUTUMN_REVISION",
        "TEN_MONTH_REPORT",
        "ANNUAL_ACCOUNTS",
    ] {
        let response = app.as_roles(&["controller"]).graphql(TRANSFER, json!({ "input": { "fromLineId": area, "toLineId": desk, "amount": "1", "phase": phase } })).await;
        assert_eq!(error_code(&response), "INVALID_TRANSITION", "{phase}");
    }
}

run_on_both_databases!(the_adopted_2016_cycle_cannot_be_changed);

async fn a_whole_p_and_c_year_runs_over_the_api_and_the_summary_adds_up(app: TestApp) {
    let ids = ids(&app).await;
    let controller = app.as_roles(&["controller"]);
    let manager = app.as_roles(&["cluster_manager:MO"]);
    let open = |phase: &str| json!({ "input": { "year": 2018, "phase": phase, "title": format!("{phase} 2018") } });
    let adopt = |document: &Value| json!({ "input": { "id": document["createPncDocument"]["pncDocument"]["id"] } });
    let budget = controller.data(CREATE_DOCUMENT, open("BUDGET")).await;
    let area = manager
        .data(
            CREATE_LINE,
            line(
                &ids,
                "vrw",
                ("areaId", &ids["ijsselmonde"]["nodes"][0]["id"]),
                "1000000",
            ),
        )
        .await["createBudgetLine"]["budgetLine"]
        .clone();
    let desk = manager
        .data(
            CREATE_LINE,
            line(
                &ids,
                "vrw",
                ("neighbourhoodId", &ids["lombardijen"]["nodes"][0]["id"]),
                "100000",
            ),
        )
        .await["createBudgetLine"]["budgetLine"]
        .clone();
    controller.data(ADOPT_DOCUMENT, adopt(&budget)).await;

    let amend = |line: &Value, phase: &str, kind: &str, delta: &str| json!({ "input": { "budgetLineId": line["id"], "phase": phase, "amendmentType": kind, "delta": delta, "rationale": "P&C" } });
    let spring = controller
        .data(CREATE_DOCUMENT, open("SPRING_REVISION"))
        .await;
    controller
        .data(
            AMEND,
            amend(&area, "SPRING_REVISION", "INTENSIFICATION", "100000"),
        )
        .await;
    manager.data(TRANSFER, json!({ "input": { "fromLineId": area["id"], "toLineId": desk["id"], "amount": "20000", "phase": "SPRING_REVISION" } })).await;
    controller.data(ADOPT_DOCUMENT, adopt(&spring)).await;
    let autumn = controller
        .data(CREATE_DOCUMENT, open("AUTUMN_REVISION"))
        .await;
    controller
        .data(AMEND, amend(&area, "AUTUMN_REVISION", "SAVINGS", "-30000"))
        .await;
    controller.data(ADOPT_DOCUMENT, adopt(&autumn)).await;
    let accounts = controller
        .data(CREATE_DOCUMENT, open("ANNUAL_ACCOUNTS"))
        .await;
    let realise = "mutation($input: RecordRealisationInput!) { recordRealisation(input: $input) { budgetLine { id } } }";
    controller
        .data(
            realise,
            json!({ "input": { "budgetLineId": area["id"], "realised": "1040000" } }),
        )
        .await;
    controller
        .data(
            realise,
            json!({ "input": { "budgetLineId": desk["id"], "realised": "118500" } }),
        )
        .await;
    controller.data(ADOPT_DOCUMENT, adopt(&accounts)).await;
    let late = controller
        .graphql(
            realise,
            json!({ "input": { "budgetLineId": desk["id"], "realised": "1" } }),
        )
        .await;
    assert_eq!(
        error_code(&late),
        "INVALID_TRANSITION",
        "the adopted accounts are final"
    );

    let summary = "query($asOf: PncPhase) { budgetSummary(groupBy: [YEAR], filter: {year: 2018}, asOf: $asOf) { budgeted revised realised lines } }";
    let year = controller.data(summary, json!({})).await["budgetSummary"][0].clone();
    assert_eq!(
        year,
        json!({ "budgeted": "1100000.00", "revised": "1170000.00", "realised": "1158500.00", "lines": 2 })
    );
    let at_spring = controller
        .data(summary, json!({ "asOf": "SPRING_REVISION" }))
        .await["budgetSummary"][0]
        .clone();
    assert_eq!(at_spring["revised"], "1200000.00");
    assert_eq!(at_spring["realised"], "0.00");
    let cluster_view = manager.data(summary, json!({})).await["budgetSummary"][0].clone();
    assert_eq!(
        cluster_view, year,
        "the cluster manager sees the same totals of its own lines"
    );
    let by_phase = controller
        .data(
            "{ budgetSummary(groupBy: [PHASE], filter: {year: 2018}) { phase revised realised } }",
            json!({}),
        )
        .await;
    assert_eq!(
        by_phase["budgetSummary"],
        json!([
            { "phase": "BUDGET", "revised": "1100000.00", "realised": "0.00" },
            { "phase": "SPRING_REVISION", "revised": "1200000.00", "realised": "0.00" },
            { "phase": "AUTUMN_REVISION", "revised": "1170000.00", "realised": "0.00" },
            { "phase": "TEN_MONTH_REPORT", "revised": "1170000.00", "realised": "0.00" },
            { "phase": "ANNUAL_ACCOUNTS", "revised": "0.00", "realised": "1158500.00" },
        ])
    );
}

run_on_both_databases!(a_whole_p_and_c_year_runs_over_the_api_and_the_summary_adds_up);

async fn lines_change_description_and_capacity_and_documents_go_to_the_council(app: TestApp) {
    let ids = ids(&app).await;
    let controller = app.as_roles(&["controller"]);
    let document = controller
        .data(
            CREATE_DOCUMENT,
            json!({ "input": { "year": 2018, "phase": "BUDGET", "title": "Begroting 2018" } }),
        )
        .await["createPncDocument"]["pncDocument"]["id"]
        .clone();
    let submit = "mutation($input: PncDocumentStepInput!) { submitPncDocument(input: $input) { pncDocument { status } } }";
    assert_eq!(
        controller
            .data(submit, json!({ "input": { "id": document } }))
            .await["submitPncDocument"]["pncDocument"]["status"],
        "SUBMITTED"
    );
    assert_eq!(
        error_code(
            &controller
                .graphql(submit, json!({ "input": { "id": document } }))
                .await
        ),
        "INVALID_TRANSITION"
    );
    let manager = app.as_roles(&["cluster_manager:MO"]);
    let created = manager
        .data(
            CREATE_LINE,
            line(
                &ids,
                "vrw",
                ("areaId", &ids["ijsselmonde"]["nodes"][0]["id"]),
                "1000",
            ),
        )
        .await["createBudgetLine"]["budgetLine"]
        .clone();
    let update = "mutation($input: UpdateBudgetLineInput!) { updateBudgetLine(input: $input) { budgetLine { description capacityHours version } } }";
    let updated = manager.data(update, json!({ "input": { "id": created["id"], "expectedVersion": 1, "description": "Vraagwijzer IJsselmonde", "capacityHours": "1500" } })).await;
    assert_eq!(
        updated["updateBudgetLine"]["budgetLine"],
        json!({ "description": "Vraagwijzer IJsselmonde", "capacityHours": "1500.00", "version": 2 })
    );
    assert_eq!(error_code(&manager.graphql(update, json!({ "input": { "id": created["id"], "expectedVersion": 1, "description": "oud" } })).await), "CONFLICT");
    assert_eq!(error_code(&app.as_roles(&["cluster_member:MO"]).graphql(update, json!({ "input": { "id": created["id"], "expectedVersion": 2, "description": "x" } })).await), "FORBIDDEN");
}

run_on_both_databases!(lines_change_description_and_capacity_and_documents_go_to_the_council);

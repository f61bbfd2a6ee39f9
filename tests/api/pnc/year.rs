//! A whole P&C year over the API, the adopted 2016 cycle left alone, and lines and
//! documents changed and sent on.

use super::*;

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

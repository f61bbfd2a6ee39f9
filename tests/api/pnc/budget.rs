//! Budgeting a year: opening documents, writing lines, moving money, amending the adopted
//! budget.

use super::*;

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

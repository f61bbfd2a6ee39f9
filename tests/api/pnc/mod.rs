//! The P&C year over the API: a controller opens the documents, cluster managers budget and
//! move money within a product, the controller amends and adopts — and adopted figures stay.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, run_on_both_databases};

mod budget;
mod year;

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

//! Commitments draw on budget lines: what is committed is derived from the commitments, a
//! plain acceptance never goes beyond what the line has free — not even when many arrive
//! at once — and a reservation may.

use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, run_on_both_databases};

const RESPOND: &str = "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }";
const REQUEST: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }";

fn decimal(value: &Value) -> Decimal {
    value.as_str().unwrap().parse().unwrap()
}

/// SB's Reiniging line in Feijenoord, an Afrikaanderwijk action and the SB cluster.
async fn setting(app: &TestApp) -> (Value, Value, Value) {
    let data = app
        .data(
            r#"{ budgetLines(filter: {year: 2016}, first: 100) { nodes { id description } }
                 sb: clusters(filter: {code: "SB"}) { nodes { id } }
                 plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } }"#,
            json!({}),
        )
        .await;
    let line = data["budgetLines"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["description"] == "SB-REI WK059910 2016")
        .unwrap()["id"]
        .clone();
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    (line, action, data["sb"]["nodes"][0]["id"].clone())
}

async fn line_figures(app: &TestApp, line: &Value) -> Value {
    app.data("query($id: ID!) { node(id: $id) { ... on BudgetLine { revised committed free committedHours capacityHours } } }", json!({ "id": line })).await["node"].clone()
}

async fn sql_committed(app: &TestApp, line: &Value) -> i64 {
    use base64::Engine as _;
    let raw = String::from_utf8(
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(line.as_str().unwrap())
            .unwrap(),
    )
    .unwrap();
    let id = raw.split_once(':').unwrap().1;
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS n FROM commitment WHERE budget_line_id = {id} AND status IN ('ACCEPTED', 'ACCEPTED_WITH_RESERVATION', 'DELIVERED')"
    );
    let row = app
        .db
        .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn committed_money_is_derived_and_no_demo_line_is_over_committed(app: TestApp) {
    let lines = app.data("{ budgetLines(first: 100) { nodes { id revised committed free committedHours capacityHours } } }", json!({})).await;
    for line in lines["budgetLines"]["nodes"].as_array().unwrap() {
        assert_eq!(
            decimal(&line["committed"]) * Decimal::ONE_HUNDRED,
            Decimal::from(sql_committed(&app, &line["id"]).await)
        );
        assert!(decimal(&line["free"]) >= Decimal::ZERO, "{line}");
        assert!(
            decimal(&line["committedHours"]) <= decimal(&line["capacityHours"]),
            "{line}"
        );
    }
}

run_on_both_databases!(committed_money_is_derived_and_no_demo_line_is_over_committed);

async fn an_acceptance_beyond_the_free_money_is_refused_naming_the_free_amount_with_or_without_a_reservation(
    app: TestApp,
) {
    let (line, action, sb) = setting(&app).await;
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let request = manager
        .data(
            REQUEST,
            json!({ "input": { "actionId": action, "clusterId": sb } }),
        )
        .await["requestCommitment"]["commitment"]["id"]
        .clone();
    let free = decimal(&line_figures(&app, &line).await["free"]);
    let too_much = (free + Decimal::ONE).to_string();
    let cluster = app.as_roles(&["cluster_member:SB"]);
    for (answer, reason) in [
        ("ACCEPT", None),
        (
            "ACCEPT_WITH_RESERVATION",
            Some("Niet tijdig geconsulteerd over de aanpak."),
        ),
    ] {
        let refused = cluster.graphql(RESPOND, json!({ "input": { "id": request, "expectedVersion": 1, "answer": answer, "hours": "1", "amount": too_much, "budgetLineId": line, "reason": reason } })).await;
        assert_eq!(
            error_code(&refused),
            "BAD_USER_INPUT",
            "{answer}: {refused}"
        );
        assert_eq!(refused["errors"][0]["extensions"]["field"], "input.amount");
        let message = refused["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.contains(&free.round_dp(2).to_string()),
            "names the free amount: {message}"
        );
        assert!(
            !message.contains("reservation"),
            "no reservation offered as a way round: {message}"
        );
    }
    // Within the free money a reservation is accepted, with its reason.
    let reserved = cluster
        .data(RESPOND, json!({ "input": { "id": request, "expectedVersion": 1, "answer": "ACCEPT_WITH_RESERVATION", "hours": "1", "amount": free.to_string(), "budgetLineId": line, "reason": "Niet tijdig geconsulteerd over de aanpak." } }))
        .await;
    assert_eq!(
        reserved["respondToCommitment"]["commitment"]["status"],
        "ACCEPTED_WITH_RESERVATION"
    );
    assert_eq!(
        decimal(&line_figures(&app, &line).await["free"]),
        Decimal::ZERO
    );
}

run_on_both_databases!(an_acceptance_beyond_the_free_money_is_refused_naming_the_free_amount_with_or_without_a_reservation);

async fn a_commitment_is_paid_from_a_line_of_its_plans_year_only(app: TestApp) {
    let (line_2016, action, sb) = setting(&app).await;
    // A line of SB in another year's budget.
    let products = app.data("{ products(first: 100) { nodes { id cluster { code } } } feijenoord: areas(filter: {code: \"WK059910\"}) { nodes { id } } }", json!({})).await;
    let product = products["products"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["cluster"]["code"] == "SB")
        .expect("an SB product")["id"]
        .clone();
    app.as_roles(&["controller"]).data("mutation { createPncDocument(input: { year: 2018, phase: BUDGET, title: \"Begroting 2018\" }) { pncDocument { id } } }", json!({})).await;
    let line_2018 = app.as_roles(&["controller"])
        .data("mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { budgetLine { id } } }",
            json!({ "input": { "clusterId": sb, "productId": product, "areaId": products["feijenoord"]["nodes"][0]["id"], "year": 2018, "description": "SB 2018", "amount": "100000" } }))
        .await["createBudgetLine"]["budgetLine"]["id"].clone();
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let request = manager
        .data(
            REQUEST,
            json!({ "input": { "actionId": action, "clusterId": sb } }),
        )
        .await["requestCommitment"]["commitment"]["id"]
        .clone();
    let cluster = app.as_roles(&["cluster_member:SB"]);
    let refused = cluster.graphql(RESPOND, json!({ "input": { "id": request, "expectedVersion": 1, "answer": "ACCEPT", "hours": "1", "amount": "10", "budgetLineId": line_2018 } })).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
    assert_eq!(
        refused["errors"][0]["extensions"]["field"],
        "input.budgetLineId"
    );
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("2016"),
        "{refused}"
    );
    let accepted = cluster.data(RESPOND, json!({ "input": { "id": request, "expectedVersion": 1, "answer": "ACCEPT", "hours": "1", "amount": "10", "budgetLineId": line_2016 } })).await;
    assert_eq!(
        accepted["respondToCommitment"]["commitment"]["status"],
        "ACCEPTED"
    );
    // The demo data keeps the rule too.
    let outside = app.db.query_one_raw(Statement::from_string(app.db.get_database_backend(),
        "SELECT COUNT(*) AS n FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id
         JOIN action a ON a.id = c.action_id JOIN priority p ON p.id = a.priority_id JOIN plan pl ON pl.id = p.plan_id
         WHERE l.year < pl.year_from OR l.year > pl.year_to")).await.unwrap().unwrap().try_get::<i64>("", "n").unwrap();
    assert_eq!(outside, 0);
}

run_on_both_databases!(a_commitment_is_paid_from_a_line_of_its_plans_year_only);

async fn two_hundred_concurrent_acceptances_never_over_commit_a_line(app: TestApp) {
    let (line, action, sb) = setting(&app).await;
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let mut requests = Vec::new();
    for _ in 0..200 {
        requests.push(
            manager
                .data(
                    REQUEST,
                    json!({ "input": { "actionId": action, "clusterId": sb } }),
                )
                .await["requestCommitment"]["commitment"]["id"]
                .clone(),
        );
    }
    let before = line_figures(&app, &line).await;
    let (revised, free) = (decimal(&before["revised"]), decimal(&before["free"]));
    let each = Decimal::new(1_000_000, 2);
    let cluster = app.as_roles(&["cluster_member:SB"]);
    let attempts = requests.iter().map(|id| {
        let input = json!({ "input": { "id": id, "expectedVersion": 1, "answer": "ACCEPT", "hours": "0", "amount": each.to_string(), "budgetLineId": line } });
        let cluster = &cluster;
        async move { cluster.graphql(RESPOND, input).await }
    });
    let responses = futures_util::future::join_all(attempts).await;
    let accepted = responses
        .iter()
        .filter(|r| r.get("errors").is_none())
        .count();
    for response in responses.iter().filter(|r| r.get("errors").is_some()) {
        assert_eq!(
            response["errors"][0]["extensions"]["field"], "input.amount",
            "{response}"
        );
    }
    let fits = (free / each).floor();
    assert_eq!(
        Decimal::from(accepted),
        fits.min(Decimal::from(200)),
        "exactly as many as fit"
    );
    let committed = Decimal::new(sql_committed(&app, &line).await, 2);
    assert!(
        committed <= revised,
        "committed {committed} above the line's {revised}"
    );
}

run_on_both_databases!(two_hundred_concurrent_acceptances_never_over_commit_a_line);

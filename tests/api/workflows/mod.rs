//! The workflows over HTTP, with the right role and with wrong ones: a plan's priorities and
//! merges, a commitment from request to delivery, and what is refused on the way (a plan's
//! adoption is in `adoption.rs`).

use serde_json::{Value, json};

use crate::helpers::{TestApp, count_rows, error_code, neighbourhood_id, run_on_both_databases};

mod answers;
mod asking;
mod merges;
mod plans;
mod requests;

pub(crate) const BLOEMHOF_MANAGER: &str = "neighbourhood_manager:BU05991081";
pub(crate) const FEIJENOORD_DIRECTOR: &str = "area_director:WK059910";

pub(crate) async fn id_of(app: &TestApp, query: &str, pointer: &str) -> Value {
    app.data(query, json!({}))
        .await
        .pointer(pointer)
        .cloned()
        .unwrap_or_else(|| panic!("{query} {pointer}"))
}

pub(crate) const CREATE_PLAN: &str = "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id status version title } } }";
pub(crate) const ADD_PRIORITY: &str = "mutation($input: AddPriorityInput!) { addPriority(input: $input) { priority { id rank plan { version } } } }";
pub(crate) const ADD_ACTION: &str =
    "mutation($input: AddActionInput!) { addAction(input: $input) { action { id version } } }";
pub(crate) const UPDATE_ACTION: &str = "mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { id version } } }";
pub(crate) const SUBMIT: &str =
    "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { status version } } }";
pub(crate) const ADOPT: &str = "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { status version adoptedAt } } }";

fn response_field(response: &Value) -> &str {
    response["errors"][0]["extensions"]["field"]
        .as_str()
        .unwrap_or("<none>")
}

const REQUEST: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id status version responseDeadline } } }";
const RESPOND: &str = "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { id status version amount hours budgetLine { id } } } }";
const DELIVER: &str = "mutation($input: DeliverCommitmentInput!) { deliverCommitment(input: $input) { commitment { status version } } }";

/// An action of Afrikaanderwijk's adopted 2016 plan, and the SB and MO cluster ids.
async fn afrikaanderwijk_action(app: &TestApp) -> (Value, Value, Value) {
    let data = app
        .data(
            r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } }
                 sb: clusters(filter: {code: "SB"}) { nodes { id } } mo: clusters(filter: {code: "MO"}) { nodes { id } } }"#,
            json!({}),
        )
        .await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    (
        action,
        data["sb"]["nodes"][0]["id"].clone(),
        data["mo"]["nodes"][0]["id"].clone(),
    )
}

async fn line_of(app: &TestApp, cluster: &Value) -> Value {
    app.data(
        "query($c: ID) { budgetLines(filter: {clusterId: $c}, first: 1) { nodes { id } } }",
        json!({ "c": cluster }),
    )
    .await["budgetLines"]["nodes"][0]["id"]
        .clone()
}

/// A request to SB for an Afrikaanderwijk action, made by the neighbourhood's manager, with
/// SB's and MO's budget lines there.
struct Requested {
    id: Value,
    sb_line: Value,
    mo_line: Value,
}

async fn requested_of_sb(app: &TestApp) -> Requested {
    let (action, sb, mo) = afrikaanderwijk_action(app).await;
    let request = json!({ "input": { "actionId": action, "clusterId": sb, "kind": "NEW" } });
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let requested = manager.data(REQUEST, request).await["requestCommitment"]["commitment"].clone();
    assert_eq!(requested["status"], "REQUESTED");
    Requested {
        id: requested["id"].clone(),
        sb_line: line_of(app, &sb).await,
        mo_line: line_of(app, &mo).await,
    }
}

fn accept(id: &Value, line: &Value, version: i64) -> Value {
    json!({ "input": { "id": id, "expectedVersion": version, "answer": "ACCEPT", "hours": "12.5", "amount": "4500.10", "budgetLineId": line } })
}

async fn a_text_input_with_a_nul_character_is_bad_user_input_naming_it(app: TestApp) {
    let hood = neighbourhood_id(&app, "BU05991081").await;
    let manager = app.as_roles(&[BLOEMHOF_MANAGER]);
    let plans = count_rows(&app.db, "plan").await;
    let response = manager
        .graphql(
            CREATE_PLAN,
            json!({ "input": { "neighbourhoodId": hood, "year": 2021, "title": "Wijk\u{0}plan" } }),
        )
        .await;
    assert_eq!(error_code(&response), "BAD_USER_INPUT", "{response}");
    assert_eq!(response_field(&response), "input.title");
    assert_eq!(
        count_rows(&app.db, "plan").await,
        plans,
        "nothing is written"
    );
}

run_on_both_databases!(a_text_input_with_a_nul_character_is_bad_user_input_naming_it);

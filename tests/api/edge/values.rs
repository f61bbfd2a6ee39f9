//! Values at the edge: arguments and variables that do not coerce, and the custom scalars'
//! specifications.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_that_do_not_coerce_to_an_arguments_type_are_bad_user_input() {
    let app = spawn_app(Engine::Sqlite).await;
    for (query, variables) in [
        (
            "query($n: Int) { plans(first: $n) { totalCount } }",
            json!({ "n": 2_147_483_648_i64 }),
        ),
        (
            "mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { id } } }",
            json!({ "input": { "budgetLineId": "x", "amendmentType": "CASH_SHIFT", "delta": "1e30", "phase": "SPRING_REVISION", "rationale": "r" } }),
        ),
        (
            "query($d: NaiveDate) { teamMemberships(filter: {activeOn: $d}) { totalCount } }",
            json!({ "d": "2016-02-30" }),
        ),
        (
            "mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { id } } }",
            json!({ "input": { "budgetLineId": "x", "amendmentType": "CASH_SHIFT", "delta": "NaN", "phase": "SPRING_REVISION", "rationale": "r" } }),
        ),
        // Money as a fractional JSON number may already be inexact: a string is required.
        (
            "mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { id } } }",
            json!({ "input": { "budgetLineId": "x", "amendmentType": "CASH_SHIFT", "delta": 0.1, "phase": "SPRING_REVISION", "rationale": "r" } }),
        ),
    ] {
        let response = app.graphql(query, variables.clone()).await;
        assert_eq!(
            response["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{query} {variables}: {response}"
        );
        let error = &response["errors"][0];
        let path_named = error["path"]
            .as_array()
            .is_some_and(|path| !path.is_empty());
        assert!(
            path_named || error["extensions"]["field"].is_string(),
            "the path or the argument is named: {response}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_variable_of_the_wrong_type_is_bad_user_input_naming_the_argument() {
    let app = spawn_app(Engine::Sqlite).await;
    for (query, variables, field) in [
        (
            "query($y: Int) { plans(filter: {year: $y}) { totalCount } }",
            json!({ "y": "twenty" }),
            "filter.year",
        ),
        (
            "mutation($i: CreatePlanInput!) { createPlan(input: $i) { plan { id } } }",
            json!({ "i": { "neighbourhoodId": "x", "year": "2017" } }),
            "input.year",
        ),
    ] {
        let response = app.graphql(query, variables.clone()).await;
        assert_eq!(
            response["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{query} {variables}: {response}"
        );
        assert_eq!(
            response["errors"][0]["extensions"]["field"], field,
            "{response}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_custom_scalars_name_their_specification_for_code_generators() {
    let app = spawn_app(Engine::Sqlite).await;
    let data = app
        .data(
            r#"{ d: __type(name: "Decimal") { specifiedByURL } n: __type(name: "NaiveDate") { specifiedByURL }
                 t: __type(name: "DateTime") { specifiedByURL } }"#,
            json!({}),
        )
        .await;
    for scalar in ["d", "n", "t"] {
        let url = data[scalar]["specifiedByURL"].as_str().unwrap_or_default();
        assert!(url.starts_with("https://"), "{scalar}: {data}");
    }
}

//! The HTTP edge: GraphiQL for browsers, GraphQL over GET, health and readiness.

use serde_json::json;

use crate::helpers::{Engine, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_gets_graphiql_and_a_client_gets_graphql_over_get() {
    let app = spawn_app(Engine::Sqlite).await;
    let page = app
        .client
        .get(format!("{}/graphql", app.address))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("GraphiQL"));
    assert!(
        !html.contains("https://") && !html.contains("unpkg"),
        "the page must not need a CDN"
    );
    for asset in [
        "graphiql.min.js",
        "graphiql.min.css",
        "react.production.min.js",
        "react-dom.production.min.js",
    ] {
        assert!(
            html.contains(&format!("/graphiql/{asset}")),
            "{asset} not referenced"
        );
        let response = app
            .client
            .get(format!("{}/graphiql/{asset}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{asset}");
        assert!(
            response.bytes().await.unwrap().len() > 10_000,
            "{asset} is embedded whole"
        );
    }

    let response: serde_json::Value = app
        .client
        .get(format!("{}/graphql", app.address))
        .query(&[("query", "{ clusters { totalCount } }")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(response["data"]["clusters"]["totalCount"], 7);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness_answer() {
    let app = spawn_app(Engine::Sqlite).await;
    for path in ["healthz", "readyz"] {
        let response = app
            .client
            .get(format!("{}/{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
    }
    let data = app.data("{ __typename }", json!({})).await;
    assert_eq!(data["__typename"], "Query");
}

async fn post_raw(
    app: &crate::helpers::TestApp,
    content_type: &str,
    body: String,
) -> (u16, serde_json::Value) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_edge_refuses_oversized_non_json_and_get_mutations() {
    let app =
        crate::helpers::spawn_app_with(Engine::Sqlite, &[("WIJKGRAPH_MAX_BODY_BYTES", "4096")])
            .await;
    let padding = "#".repeat(8192);
    let (status, body) = post_raw(
        &app,
        "application/json",
        json!({ "query": format!("{{ __typename }}\n{padding}") }).to_string(),
    )
    .await;
    assert_eq!(status, 413, "{body}");

    let (status, body) = post_raw(
        &app,
        "text/plain",
        json!({ "query": "{ __typename }" }).to_string(),
    )
    .await;
    assert_eq!(status, 415);
    assert_eq!(crate::helpers::error_code(&body), "UNSUPPORTED_MEDIA_TYPE");
    let (status, _) = post_raw(
        &app,
        "application/x-www-form-urlencoded",
        "query={__typename}".to_owned(),
    )
    .await;
    assert_eq!(status, 415);

    let response = app
        .client
        .get(format!("{}/graphql", app.address))
        .query(&[("query", "mutation { __typename }")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(crate::helpers::error_code(&body), "METHOD_NOT_ALLOWED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn depth_cost_aliases_and_directives_are_bounded() {
    // The real default limits.
    let app = crate::helpers::spawn_app_with(Engine::Sqlite, &[]).await;
    let public = app.as_roles(&[]);

    let deep = format!(
        "{{ areas {{ nodes {{ {} }} }} }}",
        "neighbourhoods(first: 1) { nodes { area { ".repeat(6) + "name" + &" } } }".repeat(6)
    );
    let response = public.graphql(&deep, json!({})).await;
    assert!(
        response["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nested too deep"),
        "{response}"
    );
    assert_eq!(
        crate::helpers::error_code(&response),
        "GRAPHQL_VALIDATION_FAILED"
    );

    // Cost grows with page size: the same shape passes small and fails large.
    let shape = |n: u32| {
        format!(
            "{{ plans(first: {n}) {{ nodes {{ priorities(first: {n}) {{ nodes {{ actions(first: {n}) {{ nodes {{ description }} }} }} }} }} }} }}"
        )
    };
    assert!(
        public
            .graphql(&shape(5), json!({}))
            .await
            .get("errors")
            .is_none()
    );
    let response = public.graphql(&shape(100), json!({})).await;
    assert!(
        response["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("too costly"),
        "{response}"
    );

    let aliases: String = (0..31).map(|i| format!("a{i}: __typename ")).collect();
    let response = public.graphql(&format!("{{ {aliases} }}"), json!({})).await;
    assert_eq!(
        crate::helpers::error_code(&response),
        "BAD_USER_INPUT",
        "{response}"
    );

    // Five directives on one field: refused by the directive limit itself (before the rule
    // against repeating a directive would be applied), naming the limit.
    let response = public.graphql("{ __typename @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) @skip(if: false) }", json!({})).await;
    let message = response["errors"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains(&format!(
            "cannot be greater than `{}`",
            wijkgraph::graphql::MAX_DIRECTIVES
        )),
        "{response}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_has_a_code_and_leaks_no_internals() {
    let app = spawn_app(Engine::Sqlite).await;
    let public = app.as_roles(&[]);
    for query in [
        "{ areas { nosuchfield } }",
        "{ areas(",
        "query { node(id: true) { id } }",
        &format!("{{ {} }}", "a".repeat(5000)),
    ] {
        let response = public.graphql(query, json!({})).await;
        let errors = response["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{query}: {response}"));
        for error in errors {
            assert!(error["extensions"]["code"].is_string(), "{query}: {error}");
            let message = error["message"].as_str().unwrap();
            assert!(
                message.chars().count() <= 301,
                "{query}: message not capped"
            );
            for leak in ["sqlx", "SELECT", "/root", "/work", "panicked", "127.0.0.1"] {
                assert!(!message.contains(leak), "{query}: {message}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_serves_introspection_to_admins_only_and_field_suggestions_to_nobody() {
    let jwks = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/jwks.json");
    let app = crate::helpers::spawn_app_with(
        Engine::Sqlite,
        &[
            ("WIJKGRAPH_MODE", "production"),
            ("WIJKGRAPH_JWKS", jwks),
            ("WIJKGRAPH_JWT_SECRET", ""),
        ],
    )
    .await;
    let introspection = "{ __schema { queryType { name } } }";
    let response = app.as_roles(&[]).graphql(introspection, json!({})).await;
    // Introspection is off for the caller: the schema field answers null.
    assert!(response["data"]["__schema"].is_null(), "{response}");
    let response = app
        .as_roles(&[])
        .graphql("{ arias { totalCount } }", json!({}))
        .await;
    assert!(!response.to_string().contains("Did you mean"), "{response}");

    let key =
        jsonwebtoken::EncodingKey::from_rsa_pem(include_bytes!("../fixtures/rsa-private.pem"))
            .unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = Some("test-rsa".to_owned());
    let now = chrono::Utc::now().timestamp();
    let claims = json!({ "sub": "office", "iss": "wijkgraph-dev", "aud": "wijkgraph", "iat": now, "nbf": now, "exp": now + 600, "roles": ["admin"] });
    let admin = jsonwebtoken::encode(&header, &claims, &key).unwrap();
    let data = app.with_token(&admin).data(introspection, json!({})).await;
    assert_eq!(data["__schema"]["queryType"]["name"], "Query");
    // Suggestions would spell out the schema to whoever mistypes: off even for the admin.
    let mistyped = app
        .with_token(&admin)
        .graphql("{ arias { totalCount } }", json!({}))
        .await;
    let message = mistyped["errors"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("arias") && !message.contains("Did you mean"),
        "{mistyped}"
    );
}

/// A portal page: 20 plans, 5 priorities each, 10 actions each, 10 commitments each.
const PORTAL_PAGE: &str = "query($commitments: Int) { plans(first: 20) { nodes { title
    priorities(first: 5) { nodes { title actions(first: 10) { nodes { description
        commitments(first: $commitments) { nodes { status cluster { code } } } } } } } } } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_cost_limit_admits_a_portal_page_and_reports_the_cost_of_a_larger_one() {
    let app = crate::helpers::spawn_app_with(Engine::Sqlite, &[]).await;
    // 20 + 100 + 1,000 + 10,000 objects.
    let page = app.graphql(PORTAL_PAGE, json!({ "commitments": 10 })).await;
    assert!(page.get("errors").is_none(), "{page}");
    // Five times the commitments: 20 + 100 + 1,000 + 50,000 = 51,120 objects.
    let larger = app.graphql(PORTAL_PAGE, json!({ "commitments": 50 })).await;
    let extensions = &larger["errors"][0]["extensions"];
    assert_eq!(extensions["code"], "GRAPHQL_VALIDATION_FAILED", "{larger}");
    assert_eq!(extensions["cost"], 51_120);
    assert_eq!(extensions["limit"], 50_000);
    assert!(
        larger.get("data").is_none_or(|data| data.is_null()),
        "{larger}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_beyond_the_in_flight_budget_wait_and_all_answer_in_full() {
    // A budget smaller than one portal page: each page runs alone, holding the whole budget.
    let app =
        crate::helpers::spawn_app_with(Engine::Sqlite, &[("WIJKGRAPH_MAX_INFLIGHT_COST", "100")])
            .await;
    let alone = app.graphql(PORTAL_PAGE, json!({ "commitments": 10 })).await;
    assert!(alone.get("errors").is_none(), "{alone}");
    let pages = (0..12).map(|_| app.graphql(PORTAL_PAGE, json!({ "commitments": 10 })));
    let small =
        (0..12).map(|_| app.graphql("{ clusters(first: 3) { nodes { code } } }", json!({})));
    let (pages, small) = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        futures_util::future::join(
            futures_util::future::join_all(pages),
            futures_util::future::join_all(small),
        ),
    )
    .await
    .expect("every waiting request is answered");
    for page in pages {
        assert_eq!(page, alone);
    }
    for answer in small {
        assert_eq!(
            answer["data"]["clusters"]["nodes"].as_array().map(Vec::len),
            Some(3),
            "{answer}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reporting_callers_read_pages_up_to_the_reporting_size_and_others_up_to_the_maximum() {
    let app = crate::helpers::spawn_app_with(
        Engine::Sqlite,
        &[
            ("WIJKGRAPH_MAX_PAGE_SIZE", "40"),
            ("WIJKGRAPH_REPORTING_PAGE_SIZE", "120"),
        ],
    )
    .await;
    const PAGE: &str =
        "query($n: Int) { me { maxPageSize } commitments(first: $n) { nodes { id } } }";
    for role in ["controller", "admin"] {
        let caller = app.as_roles(&[role]);
        let page = caller.data(PAGE, json!({ "n": 120 })).await;
        assert_eq!(page["me"]["maxPageSize"], 120, "{role}");
        assert_eq!(
            page["commitments"]["nodes"].as_array().map(Vec::len),
            Some(120),
            "{role}"
        );
        let over = caller.graphql(PAGE, json!({ "n": 121 })).await;
        assert_eq!(
            over["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{over}"
        );
        assert_eq!(over["errors"][0]["extensions"]["field"], "first", "{over}");
    }
    let manager = app.as_roles(&["area_director:WK059910"]);
    let page = manager.data(PAGE, json!({ "n": 40 })).await;
    assert_eq!(page["me"]["maxPageSize"], 40);
    let over = manager.graphql(PAGE, json!({ "n": 41 })).await;
    assert_eq!(
        over["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{over}"
    );
    assert_eq!(over["errors"][0]["extensions"]["field"], "first", "{over}");
}

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

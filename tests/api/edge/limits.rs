//! The limits on a query: depth, cost, aliases and directives, the in-flight budget, and
//! the page sizes by caller.

use super::*;

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

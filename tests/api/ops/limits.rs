//! Sharing the service: the rate limit per caller, waiting for a pool connection.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caller_over_the_rate_limit_gets_429_rate_limited_and_other_callers_do_not() {
    let app = spawn_app_with(
        Engine::Sqlite,
        &[
            ("WIJKGRAPH_RATE_LIMIT_PER_MINUTE", "6"),
            ("WIJKGRAPH_RATE_LIMIT_BURST", "3"),
        ],
    )
    .await;
    let ask = |token: Option<String>| {
        let request = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": "{ areas { totalCount } }" }));
        let request = match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        async move { request.send().await.unwrap() }
    };
    let busy = token_for(&app.config, &["cluster_member:MO"]);
    for _ in 0..3 {
        assert_eq!(ask(Some(busy.clone())).await.status(), 200);
    }
    let refused = ask(Some(busy.clone())).await;
    assert_eq!(refused.status(), 429);
    let wait: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&wait), "Retry-After {wait}");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(error_code(&body), "RATE_LIMITED");
    // Another signed-in caller has an allowance of their own.
    let other = token_for(&app.config, &["cluster_member:SO"]);
    assert_eq!(ask(Some(other)).await.status(), 200);
    // The public is limited by address.
    for _ in 0..3 {
        assert_eq!(ask(None).await.status(), 200);
    }
    assert_eq!(ask(None).await.status(), 429);
    let metrics = scrape(format!("{}/metrics", app.address)).await;
    assert_eq!(
        sample(
            &metrics,
            "wijkgraph_http_refused_total{code=\"RATE_LIMITED\"}"
        ),
        Some(2.0),
        "{metrics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callers_waiting_for_a_pool_connection_count_as_waiting_until_one_frees() {
    let url = seeded_postgres().await;
    let server = Server::start(&url, &[("WIJKGRAPH_DB_POOL_SIZE", "1")]);
    let lock = lock_plans(&url).await;
    // The first request holds the only connection, blocked on the lock; two wait for it.
    let requests: Vec<_> = (0..3)
        .map(|_| tokio::spawn(post(server.url("/graphql"), PLANS)))
        .collect();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = scrape(server.url("/metrics")).await;
        let state = |name: &str| {
            sample(
                &text,
                &format!("wijkgraph_db_pool_connections{{state=\"{name}\"}}"),
            )
        };
        if state("waiting") == Some(2.0) && state("in_use") == Some(1.0) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "never 1 in use and 2 waiting:\n{text}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    lock.rollback().await.unwrap();
    for request in requests {
        let (status, body) = request.await.unwrap().unwrap();
        assert_eq!(status, 200, "{body}");
        assert!(body.get("errors").is_none(), "{body}");
    }
    let text = scrape(server.url("/metrics")).await;
    assert_eq!(
        sample(&text, "wijkgraph_db_pool_connections{state=\"waiting\"}"),
        Some(0.0),
        "{text}"
    );
}

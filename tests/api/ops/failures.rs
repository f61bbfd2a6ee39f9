//! Failing fast and in time: request and statement timeouts, PostgreSQL going away.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_the_request_timeout_answers_timeout_with_504() {
    let url = seeded_postgres().await;
    let app = spawn_app_on(
        &url,
        &[
            ("WIJKGRAPH_REQUEST_TIMEOUT_SECONDS", "1"),
            ("WIJKGRAPH_STATEMENT_TIMEOUT_MS", "0"),
        ],
    )
    .await;
    let lock = lock_plans(&url).await;
    let started = Instant::now();
    let (status, body) = post(format!("{}/graphql", app.address), PLANS)
        .await
        .unwrap();
    let took = started.elapsed();
    lock.rollback().await.unwrap();
    assert_eq!(status, 504, "{body}");
    assert_eq!(error_code(&body), "TIMEOUT", "{body}");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // The same query answers once the lock is gone.
    let (status, body) = post(format!("{}/graphql", app.address), PLANS)
        .await
        .unwrap();
    assert_eq!(status, 200, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_statement_past_the_statement_timeout_answers_timeout_not_internal() {
    let url = seeded_postgres().await;
    let app = spawn_app_on(&url, &[("WIJKGRAPH_STATEMENT_TIMEOUT_MS", "300")]).await;
    let lock = lock_plans(&url).await;
    let (status, body) = post(format!("{}/graphql", app.address), PLANS)
        .await
        .unwrap();
    lock.rollback().await.unwrap();
    assert_eq!(status, 504, "{body}");
    assert_eq!(error_code(&body), "TIMEOUT", "{body}");
    // A write cut off by the statement timeout leaves nothing behind: no plan, no audit
    // event.
    let bloemhof = neighbourhood_id(&app, "BU05991081").await;
    let audit_before = count_rows(&app.db, "audit_event").await;
    let lock = lock_plans(&url).await;
    let created = app
        .graphql(
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }",
            json!({ "input": { "neighbourhoodId": bloemhof, "year": 2031 } }),
        )
        .await;
    lock.rollback().await.unwrap();
    assert_eq!(error_code(&created), "TIMEOUT", "{created}");
    let plans: i64 = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT COUNT(*) AS n FROM plan WHERE year_from = 2031",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();
    assert_eq!(plans, 0);
    assert_eq!(count_rows(&app.db, "audit_event").await, audit_before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_postgresql_is_down_requests_and_readyz_fail_fast_with_503_healthz_stays_200_and_service_returns_within_5_s()
 {
    let server = crate::postgres::dedicated();
    let admin = wijkgraph::db::connect(&server.admin_url()).await.unwrap();
    admin
        .execute_unprepared("CREATE DATABASE outage")
        .await
        .unwrap();
    admin.close().await.unwrap();
    // The test configuration waits 30 s for a pooled connection: only the health probe
    // can make the answers fast.
    let app = spawn_app_on(&server.url("outage"), &[]).await;
    let graphql = format!("{}/graphql", app.address);
    // A steady stream of queries through the whole outage.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stream = {
        let graphql = graphql.clone();
        let stop = stop.clone();
        tokio::spawn(async move {
            let mut statuses = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok((status, _)) = post(graphql.clone(), PLANS).await {
                    statuses.push(status);
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            statuses
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    tokio::task::block_in_place(|| server.stop());

    for _ in 0..3 {
        let started = Instant::now();
        let response = reqwest::Client::new()
            .post(&graphql)
            .bearer_auth(admin_token())
            .json(&json!({ "query": PLANS }))
            .send()
            .await
            .unwrap();
        let took = started.elapsed();
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "1");
        let body: Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), "UNAVAILABLE", "{body}");
        assert!(took < Duration::from_secs(2), "answered after {took:?}");

        let started = Instant::now();
        let ready = reqwest::get(format!("{}/readyz", app.address))
            .await
            .unwrap();
        assert_eq!(ready.status(), 503);
        assert!(started.elapsed() < Duration::from_secs(1));
        let health = reqwest::get(format!("{}/healthz", app.address))
            .await
            .unwrap();
        assert_eq!(health.status(), 200);
    }
    let metrics = scrape(format!("{}/metrics", app.address)).await;
    assert_eq!(sample(&metrics, "wijkgraph_db_up"), Some(0.0), "{metrics}");

    tokio::task::block_in_place(|| server.start());
    let back = Instant::now();
    loop {
        let (status, body) = post(graphql.clone(), PLANS).await.unwrap();
        if status == 200 {
            assert!(body["data"]["plans"]["nodes"][0]["id"].is_string());
            break;
        }
        assert_eq!(status, 503, "{body}");
        assert!(
            back.elapsed() < Duration::from_secs(5),
            "not back within 5 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let ready = reqwest::get(format!("{}/readyz", app.address))
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    let metrics = scrape(format!("{}/metrics", app.address)).await;
    assert_eq!(sample(&metrics, "wijkgraph_db_up"), Some(1.0), "{metrics}");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let statuses = stream.await.unwrap();
    assert!(
        statuses.contains(&200) && statuses.contains(&503),
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|status| *status == 200 || *status == 503),
        "only answers or UNAVAILABLE through the outage: {statuses:?}"
    );
}

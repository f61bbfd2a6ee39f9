//! Metrics: what `/metrics` gives, checked with promtool, and serving it apart.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_give_durations_by_operation_errors_by_code_refusals_pool_and_process_and_pass_promtool()
 {
    let app = spawn_app_with(Engine::Sqlite, &[]).await;
    app.data("query Areas { areas { totalCount } }", json!({}))
        .await;
    app.data("query Areas { areas { totalCount } }", json!({}))
        .await;
    app.graphql("{ areas(first: 5000) { totalCount } }", json!({}))
        .await;
    app.client
        .post(format!("{}/graphql", app.address))
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    let text = scrape(format!("{}/metrics", app.address)).await;
    let value = |name: &str| sample(&text, name).unwrap_or_else(|| panic!("{name}:\n{text}"));
    assert_eq!(
        value(
            "wijkgraph_graphql_request_duration_seconds_count{operation=\"Areas\",type=\"query\"}"
        ),
        2.0
    );
    assert_eq!(
        value("wijkgraph_graphql_request_duration_seconds_count{operation=\"\",type=\"query\"}"),
        1.0
    );
    assert!(
        value("wijkgraph_graphql_request_duration_seconds_sum{operation=\"Areas\",type=\"query\"}")
            > 0.0
    );
    assert_eq!(
        value("wijkgraph_graphql_errors_total{code=\"BAD_USER_INPUT\"}"),
        1.0
    );
    assert_eq!(
        value("wijkgraph_http_refused_total{code=\"UNSUPPORTED_MEDIA_TYPE\"}"),
        1.0
    );
    assert_eq!(value("wijkgraph_http_requests_in_flight"), 0.0);
    assert_eq!(value("wijkgraph_db_pool_max_connections"), 8.0);
    assert!(value("wijkgraph_db_pool_connections{state=\"idle\"}") >= 1.0);
    assert!(value("process_resident_memory_bytes") > 1_000_000.0);
    assert!(value("process_open_fds") > 0.0);

    let mut promtool = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (Debian: apt-get install prometheus) checks the exposition");
    std::io::Write::write_all(&mut promtool.stdin.take().unwrap(), text.as_bytes()).unwrap();
    let checked = promtool.wait_with_output().unwrap();
    assert!(
        checked.status.success(),
        "promtool: {}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_on_their_own_address_are_not_served_on_the_apis() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let metrics_address = format!("127.0.0.1:{port}");
    let app = spawn_app_with(
        Engine::Sqlite,
        &[("WIJKGRAPH_METRICS_LISTEN", metrics_address.as_str())],
    )
    .await;
    let on_api = reqwest::get(format!("{}/metrics", app.address))
        .await
        .unwrap();
    assert_eq!(on_api.status(), 404);
    let own = scrape(format!("http://{metrics_address}/metrics")).await;
    assert!(own.contains("wijkgraph_http_requests_in_flight"), "{own}");
}

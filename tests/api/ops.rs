//! Operating the service: graceful shutdown, fast failure while the database is away,
//! timeouts, request ids and the access log, metrics, rate limits. The shutdown and log
//! tests run the release binary's twin (the built `wijkgraph` command) as a child process;
//! the others the app in-process. Requests are held in flight deterministically with a
//! table lock taken from the test's own PostgreSQL session.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseTransaction, TransactionTrait};
use serde_json::{Value, json};

use crate::helpers::{
    Engine, TEST_SECRET, count_rows, error_code, fresh_database, neighbourhood_id, spawn_app_on,
    spawn_app_with, test_config, token_for,
};

const BINARY: &str = env!("CARGO_BIN_EXE_wijkgraph");

const PLANS: &str = "query Plans { plans(first: 1) { nodes { id } } }";

/// The `wijkgraph` command serving a database, with its log lines collected.
struct Server {
    child: Child,
    address: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `wijkgraph serve` on `url` with `settings`, and waits for its address.
    fn start(url: &str, settings: &[(&str, &str)]) -> Self {
        let mut command = Command::new(BINARY);
        command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env_remove("WIJKGRAPH_LISTEN")
            .env_remove("WIJKGRAPH_MODE")
            .env_remove("WIJKGRAPH_JWKS")
            .env("WIJKGRAPH_DATABASE_URL", url)
            .env("WIJKGRAPH_JWT_SECRET", TEST_SECRET)
            .env("WIJKGRAPH_DATA_DIR", std::env::temp_dir())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (name, value) in settings {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("start wijkgraph");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        let address = loop {
            let announced = log.lock().unwrap().iter().find_map(|line| {
                line.strip_prefix("wijkgraph serving GraphQL on http://")
                    .and_then(|rest| rest.split('/').next())
                    .map(str::to_owned)
            });
            if let Some(address) = announced {
                break address;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not announce its address: {:?}",
                log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        Self {
            child,
            address,
            log,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    fn sigterm(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// Waits up to `within` for the process to end, and returns its exit code.
    fn exit_code_within(&mut self, within: Duration) -> Option<i32> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit within {within:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The JSON log lines `wanted` keeps, once there are `at_least` of them (or after 10 s,
    /// however many there are by then).
    async fn json_lines(&self, wanted: impl Fn(&Value) -> bool, at_least: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let lines: Vec<Value> = self
                .log()
                .iter()
                .filter_map(|line| serde_json::from_str::<Value>(line).ok())
                .filter(|line| wanted(line))
                .collect();
            if lines.len() >= at_least || Instant::now() > deadline {
                return lines;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A fresh PostgreSQL database of the suite's server, migrated and holding the demo data.
async fn seeded_postgres() -> String {
    let (url, _) = fresh_database(Engine::Postgres).await;
    let db = wijkgraph::db::connect(&url).await.unwrap();
    wijkgraph::db::migrate(&db).await.unwrap();
    wijkgraph::seed::demo(&db).await.unwrap();
    db.close().await.unwrap();
    url
}

/// Takes an exclusive lock on the plan table in a transaction of the test's own: every
/// request that reads plans waits until the transaction ends.
async fn lock_plans(url: &str) -> DatabaseTransaction {
    let db = wijkgraph::db::connect(url).await.unwrap();
    let txn = db.begin().await.unwrap();
    txn.execute_unprepared("LOCK TABLE plan IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    txn
}

fn admin_token() -> String {
    token_for(&test_config(&[]), &["admin"])
}

/// POSTs `query` as admin on a connection of its own; the status and JSON body.
async fn post(address_url: String, query: &'static str) -> Result<(u16, Value), String> {
    let response = reqwest::Client::new()
        .post(address_url)
        .bearer_auth(admin_token())
        .json(&json!({ "query": query }))
        .send()
        .await
        .map_err(|err| err.to_string())?;
    let status = response.status().as_u16();
    let body = response.json().await.map_err(|err| err.to_string())?;
    Ok((status, body))
}

/// The value of the sample `name` (with its labels, exactly as exposed) in a scrape.
fn sample(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|line| {
        line.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|value| value.trim().parse().ok())
    })
}

async fn scrape(url: String) -> String {
    reqwest::get(url).await.unwrap().text().await.unwrap()
}

/// Waits until the server reports `count` GraphQL requests in flight.
async fn wait_for_in_flight(metrics_url: String, count: f64) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = scrape(metrics_url.clone()).await;
        if sample(&text, "wijkgraph_http_requests_in_flight") == Some(count) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "never {count} requests in flight:\n{text}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_accepting_answers_every_request_in_flight_and_exits_zero() {
    let url = seeded_postgres().await;
    let mut server = Server::start(&url, &[("WIJKGRAPH_SHUTDOWN_SECONDS", "20")]);
    let lock = lock_plans(&url).await;
    let in_flight: Vec<_> = (0..4)
        .map(|_| tokio::spawn(post(server.url("/graphql"), PLANS)))
        .collect();
    wait_for_in_flight(server.url("/metrics"), 4.0).await;
    server.sigterm();
    // New connections are refused while the four are still waiting for the lock.
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(&server.address).is_ok() {
        assert!(
            Instant::now() < deadline,
            "still accepting connections after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    lock.rollback().await.unwrap();
    for request in in_flight {
        let (status, body) = request.await.unwrap().expect("an answer");
        assert_eq!(status, 200, "{body}");
        assert!(
            body["data"]["plans"]["nodes"][0]["id"].is_string(),
            "{body}"
        );
    }
    assert_eq!(server.exit_code_within(Duration::from_secs(10)), Some(0));
    assert!(
        server
            .log()
            .iter()
            .any(|line| line.contains("shutting down")),
        "{:?}",
        server.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_cuts_off_requests_still_running_after_the_grace_period() {
    let url = seeded_postgres().await;
    let mut server = Server::start(&url, &[("WIJKGRAPH_SHUTDOWN_SECONDS", "1")]);
    let lock = lock_plans(&url).await;
    let stuck = tokio::spawn(post(server.url("/graphql"), PLANS));
    wait_for_in_flight(server.url("/metrics"), 1.0).await;
    let signalled = Instant::now();
    server.sigterm();
    // The lock is still held: only the grace period ends the process.
    assert_eq!(server.exit_code_within(Duration::from_secs(10)), Some(0));
    let took = signalled.elapsed();
    assert!(took >= Duration::from_secs(1), "exited after {took:?}");
    assert!(
        stuck.await.unwrap().is_err(),
        "the cut-off request has no answer"
    );
    assert!(
        server.log().iter().any(|line| line.contains("cut off")),
        "{:?}",
        server.log()
    );
    lock.rollback().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_gets_one_access_log_line_in_json_with_its_request_id() {
    let url = seeded_postgres().await;
    let server = Server::start(&url, &[("WIJKGRAPH_LOG_FORMAT", "json")]);
    let client = reqwest::Client::new();
    let answered = client
        .post(server.url("/graphql"))
        .bearer_auth(admin_token())
        .header("x-request-id", "portal-7f3a")
        .json(&json!({ "query": PLANS, "operationName": "Plans" }))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.headers()["x-request-id"], "portal-7f3a");
    let refused = client
        .post(server.url("/graphql"))
        .header(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )
        .header("authorization", "Bearer not-a-token")
        .json(&json!({ "query": PLANS }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    assert_eq!(
        refused.headers()["x-request-id"],
        "4bf92f3577b34da6a3ce929d0e0e4736"
    );
    let access = server
        .json_lines(|line| line["target"] == "wijkgraph::access", 2)
        .await;
    assert_eq!(access.len(), 2, "{access:#?}");
    let first = &access[0];
    assert_eq!(first["span"]["id"], "portal-7f3a", "{first}");
    assert_eq!(first["fields"]["status"], 200);
    assert_eq!(first["fields"]["operation_type"], "query");
    assert_eq!(first["fields"]["operation_name"], "Plans");
    assert!(
        first["fields"]["subject"]
            .as_str()
            .unwrap()
            .starts_with("user-")
    );
    assert!(first["fields"]["duration_ms"].as_f64().unwrap() > 0.0);
    let second = &access[1];
    assert_eq!(second["span"]["id"], "4bf92f3577b34da6a3ce929d0e0e4736");
    assert_eq!(second["fields"]["status"], 401);
    assert_eq!(second["fields"]["codes"], "UNAUTHENTICATED");
    assert!(
        server.log().iter().all(|line| !line.contains('\u{1b}')),
        "no colour codes in a log that is not a terminal"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_without_an_id_gets_a_fresh_one_in_the_response() {
    let app = spawn_app_with(Engine::Sqlite, &[]).await;
    let mut seen = Vec::new();
    for _ in 0..2 {
        let response = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": "{ areas { totalCount } }" }))
            .send()
            .await
            .unwrap();
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(id.len(), 32, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        seen.push(id);
    }
    assert_ne!(seen[0], seen[1]);
}

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_internal_error_is_logged_once_with_its_error_id_request_id_path_and_cause() {
    let url = seeded_postgres().await;
    let server = Server::start(&url, &[("WIJKGRAPH_LOG_FORMAT", "json")]);
    // A schema the service does not expect: the failure is ours, not the caller's.
    let db = wijkgraph::db::connect(&url).await.unwrap();
    db.execute_unprepared("ALTER TABLE area RENAME TO area_gone")
        .await
        .unwrap();
    let response = reqwest::Client::new()
        .post(server.url("/graphql"))
        .bearer_auth(admin_token())
        .header("x-request-id", "broken-1")
        .json(&json!({ "query": "{ areas { nodes { id } } }" }))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "INTERNAL", "{body}");
    let error_id = body["errors"][0]["extensions"]["errorId"].clone();
    assert!(error_id.is_number(), "{body}");
    assert_eq!(
        body["errors"][0]["message"], "internal error",
        "no internals: {body}"
    );
    // Any further line for the same error would be written with the first.
    let logged = server
        .json_lines(|line| line["fields"]["message"] == "internal error", 1)
        .await;
    assert_eq!(logged.len(), 1, "{logged:#?}");
    let line = &logged[0];
    assert_eq!(line["level"], "ERROR");
    assert_eq!(line["fields"]["error_id"], error_id);
    assert_eq!(line["span"]["id"], "broken-1");
    assert_eq!(line["fields"]["path"], "areas");
    assert!(
        line["fields"]["error"].as_str().unwrap().contains("area"),
        "{line}"
    );
    db.execute_unprepared("ALTER TABLE area_gone RENAME TO area")
        .await
        .unwrap();
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

/// `THP_enabled` of a process's `/proc/<pid>/status`: 0 once it turned transparent huge
/// pages off for itself.
fn thp_enabled(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("THP_enabled:"))
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("no THP_enabled line in {status}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_process_turns_transparent_huge_pages_off_unless_set_to_keep_the_systems() {
    let url = seeded_postgres().await;
    let default = Server::start(&url, &[]);
    assert_eq!(thp_enabled(default.child.id()), "0");
    // With `system` the server keeps what it inherited, which is the test process's own.
    let system = Server::start(&url, &[("WIJKGRAPH_TRANSPARENT_HUGE_PAGES", "system")]);
    assert_eq!(
        thp_enabled(system.child.id()),
        thp_enabled(std::process::id())
    );
}

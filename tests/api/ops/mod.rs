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

mod failures;
mod limits;
mod logs;
mod metrics;
mod process;

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

//! The `wijkgraph` binary as a newcomer uses it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_wijkgraph");

fn wijkgraph(data_dir: &std::path::Path) -> Command {
    let mut command = Command::new(BINARY);
    command
        .env_remove("WIJKGRAPH_DATABASE_URL")
        .env_remove("WIJKGRAPH_LISTEN")
        .env("WIJKGRAPH_DATA_DIR", data_dir)
        .stdin(Stdio::null());
    command
}

#[test]
fn schema_prints_the_published_sdl() {
    let dir = tempfile::tempdir().unwrap();
    let output = wijkgraph(dir.path()).arg("schema").output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        wijkgraph::graphql::sdl()
    );
}

#[test]
fn a_bad_setting_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    for (variable, value) in [
        ("WIJKGRAPH_LISTEN", "everywhere"),
        ("WIJKGRAPH_DATABASE_URL", "mysql://root:hunter2@db/x"),
    ] {
        let output = wijkgraph(dir.path()).env(variable, value).output().unwrap();
        assert!(!output.status.success(), "{variable} accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(variable), "{variable} not named: {stderr}");
        assert!(!stderr.contains("hunter2"), "secret echoed: {stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_demo_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = wijkgraph::config::sqlite_url(&dir.path().join("wijkgraph.sqlite"));
    let first = wijkgraph(dir.path())
        .args(["seed", "--demo"])
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let db = wijkgraph::db::connect(&url).await.unwrap();
    let after_first = crate::seed::row_counts(&db).await;
    db.close().await.unwrap();
    let second = wijkgraph(dir.path())
        .args(["seed", "--demo"])
        .output()
        .unwrap();
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("nothing written"));
    let db = wijkgraph::db::connect(&url).await.unwrap();
    assert_eq!(crate::seed::row_counts(&db).await, after_first);
    assert!(
        after_first
            .iter()
            .any(|(table, rows)| table == "commitment" && *rows > 100)
    );
}

/// First start with no configuration but a data folder: migrates, seeds, serves.
#[test]
fn serve_on_first_start_migrates_seeds_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = wijkgraph(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let _ = sender.send(rest.split('/').next().unwrap_or_default().to_owned());
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let address = loop {
        if let Ok(address) = receiver.recv_timeout(Duration::from_millis(200)) {
            break address;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not announce its address"
        );
    };
    let body = r#"{"query":"{ areas { totalCount } }"}"#;
    let response = tokio::runtime::Runtime::new().unwrap().block_on(async {
        reqwest::Client::new()
            .post(format!("http://{address}/graphql"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
            .json::<serde_json::Value>()
            .await
            .unwrap()
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(response["data"]["areas"]["totalCount"], 14);
    assert!(dir.path().join("wijkgraph.sqlite").exists());
}

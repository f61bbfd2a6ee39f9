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
        .env_remove("WIJKGRAPH_MODE")
        .env_remove("WIJKGRAPH_JWKS")
        .env_remove("WIJKGRAPH_JWT_SECRET")
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
    let manifest = dir.path().join("manifest.json");
    std::fs::write(&manifest, "[\"not a manifest\"]").unwrap();
    let manifest = manifest.display().to_string();
    for (variable, value) in [
        ("WIJKGRAPH_LISTEN", "everywhere"),
        ("WIJKGRAPH_DATABASE_URL", "mysql://root:hunter2@db/x"),
        ("WIJKGRAPH_CORS_ORIGINS", "https://*.example.nl"),
        ("WIJKGRAPH_PERSISTED_ONLY", "true"),
        ("WIJKGRAPH_PERSISTED_OPERATIONS", manifest.as_str()),
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
    // A token made with the same data folder carries the generated development secret.
    let output = wijkgraph(dir.path())
        .args(["token", "--role", "cluster_member:MO", "--sub", "tester"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "the token alone on stdout");
    let token = stdout.trim().to_owned();
    let post = |query: &'static str, token: Option<String>| {
        let address = address.clone();
        async move {
            let mut request = reqwest::Client::new()
                .post(format!("http://{address}/graphql"))
                .header("content-type", "application/json")
                .body(serde_json::json!({ "query": query }).to_string());
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            request
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let areas = runtime.block_on(post("{ areas { totalCount } }", None));
    let me = runtime.block_on(post(
        "{ me { subject grants { role code } } commitments { totalCount } }",
        Some(token),
    ));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(areas["data"]["areas"]["totalCount"], 14);
    assert_eq!(me["data"]["me"]["subject"], "tester");
    assert_eq!(me["data"]["me"]["grants"][0]["code"], "MO");
    assert!(me["data"]["commitments"]["totalCount"].as_u64().unwrap() > 0);
    assert!(dir.path().join("wijkgraph.sqlite").exists());
    assert!(dir.path().join("jwt-dev-secret").exists());
}

#[test]
fn token_refuses_unknown_roles_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let output = wijkgraph(dir.path())
        .args(["token", "--role", "superuser"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--role"));
    assert!(output.stdout.is_empty());
}

#[test]
fn production_mode_refuses_to_start_with_a_development_secret_or_without_a_jwks() {
    let dir = tempfile::tempdir().unwrap();
    let without_jwks = wijkgraph(dir.path())
        .env("WIJKGRAPH_MODE", "production")
        .env_remove("WIJKGRAPH_JWT_SECRET")
        .env_remove("WIJKGRAPH_JWKS")
        .output()
        .unwrap();
    assert!(!without_jwks.status.success());
    assert!(String::from_utf8_lossy(&without_jwks.stderr).contains("WIJKGRAPH_JWKS"));
    let with_secret = wijkgraph(dir.path())
        .env("WIJKGRAPH_MODE", "production")
        .env("WIJKGRAPH_JWKS", "/nonexistent/jwks.json")
        .env(
            "WIJKGRAPH_JWT_SECRET",
            "0123456789abcdef0123456789abcdef0123",
        )
        .output()
        .unwrap();
    assert!(!with_secret.status.success());
    let stderr = String::from_utf8_lossy(&with_secret.stderr);
    assert!(stderr.contains("WIJKGRAPH_JWT_SECRET"), "{stderr}");
    assert!(
        !stderr.contains("0123456789abcdef"),
        "secret echoed: {stderr}"
    );
}

#[test]
fn production_start_up_stops_on_a_jwks_it_cannot_use_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty-jwks.json");
    std::fs::write(&empty, r#"{"keys": []}"#).unwrap();
    let not_json = dir.path().join("not-jwks.json");
    std::fs::write(&not_json, "<html>login</html>").unwrap();
    let missing = dir.path().join("missing.json");
    for jwks in [
        empty.to_string_lossy().into_owned(),
        not_json.to_string_lossy().into_owned(),
        missing.to_string_lossy().into_owned(),
        "http://idp.rotterdam.example/jwks.json".to_owned(),
    ] {
        let output = wijkgraph(dir.path())
            .env("WIJKGRAPH_MODE", "production")
            .env("WIJKGRAPH_JWKS", &jwks)
            .env("WIJKGRAPH_LISTEN", "127.0.0.1:0")
            .output()
            .unwrap();
        assert!(!output.status.success(), "{jwks} accepted");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("WIJKGRAPH_JWKS"), "{jwks}: {stderr}");
    }
}

#[test]
fn a_bad_log_filter_stops_start_up_and_logs_carry_no_colour_outside_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let output = wijkgraph(dir.path())
        .env("WIJKGRAPH_LOG", "info,wijkgraph=[[[")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("WIJKGRAPH_LOG"), "{stderr}");
    let migrated = wijkgraph(dir.path())
        .env("WIJKGRAPH_LOG", "info")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(migrated.status.success());
    let stderr = String::from_utf8_lossy(&migrated.stderr);
    assert!(stderr.contains("applied"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "colour codes in a pipe: {stderr:?}"
    );
}

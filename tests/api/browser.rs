//! CORS in a real browser (issue 11, item 3): the example portal page in `examples/portal`,
//! served from another origin, lists a neighbourhood's adopted plan through the API in
//! headless Chromium (Debian's `chromium`, installed by `.ci/run`) — and fails to fetch
//! when its origin is not in `WIJKGRAPH_CORS_ORIGINS` — and updates live, over
//! graphql-transport-ws, when a commitment is answered.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use reqwest::Method;

use crate::helpers::{Engine, TestApp, spawn_app_with};

/// Serves `examples/portal` on `listener` until the test ends.
fn serve_portal(listener: tokio::net::TcpListener) {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/portal");
    let file = |name: &'static str, media: &'static str| {
        get(move || async move {
            let body = std::fs::read_to_string(format!("{folder}/{name}")).expect("portal file");
            ([(header::CONTENT_TYPE, media)], body).into_response()
        })
    };
    let portal = axum::Router::new()
        .route(
            "/index.html",
            file("index.html", "text/html; charset=utf-8"),
        )
        .route(
            "/portal.js",
            file("portal.js", "text/javascript; charset=utf-8"),
        );
    tokio::spawn(async move { axum::serve(listener, portal).await });
}

/// The page's DOM after Chromium has loaded it and its requests have settled.
async fn render_in_chromium(url: String) -> String {
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--virtual-time-budget=10000",
                "--dump-dom",
            ])
            .arg(&url)
            .output()
    })
    .await
    .unwrap()
    .expect("chromium runs (apt-get install chromium)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A portal origin, and the app started with `cors_origins` (or none).
async fn portal_and_app(allow_portal: bool) -> (String, TestApp) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    serve_portal(listener);
    let settings: &[(&str, &str)] = if allow_portal {
        &[("WIJKGRAPH_CORS_ORIGINS", origin.as_str())]
    } else {
        &[]
    };
    let app = spawn_app_with(Engine::Sqlite, settings).await;
    (origin, app)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_preflight_from_a_listed_origin_is_answered_and_one_from_another_origin_gets_no_access_headers()
 {
    let (origin, app) = portal_and_app(true).await;
    let preflight = |from: String| {
        app.client
            .request(Method::OPTIONS, format!("{}/graphql", app.address))
            .header("origin", from)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
    };
    let allowed = preflight(origin.clone()).await.unwrap();
    assert!(allowed.status().is_success(), "{}", allowed.status());
    let headers = allowed.headers();
    assert_eq!(headers["access-control-allow-origin"], origin.as_str());
    let allowed_headers = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed_headers.contains("authorization") && allowed_headers.contains("content-type"),
        "{allowed_headers}"
    );
    assert!(
        headers["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("POST")
    );
    assert!(
        headers.get("access-control-allow-credentials").is_none(),
        "credentials are off by default"
    );
    let other = preflight("http://evil.example".to_owned()).await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // A refused request carries the headers too, so the page can read the refusal.
    let refused = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("origin", origin.as_str())
        .header("authorization", "Bearer not-a-token")
        .json(&serde_json::json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 401);
    assert_eq!(
        refused.headers()["access-control-allow-origin"],
        origin.as_str()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_portal_on_another_origin_lists_the_adopted_plan_in_chromium_only_when_its_origin_is_allowed()
 {
    let neighbourhood = "BU05991086";
    for allow in [true, false] {
        let (origin, app) = portal_and_app(allow).await;
        let page = format!(
            "{origin}/index.html?api={}/graphql&neighbourhood={neighbourhood}",
            app.address
        );
        let dom = render_in_chromium(page).await;
        if allow {
            assert!(dom.contains("Wijkactieplan Afrikaanderwijk 2016"), "{dom}");
            assert!(dom.contains("Schoon rond de Afrikaandermarkt"), "{dom}");
            assert!(
                dom.contains("wijkteam.bu05991086@rotterdam.example"),
                "{dom}"
            );
            assert!(dom.contains("Bijgewerkt."), "{dom}");
        } else {
            assert!(dom.contains("Fout: Failed to fetch"), "{dom}");
            assert!(!dom.contains("Schoon rond de Afrikaandermarkt"), "{dom}");
        }
    }
}

/// Headless Chromium driven over the DevTools protocol, killed when dropped.
struct Chromium {
    child: std::process::Child,
    socket: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Chromium {
    async fn launch() -> Self {
        use std::io::BufRead;
        let profile = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("chromium runs (apt-get install chromium)");
        let stderr = child.stderr.take().unwrap();
        let endpoint = tokio::task::spawn_blocking(move || {
            let mut lines = std::io::BufReader::new(stderr).lines();
            let endpoint = lines.by_ref().map_while(Result::ok).find_map(|line| {
                line.strip_prefix("DevTools listening on ")
                    .map(str::to_owned)
            });
            // Keep draining, so that Chromium never blocks on a full pipe.
            std::thread::spawn(move || lines.for_each(drop));
            endpoint
        })
        .await
        .unwrap()
        .expect("the DevTools endpoint");
        let (socket, _) = tokio_tungstenite::connect_async(endpoint.as_str())
            .await
            .expect("DevTools");
        Self {
            child,
            socket,
            next_id: 0,
            _profile: profile,
        }
    }

    /// Calls a DevTools method (in a page's session, if given) and returns its result.
    async fn call(
        &mut self,
        method: &str,
        params: serde_json::Value,
        session: Option<&str>,
    ) -> serde_json::Value {
        use futures_util::{SinkExt, StreamExt};
        use tokio_tungstenite::tungstenite::Message;
        self.next_id += 1;
        let id = self.next_id;
        let mut message = serde_json::json!({ "id": id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = session.into();
        }
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .unwrap();
        loop {
            let Some(Ok(Message::Text(text))) = self.socket.next().await else {
                panic!("DevTools closed")
            };
            let answer: serde_json::Value = serde_json::from_str(text.as_str()).unwrap();
            if answer["id"] == id {
                assert!(answer.get("error").is_none(), "{method}: {answer}");
                return answer["result"].clone();
            }
        }
    }

    /// Opens `url` in a new page; its session.
    async fn open(&mut self, url: &str) -> String {
        let target = self
            .call(
                "Target.createTarget",
                serde_json::json!({ "url": url }),
                None,
            )
            .await;
        let attached = self
            .call(
                "Target.attachToTarget",
                serde_json::json!({ "targetId": target["targetId"], "flatten": true }),
                None,
            )
            .await;
        attached["sessionId"].as_str().unwrap().to_owned()
    }

    /// Waits until the text of the page's first element matching `selector` contains
    /// `needle`; the text then.
    async fn wait_for_text(&mut self, session: &str, selector: &str, needle: &str) -> String {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(15);
        let expression = format!("document.querySelector({selector:?})?.innerText ?? ''");
        loop {
            let result = self
                .call(
                    "Runtime.evaluate",
                    serde_json::json!({ "expression": expression, "returnByValue": true }),
                    Some(session),
                )
                .await;
            let text = result["result"]["value"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if text.contains(needle) {
                return text;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "never saw {needle:?} in:\n{text}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_portal_updates_live_in_chromium_when_a_commitment_is_answered() {
    let (origin, app) = portal_and_app(true).await;
    let data = app.data(
        r#"{ mo: clusters(filter: {code: "MO"}) { nodes { id } }
             budgetLines(filter: {year: 2016}, first: 100) { nodes { id description } }
             plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } }"#,
        serde_json::json!({}),
    ).await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    let request = serde_json::json!({ "input": { "actionId": action, "clusterId": data["mo"]["nodes"][0]["id"], "question": "Kan MO hier een avond per week bij?" } });
    let commitment = app.as_roles(&["neighbourhood_manager:BU05991086"]).data(
        "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }", request).await["requestCommitment"]["commitment"]["id"].clone();

    let token = crate::helpers::token_for(&app.config, &["cluster_member:MO"]);
    let mut chromium = Chromium::launch().await;
    let page = chromium
        .open(&format!(
            "{origin}/index.html?api={}/graphql&neighbourhood=BU05991086#token={token}",
            app.address
        ))
        .await;
    chromium.wait_for_text(&page, "#live", "Live").await;
    let line_of = format!("[data-commitment=\"{}\"]", commitment.as_str().unwrap());
    chromium
        .wait_for_text(&page, &line_of, "Toezegging MO: REQUESTED")
        .await;

    let line = data["budgetLines"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["description"] == "MO-HVW WK059910 2016")
        .unwrap()["id"]
        .clone();
    let answer = serde_json::json!({ "input": { "id": commitment, "expectedVersion": 1, "answer": "ACCEPT", "hours": "4", "amount": "100", "budgetLineId": line } });
    app.as_roles(&["cluster_member:MO"]).data("mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }", answer).await;
    let after = chromium
        .wait_for_text(&page, &line_of, "Toezegging MO: ACCEPTED")
        .await;
    assert!(
        !after.contains("REQUESTED"),
        "the answer in place of the request: {after}"
    );
}

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

mod cors;
mod live;

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

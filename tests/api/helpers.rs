//! `spawn_app`: the real application on 127.0.0.1, port 0, against a fresh database, driven
//! over HTTP like any client. Every test gets its own SQLite file or PostgreSQL database.

use std::sync::{Arc, Mutex};

use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};
use tokio::sync::oneshot;
use wijkgraph::app::App;
use wijkgraph::config::sqlite_url;
use wijkgraph::{db, seed};

use crate::postgres;

/// The database engine a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A fresh SQLite file in a temp folder.
    Sqlite,
    /// A fresh database on the suite's PostgreSQL server.
    Postgres,
}

/// A running application and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    /// The HTTP client.
    pub client: reqwest::Client,
    /// A direct connection, for ground truth.
    pub db: DatabaseConnection,
    statements: Arc<Mutex<Vec<String>>>,
    _dir: Option<tempfile::TempDir>,
    _shutdown: oneshot::Sender<()>,
}

/// A fresh database URL for `engine` (and the temp folder that holds a SQLite file).
pub async fn fresh_database(engine: Engine) -> (String, Option<tempfile::TempDir>) {
    match engine {
        Engine::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            (sqlite_url(&dir.path().join("test.sqlite")), Some(dir))
        }
        Engine::Postgres => {
            let server = postgres::server();
            let name = server.fresh_database_name();
            let admin = db::connect(&server.admin_url())
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create database");
            admin.close().await.expect("close admin connection");
            (server.url(&name), None)
        }
    }
}

/// The application over a fresh database holding the 2016 pilot demo data.
pub async fn spawn_app(engine: Engine) -> TestApp {
    let (url, dir) = fresh_database(engine).await;
    let mut db = db::connect(&url).await.expect("connect");
    db::migrate(&db).await.expect("migrate");
    seed::demo(&db).await.expect("seed");
    let statements = Arc::new(Mutex::new(Vec::new()));
    let recorded = statements.clone();
    db.set_metric_callback(move |info| {
        if let Ok(mut statements) = recorded.lock() {
            statements.push(info.statement.to_string());
        }
    });
    let app = App::with_database(db.clone(), "127.0.0.1:0".parse().expect("address"), 100)
        .await
        .expect("bind");
    let address = format!("http://{}", app.local_addr().expect("local addr"));
    let (shutdown, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.serve(async {
        let _ = stopped.await;
    }));
    TestApp {
        address,
        client: reqwest::Client::new(),
        db,
        statements,
        _dir: dir,
        _shutdown: shutdown,
    }
}

impl TestApp {
    /// POSTs a GraphQL request and returns the whole JSON response.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("request");
        response.json().await.expect("JSON response")
    }

    /// POSTs a query that must succeed and returns its `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let response = self.graphql(query, variables).await;
        assert!(
            response.get("errors").is_none(),
            "unexpected errors: {response:#}"
        );
        response["data"].clone()
    }

    /// Forgets the statements recorded so far.
    pub fn reset_statements(&self) {
        self.statements.lock().expect("lock").clear();
    }

    /// The SQL statements executed since the last reset.
    pub fn statements(&self) -> Vec<String> {
        self.statements.lock().expect("lock").clone()
    }
}

/// The first error's `extensions.code`.
pub fn error_code(response: &Value) -> &str {
    response["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("<none>")
}

/// Defines one test that runs on SQLite and on PostgreSQL, as `<name>::sqlite` and
/// `<name>::postgres`, each against a fresh app with the demo data.
macro_rules! on_both_databases {
    ($(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($app: crate::helpers::TestApp) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                body(crate::helpers::spawn_app(crate::helpers::Engine::Sqlite).await).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                body(crate::helpers::spawn_app(crate::helpers::Engine::Postgres).await).await
            }
        }
    };
}
pub(crate) use on_both_databases;

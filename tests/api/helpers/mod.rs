//! `spawn_app`: the real application on 127.0.0.1, port 0, against a fresh database, driven
//! over HTTP like any client. Every test gets its own SQLite file or PostgreSQL database.

use std::sync::{Arc, Mutex};

use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};
use std::collections::HashMap;
use tokio::sync::oneshot;
use wijkgraph::app::App;

use wijkgraph::config::{Config, Overrides, sqlite_url};
use wijkgraph::{db, seed};

use crate::postgres;

mod both;
mod lookups;

pub(crate) use both::run_on_both_databases;
pub use lookups::{
    audit_operations, cluster_id, count_rows, error_code, neighbourhood_id, paged,
    tally_differences,
};

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
    /// The app's configuration.
    pub config: Config,
    /// The bearer token requests carry; `None` is the public.
    caller: Option<String>,
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

/// The secret the test apps sign development tokens with.
pub const TEST_SECRET: &str = "wijkgraph-test-secret-0123456789abcdef";

/// The application over a fresh database holding the 2016 pilot demo data, with no
/// cost limit to speak of (the edge tests pin the real default).
pub async fn spawn_app(engine: Engine) -> TestApp {
    spawn_app_with(engine, &[("WIJKGRAPH_MAX_COST", "1000000000000")]).await
}

/// `settings` with no cost limit to speak of, as [`spawn_app`] has.
pub fn with_unbounded_cost<'a>(settings: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![("WIJKGRAPH_MAX_COST", "1000000000000")];
    all.extend_from_slice(settings);
    all
}

/// The application with extra `WIJKGRAPH_*` settings.
pub async fn spawn_app_with(engine: Engine, settings: &[(&str, &str)]) -> TestApp {
    let (url, dir) = fresh_database(engine).await;
    let mut app = spawn_app_on(&url, settings).await;
    app._dir = dir;
    app
}

/// The application over the database at `url`, migrated and seeded with the demo data
/// here, serving through a pool with the configured limits.
pub async fn spawn_app_on(url: &str, settings: &[(&str, &str)]) -> TestApp {
    let setup = db::connect(url).await.expect("connect");
    db::migrate(&setup).await.expect("migrate");
    seed::demo(&setup).await.expect("seed");
    setup.close().await.expect("close the set-up connection");
    let config = test_config(settings);
    let mut db = db::connect_with(url, &config.pool).await.expect("connect");
    let statements = Arc::new(Mutex::new(Vec::new()));
    let recorded = statements.clone();
    db.set_metric_callback(move |info| {
        if let Ok(mut statements) = recorded.lock() {
            statements.push(info.statement.to_string());
        }
    });
    let app = App::with_database(db.clone(), &config).await.expect("bind");
    let address = format!("http://{}", app.local_addr().expect("local addr"));
    let (shutdown, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.serve(async {
        let _ = stopped.await;
    }));
    // Admin by default; none in production mode, where no development secret exists.
    let caller = wijkgraph::auth::issue_development_token(
        &config.auth,
        "test-user",
        &["admin".to_owned()],
        600,
    );
    TestApp {
        address,
        client: reqwest::Client::new(),
        db,
        config,
        caller,
        statements,
        _dir: None,
        _shutdown: shutdown,
    }
}

/// A configuration for tests: loopback port 0, the test secret, and `settings`.
pub fn test_config(settings: &[(&str, &str)]) -> Config {
    let mut env: HashMap<String, String> = HashMap::new();
    env.insert("WIJKGRAPH_LISTEN".into(), "127.0.0.1:0".into());
    env.insert("WIJKGRAPH_JWT_SECRET".into(), TEST_SECRET.into());
    // Tests run side by side on a busy machine: a pool wait is not an outage unless a
    // test says so.
    env.insert("WIJKGRAPH_DB_ACQUIRE_TIMEOUT_MS".into(), "30000".into());
    // Passed deadlines are announced only where a test asks for it, so that the scan's
    // statements never mix with those a test counts.
    env.insert("WIJKGRAPH_DEADLINE_SCAN_SECONDS".into(), "3600".into());
    // Likewise the tally is folded only where a test does it.
    env.insert("WIJKGRAPH_TALLY_FOLD_SECONDS".into(), "3600".into());
    env.insert(
        "WIJKGRAPH_DATA_DIR".into(),
        std::env::temp_dir().display().to_string(),
    );
    for (name, value) in settings {
        env.insert((*name).into(), (*value).into());
    }
    Config::from_lookup(Overrides::default(), |name| env.get(name).cloned())
        .expect("test configuration")
}

/// A development token for these role grants.
pub fn token_for(config: &Config, roles: &[&str]) -> String {
    let roles: Vec<String> = roles.iter().map(|role| role.to_string()).collect();
    // One subject per set of grants, so callers in a test are different people.
    let subject = format!("user-{}", roles.join("+"));
    wijkgraph::auth::issue_development_token(&config.auth, &subject, &roles, 600).expect("token")
}

impl TestApp {
    /// The same app, called with a token for these role grants (none: the public).
    pub fn as_roles(&self, roles: &[&str]) -> Caller<'_> {
        let token = (!roles.is_empty()).then(|| token_for(&self.config, roles));
        Caller { app: self, token }
    }

    /// The same app, called with this raw `Authorization` token.
    pub fn with_token(&self, token: &str) -> Caller<'_> {
        Caller {
            app: self,
            token: Some(token.to_owned()),
        }
    }

    /// POSTs a GraphQL request as the app's default caller (admin) and returns the whole
    /// JSON response.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        self.post(self.caller.as_deref(), query, variables).await
    }

    async fn post(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("JSON response")
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

/// Requests as one caller.
pub struct Caller<'a> {
    app: &'a TestApp,
    token: Option<String>,
}

impl Caller<'_> {
    /// POSTs a GraphQL request and returns the whole JSON response.
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        self.app.post(self.token.as_deref(), query, variables).await
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
}

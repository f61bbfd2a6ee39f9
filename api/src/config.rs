//! One typed configuration, read from `WIJKGRAPH_*` environment variables and overridden by
//! command-line flags. A bad value stops start-up with a message that names the setting.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::auth::AuthSettings;

/// Environment variable for the database URL (`sqlite://...` or `postgres://...`).
pub const ENV_DATABASE_URL: &str = "WIJKGRAPH_DATABASE_URL";
/// Environment variable for the listen address.
pub const ENV_LISTEN: &str = "WIJKGRAPH_LISTEN";
/// Environment variable for the folder with the default SQLite file and other local state.
pub const ENV_DATA_DIR: &str = "WIJKGRAPH_DATA_DIR";
/// Environment variable for the largest page a connection may return.
pub const ENV_MAX_PAGE_SIZE: &str = "WIJKGRAPH_MAX_PAGE_SIZE";

/// Default listen address: loopback only, so a first `cargo run` exposes nothing.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// Default folder for local state, relative to the working directory.
pub const DEFAULT_DATA_DIR: &str = "data";
/// Default largest page size of a connection.
pub const DEFAULT_MAX_PAGE_SIZE: u32 = 100;
/// Environment variable for the largest page of reporting callers (admin, controller).
pub const ENV_REPORTING_PAGE_SIZE: &str = "WIJKGRAPH_REPORTING_PAGE_SIZE";
/// Default largest page of reporting callers: an export of 150,000 commitments in 150
/// requests instead of 1,500.
pub const DEFAULT_REPORTING_PAGE_SIZE: u32 = 1000;
/// Environment variable for the most objects a query may return (page sizes multiply).
pub const ENV_MAX_COST: &str = "WIJKGRAPH_MAX_COST";
/// Default most objects a query may return: a portal page of 20 plans with 5 priorities,
/// 10 actions each and 10 commitments per action costs 11,120.
pub const DEFAULT_MAX_COST: usize = 50_000;
/// Environment variable for the most objects all requests being answered at once may return.
pub const ENV_MAX_INFLIGHT_COST: &str = "WIJKGRAPH_MAX_INFLIGHT_COST";
/// Default in-flight budget: two queries at the cost limit, or nine portal pages, at once;
/// further requests wait their turn. It bounds the memory answers take.
pub const DEFAULT_MAX_INFLIGHT_COST: usize = 100_000;
/// Environment variable for the hours a cluster has to answer a request by default.
pub const ENV_RESPONSE_HOURS: &str = "WIJKGRAPH_RESPONSE_HOURS";
/// The mandate: an answer within 24 hours.
pub const DEFAULT_RESPONSE_HOURS: usize = 24;
/// Environment variable for the working days a level's owner has to act on an escalation
/// before the owner of the level above may pull it up.
pub const ENV_ESCALATION_WORKING_DAYS: &str = "WIJKGRAPH_ESCALATION_WORKING_DAYS";
/// Default: five working days.
pub const DEFAULT_ESCALATION_WORKING_DAYS: usize = 5;
/// Environment variable for the largest request body in bytes.
pub const ENV_MAX_BODY_BYTES: &str = "WIJKGRAPH_MAX_BODY_BYTES";
/// Default largest request body.
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;
/// Environment variable for the seconds in-flight requests get to finish after SIGTERM or
/// SIGINT.
pub const ENV_SHUTDOWN_SECONDS: &str = "WIJKGRAPH_SHUTDOWN_SECONDS";
/// Default grace period on shutdown.
pub const DEFAULT_SHUTDOWN_SECONDS: usize = 20;
/// Environment variable for the longest time a request may run.
pub const ENV_REQUEST_TIMEOUT_SECONDS: &str = "WIJKGRAPH_REQUEST_TIMEOUT_SECONDS";
/// Default request timeout.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: usize = 30;
/// Environment variable for the longest wait for a database connection, in milliseconds.
pub const ENV_DB_ACQUIRE_TIMEOUT_MS: &str = "WIJKGRAPH_DB_ACQUIRE_TIMEOUT_MS";
/// Default wait for a connection from a busy pool. An outage does not wait it out: the
/// health probe answers `UNAVAILABLE` at once (see `health`).
pub const DEFAULT_DB_ACQUIRE_TIMEOUT_MS: usize = 10_000;
/// Environment variable for PostgreSQL's `statement_timeout` in milliseconds (0: none).
pub const ENV_STATEMENT_TIMEOUT_MS: &str = "WIJKGRAPH_STATEMENT_TIMEOUT_MS";
/// Default statement timeout.
pub const DEFAULT_STATEMENT_TIMEOUT_MS: usize = 10_000;
/// Environment variable for the size of the PostgreSQL connection pool.
pub const ENV_DB_POOL_SIZE: &str = "WIJKGRAPH_DB_POOL_SIZE";
/// Default PostgreSQL pool size.
pub const DEFAULT_DB_POOL_SIZE: usize = 16;
/// Environment variable for the requests a caller may make per minute (0: no limit).
pub const ENV_RATE_LIMIT_PER_MINUTE: &str = "WIJKGRAPH_RATE_LIMIT_PER_MINUTE";
/// Environment variable for the requests a caller may make at once above the steady rate.
pub const ENV_RATE_LIMIT_BURST: &str = "WIJKGRAPH_RATE_LIMIT_BURST";
/// Default burst.
pub const DEFAULT_RATE_LIMIT_BURST: usize = 30;
/// Environment variable for a separate address serving `/metrics` (then not on the API's).
pub const ENV_METRICS_LISTEN: &str = "WIJKGRAPH_METRICS_LISTEN";
/// Environment variable for the origins a browser may call the API from: exact origins
/// (`https://portal.example.nl`), comma-separated; none by default.
pub const ENV_CORS_ORIGINS: &str = "WIJKGRAPH_CORS_ORIGINS";
/// Environment variable letting those origins send credentials (cookies): `true` or
/// `false` (default). Bearer tokens need no credentials mode.
pub const ENV_CORS_CREDENTIALS: &str = "WIJKGRAPH_CORS_CREDENTIALS";
/// Environment variable for how often, in seconds, passed answer deadlines are looked for
/// and announced to subscribers.
pub const ENV_DEADLINE_SCAN_SECONDS: &str = "WIJKGRAPH_DEADLINE_SCAN_SECONDS";
/// Default deadline scan interval.
pub const DEFAULT_DEADLINE_SCAN_SECONDS: usize = 30;
/// Environment variable for the persisted operations manifest: a JSON file of id to
/// document (relay-compiler) or an Apollo persisted query manifest.
pub const ENV_PERSISTED_OPERATIONS: &str = "WIJKGRAPH_PERSISTED_OPERATIONS";
/// Environment variable for allow-list mode: `true` runs only the manifest's operations.
pub const ENV_PERSISTED_ONLY: &str = "WIJKGRAPH_PERSISTED_ONLY";
/// Environment variable for the log format: `text` (default) or `json`.
pub const ENV_LOG_FORMAT: &str = "WIJKGRAPH_LOG_FORMAT";
/// Environment variable for the log filter (`info`, `wijkgraph=debug,warn`, ...).
pub const ENV_LOG: &str = "WIJKGRAPH_LOG";
/// File name of the embedded SQLite database inside the data folder.
pub const SQLITE_FILE: &str = "wijkgraph.sqlite";

/// A setting that could not be used; the message names the setting and what was expected.
#[derive(Debug, thiserror::Error)]
#[error("{setting}: {problem}")]
pub struct ConfigError {
    /// The flag or environment variable.
    pub setting: String,
    /// What is wrong with its value.
    pub problem: String,
}

impl ConfigError {
    pub(crate) fn new(setting: &str, problem: impl Into<String>) -> Self {
        Self {
            setting: setting.to_owned(),
            problem: problem.into(),
        }
    }
}

/// Where the data lives. Its `Debug` hides a URL's password.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// The embedded SQLite file in the data folder: migrated and seeded with the demo data
    /// on first start.
    DefaultSqlite(PathBuf),
    /// A database named by URL (SQLite or PostgreSQL); migrated on start, never seeded
    /// implicitly.
    Url(String),
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::DefaultSqlite(path) => f.debug_tuple("DefaultSqlite").field(path).finish(),
            Database::Url(url) => f.debug_tuple("Url").field(&without_password(url)).finish(),
        }
    }
}

/// `url` with the password of its user info (`user:password@`) replaced by `***`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

impl Database {
    /// The sea-orm connection URL.
    pub fn url(&self) -> String {
        match self {
            Database::DefaultSqlite(path) => sqlite_url(path),
            Database::Url(url) => url.clone(),
        }
    }
}

/// The `sqlite://` URL that creates the file when missing.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// The service configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database to use.
    pub database: Database,
    /// Address the HTTP server binds to.
    pub listen: SocketAddr,
    /// Folder for local state.
    pub data_dir: PathBuf,
    /// Largest `first`/`last` a connection accepts.
    pub max_page_size: u32,
    /// Largest `first`/`last` for reporting callers (admin, controller); at least
    /// `max_page_size`.
    pub reporting_page_size: u32,
    /// Most objects a query may return; each connection's page size multiplies with its
    /// parents'.
    pub max_cost: u64,
    /// Most objects the requests being answered at once may return together; a request
    /// waits until its cost fits.
    pub max_inflight_cost: u64,
    /// Largest request body in bytes.
    pub max_body_bytes: usize,
    /// Hours a cluster has to answer a commitment request, unless the request says otherwise.
    pub response_hours: u32,
    /// Working days before the level above may pull an escalation up.
    pub escalation_working_days: u32,
    /// Token verification.
    pub auth: AuthSettings,
    /// How the serving pool waits for and limits the database.
    pub pool: PoolSettings,
    /// Longest time a request may run before it is answered `TIMEOUT`.
    pub request_timeout: Duration,
    /// Time in-flight requests get to finish after SIGTERM or SIGINT.
    pub shutdown_grace: Duration,
    /// Requests per minute and burst per caller; `None`: no limit.
    pub rate_limit: Option<RateLimit>,
    /// A separate address for `/metrics`; `None`: on the API's address.
    pub metrics_listen: Option<SocketAddr>,
    /// Which browser origins may call the API.
    pub cors: CorsSettings,
    /// How often passed answer deadlines are looked for.
    pub deadline_scan: Duration,
    /// The persisted operations manifest, if any.
    pub persisted_operations: Option<PathBuf>,
    /// Whether only the manifest's operations run.
    pub persisted_only: bool,
}

/// Cross-origin access for browsers (CORS).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorsSettings {
    /// Exact origins (`scheme://host[:port]`) allowed; empty: none.
    pub origins: Vec<String>,
    /// Whether those origins may send credentials.
    pub credentials: bool,
}

impl CorsSettings {
    /// Reads [`ENV_CORS_ORIGINS`] and [`ENV_CORS_CREDENTIALS`].
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut origins = Vec::new();
        for origin in env(ENV_CORS_ORIGINS)
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|origin| !origin.is_empty())
        {
            origins.push(exact_origin(origin)?);
        }
        let credentials = flag(&env, ENV_CORS_CREDENTIALS)?;
        Ok(Self {
            origins,
            credentials,
        })
    }
}

/// `origin` when it is one exact origin: a scheme (http or https), a host and perhaps a
/// port — no wildcard, path, query or trailing slash.
fn exact_origin(origin: &str) -> Result<String, ConfigError> {
    let problem = |what: &str| {
        ConfigError::new(
            ENV_CORS_ORIGINS,
            format!("'{origin}' {what}; expected exact origins such as https://portal.example.nl"),
        )
    };
    let Some((scheme, authority)) = origin.split_once("://") else {
        return Err(problem("has no scheme"));
    };
    if !matches!(scheme, "http" | "https") {
        return Err(problem("is not http or https"));
    }
    if authority.is_empty()
        || authority.contains(['/', '?', '#', '*', ' ', '@'])
        || authority.starts_with(':')
    {
        return Err(problem("is not a host with an optional port"));
    }
    if let Some((_, port)) = authority.rsplit_once(':')
        && !authority.ends_with(']')
        && port.parse::<u16>().is_err()
    {
        return Err(problem("has a port that is not a number"));
    }
    Ok(origin.to_ascii_lowercase())
}

/// The serving connection pool's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Longest wait for a connection; past it the request is answered `UNAVAILABLE`.
    pub acquire_timeout: Duration,
    /// PostgreSQL's `statement_timeout`; `None`: no limit.
    pub statement_timeout: Option<Duration>,
    /// Connections to PostgreSQL (SQLite keeps its own small pool).
    pub max_connections: u32,
}

impl PoolSettings {
    /// The serving defaults.
    pub fn serving() -> Self {
        Self {
            acquire_timeout: Duration::from_millis(DEFAULT_DB_ACQUIRE_TIMEOUT_MS as u64),
            statement_timeout: Some(Duration::from_millis(DEFAULT_STATEMENT_TIMEOUT_MS as u64)),
            max_connections: DEFAULT_DB_POOL_SIZE as u32,
        }
    }

    /// For migrations, seeding and tests' own connections: no statement timeout (an index
    /// on ten years of data takes its time) and a patient wait.
    pub fn maintenance() -> Self {
        Self {
            acquire_timeout: Duration::from_secs(30),
            statement_timeout: None,
            max_connections: DEFAULT_DB_POOL_SIZE as u32,
        }
    }
}

/// A per-caller request rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests per minute, steady.
    pub per_minute: u32,
    /// Requests at once above the steady rate.
    pub burst: u32,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line, for a log collector.
    Json,
}

impl LogFormat {
    /// Reads `WIJKGRAPH_LOG_FORMAT`.
    pub fn from_lookup(env: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        match env(ENV_LOG_FORMAT).as_deref().map(str::trim) {
            None | Some("") | Some("text") => Ok(Self::Text),
            Some("json") => Ok(Self::Json),
            Some(other) => Err(ConfigError::new(
                ENV_LOG_FORMAT,
                format!("'{other}' is not a log format; expected text or json"),
            )),
        }
    }
}

/// Values given on the command line; each overrides its environment variable.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// `--database-url`
    pub database_url: Option<String>,
    /// `--listen`
    pub listen: Option<String>,
    /// `--data-dir`
    pub data_dir: Option<PathBuf>,
}

impl Config {
    /// Reads the configuration from the process environment and the given overrides.
    pub fn load(overrides: Overrides) -> Result<Self, ConfigError> {
        Self::from_lookup(overrides, |name| std::env::var(name).ok())
    }

    /// Reads the configuration from any variable lookup (tests pass a map).
    pub fn from_lookup(
        overrides: Overrides,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let data_dir = match overrides.data_dir {
            Some(dir) => dir,
            None => match env(ENV_DATA_DIR) {
                Some(dir) if dir.trim().is_empty() => {
                    return Err(ConfigError::new(
                        ENV_DATA_DIR,
                        "is empty; give a folder path",
                    ));
                }
                Some(dir) => PathBuf::from(dir),
                None => PathBuf::from(DEFAULT_DATA_DIR),
            },
        };

        let (url_setting, url) = match overrides.database_url {
            Some(url) => ("--database-url", Some(url)),
            None => (ENV_DATABASE_URL, env(ENV_DATABASE_URL)),
        };
        let database = match url {
            None => Database::DefaultSqlite(data_dir.join(SQLITE_FILE)),
            Some(url) => Database::Url(parse_database_url(url_setting, url)?),
        };

        let (listen_setting, listen) = match overrides.listen {
            Some(listen) => ("--listen", listen),
            None => (
                ENV_LISTEN,
                env(ENV_LISTEN).unwrap_or_else(|| DEFAULT_LISTEN.to_owned()),
            ),
        };
        let listen = listen.trim().parse::<SocketAddr>().map_err(|_| {
            ConfigError::new(
                listen_setting,
                format!("'{listen}' is not a socket address; expected e.g. {DEFAULT_LISTEN}"),
            )
        })?;

        let max_page_size = bounded(
            &env,
            ENV_MAX_PAGE_SIZE,
            DEFAULT_MAX_PAGE_SIZE as usize,
            1..=1000,
        )? as u32;
        let reporting_page_size = (bounded(
            &env,
            ENV_REPORTING_PAGE_SIZE,
            DEFAULT_REPORTING_PAGE_SIZE as usize,
            1..=10_000,
        )? as u32)
            .max(max_page_size);
        let max_cost =
            bounded(&env, ENV_MAX_COST, DEFAULT_MAX_COST, 10..=1_000_000_000_000)? as u64;
        let max_inflight_cost = bounded(
            &env,
            ENV_MAX_INFLIGHT_COST,
            DEFAULT_MAX_INFLIGHT_COST,
            10..=1_000_000_000,
        )? as u64;
        let max_body_bytes = bounded(
            &env,
            ENV_MAX_BODY_BYTES,
            DEFAULT_MAX_BODY_BYTES,
            1024..=64 * 1024 * 1024,
        )?;
        let response_hours =
            bounded(&env, ENV_RESPONSE_HOURS, DEFAULT_RESPONSE_HOURS, 1..=720)? as u32;
        let escalation_working_days = bounded(
            &env,
            ENV_ESCALATION_WORKING_DAYS,
            DEFAULT_ESCALATION_WORKING_DAYS,
            1..=60,
        )? as u32;
        let auth = AuthSettings::from_lookup(&env, &data_dir)?;
        let statement_timeout_ms = bounded(
            &env,
            ENV_STATEMENT_TIMEOUT_MS,
            DEFAULT_STATEMENT_TIMEOUT_MS,
            0..=3_600_000,
        )? as u64;
        let pool = PoolSettings {
            acquire_timeout: Duration::from_millis(bounded(
                &env,
                ENV_DB_ACQUIRE_TIMEOUT_MS,
                DEFAULT_DB_ACQUIRE_TIMEOUT_MS,
                100..=60_000,
            )? as u64),
            statement_timeout: (statement_timeout_ms > 0)
                .then(|| Duration::from_millis(statement_timeout_ms)),
            max_connections: bounded(&env, ENV_DB_POOL_SIZE, DEFAULT_DB_POOL_SIZE, 1..=1000)?
                as u32,
        };
        let request_timeout = Duration::from_secs(bounded(
            &env,
            ENV_REQUEST_TIMEOUT_SECONDS,
            DEFAULT_REQUEST_TIMEOUT_SECONDS,
            1..=3600,
        )? as u64);
        let shutdown_grace = Duration::from_secs(bounded(
            &env,
            ENV_SHUTDOWN_SECONDS,
            DEFAULT_SHUTDOWN_SECONDS,
            0..=3600,
        )? as u64);
        let per_minute = bounded(&env, ENV_RATE_LIMIT_PER_MINUTE, 0, 0..=1_000_000)? as u32;
        let burst = bounded(
            &env,
            ENV_RATE_LIMIT_BURST,
            DEFAULT_RATE_LIMIT_BURST,
            1..=100_000,
        )? as u32;
        let rate_limit = (per_minute > 0).then_some(RateLimit { per_minute, burst });
        let metrics_listen = match env(ENV_METRICS_LISTEN) {
            None => None,
            Some(raw) if raw.trim().is_empty() => None,
            Some(raw) => Some(raw.trim().parse::<SocketAddr>().map_err(|_| {
                ConfigError::new(
                    ENV_METRICS_LISTEN,
                    format!("'{raw}' is not a socket address; expected e.g. 127.0.0.1:9090"),
                )
            })?),
        };
        LogFormat::from_lookup(&env)?;
        let cors = CorsSettings::from_lookup(&env)?;
        let deadline_scan = Duration::from_secs(bounded(
            &env,
            ENV_DEADLINE_SCAN_SECONDS,
            DEFAULT_DEADLINE_SCAN_SECONDS,
            1..=3600,
        )? as u64);
        let persisted_operations = env(ENV_PERSISTED_OPERATIONS)
            .filter(|path| !path.trim().is_empty())
            .map(PathBuf::from);
        let persisted_only = flag(&env, ENV_PERSISTED_ONLY)?;
        if persisted_only && persisted_operations.is_none() {
            return Err(ConfigError::new(
                ENV_PERSISTED_ONLY,
                format!("needs a manifest in {ENV_PERSISTED_OPERATIONS}"),
            ));
        }
        Ok(Self {
            database,
            listen,
            data_dir,
            max_page_size,
            reporting_page_size,
            max_cost,
            max_inflight_cost,
            max_body_bytes,
            response_hours,
            escalation_working_days,
            auth,
            pool,
            request_timeout,
            shutdown_grace,
            rate_limit,
            metrics_listen,
            cors,
            deadline_scan,
            persisted_operations,
            persisted_only,
        })
    }
}

/// A `true`/`false` setting; unset or empty is `false`.
fn flag(env: &impl Fn(&str) -> Option<String>, name: &str) -> Result<bool, ConfigError> {
    match env(name).as_deref().map(str::trim) {
        None | Some("") | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(ConfigError::new(
            name,
            format!("'{other}' is not true or false"),
        )),
    }
}

/// A whole number from the environment within `range`, or the default.
fn bounded(
    env: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ConfigError> {
    match env(name) {
        None => Ok(default),
        Some(raw) => raw
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                ConfigError::new(
                    name,
                    format!(
                        "'{raw}' is not a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                )
            }),
    }
}

fn parse_database_url(setting: &str, url: String) -> Result<String, ConfigError> {
    let url = url.trim().to_owned();
    let known = ["sqlite:", "postgres://", "postgresql://"];
    if known.iter().any(|scheme| url.starts_with(scheme)) {
        Ok(url)
    } else {
        // The value may hold a password: name the setting, never echo the URL.
        Err(ConfigError::new(
            setting,
            "must start with sqlite:, postgres:// or postgresql://",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_database_urls_password_never_shows_in_debug_output() {
        let url = "postgres://wijkgraph:hunter2@db.internal:5432/wijkgraph?sslmode=require";
        let shown = format!("{:?}", Database::Url(url.to_owned()));
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(
            shown.contains("postgres://wijkgraph:***@db.internal:5432/wijkgraph?sslmode=require"),
            "{shown}"
        );
        assert_eq!(Database::Url(url.to_owned()).url(), url);
        let plain = format!("{:?}", Database::Url("sqlite://data/x.sqlite".to_owned()));
        assert!(plain.contains("sqlite://data/x.sqlite"), "{plain}");
    }

    fn load(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let secret = [(
            "WIJKGRAPH_JWT_SECRET",
            "a-test-secret-of-at-least-32-characters",
        )];
        let map: HashMap<String, String> = secret
            .iter()
            .chain(vars)
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(Overrides::default(), |name| map.get(name).cloned())
    }

    #[test]
    fn no_configuration_means_loopback_and_the_default_sqlite_file() {
        let config = load(&[]).unwrap();
        assert_eq!(config.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(
            config.database,
            Database::DefaultSqlite(PathBuf::from("data/wijkgraph.sqlite"))
        );
    }

    #[test]
    fn cors_allows_no_origin_by_default_and_exact_origins_when_listed() {
        assert_eq!(load(&[]).unwrap().cors, CorsSettings::default());
        let config = load(&[(
            ENV_CORS_ORIGINS,
            "http://localhost:3000, https://Portal.example.nl,http://[::1]:8080",
        )])
        .unwrap();
        assert_eq!(
            config.cors.origins,
            [
                "http://localhost:3000",
                "https://portal.example.nl",
                "http://[::1]:8080"
            ]
        );
        assert!(!config.cors.credentials);
        let with = load(&[
            (ENV_CORS_ORIGINS, "https://portal.example.nl"),
            (ENV_CORS_CREDENTIALS, "true"),
        ])
        .unwrap();
        assert!(with.cors.credentials);
    }

    #[test]
    fn a_wildcard_a_path_or_a_missing_scheme_in_cors_origins_is_refused_naming_the_variable() {
        for origin in [
            "*",
            "https://*.example.nl",
            "https://portal.example.nl/",
            "portal.example.nl",
            "ftp://portal.example.nl",
            "http://localhost:port",
        ] {
            let err = load(&[(ENV_CORS_ORIGINS, origin)]).unwrap_err();
            assert_eq!(err.setting, ENV_CORS_ORIGINS, "{origin}");
            assert!(err.to_string().contains(origin), "{origin}: {err}");
        }
        let err = load(&[(ENV_CORS_CREDENTIALS, "yes")]).unwrap_err();
        assert_eq!(err.setting, ENV_CORS_CREDENTIALS);
    }

    #[test]
    fn a_bad_listen_address_names_the_variable() {
        let err = load(&[(ENV_LISTEN, "localhost")]).unwrap_err();
        assert_eq!(err.setting, ENV_LISTEN);
        assert!(err.to_string().contains("'localhost'"));
    }

    #[test]
    fn a_bad_database_url_names_the_variable_without_echoing_it() {
        let err = load(&[(ENV_DATABASE_URL, "mysql://user:secret@db/x")]).unwrap_err();
        assert_eq!(err.setting, ENV_DATABASE_URL);
        assert!(!err.to_string().contains("secret"));
    }

    #[test]
    fn a_bad_page_size_names_the_variable() {
        let err = load(&[(ENV_MAX_PAGE_SIZE, "0")]).unwrap_err();
        assert_eq!(err.setting, ENV_MAX_PAGE_SIZE);
    }

    #[test]
    fn the_data_dir_moves_the_default_sqlite_file() {
        let config = load(&[(ENV_DATA_DIR, "/var/lib/wijkgraph")]).unwrap();
        assert_eq!(
            config.database,
            Database::DefaultSqlite(PathBuf::from("/var/lib/wijkgraph/wijkgraph.sqlite"))
        );
    }
}

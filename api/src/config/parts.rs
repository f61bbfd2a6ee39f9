//! The parts of the configuration: the database, CORS, the pool, the rate limit, the log
//! format, and the error a bad setting gives.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::names::*;
use super::values::flag;

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
    /// PostgreSQL's `plan_cache_mode`; `None`: the server's own setting.
    pub plan_cache_mode: Option<&'static str>,
}

impl PoolSettings {
    /// The serving defaults.
    pub fn serving() -> Self {
        Self {
            acquire_timeout: Duration::from_millis(DEFAULT_DB_ACQUIRE_TIMEOUT_MS as u64),
            statement_timeout: Some(Duration::from_millis(DEFAULT_STATEMENT_TIMEOUT_MS as u64)),
            max_connections: DEFAULT_DB_POOL_SIZE as u32,
            plan_cache_mode: Some(DEFAULT_DB_PLAN_CACHE_MODE),
        }
    }

    /// For migrations, seeding and tests' own connections: no statement timeout (an index
    /// on ten years of data takes its time) and a patient wait.
    pub fn maintenance() -> Self {
        Self {
            acquire_timeout: Duration::from_secs(30),
            statement_timeout: None,
            max_connections: DEFAULT_DB_POOL_SIZE as u32,
            plan_cache_mode: None,
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

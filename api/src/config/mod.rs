//! One typed configuration, read from `WIJKGRAPH_*` environment variables and overridden by
//! command-line flags. A bad value stops start-up with a message that names the setting.
//! The settings' names and defaults are in `names.rs`, the parts of the configuration (the
//! database, CORS, the pool, the rate limit, the log format) in `parts.rs`, how one
//! setting's text is read (a flag, a bounded number, one of a few words, a database URL)
//! in `values.rs`.

mod names;
mod parts;
mod values;

pub use names::*;
pub use parts::{
    ConfigError, CorsSettings, Database, LogFormat, PoolSettings, RateLimit, sqlite_url,
};

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::auth::AuthSettings;
use values::{bounded, flag, one_of, parse_database_url, seconds};

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
    /// How often the commitment tally is folded (PostgreSQL).
    pub tally_fold: Duration,
    /// The persisted operations manifest, if any.
    pub persisted_operations: Option<PathBuf>,
    /// Whether only the manifest's operations run.
    pub persisted_only: bool,
    /// Whether the process turns transparent huge pages off for itself (Linux).
    pub disable_transparent_huge_pages: bool,
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
            plan_cache_mode: Some(one_of(
                &env,
                ENV_DB_PLAN_CACHE_MODE,
                DEFAULT_DB_PLAN_CACHE_MODE,
                &DB_PLAN_CACHE_MODES,
            )?),
        };
        let request_timeout = seconds(
            &env,
            ENV_REQUEST_TIMEOUT_SECONDS,
            DEFAULT_REQUEST_TIMEOUT_SECONDS,
            1..=3600,
        )?;
        let shutdown_grace = seconds(
            &env,
            ENV_SHUTDOWN_SECONDS,
            DEFAULT_SHUTDOWN_SECONDS,
            0..=3600,
        )?;
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
        let deadline_scan = seconds(
            &env,
            ENV_DEADLINE_SCAN_SECONDS,
            DEFAULT_DEADLINE_SCAN_SECONDS,
            1..=3600,
        )?;
        let tally_fold = seconds(
            &env,
            ENV_TALLY_FOLD_SECONDS,
            DEFAULT_TALLY_FOLD_SECONDS,
            1..=3600,
        )?;
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
        let disable_transparent_huge_pages = one_of(
            &env,
            ENV_TRANSPARENT_HUGE_PAGES,
            DEFAULT_TRANSPARENT_HUGE_PAGES,
            &TRANSPARENT_HUGE_PAGES,
        )? == "off";
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
            tally_fold,
            persisted_operations,
            persisted_only,
            disable_transparent_huge_pages,
        })
    }
}

#[cfg(test)]
mod tests;

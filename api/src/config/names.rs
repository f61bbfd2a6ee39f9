//! The names of the settings (`WIJKGRAPH_*` environment variables) and their defaults.

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
/// Environment variable for PostgreSQL's `plan_cache_mode` on the serving pool.
pub const ENV_DB_PLAN_CACHE_MODE: &str = "WIJKGRAPH_DB_PLAN_CACHE_MODE";
/// The values PostgreSQL accepts for `plan_cache_mode`.
pub const DB_PLAN_CACHE_MODES: [&str; 3] = ["force_generic_plan", "auto", "force_custom_plan"];
/// Default `plan_cache_mode`: plan each statement once per connection. The API's statements
/// differ in shape, not in how their parameters should be planned (a page's `LIMIT $n`, a
/// status); left to `auto`, PostgreSQL re-plans a page and a count on every execution,
/// which costs as much as running them.
pub const DEFAULT_DB_PLAN_CACHE_MODE: &str = DB_PLAN_CACHE_MODES[0];
/// Environment variable for transparent huge pages in the server's own memory: `off`
/// (default) or `system` (whatever the machine's setting gives).
pub const ENV_TRANSPARENT_HUGE_PAGES: &str = "WIJKGRAPH_TRANSPARENT_HUGE_PAGES";
/// The values of [`ENV_TRANSPARENT_HUGE_PAGES`].
pub const TRANSPARENT_HUGE_PAGES: [&str; 2] = ["off", "system"];
/// Default: off. The allocator asks for huge pages where the machine allows them on request
/// (`madvise`), and then every 2 MiB region an answer touches is resident in full: under
/// the benchmark's portal page (Q3) that took the peak from about 75 to 105 MB at the same
/// throughput.
pub const DEFAULT_TRANSPARENT_HUGE_PAGES: &str = TRANSPARENT_HUGE_PAGES[0];
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
/// Environment variable for how often, in seconds, the commitment counts PostgreSQL
/// appends to are folded into one row per key.
pub const ENV_TALLY_FOLD_SECONDS: &str = "WIJKGRAPH_TALLY_FOLD_SECONDS";
/// Default fold interval.
pub const DEFAULT_TALLY_FOLD_SECONDS: usize = 60;
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

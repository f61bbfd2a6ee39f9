//! `/metrics` in the Prometheus text format, built with the `prometheus` crate (TiKV's
//! client, the one most Rust services use; its process collector gives the standard
//! `process_*` figures on Linux), with a registry of our own rather than the global one:
//!
//! - `wijkgraph_graphql_request_duration_seconds` — a histogram by operation type and name
//!   (names are the client's; past [`MAX_OPERATION_NAMES`] distinct ones they count as
//!   `other`, so a client cannot grow the exposition without bound);
//! - `wijkgraph_graphql_errors_total` by `extensions.code`, `wijkgraph_http_refused_total`
//!   by the code of a refusal before execution (401, 405, 413, 415, 429, too many aliases);
//! - `wijkgraph_http_requests_in_flight`, `wijkgraph_cost_budget_waiting` (requests waiting
//!   for their share of the in-flight cost budget);
//! - `wijkgraph_db_pool_connections` by state (`in_use`, `idle`, and `waiting`: callers
//!   waiting for a connection, counted at the pool's gate, [`crate::db::Gate`]),
//!   `wijkgraph_db_pool_max_connections` and `wijkgraph_db_up` (the health probe);
//! - `process_cpu_seconds_total`, `process_resident_memory_bytes`, `process_open_fds`, ...

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use sea_orm::{DatabaseConnection, DbBackend};

/// Most distinct operation names the duration histogram keeps apart.
pub const MAX_OPERATION_NAMES: usize = 200;

/// The request duration buckets, in seconds: 1 ms to 60 s.
const DURATION_BUCKETS: [f64; 16] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0,
];

/// The service's metrics, shared by all requests.
pub struct Metrics {
    registry: Registry,
    duration: HistogramVec,
    errors: IntCounterVec,
    refused: IntCounterVec,
    in_flight: IntGauge,
    waiting: IntGauge,
    pool: IntGaugeVec,
    pool_max: IntGauge,
    db_up: IntGauge,
    names: Mutex<HashSet<String>>,
}

impl Metrics {
    /// The metrics, registered; `Err` only for a programming error in their definitions.
    pub fn new() -> prometheus::Result<Self> {
        let registry = Registry::new();
        let duration = HistogramVec::new(
            HistogramOpts::new(
                "wijkgraph_graphql_request_duration_seconds",
                "Time to answer a GraphQL request, by operation type and name.",
            )
            .buckets(DURATION_BUCKETS.to_vec()),
            &["type", "operation"],
        )?;
        let errors = IntCounterVec::new(
            Opts::new(
                "wijkgraph_graphql_errors_total",
                "GraphQL errors answered, by extensions.code.",
            ),
            &["code"],
        )?;
        let refused = IntCounterVec::new(
            Opts::new(
                "wijkgraph_http_refused_total",
                "Requests refused before execution, by the code of the refusal.",
            ),
            &["code"],
        )?;
        let in_flight = IntGauge::new(
            "wijkgraph_http_requests_in_flight",
            "GraphQL requests being answered.",
        )?;
        let waiting = IntGauge::new(
            "wijkgraph_cost_budget_waiting",
            "Requests waiting for their share of the in-flight cost budget.",
        )?;
        let pool = IntGaugeVec::new(
            Opts::new(
                "wijkgraph_db_pool_connections",
                "Database pool connections, by state.",
            ),
            &["state"],
        )?;
        let pool_max = IntGauge::new(
            "wijkgraph_db_pool_max_connections",
            "Most connections the database pool opens.",
        )?;
        let db_up = IntGauge::new(
            "wijkgraph_db_up",
            "1 while the database answers the health probe, else 0.",
        )?;
        registry.register(Box::new(db_up.clone()))?;
        registry.register(Box::new(duration.clone()))?;
        registry.register(Box::new(errors.clone()))?;
        registry.register(Box::new(refused.clone()))?;
        registry.register(Box::new(in_flight.clone()))?;
        registry.register(Box::new(waiting.clone()))?;
        registry.register(Box::new(pool.clone()))?;
        registry.register(Box::new(pool_max.clone()))?;
        #[cfg(target_os = "linux")]
        registry.register(Box::new(
            prometheus::process_collector::ProcessCollector::for_self(),
        ))?;
        Ok(Self {
            registry,
            duration,
            errors,
            refused,
            in_flight,
            waiting,
            pool,
            pool_max,
            db_up,
            names: Mutex::new(HashSet::new()),
        })
    }

    /// Counts a request as being answered until the guard drops.
    pub fn in_flight(&self) -> Counted<'_> {
        self.in_flight.inc();
        Counted(&self.in_flight)
    }

    /// Counts a request as waiting for the cost budget until the guard drops.
    pub fn waiting(&self) -> Counted<'_> {
        self.waiting.inc();
        Counted(&self.waiting)
    }

    /// Records one executed GraphQL request: its duration by operation, and its errors'
    /// codes.
    pub fn record<'c>(
        &self,
        operation_type: &str,
        operation_name: Option<&str>,
        elapsed: Duration,
        codes: impl IntoIterator<Item = &'c str>,
    ) {
        let name = self.bounded_name(operation_name.unwrap_or(""));
        self.duration
            .with_label_values(&[operation_type, name.as_str()])
            .observe(elapsed.as_secs_f64());
        for code in codes {
            self.errors.with_label_values(&[code]).inc();
        }
    }

    /// Counts a request refused before execution, by the code it was answered with.
    pub fn refused(&self, code: &str) {
        self.refused.with_label_values(&[code]).inc();
    }

    /// The operation name as a label: one of the first [`MAX_OPERATION_NAMES`] names seen,
    /// or `other`.
    fn bounded_name(&self, name: &str) -> String {
        let Ok(mut names) = self.names.lock() else {
            return "other".to_owned();
        };
        if names.contains(name) {
            return name.to_owned();
        }
        if names.len() < MAX_OPERATION_NAMES {
            names.insert(name.to_owned());
            return name.to_owned();
        }
        "other".to_owned()
    }

    /// The exposition text, with the pool figures and the database's reachability as they
    /// are now.
    pub fn render(&self, db: &DatabaseConnection, waiting: i64, db_up: bool) -> String {
        self.db_up.set(i64::from(db_up));
        let (size, idle, max) = match db.get_database_backend() {
            DbBackend::Postgres => {
                let pool = db.get_postgres_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            DbBackend::Sqlite => {
                let pool = db.get_sqlite_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            _ => (0, 0, 0),
        };
        let idle = u32::try_from(idle).unwrap_or(u32::MAX).min(size);
        self.pool
            .with_label_values(&["in_use"])
            .set(i64::from(size - idle));
        self.pool.with_label_values(&["idle"]).set(i64::from(idle));
        self.pool.with_label_values(&["waiting"]).set(waiting);
        self.pool_max.set(i64::from(max));
        let mut text = Vec::new();
        if let Err(err) = TextEncoder::new().encode(&self.registry.gather(), &mut text) {
            tracing::warn!(error = %err, "cannot encode the metrics");
        }
        String::from_utf8(text).unwrap_or_default()
    }
}

/// Decrements its gauge when the request ends, however it ends.
pub struct Counted<'a>(&'a IntGauge);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.dec();
    }
}

//! `/metrics` in the Prometheus text format: GraphQL requests, their errors by code, and the
//! time spent answering them. Counters only; a scraper derives rates.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The service's counters, shared by all requests.
#[derive(Default)]
pub struct Metrics {
    requests: AtomicU64,
    refused: AtomicU64,
    micros: AtomicU64,
    errors: Mutex<BTreeMap<String, u64>>,
}

impl Metrics {
    /// Counts one executed GraphQL request, its duration and its errors' codes.
    pub fn record(&self, elapsed: Duration, codes: impl IntoIterator<Item = String>) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.micros.fetch_add(
            u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
        if let Ok(mut errors) = self.errors.lock() {
            for code in codes {
                *errors.entry(code).or_insert(0) += 1;
            }
        }
    }

    /// Counts a request refused before execution (401, 405, 413, 415, too many aliases).
    pub fn refused(&self) {
        self.refused.fetch_add(1, Ordering::Relaxed);
    }

    /// The exposition text.
    pub fn render(&self) -> String {
        let mut text = String::new();
        text.push_str("# HELP wijkgraph_graphql_requests_total GraphQL requests executed.\n# TYPE wijkgraph_graphql_requests_total counter\n");
        text.push_str(&format!(
            "wijkgraph_graphql_requests_total {}\n",
            self.requests.load(Ordering::Relaxed)
        ));
        text.push_str("# HELP wijkgraph_graphql_refused_total Requests refused before execution.\n# TYPE wijkgraph_graphql_refused_total counter\n");
        text.push_str(&format!(
            "wijkgraph_graphql_refused_total {}\n",
            self.refused.load(Ordering::Relaxed)
        ));
        text.push_str("# HELP wijkgraph_graphql_seconds_total Time spent executing GraphQL requests.\n# TYPE wijkgraph_graphql_seconds_total counter\n");
        text.push_str(&format!(
            "wijkgraph_graphql_seconds_total {:.6}\n",
            self.micros.load(Ordering::Relaxed) as f64 / 1e6
        ));
        text.push_str("# HELP wijkgraph_graphql_errors_total GraphQL errors by extensions.code.\n# TYPE wijkgraph_graphql_errors_total counter\n");
        if let Ok(errors) = self.errors.lock() {
            for (code, count) in errors.iter() {
                text.push_str(&format!(
                    "wijkgraph_graphql_errors_total{{code=\"{code}\"}} {count}\n"
                ));
            }
        }
        text
    }
}

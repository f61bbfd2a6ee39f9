//! The application's shared state: the schema, pools, verifier, limits and the in-flight
//! budget (`graphql/inflight.rs`).

use super::Inflight;
use sea_orm::DatabaseConnection;

use crate::access::Principal;
use crate::auth::{Mode, Verifier};
use crate::graphql::AppSchema;
use crate::graphql::context::RequestSettings;
use crate::graphql::cost::CostModel;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// The database pool.
    pub db: DatabaseConnection,
    /// The way into `db`'s pool, counting who waits for a connection.
    pub gate: crate::db::Gate,
    /// Turns bearer tokens into principals.
    pub verifier: Verifier,
    /// Settings every request carries.
    pub settings: RequestSettings,
    /// Largest request body.
    pub max_body_bytes: usize,
    /// Request counters for `/metrics`.
    pub metrics: std::sync::Arc<crate::metrics::Metrics>,
    /// Counts a query's cost.
    pub cost: std::sync::Arc<CostModel>,
    /// Most objects a query may return.
    pub max_cost: u64,
    /// The cost budget of the requests being answered at once.
    pub inflight: Inflight,
    /// Largest page for reporting callers.
    pub reporting_page_size: u32,
    /// Longest time a request may run.
    pub request_timeout: std::time::Duration,
    /// Limits each caller's request rate, when configured.
    pub rate_limiter: Option<crate::rate::RateLimiter>,
    /// `/metrics` is served on its own address, not the API's.
    pub metrics_elsewhere: bool,
    /// The queue writers take turns in (SQLite only).
    pub write_queue: Option<crate::domain::WriteQueue>,
    /// Whether the database is reachable.
    pub health: crate::health::DbHealth,
    /// Cross-origin access for the configured browser origins; `None`: none.
    pub cors: Option<tower_http::cors::CorsLayer>,
    /// Where changes' events go, and subscriptions hear them.
    pub bus: crate::events::Bus,
    /// Persisted operations: the manifest and the automatic persisted query cache.
    pub persisted: std::sync::Arc<crate::persisted::Persisted>,
    /// Parsed documents, kept for the next request with the same text.
    pub documents: std::sync::Arc<super::Documents>,
}

impl AppState {
    /// `request` as `principal` may run it, and the settings it runs with: introspection
    /// only for admins in production, larger pages for reporting callers.
    pub fn for_caller(
        &self,
        mut request: async_graphql::Request,
        principal: &Principal,
    ) -> (async_graphql::Request, RequestSettings) {
        if self.verifier.settings().mode == Mode::Production && !principal.is_admin() {
            request = request.disable_introspection();
        }
        let mut settings = self.settings;
        if principal.reports() {
            settings.max_page_size = self.reporting_page_size;
        }
        (request, settings)
    }
}

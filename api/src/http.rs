//! The HTTP edge: `/graphql` (POST, and GET for queries; GraphiQL for browsers), `/healthz`
//! and `/readyz`. It authenticates the caller, refuses what GraphQL over HTTP must refuse
//! (a body over the limit: 413; a POST that is not JSON: 415; a mutation over GET: 405),
//! and makes every error carry an `extensions.code`.

use async_graphql::parser::types::OperationType;
use async_graphql::{ServerError, Value};
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sea_orm::DatabaseConnection;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower_http::limit::RequestBodyLimitLayer;

use crate::access::Reader;
use crate::auth::{Mode, Verifier};
use crate::graphql::AppSchema;
use crate::graphql::batch::BatchQueue;
use crate::graphql::context::{RequestScope, RequestSettings};
use crate::graphql::cost::{CostModel, too_costly};

/// Most aliases a query may use.
pub const MAX_ALIASES: usize = 30;
/// Longest error message passed to a client; parse errors can echo the query.
const MAX_MESSAGE_CHARS: usize = 300;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The GraphQL schema.
    pub schema: AppSchema,
    /// The database pool.
    pub db: DatabaseConnection,
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
}

/// The objects the requests being answered at once may return together. A request holds its
/// cost (at most the whole budget) while it runs, and waits, first come first served,
/// while the budget is spent: memory for answers stays bounded under any load the cost
/// limit admits.
#[derive(Clone)]
pub struct Inflight {
    budget: std::sync::Arc<Semaphore>,
    size: u32,
}

impl Inflight {
    /// A budget of `size` objects.
    pub fn new(size: u64) -> Self {
        let size = u32::try_from(size)
            .unwrap_or(u32::MAX)
            .clamp(1, u32::try_from(Semaphore::MAX_PERMITS).unwrap_or(u32::MAX));
        Self {
            budget: std::sync::Arc::new(Semaphore::new(size as usize)),
            size,
        }
    }

    /// Waits until a query of `cost` objects fits, and holds its share until dropped.
    pub async fn admit(&self, cost: u64) -> Option<OwnedSemaphorePermit> {
        let share = u32::try_from(cost).unwrap_or(u32::MAX).clamp(1, self.size);
        self.budget.clone().acquire_many_owned(share).await.ok()
    }
}

/// The service's routes.
pub fn router(state: AppState) -> Router {
    let limit = state.max_body_bytes;
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .merge(crate::graphiql::assets())
        .layer(DefaultBodyLimit::max(limit))
        .layer(RequestBodyLimitLayer::new(limit))
        .with_state(state)
}

async fn graphql_post(State(state): State<AppState>, request: Request) -> Response {
    let is_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        state.metrics.refused();
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "a GraphQL POST must be application/json",
        );
    }
    handle(state, request).await
}

/// A browser (asking for HTML, no query string) gets GraphiQL; anything else is a
/// GraphQL request over GET.
async fn graphql_get(State(state): State<AppState>, request: Request) -> Response {
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if wants_html && request.uri().query().is_none_or(str::is_empty) {
        return crate::graphiql::page().into_response();
    }
    handle(state, request).await
}

async fn handle(state: AppState, request: Request) -> Response {
    let started = std::time::Instant::now();
    let metrics = state.metrics.clone();
    match answer(state, request).await {
        Ok((response, share)) => {
            let codes = response.errors.iter().filter_map(|error| {
                error
                    .extensions
                    .as_ref()
                    .and_then(|ext| match ext.get("code") {
                        Some(Value::String(code)) => Some(code.clone()),
                        _ => None,
                    })
            });
            metrics.record(started.elapsed(), codes);
            let response = GraphQLResponse::from(response).into_response();
            // The answer's share of the in-flight budget ends once it is serialized.
            drop(share);
            response
        }
        Err(refusal) => {
            metrics.refused();
            refusal
        }
    }
}

/// Authenticates, checks and executes one GraphQL request, with the share of the in-flight
/// budget it holds; `Err` is a refusal before execution, already shaped as the response.
async fn answer(
    state: AppState,
    request: Request,
) -> Result<(async_graphql::Response, Option<OwnedSemaphorePermit>), Response> {
    let method = request.method().clone();
    let authorization = request
        .headers()
        .get(header::AUTHORIZATION)
        .map(|value| value.to_str().unwrap_or("\u{0}").to_owned());
    let principal = match state.verifier.principal(authorization.as_deref()).await {
        Ok(principal) => principal,
        Err(reason) => {
            tracing::info!(%reason, "refused a token");
            return Err(error_response(
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "missing, invalid or expired token",
            ));
        }
    };
    let mut request =
        match GraphQLRequest::<async_graphql_axum::rejection::GraphQLRejection>::from_request(
            request, &state,
        )
        .await
        {
            Ok(request) => request.into_inner(),
            Err(rejection) => {
                let response = rejection.into_response();
                let status = response.status();
                if status == StatusCode::PAYLOAD_TOO_LARGE {
                    return Err(error_response(
                        status,
                        "PAYLOAD_TOO_LARGE",
                        "request body too large",
                    ));
                }
                return Err(error_response(
                    StatusCode::BAD_REQUEST,
                    "BAD_REQUEST",
                    "not a GraphQL request",
                ));
            }
        };
    if let Some(refusal) = refuse_by_shape(&mut request, &method) {
        return Err(refusal);
    }
    let operation = request.operation_name.clone();
    let variables = request.variables.clone();
    let mut cost = 1;
    if let Ok(document) = request.parsed_query() {
        cost = state
            .cost
            .cost_of(document, operation.as_deref(), &variables);
        if cost > state.max_cost {
            return Ok((
                async_graphql::Response::from_errors(vec![too_costly(cost, state.max_cost)]),
                None,
            ));
        }
    }
    let share = state.inflight.admit(cost).await;
    if state.verifier.settings().mode == Mode::Production && !principal.is_admin() {
        request = request.disable_introspection();
    }
    let mut settings = state.settings;
    if principal.reports() {
        settings.max_page_size = state.reporting_page_size;
    }
    let reader = Reader::new(state.db.clone(), principal);
    let batches = BatchQueue::default();
    let request = request.data(RequestScope::new(reader, settings, &batches));
    let mut response = batches.drive(state.schema.execute(request)).await;
    for error in &mut response.errors {
        with_code(error);
    }
    Ok((response, share))
}

/// Refuses, before execution, a mutation over GET (405) and a query with too many
/// aliases. Parse errors are left to execution, which reports them as GraphQL errors.
fn refuse_by_shape(request: &mut async_graphql::Request, method: &Method) -> Option<Response> {
    let operation_name = request.operation_name.clone();
    let document = request.parsed_query().ok()?;
    let is_mutation = document.operations.iter().any(|(name, operation)| {
        let selected = match (&operation_name, name) {
            (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
            (None, _) => true,
            (Some(_), None) => false,
        };
        selected && operation.node.ty != OperationType::Query
    });
    if is_mutation && method == Method::GET {
        return Some(error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            "mutations and subscriptions need POST",
        ));
    }
    let aliases = document
        .operations
        .iter()
        .map(|(_, operation)| count_aliases(&operation.node.selection_set.node))
        .chain(
            document
                .fragments
                .values()
                .map(|fragment| count_aliases(&fragment.node.selection_set.node)),
        )
        .sum::<usize>();
    if aliases > MAX_ALIASES {
        return Some(error_response(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            &format!("query: more than {MAX_ALIASES} aliases"),
        ));
    }
    None
}

fn count_aliases(selection_set: &async_graphql::parser::types::SelectionSet) -> usize {
    use async_graphql::parser::types::Selection;
    selection_set
        .items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(field) => {
                usize::from(field.node.alias.is_some())
                    + count_aliases(&field.node.selection_set.node)
            }
            Selection::InlineFragment(fragment) => count_aliases(&fragment.node.selection_set.node),
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

/// Gives an error that lacks one a code (async-graphql's own parse and validation errors),
/// and caps its message.
fn with_code(error: &mut ServerError) {
    let has_code = error
        .extensions
        .as_ref()
        .is_some_and(|ext| ext.get("code").is_some());
    if !has_code {
        // A value async-graphql could not coerce into an argument's type (an Int out of
        // range, a Decimal "NaN", a date that does not exist) is the caller's error. Other
        // errors inside execution carry a path; the rest are about the document itself.
        let code = if error.message.starts_with("Failed to parse \"") {
            "BAD_USER_INPUT"
        } else if error.path.is_empty() {
            "GRAPHQL_VALIDATION_FAILED"
        } else {
            "INTERNAL"
        };
        let mut extensions = error.extensions.take().unwrap_or_default();
        extensions.set("code", Value::from(code));
        error.extensions = Some(extensions);
    }
    if error.message.chars().count() > MAX_MESSAGE_CHARS {
        error.message = error
            .message
            .chars()
            .take(MAX_MESSAGE_CHARS)
            .collect::<String>()
            + "…";
    }
}

/// A GraphQL-shaped error response outside execution.
fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
}

async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(err) => {
            tracing::warn!(error = %err, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

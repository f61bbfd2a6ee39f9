//! The HTTP edge: `/graphql` (POST, and GET for queries; GraphiQL for browsers), `/healthz`
//! and `/readyz`. It authenticates the caller, refuses what GraphQL over HTTP must refuse
//! (a body over the limit: 413; a POST that is not JSON: 415; a mutation over GET: 405),
//! and makes every error carry an `extensions.code`. The answer's media type and a request
//! error's status follow GraphQL over HTTP (`crate::media`).

use async_graphql::parser::types::OperationType;
use async_graphql::{ServerError, Value};
use async_graphql_axum::GraphQLRequest;
use axum::Router;
use axum::extract::ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sea_orm::DatabaseConnection;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower_http::limit::RequestBodyLimitLayer;
use tracing::Instrument as _;

use crate::access::{Principal, Reader};
use crate::auth::{Mode, Verifier};
use crate::error::ApiError;
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

/// The CORS layer for `settings`, or `None` when no origin is allowed. Preflights are
/// answered for GET and POST with the headers a GraphQL client sends; the request id,
/// `Retry-After` and `WWW-Authenticate` are readable by the page.
pub fn cors_layer(settings: &crate::config::CorsSettings) -> Option<tower_http::cors::CorsLayer> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let origins: Vec<HeaderValue> = settings
        .origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    let request_id = header::HeaderName::from_static(crate::observe::REQUEST_ID_HEADER);
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::ACCEPT,
                request_id.clone(),
            ])
            .expose_headers([request_id, header::RETRY_AFTER, header::WWW_AUTHENTICATE])
            .allow_credentials(settings.credentials)
            .max_age(std::time::Duration::from_secs(600)),
    )
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

/// The service's routes; `/metrics` among them unless it has its own address.
pub fn router(state: AppState) -> Router {
    let limit = state.max_body_bytes;
    let mut routes = Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready));
    if !state.metrics_elsewhere {
        routes = routes.route("/metrics", get(metrics));
    }
    let cors = state.cors.clone();
    let routes = routes
        .merge(crate::graphiql::assets())
        .layer(DefaultBodyLimit::max(limit))
        .layer(RequestBodyLimitLayer::new(limit))
        .with_state(state);
    // Outermost, so that refusals (413 included) carry the CORS headers too.
    match cors {
        Some(cors) => routes.layer(cors),
        None => routes,
    }
}

/// `/metrics` alone, for a separate listen address.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn graphql_post(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    if crate::live::wants_event_stream(request.headers()) {
        return event_stream(state, request).await;
    }
    handle(state, peer, request).await
}

/// A subscription over Server-Sent Events, as the caller its `Authorization` names.
async fn event_stream(state: AppState, request: Request) -> Response {
    let method = request.method().clone();
    let principal = match authenticate(&state, request.headers()).await {
        Ok(principal) => principal,
        Err(refusal) => return refusal.into_response(),
    };
    match read_request(&state, request, &method).await {
        Ok((request, document_id)) => {
            crate::live::event_stream(state, principal, request, document_id.as_deref()).await
        }
        Err(refusal) => refusal.into_response(),
    }
}

/// The caller the request's `Authorization` names (the public without one), or 401.
async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<Principal, Refusal> {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .map(|value| value.to_str().unwrap_or("\u{0}").to_owned());
    state
        .verifier
        .principal(authorization.as_deref())
        .await
        .map_err(|reason| {
            tracing::info!(%reason, "refused a token");
            Refusal::new(
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "missing, invalid or expired token",
            )
        })
}

/// A WebSocket upgrade speaks graphql-transport-ws; a browser (asking for HTML, no query
/// string) gets GraphiQL; anything else is a GraphQL request over GET.
async fn graphql_get(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
    request: Request,
) -> Response {
    if let Ok(upgrade) = upgrade {
        return match crate::live::protocol_of(request.headers()) {
            Some(protocol) => crate::live::upgrade(state, upgrade, protocol),
            None => error_response(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "a WebSocket needs the graphql-transport-ws subprotocol",
            ),
        };
    }
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if wants_html && request.uri().query().is_none_or(str::is_empty) {
        return crate::graphiql::page().into_response();
    }
    handle(state, peer, request).await
}

/// What the access log and the metrics say of a request.
#[derive(Default)]
struct Outcome {
    /// `query`, `mutation`, `subscription`, or empty when the document did not parse.
    operation_type: &'static str,
    /// The executed operation's name, when it has one.
    operation_name: Option<String>,
    /// The caller's subject; `None` for the public.
    subject: Option<String>,
    /// The query's cost.
    cost: u64,
    /// The errors' codes.
    codes: Vec<String>,
    /// Why it was refused before execution, if it was.
    refused: Option<&'static str>,
}

/// Answers one GraphQL request under its request id: echoes the id, records its metrics
/// and writes its access-log line.
async fn handle(state: AppState, peer: SocketAddr, request: Request) -> Response {
    let started = std::time::Instant::now();
    let request_id = crate::observe::request_id(request.headers());
    let method = request.method().clone();
    let span = tracing::info_span!("request", id = %request_id);
    let _in_flight = state.metrics.in_flight();
    let mut outcome = Outcome::default();
    let media = crate::media::negotiate(request.headers());
    let mut response = answer(&state, peer, request, media, &mut outcome)
        .instrument(span.clone())
        .await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response
            .headers_mut()
            .insert(crate::observe::REQUEST_ID_HEADER, value);
    }
    let elapsed = started.elapsed();
    match outcome.refused {
        Some(reason) => state.metrics.refused(reason),
        None => state.metrics.record(
            outcome.operation_type,
            outcome.operation_name.as_deref(),
            elapsed,
            outcome.codes.iter().map(String::as_str),
        ),
    }
    let _entered = span.enter();
    tracing::info!(
        target: "wijkgraph::access",
        method = %method,
        status = response.status().as_u16(),
        operation_type = outcome.operation_type,
        operation_name = outcome.operation_name.as_deref().unwrap_or(""),
        subject = outcome.subject.as_deref().unwrap_or(""),
        codes = %outcome.codes.join(","),
        cost = outcome.cost,
        duration_ms = elapsed.as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// Authenticates, checks and executes one GraphQL request, filling in `outcome`.
async fn answer(
    state: &AppState,
    peer: SocketAddr,
    request: Request,
    media: crate::media::Media,
    outcome: &mut Outcome,
) -> Response {
    match execute(state, peer, request, outcome).await {
        Ok((response, share)) => {
            outcome.codes = response
                .errors
                .iter()
                .filter_map(|error| {
                    error
                        .extensions
                        .as_ref()
                        .and_then(|ext| match ext.get("code") {
                            Some(Value::String(code)) => Some(code.clone()),
                            _ => None,
                        })
                })
                .collect();
            let mut response = crate::media::write(&response, media);
            // The answer's share of the in-flight budget ends once it is serialized.
            drop(share);
            let has = |code: &str| outcome.codes.iter().any(|c| c == code);
            if has("UNAVAILABLE") {
                *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            } else if has("TIMEOUT") {
                *response.status_mut() = StatusCode::GATEWAY_TIMEOUT;
            }
            response
        }
        Err(refusal) => {
            outcome.codes = vec![refusal.code.to_owned()];
            outcome.refused = Some(refusal.code);
            refusal.into_response()
        }
    }
}

/// A request refused before execution.
struct Refusal {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
}

impl Refusal {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    fn into_response(self) -> Response {
        let mut response = error_response(self.status, self.code, &self.message);
        if self.status == StatusCode::UNAUTHORIZED {
            // RFC 6750: a token was given and is not usable (without one, the caller is
            // the public and never gets 401).
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(r#"Bearer realm="wijkgraph", error="invalid_token""#),
            );
        }
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// Authenticates, checks and executes one GraphQL request, with the share of the in-flight
/// budget it holds; `Err` is a refusal before execution.
async fn execute(
    state: &AppState,
    peer: SocketAddr,
    request: Request,
    outcome: &mut Outcome,
) -> Result<(async_graphql::Response, Option<OwnedSemaphorePermit>), Refusal> {
    let method = request.method().clone();
    if method == Method::POST {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(Refusal::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "a GraphQL POST must be application/json",
            ));
        }
    }
    let principal = authenticate(state, request.headers()).await?;
    outcome.subject = principal.subject.clone();
    if let Some(limiter) = &state.rate_limiter {
        let caller = match &principal.subject {
            Some(subject) => format!("subject:{subject}"),
            None => format!("address:{}", peer.ip()),
        };
        if let Err(wait) = limiter.check(&caller) {
            let mut refusal = Refusal::new(
                StatusCode::TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "too many requests; retry after the time in Retry-After",
            );
            refusal.retry_after = Some(wait.as_secs_f64().ceil().max(1.0) as u64);
            return Err(refusal);
        }
    }
    let (mut request, document_id) = read_request(state, request, &method).await?;
    if let Err(refused) = state
        .persisted
        .resolve(&mut request, document_id.as_deref())
    {
        return Ok((
            async_graphql::Response::from_errors(vec![refused.to_error()]),
            None,
        ));
    }
    if request.query.trim().is_empty() {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "the request has no query",
        ));
    }
    refuse_by_shape(&mut request, &method, outcome)?;
    let operation = request.operation_name.clone();
    let variables = request.variables.clone();
    let mut cost = 1;
    if let Ok(document) = request.parsed_query() {
        cost = state
            .cost
            .cost_of(document, operation.as_deref(), &variables);
        outcome.cost = cost;
        if cost > state.max_cost {
            return Ok((
                async_graphql::Response::from_errors(vec![too_costly(cost, state.max_cost)]),
                None,
            ));
        }
    }
    let (request, settings) = state.for_caller(request, &principal);
    if !state.health.is_up() {
        return Ok((
            async_graphql::Response::from_errors(vec![server_error(ApiError::Unavailable(
                anyhow::anyhow!("the database did not answer the last probe"),
            ))]),
            None,
        ));
    }
    let run = async {
        let share = {
            let _waiting = state.metrics.waiting();
            state.inflight.admit(cost).await
        };
        let reader = Reader::new(state.db.clone(), state.gate.clone(), principal);
        let batches = BatchQueue::default();
        let request = request.data(
            RequestScope::new(reader, settings, &batches)
                .with_write_queue(state.write_queue.clone())
                .with_events(Some(state.bus.clone())),
        );
        (batches.drive(state.schema.execute(request)).await, share)
    };
    // A request waiting on a database that has gone away is released at once.
    let (mut response, share) = tokio::select! {
        answered = tokio::time::timeout(state.request_timeout, run) => match answered {
            Ok(answered) => answered,
            Err(_) => (
                async_graphql::Response::from_errors(vec![server_error(ApiError::Timeout)]),
                None,
            ),
        },
        () = state.health.gone() => (
            async_graphql::Response::from_errors(vec![server_error(ApiError::Unavailable(
                anyhow::anyhow!("the database stopped answering during the request"),
            ))]),
            None,
        ),
    };
    let mut logged = std::collections::HashSet::new();
    for error in &mut response.errors {
        with_code(error);
        log_internal(error, &mut logged);
    }
    Ok((response, share))
}

/// The GraphQL request in an HTTP request, and the persisted document it names, if any
/// (`documentId`, or Relay's `doc_id`).
async fn read_request(
    state: &AppState,
    request: Request,
    method: &Method,
) -> Result<(async_graphql::Request, Option<String>), Refusal> {
    let not_graphql = || {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "not a GraphQL request",
        )
    };
    let document_id =
        |fields: &dyn Fn(&str) -> Option<String>| fields("documentId").or_else(|| fields("doc_id"));
    if method == Method::POST {
        let body = axum::body::to_bytes(request.into_body(), state.max_body_bytes)
            .await
            .map_err(|_| {
                Refusal::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    "request body too large",
                )
            })?;
        // Most requests name no persisted document: read those straight into a request.
        let names_document = [&b"\"documentId\""[..], b"\"doc_id\""]
            .iter()
            .any(|key| body.windows(key.len()).any(|window| window == *key));
        if !names_document {
            let request = serde_json::from_slice(&body).map_err(|_| not_graphql())?;
            return Ok((request, None));
        }
        let value: serde_json::Value = serde_json::from_slice(&body).map_err(|_| not_graphql())?;
        if !value.is_object() {
            return Err(not_graphql());
        }
        let id = document_id(&|name| {
            value
                .get(name)
                .and_then(|id| id.as_str())
                .map(str::to_owned)
        });
        let request = serde_json::from_value(value).map_err(|_| not_graphql())?;
        return Ok((request, id));
    }
    let parameters: std::collections::HashMap<String, String> = request
        .uri()
        .query()
        .and_then(query_parameters)
        .unwrap_or_default();
    let id = document_id(&|name| parameters.get(name).cloned());
    match GraphQLRequest::<async_graphql_axum::rejection::GraphQLRejection>::from_request(
        request, state,
    )
    .await
    {
        Ok(request) => Ok((request.into_inner(), id)),
        // A GET naming only a persisted document has no query to parse yet.
        Err(_) if id.is_some() => Ok((async_graphql::Request::new(""), id)),
        Err(_) => Err(not_graphql()),
    }
}

/// The parameters of a URL's query string.
fn query_parameters(query: &str) -> Option<std::collections::HashMap<String, String>> {
    axum::extract::Query::<std::collections::HashMap<String, String>>::try_from_uri(
        &format!("/?{query}").parse().ok()?,
    )
    .ok()
    .map(|query| query.0)
}

/// An error outside any field, as GraphQL reports it.
fn server_error(error: ApiError) -> ServerError {
    let error = async_graphql::Error::from(error);
    let mut server_error = ServerError::new(error.message, None);
    server_error.extensions = error.extensions;
    server_error
}

/// Refuses, before execution, a mutation over GET (405) and a query with too many
/// aliases, and notes the operation's type and name. Parse errors are left to execution,
/// which reports them as GraphQL errors.
fn refuse_by_shape(
    request: &mut async_graphql::Request,
    method: &Method,
    outcome: &mut Outcome,
) -> Result<(), Refusal> {
    let operation_name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return Ok(());
    };
    let selected = document
        .operations
        .iter()
        .find(|(name, _)| match (&operation_name, name) {
            (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
            (None, _) => true,
            (Some(_), None) => false,
        });
    if let Some((name, operation)) = selected {
        outcome.operation_type = match operation.node.ty {
            OperationType::Query => "query",
            OperationType::Mutation => "mutation",
            OperationType::Subscription => "subscription",
        };
        outcome.operation_name = name.map(|name| name.to_string());
        if operation.node.ty != OperationType::Query && method == Method::GET {
            return Err(Refusal::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "mutations and subscriptions need POST",
            ));
        }
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
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            format!("query: more than {MAX_ALIASES} aliases"),
        ));
    }
    Ok(())
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
        // range, a Decimal "NaN", a date that does not exist, a list for an object) is the
        // caller's error. Other errors inside execution carry a path; the rest are about
        // the document itself.
        // A variable's value that does not fit its argument is named by validation:
        // `Invalid value for argument "filter.year", expected type "Int"`.
        let argument = error
            .message
            .strip_prefix("Invalid value for argument \"")
            .and_then(|rest| rest.split_once('"'))
            .map(|(argument, _)| argument.to_owned());
        // Values coerced while executing: `Failed to parse "Decimal": …`, `Expected input
        // type "PlanOrder", found 3.`
        let coercion = ["Failed to parse \"", "Expected input type \""]
            .iter()
            .any(|start| error.message.starts_with(start));
        let code = if coercion || argument.is_some() {
            "BAD_USER_INPUT"
        } else if error.path.is_empty() {
            "GRAPHQL_VALIDATION_FAILED"
        } else {
            "INTERNAL"
        };
        let mut extensions = error.extensions.take().unwrap_or_default();
        extensions.set("code", Value::from(code));
        if let Some(argument) = argument {
            extensions.set("field", Value::from(argument));
        }
        if code == "INTERNAL" {
            extensions.set("errorId", crate::error::next_error_id());
        }
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

/// Logs an `INTERNAL` error once per error id (an error shared by several fields, as a
/// failed batch is, has one id): the id, the field's path and what failed; the request id
/// comes with the request's span.
fn log_internal(error: &ServerError, logged: &mut std::collections::HashSet<u64>) {
    let Some(extensions) = &error.extensions else {
        return;
    };
    if !matches!(extensions.get("code"), Some(Value::String(code)) if code == "INTERNAL") {
        return;
    }
    let error_id = match extensions.get("errorId") {
        Some(Value::Number(id)) => id.as_u64().unwrap_or_default(),
        _ => 0,
    };
    if !logged.insert(error_id) {
        return;
    }
    let failure = error
        .source::<crate::error::Failure>()
        .map_or(error.message.as_str(), |failure| failure.0.as_str());
    let path = error
        .path
        .iter()
        .map(|segment| match segment {
            async_graphql::PathSegment::Field(name) => name.clone(),
            async_graphql::PathSegment::Index(index) => index.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".");
    tracing::error!(error_id, path, error = failure, "internal error");
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
        [(header::CONTENT_TYPE, prometheus::TEXT_FORMAT)],
        state
            .metrics
            .render(&state.db, state.gate.waiting(), state.health.is_up()),
    )
}

/// Longest `/readyz` waits for the database before answering 503.
const READY_WITHIN: std::time::Duration = std::time::Duration::from_millis(800);

/// 200 when the database answers a ping within [`READY_WITHIN`], else 503 — at once
/// while the probe finds it away: a load balancer takes the instance out in time.
async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    if !state.health.is_up() {
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable");
    }
    match tokio::time::timeout(READY_WITHIN, state.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready"),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("database did not answer a ping in time");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

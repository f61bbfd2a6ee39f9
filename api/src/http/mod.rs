//! The HTTP edge: `/graphql` (POST, and GET for queries; GraphiQL for browsers), `/healthz`
//! and `/readyz`. It authenticates the caller, refuses what GraphQL over HTTP must refuse
//! (a body over the limit: 413; a POST that is not JSON: 415; a mutation over GET: 405),
//! and makes every error carry an `extensions.code`. The answer's media type and a request
//! error's status follow GraphQL over HTTP (`crate::media`).
//!
//! Here are the routes and the path of one request (`handle`); `request.rs` reads it,
//! `shape.rs` refuses it by its document's shape, `execute.rs` runs it, `errors.rs` gives
//! every error its code, `state.rs` is what every handler shares, `probes.rs` the metrics
//! and readiness endpoints.

mod cors;
mod documents;
mod errors;
mod execute;
mod probes;
mod request;
mod shape;
mod state;

pub use crate::graphql::inflight::Inflight;
pub use cors::cors_layer;
pub use documents::Documents;
pub use shape::MAX_ALIASES;
pub use state::AppState;

use errors::{Refusal, error_response};
use probes::{metrics, ready};
use request::read_request;

use async_graphql::Value;
use axum::Router;
use axum::extract::ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::limit::RequestBodyLimitLayer;
use tracing::Instrument as _;

use crate::access::Principal;

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
    match execute::execute(state, peer, request, outcome).await {
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

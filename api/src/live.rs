//! Subscriptions on the wire. A WebSocket upgrade of `GET /graphql` speaks
//! graphql-transport-ws (the `graphql-ws` library's protocol; the older
//! subscriptions-transport-ws too); a `POST /graphql` that accepts `text/event-stream`
//! gets Server-Sent Events (the graphql-sse protocol's distinct-connections mode; `sse.rs`).
//!
//! Over a WebSocket the token goes in `connection_init`'s payload (`{"authorization":
//! "Bearer <token>"}`); a token that does not verify closes the socket with 4403, and the
//! socket closes with 4401 when the token expires. Over SSE the token is the request's
//! `Authorization` header and the stream completes when it expires. Only subscriptions
//! travel here: queries and mutations are answered over HTTP, with their limits.

use std::sync::{Arc, OnceLock};

use async_graphql::http::{WebSocket as GraphqlWebSocket, WebSocketProtocols, WsMessage};
use async_graphql::parser::types::OperationType;
use async_graphql::{Data, Request, Response, ServerError};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::response::Response as HttpResponse;
use futures_util::stream::BoxStream;
use futures_util::{SinkExt, StreamExt};

use crate::access::{Principal, Reader};
use crate::error::request_error;
use crate::graphql::context::RequestScope;
use crate::http::AppState;

mod sse;

pub use sse::{event_stream, wants_event_stream};

/// Most subscriptions one socket runs at once: each listens to every event and reads a
/// row per event, so one caller cannot make the service read without bound.
pub const MAX_SUBSCRIPTIONS_PER_SOCKET: usize = 20;

/// The close reason of a `connection_init` whose token does not verify.
const REFUSED: &str = "Forbidden: missing, invalid or expired token";

/// `request` ready to run as a subscription for `principal`, or why it may not: it must be
/// a subscription (a persisted one in allow-list mode) and within the cost limit.
fn prepare(
    state: &AppState,
    principal: Principal,
    mut request: Request,
    document_id: Option<&str>,
) -> Result<Request, ServerError> {
    state
        .persisted
        .resolve(&mut request, document_id)
        .map_err(|refused| refused.to_error())?;
    let operation = request.operation_name.clone();
    let variables = request.variables.clone();
    let document = request
        .parsed_query()
        .map_err(|error| request_error("GRAPHQL_PARSE_FAILED", error.to_string()))?;
    let is_subscription = document.operations.iter().any(|(name, operation_def)| {
        let chosen = match (&operation, name) {
            (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
            (None, _) => true,
            (Some(_), None) => false,
        };
        chosen && operation_def.node.ty == OperationType::Subscription
    });
    if !is_subscription {
        return Err(request_error(
            "BAD_REQUEST",
            "only subscriptions are served here; send queries and mutations as HTTP requests",
        ));
    }
    let cost = state
        .cost
        .cost_of(document, operation.as_deref(), &variables);
    if cost > state.max_cost {
        return Err(crate::graphql::cost::too_costly(cost, state.max_cost));
    }
    let (request, settings) = state.for_caller(request, &principal);
    let reader = Reader::new(state.db.clone(), state.gate.clone(), principal);
    Ok(request.data(
        RequestScope::for_subscription(reader, settings).with_events(Some(state.bus.clone())),
    ))
}

/// Runs subscriptions for one WebSocket connection, as the principal its
/// `connection_init` named.
#[derive(Clone)]
struct Subscriber {
    state: AppState,
    principal: Arc<OnceLock<Principal>>,
    /// The socket's subscriptions running now.
    running: Arc<std::sync::atomic::AtomicUsize>,
}

/// Counts one running subscription until dropped (when its stream ends or is stopped).
struct Running(Arc<std::sync::atomic::AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl async_graphql::Executor for Subscriber {
    async fn execute(&self, _request: Request) -> Response {
        Response::from_errors(vec![request_error(
            "BAD_REQUEST",
            "only subscriptions are served here",
        )])
    }

    fn execute_stream(
        &self,
        request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        use std::sync::atomic::Ordering;
        let principal = self.principal.get().cloned().unwrap_or_default();
        if self.running.fetch_add(1, Ordering::Relaxed) >= MAX_SUBSCRIPTIONS_PER_SOCKET {
            self.running.fetch_sub(1, Ordering::Relaxed);
            let error = request_error(
                "BAD_REQUEST",
                format!(
                    "at most {MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection; \
                     complete one or open another connection"
                ),
            );
            return futures_util::stream::once(async move { Response::from_errors(vec![error]) })
                .boxed();
        }
        let running = Running(self.running.clone());
        match prepare(&self.state, principal, request, None) {
            Ok(request) => self
                .state
                .schema
                .execute_stream_with_session_data(request, session_data.unwrap_or_default())
                .map(move |response| {
                    // Held as long as the stream lives.
                    let _running = &running;
                    response
                })
                .boxed(),
            Err(error) => {
                drop(running);
                futures_util::stream::once(async move { Response::from_errors(vec![error]) })
                    .boxed()
            }
        }
    }
}

/// The GraphQL subprotocol a WebSocket upgrade offers, if any.
pub fn protocol_of(headers: &axum::http::HeaderMap) -> Option<WebSocketProtocols> {
    headers
        .get(axum::http::header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|value| value.to_str().ok())
        .and_then(|offered| {
            offered
                .split(',')
                .find_map(|protocol| protocol.trim().parse::<WebSocketProtocols>().ok())
        })
}

/// Accepts a WebSocket upgrade of `/graphql`.
pub fn upgrade(
    state: AppState,
    upgrade: WebSocketUpgrade,
    protocol: WebSocketProtocols,
) -> HttpResponse {
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve_socket(state, socket, protocol))
}

/// Speaks the protocol on one socket until either side closes it or the token expires.
async fn serve_socket(state: AppState, socket: WebSocket, protocol: WebSocketProtocols) {
    let principal = Arc::new(OnceLock::new());
    let (expiry_sender, mut expiry) = tokio::sync::watch::channel::<Option<i64>>(None);
    let verifier = state.verifier.clone();
    let executor = Subscriber {
        state,
        principal: principal.clone(),
        running: Arc::default(),
    };
    let (mut sink, stream) = socket.split();
    let input = stream
        .take_while(|message| futures_util::future::ready(message.is_ok()))
        .filter_map(|message| async move {
            match message {
                Ok(Message::Text(text)) => Some(text.as_str().as_bytes().to_vec()),
                Ok(Message::Binary(bytes)) => Some(bytes.to_vec()),
                _ => None,
            }
        });
    let messages = GraphqlWebSocket::new(executor, input, protocol).on_connection_init(
        move |payload| async move {
            let token = ["authorization", "Authorization", "token"]
                .iter()
                .find_map(|key| payload.get(key).and_then(|value| value.as_str()))
                .map(|value| {
                    if value.to_ascii_lowercase().starts_with("bearer ") {
                        value.to_owned()
                    } else {
                        format!("Bearer {value}")
                    }
                });
            let verified = verifier
                .principal(token.as_deref())
                .await
                .map_err(|_| async_graphql::Error::new(REFUSED))?;
            let _ = expiry_sender.send(verified.expires_at);
            let _ = principal.set(verified);
            Ok(Data::default())
        },
    );
    // Resolves when the token verified at `connection_init` expires.
    let expired = async move {
        loop {
            let at = *expiry.borrow_and_update();
            if at.is_some() {
                return until_expiry(at).await;
            }
            if expiry.changed().await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::pin!(expired);
    tokio::pin!(messages);
    loop {
        tokio::select! {
            message = messages.next() => match message {
                Some(WsMessage::Text(text)) => {
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(WsMessage::Close(code, reason)) => {
                    // graphql-ws: a refused connection_init closes with 4403 Forbidden.
                    let code = if reason == REFUSED { 4403 } else { code };
                    close(&mut sink, code, &reason).await;
                    break;
                }
                None => break,
            },
            () = &mut expired => {
                close(&mut sink, 4401, "Unauthorized: the token expired").await;
                break;
            }
        }
    }
}

async fn close(
    sink: &mut futures_util::stream::SplitSink<WebSocket, Message>,
    code: u16,
    reason: &str,
) {
    let frame = CloseFrame {
        code,
        reason: reason.to_owned().into(),
    };
    let _ = sink.send(Message::Close(Some(frame))).await;
}

/// Resolves when a token expiring at `expires_at` (seconds since the epoch) has expired;
/// never for one without an expiry.
async fn until_expiry(expires_at: Option<i64>) {
    match expires_at {
        Some(at) => {
            let left = at - chrono::Utc::now().timestamp();
            tokio::time::sleep(std::time::Duration::from_secs(left.max(0) as u64)).await;
        }
        None => std::future::pending().await,
    }
}

//! Subscriptions over Server-Sent Events (the graphql-sse protocol's distinct-connections
//! mode): a `POST /graphql` that accepts `text/event-stream`, its token in the request's
//! `Authorization` header; the stream completes when the token expires.

use async_graphql::Request;
use axum::http::StatusCode;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response as HttpResponse};
use futures_util::StreamExt;

use super::{prepare, until_expiry};
use crate::access::Principal;
use crate::http::AppState;

/// Whether a request asks for Server-Sent Events.
pub fn wants_event_stream(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/event-stream"))
}

/// Answers a subscription over Server-Sent Events: a `next` event per result, `complete`
/// at the end (also when the token expires).
pub async fn event_stream(
    state: AppState,
    principal: Principal,
    request: Request,
    document_id: Option<&str>,
) -> HttpResponse {
    let expires_at = principal.expires_at;
    let request = match prepare(&state, principal, request, document_id) {
        Ok(request) => request,
        Err(error) => {
            let body = serde_json::json!({ "errors": [error] });
            return (
                StatusCode::BAD_REQUEST,
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                body.to_string(),
            )
                .into_response();
        }
    };
    let results = state
        .schema
        .execute_stream(request)
        .take_until(until_expiry(expires_at))
        .map(|response| {
            let data = serde_json::to_string(&response).unwrap_or_else(|error| {
                tracing::error!(%error, "could not serialize a subscription result");
                serde_json::json!({ "errors": [{ "message": "the result could not be serialized" }] })
                    .to_string()
            });
            Ok::<_, std::convert::Infallible>(SseEvent::default().event("next").data(data))
        })
        .chain(futures_util::stream::once(async {
            Ok(SseEvent::default().event("complete").data(""))
        }));
    Sse::new(results)
        .keep_alive(KeepAlive::default())
        .into_response()
}

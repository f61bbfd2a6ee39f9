//! GraphQL over HTTP: which media type an answer is written in, and how a request error is
//! told apart from an execution result.
//!
//! The client's `Accept` header decides: `application/graphql-response+json` when it is
//! acceptable at least as much as `application/json`; `application/json` when that is asked
//! for, when only `*/*` is, when nothing is, and when nothing acceptable is offered (the
//! spec lets a server disregard such an `Accept`). Under `application/graphql-response+json`
//! a request error — the document does not parse or validate, a variable does not coerce,
//! or the request is refused before execution — answers 400 and has no `data` entry. Under
//! `application/json` it answers 200, as legacy clients expect.

use async_graphql::Value;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

/// The media type of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    /// `application/json`.
    Json,
    /// `application/graphql-response+json`.
    GraphqlResponse,
}

impl Media {
    /// The `Content-Type` value.
    pub fn content_type(self) -> &'static str {
        match self {
            Media::Json => "application/json; charset=utf-8",
            Media::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
        }
    }
}

/// The media type to answer in, from the request's `Accept` header.
pub fn negotiate(headers: &HeaderMap) -> Media {
    let Some(accept) = headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
    else {
        return Media::Json;
    };
    let mut json = 0.0_f32;
    let mut graphql = 0.0_f32;
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|parameter| parameter.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0)
            .clamp(0.0, 1.0);
        match media.as_str() {
            "application/graphql-response+json" => graphql = graphql.max(quality),
            "application/json" => json = json.max(quality),
            // A wildcard accepts JSON, the type every client understands.
            "*/*" | "application/*" => json = json.max(quality),
            _ => {}
        }
    }
    if graphql > 0.0 && graphql >= json {
        Media::GraphqlResponse
    } else {
        Media::Json
    }
}

/// Whether an answer is a request error: nothing was executed (no `data`), and no error
/// belongs to a field (an execution error on a non-null root field carries its path).
pub fn is_request_error(response: &async_graphql::Response) -> bool {
    response.data == Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty())
}

/// Writes `response` in `media`: a request error under `application/graphql-response+json`
/// answers 400 without `data`. Cache and other HTTP headers the execution set are kept.
pub fn write(response: &async_graphql::Response, media: Media) -> Response {
    let request_error = media == Media::GraphqlResponse && is_request_error(response);
    let written = if request_error {
        // Small: errors only. The `data` entry goes.
        serde_json::to_value(response).map(|mut value| {
            if let Some(object) = value.as_object_mut() {
                object.remove("data");
            }
            value.to_string().into_bytes()
        })
    } else {
        // Straight to bytes: a large answer is not built twice.
        serde_json::to_vec(response)
    };
    let body = written.unwrap_or_else(|error| {
        tracing::error!(%error, "could not serialize a response");
        br#"{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}"#.to_vec()
    });
    let mut answer = Response::new(Body::from(body));
    if request_error {
        *answer.status_mut() = StatusCode::BAD_REQUEST;
    }
    answer.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    if response.is_ok()
        && let Some(cache_control) = response.cache_control.value()
        && let Ok(value) = HeaderValue::from_str(&cache_control)
    {
        answer.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    answer.headers_mut().extend(response.http_headers.clone());
    answer
}

#[cfg(test)]
mod tests;

//! Errors at the HTTP edge: refusals before GraphQL runs, a code on every GraphQL error,
//! internal errors logged once with an id, and short messages.

use async_graphql::{ServerError, Value};

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Longest error message passed to a client; parse errors can echo the query.
pub(crate) const MAX_MESSAGE_CHARS: usize = 300;

/// A request refused before execution.
pub(crate) struct Refusal {
    status: StatusCode,
    /// The `extensions.code`.
    pub(crate) code: &'static str,
    message: String,
    /// Seconds for a `Retry-After` header.
    pub(crate) retry_after: Option<u64>,
}

impl Refusal {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub(crate) fn into_response(self) -> Response {
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

/// An error outside any field, as GraphQL reports it.
pub(crate) fn server_error(error: ApiError) -> ServerError {
    let error = async_graphql::Error::from(error);
    let mut server_error = ServerError::new(error.message, None);
    server_error.extensions = error.extensions;
    server_error
}

/// Gives an error that lacks one a code (async-graphql's own parse and validation errors),
/// and caps its message.
pub(crate) fn with_code(error: &mut ServerError) {
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
pub(crate) fn log_internal(error: &ServerError, logged: &mut std::collections::HashSet<u64>) {
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
pub(crate) fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body =
        serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

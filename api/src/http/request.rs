//! Reading a GraphQL request from a POST body or a GET query string, persisted documents
//! resolved.

use super::errors::Refusal;
use super::state::AppState;
use async_graphql_axum::GraphQLRequest;

use axum::extract::{FromRequest, Request};
use axum::http::{Method, StatusCode};

/// The GraphQL request in an HTTP request, and the persisted document it names, if any
/// (`documentId`, or Relay's `doc_id`).
pub(crate) async fn read_request(
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
pub(crate) fn query_parameters(query: &str) -> Option<std::collections::HashMap<String, String>> {
    axum::extract::Query::<std::collections::HashMap<String, String>>::try_from_uri(
        &format!("/?{query}").parse().ok()?,
    )
    .ok()
    .map(|query| query.0)
}

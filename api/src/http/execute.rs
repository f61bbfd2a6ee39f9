//! Running one GraphQL request: the in-flight budget, the cost check, the execution under
//! the time limit, and the outcome the access log and the metrics record.

use std::net::SocketAddr;

use axum::extract::Request;
use axum::http::{Method, StatusCode, header};

use super::errors::{Refusal, log_internal, server_error, with_code};
use super::request::read_request;
use super::shape::refuse_by_shape;
use super::state::AppState;
use super::{Outcome, authenticate};
use crate::access::Reader;
use crate::error::ApiError;
use crate::graphql::batch::BatchQueue;
use crate::graphql::context::RequestScope;
use crate::graphql::cost::too_costly;
use crate::graphql::inflight::Spending;

/// Authenticates, checks and executes one GraphQL request, with the share of the in-flight
/// budget it holds; `Err` is a refusal before execution.
pub(super) async fn execute(
    state: &AppState,
    peer: SocketAddr,
    request: Request,
    outcome: &mut Outcome,
) -> Result<(async_graphql::Response, Option<Spending>), Refusal> {
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
    state.documents.prepare(&mut request);
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
        let spending = Spending::new(state.max_cost, cost, Some(state.inflight.clone()));
        {
            let _waiting = state.metrics.waiting();
            spending.hold(cost).await;
        }
        let reader = Reader::new(state.db.clone(), state.gate.clone(), principal);
        let batches = BatchQueue::default();
        let request = request.data(
            RequestScope::new(reader, settings, &batches)
                .with_spending(spending.clone())
                .with_write_queue(state.write_queue.clone())
                .with_events(Some(state.bus.clone())),
        );
        (
            batches.drive(state.schema.execute(request)).await,
            Some(spending),
        )
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

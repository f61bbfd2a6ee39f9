//! The operations endpoints: `/metrics` and `/readyz`.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use super::state::AppState;

/// The Prometheus text exposition of the service's metrics.
pub(super) async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
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
pub(super) async fn ready(State(state): State<AppState>) -> impl IntoResponse {
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

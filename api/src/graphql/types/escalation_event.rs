//! One step in an escalation's history.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::node_type;
use crate::graphql::enums::{EscalationLevel, EscalationStatus};

node_type!(
    /// One step in an escalation's history.
    EscalationEvent wraps escalation_event
);

#[Object]
impl EscalationEvent {
    /// The step's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// When it happened.
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// Who took the step.
    async fn actor(&self) -> &str {
        &self.0.actor
    }
    /// The level after the step.
    async fn level(&self) -> EscalationLevel {
        self.0.level.into()
    }
    /// The status after the step.
    async fn status(&self) -> EscalationStatus {
        self.0.status.into()
    }
    /// What was said.
    async fn note(&self) -> &str {
        &self.0.note
    }
}

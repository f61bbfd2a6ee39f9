//! The audit trail: one append-only event per successful change.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::node_type;
use crate::graphql::relay::encode_id;

node_type!(
    /// One change: who (with which grants), what, before and after, when.
    AuditEvent wraps audit_event
);

#[Object]
impl AuditEvent {
    /// The event's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// When the change was committed (UTC).
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
    /// Who made it: the token's subject.
    async fn subject(&self) -> &str {
        &self.0.subject
    }
    /// The grants the caller held.
    async fn grants(&self) -> Vec<&str> {
        self.0
            .grants
            .split(',')
            .filter(|grant| !grant.is_empty())
            .collect()
    }
    /// The type of the changed object, e.g. `Commitment`.
    async fn entity(&self) -> &str {
        &self.0.entity
    }
    /// The global id of the changed object.
    async fn entity_id(&self) -> ID {
        encode_id(&self.0.entity, self.0.entity_id)
    }
    /// The mutation, e.g. `respondToCommitment`.
    async fn operation(&self) -> &str {
        &self.0.operation
    }
    /// The object before the change, as JSON text; empty for a creation.
    async fn before(&self) -> Option<&str> {
        self.0.before.as_deref()
    }
    /// The object after the change, as JSON text.
    async fn after(&self) -> Option<&str> {
        self.0.after.as_deref()
    }
}

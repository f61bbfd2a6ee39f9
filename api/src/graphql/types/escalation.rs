//! Escalations (escalaties) on the ladder, with their history.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{
    Action, Cluster, Commitment, EscalationEvent, Neighbourhood, PlanRevision, Priority, node_type,
};
use crate::graphql::connection::connections;
use crate::graphql::enums::{EscalationLevel, EscalationStatus, EscalationSubject};

node_type!(
    /// An escalation (escalatie) on the ladder team, cluster, area, city.
    Escalation wraps escalation links EscalationLinks {
        /// The neighbourhood it arose in.
        neighbourhood: Neighbourhood by neighbourhood from neighbourhood_id,
        /// The cluster involved.
        cluster: Cluster by cluster from cluster_id,
        /// The commitment escalated, for an overdue or rejected request.
        commitment: Commitment by commitment from commitment_id,
        /// The disputed action, if any.
        action: Action by action from action_id,
        /// The disputed priority, if any.
        priority: Priority by priority from priority_id,
        /// For a dispute: the plan revision opened to settle it.
        settled_by_revision: PlanRevision by plan_revision from settled_by_revision_id,
    }
);

#[Object]
impl Escalation {
    /// The escalation's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// What the escalation is about.
    async fn subject(&self) -> EscalationSubject {
        self.0.subject.into()
    }
    /// Why it was raised.
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    /// The current rung of the ladder.
    async fn level(&self) -> EscalationLevel {
        self.0.level.into()
    }
    /// The role grant that owns the current level, e.g. `area_director:WK059910`.
    async fn owner(&self) -> &str {
        &self.0.owner
    }
    /// Open, resolved or withdrawn.
    async fn status(&self) -> EscalationStatus {
        self.0.status.into()
    }
    /// How it was resolved.
    async fn resolution(&self) -> Option<&str> {
        self.0.resolution.as_deref()
    }
    /// Who raised it.
    async fn raised_by(&self) -> &str {
        &self.0.raised_by
    }
    /// When it was raised.
    async fn raised_at(&self) -> DateTime<Utc> {
        self.0.raised_at
    }
    /// When it was resolved or withdrawn.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> EscalationLinks {
        EscalationLinks::of(&self.0)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> EscalationConnections {
        EscalationConnections(self.0.id)
    }
}

connections! {
    EscalationConnections of Escalation {
        /// Every step, oldest first.
        history: EscalationEvent by escalation_event::EscalationId,
    }
}

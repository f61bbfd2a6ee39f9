//! What a plan's consultation and adoption leave on record: the clusters' positions on
//! the actions they are asked to lead, and the gaps the area director accepted.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Action, Cluster, Plan, node_type};
use crate::graphql::enums::ClusterPosition;

node_type!(
    /// A cluster's position on an action it is asked to lead, given during consultation.
    /// Positions are history: a later one never overwrites an earlier one.
    ActionPosition wraps action_position links ActionPositionLinks {
        /// The action.
        action: Action by action from action_id,
        /// The cluster whose position it is.
        cluster: Cluster by cluster from cluster_id,
    }
);
node_type!(
    /// A gap in a plan's support that the area director accepted at adoption, with the
    /// reason: fewer or more than five priorities, an action without its lead cluster's
    /// position, or an action its lead cluster objects to.
    AdoptionWaiver wraps adoption_waiver links AdoptionWaiverLinks {
        /// The plan adopted.
        plan: Plan by plan from plan_id,
    }
);

#[Object]
impl ActionPosition {
    /// The position's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Support, support with a reservation, or objection.
    async fn position(&self) -> ClusterPosition {
        self.0.position.into()
    }
    /// Why (required unless the position is plain support).
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// Who gave it (the token's subject).
    async fn taken_by(&self) -> &str {
        &self.0.taken_by
    }
    /// When it was given.
    async fn taken_at(&self) -> DateTime<Utc> {
        self.0.taken_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ActionPositionLinks {
        ActionPositionLinks::of(&self.0)
    }
}

#[Object]
impl AdoptionWaiver {
    /// The waiver's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// The item with the gap: the plan or one of its actions.
    async fn item_id(&self) -> ID {
        ID(self.0.item_id.clone())
    }
    /// The gap accepted: `fivePriorities`, `leadClusterPosition` or `objection`.
    async fn gap(&self) -> &str {
        &self.0.gap
    }
    /// Why the area director adopted the plan with it.
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    /// Who accepted it (the token's subject).
    async fn waived_by(&self) -> &str {
        &self.0.waived_by
    }
    /// When.
    async fn waived_at(&self) -> DateTime<Utc> {
        self.0.waived_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> AdoptionWaiverLinks {
        AdoptionWaiverLinks::of(&self.0)
    }
}

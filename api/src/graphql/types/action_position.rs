//! A cluster's position on an action it is asked to lead, kept as history.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Action, Cluster, node_type};
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

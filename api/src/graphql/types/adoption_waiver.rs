//! A gap in a plan's support the area director accepted at adoption.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Plan, node_type};

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

//! Residents' input (inbreng), traceable to where it landed or why it did not.

use async_graphql::{ID, Object};
use chrono::NaiveDate;

use super::{Action, Neighbourhood, Priority, node_type};
use crate::graphql::enums::{ResidentInputOutcome, ResidentInputSource};

node_type!(
    /// Residents' input from a panel, survey, wijktafel, poll or meeting.
    ResidentInput wraps resident_input links ResidentInputLinks {
        /// The neighbourhood it concerns.
        neighbourhood: Neighbourhood by neighbourhood from neighbourhood_id,
        /// The priority where it landed.
        priority: Priority by priority from priority_id,
        /// The action where it landed.
        action: Action by action from action_id,
    }
);

#[Object]
impl ResidentInput {
    /// The input's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Where it came from.
    async fn source(&self) -> ResidentInputSource {
        self.0.source.into()
    }
    /// When it was received.
    async fn received_on(&self) -> NaiveDate {
        self.0.received_on
    }
    /// What residents said, summarised.
    async fn summary(&self) -> &str {
        &self.0.summary
    }
    /// Pending, incorporated or not incorporated.
    async fn outcome(&self) -> ResidentInputOutcome {
        self.0.outcome.into()
    }
    /// Why it was not incorporated.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ResidentInputLinks {
        ResidentInputLinks::of(&self.0)
    }
}

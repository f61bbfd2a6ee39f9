//! Residents' input (inbreng), traceable to where it landed or why it did not.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};

use super::{Action, InputLanding, Neighbourhood, Priority, node_type};
use crate::graphql::connection::connections;
use crate::graphql::enums::{ResidentInputOutcome, ResidentInputSource};

node_type!(
    /// Residents' input from a panel, survey, wijktafel, poll or meeting.
    ResidentInput wraps resident_input links ResidentInputLinks {
        /// The neighbourhood it concerns.
        neighbourhood: Neighbourhood by neighbourhood from neighbourhood_id,
        /// The first place it still lands: a priority (all of them: `landings`).
        priority: Priority by priority from priority_id,
        /// The first place it still lands, when that is an action.
        action: Action by action from action_id,
    }
);

#[Object]
impl ResidentInput {
    /// The input's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// The short public reference residents keep and look it up by, e.g. `RI-2016-0042`.
    async fn reference(&self) -> Option<&str> {
        self.0.reference.as_deref()
    }
    /// Where it came from.
    async fn source(&self) -> ResidentInputSource {
        self.0.source.into()
    }
    /// When it was received.
    async fn received_on(&self) -> NaiveDate {
        self.0.received_on.into()
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
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> ResidentInputConnections {
        ResidentInputConnections(self.0.id)
    }
}

connections! {
    ResidentInputConnections of ResidentInput {
        /// Every place the input landed, oldest first, ended ones included.
        landings: InputLanding by input_landing::ResidentInputId,
    }
}

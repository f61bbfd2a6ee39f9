//! Residents' input (inbreng), traceable to where it landed or why it did not.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use entity::*;

use super::{Action, Neighbourhood, Priority, node_type};
use crate::graphql::context::one;
use crate::graphql::enums::{ResidentInputOutcome, ResidentInputSource};

node_type!(
    /// Residents' input from a panel, survey, wijktafel, poll or meeting.
    ResidentInput wraps resident_input
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
    /// The neighbourhood it concerns.
    async fn neighbourhood(&self, ctx: &Context<'_>) -> Result<Option<Neighbourhood>> {
        one::<neighbourhood::Entity, _>(ctx, Some(self.0.neighbourhood_id)).await
    }
    /// The priority where it landed.
    async fn priority(&self, ctx: &Context<'_>) -> Result<Option<Priority>> {
        one::<priority::Entity, _>(ctx, self.0.priority_id).await
    }
    /// The action where it landed.
    async fn action(&self, ctx: &Context<'_>) -> Result<Option<Action>> {
        one::<action::Entity, _>(ctx, self.0.action_id).await
    }
}

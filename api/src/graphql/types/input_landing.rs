//! Where residents' input landed: a priority or an action, dated, ended when it was dropped.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Action, Priority, ResidentInput, node_type};

node_type!(
    /// One place residents' input landed, dated; ended (never deleted) when what it landed
    /// in was dropped.
    InputLanding wraps input_landing links InputLandingLinks {
        /// The input.
        resident_input: ResidentInput by resident_input from resident_input_id,
        /// The priority it landed in (of a neighbourhood or area plan).
        priority: Priority by priority from priority_id,
        /// The action it landed in, if it landed in an action.
        action: Action by action from action_id,
    }
);

#[Object]
impl InputLanding {
    /// The landing's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// When it was linked.
    async fn linked_at(&self) -> DateTime<Utc> {
        self.0.linked_at
    }
    /// When it ended, if what it landed in was dropped.
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
    /// Why it ended.
    async fn end_reason(&self) -> Option<&str> {
        self.0.end_reason.as_deref()
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> InputLandingLinks {
        InputLandingLinks::of(&self.0)
    }
}

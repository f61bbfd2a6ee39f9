//! Progress reports on an action.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Action, node_type};
use crate::graphql::enums::{ActionStatus, TrafficLight};

node_type!(
    /// One progress report (voortgangsrapportage) on an action.
    ProgressUpdate wraps progress_update links ProgressUpdateLinks {
        /// The action reported on.
        action: Action by action from action_id,
    }
);

#[Object]
impl ProgressUpdate {
    /// The report's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// When it was reported.
    async fn reported_at(&self) -> DateTime<Utc> {
        self.0.reported_at
    }
    /// Who reported it.
    async fn reported_by(&self) -> &str {
        &self.0.reported_by
    }
    /// Progress in percent at the time.
    async fn percent(&self) -> i32 {
        self.0.percent
    }
    /// Status at the time.
    async fn status(&self) -> ActionStatus {
        self.0.status.into()
    }
    /// Traffic light at the time.
    async fn traffic_light(&self) -> TrafficLight {
        self.0.traffic_light.into()
    }
    /// The report's text.
    async fn note(&self) -> &str {
        &self.0.note
    }
    /// Whether residents may read it.
    async fn public(&self) -> bool {
        self.0.public
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ProgressUpdateLinks {
        ProgressUpdateLinks::of(&self.0)
    }
}

//! The area committee's advice on a plan and the area director's response.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Plan, node_type};
use crate::graphql::enums::AdviceResponse;

node_type!(
    /// The area committee's advice on a plan (asked for or unsolicited) and the area
    /// director's response. Committee members read it for their area, the public for
    /// adopted plans.
    CommitteeAdvice wraps committee_advice links CommitteeAdviceLinks {
        /// The plan advised on.
        plan: Plan by plan from plan_id,
    }
);

#[Object]
impl CommitteeAdvice {
    /// The advice's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Whether the advice was asked for (false: given unsolicited).
    async fn requested(&self) -> bool {
        self.0.requested
    }
    /// When it was received.
    async fn received_on(&self) -> NaiveDate {
        self.0.received_on.into()
    }
    /// What the committee advises.
    async fn advice(&self) -> &str {
        &self.0.advice
    }
    /// The area director's response; empty until given.
    async fn response(&self) -> Option<AdviceResponse> {
        self.0.response.map(Into::into)
    }
    /// Why the advice was not (fully) followed.
    async fn response_reason(&self) -> Option<&str> {
        self.0.response_reason.as_deref()
    }
    /// When the response was given.
    async fn responded_at(&self) -> Option<DateTime<Utc>> {
        self.0.responded_at
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> CommitteeAdviceLinks {
        CommitteeAdviceLinks::of(&self.0)
    }
}

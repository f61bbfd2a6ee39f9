//! The area committee's advice on plans, and the area director's response.

use crate::graphql::scalars::NaiveDate;
use crate::value::{Long, Reason};
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::domain::advice::{self, NewAdvice};
use crate::graphql::enums::AdviceResponse;
use crate::graphql::relay::id_of;
use crate::graphql::types::{CommitteeAdvice, Plan};

/// Record the area committee's advice on a plan.
#[derive(InputObject, Debug)]
pub struct RecordCommitteeAdviceInput {
    /// The plan advised on.
    pub plan_id: ID,
    /// Whether the advice was asked for (false: given unsolicited).
    pub requested: bool,
    /// When it was received.
    pub received_on: NaiveDate,
    /// What the committee advises.
    pub advice: String,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// The area director's response to advice.
#[derive(InputObject, Debug)]
pub struct RespondToCommitteeAdviceInput {
    /// The advice.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Followed, partly followed or not followed.
    pub response: AdviceResponse,
    /// Why; required unless the advice was followed.
    pub reason: Option<String>,
}

/// The advice after the change.
#[derive(SimpleObject)]
pub struct CommitteeAdvicePayload {
    /// The advice.
    pub advice: CommitteeAdvice,
}

/// Advice mutations.
#[derive(Default)]
pub struct AdviceMutation;

#[Object]
impl AdviceMutation {
    /// Record the area committee's advice on a plan (a committee member of its area, or
    /// the area director).
    async fn record_committee_advice(
        &self,
        ctx: &Context<'_>,
        input: RecordCommitteeAdviceInput,
    ) -> Result<CommitteeAdvicePayload> {
        let once = super::Once::of(&input)?;
        let plan_id = id_of(Plan::TYPE_NAME, "input.planId", &input.plan_id)?;
        let new = NewAdvice {
            plan_id,
            requested: input.requested,
            received_on: input.received_on.0,
            advice: super::at("input.advice", Long::parse(&input.advice))?,
        };
        let advice = super::create_once!(
            ctx,
            once,
            "recordCommitteeAdvice",
            entity::committee_advice::Entity,
            |change| advice::record(change, new)
        );
        Ok(CommitteeAdvicePayload {
            advice: advice.into(),
        })
    }

    /// The area director responds to the committee's advice, once: followed, partly or
    /// not (with the reason). A neighbourhood action plan is not adopted while advice on
    /// it is unanswered.
    async fn respond_to_committee_advice(
        &self,
        ctx: &Context<'_>,
        input: RespondToCommitteeAdviceInput,
    ) -> Result<CommitteeAdvicePayload> {
        let id = id_of(CommitteeAdvice::TYPE_NAME, "input.id", &input.id)?;
        let reason = super::at(
            "input.reason",
            Reason::parse_optional(input.reason.as_deref()),
        )?;
        let advice = super::transact!(ctx, |change| advice::respond(
            change,
            id,
            input.expected_version,
            input.response.into(),
            reason,
        ));
        Ok(CommitteeAdvicePayload {
            advice: advice.into(),
        })
    }
}

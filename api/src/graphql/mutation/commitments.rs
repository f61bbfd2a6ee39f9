//! Commitment mutations: request, respond, deliver, withdraw.

use crate::graphql::scalars::Decimal;
use crate::value::{Cents, Hours, Reason};
use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use crate::domain::commitment::{self, Answer, NewRequest, Pledge};
use crate::error::ApiError;
use crate::graphql::enums::CommitmentKind;
use crate::graphql::relay::id_of;
use crate::graphql::types::{Action, BudgetLine, Cluster, Commitment};

/// Ask a cluster for a commitment to an action.
#[derive(InputObject, Debug)]
pub struct RequestCommitmentInput {
    /// The action.
    pub action_id: ID,
    /// The cluster asked.
    pub cluster_id: ID,
    /// Continuation of existing effort or new effort.
    #[graphql(default_with = "CommitmentKind::Continuation")]
    pub kind: CommitmentKind,
    /// When the answer is due; by default 24 hours from now (the mandate).
    pub response_deadline: Option<DateTime<Utc>>,
    /// The question, in the requester's own words (at most 2,000 characters).
    pub question: Option<String>,
    /// The staff hours asked (exact decimal, not negative).
    pub hours_asked: Option<Decimal>,
    /// The money asked in euros (exact decimal, not negative).
    pub amount_asked: Option<Decimal>,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// A cluster's answer to a request.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CommitmentAnswer {
    /// Commit hours and money from a budget line (toezeggen).
    Accept,
    /// Commit with a reservation (voorbehoud); a reason is required.
    AcceptWithReservation,
    /// Refuse; a reason is required.
    Reject,
}

/// Answer a request: only the requested cluster may.
#[derive(InputObject, Debug)]
pub struct RespondToCommitmentInput {
    /// The commitment.
    pub id: ID,
    /// The version you saw; a stale one answers CONFLICT.
    pub expected_version: i32,
    /// The answer.
    pub answer: CommitmentAnswer,
    /// Staff hours committed (for an acceptance).
    pub hours: Option<Decimal>,
    /// Euros committed (for an acceptance).
    pub amount: Option<Decimal>,
    /// The cluster's budget line that pays (for an acceptance).
    pub budget_line_id: Option<ID>,
    /// Why (for a reservation or a rejection).
    pub reason: Option<String>,
}

/// Deliver a commitment.
#[derive(InputObject, Debug)]
pub struct DeliverCommitmentInput {
    /// The commitment.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
}

/// Withdraw a commitment.
#[derive(InputObject, Debug)]
pub struct WithdrawCommitmentInput {
    /// The commitment.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Why.
    pub reason: String,
}

/// The commitment after the change.
#[derive(SimpleObject)]
pub struct CommitmentPayload {
    /// The commitment.
    pub commitment: Commitment,
}

fn answer_of(input: &RespondToCommitmentInput) -> crate::error::ApiResult<Answer> {
    let reason = || {
        let reason = input
            .reason
            .as_deref()
            .ok_or_else(|| ApiError::bad_input("input.reason", "is required for this answer"))?;
        super::at("input.reason", Reason::parse(reason))
    };
    let pledge = || -> crate::error::ApiResult<Pledge> {
        let hours = input
            .hours
            .ok_or_else(|| ApiError::bad_input("input.hours", "is required to accept"))?;
        let amount = input
            .amount
            .ok_or_else(|| ApiError::bad_input("input.amount", "is required to accept"))?;
        let line = input
            .budget_line_id
            .as_ref()
            .ok_or_else(|| ApiError::bad_input("input.budgetLineId", "is required to accept"))?;
        Ok(Pledge {
            hours: super::at("input.hours", Hours::parse(hours.0))?,
            amount: super::at("input.amount", Cents::parse_unsigned(amount.0))?,
            budget_line_id: id_of(BudgetLine::TYPE_NAME, "input.budgetLineId", line)?,
        })
    };
    Ok(match input.answer {
        CommitmentAnswer::Accept => Answer::Accept(pledge()?),
        CommitmentAnswer::AcceptWithReservation => {
            Answer::AcceptWithReservation(pledge()?, reason()?)
        }
        CommitmentAnswer::Reject => {
            if input.hours.is_some() || input.amount.is_some() || input.budget_line_id.is_some() {
                return Err(ApiError::bad_input(
                    "input.answer",
                    "a rejection commits no hours, money or budget line",
                ));
            }
            Answer::Reject(reason()?)
        }
    })
}

/// Commitment mutations.
#[derive(Default)]
pub struct CommitmentMutation;

#[Object]
impl CommitmentMutation {
    /// Ask a cluster for a commitment, with the question and the hours and money asked: the
    /// neighbourhood manager or area director asks any cluster, a cluster's member in the
    /// team asks their own cluster. The cluster must answer within 24 hours unless another
    /// deadline is given.
    async fn request_commitment(
        &self,
        ctx: &Context<'_>,
        input: RequestCommitmentInput,
    ) -> Result<CommitmentPayload> {
        let once = super::Once::of(&input)?;
        let request = NewRequest {
            action_id: id_of(Action::TYPE_NAME, "input.actionId", &input.action_id)?,
            cluster_id: id_of(Cluster::TYPE_NAME, "input.clusterId", &input.cluster_id)?,
            kind: input.kind.into(),
            response_deadline: input.response_deadline,
            default_response_hours: crate::graphql::context::scope(ctx)?.settings.response_hours,
            question: super::at(
                "input.question",
                Reason::parse_optional(input.question.as_deref()),
            )?,
            hours_asked: super::at(
                "input.hoursAsked",
                input
                    .hours_asked
                    .map(|hours| Hours::parse(hours.0))
                    .transpose(),
            )?,
            amount_asked: super::at(
                "input.amountAsked",
                input
                    .amount_asked
                    .map(|amount| Cents::parse_unsigned(amount.0))
                    .transpose(),
            )?,
        };
        let row = super::create_once!(
            ctx,
            once,
            "requestCommitment",
            entity::commitment::Entity,
            |change| commitment::request(change, request)
        );
        Ok(CommitmentPayload {
            commitment: row.into(),
        })
    }

    /// Answer a request for the requested cluster: accept, accept with a reservation, or
    /// reject. Any other status answers `INVALID_TRANSITION`.
    async fn respond_to_commitment(
        &self,
        ctx: &Context<'_>,
        input: RespondToCommitmentInput,
    ) -> Result<CommitmentPayload> {
        let id = id_of(Commitment::TYPE_NAME, "input.id", &input.id)?;
        let answer = answer_of(&input)?;
        let row = super::transact!(ctx, |change| commitment::respond(
            change,
            id,
            input.expected_version,
            answer
        ));
        Ok(CommitmentPayload {
            commitment: row.into(),
        })
    }

    /// Mark an accepted commitment delivered.
    async fn deliver_commitment(
        &self,
        ctx: &Context<'_>,
        input: DeliverCommitmentInput,
    ) -> Result<CommitmentPayload> {
        let id = id_of(Commitment::TYPE_NAME, "input.id", &input.id)?;
        let row = super::transact!(ctx, |change| commitment::deliver(
            change,
            id,
            input.expected_version
        ));
        Ok(CommitmentPayload {
            commitment: row.into(),
        })
    }

    /// Withdraw a commitment, with a reason: the requested cluster its request or acceptance;
    /// the requester's side (whoever may ask for the action) a request still unanswered.
    async fn withdraw_commitment(
        &self,
        ctx: &Context<'_>,
        input: WithdrawCommitmentInput,
    ) -> Result<CommitmentPayload> {
        let id = id_of(Commitment::TYPE_NAME, "input.id", &input.id)?;
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let row = super::transact!(ctx, |change| commitment::withdraw(
            change,
            id,
            input.expected_version,
            reason
        ));
        Ok(CommitmentPayload {
            commitment: row.into(),
        })
    }
}

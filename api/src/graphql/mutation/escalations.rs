//! Escalation mutations: raise, escalate further, resolve, withdraw.

use crate::value::Reason;
use async_graphql::{Context, ID, InputObject, Object, OneofObject, Result, SimpleObject};

use crate::domain::escalation::{self, Subject};
use crate::error::ApiError;
use crate::graphql::relay::id_of;
use crate::graphql::types::{Action, Commitment, Escalation, Priority};

/// What to escalate: exactly one.
#[derive(OneofObject, Debug)]
pub enum EscalationSubjectInput {
    /// A request unanswered past its deadline.
    OverdueCommitment(ID),
    /// A rejected commitment.
    RejectedCommitment(ID),
    /// An action of an adopted plan that a cluster disputes.
    DisputedAction(ID),
    /// A priority of an adopted plan that a cluster disputes.
    DisputedPriority(ID),
}

/// Raise an escalation; it starts at team level with the neighbourhood manager.
#[derive(InputObject, Debug)]
pub struct RaiseEscalationInput {
    /// What it is about.
    pub subject: EscalationSubjectInput,
    /// Why.
    pub reason: String,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// A step by the escalation's current owner.
#[derive(InputObject, Debug)]
pub struct EscalationStepInput {
    /// The escalation.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// What was decided or said (the resolution, the reason, or a note).
    pub note: String,
    /// Resolving an overdue request that is still unanswered: the note is the decision
    /// taken at this level, and it closes the request (withdrawn, with the decision as its
    /// reason). Without it such a resolution is refused.
    #[graphql(default)]
    pub decided: bool,
    /// Resolving an overdue request that is still unanswered because the action it asks
    /// for has changed since the escalation was raised (edited or dropped, e.g. in a
    /// revision of its plan): the request is withdrawn with the note as its reason.
    /// Refused when the action has not changed.
    #[graphql(default)]
    pub action_changed: bool,
}

/// The escalation after the change.
#[derive(SimpleObject)]
pub struct EscalationPayload {
    /// The escalation.
    pub escalation: Escalation,
}

/// Escalation mutations.
#[derive(Default)]
pub struct EscalationMutation;

#[Object]
impl EscalationMutation {
    /// Raise an escalation on an overdue request, a rejection or a disputed plan item.
    async fn raise_escalation(
        &self,
        ctx: &Context<'_>,
        input: RaiseEscalationInput,
    ) -> Result<EscalationPayload> {
        let once = super::Once::of(&input)?;
        let field = "input.subject";
        let subject = match &input.subject {
            EscalationSubjectInput::OverdueCommitment(id) => {
                Subject::OverdueRequest(id_of(Commitment::TYPE_NAME, field, id)?)
            }
            EscalationSubjectInput::RejectedCommitment(id) => {
                Subject::RejectedCommitment(id_of(Commitment::TYPE_NAME, field, id)?)
            }
            EscalationSubjectInput::DisputedAction(id) => {
                Subject::DisputedAction(id_of(Action::TYPE_NAME, field, id)?)
            }
            EscalationSubjectInput::DisputedPriority(id) => {
                Subject::DisputedPriority(id_of(Priority::TYPE_NAME, field, id)?)
            }
        };
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let row = super::create_once!(
            ctx,
            once,
            "raiseEscalation",
            entity::escalation::Entity,
            |change| escalation::raise(change, subject, reason)
        );
        Ok(EscalationPayload {
            escalation: row.into(),
        })
    }

    /// Move an escalation up the ladder (team → cluster → area → city): its owner; the owner
    /// of the level above once the owner has not acted for the configured working days
    /// (pulling it up); or the area director of its area at any time below the area level
    /// (taking it over).
    async fn escalate_further(
        &self,
        ctx: &Context<'_>,
        input: EscalationStepInput,
    ) -> Result<EscalationPayload> {
        let id = id_of(Escalation::TYPE_NAME, "input.id", &input.id)?;
        let working_days = crate::graphql::context::scope(ctx)?
            .settings
            .escalation_working_days;
        let note = super::at("input.note", Reason::parse(&input.note))?;
        let row = super::transact!(ctx, |change| escalation::escalate_further(
            change,
            id,
            input.expected_version,
            note,
            working_days,
        ));
        Ok(EscalationPayload {
            escalation: row.into(),
        })
    }

    /// Resolve an escalation at its current level: its owner only; the note is the resolution.
    async fn resolve_escalation(
        &self,
        ctx: &Context<'_>,
        input: EscalationStepInput,
    ) -> Result<EscalationPayload> {
        let id = id_of(Escalation::TYPE_NAME, "input.id", &input.id)?;
        let outcome = match (input.decided, input.action_changed) {
            (true, true) => {
                return Err(ApiError::bad_input(
                    "input.actionChanged",
                    "give either decided or actionChanged, not both: a resolution settles the \
                     request one way",
                )
                .into());
            }
            (true, false) => escalation::Outcome::Decided,
            (false, true) => escalation::Outcome::ActionChanged,
            (false, false) => escalation::Outcome::Settled,
        };
        let note = super::at("input.note", Reason::parse(&input.note))?;
        let row = super::transact!(ctx, |change| escalation::resolve(
            change,
            id,
            input.expected_version,
            note,
            outcome
        ));
        Ok(EscalationPayload {
            escalation: row.into(),
        })
    }

    /// Withdraw an escalation: whoever raised it, or its owner; the note is the reason.
    async fn withdraw_escalation(
        &self,
        ctx: &Context<'_>,
        input: EscalationStepInput,
    ) -> Result<EscalationPayload> {
        let id = id_of(Escalation::TYPE_NAME, "input.id", &input.id)?;
        let note = super::at("input.note", Reason::parse(&input.note))?;
        let row = super::transact!(ctx, |change| escalation::withdraw(
            change,
            id,
            input.expected_version,
            note
        ));
        Ok(EscalationPayload {
            escalation: row.into(),
        })
    }
}

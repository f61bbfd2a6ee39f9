//! Action mutations: add a SMART action, a cluster's proposal and position during
//! consultation, drop and edit.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use super::optional_id;
use crate::domain::action::{self, ActionFields};
use crate::error::ApiResult;
use crate::graphql::enums::ClusterPosition;
use crate::graphql::relay::id_of;
use crate::graphql::scalars::NaiveDate;
use crate::graphql::types::{Action, ActionPosition, Cluster, Priority};
use crate::value::{Line, Reason, Target};

/// Add a SMART action to a priority.
#[derive(InputObject, Debug)]
pub struct AddActionInput {
    /// The priority.
    pub priority_id: ID,
    /// What exactly will be done.
    pub description: String,
    /// The cluster that leads.
    pub lead_cluster_id: Option<ID>,
    /// Who is responsible.
    pub responsible_person: Option<String>,
    /// The measurable target.
    pub measurable_target: Option<String>,
    /// The deadline.
    pub deadline: Option<NaiveDate>,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// A cluster proposes a measure during consultation, for itself to lead.
#[derive(InputObject, Debug)]
pub struct ProposeActionInput {
    /// The priority of a plan in consultation.
    pub priority_id: ID,
    /// The proposing cluster (one of your own); it leads the measure.
    pub cluster_id: ID,
    /// What exactly will be done.
    pub description: String,
    /// Who is responsible.
    pub responsible_person: Option<String>,
    /// The measurable target.
    pub measurable_target: Option<String>,
    /// The deadline.
    pub deadline: Option<NaiveDate>,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// The lead cluster's position on an action of a plan in consultation.
#[derive(InputObject, Debug)]
pub struct TakePositionInput {
    /// The action your cluster is asked to lead.
    pub action_id: ID,
    /// Support, support with a reservation, or objection.
    pub position: ClusterPosition,
    /// Why; required with a reservation or an objection.
    pub reason: Option<String>,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// Drop an action from a plan that is not yet adopted, with the reason.
#[derive(InputObject, Debug)]
pub struct DropActionInput {
    /// The action.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Why.
    pub reason: String,
}

/// Change an action's SMART fields; absent fields stay as they are.
#[derive(InputObject, Debug)]
pub struct UpdateActionInput {
    /// The action.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// What exactly will be done.
    pub description: Option<String>,
    /// The cluster that leads.
    pub lead_cluster_id: Option<ID>,
    /// Who is responsible.
    pub responsible_person: Option<String>,
    /// The measurable target.
    pub measurable_target: Option<String>,
    /// The deadline.
    pub deadline: Option<NaiveDate>,
}

/// An action's SMART fields from their input values, each checked and named at its
/// field; the lead cluster is parsed by the caller (its field differs).
pub(super) fn action_fields(
    description: Option<&str>,
    lead_cluster_id: Option<i32>,
    responsible_person: Option<&str>,
    measurable_target: Option<&str>,
    deadline: Option<NaiveDate>,
) -> ApiResult<ActionFields> {
    Ok(ActionFields {
        description: super::at("input.description", Reason::parse_optional(description))?,
        lead_cluster_id,
        responsible_person: super::at(
            "input.responsiblePerson",
            Line::parse_optional(responsible_person),
        )?,
        measurable_target: super::at(
            "input.measurableTarget",
            Target::parse_optional(measurable_target),
        )?,
        deadline: deadline.map(|date| date.0),
    })
}
/// The action after the change.
#[derive(SimpleObject)]
pub struct ActionPayload {
    /// The action.
    pub action: Action,
}

/// The position taken.
#[derive(SimpleObject)]
pub struct TakePositionPayload {
    /// The new position, now the last of the action's history.
    pub position: ActionPosition,
}

/// Action mutations.
#[derive(Default)]
pub struct ActionMutation;

#[Object]
impl ActionMutation {
    /// Add a SMART action to a priority.
    async fn add_action(&self, ctx: &Context<'_>, input: AddActionInput) -> Result<ActionPayload> {
        let once = super::Once::of(&input)?;
        let priority_id = id_of(Priority::TYPE_NAME, "input.priorityId", &input.priority_id)?;
        let fields = action_fields(
            Some(input.description.as_str()),
            optional_id(
                Cluster::TYPE_NAME,
                "input.leadClusterId",
                input.lead_cluster_id.as_ref(),
            )?,
            input.responsible_person.as_deref(),
            input.measurable_target.as_deref(),
            input.deadline,
        )?;
        let action =
            super::create_once!(ctx, once, "addAction", entity::action::Entity, |change| {
                action::add_action(change, priority_id, fields)
            });
        Ok(ActionPayload {
            action: action.into(),
        })
    }

    /// During consultation, a cluster proposes a measure for itself to lead (a member or
    /// manager of that cluster); the action is marked as proposed by it.
    async fn propose_action(
        &self,
        ctx: &Context<'_>,
        input: ProposeActionInput,
    ) -> Result<ActionPayload> {
        let once = super::Once::of(&input)?;
        let priority_id = id_of(Priority::TYPE_NAME, "input.priorityId", &input.priority_id)?;
        let fields = action_fields(
            Some(input.description.as_str()),
            Some(id_of(
                Cluster::TYPE_NAME,
                "input.clusterId",
                &input.cluster_id,
            )?),
            input.responsible_person.as_deref(),
            input.measurable_target.as_deref(),
            input.deadline,
        )?;
        let action = super::create_once!(
            ctx,
            once,
            "proposeAction",
            entity::action::Entity,
            |change| action::propose_action(change, priority_id, fields)
        );
        Ok(ActionPayload {
            action: action.into(),
        })
    }

    /// During consultation, the lead cluster (a member or manager) gives its position on
    /// an action it is asked to lead. Positions are history: a new one is added, never
    /// overwriting; the latest is the action's `leadClusterPosition`.
    async fn take_position(
        &self,
        ctx: &Context<'_>,
        input: TakePositionInput,
    ) -> Result<TakePositionPayload> {
        let once = super::Once::of(&input)?;
        let action_id = id_of(Action::TYPE_NAME, "input.actionId", &input.action_id)?;
        let position = action::NewPosition {
            action_id,
            position: input.position.into(),
            reason: super::at(
                "input.reason",
                Reason::parse_optional(input.reason.as_deref()),
            )?,
        };
        let position = super::create_once!(
            ctx,
            once,
            "takePosition",
            entity::action_position::Entity,
            |change| action::take_position(change, position)
        );
        Ok(TakePositionPayload {
            position: position.into(),
        })
    }

    /// Drop an action from a plan that is not yet adopted (who may edit the plan): it
    /// keeps its history and positions, takes no more work, and the commitments still open
    /// on it are withdrawn.
    async fn drop_action(
        &self,
        ctx: &Context<'_>,
        input: DropActionInput,
    ) -> Result<ActionPayload> {
        let id = id_of(Action::TYPE_NAME, "input.id", &input.id)?;
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let action = super::transact!(ctx, |change| action::drop_action(
            change,
            id,
            input.expected_version,
            reason
        ));
        Ok(ActionPayload {
            action: action.into(),
        })
    }

    /// Change an action's SMART fields before its plan is adopted.
    async fn update_action(
        &self,
        ctx: &Context<'_>,
        input: UpdateActionInput,
    ) -> Result<ActionPayload> {
        let id = id_of(Action::TYPE_NAME, "input.id", &input.id)?;
        let fields = action_fields(
            input.description.as_deref(),
            optional_id(
                Cluster::TYPE_NAME,
                "input.leadClusterId",
                input.lead_cluster_id.as_ref(),
            )?,
            input.responsible_person.as_deref(),
            input.measurable_target.as_deref(),
            input.deadline,
        )?;
        let action = super::transact!(ctx, |change| action::update_action(
            change,
            id,
            input.expected_version,
            fields
        ));
        Ok(ActionPayload {
            action: action.into(),
        })
    }
}

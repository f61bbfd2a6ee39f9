//! Plan mutations: draft, edit, submit, adopt; priorities and actions.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::domain::action::{self, ActionFields};
use crate::domain::plan::{self, NewPlan};
use crate::domain::priority::{self, NewPriority};
use crate::error::ApiResult;
use crate::graphql::enums::{CityAlignment, ClusterPosition};
use crate::graphql::relay::id_of;
use crate::graphql::types::{Action, ActionPosition, Cluster, Neighbourhood, Plan, Priority};
use crate::value::{Line, Long, Rank, Reason, Target, Title, Year};

/// Draft a neighbourhood action plan.
#[derive(InputObject, Debug)]
pub struct CreatePlanInput {
    /// The neighbourhood.
    pub neighbourhood_id: ID,
    /// The year the plan covers.
    pub year: i32,
    /// Title; by default "Wijkactieplan <neighbourhood> <year>".
    pub title: Option<String>,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// Retitle a plan.
#[derive(InputObject, Debug)]
pub struct UpdatePlanInput {
    /// The plan.
    pub id: ID,
    /// The version you saw; a stale one answers CONFLICT.
    pub expected_version: i32,
    /// The new title.
    pub title: String,
}

/// Move a plan one step (submit, adopt).
#[derive(InputObject, Debug)]
pub struct PlanStepInput {
    /// The plan.
    pub id: ID,
    /// The version you saw; a stale one answers CONFLICT.
    pub expected_version: i32,
}

/// Adopt a plan, accepting gaps in its support with a reason each.
#[derive(InputObject, Debug)]
pub struct AdoptPlanInput {
    /// The plan.
    pub id: ID,
    /// The version you saw; a stale one answers CONFLICT.
    pub expected_version: i32,
    /// Gaps in support the area director accepts, each with its reason (recorded and
    /// readable as `Plan.adoptionWaivers`). Missing SMART fields cannot be accepted.
    #[graphql(default)]
    pub waivers: Vec<AdoptionWaiverInput>,
}

/// One gap accepted at adoption: the item and gap as `INCOMPLETE` lists them.
#[derive(InputObject, Debug)]
pub struct AdoptionWaiverInput {
    /// The item with the gap: the plan, or one of its actions.
    pub item_id: ID,
    /// The gap: `fivePriorities`, `leadClusterPosition` or `objection`.
    pub gap: String,
    /// Why the plan is adopted anyway.
    pub reason: String,
}

/// Open a revision of an adopted plan.
#[derive(InputObject, Debug)]
pub struct RevisePlanInput {
    /// The adopted plan.
    pub id: ID,
    /// The version you saw; a stale one answers CONFLICT.
    pub expected_version: i32,
    /// Why: the dispute to settle, the merged neighbourhood's priorities to take in, the
    /// mid-year adjustment.
    pub reason: String,
    /// Open disputes about items of this plan that the revision settles: they are resolved
    /// when it is adopted.
    #[graphql(default)]
    pub settles_dispute_ids: Vec<ID>,
}

/// Add a priority to a plan.
#[derive(InputObject, Debug)]
pub struct AddPriorityInput {
    /// The plan.
    pub plan_id: ID,
    /// The plan's version you saw.
    pub expected_plan_version: i32,
    /// Short title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Rank 1..5; by default the first free one.
    pub rank: Option<i32>,
    /// A linked city programme.
    pub city_programme_id: Option<ID>,
    /// Assessment against city policy.
    #[graphql(default_with = "CityAlignment::Unassessed")]
    pub city_alignment: CityAlignment,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

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

/// The plan after the change.
#[derive(SimpleObject)]
pub struct PlanPayload {
    /// The plan.
    pub plan: Plan,
}

/// The priority after the change.
#[derive(SimpleObject)]
pub struct PriorityPayload {
    /// The priority.
    pub priority: Priority,
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

fn optional_id(
    type_name: &str,
    field: &str,
    id: Option<&ID>,
) -> crate::error::ApiResult<Option<i32>> {
    id.map(|id| id_of(type_name, field, id)).transpose()
}

/// Plan mutations.
#[derive(Default)]
pub struct PlanMutation;

#[Object]
impl PlanMutation {
    /// Draft a neighbourhood action plan (neighbourhood manager of that neighbourhood).
    async fn create_plan(&self, ctx: &Context<'_>, input: CreatePlanInput) -> Result<PlanPayload> {
        let once = super::Once::of(&input)?;
        let neighbourhood_id = id_of(
            Neighbourhood::TYPE_NAME,
            "input.neighbourhoodId",
            &input.neighbourhood_id,
        )?;
        let year = super::at("input.year", Year::parse(input.year))?;
        let title = super::at("input.title", Title::parse_optional(input.title.as_deref()))?;
        let plan = super::create_once!(ctx, once, "createPlan", entity::plan::Entity, |change| {
            plan::create_plan(
                change,
                NewPlan {
                    neighbourhood_id,
                    year,
                    title,
                },
            )
        });
        Ok(PlanPayload { plan: plan.into() })
    }

    /// Retitle a plan that is not yet adopted.
    async fn update_plan(&self, ctx: &Context<'_>, input: UpdatePlanInput) -> Result<PlanPayload> {
        let id = id_of(Plan::TYPE_NAME, "input.id", &input.id)?;
        let title = super::at("input.title", Title::parse(&input.title))?;
        let plan = super::transact!(ctx, |change| plan::update_plan(
            change,
            id,
            input.expected_version,
            title
        ));
        Ok(PlanPayload { plan: plan.into() })
    }

    /// Send a draft to the clusters for consultation.
    async fn submit_plan(&self, ctx: &Context<'_>, input: PlanStepInput) -> Result<PlanPayload> {
        let id = id_of(Plan::TYPE_NAME, "input.id", &input.id)?;
        let plan = super::transact!(ctx, |change| plan::submit_plan(
            change,
            id,
            input.expected_version
        ));
        Ok(PlanPayload { plan: plan.into() })
    }

    /// Adopt (vaststellen) a plan in consultation (area director of its area). Refused
    /// with `INCOMPLETE` and the list of gaps per item: an active priority without
    /// actions, an action without a SMART field, and — unless accepted in `waivers` with a
    /// reason — a neighbourhood action plan without exactly five priorities
    /// (`fivePriorities`), an action without its lead cluster's position
    /// (`leadClusterPosition`), an action its lead cluster objects to (`objection`).
    async fn adopt_plan(&self, ctx: &Context<'_>, input: AdoptPlanInput) -> Result<PlanPayload> {
        let id = id_of(Plan::TYPE_NAME, "input.id", &input.id)?;
        let waivers = input
            .waivers
            .into_iter()
            .enumerate()
            .map(|(index, waiver)| {
                Ok(plan::Waiver {
                    item_id: waiver.item_id.0,
                    gap: waiver.gap,
                    reason: super::at(
                        &format!("input.waivers.{index}.reason"),
                        Reason::parse(&waiver.reason),
                    )?,
                })
            })
            .collect::<ApiResult<_>>()?;
        let plan = super::transact!(ctx, |change| plan::adopt_plan(
            change,
            id,
            input.expected_version,
            waivers
        ));
        Ok(PlanPayload { plan: plan.into() })
    }

    /// Open the next revision of an adopted plan (who may edit it): the plan goes back to
    /// draft, to be edited, consulted on and adopted again; its adopted versions stay
    /// readable (`Plan.revisions`, `adoptedPlan`). The disputes named are linked to the
    /// revision and resolved when it is adopted.
    async fn revise_plan(&self, ctx: &Context<'_>, input: RevisePlanInput) -> Result<PlanPayload> {
        let plan_id = id_of(Plan::TYPE_NAME, "input.id", &input.id)?;
        let disputes = input
            .settles_dispute_ids
            .iter()
            .map(|id| id_of("Escalation", "input.settlesDisputeIds", id))
            .collect::<Result<Vec<i32>, _>>()?;
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let plan = super::transact!(ctx, |change| crate::domain::revision::revise_plan(
            change,
            crate::domain::revision::Revise {
                plan_id,
                expected: input.expected_version,
                reason,
                disputes,
            },
        ));
        Ok(PlanPayload { plan: plan.into() })
    }

    /// Add a priority: at most five per plan, ranks unique.
    async fn add_priority(
        &self,
        ctx: &Context<'_>,
        input: AddPriorityInput,
    ) -> Result<PriorityPayload> {
        let once = super::Once::of(&input)?;
        let title = super::at("input.title", Title::parse(&input.title))?;
        let description = super::at("input.description", Long::parse(&input.description))?;
        let rank = super::at("input.rank", input.rank.map(Rank::parse).transpose())?;
        let plan_id = id_of(Plan::TYPE_NAME, "input.planId", &input.plan_id)?;
        let city_programme_id = optional_id(
            "CityProgramme",
            "input.cityProgrammeId",
            input.city_programme_id.as_ref(),
        )?;
        let priority = super::create_once!(
            ctx,
            once,
            "addPriority",
            entity::priority::Entity,
            |change| {
                priority::add_priority(
                    change,
                    NewPriority {
                        plan_id,
                        expected_plan_version: input.expected_plan_version,
                        title,
                        description,
                        rank,
                        city_programme_id,
                        city_alignment: input.city_alignment.into(),
                    },
                )
            }
        );
        Ok(PriorityPayload {
            priority: priority.into(),
        })
    }

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

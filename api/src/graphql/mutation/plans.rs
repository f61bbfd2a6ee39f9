//! Plan mutations: draft, edit, submit, adopt, revise; add a priority. Actions have
//! their own file.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use super::optional_id;
use crate::domain::plan::{self, NewPlan};
use crate::domain::priority::{self, NewPriority};
use crate::error::ApiResult;
use crate::graphql::enums::CityAlignment;
use crate::graphql::relay::id_of;
use crate::graphql::types::{Neighbourhood, Plan, Priority};
use crate::value::{Long, Rank, Reason, Title, Year};

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
}

//! More plan mutations: priorities (edit, reorder, drop), closing and merging plans, and a
//! cluster's dispute of an adopted item.

use crate::value::{Long, Reason, Title};
use async_graphql::{Context, ID, InputObject, Object, OneofObject, Result, SimpleObject};

use super::escalations::EscalationPayload;
use super::plans::{PlanPayload, PlanStepInput, PriorityPayload};
use crate::domain::escalation::{self, Subject};
use crate::domain::plan;
use crate::domain::priority::{self, PriorityFields};
use crate::graphql::enums::CityAlignment;
use crate::graphql::relay::id_of;
use crate::graphql::types::{Action, Cluster, Plan, Priority};

/// Edit a priority; absent fields stay as they are.
#[derive(InputObject, Debug)]
pub struct UpdatePriorityInput {
    /// The priority.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Short title.
    pub title: Option<String>,
    /// What it is about.
    pub description: Option<String>,
    /// A linked city programme.
    pub city_programme_id: Option<ID>,
    /// Assessment against city policy.
    pub city_alignment: Option<CityAlignment>,
}

/// Rank a plan's priorities in this order (1 first).
#[derive(InputObject, Debug)]
pub struct ReorderPrioritiesInput {
    /// The plan.
    pub plan_id: ID,
    /// The plan's version you saw.
    pub expected_plan_version: i32,
    /// Every active priority of the plan, once, in the new order.
    pub priority_ids: Vec<ID>,
}

/// Drop a priority, with the reason; it keeps its history.
#[derive(InputObject, Debug)]
pub struct DropPriorityInput {
    /// The priority.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Why.
    pub reason: String,
}

/// Merge two plans when their neighbourhoods merge.
#[derive(InputObject, Debug)]
pub struct MergePlansInput {
    /// The plan that continues.
    pub surviving_plan_id: ID,
    /// Its version you saw.
    pub surviving_plan_version: i32,
    /// The plan it supersedes.
    pub merged_plan_id: ID,
    /// Its version you saw.
    pub merged_plan_version: i32,
    /// Priorities of the merged plan that move into the surviving one, with their actions,
    /// commitments and residents' input, ranked after its own in this order. The rest are
    /// dropped.
    #[graphql(default)]
    pub move_priority_ids: Vec<ID>,
    /// Why the priorities not moved are dropped; by default "merged into <plan>".
    pub drop_reason: Option<String>,
}

/// The disputed item: exactly one.
#[derive(OneofObject, Debug)]
pub enum DisputedItemInput {
    /// A priority of an adopted plan.
    PriorityId(ID),
    /// An action of an adopted plan.
    ActionId(ID),
}

/// A cluster disputes an adopted priority or action.
#[derive(InputObject, Debug)]
pub struct DisputePlanItemInput {
    /// The disputed item.
    pub item: DisputedItemInput,
    /// The disputing cluster (one of your own).
    pub cluster_id: ID,
    /// Why.
    pub reason: String,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// The priorities after reordering.
#[derive(SimpleObject)]
pub struct ReorderPrioritiesPayload {
    /// The plan's active priorities by their new rank.
    pub priorities: Vec<Priority>,
}

/// Priority and plan-lifecycle mutations.
#[derive(Default)]
pub struct PlanItemMutation;

#[Object]
impl PlanItemMutation {
    /// Edit a priority of a plan that is not yet adopted.
    async fn update_priority(
        &self,
        ctx: &Context<'_>,
        input: UpdatePriorityInput,
    ) -> Result<PriorityPayload> {
        let id = id_of(Priority::TYPE_NAME, "input.id", &input.id)?;
        let fields = PriorityFields {
            title: super::at("input.title", Title::parse_optional(input.title.as_deref()))?,
            description: super::at(
                "input.description",
                Long::parse_optional(input.description.as_deref()),
            )?,
            city_programme_id: input
                .city_programme_id
                .as_ref()
                .map(|id| id_of("CityProgramme", "input.cityProgrammeId", id))
                .transpose()?,
            city_alignment: input.city_alignment.map(Into::into),
        };
        let row = super::transact!(ctx, |change| priority::update_priority(
            change,
            id,
            input.expected_version,
            fields
        ));
        Ok(PriorityPayload {
            priority: row.into(),
        })
    }

    /// Rank a plan's priorities anew, all at once.
    async fn reorder_priorities(
        &self,
        ctx: &Context<'_>,
        input: ReorderPrioritiesInput,
    ) -> Result<ReorderPrioritiesPayload> {
        let plan_id = id_of(Plan::TYPE_NAME, "input.planId", &input.plan_id)?;
        let order = input
            .priority_ids
            .iter()
            .map(|id| id_of(Priority::TYPE_NAME, "input.priorityIds", id))
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = super::transact!(ctx, |change| priority::reorder_priorities(
            change,
            plan_id,
            input.expected_plan_version,
            &order
        ));
        rows.sort_by_key(|row| row.rank);
        Ok(ReorderPrioritiesPayload {
            priorities: rows.into_iter().map(Into::into).collect(),
        })
    }

    /// Drop a priority of a plan that is not yet adopted, with the reason.
    async fn drop_priority(
        &self,
        ctx: &Context<'_>,
        input: DropPriorityInput,
    ) -> Result<PriorityPayload> {
        let id = id_of(Priority::TYPE_NAME, "input.id", &input.id)?;
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let row = super::transact!(ctx, |change| priority::drop_priority(
            change,
            id,
            input.expected_version,
            reason
        ));
        Ok(PriorityPayload {
            priority: row.into(),
        })
    }

    /// Close an adopted plan at year end (area director).
    async fn close_plan(&self, ctx: &Context<'_>, input: PlanStepInput) -> Result<PlanPayload> {
        let id = id_of(Plan::TYPE_NAME, "input.id", &input.id)?;
        let row = super::transact!(ctx, |change| plan::close_plan(
            change,
            id,
            input.expected_version
        ));
        Ok(PlanPayload { plan: row.into() })
    }

    /// Merge two plans when neighbourhoods merge (area director): the chosen priorities of
    /// the merged plan move into the surviving plan with everything under them; the rest
    /// are dropped with their history kept, and commitments still open on their actions
    /// are withdrawn in the same transaction. The merged plan is superseded.
    async fn merge_plans(&self, ctx: &Context<'_>, input: MergePlansInput) -> Result<PlanPayload> {
        let surviving = id_of(
            Plan::TYPE_NAME,
            "input.survivingPlanId",
            &input.surviving_plan_id,
        )?;
        let merged = id_of(Plan::TYPE_NAME, "input.mergedPlanId", &input.merged_plan_id)?;
        let moving = input
            .move_priority_ids
            .iter()
            .map(|id| id_of(Priority::TYPE_NAME, "input.movePriorityIds", id))
            .collect::<Result<Vec<_>, _>>()?;
        let drop_reason = super::at(
            "input.dropReason",
            Reason::parse_optional(input.drop_reason.as_deref()),
        )?;
        let row = super::transact!(ctx, |change| plan::merge_plans(
            change,
            plan::Merge {
                surviving_id: surviving,
                surviving_version: input.surviving_plan_version,
                merged_id: merged,
                merged_version: input.merged_plan_version,
                moving,
                drop_reason,
            },
        ));
        Ok(PlanPayload { plan: row.into() })
    }

    /// A cluster disputes an adopted priority or action: recorded as an escalation, never
    /// a silent edit.
    async fn dispute_plan_item(
        &self,
        ctx: &Context<'_>,
        input: DisputePlanItemInput,
    ) -> Result<EscalationPayload> {
        let once = super::Once::of(&input)?;
        let subject = match &input.item {
            DisputedItemInput::PriorityId(id) => {
                Subject::DisputedPriority(id_of(Priority::TYPE_NAME, "input.item.priorityId", id)?)
            }
            DisputedItemInput::ActionId(id) => {
                Subject::DisputedAction(id_of(Action::TYPE_NAME, "input.item.actionId", id)?)
            }
        };
        let cluster_id = id_of(Cluster::TYPE_NAME, "input.clusterId", &input.cluster_id)?;
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let row = super::create_once!(
            ctx,
            once,
            "disputePlanItem",
            entity::escalation::Entity,
            |change| escalation::dispute(change, subject, cluster_id, reason)
        );
        Ok(EscalationPayload {
            escalation: row.into(),
        })
    }
}

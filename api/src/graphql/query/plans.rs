//! Root lists of plans, priorities and actions.

use super::lists::root_lists;
use crate::graphql::scalars::NaiveDate;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use super::filter::Conditions;
use super::order::order_input;
use crate::graphql::connection::list;
use crate::graphql::connection::{Conn, PageArgs};
use crate::graphql::context::scope;
use crate::graphql::enums::{ActionStatus, CityAlignment, PlanKind, PlanStatus, TrafficLight};
use crate::graphql::relay::id_of;
use crate::graphql::types::{Action, Area, Cluster, Neighbourhood, Plan, PlanRevision, Priority};

/// Which plans to list.
#[derive(InputObject, Default)]
pub struct PlanFilter {
    /// Of this kind.
    pub kind: Option<PlanKind>,
    /// In this status.
    pub status: Option<PlanStatus>,
    /// Covering this year.
    pub year: Option<i32>,
    /// Of this area (including its neighbourhoods' plans).
    pub area_id: Option<ID>,
    /// Of this neighbourhood.
    pub neighbourhood_id: Option<ID>,
    /// Implementation plans of this cluster.
    pub cluster_id: Option<ID>,
    /// Title contains this text (case-insensitive).
    #[graphql(validator(custom = "super::FilterText"))]
    pub title_contains: Option<String>,
    /// Created or changed at or after this moment, as the audit trail records every change
    /// made through the API: poll with the time of your previous poll.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

order_input!(
    /// Fields plans sort by.
    PlanOrder, PlanOrderField, plan {
        /// First year covered.
        Year => YearFrom,
        /// Title.
        Title => Title,
        /// Status.
        Status => Status,
        /// Last change.
        UpdatedAt => UpdatedAt,
    }
);

order_input!(
    /// Fields priorities sort by.
    PriorityOrder, PriorityOrderField, priority {
        /// Rank (dropped priorities last).
        Rank => Rank,
        /// Title.
        Title => Title,
        /// Last change.
        UpdatedAt => UpdatedAt,
    }
);

/// Which priorities to list.
#[derive(InputObject, Default)]
pub struct PriorityFilter {
    /// Of this plan.
    pub plan_id: Option<ID>,
    /// With this assessment of city alignment.
    pub city_alignment: Option<CityAlignment>,
    /// Dropped ones only (true) or active ones only (false); both when absent.
    pub dropped: Option<bool>,
}

/// Which actions to list.
#[derive(InputObject, Default)]
pub struct ActionFilter {
    /// In this status.
    pub status: Option<ActionStatus>,
    /// With this traffic light.
    pub traffic_light: Option<TrafficLight>,
    /// Led by this cluster.
    pub lead_cluster_id: Option<ID>,
    /// Serving this priority.
    pub priority_id: Option<ID>,
    /// In this plan.
    pub plan_id: Option<ID>,
    /// Due on or before this date.
    pub deadline_before: Option<NaiveDate>,
    /// Issues outside the plan only (true: on a neighbourhood's issue list), or plan
    /// actions only (false).
    pub outside_plan: Option<bool>,
    /// Created or changed at or after this moment, as the audit trail records every change
    /// made through the API: poll with the time of your previous poll.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

order_input!(
    /// Fields actions sort by.
    ActionOrder, ActionOrderField, action {
        /// Deadline (actions without one last).
        Deadline => Deadline,
        /// Progress percentage.
        Progress => ProgressPercent,
        /// Status.
        Status => Status,
        /// Last change.
        UpdatedAt => UpdatedAt,
    }
);

/// Root fields of the plans.
#[derive(Default)]
pub struct PlanQuery;

#[Object]
impl PlanQuery {
    /// A plan as it was adopted on a date: the revision adopted last at or before `on`
    /// (by default now); null when the plan had not been adopted by then, or the caller
    /// may not see it. The public reads adopted versions even while a plan is revised.
    async fn adopted_plan(
        &self,
        ctx: &Context<'_>,
        plan_id: ID,
        on: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<Option<PlanRevision>> {
        let plan_id = id_of(Plan::TYPE_NAME, "planId", &plan_id)?;
        let on = on.unwrap_or_else(chrono::Utc::now);
        let revision = scope(ctx)?.reader.adopted_revision(plan_id, on).await?;
        Ok(revision.map(PlanRevision::from))
    }

    /// Priorities of plans, by plan and rank.
    #[allow(clippy::too_many_arguments)]
    async fn priorities(
        &self,
        ctx: &Context<'_>,
        filter: Option<PriorityFilter>,
        order_by: Option<Vec<PriorityOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Priority>> {
        let filter = filter.unwrap_or_default();
        let condition = Conditions::new()
            .id(
                priority::Column::PlanId,
                Plan::TYPE_NAME,
                "filter.planId",
                filter.plan_id.as_ref(),
            )?
            .eq(
                priority::Column::CityAlignment,
                filter
                    .city_alignment
                    .map(entity::enums::CityAlignment::from),
            )
            .when(filter.dropped, |dropped| match dropped {
                true => priority::Column::DroppedAt.is_not_null(),
                false => priority::Column::DroppedAt.is_null(),
            });
        // Without an explicit order: by plan, then rank.
        let order = match order_by {
            Some(order_by) => PriorityOrder::terms(&order_by),
            None => vec![(priority::Column::PlanId, sea_orm::Order::Asc)],
        };
        list::<priority::Entity, _>(
            ctx,
            condition,
            &order,
            PageArgs::new(first, after, last, before),
        )
        .await
    }
}

root_lists! {
    /// Root lists of plans and actions.
    PlanLists {
        /// Plans: area plans, implementation plans and neighbourhood action plans.
        plans: Plan of plan where PlanFilter sorted PlanOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new()
                .eq(plan::Column::Kind, filter.kind.map(entity::enums::PlanKind::from))
                .eq(plan::Column::Status, filter.status.map(entity::enums::PlanStatus::from))
                .when(filter.year, |year| {
                    Condition::all().add(plan::Column::YearFrom.lte(year)).add(plan::Column::YearTo.gte(year))
                })
                .id(plan::Column::AreaId, Area::TYPE_NAME, "filter.areaId", filter.area_id.as_ref())?
                .id(
                    plan::Column::NeighbourhoodId,
                    Neighbourhood::TYPE_NAME,
                    "filter.neighbourhoodId",
                    filter.neighbourhood_id.as_ref(),
                )?
                .id(plan::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?
                .contains(plan::Column::Title, filter.title_contains.as_ref())
                .changed_since::<plan::Entity>(filter.updated_since))
        },
        /// SMART actions across plans.
        actions: Action of action where ActionFilter sorted ActionOrder
            => |ctx, filter, _order_by| {
            let mut conditions = Conditions::new()
                .eq(action::Column::Status, filter.status.map(entity::enums::ActionStatus::from))
                .eq(action::Column::TrafficLight, filter.traffic_light.map(entity::enums::TrafficLight::from))
                .id(
                    action::Column::LeadClusterId,
                    Cluster::TYPE_NAME,
                    "filter.leadClusterId",
                    filter.lead_cluster_id.as_ref(),
                )?
                .id(action::Column::PriorityId, Priority::TYPE_NAME, "filter.priorityId", filter.priority_id.as_ref())?
                .when(filter.deadline_before, |date| action::Column::Deadline.lte(date.0))
                .when(filter.outside_plan, |outside| super::outside_plan(action::Column::Id, outside))
                .changed_since::<action::Entity>(filter.updated_since);
            if let Some(plan_id) = &filter.plan_id {
                let plan_id = id_of(Plan::TYPE_NAME, "filter.planId", plan_id)?;
                let priorities = scope(ctx)?.reader.visible_ids::<priority::Entity>(
                    Condition::all().add(priority::Column::PlanId.eq(plan_id)),
                );
                conditions = conditions.and(action::Column::PriorityId.in_subquery(priorities));
            }
            Ok(conditions)
        },
    }
}

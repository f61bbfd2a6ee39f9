//! Plans, their ranked priorities, SMART actions and progress reports.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use entity::*;

use super::{Area, CityProgramme, Cluster, Commitment, Neighbourhood, ResidentInput, node_type};
use crate::graphql::connection::connections;
use crate::graphql::context::one;
use crate::graphql::enums::{ActionStatus, CityAlignment, PlanKind, PlanStatus, TrafficLight};

node_type!(
    /// A plan: area plan (gebiedsplan), implementation plan (uitvoeringsplan) or
    /// neighbourhood action plan (wijkactieplan).
    Plan wraps plan
);
node_type!(
    /// A priority (prioriteit) of a plan, ranked 1..5; dropped priorities keep their history.
    Priority wraps priority
);
node_type!(
    /// A SMART action (maatregel): what exactly, which cluster leads, who is responsible,
    /// the measurable target and the deadline.
    Action wraps action
);
node_type!(
    /// One progress report (voortgangsrapportage) on an action.
    ProgressUpdate wraps progress_update
);

#[Object]
impl Plan {
    /// The plan's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Kind of plan.
    async fn kind(&self) -> PlanKind {
        self.0.kind.into()
    }
    /// Title, e.g. Wijkactieplan Afrikaanderwijk 2016.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// First year the plan covers.
    async fn year_from(&self) -> i32 {
        self.0.year_from
    }
    /// Last year the plan covers (equal to `yearFrom` for a yearly plan).
    async fn year_to(&self) -> i32 {
        self.0.year_to
    }
    /// Where the plan is in its lifecycle.
    async fn status(&self) -> PlanStatus {
        self.0.status.into()
    }
    /// When the plan was adopted (vastgesteld).
    async fn adopted_at(&self) -> Option<DateTime<Utc>> {
        self.0.adopted_at
    }
    /// Version for optimistic concurrency; changes with every edit.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the plan was created.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// When the plan last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The area the plan belongs to.
    async fn area(&self, ctx: &Context<'_>) -> Result<Option<Area>> {
        one::<area::Entity, _>(ctx, Some(self.0.area_id)).await
    }
    /// The neighbourhood, for a neighbourhood action plan.
    async fn neighbourhood(&self, ctx: &Context<'_>) -> Result<Option<Neighbourhood>> {
        one::<neighbourhood::Entity, _>(ctx, self.0.neighbourhood_id).await
    }
    /// The cluster, for an implementation plan.
    async fn cluster(&self, ctx: &Context<'_>) -> Result<Option<Cluster>> {
        one::<cluster::Entity, _>(ctx, self.0.cluster_id).await
    }
    /// The plan this one derives from, e.g. an action plan's area plan.
    async fn parent_plan(&self, ctx: &Context<'_>) -> Result<Option<Plan>> {
        one::<plan::Entity, _>(ctx, self.0.parent_plan_id).await
    }
    /// The plan that replaced this one when neighbourhoods merged.
    async fn superseded_by(&self, ctx: &Context<'_>) -> Result<Option<Plan>> {
        one::<plan::Entity, _>(ctx, self.0.superseded_by_id).await
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> PlanConnections {
        PlanConnections(self.0.id)
    }
}

#[Object]
impl Priority {
    /// The priority's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Rank 1..5 within the plan; empty once dropped.
    async fn rank(&self) -> Option<i32> {
        self.0.rank
    }
    /// Short title, e.g. Luchtkwaliteit.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// What the priority is about.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// The area-plan theme it derives from.
    async fn theme(&self) -> Option<&str> {
        self.0.theme.as_deref()
    }
    /// Assessment of the tension between neighbourhood and city.
    async fn city_alignment(&self) -> CityAlignment {
        self.0.city_alignment.into()
    }
    /// When the priority was dropped, if it was.
    async fn dropped_at(&self) -> Option<DateTime<Utc>> {
        self.0.dropped_at
    }
    /// Why the priority was dropped.
    async fn drop_reason(&self) -> Option<&str> {
        self.0.drop_reason.as_deref()
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// The plan it belongs to.
    async fn plan(&self, ctx: &Context<'_>) -> Result<Option<Plan>> {
        one::<plan::Entity, _>(ctx, Some(self.0.plan_id)).await
    }
    /// The linked city programme, if any.
    async fn city_programme(&self, ctx: &Context<'_>) -> Result<Option<CityProgramme>> {
        one::<city_programme::Entity, _>(ctx, self.0.city_programme_id).await
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> PriorityConnections {
        PriorityConnections(self.0.id)
    }
}

#[Object]
impl Action {
    /// The action's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// What exactly will be done.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// Who is responsible (a named person).
    async fn responsible_person(&self) -> Option<&str> {
        self.0.responsible_person.as_deref()
    }
    /// The measurable target.
    async fn measurable_target(&self) -> Option<&str> {
        self.0.measurable_target.as_deref()
    }
    /// The deadline.
    async fn deadline(&self) -> Option<NaiveDate> {
        self.0.deadline
    }
    /// Status as in the annual report's columns.
    async fn status(&self) -> ActionStatus {
        self.0.status.into()
    }
    /// Progress in percent, 0..100.
    async fn progress_percent(&self) -> i32 {
        self.0.progress_percent
    }
    /// Traffic light (stoplicht).
    async fn traffic_light(&self) -> TrafficLight {
        self.0.traffic_light.into()
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the action last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The priority it serves.
    async fn priority(&self, ctx: &Context<'_>) -> Result<Option<Priority>> {
        one::<priority::Entity, _>(ctx, Some(self.0.priority_id)).await
    }
    /// The cluster that leads.
    async fn lead_cluster(&self, ctx: &Context<'_>) -> Result<Option<Cluster>> {
        one::<cluster::Entity, _>(ctx, self.0.lead_cluster_id).await
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> ActionConnections {
        ActionConnections(self.0.id)
    }
}

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
    /// The action reported on.
    async fn action(&self, ctx: &Context<'_>) -> Result<Option<Action>> {
        one::<action::Entity, _>(ctx, Some(self.0.action_id)).await
    }
}

connections! {
    PlanConnections of Plan {
        /// Plans derived from this one.
        child_plans: Plan by plan::ParentPlanId,
        /// Priorities by rank, active ones first; dropped priorities follow without a rank.
        priorities: Priority by priority::PlanId,
    }
}

connections! {
    PriorityConnections of Priority {
        /// The actions that work on this priority.
        actions: Action by action::PriorityId,
        /// Residents' input that landed in this priority.
        resident_inputs: ResidentInput by resident_input::PriorityId,
    }
}

connections! {
    ActionConnections of Action {
        /// Commitments asked of clusters for this action.
        commitments: Commitment by commitment::ActionId,
        /// Progress reports, oldest first.
        progress_updates: ProgressUpdate by progress_update::ActionId,
        /// Residents' input that landed in this action.
        resident_inputs: ResidentInput by resident_input::ActionId,
    }
}

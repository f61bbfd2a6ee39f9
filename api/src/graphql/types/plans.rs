//! Plans, their ranked priorities, SMART actions and progress reports.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use entity::*;

use super::{
    Area, CityProgramme, Cluster, Commitment, Neighbourhood, ResidentInput, node_type, page,
};
use crate::graphql::context::{children, one};
use crate::graphql::enums::{ActionStatus, CityAlignment, PlanKind, PlanStatus, TrafficLight};
use crate::graphql::relay::Conn;

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
    /// Plans derived from this one.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn child_plans(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Plan>> {
        children::<plan::Entity, _>(
            ctx,
            plan::Column::ParentPlanId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// The plan that replaced this one when neighbourhoods merged.
    async fn superseded_by(&self, ctx: &Context<'_>) -> Result<Option<Plan>> {
        one::<plan::Entity, _>(ctx, self.0.superseded_by_id).await
    }
    /// Priorities by rank, active ones first; dropped priorities follow without a rank.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn priorities(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Priority>> {
        children::<priority::Entity, _>(
            ctx,
            priority::Column::PlanId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
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
    /// The actions that work on this priority.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn actions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Action>> {
        children::<action::Entity, _>(
            ctx,
            action::Column::PriorityId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Residents' input that landed in this priority.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn resident_inputs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<ResidentInput>> {
        children::<resident_input::Entity, _>(
            ctx,
            resident_input::Column::PriorityId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
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
    /// Commitments asked of clusters for this action.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Commitment>> {
        children::<commitment::Entity, _>(
            ctx,
            commitment::Column::ActionId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Progress reports, oldest first.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn progress_updates(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<ProgressUpdate>> {
        children::<progress_update::Entity, _>(
            ctx,
            progress_update::Column::ActionId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Residents' input that landed in this action.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn resident_inputs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<ResidentInput>> {
        children::<resident_input::Entity, _>(
            ctx,
            resident_input::Column::ActionId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
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

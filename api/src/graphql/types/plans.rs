//! Plans, their ranked priorities and SMART actions. A plan's revisions, the positions and
//! waivers of its consultation and adoption, and the actions' progress reports have their
//! own files.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{
    ActionPosition, AdoptionWaiver, Area, CityProgramme, Cluster, Commitment, CommitteeAdvice,
    Neighbourhood, PlanRevision, ProgressUpdate, ResidentInput, node_type,
};
use crate::graphql::connection::connections;
use crate::graphql::enums::{
    ActionStatus, CityAlignment, ClusterPosition, PlanKind, PlanStatus, TrafficLight,
};

node_type!(
    /// A plan: area plan (gebiedsplan), implementation plan (uitvoeringsplan) or
    /// neighbourhood action plan (wijkactieplan).
    Plan wraps plan links PlanLinks {
        /// The area the plan belongs to.
        area: Area by area from area_id,
        /// The neighbourhood, for a neighbourhood action plan.
        neighbourhood: Neighbourhood by neighbourhood from neighbourhood_id,
        /// The cluster, for an implementation plan.
        cluster: Cluster by cluster from cluster_id,
        /// The plan this one derives from, e.g. an action plan's area plan.
        parent_plan: Plan by plan from parent_plan_id,
        /// The plan that replaced this one when neighbourhoods merged.
        superseded_by: Plan by plan from superseded_by_id,
    } reads {
        id: [],
        kind: [Kind],
        title: [Title],
        yearFrom: [YearFrom],
        yearTo: [YearTo],
        status: [Status],
        adoptedAt: [AdoptedAt],
        version: [Version],
        createdAt: [CreatedAt],
        updatedAt: [UpdatedAt],
        area: [AreaId],
        neighbourhood: [NeighbourhoodId],
        cluster: [ClusterId],
        parentPlan: [ParentPlanId],
        supersededBy: [SupersededById],
        priorities: [],
        childPlans: [],
        revisions: [],
        adoptionWaivers: [],
        committeeAdvice: [],
    }
);
node_type!(
    /// A priority (prioriteit) of a plan, ranked 1..5; dropped priorities keep their history.
    Priority wraps priority links PriorityLinks {
        /// The plan it belongs to.
        plan: Plan by plan from plan_id,
        /// The linked city programme, if any.
        city_programme: CityProgramme by city_programme from city_programme_id,
    } reads {
        id: [],
        rank: [Rank],
        title: [Title],
        description: [Description],
        theme: [Theme],
        cityAlignment: [CityAlignment],
        droppedAt: [DroppedAt],
        dropReason: [DropReason],
        version: [Version],
        plan: [PlanId],
        cityProgramme: [CityProgrammeId],
        actions: [],
        residentInputs: [],
    }
);
node_type!(
    /// A SMART action (maatregel): what exactly, which cluster leads, who is responsible,
    /// the measurable target and the deadline.
    Action wraps action links ActionLinks {
        /// The priority it serves.
        priority: Priority by priority from priority_id,
        /// The cluster that leads.
        lead_cluster: Cluster by cluster from lead_cluster_id,
        /// The cluster that proposed it during consultation, if one did.
        proposed_by: Cluster by cluster from proposed_by_cluster_id,
    } reads {
        id: [],
        description: [Description],
        responsiblePerson: [ResponsiblePerson],
        measurableTarget: [MeasurableTarget],
        deadline: [Deadline],
        status: [Status],
        progressPercent: [ProgressPercent],
        trafficLight: [TrafficLight],
        leadClusterPosition: [LeadPosition],
        droppedAt: [DroppedAt],
        dropReason: [DropReason],
        version: [Version],
        updatedAt: [UpdatedAt],
        priority: [PriorityId],
        leadCluster: [LeadClusterId],
        proposedBy: [ProposedByClusterId],
        commitments: [],
        positions: [],
        progressUpdates: [],
        residentInputs: [],
    }
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
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> PlanLinks {
        PlanLinks::of(&self.0)
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
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> PriorityLinks {
        PriorityLinks::of(&self.0)
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
        self.0.deadline.map(Into::into)
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
    /// The lead cluster's latest position on the action; empty while it has taken none
    /// (and again after another cluster is made lead).
    async fn lead_cluster_position(&self) -> Option<ClusterPosition> {
        self.0.lead_position.map(Into::into)
    }
    /// When the action was dropped from its plan, if it was.
    async fn dropped_at(&self) -> Option<DateTime<Utc>> {
        self.0.dropped_at
    }
    /// Why the action was dropped.
    async fn drop_reason(&self) -> Option<&str> {
        self.0.drop_reason.as_deref()
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the action last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ActionLinks {
        ActionLinks::of(&self.0)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> ActionConnections {
        ActionConnections(self.0.id)
    }
}

connections! {
    PlanConnections of Plan {
        /// Plans derived from this one.
        child_plans: Plan by plan::ParentPlanId,
        /// Priorities by rank, active ones first; dropped priorities follow without a rank.
        priorities: Priority by priority::PlanId,
        /// The gaps in support the area director accepted at adoption, with the reasons.
        adoption_waivers: AdoptionWaiver by adoption_waiver::PlanId,
        /// The versions of the plan's content, first adopted first; the last is open while
        /// the plan is being revised.
        revisions: PlanRevision by plan_revision::PlanId,
        /// The area committee's advice on the plan, with the area director's responses.
        committee_advice: CommitteeAdvice by committee_advice::PlanId,
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
        /// The clusters' positions on the action, oldest first: the history of the
        /// consultation.
        positions: ActionPosition by action_position::ActionId,
    }
}

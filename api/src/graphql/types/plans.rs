//! Plans and their ranked priorities. The SMART actions, a plan's revisions, the positions
//! and waivers of its consultation and adoption, and the actions' progress reports have
//! their own files.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{
    Action, AdoptionWaiver, Area, CityProgramme, Cluster, CommitteeAdvice, Neighbourhood,
    PlanRevision, ResidentInput, node_type,
};
use crate::graphql::connection::connections;
use crate::graphql::enums::{CityAlignment, PlanKind, PlanStatus};

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

//! Plans: area plans, implementation plans and neighbourhood action plans.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{
    AdoptionWaiver, Area, Cluster, CommitteeAdvice, Neighbourhood, PlanRevision, Priority,
    node_type,
};
use crate::graphql::connection::connections;
use crate::graphql::enums::{PlanKind, PlanStatus};

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

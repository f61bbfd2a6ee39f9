//! A plan's ranked priorities (prioriteiten).

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Action, CityProgramme, Plan, ResidentInput, node_type};
use crate::graphql::connection::connections;
use crate::graphql::enums::CityAlignment;

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
    PriorityConnections of Priority {
        /// The actions that work on this priority.
        actions: Action by action::PriorityId,
        /// Residents' input that landed in this priority.
        resident_inputs: ResidentInput by resident_input::PriorityId,
    }
}

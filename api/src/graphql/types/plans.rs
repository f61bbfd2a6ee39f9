//! Plans, their ranked priorities, SMART actions and progress reports.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{
    Area, CityProgramme, Cluster, Commitment, CommitteeAdvice, Neighbourhood, ResidentInput,
    node_type,
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
    }
);
node_type!(
    /// A version of a plan's content: revision 1 is the plan as first adopted; each
    /// `revisePlan` opens the next, which holds the content once it is adopted. Adopted
    /// revisions never change, and the public reads them even while the plan is revised.
    PlanRevision wraps plan_revision links PlanRevisionLinks {
        /// The plan.
        plan: Plan by plan from plan_id,
    }
);
node_type!(
    /// A priority (prioriteit) of a plan, ranked 1..5; dropped priorities keep their history.
    Priority wraps priority links PriorityLinks {
        /// The plan it belongs to.
        plan: Plan by plan from plan_id,
        /// The linked city programme, if any.
        city_programme: CityProgramme by city_programme from city_programme_id,
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
    }
);
node_type!(
    /// A cluster's position on an action it is asked to lead, given during consultation.
    /// Positions are history: a later one never overwrites an earlier one.
    ActionPosition wraps action_position links ActionPositionLinks {
        /// The action.
        action: Action by action from action_id,
        /// The cluster whose position it is.
        cluster: Cluster by cluster from cluster_id,
    }
);
node_type!(
    /// A gap in a plan's support that the area director accepted at adoption, with the
    /// reason: fewer or more than five priorities, an action without its lead cluster's
    /// position, or an action its lead cluster objects to.
    AdoptionWaiver wraps adoption_waiver links AdoptionWaiverLinks {
        /// The plan adopted.
        plan: Plan by plan from plan_id,
    }
);
node_type!(
    /// One progress report (voortgangsrapportage) on an action.
    ProgressUpdate wraps progress_update links ProgressUpdateLinks {
        /// The action reported on.
        action: Action by action from action_id,
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

#[Object]
impl PlanRevision {
    /// The revision's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// 1 for the plan as first adopted, then 2, 3, … per revision.
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// Why the revision was opened; empty for the first version.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// Who opened it (`unrecorded` for plans adopted before revisions were kept).
    async fn opened_by(&self) -> &str {
        &self.0.opened_by
    }
    /// When it was opened.
    async fn opened_at(&self) -> DateTime<Utc> {
        self.0.opened_at
    }
    /// Who adopted it; empty while it is open (and for plans adopted before revisions
    /// were kept).
    async fn adopted_by(&self) -> Option<&str> {
        self.0.adopted_by.as_deref()
    }
    /// When it was adopted; empty while it is open.
    async fn adopted_at(&self) -> Option<DateTime<Utc>> {
        self.0.adopted_at
    }
    /// The content as adopted; empty while the revision is open.
    async fn content(&self) -> async_graphql::Result<Option<AdoptedContent>> {
        let Some(json) = self.0.content.as_deref() else {
            return Ok(None);
        };
        let content: crate::domain::revision::Content = serde_json::from_str(json)
            .map_err(|error| crate::error::ApiError::Internal(error.into()))?;
        Ok(Some(AdoptedContent::from(content)))
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> PlanRevisionLinks {
        PlanRevisionLinks::of(&self.0)
    }
}

/// A plan's content as adopted in one revision.
#[derive(async_graphql::SimpleObject)]
pub struct AdoptedContent {
    /// The plan's title.
    title: String,
    /// Its active priorities by rank.
    priorities: Vec<AdoptedPriority>,
}

/// A priority as adopted.
#[derive(async_graphql::SimpleObject)]
pub struct AdoptedPriority {
    /// The priority (it may have changed since).
    priority_id: ID,
    /// Rank 1..5.
    rank: Option<i32>,
    /// Short title.
    title: String,
    /// What it is about.
    description: String,
    /// Its actions as adopted.
    actions: Vec<AdoptedAction>,
}

/// An action as adopted.
#[derive(async_graphql::SimpleObject)]
pub struct AdoptedAction {
    /// The action (it may have changed since).
    action_id: ID,
    /// What exactly will be done.
    description: String,
    /// The lead cluster.
    lead_cluster_id: Option<ID>,
    /// Who is responsible.
    responsible_person: Option<String>,
    /// The measurable target.
    measurable_target: Option<String>,
    /// The deadline.
    deadline: Option<NaiveDate>,
    /// The lead cluster's position at adoption.
    lead_cluster_position: Option<ClusterPosition>,
}

impl From<crate::domain::revision::Content> for AdoptedContent {
    fn from(content: crate::domain::revision::Content) -> Self {
        use crate::graphql::relay::encode_id;
        Self {
            title: content.title,
            priorities: content
                .priorities
                .into_iter()
                .map(|priority| AdoptedPriority {
                    priority_id: encode_id(Priority::TYPE_NAME, priority.id),
                    rank: priority.rank,
                    title: priority.title,
                    description: priority.description,
                    actions: priority
                        .actions
                        .into_iter()
                        .map(|action| AdoptedAction {
                            action_id: encode_id(Action::TYPE_NAME, action.id),
                            description: action.description,
                            lead_cluster_id: action
                                .lead_cluster_id
                                .map(|id| encode_id(Cluster::TYPE_NAME, id)),
                            responsible_person: action.responsible_person,
                            measurable_target: action.measurable_target,
                            deadline: action.deadline.map(Into::into),
                            lead_cluster_position: action.lead_position.map(Into::into),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[Object]
impl ActionPosition {
    /// The position's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Support, support with a reservation, or objection.
    async fn position(&self) -> ClusterPosition {
        self.0.position.into()
    }
    /// Why (required unless the position is plain support).
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// Who gave it (the token's subject).
    async fn taken_by(&self) -> &str {
        &self.0.taken_by
    }
    /// When it was given.
    async fn taken_at(&self) -> DateTime<Utc> {
        self.0.taken_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ActionPositionLinks {
        ActionPositionLinks::of(&self.0)
    }
}

#[Object]
impl AdoptionWaiver {
    /// The waiver's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// The item with the gap: the plan or one of its actions.
    async fn item_id(&self) -> ID {
        ID(self.0.item_id.clone())
    }
    /// The gap accepted: `fivePriorities`, `leadClusterPosition` or `objection`.
    async fn gap(&self) -> &str {
        &self.0.gap
    }
    /// Why the area director adopted the plan with it.
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    /// Who accepted it (the token's subject).
    async fn waived_by(&self) -> &str {
        &self.0.waived_by
    }
    /// When.
    async fn waived_at(&self) -> DateTime<Utc> {
        self.0.waived_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> AdoptionWaiverLinks {
        AdoptionWaiverLinks::of(&self.0)
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
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ProgressUpdateLinks {
        ProgressUpdateLinks::of(&self.0)
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

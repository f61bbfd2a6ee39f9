//! The API's enums: the domain's vocabulary, with the Dutch terms city staff know.
//! Each mirrors the stored enum of the same name in `entity::enums`.

use async_graphql::Enum;

/// Kind of plan.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PlanKind")]
pub enum PlanKind {
    /// Four-year plan per area, made with residents (gebiedsplan).
    AreaPlan,
    /// A cluster's translation of an area plan (uitvoeringsplan).
    ImplementationPlan,
    /// Yearly plan per neighbourhood, at most five priorities (wijkactieplan, WAP).
    NeighbourhoodActionPlan,
    /// A neighbourhood's issues of one year that are not actions of its plan — questions
    /// and signals that come up (signalenlijst): asked of clusters, answered and escalated
    /// like plan actions, reported apart from the five priorities. Never published.
    IssueList,
}

/// Lifecycle of a plan.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PlanStatus")]
pub enum PlanStatus {
    /// Being written (concept).
    Draft,
    /// With the clusters for consultation.
    InConsultation,
    /// Adopted (vastgesteld).
    Adopted,
    /// Closed at year end (afgesloten).
    Closed,
    /// Merged into another plan.
    Superseded,
}

/// Status of an action, as in the year-end columns of the annual report.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ActionStatus")]
pub enum ActionStatus {
    /// Not started (niet gestart).
    NotStarted,
    /// In progress (in uitvoering).
    InProgress,
    /// Realised (gerealiseerd).
    Realised,
    /// Partly realised (gedeeltelijk gerealiseerd).
    PartlyRealised,
    /// Not realised (niet gerealiseerd).
    NotRealised,
    /// Carried over to next year (opvolging).
    CarriedOver,
}

/// The area director's response to the area committee's advice.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AdviceResponse")]
pub enum AdviceResponse {
    /// The advice was followed.
    Followed,
    /// Partly followed (the reason says which part not).
    PartlyFollowed,
    /// Not followed (the reason says why).
    NotFollowed,
}

/// A cluster's position on an action it is asked to lead.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ClusterPosition")]
pub enum ClusterPosition {
    /// The cluster supports the action and will lead it.
    Support,
    /// The cluster supports it with a reservation (the reason says which).
    SupportWithReservation,
    /// The cluster objects (the reason says why).
    Object,
}

/// Traffic light of an action's progress (stoplicht).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TrafficLight")]
pub enum TrafficLight {
    /// On track (groen).
    Green,
    /// At risk (oranje).
    Amber,
    /// Off track (rood).
    Red,
    /// No data (grijs).
    Grey,
}

/// Tension between a neighbourhood priority and city policy.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CityAlignment")]
pub enum CityAlignment {
    /// Not assessed yet.
    Unassessed,
    /// Aligned with the city programme.
    Aligned,
    /// Needs a city-wide trade-off (the wish-list risk).
    NeedsCityTradeOff,
    /// Short-term neighbourhood need against long-term city aim.
    ShortVsLongTerm,
    /// Conflicts with city policy.
    Conflict,
}

/// State of a commitment (toezegging).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CommitmentStatus")]
pub enum CommitmentStatus {
    /// Asked of the cluster, awaiting its answer (gevraagd).
    Requested,
    /// Committed with hours, money and budget line (toegezegd).
    Accepted,
    /// Committed with a reservation (voorbehoud).
    AcceptedWithReservation,
    /// Refused, with a reason (afgewezen).
    Rejected,
    /// Delivered (nagekomen).
    Delivered,
    /// Withdrawn, with a reason (ingetrokken).
    Withdrawn,
}

/// Whether a commitment continues existing effort or is new.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CommitmentKind")]
pub enum CommitmentKind {
    /// Continuation of existing effort (bestaande inzet).
    Continuation,
    /// New effort (nieuwe inzet).
    New,
}

/// Rung of the escalation ladder.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EscalationLevel")]
pub enum EscalationLevel {
    /// Inside the neighbourhood action team (wijkactieteam).
    Team,
    /// Inside the cluster (clusterdirectie).
    Cluster,
    /// With the area director (gebiedsdirecteur).
    Area,
    /// City-wide (directieraad / college).
    City,
}

/// State of an escalation.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EscalationStatus")]
pub enum EscalationStatus {
    /// Open.
    Open,
    /// Resolved (opgelost).
    Resolved,
    /// Withdrawn (ingetrokken).
    Withdrawn,
}

/// What an escalation is about.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::EscalationSubject")]
pub enum EscalationSubject {
    /// A commitment request unanswered past its deadline.
    OverdueRequest,
    /// A rejected commitment on a key action.
    RejectedCommitment,
    /// A plan item a cluster disputes.
    DisputedItem,
}

/// Phase of the planning & control cycle.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PncPhase")]
pub enum PncPhase {
    /// Budget (begroting): the original amounts.
    Budget,
    /// Spring memorandum (voorjaarsnota, eerste herziening).
    SpringRevision,
    /// Autumn revision (tweede herziening).
    AutumnRevision,
    /// Ten-month report (10-maandsrapportage).
    TenMonthReport,
    /// Annual accounts (jaarstukken): realised amounts.
    AnnualAccounts,
}

/// State of a P&C document.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PncDocumentStatus")]
pub enum PncDocumentStatus {
    /// In preparation (in voorbereiding).
    InPreparation,
    /// Submitted to the council (aangeboden).
    Submitted,
    /// Adopted (vastgesteld); its figures are final.
    Adopted,
}

/// Expenses or income.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::BudgetKind")]
pub enum BudgetKind {
    /// Expenses (lasten).
    Expenses,
    /// Income (baten).
    Income,
}

/// Type of budget amendment (bijstelling).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AmendmentType")]
pub enum AmendmentType {
    /// Savings or cuts (bezuinigingen/taakstellingen).
    Savings,
    /// Intensification (intensiveringen).
    Intensification,
    /// Cash shift between years (kasschuiven).
    CashShift,
    /// Unavoidable estimate adjustment (ramingsbijstelling onvermijdelijk).
    UnavoidableEstimate,
    /// Avoidable estimate adjustment (ramingsbijstelling vermijdbaar).
    AvoidableEstimate,
    /// Reserves (reserves).
    Reserves,
    /// Task mutation (taakmutaties).
    TaskMutation,
    /// Technical change (technische wijzigingen).
    Technical,
}

/// Where residents' input came from.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ResidentInputSource")]
pub enum ResidentInputSource {
    /// Residents' panel (bewonerspanel).
    Panel,
    /// Survey (enquête).
    Survey,
    /// Neighbourhood table (wijktafel).
    NeighbourhoodTable,
    /// Digital poll.
    DigitalPoll,
    /// Meeting (bijeenkomst).
    Meeting,
    /// Other source.
    Other,
}

/// What became of residents' input.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ResidentInputOutcome")]
pub enum ResidentInputOutcome {
    /// Not decided yet.
    Pending,
    /// Landed in a priority or action (verwerkt).
    Incorporated,
    /// Not incorporated, with a reason (niet verwerkt).
    NotIncorporated,
}

/// Kind of residents' body.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::RepresentativeBodyKind")]
pub enum RepresentativeBodyKind {
    /// Elected area committee (gebiedscommissie).
    AreaCommittee,
    /// Elected neighbourhood council (wijkraad).
    NeighbourhoodCouncil,
    /// Committee drawn by lot (wijkcomité).
    NeighbourhoodCommittee,
}

/// Role in a neighbourhood action team.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TeamRole")]
pub enum TeamRole {
    /// Leads the team and the plan (wijkmanager).
    NeighbourhoodManager,
    /// Speaks for a cluster in the team (clustervertegenwoordiger).
    ClusterRepresentative,
    /// A cluster's standing contact for the area (gebiedsaccounthouder).
    AccountHolder,
    /// Other role.
    Other,
}

/// Core or occasional team membership.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::MembershipKind")]
pub enum MembershipKind {
    /// Core member (kernlid).
    Core,
    /// Occasional member (flexibel lid).
    Occasional,
}

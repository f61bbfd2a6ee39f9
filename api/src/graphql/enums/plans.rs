//! Plans and their actions.

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

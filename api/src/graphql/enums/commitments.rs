//! Commitments and the escalation ladder.

use async_graphql::Enum;

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

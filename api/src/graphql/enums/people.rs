//! Residents' input, representative bodies and neighbourhood teams.

use async_graphql::Enum;

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

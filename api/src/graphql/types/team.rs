//! People and their dated memberships of neighbourhood action teams (wijkactieteams).

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};

use super::{Cluster, Neighbourhood, node_type};
use crate::graphql::connection::connections;
use crate::graphql::enums::{MembershipKind, TeamRole};

node_type!(
    /// A staff member (medewerker).
    Person wraps person
);
node_type!(
    /// A dated membership of a neighbourhood action team; ended, never overwritten.
    TeamMembership wraps team_membership links TeamMembershipLinks {
        /// The team's neighbourhood.
        neighbourhood: Neighbourhood by neighbourhood from neighbourhood_id,
        /// The member.
        person: Person by person from person_id,
        /// The cluster the member represents, if any.
        cluster: Cluster by cluster from cluster_id,
    }
);

#[Object]
impl Person {
    /// The person's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Full name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> PersonConnections {
        PersonConnections(self.0.id)
    }
}

#[Object]
impl TeamMembership {
    /// The membership's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Role in the team.
    async fn role(&self) -> TeamRole {
        self.0.role.into()
    }
    /// Core or occasional member.
    async fn kind(&self) -> MembershipKind {
        self.0.kind.into()
    }
    /// First day of the membership.
    async fn valid_from(&self) -> NaiveDate {
        self.0.valid_from.into()
    }
    /// Last day of the membership; empty while it lasts.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to.map(Into::into)
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> TeamMembershipLinks {
        TeamMembershipLinks::of(&self.0)
    }
}

connections! {
    PersonConnections of Person {
        /// The person's team memberships, past and present.
        team_memberships: TeamMembership by team_membership::PersonId,
    }
}

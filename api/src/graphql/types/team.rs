//! People and their dated memberships of neighbourhood action teams (wijkactieteams).

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use entity::*;

use super::{Cluster, Neighbourhood, node_type};
use crate::graphql::connection::connections;
use crate::graphql::context::one;
use crate::graphql::enums::{MembershipKind, TeamRole};

node_type!(
    /// A staff member (medewerker).
    Person wraps person
);
node_type!(
    /// A dated membership of a neighbourhood action team; ended, never overwritten.
    TeamMembership wraps team_membership
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
        self.0.valid_from
    }
    /// Last day of the membership; empty while it lasts.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to
    }
    /// The team's neighbourhood.
    async fn neighbourhood(&self, ctx: &Context<'_>) -> Result<Option<Neighbourhood>> {
        one::<neighbourhood::Entity, _>(ctx, Some(self.0.neighbourhood_id)).await
    }
    /// The member.
    async fn person(&self, ctx: &Context<'_>) -> Result<Option<Person>> {
        one::<person::Entity, _>(ctx, Some(self.0.person_id)).await
    }
    /// The cluster the member represents, if any.
    async fn cluster(&self, ctx: &Context<'_>) -> Result<Option<Cluster>> {
        one::<cluster::Entity, _>(ctx, self.0.cluster_id).await
    }
}

connections! {
    PersonConnections of Person {
        /// The person's team memberships, past and present.
        team_memberships: TeamMembership by team_membership::PersonId,
    }
}

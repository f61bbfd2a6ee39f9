//! Root lists of people and team memberships.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use super::order::order_input;
use super::{contains, eq_id};
use crate::graphql::connection::list;
use crate::graphql::connection::{Conn, PageArgs};
use crate::graphql::types::{Cluster, Neighbourhood, Person, TeamMembership};

order_input!(
    /// Fields persons sort by.
    PersonOrder, PersonOrderField, person {
        /// Name.
        Name => Name,
    }
);

/// Which people to list.
#[derive(InputObject, Default)]
pub struct PersonFilter {
    /// Name contains this text (case-insensitive).
    #[graphql(validator(custom = "super::FilterText"))]
    pub name_contains: Option<String>,
}

order_input!(
    /// Fields team memberships sort by.
    TeamMembershipOrder, TeamMembershipOrderField, team_membership {
        /// First day.
        ValidFrom => ValidFrom,
        /// Last day (open memberships last).
        ValidTo => ValidTo,
    }
);

/// Which team memberships to list.
#[derive(InputObject, Default)]
pub struct TeamMembershipFilter {
    /// Of this neighbourhood's team.
    pub neighbourhood_id: Option<ID>,
    /// Representing this cluster.
    pub cluster_id: Option<ID>,
    /// Memberships that ran on this date: the team as it was then.
    pub active_on: Option<NaiveDate>,
}

/// Root fields of the teams.
#[derive(Default)]
pub struct TeamQuery;

#[Object]
impl TeamQuery {
    /// Staff members.
    #[allow(clippy::too_many_arguments)]
    async fn people(
        &self,
        ctx: &Context<'_>,
        filter: Option<PersonFilter>,
        order_by: Option<Vec<PersonOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Person>> {
        let filter = filter.unwrap_or_default();
        let condition = contains(
            Condition::all(),
            person::Column::Name,
            filter.name_contains.as_ref(),
        );
        list::<person::Entity, _>(
            ctx,
            condition,
            &PersonOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// Dated memberships of neighbourhood action teams.
    #[allow(clippy::too_many_arguments)]
    async fn team_memberships(
        &self,
        ctx: &Context<'_>,
        filter: Option<TeamMembershipFilter>,
        order_by: Option<Vec<TeamMembershipOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<TeamMembership>> {
        let filter = filter.unwrap_or_default();
        let mut condition = eq_id(
            Condition::all(),
            team_membership::Column::NeighbourhoodId,
            Neighbourhood::TYPE_NAME,
            "filter.neighbourhoodId",
            filter.neighbourhood_id.as_ref(),
        )?;
        condition = eq_id(
            condition,
            team_membership::Column::ClusterId,
            Cluster::TYPE_NAME,
            "filter.clusterId",
            filter.cluster_id.as_ref(),
        )?;
        if let Some(date) = filter.active_on {
            condition = condition
                .add(team_membership::Column::ValidFrom.lte(date.0))
                .add(
                    Condition::any()
                        .add(team_membership::Column::ValidTo.is_null())
                        .add(team_membership::Column::ValidTo.gte(date.0)),
                );
        }
        list::<team_membership::Entity, _>(
            ctx,
            condition,
            &TeamMembershipOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }
}

//! Root lists of people and team memberships.

use super::lists::root_lists;
use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, InputObject};
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use super::filter::Conditions;
use super::order::order_input;
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

root_lists! {
    /// Root lists of the teams.
    TeamQuery {
        /// Staff members.
        people: Person of person where PersonFilter sorted PersonOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new().contains(person::Column::Name, filter.name_contains.as_ref()))
        },
        /// Dated memberships of neighbourhood action teams.
        team_memberships: TeamMembership of team_membership where TeamMembershipFilter sorted TeamMembershipOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new()
                .id(
                    team_membership::Column::NeighbourhoodId,
                    Neighbourhood::TYPE_NAME,
                    "filter.neighbourhoodId",
                    filter.neighbourhood_id.as_ref(),
                )?
                .id(team_membership::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?
                .when(filter.active_on, |date| {
                    Condition::all().add(team_membership::Column::ValidFrom.lte(date.0)).add(
                        Condition::any()
                            .add(team_membership::Column::ValidTo.is_null())
                            .add(team_membership::Column::ValidTo.gte(date.0)),
                    )
                }))
        },
    }
}

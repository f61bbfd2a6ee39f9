//! Neighbourhood action teams as dated memberships: added and ended, never overwritten, so
//! the team on any past date can be read back.

use chrono::NaiveDate;
use entity::enums::{MembershipKind, TeamRole};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Line, Title};

/// A new membership.
pub struct NewMember {
    /// The team's neighbourhood.
    pub neighbourhood_id: i32,
    /// An existing person, or
    pub person_id: Option<i32>,
    /// a new person by name,
    pub person_name: Option<Title>,
    /// with the subject of their tokens, if known,
    pub person_subject: Option<Line>,
    /// and whether their name may be shown to the public.
    pub person_public: bool,
    /// Role in the team.
    pub role: TeamRole,
    /// The cluster represented, for cluster representatives.
    pub cluster_id: Option<i32>,
    /// Core or occasional.
    pub kind: MembershipKind,
    /// First day.
    pub valid_from: NaiveDate,
}

/// Adds a member to a neighbourhood's team.
pub async fn add_member(
    change: &Change<'_>,
    input: NewMember,
) -> ApiResult<team_membership::Model> {
    neighbourhood::Entity::find_by_id(input.neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    if input.role == TeamRole::ClusterRepresentative && input.cluster_id.is_none() {
        return Err(ApiError::bad_input(
            "cluster_id",
            "a cluster representative represents a cluster",
        ));
    }
    if input.role != TeamRole::ClusterRepresentative && input.cluster_id.is_some() {
        return Err(ApiError::bad_input(
            "cluster_id",
            "only a cluster representative represents a cluster",
        ));
    }
    if let Some(id) = input.cluster_id {
        cluster::Entity::find_by_id(id)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("cluster"))?;
    }
    if input.person_subject.is_some() && input.person_name.is_none() {
        return Err(ApiError::bad_input(
            "person_subject",
            "goes with personName: it names a new person's login",
        ));
    }
    let person_id = match (input.person_id, input.person_name) {
        (Some(id), None) => {
            person::Entity::find_by_id(id)
                .one(change.txn())
                .await?
                .ok_or(ApiError::NotFound("person"))?
                .id
        }
        (None, Some(name)) => {
            let name = name.into_string();
            let subject = input.person_subject.map(Line::into_string);
            change
                .insert(person::ActiveModel {
                    name: Set(name),
                    subject: Set(subject),
                    public: Set(input.person_public),
                    ..Default::default()
                })
                .await?
                .id
        }
        _ => {
            return Err(ApiError::bad_input(
                "person_id",
                "give either personId or personName",
            ));
        }
    };
    let row = change
        .insert(team_membership::ActiveModel {
            neighbourhood_id: Set(input.neighbourhood_id),
            person_id: Set(person_id),
            role: Set(input.role),
            cluster_id: Set(input.cluster_id),
            kind: Set(input.kind),
            valid_from: Set(input.valid_from),
            valid_to: Set(None),
            ..Default::default()
        })
        .await?;
    change
        .created::<team_membership::Entity>(
            row.id,
            Operation::ManageTeam,
            "team membership",
            "addTeamMember",
            &row,
        )
        .await?;
    Ok(row)
}

/// Ends a membership on `valid_to` (its last day). An ended membership stays as it is.
pub async fn end_membership(
    change: &Change<'_>,
    id: i32,
    valid_to: NaiveDate,
) -> ApiResult<team_membership::Model> {
    let before = change
        .load::<team_membership::Entity>(id, Operation::ManageTeam, "team membership")
        .await?;
    if let Some(ended) = before.valid_to {
        return Err(ApiError::InvalidTransition {
            current: format!("ENDED {ended}"),
            attempted: "end the membership again",
        });
    }
    if valid_to < before.valid_from {
        return Err(ApiError::bad_input(
            "valid_to",
            "must not be before the membership started",
        ));
    }
    let result = team_membership::Entity::update_many()
        .set(team_membership::ActiveModel {
            valid_to: Set(Some(valid_to)),
            ..Default::default()
        })
        .filter(team_membership::Column::Id.eq(id))
        .filter(team_membership::Column::ValidTo.is_null())
        .exec(change.txn())
        .await?;
    if result.rows_affected == 0 {
        return Err(ApiError::InvalidTransition {
            current: "ENDED".to_owned(),
            attempted: "end the membership again",
        });
    }
    let after = team_membership::Entity::find_by_id(id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("team membership"))?;
    change
        .require::<team_membership::Entity>(id, Operation::ManageTeam, "team membership")
        .await?;
    change
        .audit(
            "TeamMembership",
            id,
            "endTeamMembership",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Sets the address where residents reach a neighbourhood's team (its neighbourhood
/// manager, or an admin).
pub async fn set_contact(
    change: &Change<'_>,
    neighbourhood_id: i32,
    contact: Line,
) -> ApiResult<neighbourhood::Model> {
    let before = change
        .load::<neighbourhood::Entity>(neighbourhood_id, Operation::Edit, "neighbourhood")
        .await?;
    let contact = contact.into_string();
    let after = neighbourhood::Entity::update_many()
        .set(neighbourhood::ActiveModel {
            contact: Set(Some(contact)),
            ..Default::default()
        })
        .filter(neighbourhood::Column::Id.eq(neighbourhood_id))
        .exec_with_returning(change.txn())
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    change
        .audit(
            "Neighbourhood",
            neighbourhood_id,
            "setNeighbourhoodContact",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

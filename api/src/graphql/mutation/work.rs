//! Progress reports, team memberships and a neighbourhood's contact.

use crate::graphql::scalars::NaiveDate;
use crate::value::{Line, Long, Percent, Title};
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::domain::progress::{self, Report};
use crate::domain::team::{self, NewMember};
use crate::graphql::enums::{ActionStatus, MembershipKind, TeamRole, TrafficLight};
use crate::graphql::relay::id_of;
use crate::graphql::types::{Action, Cluster, Neighbourhood, ProgressUpdate, TeamMembership};

/// Report progress on an action of an adopted plan.
#[derive(InputObject, Debug)]
pub struct ReportProgressInput {
    /// The action.
    pub action_id: ID,
    /// The action's version you saw.
    pub expected_version: i32,
    /// Percent done, 0..100.
    pub percent: i32,
    /// The status now.
    pub status: ActionStatus,
    /// The traffic light now.
    pub traffic_light: TrafficLight,
    /// What happened.
    pub note: String,
    /// Whether residents may read this report.
    #[graphql(default = false)]
    pub public: bool,
}

/// The action and the new report.
#[derive(SimpleObject)]
pub struct ReportProgressPayload {
    /// The action, with its status and progress now.
    pub action: Action,
    /// The report, kept in the action's history.
    pub progress_update: ProgressUpdate,
}

/// Add a member to a neighbourhood action team.
#[derive(InputObject, Debug)]
pub struct AddTeamMemberInput {
    /// The team's neighbourhood.
    pub neighbourhood_id: ID,
    /// An existing person…
    pub person_id: Option<ID>,
    /// …or a new one by name,
    pub person_name: Option<String>,
    /// with the subject (`sub`) of their tokens, so the service knows them as this team
    /// member: a cluster's representative asks their own cluster for commitments.
    pub person_subject: Option<String>,
    /// Whether the new person's name may be shown to the public (a neighbourhood manager
    /// as residents' point of contact); by default not.
    #[graphql(default)]
    pub person_public: bool,
    /// Role in the team.
    pub role: TeamRole,
    /// The cluster represented.
    pub cluster_id: Option<ID>,
    /// Core or occasional.
    #[graphql(default_with = "MembershipKind::Core")]
    pub kind: MembershipKind,
    /// First day.
    pub valid_from: NaiveDate,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// End a membership.
#[derive(InputObject, Debug)]
pub struct EndTeamMembershipInput {
    /// The membership.
    pub id: ID,
    /// Its last day.
    pub valid_to: NaiveDate,
}

/// The membership after the change.
#[derive(SimpleObject)]
pub struct TeamMembershipPayload {
    /// The membership.
    pub team_membership: TeamMembership,
}

/// Set where residents reach a neighbourhood's team.
#[derive(InputObject, Debug)]
pub struct SetNeighbourhoodContactInput {
    /// The neighbourhood.
    pub neighbourhood_id: ID,
    /// The contact address (a functional mailbox, a phone number or a web page).
    pub contact: String,
}

/// The neighbourhood after the change.
#[derive(SimpleObject)]
pub struct NeighbourhoodPayload {
    /// The neighbourhood.
    pub neighbourhood: Neighbourhood,
}

/// Progress, team and neighbourhood-contact mutations.
#[derive(Default)]
pub struct WorkMutation;

#[Object]
impl WorkMutation {
    /// Report progress on an action (its lead cluster or the neighbourhood manager); the
    /// history is kept.
    async fn report_progress(
        &self,
        ctx: &Context<'_>,
        input: ReportProgressInput,
    ) -> Result<ReportProgressPayload> {
        let action_id = id_of(Action::TYPE_NAME, "input.actionId", &input.action_id)?;
        let report = Report {
            percent: super::at("input.percent", Percent::parse(input.percent))?,
            status: input.status.into(),
            traffic_light: input.traffic_light.into(),
            note: super::at("input.note", Long::parse(&input.note))?,
            public: input.public,
        };
        let (action, update) = super::transact!(ctx, |change| progress::report(
            change,
            action_id,
            input.expected_version,
            report
        ));
        Ok(ReportProgressPayload {
            action: action.into(),
            progress_update: update.into(),
        })
    }

    /// Add a dated member to a neighbourhood action team.
    async fn add_team_member(
        &self,
        ctx: &Context<'_>,
        input: AddTeamMemberInput,
    ) -> Result<TeamMembershipPayload> {
        let once = super::Once::of(&input)?;
        let member = NewMember {
            neighbourhood_id: id_of(
                Neighbourhood::TYPE_NAME,
                "input.neighbourhoodId",
                &input.neighbourhood_id,
            )?,
            person_id: input
                .person_id
                .as_ref()
                .map(|id| id_of("Person", "input.personId", id))
                .transpose()?,
            person_name: super::at(
                "input.personName",
                Title::parse_optional(input.person_name.as_deref()),
            )?,
            person_subject: super::at(
                "input.personSubject",
                Line::parse_optional(input.person_subject.as_deref()),
            )?,
            person_public: input.person_public,
            role: input.role.into(),
            cluster_id: input
                .cluster_id
                .as_ref()
                .map(|id| id_of(Cluster::TYPE_NAME, "input.clusterId", id))
                .transpose()?,
            kind: input.kind.into(),
            valid_from: input.valid_from.0,
        };
        let row = super::create_once!(
            ctx,
            once,
            "addTeamMember",
            entity::team_membership::Entity,
            |change| team::add_member(change, member)
        );
        Ok(TeamMembershipPayload {
            team_membership: row.into(),
        })
    }

    /// Set where residents reach a neighbourhood's team (its neighbourhood manager).
    async fn set_neighbourhood_contact(
        &self,
        ctx: &Context<'_>,
        input: SetNeighbourhoodContactInput,
    ) -> Result<NeighbourhoodPayload> {
        let id = id_of(
            Neighbourhood::TYPE_NAME,
            "input.neighbourhoodId",
            &input.neighbourhood_id,
        )?;
        let contact = super::at("input.contact", Line::parse(&input.contact))?;
        let neighbourhood = super::transact!(ctx, |change| crate::domain::team::set_contact(
            change, id, contact
        ));
        Ok(NeighbourhoodPayload {
            neighbourhood: neighbourhood.into(),
        })
    }

    /// End a team membership on its last day; the history stays.
    async fn end_team_membership(
        &self,
        ctx: &Context<'_>,
        input: EndTeamMembershipInput,
    ) -> Result<TeamMembershipPayload> {
        let id = id_of(TeamMembership::TYPE_NAME, "input.id", &input.id)?;
        let row = super::transact!(ctx, |change| team::end_membership(
            change,
            id,
            input.valid_to.0
        ));
        Ok(TeamMembershipPayload {
            team_membership: row.into(),
        })
    }
}

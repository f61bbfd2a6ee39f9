//! Issues outside the plan: recorded on the neighbourhood's issue list for the year, then
//! requested, answered and escalated with the commitment and escalation mutations.

use crate::graphql::scalars::NaiveDate;
use crate::value::Year;
use async_graphql::{Context, ID, InputObject, Object, Result};

use super::actions::ActionPayload;
use crate::domain::issue::{self, NewIssue};
use crate::graphql::relay::id_of;
use crate::graphql::types::{Cluster, Neighbourhood};

/// Record a question or signal from a neighbourhood that is not an action of its plan.
#[derive(InputObject, Debug)]
pub struct RecordNeighbourhoodIssueInput {
    /// The neighbourhood it came up in.
    pub neighbourhood_id: ID,
    /// The year it belongs to; by default the current one.
    pub year: Option<i32>,
    /// The issue in the team's own words.
    pub description: String,
    /// The cluster expected to take it up, if known.
    pub lead_cluster_id: Option<ID>,
    /// Who is responsible.
    pub responsible_person: Option<String>,
    /// When it should be dealt with.
    pub deadline: Option<NaiveDate>,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// Issue mutations.
#[derive(Default)]
pub struct IssueMutation;

#[Object]
impl IssueMutation {
    /// Record an issue outside the plan (the neighbourhood's manager, or the area
    /// director): it lands on the neighbourhood's issue list for the year (`Plan.kind`
    /// `ISSUE_LIST`, started with its first issue) as an action, so `requestCommitment`,
    /// `respondToCommitment` and `raiseEscalation` work on it as on a plan action.
    /// `filter: {outsidePlan: true}` on `actions` and `commitments` reports them apart.
    async fn record_neighbourhood_issue(
        &self,
        ctx: &Context<'_>,
        input: RecordNeighbourhoodIssueInput,
    ) -> Result<ActionPayload> {
        let once = super::Once::of(&input)?;
        let neighbourhood_id = id_of(
            Neighbourhood::TYPE_NAME,
            "input.neighbourhoodId",
            &input.neighbourhood_id,
        )?;
        let lead_cluster_id = input
            .lead_cluster_id
            .as_ref()
            .map(|id| id_of(Cluster::TYPE_NAME, "input.leadClusterId", id))
            .transpose()?;
        let new = NewIssue {
            neighbourhood_id,
            year: super::at("input.year", input.year.map(Year::parse).transpose())?,
            fields: super::actions::action_fields(
                Some(input.description.as_str()),
                lead_cluster_id,
                input.responsible_person.as_deref(),
                None,
                input.deadline,
            )?,
        };
        let action = super::create_once!(
            ctx,
            once,
            "recordNeighbourhoodIssue",
            entity::action::Entity,
            |change| issue::record_issue(change, new)
        );
        Ok(ActionPayload {
            action: action.into(),
        })
    }
}

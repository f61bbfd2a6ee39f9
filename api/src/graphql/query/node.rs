//! `node(id:)`: any object by its global id. An id of a row the caller may not see answers
//! exactly like an id that does not exist: `null`.

use async_graphql::{Context, ID, Object, Result};
use entity::*;

use crate::graphql::context::one;
use crate::graphql::relay::decode_id;
use crate::graphql::types::*;

/// The `node` root field.
#[derive(Default)]
pub struct NodeQuery;

macro_rules! load_node {
    ($ctx:expr, $type_name:expr, $id:expr; $($variant:ident => $module:ident),* $(,)?) => {
        match $type_name {
            $(name if name == $variant::TYPE_NAME => {
                one::<$module::Entity, $variant>($ctx, Some($id)).await?.map(Node::$variant)
            })*
            _ => None,
        }
    };
}

#[Object]
impl NodeQuery {
    /// The object with this global id, or null when there is none the caller may see.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Node>> {
        let Some((type_name, id)) = decode_id(&id) else {
            return Ok(None);
        };
        Ok(load_node!(ctx, type_name.as_str(), id;
            Area => area, Neighbourhood => neighbourhood, RepresentativeBody => representative_body,
            Cluster => cluster, CityProgramme => city_programme, Product => product,
            Plan => plan, PlanRevision => plan_revision, CommitteeAdvice => committee_advice, Priority => priority, Action => action, ActionPosition => action_position,
            AdoptionWaiver => adoption_waiver, ProgressUpdate => progress_update,
            Person => person, TeamMembership => team_membership, Commitment => commitment,
            Escalation => escalation, EscalationEvent => escalation_event, BudgetLine => budget_line,
            PncDocument => pnc_document, BudgetAmendment => budget_amendment, ResidentInput => resident_input, AuditEvent => audit_event,
        ))
    }
}

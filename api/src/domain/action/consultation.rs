//! During consultation a cluster proposes measures for itself to lead and gives its
//! position on the actions it is asked to lead.

use chrono::Utc;
use entity::enums::{ClusterPosition, PlanStatus};
use entity::*;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::{ActionFields, insert, live};
use crate::access::Operation;
use crate::domain::Change;
use crate::domain::plan::{plan_of_action, status_name};
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

/// A cluster proposes a measure for a plan in consultation, to be led by itself
/// (`fields.lead_cluster_id`, one of the caller's clusters): the action is marked as
/// proposed by that cluster.
pub async fn propose_action(
    change: &Change<'_>,
    priority_id: i32,
    fields: ActionFields,
) -> ApiResult<action::Model> {
    let priority = change
        .load::<priority::Entity>(priority_id, Operation::Read, "priority")
        .await?;
    let plan = change
        .load::<plan::Entity>(priority.plan_id, Operation::Read, "plan")
        .await?;
    in_consultation(&plan, "propose a measure")?;
    let Some(cluster) = fields.lead_cluster_id else {
        return Err(ApiError::bad_input(
            "lead_cluster_id",
            "is required: the cluster that proposes the measure and will lead it",
        ));
    };
    let row = insert(change, &priority, fields, Some(cluster)).await?;
    change
        .created::<action::Entity>(row.id, Operation::Consult, "action", "proposeAction", &row)
        .await?;
    Ok(row)
}

/// `INVALID_TRANSITION` unless the plan is in consultation.
fn in_consultation(plan: &plan::Model, attempted: &'static str) -> ApiResult<()> {
    if plan.status == PlanStatus::InConsultation {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition {
            current: status_name(plan.status),
            attempted,
        })
    }
}

/// A cluster's position on an action.
pub struct NewPosition {
    /// The action.
    pub action_id: i32,
    /// Support, support with a reservation, or objection.
    pub position: ClusterPosition,
    /// Why; required unless the position is plain support.
    pub reason: Option<Reason>,
}

/// The lead cluster gives its position on an action of a plan in consultation. The
/// position is added to the action's history and becomes its lead cluster's current one.
pub async fn take_position(
    change: &Change<'_>,
    input: NewPosition,
) -> ApiResult<action_position::Model> {
    let before = change
        .load::<action::Entity>(input.action_id, Operation::Consult, "action")
        .await?;
    live(&before, "take a position on the action")?;
    let plan = plan_of_action(change, &before).await?;
    in_consultation(&plan, "take a position on the action")?;
    let reason = match (input.position, input.reason) {
        (ClusterPosition::Support, reason) => reason.map(Reason::into_string),
        (_, Some(reason)) => Some(reason.into_string()),
        (_, None) => {
            return Err(ApiError::bad_input(
                "reason",
                "is required with a reservation or an objection",
            ));
        }
    };
    let Some(cluster_id) = before.lead_cluster_id else {
        return Err(ApiError::Forbidden(
            "the action has no lead cluster".to_owned(),
        ));
    };
    let now = Utc::now();
    let row = change
        .insert(action_position::ActiveModel {
            action_id: Set(before.id),
            cluster_id: Set(cluster_id),
            position: Set(input.position),
            reason: Set(reason),
            taken_by: Set(change.actor()),
            taken_at: Set(now),
            ..Default::default()
        })
        .await?;
    action::Entity::update_many()
        .set(action::ActiveModel {
            lead_position: Set(Some(input.position)),
            updated_at: Set(now),
            ..Default::default()
        })
        .col_expr(
            action::Column::Version,
            Expr::col(action::Column::Version).add(1),
        )
        .filter(action::Column::Id.eq(before.id))
        .exec(change.txn())
        .await?;
    change
        .created::<action_position::Entity>(
            row.id,
            Operation::Read,
            "position",
            "takePosition",
            &row,
        )
        .await?;
    Ok(row)
}

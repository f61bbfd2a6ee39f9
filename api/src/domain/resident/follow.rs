//! Input whose place was dropped: its landings end, input on a dropped action moves to the
//! action's priority, and input with no place left reopens.

use chrono::Utc;
use entity::enums::ResidentInputOutcome;
use entity::*;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter};

use super::{current_landings, land};
use crate::domain::Change;
use crate::error::{ApiError, ApiResult};

/// What was dropped, for the landings in it.
pub enum Dropped<'a> {
    /// Priorities (with their actions).
    Priorities(&'a [i32]),
    /// An action: input that landed in it moves to the action's priority.
    Action(&'a action::Model),
}

/// Ends the landings in what was dropped, with `reason`. Input on a dropped action moves
/// to the action's priority; input with no place left reopens (pending again). Each input
/// touched is audited, so residents and staff see what happened.
pub async fn follow_drop(change: &Change<'_>, dropped: Dropped<'_>, reason: &str) -> ApiResult<()> {
    let touched = match &dropped {
        Dropped::Priorities(ids) => {
            Condition::any().add(input_landing::Column::PriorityId.is_in(ids.iter().copied()))
        }
        Dropped::Action(action) => {
            Condition::all().add(input_landing::Column::ActionId.eq(action.id))
        }
    };
    let landings = input_landing::Entity::find()
        .filter(touched)
        .filter(input_landing::Column::EndedAt.is_null())
        .all(change.txn())
        .await?;
    if landings.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    input_landing::Entity::update_many()
        .set(input_landing::ActiveModel {
            ended_at: Set(Some(now)),
            end_reason: Set(Some(reason.to_owned())),
            ..Default::default()
        })
        .filter(input_landing::Column::Id.is_in(landings.iter().map(|landing| landing.id)))
        .exec(change.txn())
        .await?;
    let mut inputs: Vec<i32> = landings
        .iter()
        .map(|landing| landing.resident_input_id)
        .collect();
    inputs.sort_unstable();
    inputs.dedup();
    for input in inputs {
        if let Dropped::Action(action) = &dropped {
            let on_priority = current_landings(change, input)
                .await?
                .iter()
                .any(|landing| {
                    landing.priority_id == action.priority_id && landing.action_id.is_none()
                });
            if !on_priority {
                land(change, input, action.priority_id, None).await?;
            }
        }
        let left = current_landings(change, input).await?;
        let before = resident_input::Entity::find_by_id(input)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("residents' input"))?;
        let changes = match left.first() {
            Some(first) => resident_input::ActiveModel {
                priority_id: Set(Some(first.priority_id)),
                action_id: Set(first.action_id),
                ..Default::default()
            },
            None => resident_input::ActiveModel {
                outcome: Set(ResidentInputOutcome::Pending),
                priority_id: Set(None),
                action_id: Set(None),
                ..Default::default()
            },
        };
        let after = resident_input::Entity::update_many()
            .set(changes)
            .col_expr(
                resident_input::Column::Version,
                Expr::col(resident_input::Column::Version).add(1),
            )
            .filter(resident_input::Column::Id.eq(input))
            .exec_with_returning(change.txn())
            .await?;
        let operation = if left.is_empty() {
            "reopenResidentInput"
        } else {
            "moveResidentInput"
        };
        change
            .audit(
                "ResidentInput",
                input,
                operation,
                Some(&before),
                after.first(),
            )
            .await?;
    }
    Ok(())
}

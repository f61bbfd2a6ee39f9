//! Merging two plans of one neighbourhood: one survives with the priorities moved into it,
//! the other is superseded.

use super::{active_priorities, status_name};
use chrono::Utc;
use entity::enums::PlanStatus;
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

/// A merge of two plans of the same kind, area and year.
pub struct Merge {
    /// The plan that continues.
    pub surviving_id: i32,
    /// Its version the caller saw.
    pub surviving_version: i32,
    /// The plan it supersedes.
    pub merged_id: i32,
    /// Its version the caller saw.
    pub merged_version: i32,
    /// Active priorities of the merged plan that move, in rank order after the surviving
    /// plan's own.
    pub moving: Vec<i32>,
    /// Why the others are dropped.
    pub drop_reason: Option<Reason>,
}

/// Merges plans: the chosen priorities move into the surviving plan (their actions,
/// commitments and residents' input hang under them and move along); the others are
/// dropped, and the commitments still open on their actions are withdrawn, freeing their
/// money; the merged plan is superseded. All audited, in one transaction.
pub async fn merge_plans(change: &Change<'_>, merge: Merge) -> ApiResult<plan::Model> {
    let Merge {
        surviving_id,
        surviving_version,
        merged_id,
        merged_version,
        moving,
        drop_reason,
    } = merge;
    if surviving_id == merged_id {
        return Err(ApiError::bad_input(
            "merged_plan_id",
            "must be another plan than the surviving one",
        ));
    }
    let surviving = change
        .load::<plan::Entity>(surviving_id, Operation::Adopt, "plan")
        .await?;
    let merged = change
        .load::<plan::Entity>(merged_id, Operation::Adopt, "plan")
        .await?;
    for plan in [&surviving, &merged] {
        if matches!(plan.status, PlanStatus::Superseded | PlanStatus::Closed) {
            return Err(ApiError::InvalidTransition {
                current: status_name(plan.status),
                attempted: "merge the plan",
            });
        }
    }
    if (surviving.year_from, surviving.area_id, surviving.kind)
        != (merged.year_from, merged.area_id, merged.kind)
    {
        return Err(ApiError::bad_input(
            "merged_plan_id",
            "must be a plan of the same kind, area and year",
        ));
    }
    let now = Utc::now();
    let reason = match drop_reason {
        Some(reason) => reason.into_string(),
        None => format!("merged into {}", surviving.title),
    };
    let offered = active_priorities(change, merged_id).await?;
    let mut unique = std::collections::HashSet::new();
    for id in &moving {
        if !offered.iter().any(|priority| priority.id == *id) || !unique.insert(*id) {
            return Err(ApiError::bad_input(
                "move_priority_ids",
                "each must be a different active priority of the merged plan",
            ));
        }
    }
    let kept = active_priorities(change, surviving_id).await?;
    let mut taken: Vec<i32> = kept.iter().filter_map(|priority| priority.rank).collect();
    if kept.len() + moving.len() > crate::domain::priority::MAX_PRIORITIES {
        return Err(ApiError::bad_input(
            "move_priority_ids",
            format!(
                "the surviving plan has {} priorities and holds at most {}: drop one first or move fewer",
                kept.len(),
                crate::domain::priority::MAX_PRIORITIES
            ),
        ));
    }
    for id in &moving {
        let Some(before) = offered.iter().find(|priority| priority.id == *id) else {
            continue;
        };
        let rank = (1..=crate::domain::priority::MAX_PRIORITIES as i32)
            .find(|rank| !taken.contains(rank))
            .unwrap_or_default();
        taken.push(rank);
        // One statement moves plan and rank together; the rank is free in the surviving
        // plan, so the (plan, rank) index holds.
        let after = priority::Entity::update_many()
            .set(priority::ActiveModel {
                plan_id: Set(surviving_id),
                rank: Set(Some(rank)),
                updated_at: Set(now),
                ..Default::default()
            })
            .filter(priority::Column::Id.eq(*id))
            .exec_with_returning(change.txn())
            .await?;
        change
            .audit("Priority", *id, "mergePlans", Some(before), after.first())
            .await?;
    }
    let dropped: Vec<&priority::Model> = offered
        .iter()
        .filter(|priority| !moving.contains(&priority.id))
        .collect();
    priority::Entity::update_many()
        .set(priority::ActiveModel {
            rank: Set(None),
            dropped_at: Set(Some(now)),
            drop_reason: Set(Some(reason.clone())),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(priority::Column::Id.is_in(dropped.iter().map(|p| p.id)))
        .exec(change.txn())
        .await?;
    let dropped: Vec<i32> = dropped.iter().map(|priority| priority.id).collect();
    crate::domain::resident::follow_drop(
        change,
        crate::domain::resident::Dropped::Priorities(&dropped),
        &format!("priority dropped: {reason}"),
    )
    .await?;
    crate::domain::commitment::withdraw_under(
        change,
        dropped,
        &format!("priority dropped: {reason}"),
    )
    .await?;
    change
        .updated(
            merged_id,
            &merged,
            merged_version,
            plan::ActiveModel {
                status: Set(PlanStatus::Superseded),
                superseded_by_id: Set(Some(surviving_id)),
                updated_at: Set(now),
                ..Default::default()
            },
            "mergePlans",
        )
        .await?;
    let after_surviving = change
        .update(
            surviving_id,
            surviving_version,
            plan::ActiveModel {
                updated_at: Set(now),
                ..Default::default()
            },
        )
        .await?;
    Ok(after_surviving)
}

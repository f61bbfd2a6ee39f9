//! Priorities of a plan: at most five active ones, ranked 1..5 and unique; edited,
//! reordered at once, or dropped with a reason — never deleted, so their history stays.

use chrono::Utc;
use entity::enums::CityAlignment;
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use super::plan::{active_priorities, editable, plan_of_priority};
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Long, Rank, Reason, Title};

/// Most active priorities in a neighbourhood action plan.
pub const MAX_PRIORITIES: usize = 5;

/// A new priority.
pub struct NewPriority {
    /// The plan.
    pub plan_id: i32,
    /// The plan's version the caller saw.
    pub expected_plan_version: i32,
    /// Short title.
    pub title: Title,
    /// What it is about.
    pub description: Long,
    /// Rank 1..5; by default the first free one.
    pub rank: Option<Rank>,
    /// Linked city programme.
    pub city_programme_id: Option<i32>,
    /// Assessment against city policy.
    pub city_alignment: CityAlignment,
}

/// Adds a priority to a plan that is not yet adopted: at most five, ranks unique.
pub async fn add_priority(change: &Change<'_>, input: NewPriority) -> ApiResult<priority::Model> {
    let plan = change
        .load::<plan::Entity>(input.plan_id, Operation::Edit, "plan")
        .await?;
    editable(&plan, "add a priority")?;
    let active = active_priorities(change, plan.id).await?;
    if active.len() >= MAX_PRIORITIES {
        return Err(ApiError::bad_input(
            "plan_id",
            format!("the plan already has {MAX_PRIORITIES} priorities; drop one first"),
        ));
    }
    let taken: Vec<i32> = active.iter().filter_map(|p| p.rank).collect();
    let rank = match input.rank.map(Rank::get) {
        Some(rank) if !(1..=MAX_PRIORITIES as i32).contains(&rank) => {
            return Err(ApiError::bad_input(
                "rank",
                format!("must be from 1 to {MAX_PRIORITIES}"),
            ));
        }
        Some(rank) if taken.contains(&rank) => {
            return Err(ApiError::bad_input(
                "rank",
                format!("rank {rank} is taken; reorder the priorities first"),
            ));
        }
        Some(rank) => rank,
        None => (1..=MAX_PRIORITIES as i32)
            .find(|rank| !taken.contains(rank))
            .unwrap_or(MAX_PRIORITIES as i32),
    };
    if let Some(programme) = input.city_programme_id {
        city_programme::Entity::find_by_id(programme)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("city programme"))?;
    }
    // The plan's version moves with its content, so two editors adding at once conflict.
    change
        .update(
            plan.id,
            input.expected_plan_version,
            plan::ActiveModel {
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
        )
        .await?;
    let now = Utc::now();
    let row = change
        .insert(priority::ActiveModel {
            plan_id: Set(plan.id),
            rank: Set(Some(rank)),
            title: Set(input.title.into_string()),
            description: Set(input.description.into_string()),
            theme: Set(None),
            city_programme_id: Set(input.city_programme_id),
            city_alignment: Set(input.city_alignment),
            dropped_at: Set(None),
            drop_reason: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    change
        .audit("Priority", row.id, "addPriority", None::<&()>, Some(&row))
        .await?;
    Ok(row)
}

/// A priority's content; absent fields stay as they are.
#[derive(Default)]
pub struct PriorityFields {
    /// Short title.
    pub title: Option<Title>,
    /// What it is about.
    pub description: Option<Long>,
    /// Linked city programme.
    pub city_programme_id: Option<i32>,
    /// Assessment against city policy.
    pub city_alignment: Option<CityAlignment>,
}

/// Edits a priority of a plan that is not yet adopted.
pub async fn update_priority(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    fields: PriorityFields,
) -> ApiResult<priority::Model> {
    let (before, plan) = plan_of_priority(change, id).await?;
    editable(&plan, "edit the priority")?;
    if let Some(programme) = fields.city_programme_id {
        city_programme::Entity::find_by_id(programme)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("city programme"))?;
    }
    let mut changes = priority::ActiveModel {
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    if let Some(title) = fields.title {
        changes.title = Set(title.into_string());
    }
    if let Some(description) = fields.description {
        changes.description = Set(description.into_string());
    }
    if let Some(programme) = fields.city_programme_id {
        changes.city_programme_id = Set(Some(programme));
    }
    if let Some(alignment) = fields.city_alignment {
        changes.city_alignment = Set(alignment);
    }
    let after = change
        .updated(id, &before, expected, changes, "updatePriority")
        .await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    Ok(after)
}

/// Gives a plan's active priorities the ranks 1..n in the order given, atomically: the
/// list must name every active priority exactly once.
pub async fn reorder_priorities(
    change: &Change<'_>,
    plan_id: i32,
    expected_plan_version: i32,
    order: &[i32],
) -> ApiResult<Vec<priority::Model>> {
    let plan = change
        .load::<plan::Entity>(plan_id, Operation::Edit, "plan")
        .await?;
    editable(&plan, "reorder the priorities")?;
    let active = active_priorities(change, plan_id).await?;
    let mut given = order.to_vec();
    given.sort_unstable();
    given.dedup();
    let mut current: Vec<i32> = active.iter().map(|p| p.id).collect();
    current.sort_unstable();
    if given.len() != order.len() || given != current {
        return Err(ApiError::bad_input(
            "priority_ids",
            "must list each active priority of the plan exactly once",
        ));
    }
    change
        .update(
            plan_id,
            expected_plan_version,
            plan::ActiveModel {
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
        )
        .await?;
    // Clear the ranks first: the (plan, rank) uniqueness holds after every statement.
    priority::Entity::update_many()
        .set(priority::ActiveModel {
            rank: Set(None),
            ..Default::default()
        })
        .filter(priority::Column::Id.is_in(order.iter().copied()))
        .exec(change.txn())
        .await?;
    for (index, id) in order.iter().enumerate() {
        priority::Entity::update_many()
            .set(priority::ActiveModel {
                rank: Set(Some(index as i32 + 1)),
                updated_at: Set(Utc::now()),
                ..Default::default()
            })
            .filter(priority::Column::Id.eq(*id))
            .exec(change.txn())
            .await?;
    }
    let after = active_priorities(change, plan_id).await?;
    change
        .require::<plan::Entity>(plan_id, Operation::Edit, "plan")
        .await?;
    change
        .audit(
            "Plan",
            plan_id,
            "reorderPriorities",
            Some(&active),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Drops a priority from a plan that is not yet adopted; it keeps its history.
pub async fn drop_priority(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: Reason,
) -> ApiResult<priority::Model> {
    let (before, plan) = plan_of_priority(change, id).await?;
    editable(&plan, "drop the priority")?;
    if before.dropped_at.is_some() {
        return Err(ApiError::InvalidTransition {
            current: "DROPPED".to_owned(),
            attempted: "drop the priority",
        });
    }
    let changes = priority::ActiveModel {
        rank: Set(None),
        dropped_at: Set(Some(Utc::now())),
        drop_reason: Set(Some(reason.into_string())),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    let after = change.update(id, expected, changes).await?;
    change
        .require::<plan::Entity>(plan.id, Operation::Edit, "plan")
        .await?;
    super::resident::follow_drop(
        change,
        super::resident::Dropped::Priorities(&[id]),
        &format!(
            "priority dropped: {}",
            after.drop_reason.as_deref().unwrap_or_default()
        ),
    )
    .await?;
    change
        .audit("Priority", id, "dropPriority", Some(&before), Some(&after))
        .await?;
    Ok(after)
}

//! Disputes settled by a revision of their plan.

use super::{apply, record};
use chrono::Utc;
use entity::enums::EscalationStatus;
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::domain::Change;
use crate::error::{ApiError, ApiResult};

/// Links open dispute `id` to the plan revision opened to settle it; the history says so.
pub(crate) async fn link_to_revision(
    change: &Change<'_>,
    id: i32,
    revision: &plan_revision::Model,
) -> ApiResult<()> {
    let before = escalation::Entity::find_by_id(id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("escalation"))?;
    let changes = escalation::ActiveModel {
        settled_by_revision_id: Set(Some(revision.id)),
        ..Default::default()
    };
    let note = format!("to be settled by revision {} of the plan", revision.number);
    record(
        change,
        &before,
        before.version,
        changes,
        &note,
        "revisePlan",
    )
    .await?;
    Ok(())
}

/// Resolves the open disputes `revision` was opened to settle, now that it is adopted.
pub(crate) async fn settle_by_revision(
    change: &Change<'_>,
    revision: &plan_revision::Model,
) -> ApiResult<()> {
    let open = escalation::Entity::find()
        .filter(escalation::Column::SettledByRevisionId.eq(revision.id))
        .filter(escalation::Column::Status.eq(EscalationStatus::Open))
        .all(change.txn())
        .await?;
    let resolution = format!(
        "settled by revision {} of the plan: {}",
        revision.number,
        revision.reason.as_deref().unwrap_or_default()
    );
    for before in open {
        let changes = escalation::ActiveModel {
            status: Set(EscalationStatus::Resolved),
            resolution: Set(Some(resolution.clone())),
            closed_at: Set(Some(Utc::now())),
            ..Default::default()
        };
        apply(
            change,
            &before,
            before.version,
            changes,
            &resolution,
            "adoptPlan",
        )
        .await?;
    }
    Ok(())
}

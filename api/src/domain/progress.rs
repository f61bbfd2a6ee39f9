//! Progress on actions of adopted plans, reported by the lead cluster or the
//! neighbourhood manager. Each report is kept; the action shows the latest.

use chrono::Utc;
use entity::enums::{ActionStatus, PlanStatus, TrafficLight};
use entity::*;
use sea_orm::ActiveValue::Set;

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Long, Percent};

/// One report.
pub struct Report {
    /// Percent done.
    pub percent: Percent,
    /// The action's status now.
    pub status: ActionStatus,
    /// The traffic light now.
    pub traffic_light: TrafficLight,
    /// What happened.
    pub note: Long,
    /// Whether residents may read it.
    pub public: bool,
}

/// Records a progress report and updates the action.
pub async fn report(
    change: &Change<'_>,
    action_id: i32,
    expected: i32,
    report: Report,
) -> ApiResult<(action::Model, progress_update::Model)> {
    let before = change
        .load_at::<action::Entity>(action_id, expected, Operation::ReportProgress, "action")
        .await?;
    let plan = super::plan::plan_of_action(change, &before).await?;
    if plan.status != PlanStatus::Adopted {
        return Err(ApiError::InvalidTransition {
            current: status_name(plan.status),
            attempted: "report progress on an action of this plan",
        });
    }
    let note = report.note.into_string();
    let now = Utc::now();
    let after = change
        .update(
            action_id,
            expected,
            action::ActiveModel {
                status: Set(report.status),
                progress_percent: Set(report.percent.get()),
                traffic_light: Set(report.traffic_light),
                updated_at: Set(now),
                ..Default::default()
            },
        )
        .await?;
    let update = change
        .insert(progress_update::ActiveModel {
            action_id: Set(action_id),
            reported_at: Set(now),
            reported_by: Set(change.actor()),
            percent: Set(report.percent.get()),
            status: Set(report.status),
            traffic_light: Set(report.traffic_light),
            note: Set(note),
            public: Set(report.public),
            ..Default::default()
        })
        .await?;
    change
        .require::<action::Entity>(action_id, Operation::ReportProgress, "action")
        .await?;
    change
        .audit(
            "Action",
            action_id,
            "reportProgress",
            Some(&before),
            Some(&after),
        )
        .await?;
    change.announce(crate::events::EventKind::ProgressReported, update.id);
    Ok((after, update))
}

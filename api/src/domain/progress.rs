//! Progress on actions of adopted plans, reported by the lead cluster or the
//! neighbourhood manager. Each report is kept; the action shows the latest.

use chrono::Utc;
use entity::enums::{ActionStatus, PlanStatus, TrafficLight};
use entity::*;
use sea_orm::ActiveValue::Set;

use super::plan::status_name;
use super::{Change, text};
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};

/// One report.
pub struct Report {
    /// Percent done, 0..100.
    pub percent: i32,
    /// The action's status now.
    pub status: ActionStatus,
    /// The traffic light now.
    pub traffic_light: TrafficLight,
    /// What happened.
    pub note: String,
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
    if !(0..=100).contains(&report.percent) {
        return Err(ApiError::bad_input("percent", "must be from 0 to 100"));
    }
    let note = text("note", &report.note, 4000)?;
    let now = Utc::now();
    let after = change
        .update(
            action_id,
            expected,
            action::ActiveModel {
                status: Set(report.status),
                progress_percent: Set(report.percent),
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
            percent: Set(report.percent),
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

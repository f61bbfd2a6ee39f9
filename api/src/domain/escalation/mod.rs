//! Escalations: raised on an overdue request, a rejection or a disputed plan item, then
//! moved up the ladder team → cluster → area → city. Each level has an owner by role
//! grant; only the owner resolves or moves it up. Every step is kept as history.
//!
//! The ladder — its rungs, who owns each, where an escalation arises — and the pieces every
//! step shares are here; raising and disputing are in `raise.rs`, the steps up, the
//! resolution and the withdrawal in `steps.rs`, the link to a plan's revision in
//! `revision.rs`.

mod raise;
mod revision;
mod steps;

pub use raise::{dispute, raise};
pub(super) use revision::{link_to_revision, settle_by_revision};
pub use steps::{Outcome, escalate_further, resolve, withdraw};

use chrono::Utc;
use entity::enums::{EscalationLevel, EscalationStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};

/// What the escalation is about.
pub enum Subject {
    /// A request unanswered past its deadline.
    OverdueRequest(i32),
    /// A rejected commitment.
    RejectedCommitment(i32),
    /// A disputed action of an adopted plan.
    DisputedAction(i32),
    /// A disputed priority of an adopted plan.
    DisputedPriority(i32),
}

/// The codes an escalation's owners are named by.
struct Place {
    neighbourhood_id: i32,
    neighbourhood_code: String,
    area_code: String,
    cluster_code: Option<String>,
    cluster_id: Option<i32>,
}

/// The owner grant of a level, for an escalation in the neighbourhood, area and (when it
/// is about one) cluster with these codes.
pub(crate) fn owner_at(
    level: EscalationLevel,
    neighbourhood_code: &str,
    cluster_code: Option<&str>,
    area_code: &str,
) -> String {
    match level {
        EscalationLevel::Team => format!("neighbourhood_manager:{neighbourhood_code}"),
        EscalationLevel::Cluster => match cluster_code {
            Some(code) => format!("cluster_manager:{code}"),
            None => format!("area_director:{area_code}"),
        },
        EscalationLevel::Area => format!("area_director:{area_code}"),
        EscalationLevel::City => "admin".to_owned(),
    }
}

impl Place {
    /// The owner grant of `level` here.
    fn owner(&self, level: EscalationLevel) -> String {
        owner_at(
            level,
            &self.neighbourhood_code,
            self.cluster_code.as_deref(),
            &self.area_code,
        )
    }
}

/// The next rung.
fn above(level: EscalationLevel) -> Option<EscalationLevel> {
    match level {
        EscalationLevel::Team => Some(EscalationLevel::Cluster),
        EscalationLevel::Cluster => Some(EscalationLevel::Area),
        EscalationLevel::Area => Some(EscalationLevel::City),
        EscalationLevel::City => None,
    }
}

async fn place_of_action(
    change: &Change<'_>,
    action_id: i32,
    cluster_id: Option<i32>,
) -> ApiResult<(Place, plan::Model)> {
    let action = action::Entity::find_by_id(action_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("action"))?;
    let plan = super::plan::plan_of_action(change, &action).await?;
    place_of_plan(change, plan, cluster_id.or(action.lead_cluster_id)).await
}

async fn place_of_plan(
    change: &Change<'_>,
    plan: plan::Model,
    cluster_id: Option<i32>,
) -> ApiResult<(Place, plan::Model)> {
    let neighbourhood_id = plan.neighbourhood_id.ok_or_else(|| {
        ApiError::bad_input("input", "only neighbourhood action plans are escalated")
    })?;
    Ok((place(change, neighbourhood_id, cluster_id).await?, plan))
}

/// The codes that name the owners of an escalation in `neighbourhood_id` about `cluster_id`.
async fn place(
    change: &Change<'_>,
    neighbourhood_id: i32,
    cluster_id: Option<i32>,
) -> ApiResult<Place> {
    let neighbourhood = neighbourhood::Entity::find_by_id(neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    let area = area::Entity::find_by_id(neighbourhood.area_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("area"))?;
    let cluster_code = match cluster_id {
        Some(id) => cluster::Entity::find_by_id(id)
            .one(change.txn())
            .await?
            .map(|cluster| cluster.code),
        None => None,
    };
    Ok(Place {
        neighbourhood_id,
        neighbourhood_code: neighbourhood.code,
        area_code: area.code,
        cluster_code,
        cluster_id,
    })
}

async fn history(change: &Change<'_>, row: &escalation::Model, note: &str) -> ApiResult<()> {
    change
        .insert(escalation_event::ActiveModel {
            escalation_id: Set(row.id),
            occurred_at: Set(Utc::now()),
            actor: Set(change.actor()),
            level: Set(row.level),
            status: Set(row.status),
            note: Set(note.to_owned()),
            ..Default::default()
        })
        .await?;
    Ok(())
}

/// Loads an escalation that is still open and at the `expected` version.
async fn open_at(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    attempted: &'static str,
) -> ApiResult<escalation::Model> {
    let row = change
        .load_at::<escalation::Entity>(id, expected, Operation::Read, "escalation")
        .await?;
    if row.status != EscalationStatus::Open {
        return Err(ApiError::InvalidTransition {
            current: status_name(row.status),
            attempted,
        });
    }
    Ok(row)
}

/// Whether the caller holds the grant that owns the escalation's current level.
fn owns(change: &Change<'_>, row: &escalation::Model) -> bool {
    holds(change, &row.owner)
}

/// Whether the caller holds `grant` (as an owner is named: `area_director:WK059910`).
fn holds(change: &Change<'_>, grant: &str) -> bool {
    change
        .principal()
        .grants
        .iter()
        .any(|held| held.to_string() == grant)
}

/// Loads an open escalation the caller owns at its current level.
async fn owned(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    attempted: &'static str,
) -> ApiResult<escalation::Model> {
    let row = open_at(change, id, expected, attempted).await?;
    if !owns(change, &row) {
        return Err(ApiError::Forbidden(format!(
            "only {} may do this at level {}",
            row.owner,
            status_name(row.level)
        )));
    }
    Ok(row)
}

/// Applies one step to an escalation: the versioned change, its line in the history, the
/// check that the caller still sees it, and the audit event.
async fn record(
    change: &Change<'_>,
    before: &escalation::Model,
    expected: i32,
    changes: escalation::ActiveModel,
    note: &str,
    operation: &str,
) -> ApiResult<escalation::Model> {
    let after = apply(change, before, expected, changes, note, operation).await?;
    change
        .require::<escalation::Entity>(before.id, Operation::Read, "escalation")
        .await?;
    Ok(after)
}

/// The versioned change of one step, its line in the history and its audit event.
async fn apply(
    change: &Change<'_>,
    before: &escalation::Model,
    expected: i32,
    changes: escalation::ActiveModel,
    note: &str,
    operation: &str,
) -> ApiResult<escalation::Model> {
    let after = change
        .updated(before.id, before, expected, changes, operation)
        .await?;
    history(change, &after, note).await?;
    Ok(after)
}

#[cfg(test)]
mod tests;

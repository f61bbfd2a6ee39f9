//! Adoption (vaststelling): the gaps a plan must not have, and those the area director may
//! accept with a reason.

use super::{active_priorities, finish, status_name};
use chrono::Utc;
use entity::enums::{ClusterPosition, PlanKind, PlanStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Change;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

/// A gap in a plan's support the adopting area director accepts, with the reason.
#[derive(Debug)]
pub struct Waiver {
    /// The item with the gap, as a global id (the plan, or one of its actions).
    pub item_id: String,
    /// The gap, as adoption names it.
    pub gap: String,
    /// Why the plan is adopted anyway.
    pub reason: Reason,
}

/// The gaps an area director may accept at adoption with a reason: a neighbourhood action
/// plan without exactly five priorities, an action whose lead cluster has taken no
/// position, an action its lead cluster objects to. A missing SMART field cannot be
/// accepted.
pub const WAIVABLE: [&str; 3] = ["fivePriorities", "leadClusterPosition", "objection"];

/// Adopts (vaststellen) a plan in consultation. Refused with `INCOMPLETE`, listing each
/// gap per item: an active priority without actions, an action without a SMART field, and
/// — unless `waivers` accepts them, each with a reason that is recorded — a neighbourhood
/// action plan without exactly five priorities, an action without its lead cluster's
/// position, or an action its lead cluster objects to. Advice of the area committee the
/// area director has not responded to is a gap too. Dropped actions do not count.
pub async fn adopt_plan(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    waivers: Vec<Waiver>,
) -> ApiResult<plan::Model> {
    let before = change
        .load_at::<plan::Entity>(id, expected, Operation::Adopt, "plan")
        .await?;
    if before.status != PlanStatus::InConsultation {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.status),
            attempted: "adopt the plan",
        });
    }
    let plan_item = crate::graphql::relay::encode_id("Plan", id).0;
    let priorities = active_priorities(change, id).await?;
    if priorities.is_empty() {
        return Err(ApiError::Incomplete {
            gaps: vec![(plan_item, vec!["priorities"])],
        });
    }
    let actions = action::Entity::find()
        .filter(action::Column::PriorityId.is_in(priorities.iter().map(|p| p.id)))
        .filter(action::Column::DroppedAt.is_null())
        .order_by_asc(action::Column::Id)
        .all(change.txn())
        .await?;
    // Per item, what it lacks; the waivable gaps separately, to be matched with waivers.
    let mut gaps: Vec<(String, Vec<&'static str>)> = Vec::new();
    let mut waivable: Vec<(String, &'static str)> = Vec::new();
    if before.kind == PlanKind::NeighbourhoodActionPlan
        && priorities.len() != crate::domain::priority::MAX_PRIORITIES
    {
        waivable.push((plan_item, "fivePriorities"));
    }
    for priority in &priorities {
        if !actions
            .iter()
            .any(|action| action.priority_id == priority.id)
        {
            gaps.push((
                crate::graphql::relay::encode_id("Priority", priority.id).0,
                vec!["actions"],
            ));
        }
    }
    for action in &actions {
        let item = crate::graphql::relay::encode_id("Action", action.id).0;
        let missing = smart_gaps(action);
        if !missing.is_empty() {
            gaps.push((item.clone(), missing));
        }
        if action.lead_cluster_id.is_some() {
            match action.lead_position {
                None => waivable.push((item, "leadClusterPosition")),
                Some(ClusterPosition::Object) => waivable.push((item, "objection")),
                Some(_) => {}
            }
        }
    }
    let unanswered = committee_advice::Entity::find()
        .filter(committee_advice::Column::PlanId.eq(id))
        .filter(committee_advice::Column::Response.is_null())
        .order_by_asc(committee_advice::Column::Id)
        .all(change.txn())
        .await?;
    for advice in unanswered {
        gaps.push((
            crate::graphql::relay::encode_id("CommitteeAdvice", advice.id).0,
            vec!["response"],
        ));
    }
    let accepted = accepted_waivers(&waivable, waivers)?;
    for (item, gap) in &waivable {
        if accepted
            .iter()
            .any(|(waiver, _)| waiver.item_id == *item && waiver.gap == *gap)
        {
            continue;
        }
        match gaps.iter_mut().find(|(other, _)| other == item) {
            Some((_, missing)) => missing.push(gap),
            None => gaps.push((item.clone(), vec![gap])),
        }
    }
    if !gaps.is_empty() {
        return Err(ApiError::Incomplete { gaps });
    }
    let now = Utc::now();
    let after = change
        .update(
            id,
            expected,
            plan::ActiveModel {
                status: Set(PlanStatus::Adopted),
                adopted_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            },
        )
        .await?;
    for (waiver, reason) in accepted {
        let row = change
            .insert(adoption_waiver::ActiveModel {
                plan_id: Set(id),
                item_id: Set(waiver.item_id),
                gap: Set(waiver.gap),
                reason: Set(reason),
                waived_by: Set(change.actor()),
                waived_at: Set(now),
                ..Default::default()
            })
            .await?;
        change
            .created::<adoption_waiver::Entity>(
                row.id,
                Operation::Read,
                "waiver",
                "adoptPlan",
                &row,
            )
            .await?;
    }
    crate::domain::revision::record_adoption(change, &after, now).await?;
    finish(change, &before, &after, "adoptPlan", Operation::Adopt).await
}

/// Checks each waiver against the plan's waivable gaps: it must name one of them, once,
/// with a reason. Answers the waivers with their checked reasons.
fn accepted_waivers(
    waivable: &[(String, &'static str)],
    waivers: Vec<Waiver>,
) -> ApiResult<Vec<(Waiver, String)>> {
    let mut accepted: Vec<(Waiver, String)> = Vec::new();
    for (index, waiver) in waivers.into_iter().enumerate() {
        let field = format!("waivers.{index}");
        if !WAIVABLE.contains(&waiver.gap.as_str()) {
            return Err(ApiError::bad_input(
                format!("{field}.gap"),
                format!("must be one of {}", WAIVABLE.join(", ")),
            ));
        }
        if !waivable
            .iter()
            .any(|(item, gap)| *item == waiver.item_id && *gap == waiver.gap)
        {
            return Err(ApiError::bad_input(
                format!("{field}.item_id"),
                format!("has no {} gap in this plan", waiver.gap),
            ));
        }
        if accepted
            .iter()
            .any(|(other, _)| other.item_id == waiver.item_id && other.gap == waiver.gap)
        {
            return Err(ApiError::bad_input(
                field,
                "accepts the same gap as an earlier waiver",
            ));
        }
        let reason = waiver.reason.as_str().to_owned();
        accepted.push((waiver, reason));
    }
    Ok(accepted)
}

/// The SMART fields an action lacks.
fn smart_gaps(action: &action::Model) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if action.lead_cluster_id.is_none() {
        missing.push("leadCluster");
    }
    if action.responsible_person.is_none() {
        missing.push("responsiblePerson");
    }
    if action.measurable_target.is_none() {
        missing.push("measurableTarget");
    }
    if action.deadline.is_none() {
        missing.push("deadline");
    }
    missing
}

#[cfg(test)]
mod tests;

//! Plans: draft, edit, submit to the clusters, adopt. A neighbourhood action plan has at
//! most five active priorities, ranked 1..5, and is adopted with exactly five, every
//! action SMART and supported by its lead cluster — or with each support gap accepted by
//! the area director with a recorded reason.

use chrono::Utc;
use entity::enums::{ClusterPosition, PlanKind, PlanStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Change;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Reason, Title, Year};

/// A new neighbourhood action plan.
pub struct NewPlan {
    /// The neighbourhood.
    pub neighbourhood_id: i32,
    /// The year it covers.
    pub year: Year,
    /// Title; by default "Wijkactieplan <neighbourhood> <year>".
    pub title: Option<Title>,
}

/// Drafts a neighbourhood action plan.
pub async fn create_plan(change: &Change<'_>, input: NewPlan) -> ApiResult<plan::Model> {
    let neighbourhood = neighbourhood::Entity::find_by_id(input.neighbourhood_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("neighbourhood"))?;
    // One action plan per neighbourhood and year: the unique index
    // `uq-plan-action_plan_per_year` refuses a second one, also when two requests race;
    // its refusal answers BAD_USER_INPUT naming input.year (see `domain::unique`).
    let year = input.year.get();
    let title = match input.title {
        Some(title) => title.into_string(),
        None => format!("Wijkactieplan {} {year}", neighbourhood.name),
    };
    let area_plan = plan::Entity::find()
        .filter(plan::Column::AreaId.eq(neighbourhood.area_id))
        .filter(plan::Column::Kind.eq(PlanKind::AreaPlan))
        .filter(plan::Column::YearFrom.lte(year))
        .filter(plan::Column::YearTo.gte(year))
        .one(change.txn())
        .await?;
    let now = Utc::now();
    let row = change
        .insert(plan::ActiveModel {
            kind: Set(PlanKind::NeighbourhoodActionPlan),
            title: Set(title),
            area_id: Set(neighbourhood.area_id),
            neighbourhood_id: Set(Some(neighbourhood.id)),
            cluster_id: Set(None),
            year_from: Set(year),
            year_to: Set(year),
            status: Set(PlanStatus::Draft),
            parent_plan_id: Set(area_plan.map(|plan| plan.id)),
            superseded_by_id: Set(None),
            adopted_at: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .await?;
    change
        .created::<plan::Entity>(row.id, Operation::Edit, "plan", "createPlan", &row)
        .await?;
    Ok(row)
}

/// The plan an action belongs to (through its priority).
pub async fn plan_of_action(change: &Change<'_>, action: &action::Model) -> ApiResult<plan::Model> {
    let priority = priority::Entity::find_by_id(action.priority_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("priority"))?;
    plan::Entity::find_by_id(priority.plan_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("plan"))
}

/// The statuses in which a plan's content may still change.
pub(super) fn editable(plan: &plan::Model, attempted: &'static str) -> ApiResult<()> {
    match plan.status {
        PlanStatus::Draft | PlanStatus::InConsultation => Ok(()),
        other => Err(ApiError::InvalidTransition {
            current: status_name(other),
            attempted,
        }),
    }
}

/// The status as the API spells it.
pub fn status_name<T: serde::Serialize + std::fmt::Debug>(status: T) -> String {
    serde_json::to_value(&status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        // Every status serializes as its API name; were one not to, its Rust name still
        // tells the client which it is.
        .unwrap_or_else(|| format!("{status:?}").to_uppercase())
}

/// Retitles a plan that is not yet adopted.
pub async fn update_plan(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    title: Title,
) -> ApiResult<plan::Model> {
    let before = change
        .load::<plan::Entity>(id, Operation::Edit, "plan")
        .await?;
    editable(&before, "edit the plan")?;
    let after = change
        .update(
            id,
            expected,
            plan::ActiveModel {
                title: Set(title.into_string()),
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
        )
        .await?;
    finish(change, &before, &after, "updatePlan", Operation::Edit).await
}

/// Sends a draft to the clusters for consultation.
pub async fn submit_plan(change: &Change<'_>, id: i32, expected: i32) -> ApiResult<plan::Model> {
    let step = Step {
        needed: Operation::Edit,
        from: PlanStatus::Draft,
        to: PlanStatus::InConsultation,
        attempted: "submit the plan",
        operation: "submitPlan",
    };
    move_plan(change, id, expected, step).await
}

/// One status step of a plan.
struct Step {
    needed: Operation,
    from: PlanStatus,
    to: PlanStatus,
    attempted: &'static str,
    operation: &'static str,
}

/// Moves a plan one status step, if it is where the step starts.
async fn move_plan(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    step: Step,
) -> ApiResult<plan::Model> {
    let before = change.load::<plan::Entity>(id, step.needed, "plan").await?;
    if before.status != step.from {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.status),
            attempted: step.attempted,
        });
    }
    let changes = plan::ActiveModel {
        status: Set(step.to),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    let after = change.update(id, expected, changes).await?;
    finish(change, &before, &after, step.operation, step.needed).await
}

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
        && priorities.len() != super::priority::MAX_PRIORITIES
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
    super::revision::record_adoption(change, &after, now).await?;
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

pub(super) async fn active_priorities(
    change: &Change<'_>,
    plan_id: i32,
) -> ApiResult<Vec<priority::Model>> {
    active_priorities_on(change.txn(), plan_id).await
}

/// The plan's priorities that are not dropped.
pub(super) async fn active_priorities_on(
    db: &impl sea_orm::ConnectionTrait,
    plan_id: i32,
) -> ApiResult<Vec<priority::Model>> {
    Ok(priority::Entity::find()
        .filter(priority::Column::PlanId.eq(plan_id))
        .filter(priority::Column::DroppedAt.is_null())
        .all(db)
        .await?)
}

/// Post-check and audit of a plan change.
async fn finish(
    change: &Change<'_>,
    before: &plan::Model,
    after: &plan::Model,
    operation: &str,
    needed: Operation,
) -> ApiResult<plan::Model> {
    change
        .require::<plan::Entity>(after.id, needed, "plan")
        .await?;
    change
        .audit("Plan", after.id, operation, Some(before), Some(after))
        .await?;
    Ok(after.clone())
}

/// The plan of a priority, loaded for editing.
pub(super) async fn plan_of_priority(
    change: &Change<'_>,
    priority_id: i32,
) -> ApiResult<(priority::Model, plan::Model)> {
    let priority = change
        .load::<priority::Entity>(priority_id, Operation::Read, "priority")
        .await?;
    let plan = change
        .load::<plan::Entity>(priority.plan_id, Operation::Edit, "plan")
        .await?;
    Ok((priority, plan))
}

/// Closes an adopted plan at year end.
pub async fn close_plan(change: &Change<'_>, id: i32, expected: i32) -> ApiResult<plan::Model> {
    let step = Step {
        needed: Operation::Adopt,
        from: PlanStatus::Adopted,
        to: PlanStatus::Closed,
        attempted: "close the plan",
        operation: "closePlan",
    };
    move_plan(change, id, expected, step).await
}

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
    if kept.len() + moving.len() > super::priority::MAX_PRIORITIES {
        return Err(ApiError::bad_input(
            "move_priority_ids",
            format!(
                "the surviving plan has {} priorities and holds at most {}: drop one first or move fewer",
                kept.len(),
                super::priority::MAX_PRIORITIES
            ),
        ));
    }
    for id in &moving {
        let Some(before) = offered.iter().find(|priority| priority.id == *id) else {
            continue;
        };
        let rank = (1..=super::priority::MAX_PRIORITIES as i32)
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
    super::resident::follow_drop(
        change,
        super::resident::Dropped::Priorities(&dropped),
        &format!("priority dropped: {reason}"),
    )
    .await?;
    super::commitment::withdraw_under(change, dropped, &format!("priority dropped: {reason}"))
        .await?;
    let after_merged = change
        .update(
            merged_id,
            merged_version,
            plan::ActiveModel {
                status: Set(PlanStatus::Superseded),
                superseded_by_id: Set(Some(surviving_id)),
                updated_at: Set(now),
                ..Default::default()
            },
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
    change
        .audit(
            "Plan",
            merged_id,
            "mergePlans",
            Some(&merged),
            Some(&after_merged),
        )
        .await?;
    Ok(after_surviving)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiver(item: &str, gap: &str, reason: &str) -> Waiver {
        Waiver {
            item_id: item.to_owned(),
            gap: gap.to_owned(),
            reason: Reason::parse(reason).unwrap(),
        }
    }

    fn field(error: ApiError) -> String {
        match error {
            ApiError::BadUserInput { field, .. } => field,
            other => panic!("not BAD_USER_INPUT: {other:?}"),
        }
    }

    const GAPS: [(&str, &str); 2] = [("Plan:1", "fivePriorities"), ("Action:7", "objection")];

    fn waivable() -> Vec<(String, &'static str)> {
        GAPS.iter()
            .map(|(item, gap)| ((*item).to_owned(), *gap))
            .collect()
    }

    #[test]
    fn a_waiver_per_waivable_gap_is_accepted_with_its_trimmed_reason() {
        let accepted = accepted_waivers(
            &waivable(),
            vec![
                waiver("Plan:1", "fivePriorities", " Eén thema "),
                waiver("Action:7", "objection", "Dekking volgt"),
            ],
        )
        .unwrap();
        let reasons: Vec<&str> = accepted.iter().map(|(_, reason)| reason.as_str()).collect();
        assert_eq!(reasons, ["Eén thema", "Dekking volgt"]);
    }

    #[test]
    fn a_waiver_for_a_gap_the_plan_lacks_names_its_item() {
        let error = accepted_waivers(&waivable(), vec![waiver("Action:8", "objection", "R")]);
        assert_eq!(field(error.unwrap_err()), "waivers.0.item_id");
    }

    #[test]
    fn a_smart_field_cannot_be_waived() {
        let error = accepted_waivers(&waivable(), vec![waiver("Action:7", "deadline", "R")]);
        assert_eq!(field(error.unwrap_err()), "waivers.0.gap");
    }

    #[test]
    fn the_same_gap_waived_twice_names_the_second_waiver() {
        let twice = vec![
            waiver("Plan:1", "fivePriorities", "R"),
            waiver("Plan:1", "fivePriorities", "R"),
        ];
        assert_eq!(
            field(accepted_waivers(&waivable(), twice).unwrap_err()),
            "waivers.1"
        );
    }
}

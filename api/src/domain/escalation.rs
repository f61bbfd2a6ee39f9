//! Escalations: raised on an overdue request, a rejection or a disputed plan item, then
//! moved up the ladder team → cluster → area → city. Each level has an owner by role
//! grant; only the owner resolves or moves it up. Every step is kept as history.

use chrono::Utc;
use entity::enums::{
    CommitmentStatus, EscalationLevel, EscalationStatus, EscalationSubject, PlanStatus,
};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

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

/// Raises an escalation at team level.
pub async fn raise(
    change: &Change<'_>,
    subject: Subject,
    reason: &Reason,
) -> ApiResult<escalation::Model> {
    raise_for(change, subject, reason, None, "raiseEscalation").await
}

/// A cluster records that it disputes an adopted priority or action: never a silent edit,
/// but an escalation at team level, kept with its history. Only the cluster itself may.
pub async fn dispute(
    change: &Change<'_>,
    subject: Subject,
    cluster_id: i32,
    reason: &Reason,
) -> ApiResult<escalation::Model> {
    if !matches!(
        subject,
        Subject::DisputedAction(_) | Subject::DisputedPriority(_)
    ) {
        return Err(ApiError::bad_input(
            "item",
            "a dispute is about a priority or an action",
        ));
    }
    let cluster = cluster::Entity::find_by_id(cluster_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("cluster"))?;
    let speaks_for_it = change.principal().grants.iter().any(|grant| {
        matches!(
            grant.role,
            crate::access::Role::ClusterMember | crate::access::Role::ClusterManager
        ) && grant.code == cluster.code
    });
    if !speaks_for_it {
        return Err(ApiError::Forbidden(format!(
            "only cluster {} disputes on its own behalf",
            cluster.code
        )));
    }
    raise_for(change, subject, reason, Some(cluster.id), "disputePlanItem").await
}

async fn raise_for(
    change: &Change<'_>,
    subject: Subject,
    reason: &Reason,
    disputing: Option<i32>,
    operation: &str,
) -> ApiResult<escalation::Model> {
    let reason = reason.as_str().to_owned();
    let now = Utc::now();
    let (kind, place, commitment_id, action_id, priority_id) = match subject {
        Subject::OverdueRequest(id) | Subject::RejectedCommitment(id) => {
            let commitment = change
                .load::<commitment::Entity>(id, Operation::Raise, "commitment")
                .await?;
            let kind = match subject {
                Subject::OverdueRequest(_) => {
                    if commitment.status != CommitmentStatus::Requested
                        || commitment.response_deadline >= now
                    {
                        return Err(ApiError::InvalidTransition {
                            current: status_name(commitment.status),
                            attempted: "escalate a request that is not overdue",
                        });
                    }
                    EscalationSubject::OverdueRequest
                }
                _ => {
                    if commitment.status != CommitmentStatus::Rejected {
                        return Err(ApiError::InvalidTransition {
                            current: status_name(commitment.status),
                            attempted: "escalate a commitment that was not rejected",
                        });
                    }
                    EscalationSubject::RejectedCommitment
                }
            };
            let (place, _) =
                place_of_action(change, commitment.action_id, Some(commitment.cluster_id)).await?;
            (kind, place, Some(id), Some(commitment.action_id), None)
        }
        Subject::DisputedAction(id) => {
            let action = change
                .load::<action::Entity>(id, Operation::Raise, "action")
                .await?;
            let (place, plan) = place_of_action(change, action.id, disputing).await?;
            adopted(&plan)?;
            (EscalationSubject::DisputedItem, place, None, Some(id), None)
        }
        Subject::DisputedPriority(id) => {
            let priority = change
                .load::<priority::Entity>(id, Operation::Raise, "priority")
                .await?;
            let plan = plan::Entity::find_by_id(priority.plan_id)
                .one(change.txn())
                .await?
                .ok_or(ApiError::NotFound("plan"))?;
            let (place, plan) = place_of_plan(change, plan, disputing).await?;
            adopted(&plan)?;
            (EscalationSubject::DisputedItem, place, None, None, Some(id))
        }
    };
    let row = change
        .insert(escalation::ActiveModel {
            subject: Set(kind),
            neighbourhood_id: Set(place.neighbourhood_id),
            cluster_id: Set(place.cluster_id),
            commitment_id: Set(commitment_id),
            action_id: Set(action_id),
            priority_id: Set(priority_id),
            reason: Set(reason.clone()),
            level: Set(EscalationLevel::Team),
            owner: Set(place.owner(EscalationLevel::Team)),
            status: Set(EscalationStatus::Open),
            resolution: Set(None),
            raised_by: Set(change.actor()),
            raised_at: Set(now),
            closed_at: Set(None),
            version: Set(1),
            ..Default::default()
        })
        .await?;
    history(change, &row, &reason).await?;
    change
        .audit("Escalation", row.id, operation, None::<&()>, Some(&row))
        .await?;
    Ok(row)
}

fn adopted(plan: &plan::Model) -> ApiResult<()> {
    if plan.status == PlanStatus::Adopted {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition {
            current: status_name(plan.status),
            attempted: "dispute an item of a plan that is not adopted",
        })
    }
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
    let after = change.update(before.id, expected, changes).await?;
    history(change, &after, note).await?;
    change
        .audit(
            "Escalation",
            before.id,
            operation,
            Some(before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Moves an escalation up. Its owner moves it one rung up. The owner of the level above
/// pulls it up when the owner has not acted for `working_days` working days since it
/// reached their level — no level holds a veto by not answering. The area director of its
/// area takes it over at any time below the area level. The new level's owner has it.
pub async fn escalate_further(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    note: &Reason,
    working_days: u32,
) -> ApiResult<escalation::Model> {
    let before = open_at(change, id, expected, "escalate further").await?;
    let note = note.as_str().to_owned();
    let here = place(change, before.neighbourhood_id, before.cluster_id).await?;
    let next = above(before.level).ok_or_else(|| ApiError::InvalidTransition {
        current: "CITY".to_owned(),
        attempted: "escalate beyond the city level",
    })?;
    let (level, operation) = if owns(change, &before) {
        (next, "escalateFurther")
    } else if holds(change, &here.owner(next)) && idle_since(change, &before, working_days).await? {
        (next, "pullUpEscalation")
    } else if holds(change, &here.owner(EscalationLevel::Area))
        && matches!(
            before.level,
            EscalationLevel::Team | EscalationLevel::Cluster
        )
    {
        (EscalationLevel::Area, "takeOverEscalation")
    } else {
        return Err(ApiError::Forbidden(format!(
            "only {} moves it on now; the level above may pull it up after {working_days} \
             working days without a step, and the area director may take it over",
            before.owner
        )));
    };
    record(
        change,
        &before,
        expected,
        escalation::ActiveModel {
            level: Set(level),
            owner: Set(here.owner(level)),
            ..Default::default()
        },
        &note,
        operation,
    )
    .await
}

/// Whether the escalation has waited at its level for at least `working_days` working days
/// (Monday to Friday) since its last step.
async fn idle_since(
    change: &Change<'_>,
    row: &escalation::Model,
    working_days: u32,
) -> ApiResult<bool> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let last = escalation_event::Entity::find()
        .filter(escalation_event::Column::EscalationId.eq(row.id))
        .order_by_desc(escalation_event::Column::OccurredAt)
        .one(change.txn())
        .await?
        .map_or(row.raised_at, |event| event.occurred_at);
    Ok(working_days_between(last, Utc::now()) >= working_days)
}

/// Whole working days (Monday to Friday) from `from` to `to`.
fn working_days_between(from: chrono::DateTime<Utc>, to: chrono::DateTime<Utc>) -> u32 {
    use chrono::Datelike;
    let mut day = from.date_naive();
    let end = to.date_naive();
    let mut count = 0;
    while day < end {
        day = day.succ_opt().unwrap_or(end);
        if day.weekday().num_days_from_monday() < 5 {
            count += 1;
        }
    }
    count
}

/// How a resolution settles an overdue request that is still unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The request was answered or withdrawn already; nothing to close.
    Settled,
    /// The resolution is the decision taken at this level; it closes the request.
    Decided,
    /// The action asked for has changed since the escalation was raised; the request is
    /// closed for that reason.
    ActionChanged,
}

/// Whether the action was edited or dropped after `since` (its audit trail says so).
async fn changed_since(
    change: &Change<'_>,
    action: i32,
    since: chrono::DateTime<Utc>,
) -> ApiResult<bool> {
    use sea_orm::PaginatorTrait;
    let edits = audit_event::Entity::find()
        .filter(audit_event::Column::Entity.eq("Action"))
        .filter(audit_event::Column::EntityId.eq(action))
        .filter(audit_event::Column::Operation.is_in(["updateAction", "dropAction"]))
        .filter(audit_event::Column::OccurredAt.gt(since))
        .count(change.txn())
        .await?;
    Ok(edits > 0)
}

/// Resolves an escalation at its current level with an outcome that settles its subject:
/// an overdue request must have been answered or withdrawn meanwhile, or the resolution is
/// decided here, or the action it asks for has changed since the escalation was raised —
/// then the request is closed (withdrawn, with the decision or the change as its reason).
/// A resolved escalation never leaves its request unanswered and overdue.
pub async fn resolve(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    resolution: &Reason,
    outcome: Outcome,
) -> ApiResult<escalation::Model> {
    let before = owned(change, id, expected, "resolve").await?;
    let resolution = resolution.as_str().to_owned();
    if let (EscalationSubject::OverdueRequest, Some(commitment_id)) =
        (before.subject, before.commitment_id)
    {
        let request = commitment::Entity::find_by_id(commitment_id)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("commitment"))?;
        if request.status == CommitmentStatus::Requested {
            let decision = match outcome {
                Outcome::Settled => {
                    return Err(ApiError::InvalidTransition {
                        current: status_name(request.status),
                        attempted: "resolve while the request is unanswered: have the cluster \
                                    answer, withdraw the request, or resolve with decided and the \
                                    decision, or with actionChanged once the action has changed",
                    });
                }
                Outcome::Decided => format!(
                    "decided at {} level: {resolution}",
                    status_name(before.level).to_lowercase()
                ),
                Outcome::ActionChanged => {
                    if !changed_since(change, request.action_id, before.raised_at).await? {
                        return Err(ApiError::bad_input(
                            "action_changed",
                            "the action has not been edited or dropped since the escalation was raised",
                        ));
                    }
                    format!("the action changed: {resolution}")
                }
            };
            super::commitment::mark_withdrawn(
                change,
                &request,
                request.version,
                decision,
                "resolveEscalation",
            )
            .await?;
        }
    }
    let changes = escalation::ActiveModel {
        status: Set(EscalationStatus::Resolved),
        resolution: Set(Some(resolution.clone())),
        closed_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    record(
        change,
        &before,
        expected,
        changes,
        &resolution,
        "resolveEscalation",
    )
    .await
}

/// Links open dispute `id` to the plan revision opened to settle it; the history says so.
pub(super) async fn link_to_revision(
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
pub(super) async fn settle_by_revision(
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

/// Withdraws an escalation: by whoever raised it, or its current owner.
pub async fn withdraw(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: &Reason,
) -> ApiResult<escalation::Model> {
    let before = open_at(change, id, expected, "withdraw").await?;
    let is_owner = owns(change, &before);
    if before.raised_by != change.actor() && !is_owner {
        return Err(ApiError::Forbidden(
            "only whoever raised it or its owner may withdraw it".to_owned(),
        ));
    }
    let reason = reason.as_str().to_owned();
    let changes = escalation::ActiveModel {
        status: Set(EscalationStatus::Withdrawn),
        closed_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    record(
        change,
        &before,
        expected,
        changes,
        &reason,
        "withdrawEscalation",
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).single().unwrap()
    }

    #[test]
    fn working_days_count_weekdays_only() {
        // Friday 2026-11-27 to Monday 2026-11-30: one working day (the Monday).
        assert_eq!(working_days_between(at(2026, 11, 27), at(2026, 11, 30)), 1);
        // Monday to the next Monday: five.
        assert_eq!(working_days_between(at(2026, 11, 23), at(2026, 11, 30)), 5);
        assert_eq!(working_days_between(at(2026, 11, 30), at(2026, 11, 30)), 0);
        assert_eq!(working_days_between(at(2026, 12, 1), at(2026, 11, 30)), 0);
    }

    #[test]
    fn the_ladder_climbs_team_cluster_area_city_and_ends_there() {
        use EscalationLevel::*;
        let mut level = Team;
        let mut climbed = vec![level];
        while let Some(next) = above(level) {
            climbed.push(next);
            level = next;
        }
        assert_eq!(climbed, [Team, Cluster, Area, City]);
    }

    #[test]
    fn each_rung_is_owned_by_its_role_and_a_request_without_a_cluster_skips_to_the_area() {
        use EscalationLevel::*;
        let owner = |level, cluster| owner_at(level, "BU05991086", cluster, "WK059910");
        assert_eq!(owner(Team, Some("MO")), "neighbourhood_manager:BU05991086");
        assert_eq!(owner(Cluster, Some("MO")), "cluster_manager:MO");
        assert_eq!(owner(Cluster, None), "area_director:WK059910");
        assert_eq!(owner(Area, Some("MO")), "area_director:WK059910");
        assert_eq!(owner(City, Some("MO")), "admin");
    }
}

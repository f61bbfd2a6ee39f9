//! Commitments: a neighbourhood or area asks, and only the requested cluster answers —
//! accept (hours, money, a budget line of its own), accept with a reservation, or reject
//! with a reason — then delivers or withdraws. Any other step is `INVALID_TRANSITION`.

use chrono::{DateTime, Duration, Utc};
use entity::enums::{CommitmentKind, CommitmentStatus, PlanStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait, QuerySelect};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Cents, Hours, Reason};

/// A request for a commitment.
pub struct NewRequest {
    /// The action.
    pub action_id: i32,
    /// The cluster asked.
    pub cluster_id: i32,
    /// Continuation of existing effort or new effort.
    pub kind: CommitmentKind,
    /// When the answer is due; by default `default_response_hours` from now.
    pub response_deadline: Option<DateTime<Utc>>,
    /// The service's answer time (24 hours unless configured otherwise).
    pub default_response_hours: u32,
    /// The question in the requester's words.
    pub question: Option<Reason>,
    /// Hours asked.
    pub hours_asked: Option<Hours>,
    /// Money asked.
    pub amount_asked: Option<Cents>,
}

/// Asks a cluster for a commitment to an action of a plan in consultation or adopted. Who
/// may ask which cluster is the matrix's `Request` on the new commitment: a cluster's
/// member asks their own cluster only.
pub async fn request(change: &Change<'_>, input: NewRequest) -> ApiResult<commitment::Model> {
    let action = change
        .load::<action::Entity>(input.action_id, Operation::Request, "action")
        .await?;
    super::action::live(&action, "request a commitment for the action")?;
    let plan = super::plan::plan_of_action(change, &action).await?;
    if !matches!(
        plan.status,
        PlanStatus::InConsultation | PlanStatus::Adopted
    ) {
        return Err(ApiError::InvalidTransition {
            current: status_name(plan.status),
            attempted: "request a commitment for this plan's action",
        });
    }
    cluster::Entity::find_by_id(input.cluster_id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("cluster"))?;
    let now = Utc::now();
    let deadline = input
        .response_deadline
        .unwrap_or(now + Duration::hours(i64::from(input.default_response_hours)));
    if deadline <= now {
        return Err(ApiError::bad_input(
            "response_deadline",
            "must be in the future",
        ));
    }
    let question = input.question.map(Reason::into_string);
    let row = change
        .insert(commitment::ActiveModel {
            action_id: Set(action.id),
            cluster_id: Set(input.cluster_id),
            status: Set(CommitmentStatus::Requested),
            kind: Set(input.kind),
            hours_centi: Set(None),
            amount_cents: Set(None),
            budget_line_id: Set(None),
            reason: Set(None),
            response_deadline: Set(deadline),
            requested_by: Set(change.actor()),
            requested_at: Set(now),
            answered_by: Set(None),
            answered_at: Set(None),
            version: Set(1),
            updated_at: Set(now),
            question: Set(question),
            hours_asked_centi: Set(input.hours_asked.map(Hours::get)),
            amount_asked_cents: Set(input.amount_asked.map(Cents::get)),
            ..Default::default()
        })
        .await?;
    change
        .require::<commitment::Entity>(row.id, Operation::Request, "commitment")
        .await?;
    if !asks_for_the_neighbourhood(change) {
        in_the_team(change, plan.neighbourhood_id, input.cluster_id).await?;
    }
    change
        .audit(
            "Commitment",
            row.id,
            "requestCommitment",
            None::<&()>,
            Some(&row),
        )
        .await?;
    Ok(row)
}

/// Whether one of the caller's grants asks any cluster for a neighbourhood's work (the
/// neighbourhood manager, the area director, the programme office); a cluster's member
/// asks only as a member of the neighbourhood's team.
fn asks_for_the_neighbourhood(change: &Change<'_>) -> bool {
    use crate::access::{EntityKind, ScopeKind, matrix::scope_of};
    change.principal().acting_roles().any(|(role, _)| {
        !matches!(
            scope_of(role, EntityKind::Commitment, Operation::Request),
            ScopeKind::OwnCluster | ScopeKind::None
        )
    })
}

/// `FORBIDDEN` unless the caller is, today, a member of `neighbourhood`'s team who
/// represents `cluster` (the person whose `subject` is the token's).
async fn in_the_team(
    change: &Change<'_>,
    neighbourhood: Option<i32>,
    cluster: i32,
) -> ApiResult<()> {
    use sea_orm::{ColumnTrait, Condition, PaginatorTrait, QueryFilter};
    let today = Utc::now().date_naive();
    let people = sea_orm::sea_query::Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(person::Column::Subject.eq(change.actor()))
        .to_owned();
    let seats = match neighbourhood {
        Some(neighbourhood) => {
            team_membership::Entity::find()
                .filter(team_membership::Column::PersonId.in_subquery(people))
                .filter(team_membership::Column::NeighbourhoodId.eq(neighbourhood))
                .filter(team_membership::Column::ClusterId.eq(cluster))
                .filter(team_membership::Column::ValidFrom.lte(today))
                .filter(
                    Condition::any()
                        .add(team_membership::Column::ValidTo.is_null())
                        .add(team_membership::Column::ValidTo.gte(today)),
                )
                .count(change.txn())
                .await?
        }
        None => 0,
    };
    if seats == 0 {
        return Err(ApiError::Forbidden(
            "a cluster's member asks their own cluster as its representative in this \
             neighbourhood's team"
                .to_owned(),
        ));
    }
    Ok(())
}

/// What the money of an acceptance is.
pub struct Pledge {
    /// Hours.
    pub hours: Hours,
    /// Money.
    pub amount: Cents,
    /// The paying budget line, of the same cluster.
    pub budget_line_id: i32,
}

/// A cluster's answer.
pub enum Answer {
    /// Committed.
    Accept(Pledge),
    /// Committed with a reservation.
    AcceptWithReservation(Pledge, Reason),
    /// Refused.
    Reject(Reason),
}

/// Loads a commitment for the requested cluster's step, checking the version first so
/// concurrent editors learn `CONFLICT` rather than a transition error.
async fn load_for_answer(
    change: &Change<'_>,
    id: i32,
    expected: i32,
) -> ApiResult<commitment::Model> {
    let row = change
        .load_at::<commitment::Entity>(id, expected, Operation::Answer, "commitment")
        .await?;
    Ok(row)
}

/// A step of a commitment's life after the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The cluster accepts, accepts with a reservation, or rejects.
    Answer,
    /// The cluster delivers what it committed.
    Deliver,
    /// The cluster withdraws its request or its acceptance.
    WithdrawByCluster,
    /// The requester's side withdraws a request still unanswered.
    WithdrawByRequester,
}

impl Step {
    /// The statuses this step may be taken from; rejected, delivered and withdrawn
    /// commitments take no step.
    fn from(self) -> &'static [CommitmentStatus] {
        use CommitmentStatus::{Accepted, AcceptedWithReservation, Requested};
        match self {
            Step::Answer | Step::WithdrawByRequester => &[Requested],
            Step::Deliver => &[Accepted, AcceptedWithReservation],
            Step::WithdrawByCluster => &[Requested, Accepted, AcceptedWithReservation],
        }
    }
}

fn transition(row: &commitment::Model, step: Step, attempted: &'static str) -> ApiResult<()> {
    if step.from().contains(&row.status) {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition {
            current: status_name(row.status),
            attempted,
        })
    }
}

/// Answers a request: only the requested cluster.
pub async fn respond(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    answer: Answer,
) -> ApiResult<commitment::Model> {
    let before = load_for_answer(change, id, expected).await?;
    transition(&before, Step::Answer, "answer the request")?;
    let now = Utc::now();
    let mut changes = commitment::ActiveModel {
        answered_by: Set(Some(change.actor())),
        answered_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    };
    let (status, pledge, reason) = match answer {
        Answer::Accept(pledge) => (CommitmentStatus::Accepted, Some(pledge), None),
        Answer::AcceptWithReservation(pledge, reason) => (
            CommitmentStatus::AcceptedWithReservation,
            Some(pledge),
            Some(reason.into_string()),
        ),
        Answer::Reject(reason) => (CommitmentStatus::Rejected, None, Some(reason.into_string())),
    };
    if let Some(pledge) = pledge {
        // Lock the line (PostgreSQL; SQLite's IMMEDIATE transaction already serialises
        // writers) so concurrent acceptances cannot together over-commit it.
        let line = budget_line::Entity::find_by_id(pledge.budget_line_id)
            .lock_exclusive()
            .one(change.txn())
            .await?
            .filter(|line| line.cluster_id == before.cluster_id)
            .ok_or_else(|| {
                ApiError::bad_input(
                    "budget_line_id",
                    "must be a budget line of the committing cluster",
                )
            })?;
        // The P&C year: the plan's money comes from a line of the plan's year(s).
        let action = action::Entity::find_by_id(before.action_id)
            .one(change.txn())
            .await?
            .ok_or(ApiError::NotFound("action"))?;
        let plan = super::plan::plan_of_action(change, &action).await?;
        if !(plan.year_from..=plan.year_to).contains(&line.year) {
            let years = if plan.year_from == plan.year_to {
                plan.year_from.to_string()
            } else {
                format!("{} to {}", plan.year_from, plan.year_to)
            };
            return Err(ApiError::bad_input(
                "budget_line_id",
                format!(
                    "the line is of {}, the plan of {years}: pay from a line of the plan's year",
                    line.year
                ),
            ));
        }
        // A reservation is about the consultation (the cluster was not asked in time), not
        // about money: it stays within the line's free money and hours like any acceptance.
        let standing = super::budget::standing(change.txn(), &line, Some(id)).await?;
        super::budget::check_room(&standing, pledge.amount.get(), pledge.hours.get())?;
        changes.hours_centi = Set(Some(pledge.hours.get()));
        changes.amount_cents = Set(Some(pledge.amount.get()));
        changes.budget_line_id = Set(Some(pledge.budget_line_id));
    }
    changes.status = Set(status);
    changes.reason = Set(reason);
    let after = change.update(id, expected, changes).await?;
    change
        .require::<commitment::Entity>(id, Operation::Answer, "commitment")
        .await?;
    change
        .audit(
            "Commitment",
            id,
            "respondToCommitment",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Marks an accepted commitment delivered.
pub async fn deliver(change: &Change<'_>, id: i32, expected: i32) -> ApiResult<commitment::Model> {
    let before = load_for_answer(change, id, expected).await?;
    transition(&before, Step::Deliver, "deliver the commitment")?;
    let changes = commitment::ActiveModel {
        status: Set(CommitmentStatus::Delivered),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    let after = change.update(id, expected, changes).await?;
    change
        .require::<commitment::Entity>(id, Operation::Answer, "commitment")
        .await?;
    change
        .audit(
            "Commitment",
            id,
            "deliverCommitment",
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Withdraws a commitment, with a reason: the requested cluster its request or
/// acceptance; whoever may ask for the action (the requester's side) a request that is
/// still unanswered.
pub async fn withdraw(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    reason: Reason,
) -> ApiResult<commitment::Model> {
    let before = change
        .load_at::<commitment::Entity>(id, expected, Operation::Read, "commitment")
        .await?;
    let answers = change
        .may::<commitment::Entity>(id, Operation::Answer)
        .await?;
    let needed = if answers {
        transition(&before, Step::WithdrawByCluster, "withdraw the commitment")?;
        Operation::Answer
    } else {
        change
            .require::<action::Entity>(before.action_id, Operation::Request, "action")
            .await?;
        transition(
            &before,
            Step::WithdrawByRequester,
            "withdraw an answered request (only the cluster withdraws what it committed)",
        )?;
        Operation::Read
    };
    let reason = reason.into_string();
    let after = mark_withdrawn(change, &before, expected, reason, "withdrawCommitment").await?;
    change
        .require::<commitment::Entity>(id, needed, "commitment")
        .await?;
    Ok(after)
}

/// The one way a commitment becomes WITHDRAWN: at the `expected` version, with its reason,
/// audited as `operation`. The callers check who may and from which status.
pub(super) async fn mark_withdrawn(
    change: &Change<'_>,
    before: &commitment::Model,
    expected: i32,
    reason: String,
    operation: &str,
) -> ApiResult<commitment::Model> {
    let after = change
        .update(
            before.id,
            expected,
            commitment::ActiveModel {
                status: Set(CommitmentStatus::Withdrawn),
                reason: Set(Some(reason)),
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
        )
        .await?;
    change
        .audit(
            "Commitment",
            before.id,
            operation,
            Some(before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

/// Withdraws, with `reason`, every commitment still open (requested or accepted) on the
/// actions of `priorities` — their work is dropped — freeing the money they drew; each
/// withdrawal is audited.
pub async fn withdraw_under(
    change: &Change<'_>,
    priorities: Vec<i32>,
    reason: &str,
) -> ApiResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    if priorities.is_empty() {
        return Ok(());
    }
    let actions: Vec<i32> = action::Entity::find()
        .filter(action::Column::PriorityId.is_in(priorities))
        .all(change.txn())
        .await?
        .into_iter()
        .map(|action| action.id)
        .collect();
    withdraw_on(change, actions, reason).await
}

/// Withdraws, with `reason`, every commitment still open (requested or accepted) on
/// `actions` — their work is dropped — freeing the money they drew; each withdrawal is
/// audited.
pub async fn withdraw_on(change: &Change<'_>, actions: Vec<i32>, reason: &str) -> ApiResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    if actions.is_empty() {
        return Ok(());
    }
    let open = commitment::Entity::find()
        .filter(commitment::Column::ActionId.is_in(actions))
        .filter(commitment::Column::Status.is_in([
            CommitmentStatus::Requested,
            CommitmentStatus::Accepted,
            CommitmentStatus::AcceptedWithReservation,
        ]))
        .all(change.txn())
        .await?;
    let reason = reason.to_owned();
    for before in open {
        mark_withdrawn(
            change,
            &before,
            before.version,
            reason.clone(),
            "withdrawCommitment",
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use CommitmentStatus::*;

    const STEPS: [Step; 4] = [
        Step::Answer,
        Step::Deliver,
        Step::WithdrawByCluster,
        Step::WithdrawByRequester,
    ];

    fn steps_from(status: CommitmentStatus) -> Vec<Step> {
        STEPS
            .into_iter()
            .filter(|step| step.from().contains(&status))
            .collect()
    }

    #[test]
    fn a_request_is_answered_or_withdrawn_by_either_side() {
        assert_eq!(
            steps_from(Requested),
            [
                Step::Answer,
                Step::WithdrawByCluster,
                Step::WithdrawByRequester
            ]
        );
    }

    #[test]
    fn an_acceptance_is_delivered_or_withdrawn_by_the_cluster_only() {
        for accepted in [Accepted, AcceptedWithReservation] {
            assert_eq!(
                steps_from(accepted),
                [Step::Deliver, Step::WithdrawByCluster],
                "{accepted:?}"
            );
        }
    }

    #[test]
    fn rejected_delivered_and_withdrawn_commitments_take_no_step() {
        for done in [Rejected, Delivered, Withdrawn] {
            assert!(steps_from(done).is_empty(), "{done:?}");
        }
    }
}

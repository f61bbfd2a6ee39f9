//! Commitments: a neighbourhood or area asks, and only the requested cluster answers —
//! accept (hours, money, a budget line of its own), accept with a reservation, or reject
//! with a reason — then delivers or withdraws. Any other step is `INVALID_TRANSITION`.
//!
//! Here: the request, and the table of the steps each status allows. The answer and the
//! delivery are in `answer.rs`, withdrawals in `withdraw.rs`.

use chrono::{DateTime, Duration, Utc};
use entity::enums::{CommitmentKind, CommitmentStatus, PlanStatus};
use entity::*;
use sea_orm::{ActiveValue::Set, EntityTrait};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Cents, Hours, Reason};

mod answer;
mod withdraw;

pub use answer::{Answer, Pledge, deliver, respond};
pub(in crate::domain) use withdraw::mark_withdrawn;
pub use withdraw::{withdraw, withdraw_on, withdraw_under};

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

#[cfg(test)]
mod tests;

//! The root subscription: live updates over graphql-transport-ws (a WebSocket on
//! `/graphql`) or Server-Sent Events (a POST asking for `text/event-stream`).
//!
//! Each field listens to the service's events ([`crate::events`]) and, for every event of
//! its kinds, reads the changed row through the subscriber's scope at that moment — exactly
//! as a query would. A row the subscriber may not read is not delivered, so they never
//! learn that it changed; an event for a row they may read is delivered with the row as it
//! is after the change.

use async_graphql::{Context, Enum, ID, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{commitment, escalation, plan, progress_update};
use futures_util::{Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use super::context::scope;
use super::relay::id_of;
use super::types::{Cluster, Commitment, Escalation, Neighbourhood, Plan, ProgressUpdate};
use crate::access::Scoped;
use crate::events::{Event, EventKind};

/// What happened to a commitment.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentChangeKind {
    /// Requested of a cluster.
    Requested,
    /// Answered: accepted, accepted with a reservation, or rejected.
    Answered,
    /// Delivered.
    Delivered,
    /// Withdrawn.
    Withdrawn,
    /// Its answer deadline passed without an answer.
    DeadlinePassed,
}

impl CommitmentChangeKind {
    fn of(kind: EventKind) -> Option<Self> {
        match kind {
            EventKind::CommitmentRequested => Some(Self::Requested),
            EventKind::CommitmentAnswered => Some(Self::Answered),
            EventKind::CommitmentDelivered => Some(Self::Delivered),
            EventKind::CommitmentWithdrawn => Some(Self::Withdrawn),
            EventKind::CommitmentDeadlinePassed => Some(Self::DeadlinePassed),
            _ => None,
        }
    }
}

/// What happened to an escalation.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscalationChangeKind {
    /// Raised.
    Raised,
    /// Moved to another level.
    Moved,
    /// Resolved.
    Resolved,
    /// Withdrawn.
    Withdrawn,
}

impl EscalationChangeKind {
    fn of(kind: EventKind) -> Option<Self> {
        match kind {
            EventKind::EscalationRaised => Some(Self::Raised),
            EventKind::EscalationMoved => Some(Self::Moved),
            EventKind::EscalationResolved => Some(Self::Resolved),
            EventKind::EscalationWithdrawn => Some(Self::Withdrawn),
            _ => None,
        }
    }
}

/// A commitment changed.
#[derive(SimpleObject)]
pub struct CommitmentChange {
    /// What happened.
    kind: CommitmentChangeKind,
    /// When.
    occurred_at: DateTime<Utc>,
    /// The commitment as it is now.
    commitment: Commitment,
}

/// An escalation changed.
#[derive(SimpleObject)]
pub struct EscalationChange {
    /// What happened.
    kind: EscalationChangeKind,
    /// When.
    occurred_at: DateTime<Utc>,
    /// The escalation as it is now.
    escalation: Escalation,
}

/// A plan's status changed.
#[derive(SimpleObject)]
pub struct PlanStatusChange {
    /// When.
    occurred_at: DateTime<Utc>,
    /// The plan as it is now.
    plan: Plan,
}

/// Progress was reported on an action.
#[derive(SimpleObject)]
pub struct ProgressReport {
    /// When.
    occurred_at: DateTime<Utc>,
    /// The report (its `action` is the action as it is now).
    progress_update: ProgressUpdate,
}

/// The root subscription type.
#[derive(Default)]
pub struct Subscription;

#[Subscription]
impl Subscription {
    /// Commitments requested, answered, delivered, withdrawn or past their answer deadline
    /// — of `clusterId` only if given, of these `kinds` only if given.
    async fn commitment_changed<'a>(
        &self,
        ctx: &Context<'a>,
        cluster_id: Option<ID>,
        kinds: Option<Vec<CommitmentChangeKind>>,
    ) -> async_graphql::Result<impl Stream<Item = CommitmentChange> + 'a> {
        let cluster = optional_id(Cluster::TYPE_NAME, "clusterId", cluster_id)?;
        let wanted = move |kind| {
            CommitmentChangeKind::of(kind)
                .filter(|kind| kinds.as_ref().is_none_or(|k| k.contains(kind)))
        };
        Ok(
            changes::<commitment::Entity, _>(ctx, wanted)?.filter_map(move |(event, kind, row)| {
                let keep = cluster.is_none_or(|cluster| row.cluster_id == cluster);
                async move {
                    keep.then(|| CommitmentChange {
                        kind,
                        occurred_at: event.at,
                        commitment: row.into(),
                    })
                }
            }),
        )
    }

    /// Escalations raised, moved, resolved or withdrawn — in `neighbourhoodId` only if
    /// given.
    async fn escalation_changed<'a>(
        &self,
        ctx: &Context<'a>,
        neighbourhood_id: Option<ID>,
    ) -> async_graphql::Result<impl Stream<Item = EscalationChange> + 'a> {
        let neighbourhood = optional_id(
            Neighbourhood::TYPE_NAME,
            "neighbourhoodId",
            neighbourhood_id,
        )?;
        Ok(
            changes::<escalation::Entity, _>(ctx, EscalationChangeKind::of)?.filter_map(
                move |(event, kind, row)| {
                    let keep = neighbourhood
                        .is_none_or(|neighbourhood| row.neighbourhood_id == neighbourhood);
                    async move {
                        keep.then(|| EscalationChange {
                            kind,
                            occurred_at: event.at,
                            escalation: row.into(),
                        })
                    }
                },
            ),
        )
    }

    /// Plans whose status changed — of `neighbourhoodId` only if given.
    async fn plan_status_changed<'a>(
        &self,
        ctx: &Context<'a>,
        neighbourhood_id: Option<ID>,
    ) -> async_graphql::Result<impl Stream<Item = PlanStatusChange> + 'a> {
        let neighbourhood = optional_id(
            Neighbourhood::TYPE_NAME,
            "neighbourhoodId",
            neighbourhood_id,
        )?;
        let wanted = |kind| (kind == EventKind::PlanStatusChanged).then_some(());
        Ok(
            changes::<plan::Entity, _>(ctx, wanted)?.filter_map(move |(event, (), row)| {
                let keep = neighbourhood.is_none_or(|n| row.neighbourhood_id == Some(n));
                async move {
                    keep.then(|| PlanStatusChange {
                        occurred_at: event.at,
                        plan: row.into(),
                    })
                }
            }),
        )
    }

    /// Progress reported on actions.
    async fn progress_reported<'a>(
        &self,
        ctx: &Context<'a>,
    ) -> async_graphql::Result<impl Stream<Item = ProgressReport> + 'a> {
        let wanted = |kind| (kind == EventKind::ProgressReported).then_some(());
        Ok(
            changes::<progress_update::Entity, _>(ctx, wanted)?.map(|(event, (), row)| {
                ProgressReport {
                    occurred_at: event.at,
                    progress_update: row.into(),
                }
            }),
        )
    }
}

/// The row id an optional `ID` argument names.
fn optional_id(type_name: &str, field: &str, id: Option<ID>) -> async_graphql::Result<Option<i32>> {
    Ok(id.map(|id| id_of(type_name, field, &id)).transpose()?)
}

/// The events `kind_of` accepts, each with the changed row of `E` as the subscriber's
/// scope reads it now; events for rows they may not read are left out.
fn changes<'a, E, K>(
    ctx: &Context<'a>,
    kind_of: impl Fn(EventKind) -> Option<K> + Send + Sync + 'a,
) -> async_graphql::Result<impl Stream<Item = (Event, K, E::Model)> + Send + 'a>
where
    E: Scoped,
    E::Model: Send + Sync,
    K: Send + 'a,
{
    let scope = scope(ctx)?;
    let receiver = scope
        .events
        .as_ref()
        .ok_or_else(|| async_graphql::Error::new("internal error"))?
        .subscribe();
    let kind_of = std::sync::Arc::new(kind_of);
    Ok(futures_util::stream::unfold(
        receiver,
        move |mut receiver| {
            let kind_of = kind_of.clone();
            async move {
                loop {
                    let event = match receiver.recv().await {
                        Ok(event) => event,
                        Err(RecvError::Lagged(missed)) => {
                            tracing::warn!(missed, "a subscriber fell behind; events were skipped");
                            continue;
                        }
                        Err(RecvError::Closed) => return None,
                    };
                    let Some(kind) = kind_of(event.kind) else {
                        continue;
                    };
                    // The row as it is now, read fresh through the subscriber's scope.
                    scope.forget();
                    match scope.reader.by_ids::<E>(&[event.id]).await {
                        Ok(rows) => {
                            if let Some(row) = rows.into_iter().next() {
                                return Some(((event, kind, row), receiver));
                            }
                        }
                        Err(error) => tracing::warn!(?error, "could not read an event's row"),
                    }
                }
            }
        },
    ))
}

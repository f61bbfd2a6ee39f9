//! Root lists of commitments and escalations.

use async_graphql::{ID, InputObject};
use chrono::Utc;
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use super::lists::root_lists;
use super::order::order_input;
use super::{eq, eq_id};
use crate::error::ApiError;
use crate::graphql::context::scope;
use crate::graphql::enums::{CommitmentKind, CommitmentStatus, EscalationLevel, EscalationStatus};
use crate::graphql::types::{Action, BudgetLine, Cluster, Commitment, Escalation, Neighbourhood};

/// Which commitments to list.
#[derive(InputObject, Default)]
pub struct CommitmentFilter {
    /// In this status.
    pub status: Option<CommitmentStatus>,
    /// Of this kind.
    pub kind: Option<CommitmentKind>,
    /// Asked of this cluster.
    pub cluster_id: Option<ID>,
    /// For this action.
    pub action_id: Option<ID>,
    /// Paid from this budget line.
    pub budget_line_id: Option<ID>,
    /// Only requests unanswered past their deadline (true), or all others (false).
    pub overdue: Option<bool>,
    /// Only those for issues outside the plan (true: on a neighbourhood's issue list), or
    /// only those for plan actions (false).
    pub outside_plan: Option<bool>,
    /// Created or changed at or after this moment, as the audit trail records every change
    /// made through the API: poll with the time of your previous poll.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

order_input!(
    /// Fields commitments sort by.
    CommitmentOrder, CommitmentOrderField, commitment {
        /// The answer deadline.
        ResponseDeadline => ResponseDeadline,
        /// Status.
        Status => Status,
        /// Committed money (unanswered last).
        Amount => AmountCents,
        /// Last change.
        UpdatedAt => UpdatedAt,
    }
);

order_input!(
    /// Fields escalations sort by.
    EscalationOrder, EscalationOrderField, escalation {
        /// When it was raised.
        RaisedAt => RaisedAt,
        /// Level.
        Level => Level,
        /// Status.
        Status => Status,
    }
);

/// Which escalations to list.
#[derive(InputObject, Default)]
pub struct EscalationFilter {
    /// In this status.
    pub status: Option<EscalationStatus>,
    /// At this level.
    pub level: Option<EscalationLevel>,
    /// In this neighbourhood.
    pub neighbourhood_id: Option<ID>,
    /// Involving this cluster.
    pub cluster_id: Option<ID>,
    /// Created or changed at or after this moment, as the audit trail records every change
    /// made through the API: poll with the time of your previous poll.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

root_lists! {
    /// Root lists of commitments and escalations.
    CommitmentQuery {
        /// Commitments (toezeggingen) asked of clusters.
        commitments: Commitment of commitment where CommitmentFilter sorted CommitmentOrder
            => |ctx, filter, order_by| {
            // Filtering or sorting by money (a budget line is money) would tell a caller who
            // may not see it which rows match or how they rank.
            let by_money = [
                (filter.budget_line_id.is_some(), "filter.budgetLineId"),
                (
                    order_by
                        .iter()
                        .any(|term| term.field == CommitmentOrderField::Amount),
                    "orderBy",
                ),
            ];
            if let Some((_, field)) = by_money.iter().find(|(used, _)| *used)
                && !scope(ctx)?.sees_money_of_all_it_reads::<commitment::Entity>()
            {
                return Err(ApiError::bad_input(
                    *field,
                    "filters and sorts by money only for callers who see the money of every \
                     commitment they can read",
                )
                .into());
            }
            let mut condition = eq(
                Condition::all(),
                commitment::Column::Status,
                filter.status.map(entity::enums::CommitmentStatus::from),
            );
            condition = eq(
                condition,
                commitment::Column::Kind,
                filter.kind.map(entity::enums::CommitmentKind::from),
            );
            condition = eq_id(
                condition,
                commitment::Column::ClusterId,
                Cluster::TYPE_NAME,
                "filter.clusterId",
                filter.cluster_id.as_ref(),
            )?;
            condition = eq_id(
                condition,
                commitment::Column::ActionId,
                Action::TYPE_NAME,
                "filter.actionId",
                filter.action_id.as_ref(),
            )?;
            condition = eq_id(
                condition,
                commitment::Column::BudgetLineId,
                BudgetLine::TYPE_NAME,
                "filter.budgetLineId",
                filter.budget_line_id.as_ref(),
            )?;
            if let Some(overdue) = filter.overdue {
                let is_overdue = Condition::all()
                    .add(commitment::Column::Status.eq(entity::enums::CommitmentStatus::Requested))
                    .add(commitment::Column::ResponseDeadline.lt(Utc::now()));
                condition = condition.add(if overdue {
                    is_overdue
                } else {
                    is_overdue.not()
                });
            }
            if let Some(outside) = filter.outside_plan {
                condition = condition.add(super::outside_plan(commitment::Column::ActionId, outside));
            }
            let condition = super::changed_since::<commitment::Entity>(condition, filter.updated_since);
            Ok(condition)
        },
        /// Escalations, open and closed.
        escalations: Escalation of escalation where EscalationFilter sorted EscalationOrder
            => |_ctx, filter, _order_by| {
            let mut condition = eq(
                Condition::all(),
                escalation::Column::Status,
                filter.status.map(entity::enums::EscalationStatus::from),
            );
            condition = eq(
                condition,
                escalation::Column::Level,
                filter.level.map(entity::enums::EscalationLevel::from),
            );
            condition = eq_id(
                condition,
                escalation::Column::NeighbourhoodId,
                Neighbourhood::TYPE_NAME,
                "filter.neighbourhoodId",
                filter.neighbourhood_id.as_ref(),
            )?;
            condition = eq_id(
                condition,
                escalation::Column::ClusterId,
                Cluster::TYPE_NAME,
                "filter.clusterId",
                filter.cluster_id.as_ref(),
            )?;
            let condition = super::changed_since::<escalation::Entity>(condition, filter.updated_since);
            Ok(condition)
        },
    }
}

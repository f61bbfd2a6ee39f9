//! Root lists of commitments and escalations.

use async_graphql::{ID, InputObject};
use entity::*;

use super::filter::Conditions;
use super::lists::root_lists;
use super::order::order_input;
use super::overdue::overdue;
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
            Ok(Conditions::new()
                .eq(commitment::Column::Status, filter.status.map(entity::enums::CommitmentStatus::from))
                .eq(commitment::Column::Kind, filter.kind.map(entity::enums::CommitmentKind::from))
                .id(commitment::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?
                .id(commitment::Column::ActionId, Action::TYPE_NAME, "filter.actionId", filter.action_id.as_ref())?
                .id(commitment::Column::BudgetLineId, BudgetLine::TYPE_NAME, "filter.budgetLineId", filter.budget_line_id.as_ref())?
                .when(filter.overdue, |wanted| if wanted { overdue() } else { overdue().not() })
                .when(filter.outside_plan, |outside| super::outside_plan(commitment::Column::ActionId, outside))
                .changed_since::<commitment::Entity>(filter.updated_since))
        },
        /// Escalations, open and closed.
        escalations: Escalation of escalation where EscalationFilter sorted EscalationOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new()
                .eq(escalation::Column::Status, filter.status.map(entity::enums::EscalationStatus::from))
                .eq(escalation::Column::Level, filter.level.map(entity::enums::EscalationLevel::from))
                .id(escalation::Column::NeighbourhoodId, Neighbourhood::TYPE_NAME, "filter.neighbourhoodId", filter.neighbourhood_id.as_ref())?
                .id(escalation::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?
                .changed_since::<escalation::Entity>(filter.updated_since))
        },
    }
}

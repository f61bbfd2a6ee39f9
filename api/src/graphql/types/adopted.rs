//! The content a plan revision adopted, as the API shows it: priorities and actions with
//! the global ids they had.

use async_graphql::ID;

use super::{Action, Cluster, Priority};
use crate::graphql::enums::ClusterPosition;
use crate::graphql::scalars::NaiveDate;

/// A plan's content as adopted in one revision.
#[derive(async_graphql::SimpleObject)]
pub struct AdoptedContent {
    /// The plan's title.
    title: String,
    /// Its active priorities by rank.
    priorities: Vec<AdoptedPriority>,
}

/// A priority as adopted.
#[derive(async_graphql::SimpleObject)]
pub struct AdoptedPriority {
    /// The priority (it may have changed since).
    priority_id: ID,
    /// Rank 1..5.
    rank: Option<i32>,
    /// Short title.
    title: String,
    /// What it is about.
    description: String,
    /// Its actions as adopted.
    actions: Vec<AdoptedAction>,
}

/// An action as adopted.
#[derive(async_graphql::SimpleObject)]
pub struct AdoptedAction {
    /// The action (it may have changed since).
    action_id: ID,
    /// What exactly will be done.
    description: String,
    /// The lead cluster.
    lead_cluster_id: Option<ID>,
    /// Who is responsible.
    responsible_person: Option<String>,
    /// The measurable target.
    measurable_target: Option<String>,
    /// The deadline.
    deadline: Option<NaiveDate>,
    /// The lead cluster's position at adoption.
    lead_cluster_position: Option<ClusterPosition>,
}

impl From<crate::domain::revision::Content> for AdoptedContent {
    fn from(content: crate::domain::revision::Content) -> Self {
        use crate::graphql::relay::encode_id;
        Self {
            title: content.title,
            priorities: content
                .priorities
                .into_iter()
                .map(|priority| AdoptedPriority {
                    priority_id: encode_id(Priority::TYPE_NAME, priority.id),
                    rank: priority.rank,
                    title: priority.title,
                    description: priority.description,
                    actions: priority
                        .actions
                        .into_iter()
                        .map(|action| AdoptedAction {
                            action_id: encode_id(Action::TYPE_NAME, action.id),
                            description: action.description,
                            lead_cluster_id: action
                                .lead_cluster_id
                                .map(|id| encode_id(Cluster::TYPE_NAME, id)),
                            responsible_person: action.responsible_person,
                            measurable_target: action.measurable_target,
                            deadline: action.deadline.map(Into::into),
                            lead_cluster_position: action.lead_position.map(Into::into),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

//! Versions of a plan's content: each revision and the content it adopted.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{Action, Cluster, Plan, Priority, node_type};
use crate::graphql::enums::ClusterPosition;
use crate::graphql::scalars::NaiveDate;

node_type!(
    /// A version of a plan's content: revision 1 is the plan as first adopted; each
    /// `revisePlan` opens the next, which holds the content once it is adopted. Adopted
    /// revisions never change, and the public reads them even while the plan is revised.
    PlanRevision wraps plan_revision links PlanRevisionLinks {
        /// The plan.
        plan: Plan by plan from plan_id,
    }
);

#[Object]
impl PlanRevision {
    /// The revision's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// 1 for the plan as first adopted, then 2, 3, … per revision.
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// Why the revision was opened; empty for the first version.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// Who opened it (`unrecorded` for plans adopted before revisions were kept).
    async fn opened_by(&self) -> &str {
        &self.0.opened_by
    }
    /// When it was opened.
    async fn opened_at(&self) -> DateTime<Utc> {
        self.0.opened_at
    }
    /// Who adopted it; empty while it is open (and for plans adopted before revisions
    /// were kept).
    async fn adopted_by(&self) -> Option<&str> {
        self.0.adopted_by.as_deref()
    }
    /// When it was adopted; empty while it is open.
    async fn adopted_at(&self) -> Option<DateTime<Utc>> {
        self.0.adopted_at
    }
    /// The content as adopted; empty while the revision is open.
    async fn content(&self) -> async_graphql::Result<Option<AdoptedContent>> {
        let Some(json) = self.0.content.as_deref() else {
            return Ok(None);
        };
        let content: crate::domain::revision::Content = serde_json::from_str(json)
            .map_err(|error| crate::error::ApiError::Internal(error.into()))?;
        Ok(Some(AdoptedContent::from(content)))
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> PlanRevisionLinks {
        PlanRevisionLinks::of(&self.0)
    }
}

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

//! Versions of a plan's content: each revision and the content it adopted.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::adopted::AdoptedContent;
use super::{Plan, node_type};

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

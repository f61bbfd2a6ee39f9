//! P&C documents (begroting, voorjaarsnota, ...): one budget year and phase.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{BudgetAmendment, node_type};
use crate::graphql::connection::connections;
use crate::graphql::enums::{PncDocumentStatus, PncPhase};

node_type!(
    /// A P&C document for one budget year and phase.
    PncDocument wraps pnc_document
);

#[Object]
impl PncDocument {
    /// The document's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Budget year.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// The phase it belongs to.
    async fn phase(&self) -> PncPhase {
        self.0.phase.into()
    }
    /// Title, e.g. Voorjaarsnota 2016.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// In preparation, submitted or adopted.
    async fn status(&self) -> PncDocumentStatus {
        self.0.status.into()
    }
    /// When the council adopted it.
    async fn adopted_at(&self) -> Option<DateTime<Utc>> {
        self.0.adopted_at
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> PncDocumentConnections {
        PncDocumentConnections(self.0.id)
    }
}

connections! {
    PncDocumentConnections of PncDocument {
        /// Amendments made in this document.
        amendments: BudgetAmendment by budget_amendment::PncDocumentId,
    }
}

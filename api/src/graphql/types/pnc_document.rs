//! P&C documents (begroting, voorjaarsnota, ...) and the typed amendments made in them.

use crate::graphql::scalars::Decimal;
use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{BudgetLine, node_type};
use crate::graphql::connection::connections;
use crate::graphql::enums::{AmendmentType, PncDocumentStatus, PncPhase};
use crate::money::from_hundredths;

node_type!(
    /// A P&C document for one budget year and phase.
    PncDocument wraps pnc_document
);

node_type!(
    /// A typed budget amendment (bijstelling) in a P&C phase.
    BudgetAmendment wraps budget_amendment links BudgetAmendmentLinks {
        /// The P&C document it belongs to.
        pnc_document: PncDocument by pnc_document from pnc_document_id,
        /// The line amended.
        budget_line: BudgetLine by budget_line from budget_line_id,
    }
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

#[Object]
impl BudgetAmendment {
    /// The amendment's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Type of amendment.
    async fn amendment_type(&self) -> AmendmentType {
        self.0.amendment_type.into()
    }
    /// Change in euros (exact decimal; negative for a cut).
    async fn delta(&self) -> Decimal {
        from_hundredths(self.0.delta_cents).into()
    }
    /// Why.
    async fn rationale(&self) -> &str {
        &self.0.rationale
    }
    /// Who made it.
    async fn created_by(&self) -> &str {
        &self.0.created_by
    }
    /// When.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> BudgetAmendmentLinks {
        BudgetAmendmentLinks::of(&self.0)
    }
}

connections! {
    PncDocumentConnections of PncDocument {
        /// Amendments made in this document.
        amendments: BudgetAmendment by budget_amendment::PncDocumentId,
    }
}

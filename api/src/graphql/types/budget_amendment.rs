//! A typed budget amendment (bijstelling) made in a P&C document.

use crate::graphql::scalars::Decimal;
use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{BudgetLine, PncDocument, node_type};
use crate::graphql::enums::AmendmentType;
use crate::money::from_hundredths;

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

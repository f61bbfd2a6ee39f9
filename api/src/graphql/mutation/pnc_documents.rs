//! P&C documents (the budget, the spring and autumn revisions, the ten-month report and
//! the annual accounts): opened for a year and phase, submitted to the council, adopted.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use crate::domain::pnc;
use crate::graphql::enums::PncPhase;
use crate::graphql::relay::id_of;
use crate::graphql::types::PncDocument;
use crate::value::{Title, Year};

/// Open a P&C document for a year and phase.
#[derive(InputObject, Debug)]
pub struct CreatePncDocumentInput {
    /// Budget year.
    pub year: i32,
    /// Phase.
    pub phase: PncPhase,
    /// Title, e.g. Voorjaarsnota 2017.
    pub title: String,
}

/// Submit or adopt a P&C document; adopted, its figures are final.
#[derive(InputObject, Debug)]
pub struct PncDocumentStepInput {
    /// The document.
    pub id: ID,
}

/// The document after the change.
#[derive(SimpleObject)]
pub struct PncDocumentPayload {
    /// The document.
    pub pnc_document: PncDocument,
}

/// P&C document mutations.
#[derive(Default)]
pub struct PncDocumentMutation;

#[Object]
impl PncDocumentMutation {
    /// Open a P&C document (controller).
    async fn create_pnc_document(
        &self,
        ctx: &Context<'_>,
        input: CreatePncDocumentInput,
    ) -> Result<PncDocumentPayload> {
        let year = super::at("input.year", Year::parse(input.year))?;
        let title = super::at("input.title", Title::parse(&input.title))?;
        let row = super::transact!(ctx, |change| pnc::create_document(
            change,
            year,
            input.phase.into(),
            title
        ));
        Ok(PncDocumentPayload {
            pnc_document: row.into(),
        })
    }

    /// Adopt a P&C document (controller); its phase's figures become final.
    async fn adopt_pnc_document(
        &self,
        ctx: &Context<'_>,
        input: PncDocumentStepInput,
    ) -> Result<PncDocumentPayload> {
        let id = id_of(PncDocument::TYPE_NAME, "input.id", &input.id)?;
        let row = super::transact!(ctx, |change| pnc::adopt_document(change, id));
        Ok(PncDocumentPayload {
            pnc_document: row.into(),
        })
    }

    /// Submit a P&C document to the council (controller).
    async fn submit_pnc_document(
        &self,
        ctx: &Context<'_>,
        input: PncDocumentStepInput,
    ) -> Result<PncDocumentPayload> {
        let id = id_of(PncDocument::TYPE_NAME, "input.id", &input.id)?;
        let row = super::transact!(ctx, |change| pnc::submit_document(change, id));
        Ok(PncDocumentPayload {
            pnc_document: row.into(),
        })
    }
}

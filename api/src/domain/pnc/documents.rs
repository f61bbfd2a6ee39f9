//! P&C documents: opened for a year and phase, submitted, adopted (its figures final).

use chrono::Utc;
use entity::enums::{PncDocumentStatus, PncPhase};
use entity::*;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::access::Operation;
use crate::domain::Change;
use crate::domain::plan::status_name;
use crate::error::{ApiError, ApiResult};
use crate::value::{Title, Year};

/// Opens a P&C document for a year and phase (in preparation).
pub async fn create_document(
    change: &Change<'_>,
    year: Year,
    phase: PncPhase,
    title: Title,
) -> ApiResult<pnc_document::Model> {
    let year = year.get();
    let exists = pnc_document::Entity::find()
        .filter(pnc_document::Column::Year.eq(year))
        .filter(pnc_document::Column::Phase.eq(phase))
        .one(change.txn())
        .await?;
    if exists.is_some() {
        return Err(ApiError::bad_input(
            "phase",
            "a document for this year and phase exists",
        ));
    }
    let row = change
        .insert(pnc_document::ActiveModel {
            year: Set(year),
            phase: Set(phase),
            title: Set(title.into_string()),
            status: Set(PncDocumentStatus::InPreparation),
            adopted_at: Set(None),
            ..Default::default()
        })
        .await?;
    change
        .created::<pnc_document::Entity>(
            row.id,
            Operation::Amend,
            "P&C document",
            "createPncDocument",
            &row,
        )
        .await?;
    Ok(row)
}

/// Submits a P&C document in preparation to the council.
pub async fn submit_document(change: &Change<'_>, id: i32) -> ApiResult<pnc_document::Model> {
    let before = change
        .load::<pnc_document::Entity>(id, Operation::Amend, "P&C document")
        .await?;
    if before.status != PncDocumentStatus::InPreparation {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.status),
            attempted: "submit the document",
        });
    }
    let changes = pnc_document::ActiveModel {
        status: Set(PncDocumentStatus::Submitted),
        ..Default::default()
    };
    step(change, before, changes, "submitPncDocument").await
}

/// Adopts a P&C document: from then on its phase's figures are final.
pub async fn adopt_document(change: &Change<'_>, id: i32) -> ApiResult<pnc_document::Model> {
    let before = change
        .load::<pnc_document::Entity>(id, Operation::Amend, "P&C document")
        .await?;
    if before.status == PncDocumentStatus::Adopted {
        return Err(ApiError::InvalidTransition {
            current: "ADOPTED".to_owned(),
            attempted: "adopt the document",
        });
    }
    let changes = pnc_document::ActiveModel {
        status: Set(PncDocumentStatus::Adopted),
        adopted_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    step(change, before, changes, "adoptPncDocument").await
}

/// Writes one step of a document (its new status) and audits it as `operation`.
async fn step(
    change: &Change<'_>,
    before: pnc_document::Model,
    changes: pnc_document::ActiveModel,
    operation: &str,
) -> ApiResult<pnc_document::Model> {
    pnc_document::Entity::update_many()
        .set(changes)
        .filter(pnc_document::Column::Id.eq(before.id))
        .exec(change.txn())
        .await?;
    let after = pnc_document::Entity::find_by_id(before.id)
        .one(change.txn())
        .await?
        .ok_or(ApiError::NotFound("P&C document"))?;
    change
        .audit(
            "PncDocument",
            before.id,
            operation,
            Some(&before),
            Some(&after),
        )
        .await?;
    Ok(after)
}

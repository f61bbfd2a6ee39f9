//! The merge the report describes: two neighbourhoods' plans become one, with the audit
//! trail a merge through the API would leave.

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use crate::seed::pilot_data::MERGE;
use crate::seed::{add, at, priority_row};

/// The merge of two draft plans into `surviving` (the report's §3.2.4): the draft merged
/// away with the priorities it dropped, the priorities the surviving draft dropped, and the
/// audit trail the API would have left. Returns the merged-away draft's id.
pub(super) async fn merge(
    txn: &DatabaseTransaction,
    surviving: &plan::Model,
) -> Result<i32, DbErr> {
    let (year, month, day) = MERGE.on;
    let on = at(year, month, day, 12)?;
    let drafted = at(2016, 1, 11, 9)?;
    let merged = add::<plan::ActiveModel>(
        txn,
        plan::Model {
            id: 0,
            title: MERGE.merged_title.to_owned(),
            status: PlanStatus::Superseded,
            superseded_by_id: Some(surviving.id),
            adopted_at: None,
            version: 2,
            created_at: drafted,
            updated_at: on,
            ..surviving.clone()
        },
    )
    .await?;
    for (plan_id, dropped, operation) in [
        (merged.id, &MERGE.dropped_from_merged[..], "mergePlans"),
        (
            surviving.id,
            &MERGE.dropped_from_surviving[..],
            "dropPriority",
        ),
    ] {
        for (title, reason) in dropped {
            let row = add::<priority::ActiveModel>(
                txn,
                priority::Model {
                    dropped_at: Some(on),
                    drop_reason: Some((*reason).to_owned()),
                    version: 2,
                    updated_at: on,
                    ..priority_row(
                        plan_id,
                        None,
                        title,
                        format!("{title}: concept van januari 2016."),
                        drafted,
                    )
                },
            )
            .await?;
            let before = priority::Model {
                dropped_at: None,
                drop_reason: None,
                version: 1,
                updated_at: drafted,
                ..row.clone()
            };
            audit(txn, "Priority", row.id, operation, &before, &row).await?;
        }
    }
    let before = plan::Model {
        status: PlanStatus::Draft,
        superseded_by_id: None,
        version: 1,
        updated_at: drafted,
        ..merged.clone()
    };
    audit(txn, "Plan", merged.id, "mergePlans", &before, &merged).await?;
    Ok(merged.id)
}

/// An audit event for a step of the merge, taken by Feijenoord's area director on the day
/// of the merge (the row's `updated_at`).
pub(super) async fn audit<T: serde::Serialize>(
    txn: &DatabaseTransaction,
    entity: &str,
    entity_id: i32,
    operation: &str,
    before: &T,
    after: &T,
) -> Result<(), DbErr> {
    let json = |row: &T| serde_json::to_string(row).map_err(|e| DbErr::Custom(e.to_string()));
    let (year, month, day) = MERGE.on;
    add::<audit_event::ActiveModel>(
        txn,
        audit_event::Model {
            id: 0,
            occurred_at: at(year, month, day, 12)?,
            subject: "area_director:WK059910".to_owned(),
            grants: "area_director:WK059910".to_owned(),
            entity: entity.to_owned(),
            entity_id,
            operation: operation.to_owned(),
            before: Some(json(before)?),
            after: Some(json(after)?),
        },
    )
    .await?;
    Ok(())
}

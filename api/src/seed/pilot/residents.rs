//! Residents' input, landed in the plans' priorities and actions.

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::{Written, nth};
use crate::seed::pilot_data::{Landing, Wap};
use crate::seed::{add, date};

/// A neighbourhood's residents' input, linked where it landed.
pub(super) async fn residents(
    txn: &DatabaseTransaction,
    neighbourhood_id: i32,
    wap: &Wap,
    plan: &Written,
    area_themes: &[i32],
) -> Result<(), DbErr> {
    for input in wap.inputs {
        let priority = |rank| nth(&plan.priorities, rank).map(|(id, _)| *id);
        let (outcome, reason, priority_id, action_id) = match input.landing {
            Landing::Priority(rank) => (
                ResidentInputOutcome::Incorporated,
                None,
                priority(rank),
                None,
            ),
            Landing::Action(rank, number) => (
                ResidentInputOutcome::Incorporated,
                None,
                priority(rank),
                nth(&plan.priorities, rank).and_then(|(_, actions)| nth(actions, number).copied()),
            ),
            Landing::AreaTheme(rank) => (
                ResidentInputOutcome::Incorporated,
                None,
                nth(area_themes, rank).copied(),
                None,
            ),
            Landing::NotTaken(reason) => (
                ResidentInputOutcome::NotIncorporated,
                Some(reason),
                None,
                None,
            ),
            Landing::Pending => (ResidentInputOutcome::Pending, None, None, None),
        };
        let (year, month, day) = input.received;
        add::<resident_input::ActiveModel>(
            txn,
            resident_input::Model {
                id: 0,
                neighbourhood_id,
                reference: None,
                source: input.source,
                received_on: date(year, month, day)?,
                summary: input.summary.to_owned(),
                outcome,
                reason: reason.map(str::to_owned),
                priority_id,
                action_id,
                version: 1,
            },
        )
        .await?;
    }
    Ok(())
}

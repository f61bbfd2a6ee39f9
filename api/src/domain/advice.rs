//! The area committee's advice on plans: recorded when it arrives (asked for or
//! unsolicited), answered by the area director — followed, partly, or not, with the
//! reason. A neighbourhood action plan is not adopted while advice on it is unanswered.

use chrono::{NaiveDate, Utc};
use entity::enums::AdviceResponse;
use entity::*;
use sea_orm::ActiveValue::Set;

use super::Change;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::{Long, Reason};

/// Advice as it arrived.
pub struct NewAdvice {
    /// The plan it is about.
    pub plan_id: i32,
    /// Whether it was asked for.
    pub requested: bool,
    /// When it was received.
    pub received_on: NaiveDate,
    /// What the committee advises.
    pub advice: Long,
}

/// Records the committee's advice on a plan (a committee member of the plan's area, or its
/// area director).
pub async fn record(change: &Change<'_>, input: NewAdvice) -> ApiResult<committee_advice::Model> {
    change
        .load::<plan::Entity>(input.plan_id, Operation::Read, "plan")
        .await?;
    if input.received_on > Utc::now().date_naive() {
        return Err(ApiError::bad_input(
            "received_on",
            "must not be in the future",
        ));
    }
    let advice = input.advice.into_string();
    let row = change
        .insert(committee_advice::ActiveModel {
            plan_id: Set(input.plan_id),
            requested: Set(input.requested),
            received_on: Set(input.received_on),
            advice: Set(advice),
            recorded_by: Set(change.actor()),
            recorded_at: Set(Utc::now()),
            response: Set(None),
            response_reason: Set(None),
            responded_by: Set(None),
            responded_at: Set(None),
            version: Set(1),
            ..Default::default()
        })
        .await?;
    change
        .created::<committee_advice::Entity>(
            row.id,
            Operation::Advise,
            "advice",
            "recordCommitteeAdvice",
            &row,
        )
        .await?;
    Ok(row)
}

/// The area director's response to advice: followed, partly or not (then with the
/// reason). A response is given once.
pub async fn respond(
    change: &Change<'_>,
    id: i32,
    expected: i32,
    response: AdviceResponse,
    reason: Option<Reason>,
) -> ApiResult<committee_advice::Model> {
    let before = change
        .load_at::<committee_advice::Entity>(id, expected, Operation::Read, "advice")
        .await?;
    change
        .require::<plan::Entity>(before.plan_id, Operation::Adopt, "plan")
        .await?;
    if before.response.is_some() {
        return Err(ApiError::InvalidTransition {
            current: "ANSWERED".to_owned(),
            attempted: "respond to the advice again",
        });
    }
    let reason = match (response, reason) {
        (_, Some(reason)) => Some(reason.into_string()),
        (AdviceResponse::Followed, None) => None,
        (_, None) => return Err(ApiError::bad_input("reason", "must not be empty")),
    };
    let after = change
        .updated(
            id,
            &before,
            expected,
            committee_advice::ActiveModel {
                response: Set(Some(response)),
                response_reason: Set(reason),
                responded_by: Set(Some(change.actor())),
                responded_at: Set(Some(Utc::now())),
                ..Default::default()
            },
            "respondToCommitteeAdvice",
        )
        .await?;
    Ok(after)
}

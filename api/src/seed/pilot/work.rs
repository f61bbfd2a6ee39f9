//! The work under the plans: actions with their progress, commitments in every status,
//! and the escalation the report describes.

use chrono::Duration;
use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::product_of;
use super::team::Team;
use crate::seed::pilot_data::{Action, Actor, Answer, ESCALATION};
use crate::seed::{Reference, add, at, date};

/// Progress at the year end, by action number and answer: (status, percent, light).
pub(super) fn year_end(number: usize, answer: Answer) -> (ActionStatus, i32, TrafficLight) {
    match answer {
        Answer::Refused(_) | Answer::RefusedAndEscalated(_) => {
            (ActionStatus::NotRealised, 0, TrafficLight::Red)
        }
        Answer::Unanswered => (ActionStatus::NotStarted, 0, TrafficLight::Amber),
        _ => match number % 6 {
            0 | 1 => (ActionStatus::Realised, 100, TrafficLight::Green),
            2 => (ActionStatus::PartlyRealised, 70, TrafficLight::Amber),
            3 => (ActionStatus::InProgress, 80, TrafficLight::Green),
            4 => (ActionStatus::CarriedOver, 40, TrafficLight::Amber),
            _ => (ActionStatus::Realised, 100, TrafficLight::Green),
        },
    }
}

/// The progress notes at half year and year end, by answer.
pub(super) fn notes(answer: Answer) -> (&'static str, &'static str) {
    match answer {
        Answer::Unanswered => (
            "Nog niet gestart: eerst de aanpak met de stadsmarinier.",
            "Verzoek aan het cluster gedaan in november; wacht op antwoord.",
        ),
        Answer::Refused(_) | Answer::RefusedAndEscalated(_) => (
            "Niet gestart: het cluster heeft het verzoek afgewezen.",
            "Niet uitgevoerd.",
        ),
        _ => (
            "Halfjaarrapportage aan het wijkactieteam.",
            "Jaareinde: resultaat op straat.",
        ),
    }
}

pub(super) async fn action(
    txn: &DatabaseTransaction,
    reference: &Reference,
    team: &Team,
    priority_id: i32,
    number: usize,
    planned: &Action,
) -> Result<i32, DbErr> {
    let (status, percent, light) = year_end(number, planned.answer);
    let lead = planned.lead;
    let action = add::<action::ActiveModel>(
        txn,
        action::Model {
            id: 0,
            priority_id,
            description: planned.what.to_owned(),
            lead_cluster_id: Some(reference.cluster(lead)?),
            responsible_person: Some(team.representative(lead)),
            measurable_target: Some(planned.target.to_owned()),
            deadline: Some(date(2016, 12, 31)?),
            status,
            progress_percent: percent,
            traffic_light: light,
            proposed_by_cluster_id: None,
            lead_position: None,
            dropped_at: None,
            drop_reason: None,
            version: 3,
            created_at: at(2016, 1, 25, 9)?,
            updated_at: at(2016, 12, 15, 16)?,
        },
    )
    .await?;
    let (mid_status, mid_light) = match status {
        ActionStatus::NotRealised => (ActionStatus::NotStarted, TrafficLight::Red),
        ActionStatus::NotStarted => (ActionStatus::NotStarted, TrafficLight::Grey),
        _ => (ActionStatus::InProgress, TrafficLight::Green),
    };
    let (mid_note, end_note) = notes(planned.answer);
    for (reported_at, percent, status, light, note, public) in [
        (
            at(2016, 6, 30, 16)?,
            percent / 2,
            mid_status,
            mid_light,
            mid_note,
            false,
        ),
        (
            at(2016, 12, 15, 16)?,
            percent,
            status,
            light,
            end_note,
            true,
        ),
    ] {
        add::<progress_update::ActiveModel>(
            txn,
            progress_update::Model {
                id: 0,
                action_id: action.id,
                reported_at,
                reported_by: team.representative(lead),
                percent,
                status,
                traffic_light: light,
                note: note.to_owned(),
                public,
            },
        )
        .await?;
    }
    Ok(action.id)
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn commitment(
    txn: &DatabaseTransaction,
    reference: &Reference,
    budget: &crate::seed::pilot_budget::Lines,
    team: &Team,
    action_id: i32,
    area_code: &str,
    number: usize,
    planned: &Action,
) -> Result<commitment::Model, DbErr> {
    let lead = planned.lead;
    let requested_at = match planned.answer {
        // Asked after the half-year review, and never answered.
        Answer::Unanswered => at(2016, 11, 14, 9)?,
        _ => at(2016, 2, 1, 9)? + Duration::days((number % 20) as i64),
    };
    let answered_at = requested_at + Duration::hours(20);
    let hours = (40 + (number % 5) as i64 * 20) * 100;
    let amount = ((number % 7) as i64 + 1) * 250_000;
    let line = budget.area_line(product_of(lead), area_code);
    let (status, reason, answered, committed) = match planned.answer {
        Answer::Refused(reason) | Answer::RefusedAndEscalated(reason) => {
            (CommitmentStatus::Rejected, Some(reason), true, false)
        }
        Answer::Reservation(reason) => (
            CommitmentStatus::AcceptedWithReservation,
            Some(reason),
            true,
            true,
        ),
        Answer::Unanswered => (CommitmentStatus::Requested, None, false, false),
        Answer::Withdrawn(reason) => (CommitmentStatus::Withdrawn, Some(reason), true, false),
        Answer::Yes if number % 4 == 1 => (CommitmentStatus::Delivered, None, true, true),
        Answer::Yes => (CommitmentStatus::Accepted, None, true, true),
    };
    add::<commitment::ActiveModel>(
        txn,
        commitment::Model {
            id: 0,
            action_id,
            cluster_id: reference.cluster(lead)?,
            status,
            kind: if number.is_multiple_of(3) {
                CommitmentKind::New
            } else {
                CommitmentKind::Continuation
            },
            hours_centi: committed.then_some(hours),
            amount_cents: committed.then_some(amount),
            budget_line_id: if committed { line } else { None },
            reason: reason.map(str::to_owned),
            response_deadline: requested_at + Duration::hours(24),
            requested_by: team.manager.clone(),
            requested_at,
            answered_by: answered.then(|| team.representative(lead)),
            answered_at: answered.then_some(answered_at),
            version: if answered { 2 } else { 1 },
            updated_at: if answered { answered_at } else { requested_at },
            question: None,
            hours_asked_centi: None,
            amount_asked_cents: None,
        },
    )
    .await
}

/// The escalation of a refused key action, step by step as in [`ESCALATION`], in the
/// neighbourhood with `neighbourhood_id` and the codes of that neighbourhood, its area and
/// the refusing cluster.
pub(super) async fn escalation(
    txn: &DatabaseTransaction,
    team: &Team,
    commitment: &commitment::Model,
    neighbourhood_id: i32,
    (neighbourhood_code, area_code, cluster_code): (&str, &str, &str),
) -> Result<(), DbErr> {
    let (first, last) = match (ESCALATION.first(), ESCALATION.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Ok(()),
    };
    let when = |(year, month, day): (i32, u32, u32)| at(year, month, day, 10);
    let owner = |level| {
        crate::domain::escalation::owner_at(
            level,
            neighbourhood_code,
            Some(cluster_code),
            area_code,
        )
    };
    let escalation = add::<escalation::ActiveModel>(
        txn,
        escalation::Model {
            id: 0,
            subject: EscalationSubject::RejectedCommitment,
            neighbourhood_id,
            cluster_id: Some(commitment.cluster_id),
            commitment_id: Some(commitment.id),
            action_id: Some(commitment.action_id),
            priority_id: None,
            reason: first.3.to_owned(),
            level: last.1,
            owner: owner(last.1),
            status: EscalationStatus::Open,
            resolution: None,
            raised_by: team.manager.clone(),
            raised_at: when(first.0)?,
            closed_at: None,
            settled_by_revision_id: None,
            version: ESCALATION.len() as i32,
        },
    )
    .await?;
    for (on, level, actor, note) in &ESCALATION {
        add::<escalation_event::ActiveModel>(
            txn,
            escalation_event::Model {
                id: 0,
                escalation_id: escalation.id,
                occurred_at: when(*on)?,
                actor: match actor {
                    Actor::NeighbourhoodManager => team.manager.clone(),
                    Actor::Grant(grant) => (*grant).to_owned(),
                },
                level: *level,
                status: EscalationStatus::Open,
                note: (*note).to_owned(),
            },
        )
        .await?;
    }
    Ok(())
}

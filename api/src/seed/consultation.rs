//! The 2017 plan for Hillesluis, in consultation with the clusters: the neighbourhood
//! manager has drafted three priorities, Werk en Inkomen has proposed a measure of its own,
//! and the lead clusters have taken positions on two actions — Stadsbeheer supports with
//! a reservation, Maatschappelijke Ontwikkeling first objected and then supported after
//! the measure was narrowed. One action still waits for its lead cluster's position. The
//! area committee gave unsolicited advice on the draft (followed) and, asked for advice on
//! the Top 5, has answered; the area director has yet to respond to that.

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::pilot_data::CONSULTATION as ACTIONS;
use super::{Reference, add, at, date, priority_row};

/// Writes the plan, its priorities, actions and positions.
pub(super) async fn write(txn: &DatabaseTransaction, reference: &Reference) -> Result<(), DbErr> {
    let (neighbourhood_id, area_id) = reference.neighbourhood("BU05991082")?;
    let plan = add::<plan::ActiveModel>(
        txn,
        plan::Model {
            id: 0,
            kind: PlanKind::NeighbourhoodActionPlan,
            title: "Wijkactieplan Hillesluis 2017".to_owned(),
            area_id,
            neighbourhood_id: Some(neighbourhood_id),
            cluster_id: None,
            year_from: 2017,
            year_to: 2017,
            status: PlanStatus::InConsultation,
            parent_plan_id: None,
            superseded_by_id: None,
            adopted_at: None,
            version: 6,
            created_at: at(2016, 11, 21, 9)?,
            updated_at: at(2016, 11, 25, 11)?,
        },
    )
    .await?;
    for (requested, day, advice, response) in [
        (
            false,
            22,
            "Betrek de moskeebesturen bij Schone straten.",
            Some(AdviceResponse::Followed),
        ),
        (
            true,
            29,
            "De Top 5 is herkenbaar; maak van werk voor jongeren de eerste prioriteit.",
            None,
        ),
    ] {
        add::<committee_advice::ActiveModel>(
            txn,
            committee_advice::Model {
                id: 0,
                plan_id: plan.id,
                requested,
                received_on: date(2016, 11, day)?,
                advice: advice.to_owned(),
                recorded_by: "committee_member:WK059910".to_owned(),
                recorded_at: at(2016, 11, day, 17)?,
                response,
                response_reason: None,
                responded_by: response.map(|_| "area_director:WK059910".to_owned()),
                responded_at: response.map(|_| at(2016, 11, 25, 10)).transpose()?,
                version: if response.is_some() { 2 } else { 1 },
            },
        )
        .await?;
    }
    for (index, (title, what, lead, proposed, positions)) in ACTIONS.into_iter().enumerate() {
        let priority = add::<priority::ActiveModel>(
            txn,
            priority_row(
                plan.id,
                Some(index as i32 + 1),
                title,
                format!("{title}: voorstel voor 2017."),
                at(2016, 11, 21, 9)?,
            ),
        )
        .await?;
        let cluster = reference.cluster(lead)?;
        let action = add::<action::ActiveModel>(
            txn,
            action::Model {
                id: 0,
                priority_id: priority.id,
                description: what.to_owned(),
                lead_cluster_id: Some(cluster),
                responsible_person: None,
                measurable_target: None,
                deadline: Some(date(2017, 12, 31)?),
                status: ActionStatus::NotStarted,
                progress_percent: 0,
                traffic_light: TrafficLight::Grey,
                proposed_by_cluster_id: proposed.then_some(cluster),
                lead_position: positions.last().map(|(position, ..)| *position),
                dropped_at: None,
                drop_reason: None,
                version: 1 + positions.len() as i32,
                created_at: at(2016, 11, 24, 10)?,
                updated_at: at(2016, 11, 30, 15)?,
            },
        )
        .await?;
        for (position, reason, subject, day) in positions {
            add::<action_position::ActiveModel>(
                txn,
                action_position::Model {
                    id: 0,
                    action_id: action.id,
                    cluster_id: cluster,
                    position: *position,
                    reason: reason.map(str::to_owned),
                    taken_by: (*subject).to_owned(),
                    taken_at: at(2016, 11, *day, 14)?,
                },
            )
            .await?;
        }
    }
    Ok(())
}

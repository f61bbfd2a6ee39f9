//! A neighbourhood's draft plan for 2017.

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use crate::seed::{Reference, add, at, priority_row};

/// The 2017 draft for Afrikaanderwijk: incomplete, with SMART gaps still to fill.
pub(super) async fn draft_2017(
    txn: &DatabaseTransaction,
    reference: &Reference,
) -> Result<(), DbErr> {
    let (neighbourhood_id, area_id) = reference.neighbourhood("BU05991086")?;
    let plan = add::<plan::ActiveModel>(
        txn,
        plan::Model {
            id: 0,
            kind: PlanKind::NeighbourhoodActionPlan,
            title: "Wijkactieplan Afrikaanderwijk 2017".to_owned(),
            area_id,
            neighbourhood_id: Some(neighbourhood_id),
            cluster_id: None,
            year_from: 2017,
            year_to: 2017,
            status: PlanStatus::Draft,
            parent_plan_id: None,
            superseded_by_id: None,
            adopted_at: None,
            version: 1,
            created_at: at(2016, 11, 28, 9)?,
            updated_at: at(2016, 11, 28, 9)?,
        },
    )
    .await?;
    for (rank, title, lead, target) in [
        (1, "Schoon en heel", "SB", Some("schoonscore minimaal 7")),
        (2, "Talent en jeugd", "MO", None),
    ] {
        let priority = add::<priority::ActiveModel>(
            txn,
            priority_row(
                plan.id,
                Some(rank),
                title,
                format!("{title}: concept voor 2017."),
                at(2016, 11, 28, 9)?,
            ),
        )
        .await?;
        add::<action::ActiveModel>(
            txn,
            action::Model {
                id: 0,
                priority_id: priority.id,
                description: format!("{title}: uitwerken met het wijkactieteam"),
                lead_cluster_id: Some(reference.cluster(lead)?),
                responsible_person: None,
                measurable_target: target.map(str::to_owned),
                deadline: None,
                status: ActionStatus::NotStarted,
                progress_percent: 0,
                traffic_light: TrafficLight::Grey,
                proposed_by_cluster_id: None,
                lead_position: None,
                dropped_at: None,
                drop_reason: None,
                version: 1,
                created_at: at(2016, 11, 28, 9)?,
                updated_at: at(2016, 11, 28, 9)?,
            },
        )
        .await?;
    }
    Ok(())
}

//! Writes the 2016 pilot from the tables in `pilot_data`: the three area plans, ten
//! adopted neighbourhood action plans with their teams, commitments in every status, the
//! merge and the escalation the report describes, residents' input, and a draft for 2017.

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::pilot_data::{AREA_THEMES, Answer, MERGE, WAPS};
use super::rotterdam::CITY_PROGRAMMES;
use super::{Reference, add, at, priority_row};

mod draft;
mod merge;
mod residents;
mod team;
mod work;

use draft::draft_2017;
use merge::{audit, merge};
use residents::residents;
use team::{People, team};
use work::{action, commitment, escalation};

/// The product a cluster's commitments draw on in the pilot.
fn product_of(cluster: &str) -> &'static str {
    match cluster {
        "MO" => "MO-HVW",
        "SB" => "SB-REI",
        "SO" => "SO-BTR",
        "VEI" => "VEI-WVL",
        "WI" => "WI-REI",
        "BCO" => "BCO-BWI",
        _ => "DV-LOK",
    }
}

/// The `position`-th (from 1) of `items`.
fn nth<T>(items: &[T], position: usize) -> Option<&T> {
    position.checked_sub(1).and_then(|index| items.get(index))
}

/// The pilot areas' codes and names.
const PILOT_AREAS: [(&str, &str); 3] = [
    ("WK059904", "Overschie"),
    ("WK059906", "Hillegersberg-Schiebroek"),
    ("WK059910", "Feijenoord"),
];

/// A written plan: its row and, per priority in rank order, the priority's and its
/// actions' ids.
struct Written {
    plan: plan::Model,
    priorities: Vec<(i32, Vec<i32>)>,
}

/// Writes the pilot.
pub(super) async fn write(txn: &DatabaseTransaction, reference: &Reference) -> Result<(), DbErr> {
    let budget = super::pilot_budget::write(txn, reference).await?;
    let mut people = People { next: 0 };
    let mut area_themes = std::collections::HashMap::new();
    for (code, name) in PILOT_AREAS {
        area_themes.insert(code, area_plan(txn, reference, code, name).await?);
    }
    let mut number = 0usize;
    for (index, wap) in WAPS.iter().enumerate() {
        let code = wap.neighbourhood;
        let (neighbourhood_id, area_id) = reference.neighbourhood(code)?;
        let area_code = reference
            .areas
            .iter()
            .find(|(_, id)| **id == area_id)
            .map(|(code, _)| *code)
            .ok_or_else(|| super::unknown("the area of", code))?;
        let name = super::AREAS
            .iter()
            .flat_map(|area| area.neighbourhoods.iter())
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n)
            .ok_or_else(|| super::unknown("the name of", code))?;
        let themes = area_themes.get(area_code).cloned().unwrap_or_default();
        let team = team(txn, reference, &mut people, neighbourhood_id, index).await?;
        let plan = add::<plan::ActiveModel>(
            txn,
            plan::Model {
                id: 0,
                kind: PlanKind::NeighbourhoodActionPlan,
                title: format!("Wijkactieplan {name} 2016"),
                area_id,
                neighbourhood_id: Some(neighbourhood_id),
                cluster_id: None,
                year_from: 2016,
                year_to: 2016,
                status: PlanStatus::Adopted,
                parent_plan_id: themes.first().map(|(plan_id, _)| *plan_id),
                superseded_by_id: None,
                adopted_at: Some(at(2016, 3, 1, 12)?),
                version: 3,
                created_at: at(2016, 1, 11, 9)?,
                updated_at: at(2016, 3, 1, 12)?,
            },
        )
        .await?;
        let merged = if code == MERGE.neighbourhood {
            Some(merge(txn, &plan).await?)
        } else {
            None
        };
        let mut written = Written {
            plan,
            priorities: Vec::new(),
        };
        for (rank, theme) in (1..).zip(&wap.priorities) {
            let from = merged.filter(|_| MERGE.moved.contains(&rank));
            let priority = add::<priority::ActiveModel>(
                txn,
                priority::Model {
                    city_programme_id: theme.programme.and_then(|programme| {
                        CITY_PROGRAMMES
                            .iter()
                            .position(|(_, name, _)| *name == programme)
                            .and_then(|i| reference.programmes.get(i))
                            .map(|(_, id)| *id)
                    }),
                    city_alignment: theme.alignment,
                    version: if from.is_some() { 2 } else { 1 },
                    updated_at: at(2016, 3, 1, 12)?,
                    ..priority_row(
                        written.plan.id,
                        Some(rank as i32),
                        theme.title,
                        format!(
                            "{} in {name}: prioriteit {rank} van het wijkactieplan 2016.",
                            theme.title
                        ),
                        at(2016, 1, 18, 9)?,
                    )
                },
            )
            .await?;
            if let Some(merged_id) = from {
                let before = priority::Model {
                    plan_id: merged_id,
                    version: 1,
                    ..priority.clone()
                };
                audit(
                    txn,
                    "Priority",
                    priority.id,
                    "mergePlans",
                    &before,
                    &priority,
                )
                .await?;
            }
            let mut actions = Vec::new();
            for planned in &theme.actions {
                let action_id = action(txn, reference, &team, priority.id, number, planned).await?;
                let commitment = commitment(
                    txn, reference, &budget, &team, action_id, area_code, number, planned,
                )
                .await?;
                if matches!(planned.answer, Answer::RefusedAndEscalated(_)) {
                    escalation(
                        txn,
                        &team,
                        &commitment,
                        neighbourhood_id,
                        (code, area_code, planned.lead),
                    )
                    .await?;
                }
                actions.push(action_id);
                number += 1;
            }
            written.priorities.push((priority.id, actions));
        }
        let theme_ids: Vec<i32> = themes.iter().map(|(_, id)| *id).collect();
        residents(txn, neighbourhood_id, wap, &written, &theme_ids).await?;
    }
    draft_2017(txn, reference).await?;
    super::consultation::write(txn, reference).await?;
    Ok(())
}

/// An area's adopted plan for 2014–2018 with its themes; returns (plan id, theme id) per
/// theme in rank order.
async fn area_plan(
    txn: &DatabaseTransaction,
    reference: &Reference,
    code: &str,
    name: &str,
) -> Result<Vec<(i32, i32)>, DbErr> {
    let plan = add::<plan::ActiveModel>(
        txn,
        plan::Model {
            id: 0,
            kind: PlanKind::AreaPlan,
            title: format!("Gebiedsplan {name} 2014-2018"),
            area_id: reference.area(code)?,
            neighbourhood_id: None,
            cluster_id: None,
            year_from: 2014,
            year_to: 2018,
            status: PlanStatus::Adopted,
            parent_plan_id: None,
            superseded_by_id: None,
            adopted_at: Some(at(2014, 10, 30, 12)?),
            version: 1,
            created_at: at(2014, 6, 1, 9)?,
            updated_at: at(2014, 10, 30, 12)?,
        },
    )
    .await?;
    let mut themes = Vec::new();
    for (rank, theme) in (1..).zip(AREA_THEMES) {
        let priority = add::<priority::ActiveModel>(
            txn,
            priority::Model {
                city_alignment: CityAlignment::Aligned,
                updated_at: at(2014, 10, 30, 12)?,
                ..priority_row(
                    plan.id,
                    Some(rank),
                    theme,
                    format!("{theme} in {name}, 2014-2018."),
                    at(2014, 6, 1, 9)?,
                )
            },
        )
        .await?;
        themes.push((plan.id, priority.id));
    }
    Ok(themes)
}

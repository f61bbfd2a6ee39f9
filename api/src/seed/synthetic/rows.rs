//! The rows of synthetic volume: one function per kind of row, each drawing its values
//! from the shared seeded generator.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::enums::{
    ActionStatus, BudgetKind, CityAlignment, CommitmentKind, CommitmentStatus, PlanKind,
    PlanStatus, PncPhase, TrafficLight,
};
use entity::*;
use sea_orm::DbErr;

use super::CURRENT_YEAR;
use super::store::{Buffers, Ids, Table};
use crate::seed::at;

/// One budget line per cluster (a product of it) for the neighbourhood and year, with its
/// budgeted amount (and realised amount for a closed year); returns (cluster, line).
pub(super) fn budget_lines(
    rng: &mut fastrand::Rng,
    ids: &mut Ids,
    out: &mut Buffers,
    products: &[product::Model],
    area_id: i32,
    hood: i32,
    year: i32,
) -> Vec<(i32, i32)> {
    let mut lines: Vec<(i32, i32)> = Vec::new();
    for product in products {
        if lines
            .iter()
            .any(|(cluster, _)| *cluster == product.cluster_id)
        {
            continue;
        }
        let id = ids.next(Table::BudgetLine);
        out.lines.push(budget_line::Model {
            id,
            cluster_id: product.cluster_id,
            product_id: product.id,
            year,
            area_id: Some(area_id),
            neighbourhood_id: Some(hood),
            kind: BudgetKind::Expenses,
            description: format!("{} {year}", product.name),
            capacity_hours_centi: i64::from(rng.u32(400..4_000)) * 100,
            version: 1,
        });
        let budgeted = i64::from(rng.u32(200_000..600_000)) * 100;
        out.amounts.push(budget_line_amount::Model {
            id: ids.next(Table::Amount),
            budget_line_id: id,
            phase: PncPhase::Budget,
            amount_cents: budgeted,
        });
        if year < CURRENT_YEAR {
            out.amounts.push(budget_line_amount::Model {
                id: ids.next(Table::Amount),
                budget_line_id: id,
                phase: PncPhase::AnnualAccounts,
                amount_cents: budgeted / 100 * i64::from(rng.u32(80..100)),
            });
        }
        lines.push((product.cluster_id, id));
    }
    lines
}

pub(super) fn plan_of(
    ids: &mut Ids,
    area_id: i32,
    hood: i32,
    year: i32,
    n: u32,
) -> Result<plan::Model, DbErr> {
    let (status, adopted_at) = if year < CURRENT_YEAR {
        (PlanStatus::Closed, Some(at(year, 3, 1, 10)?))
    } else if n.is_multiple_of(10) {
        (PlanStatus::Draft, None)
    } else {
        (PlanStatus::Adopted, Some(at(year, 3, 1, 10)?))
    };
    Ok(plan::Model {
        id: ids.next(Table::Plan),
        kind: PlanKind::NeighbourhoodActionPlan,
        title: format!("Wijkactieplan Buurt {} {year}", n + 1),
        area_id,
        neighbourhood_id: Some(hood),
        cluster_id: None,
        year_from: year,
        year_to: year,
        status,
        parent_plan_id: None,
        superseded_by_id: None,
        adopted_at,
        version: 1,
        created_at: at(year - 1, 10, 1, 9)?,
        updated_at: adopted_at.unwrap_or(at(year - 1, 10, 1, 9)?),
    })
}

const THEMES: [&str; 8] = [
    "Veiligheid",
    "Schoon en heel",
    "Jeugd",
    "Armoede en schulden",
    "Luchtkwaliteit",
    "Eenzaamheid",
    "Werk en inkomen",
    "Buitenruimte",
];

pub(super) fn priority_of(
    rng: &mut fastrand::Rng,
    id: i32,
    plan_id: i32,
    rank: i32,
    plan: &plan::Model,
) -> priority::Model {
    let theme = THEMES[rng.usize(..THEMES.len())];
    let alignment = [
        CityAlignment::Aligned,
        CityAlignment::Aligned,
        CityAlignment::Unassessed,
        CityAlignment::NeedsCityTradeOff,
        CityAlignment::ShortVsLongTerm,
        CityAlignment::Conflict,
    ][rng.usize(..6)];
    priority::Model {
        id,
        plan_id,
        rank: Some(rank),
        title: format!("{theme} ({rank})"),
        description: format!("{theme} in de buurt, {}", plan.year_from),
        theme: Some(theme.to_owned()),
        city_programme_id: None,
        city_alignment: alignment,
        dropped_at: None,
        drop_reason: None,
        version: 1,
        created_at: plan.created_at,
        updated_at: plan.created_at,
    }
}

pub(super) fn action_of(
    rng: &mut fastrand::Rng,
    ids: &mut Ids,
    priority_id: i32,
    clusters: &[i32],
    year: i32,
    index: u32,
) -> Result<action::Model, DbErr> {
    let (status, progress, light) = if year < CURRENT_YEAR {
        match rng.u8(..10) {
            0..=5 => (ActionStatus::Realised, 100, TrafficLight::Green),
            6..=7 => (
                ActionStatus::PartlyRealised,
                rng.i32(40..90),
                TrafficLight::Amber,
            ),
            _ => (ActionStatus::NotRealised, rng.i32(0..40), TrafficLight::Red),
        }
    } else {
        match rng.u8(..10) {
            0..=2 => (ActionStatus::NotStarted, 0, TrafficLight::Grey),
            _ => (
                ActionStatus::InProgress,
                rng.i32(5..95),
                TrafficLight::Green,
            ),
        }
    };
    Ok(action::Model {
        id: ids.next(Table::Action),
        priority_id,
        description: format!("Maatregel {} voor prioriteit {priority_id}", index + 1),
        lead_cluster_id: Some(clusters[rng.usize(..clusters.len())]),
        responsible_person: Some(format!("Medewerker {}", rng.u32(1..500))),
        measurable_target: Some(format!("{} deelnemers", rng.u32(10..400))),
        deadline: NaiveDate::from_ymd_opt(year, rng.u32(3..13), 1),
        status,
        progress_percent: progress,
        traffic_light: light,
        proposed_by_cluster_id: None,
        lead_position: None,
        dropped_at: None,
        drop_reason: None,
        version: 1,
        created_at: at(year - 1, 11, 1, 9)?,
        updated_at: at(year, 6, 1, 9)?,
    })
}

pub(super) fn commitment_of(
    rng: &mut fastrand::Rng,
    ids: &mut Ids,
    action_id: i32,
    cluster_id: i32,
    line: Option<i32>,
    year: i32,
) -> Result<commitment::Model, DbErr> {
    let requested_at: DateTime<Utc> =
        at(year, 1, 10, 9)? + Duration::days(i64::from(rng.u32(0..300)));
    let roll = rng.u8(..100);
    let status = if year < CURRENT_YEAR {
        match roll {
            0..=64 => CommitmentStatus::Delivered,
            65..=79 => CommitmentStatus::Accepted,
            80..=84 => CommitmentStatus::AcceptedWithReservation,
            85..=92 => CommitmentStatus::Rejected,
            _ => CommitmentStatus::Withdrawn,
        }
    } else {
        match roll {
            0..=24 => CommitmentStatus::Requested,
            25..=64 => CommitmentStatus::Accepted,
            65..=69 => CommitmentStatus::AcceptedWithReservation,
            70..=79 => CommitmentStatus::Rejected,
            80..=94 => CommitmentStatus::Delivered,
            _ => CommitmentStatus::Withdrawn,
        }
    };
    let answered = status != CommitmentStatus::Requested;
    let drawing = matches!(
        status,
        CommitmentStatus::Accepted
            | CommitmentStatus::AcceptedWithReservation
            | CommitmentStatus::Delivered
    );
    Ok(commitment::Model {
        id: ids.next(Table::Commitment),
        action_id,
        cluster_id,
        status,
        kind: if rng.bool() {
            CommitmentKind::Continuation
        } else {
            CommitmentKind::New
        },
        hours_centi: drawing.then(|| i64::from(rng.u32(4..200)) * 100),
        amount_cents: drawing.then(|| i64::from(rng.u32(500..15_000)) * 100),
        budget_line_id: if drawing { line } else { None },
        reason: (status == CommitmentStatus::AcceptedWithReservation)
            .then(|| "Niet tijdig geconsulteerd".to_owned()),
        response_deadline: requested_at + Duration::hours(24),
        requested_by: "wijkmanager".to_owned(),
        requested_at,
        answered_by: answered.then(|| "clustermanager".to_owned()),
        answered_at: answered.then(|| requested_at + Duration::hours(i64::from(rng.u32(1..72)))),
        version: 1,
        updated_at: requested_at,
        question: None,
        hours_asked_centi: None,
        amount_asked_cents: None,
    })
}

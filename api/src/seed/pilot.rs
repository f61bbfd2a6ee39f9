//! Writes the 2016 pilot from the tables in `pilot_data`: the three area plans, ten
//! adopted neighbourhood action plans with their teams, commitments in every status, the
//! merge and the escalation the report describes, residents' input, and a draft for 2017.

use chrono::Duration;
use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::pilot_data::{
    AREA_THEMES, Action, Actor, Answer, ESCALATION, FIRST_NAMES, LAST_NAMES, Landing, MERGE, TEAM,
    TURNOVER, WAPS, Wap,
};
use super::rotterdam::CITY_PROGRAMMES;
use super::{Reference, add, at, date, priority_row};

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

/// The merge of two draft plans into `surviving` (the report's §3.2.4): the draft merged
/// away with the priorities it dropped, the priorities the surviving draft dropped, and the
/// audit trail the API would have left. Returns the merged-away draft's id.
async fn merge(txn: &DatabaseTransaction, surviving: &plan::Model) -> Result<i32, DbErr> {
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
async fn audit<T: serde::Serialize>(
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

/// Hands out invented names in a fixed sequence.
struct People {
    next: usize,
}

impl People {
    /// A new person; `public` ones (the neighbourhood managers, residents' point of
    /// contact) are named to the public.
    async fn add(
        &mut self,
        txn: &DatabaseTransaction,
        public: bool,
    ) -> Result<person::Model, DbErr> {
        let i = self.next;
        self.next += 1;
        add::<person::ActiveModel>(
            txn,
            person::Model {
                id: 0,
                name: format!(
                    "{} {}",
                    FIRST_NAMES[i % FIRST_NAMES.len()],
                    LAST_NAMES[(i * 7 + i / 20) % LAST_NAMES.len()]
                ),
                subject: None,
                public,
            },
        )
        .await
    }
}

/// A neighbourhood's team: the manager's name and the cluster representatives' names.
struct Team {
    manager: String,
    representatives: Vec<(&'static str, String)>,
}

impl Team {
    fn representative(&self, cluster: &str) -> String {
        self.representatives
            .iter()
            .find(|(code, _)| *code == cluster)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| self.manager.clone())
    }
}

/// A team as in [`TEAM`]; in every third team the [`TURNOVER`] cluster's representative
/// changed on 1 June.
async fn team(
    txn: &DatabaseTransaction,
    reference: &Reference,
    people: &mut People,
    neighbourhood_id: i32,
    index: usize,
) -> Result<Team, DbErr> {
    let start = date(2016, 1, 1)?;
    let mut team = Team {
        manager: String::new(),
        representatives: Vec::new(),
    };
    for (role, cluster, kind) in TEAM {
        let cluster_id = cluster.map(|code| reference.cluster(code)).transpose()?;
        let seat = |person_id, from, to| team_membership::Model {
            id: 0,
            neighbourhood_id,
            person_id,
            role,
            cluster_id,
            kind,
            valid_from: from,
            valid_to: to,
        };
        let mut from = start;
        if role == TeamRole::ClusterRepresentative
            && cluster == Some(TURNOVER)
            && index.is_multiple_of(3)
        {
            let former = people.add(txn, false).await?;
            add::<team_membership::ActiveModel>(
                txn,
                seat(former.id, start, Some(date(2016, 5, 31)?)),
            )
            .await?;
            from = date(2016, 6, 1)?;
        }
        let person = people
            .add(txn, role == TeamRole::NeighbourhoodManager)
            .await?;
        add::<team_membership::ActiveModel>(txn, seat(person.id, from, None)).await?;
        match (role, cluster) {
            (TeamRole::NeighbourhoodManager, _) => team.manager = person.name,
            (TeamRole::ClusterRepresentative, Some(code)) => {
                team.representatives.push((code, person.name));
            }
            _ => {}
        }
    }
    Ok(team)
}

/// Progress at the year end, by action number and answer: (status, percent, light).
fn year_end(number: usize, answer: Answer) -> (ActionStatus, i32, TrafficLight) {
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
fn notes(answer: Answer) -> (&'static str, &'static str) {
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

async fn action(
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
async fn commitment(
    txn: &DatabaseTransaction,
    reference: &Reference,
    budget: &super::pilot_budget::Lines,
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
async fn escalation(
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

/// A neighbourhood's residents' input, linked where it landed.
async fn residents(
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

/// The 2017 draft for Afrikaanderwijk: incomplete, with SMART gaps still to fill.
async fn draft_2017(txn: &DatabaseTransaction, reference: &Reference) -> Result<(), DbErr> {
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

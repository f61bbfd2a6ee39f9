//! Unit tests of `seed::pilot_data`.

use super::*;

/// A day that is not in the calendar would be seeded as 1970-01-01.
fn real(day: Day) -> bool {
    chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2).is_some()
}

#[test]
fn every_day_in_the_demo_tables_is_a_real_calendar_day() {
    let days = WAPS
        .iter()
        .flat_map(|wap| wap.inputs.iter().map(|input| input.received))
        .chain([MERGE.on])
        .chain(ESCALATION.iter().map(|step| step.0))
        .chain(DOCUMENTS.iter().map(|document| document.2));
    for day in days {
        assert!(real(day), "{day:?}");
    }
    assert!(!real((2016, 2, 30)), "the check itself tells a false day");
}

#[test]
fn every_plan_has_fifteen_different_actions_and_every_landing_points_into_its_plan() {
    for wap in &WAPS {
        let mut actions: Vec<&str> = wap
            .priorities
            .iter()
            .flat_map(|priority| priority.actions.iter().map(|action| action.what))
            .collect();
        actions.sort_unstable();
        actions.dedup();
        assert_eq!(actions.len(), 15, "{}", wap.neighbourhood);
        for input in wap.inputs {
            match input.landing {
                Landing::Priority(rank) => assert!((1..=5).contains(&rank)),
                Landing::Action(rank, number) => {
                    assert!((1..=5).contains(&rank) && (1..=3).contains(&number))
                }
                Landing::AreaTheme(rank) => assert!((1..=AREA_THEMES.len()).contains(&rank)),
                Landing::NotTaken(reason) => assert!(!reason.is_empty()),
                Landing::Pending => {}
            }
        }
    }
}

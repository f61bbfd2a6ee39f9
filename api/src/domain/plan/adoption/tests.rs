//! Unit tests of `domain::plan::adoption`.

use super::*;

fn waiver(item: &str, gap: &str, reason: &str) -> Waiver {
    Waiver {
        item_id: item.to_owned(),
        gap: gap.to_owned(),
        reason: Reason::parse(reason).unwrap(),
    }
}

fn field(error: ApiError) -> String {
    match error {
        ApiError::BadUserInput { field, .. } => field,
        other => panic!("not BAD_USER_INPUT: {other:?}"),
    }
}

const GAPS: [(&str, &str); 2] = [("Plan:1", "fivePriorities"), ("Action:7", "objection")];

fn waivable() -> Vec<(String, &'static str)> {
    GAPS.iter()
        .map(|(item, gap)| ((*item).to_owned(), *gap))
        .collect()
}

#[test]
fn a_waiver_per_waivable_gap_is_accepted_with_its_trimmed_reason() {
    let accepted = accepted_waivers(
        &waivable(),
        vec![
            waiver("Plan:1", "fivePriorities", " Eén thema "),
            waiver("Action:7", "objection", "Dekking volgt"),
        ],
    )
    .unwrap();
    let reasons: Vec<&str> = accepted.iter().map(|(_, reason)| reason.as_str()).collect();
    assert_eq!(reasons, ["Eén thema", "Dekking volgt"]);
}

#[test]
fn a_waiver_for_a_gap_the_plan_lacks_names_its_item() {
    let error = accepted_waivers(&waivable(), vec![waiver("Action:8", "objection", "R")]);
    assert_eq!(field(error.unwrap_err()), "waivers.0.item_id");
}

#[test]
fn a_smart_field_cannot_be_waived() {
    let error = accepted_waivers(&waivable(), vec![waiver("Action:7", "deadline", "R")]);
    assert_eq!(field(error.unwrap_err()), "waivers.0.gap");
}

#[test]
fn the_same_gap_waived_twice_names_the_second_waiver() {
    let twice = vec![
        waiver("Plan:1", "fivePriorities", "R"),
        waiver("Plan:1", "fivePriorities", "R"),
    ];
    assert_eq!(
        field(accepted_waivers(&waivable(), twice).unwrap_err()),
        "waivers.1"
    );
}

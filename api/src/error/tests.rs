//! Unit tests of `error`.

use super::*;

fn field_of(error: ApiError) -> String {
    match error {
        ApiError::BadUserInput { field, .. } => field,
        other => panic!("not a bad input: {other:?}"),
    }
}

#[test]
fn a_steps_parameter_becomes_the_input_field_it_came_from() {
    let at = |param: &str| field_of(ApiError::bad_input(param, "wrong").at_input());
    assert_eq!(at("to_line_id"), "input.toLineId");
    assert_eq!(at("waivers.0.item_id"), "input.waivers.0.itemId");
    assert_eq!(at("year"), "input.year");
    assert!(matches!(
        ApiError::Forbidden("no".into()).at_input(),
        ApiError::Forbidden(_)
    ));
}

//! Unit tests of `graphql::connection::cursor`.

use super::*;
use entity::commitment::Column;

fn binding() -> Binding {
    Binding::new("commitment".into(), &[(Column::AmountCents, Order::Desc)])
}

#[test]
fn a_cursor_round_trips_its_keys_and_id() {
    let position = Position {
        keys: vec![Key::Int(1200)],
        id: 7,
    };
    let text = encode(&binding(), position.clone());
    let back = decode("after", &text, &binding(), &[Column::AmountCents]).unwrap();
    assert_eq!(back, position);
}

#[test]
fn a_cursor_of_another_list_is_refused_naming_the_argument() {
    let other = Binding::new("plan".into(), &[(Column::AmountCents, Order::Desc)]);
    let text = encode(
        &other,
        Position {
            keys: vec![Key::Int(1)],
            id: 1,
        },
    );
    let err = decode("after", &text, &binding(), &[Column::AmountCents]).unwrap_err();
    assert!(
        err.message()
            .starts_with("after: is a cursor of another list")
    );
}

#[test]
fn a_cursor_of_another_order_is_refused_naming_the_argument() {
    let other = Binding::new("commitment".into(), &[(Column::AmountCents, Order::Asc)]);
    let text = encode(
        &other,
        Position {
            keys: vec![Key::Int(1)],
            id: 1,
        },
    );
    let err = decode("before", &text, &binding(), &[Column::AmountCents]).unwrap_err();
    assert!(
        err.message()
            .starts_with("before: is a cursor of this list in another order")
    );
}

#[test]
fn a_cursor_whose_key_does_not_fit_the_column_is_refused() {
    let text = encode(
        &binding(),
        Position {
            keys: vec![Key::Text("x".into())],
            id: 1,
        },
    );
    assert!(decode("after", &text, &binding(), &[Column::AmountCents]).is_err());
    let null_in_required = Binding::new("commitment".into(), &[(Column::Status, Order::Asc)]);
    let text = encode(
        &null_in_required,
        Position {
            keys: vec![Key::Null],
            id: 1,
        },
    );
    assert!(decode("after", &text, &null_in_required, &[Column::Status]).is_err());
}

#[test]
fn text_that_is_not_a_cursor_is_refused() {
    assert!(decode("after", "nonsense", &binding(), &[Column::AmountCents]).is_err());
    let offset_cursor = URL_SAFE_NO_PAD.encode("cursor:10");
    assert!(decode("after", &offset_cursor, &binding(), &[Column::AmountCents]).is_err());
}

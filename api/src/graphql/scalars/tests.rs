//! Unit tests of `graphql::scalars`.

use super::*;

#[test]
fn a_decimal_reads_a_string_or_a_whole_number_and_refuses_a_fraction_in_json() {
    let parse = |value: serde_json::Value| {
        <Decimal as ScalarType>::parse(Value::from_json(value).unwrap()).map(|d| d.0.to_string())
    };
    assert_eq!(parse(serde_json::json!("1250.50")).unwrap(), "1250.50");
    assert_eq!(parse(serde_json::json!(40)).unwrap(), "40");
    assert!(parse(serde_json::json!(0.1)).is_err());
    assert!(parse(serde_json::json!("ten")).is_err());
    assert_eq!(
        Decimal(rust_decimal::Decimal::new(125050, 2)).to_value(),
        Value::String("1250.50".to_owned())
    );
}

#[test]
fn a_date_is_year_month_day_and_nothing_else() {
    let parse = |text: &str| <NaiveDate as ScalarType>::parse(Value::String(text.to_owned()));
    assert_eq!(parse("2016-03-01").unwrap().0.to_string(), "2016-03-01");
    assert!(parse("01-03-2016").is_err());
    assert!(parse("2016-02-30").is_err());
}

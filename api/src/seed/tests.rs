//! Unit tests of `seed`.

use std::collections::HashMap;

use super::*;

#[test]
fn a_day_the_calendar_lacks_is_an_error_naming_it_not_a_default_date() {
    let Err(DbErr::Custom(message)) = date(2016, 2, 30) else {
        panic!("30 February was accepted");
    };
    assert!(message.contains("2016-2-30"), "{message}");
    let Err(DbErr::Custom(message)) = at(2016, 11, 14, 24) else {
        panic!("hour 24 was accepted");
    };
    assert!(message.contains("2016-11-14 24:00"), "{message}");
    assert_eq!(
        date(2016, 2, 29).map(|d| d.to_string()),
        Ok("2016-02-29".to_owned())
    );
}

#[test]
fn a_code_the_reference_data_lacks_is_an_error_naming_it() {
    let reference = Reference {
        areas: HashMap::from([("WK059910", 1)]),
        neighbourhoods: HashMap::new(),
        clusters: HashMap::new(),
        products: HashMap::new(),
        programmes: Vec::new(),
    };
    assert_eq!(reference.area("WK059910"), Ok(1));
    let Err(DbErr::Custom(message)) = reference.cluster("XX") else {
        panic!("an unknown cluster was accepted");
    };
    assert!(message.contains("cluster XX"), "{message}");
}

//! Unit tests of `value`.

use std::str::FromStr;

use super::*;

fn euros(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn text_is_trimmed_and_refused_when_empty_too_long_or_holding_nul() {
    assert_eq!(Text::<5>::parse("  ab ").unwrap().as_str(), "ab");
    assert_eq!(Text::<5>::parse(" \n ").unwrap_err().0, "must not be empty");
    assert_eq!(
        Text::<5>::parse("abcdef").unwrap_err().0,
        "must be at most 5 characters"
    );
    assert_eq!(Text::<5>::parse("ééééé").unwrap().as_str(), "ééééé");
    assert_eq!(
        Text::<5>::parse("a\0b").unwrap_err().0,
        "must not contain a NUL character"
    );
    assert_eq!(Text::<5>::parse_optional(None), Ok(None));
}

#[test]
fn money_has_at_most_two_places_and_the_sign_its_use_allows() {
    assert_eq!(Cents::parse(euros("12.34")).unwrap().get(), 1234);
    assert_eq!(Cents::parse(euros("-5")).unwrap().get(), -500);
    assert_eq!(
        Cents::parse(euros("0.001")).unwrap_err().0,
        "must have at most two decimal places"
    );
    assert_eq!(
        Cents::parse_unsigned(euros("-0.01")).unwrap_err().0,
        "must not be negative"
    );
    assert_eq!(Cents::parse_unsigned(euros("0")).unwrap().get(), 0);
    assert_eq!(
        Cents::parse_change(euros("0.00")).unwrap_err().0,
        "must not be zero"
    );
    assert_eq!(Cents::parse_change(euros("-1")).unwrap().get(), -100);
}

#[test]
fn hours_are_hundredths_and_never_negative() {
    assert_eq!(Hours::parse(euros("1.5")).unwrap().get(), 150);
    assert_eq!(
        Hours::parse(euros("-1")).unwrap_err().0,
        "must not be negative"
    );
    assert!(Hours::parse(euros("0.125")).is_err());
}

#[test]
fn percent_rank_and_year_hold_their_ranges_and_nothing_beyond() {
    assert_eq!(Percent::parse(0).unwrap().get(), 0);
    assert_eq!(Percent::parse(100).unwrap().get(), 100);
    assert!(Percent::parse(101).is_err() && Percent::parse(-1).is_err());
    assert_eq!(Rank::parse(1).unwrap().get(), 1);
    assert_eq!(Rank::parse(0).unwrap_err().0, "must be 1 or more");
    assert_eq!(Year::parse(2000).unwrap().get(), 2000);
    assert_eq!(Year::parse(2100).unwrap().get(), 2100);
    assert!(Year::parse(1999).is_err() && Year::parse(2101).is_err());
}

#[test]
fn cbs_codes_are_wk_with_six_digits_or_bu_with_eight() {
    assert_eq!(
        CbsCode::parse("WK059910"),
        Ok(CbsCode::Area("WK059910".into()))
    );
    assert_eq!(
        CbsCode::parse("BU05991086"),
        Ok(CbsCode::Neighbourhood("BU05991086".into()))
    );
    for wrong in [
        "WK05991",
        "BU0599108",
        "wk059910",
        "XX059910",
        "WK05991a",
        "",
    ] {
        assert!(CbsCode::parse(wrong).is_err(), "{wrong}");
    }
    assert!(CbsCode::area("BU05991086").is_err());
    assert!(CbsCode::neighbourhood("WK059910").is_err());
}

#[test]
fn cluster_codes_are_one_to_eight_capitals() {
    assert_eq!(ClusterCode::parse("MO").unwrap().as_str(), "MO");
    assert!(ClusterCode::parse("ABCDEFGH").is_ok());
    for wrong in ["", "ABCDEFGHI", "Mo", "M1", "M O"] {
        assert!(ClusterCode::parse(wrong).is_err(), "{wrong}");
    }
}

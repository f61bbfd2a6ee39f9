//! Domain values: what a raw input must be before the domain takes it. Each type holds only
//! values that meet its rules, so a domain step that takes a [`Title`] or a [`Money`] need
//! not check it again. Parsing says what is wrong ([`Invalid`]) but not where: the GraphQL
//! edge parses each input field and names it in the error (`graphql::mutation::at`), and
//! the seed and the token code use the same types without GraphQL.

use std::fmt;

use rust_decimal::Decimal;

/// What is wrong with a raw value, in words a caller can act on ("must not be empty").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(pub String);

impl Invalid {
    fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text of at most `MAX` characters: trimmed, not empty, without a NUL character (which
/// PostgreSQL text cannot store).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text<const MAX: usize>(String);

impl<const MAX: usize> Text<MAX> {
    /// The trimmed text, or what is wrong with it.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(Invalid::new("must not be empty"));
        }
        match problem(value, MAX) {
            Some(problem) => Err(Invalid(problem)),
            None => Ok(Self(value.to_owned())),
        }
    }

    /// An optional text under the same rules.
    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, Invalid> {
        raw.map(Self::parse).transpose()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// What is wrong with `value` as text of at most `max` characters, if anything: too long,
/// or holding a NUL character. The one rule for text inputs and text filters.
pub fn problem(value: &str, max: usize) -> Option<String> {
    if value.contains('\0') {
        return Some("must not contain a NUL character".to_owned());
    }
    (value.chars().count() > max).then(|| format!("must be at most {max} characters"))
}

/// A title or a name: a plan's, a priority's, a document's, a person's.
pub type Title = Text<200>;
/// A short line: a responsible person, a contact address, a token subject, a key.
pub type Line = Text<200>;
/// A budget line's description.
pub type LineDescription = Text<500>;
/// A measurable target.
pub type Target = Text<1000>;
/// A reason, a question, a note on a step, an action's description.
pub type Reason = Text<2000>;
/// A long text: a priority's description, a progress note, residents' input, advice.
pub type Long = Text<4000>;

/// An amount of money in euros with at most two decimal places, held as cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cents(i64);

impl Cents {
    /// Any amount, a cut too (negative), or what is wrong with it.
    pub fn parse(euros: Decimal) -> Result<Self, Invalid> {
        crate::money::to_hundredths(euros)
            .map(Self)
            .ok_or_else(|| Invalid::new("must have at most two decimal places"))
    }

    /// An amount that is not negative.
    pub fn parse_unsigned(euros: Decimal) -> Result<Self, Invalid> {
        let cents = Self::parse(euros)?;
        if cents.0 < 0 {
            return Err(Invalid::new("must not be negative"));
        }
        Ok(cents)
    }

    /// A change that is not zero.
    pub fn parse_change(euros: Decimal) -> Result<Self, Invalid> {
        let cents = Self::parse(euros)?;
        if cents.0 == 0 {
            return Err(Invalid::new("must not be zero"));
        }
        Ok(cents)
    }

    /// The amount in cents.
    pub fn get(self) -> i64 {
        self.0
    }
}

/// Hours with at most two decimal places, not negative, held as hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hours(i64);

impl Hours {
    /// The hours, or what is wrong with them.
    pub fn parse(hours: Decimal) -> Result<Self, Invalid> {
        Cents::parse_unsigned(hours).map(|hundredths| Self(hundredths.0))
    }

    /// The hours in hundredths.
    pub fn get(self) -> i64 {
        self.0
    }
}

/// Declares a whole number held within a range: `parse` says what is wrong outside it.
macro_rules! bounded_int {
    ($(#[$meta:meta])* $name:ident in $range:expr, $message:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(i32);

        impl $name {
            /// The value, or what is wrong with it.
            pub fn parse(value: i32) -> Result<Self, Invalid> {
                if ($range).contains(&value) {
                    Ok(Self(value))
                } else {
                    Err(Invalid::new($message))
                }
            }

            /// The value.
            pub fn get(self) -> i32 {
                self.0
            }
        }
    };
}

bounded_int!(
    /// A percentage from 0 to 100.
    Percent in 0..=100,
    "must be from 0 to 100"
);
bounded_int!(
    /// A priority's rank in its plan: 1 is the first.
    Rank in 1..,
    "must be 1 or more"
);
bounded_int!(
    /// A year of plans and budgets, 2000 to 2100.
    Year in 2000..=2100,
    "must be a year from 2000 to 2100"
);

/// A CBS code: an area (wijk, `WK` and six digits) or a neighbourhood (buurt, `BU` and
/// eight digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CbsCode {
    /// `WK059910`.
    Area(String),
    /// `BU05991086`.
    Neighbourhood(String),
}

impl CbsCode {
    /// The code, or what is wrong with it.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        if digits_after(raw, "WK", 6) {
            Ok(Self::Area(raw.to_owned()))
        } else if digits_after(raw, "BU", 8) {
            Ok(Self::Neighbourhood(raw.to_owned()))
        } else {
            Err(Invalid::new(
                "must be a CBS code: WK and six digits, or BU and eight digits",
            ))
        }
    }

    /// An area's code, or what is wrong with it.
    pub fn area(raw: &str) -> Result<String, Invalid> {
        match Self::parse(raw)? {
            Self::Area(code) => Ok(code),
            Self::Neighbourhood(_) => Err(Invalid::new("must be an area code (WK…)")),
        }
    }

    /// A neighbourhood's code, or what is wrong with it.
    pub fn neighbourhood(raw: &str) -> Result<String, Invalid> {
        match Self::parse(raw)? {
            Self::Neighbourhood(code) => Ok(code),
            Self::Area(_) => Err(Invalid::new("must be a neighbourhood code (BU…)")),
        }
    }
}

/// A cluster's code: one to eight capital letters, e.g. `MO`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClusterCode(String);

impl ClusterCode {
    /// The code, or what is wrong with it.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        if (1..=8).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Invalid::new("must be one to eight capital letters"))
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `prefix` followed by exactly `digits` ASCII digits.
fn digits_after(code: &str, prefix: &str, digits: usize) -> bool {
    code.strip_prefix(prefix)
        .is_some_and(|rest| rest.len() == digits && rest.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
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
}

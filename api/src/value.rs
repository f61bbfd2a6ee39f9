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
mod tests;

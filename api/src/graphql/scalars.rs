//! The custom scalars that are not chrono's `DateTime` (which async-graphql already
//! publishes with its specification): exact decimals and calendar dates, each with a
//! `@specifiedBy` URL so that code generators and clients can map them.

use std::ops::Deref;
use std::str::FromStr;

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};

/// An exact decimal number — money in euros, hours — written as a string such as
/// `"1250.00"` (XML Schema's decimal). Input takes a string or a whole number; a fractional
/// JSON number is refused, as it may already have lost exactness on its way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal(pub rust_decimal::Decimal);

/// An exact decimal number — money in euros, hours — written as a string such as
/// `"1250.00"`. Input takes a string or a whole number; a fractional JSON number is
/// refused, as it may already have lost exactness.
#[Scalar(
    name = "Decimal",
    specified_by_url = "https://www.w3.org/TR/xmlschema11-2/#decimal"
)]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => rust_decimal::Decimal::from_str(text.trim())
                .map(Decimal)
                .map_err(|_| InputValueError::custom(format!("\"{text}\" is not a decimal"))),
            Value::Number(number) => match number.as_i64() {
                Some(whole) => Ok(Decimal(rust_decimal::Decimal::from(whole))),
                None => Err(InputValueError::custom(
                    "send a fractional amount as a string (\"12.50\"): a JSON number may not be exact",
                )),
            },
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}

impl Deref for Decimal {
    type Target = rust_decimal::Decimal;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<rust_decimal::Decimal> for Decimal {
    fn from(value: rust_decimal::Decimal) -> Self {
        Decimal(value)
    }
}

/// A calendar date without a time zone, `YYYY-MM-DD` (RFC 3339's full-date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NaiveDate(pub chrono::NaiveDate);

/// A calendar date without a time zone: `YYYY-MM-DD`, e.g. `2016-03-01`.
#[Scalar(
    name = "NaiveDate",
    specified_by_url = "https://datatracker.ietf.org/doc/html/rfc3339#section-5.6"
)]
impl ScalarType for NaiveDate {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map(NaiveDate)
                .map_err(|_| {
                    InputValueError::custom(format!("\"{text}\" is not a date YYYY-MM-DD"))
                }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

impl Deref for NaiveDate {
    type Target = chrono::NaiveDate;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<chrono::NaiveDate> for NaiveDate {
    fn from(value: chrono::NaiveDate) -> Self {
        NaiveDate(value)
    }
}

#[cfg(test)]
mod tests;

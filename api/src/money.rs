//! Exact fixed-point amounts. The database stores money as integer euro cents and hours as
//! integer hundredths of an hour (SQLite has no exact decimal type, and integer sums are
//! exact on both engines); the API speaks `Decimal`, serialized as a string.

use rust_decimal::Decimal;

/// Two decimal places: cents of a euro, hundredths of an hour.
const SCALE: u32 = 2;

/// Converts stored hundredths to a decimal with two places.
pub fn from_hundredths(value: i64) -> Decimal {
    Decimal::new(value, SCALE)
}

/// Converts a decimal to hundredths; `None` when it has more than two places or does not fit.
pub fn to_hundredths(value: Decimal) -> Option<i64> {
    let scaled = value.checked_mul(Decimal::ONE_HUNDRED)?;
    if scaled.fract() != Decimal::ZERO {
        return None;
    }
    i64::try_from(scaled).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn hundredths_round_trip_exactly() {
        for text in ["0.10", "1250000.00", "-80.05", "0.00"] {
            let value = Decimal::from_str(text).unwrap();
            let stored = to_hundredths(value).unwrap();
            assert_eq!(from_hundredths(stored).to_string(), text);
        }
    }

    #[test]
    fn more_than_two_places_is_refused() {
        assert_eq!(to_hundredths(Decimal::from_str("0.001").unwrap()), None);
    }

    #[test]
    fn a_sum_of_tenths_stays_exact() {
        let total: i64 = (0..10)
            .map(|_| to_hundredths(Decimal::from_str("0.1").unwrap()).unwrap())
            .sum();
        assert_eq!(from_hundredths(total), Decimal::ONE);
    }
}

//! Budget totals in SQL: one statement groups the lines the caller may add up by the
//! requested dimensions, with each line's amount per P&C phase pivoted from its amounts and
//! the commitments drawing on it summed per line (`budget.rs`); commitment figures by the
//! neighbourhood the commitments serve (`served.rs`). Nothing is read row by row. Here:
//! the dimensions, the groups, and reading a group's columns.

use crate::error::ApiResult;

mod budget;
mod served;

/// The P&C phases in cycle order, as stored; the last is the annual accounts.
const PHASES: [&str; 5] = [
    "BUDGET",
    "SPRING_REVISION",
    "AUTUMN_REVISION",
    "TEN_MONTH_REPORT",
    "ANNUAL_ACCOUNTS",
];
const ANNUAL: usize = 4;

/// What to group by.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dimensions {
    /// The owning cluster.
    pub cluster: bool,
    /// The area (a neighbourhood line counts for its area).
    pub area: bool,
    /// The neighbourhood.
    pub neighbourhood: bool,
    /// The product.
    pub product: bool,
    /// The product's taakveld.
    pub taakveld: bool,
    /// The budget year.
    pub year: bool,
    /// The phase: a row per phase reached, each line with its amount as it stood then.
    pub phase: bool,
    /// The neighbourhood of the action a commitment serves: commitment figures only (see
    /// [`Reader::served_summary`]).
    pub served_neighbourhood: bool,
}

/// Totals of one group, in hundredths; the keys of unselected dimensions are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Cluster id.
    pub cluster: Option<i32>,
    /// Area id.
    pub area: Option<i32>,
    /// Neighbourhood id.
    pub neighbourhood: Option<i32>,
    /// Product id.
    pub product: Option<i32>,
    /// Taakveld code.
    pub taakveld: Option<String>,
    /// Year.
    pub year: Option<i32>,
    /// Phase index in cycle order.
    pub phase: Option<usize>,
    /// The neighbourhood the commitments serve (the plan of their action).
    pub served_neighbourhood: Option<i32>,
    /// Original budget.
    pub budgeted: i64,
    /// Amount after the latest phase reached (before the annual accounts).
    pub revised: i64,
    /// Realised at the annual accounts.
    pub realised: i64,
    /// Committed money.
    pub committed: i64,
    /// Delivered money.
    pub delivered: i64,
    /// Staff capacity (hundredths of hours).
    pub capacity: i64,
    /// Committed hours (hundredths).
    pub committed_hours: i64,
    /// Lines in the group.
    pub lines: i64,
    /// Commitments drawing on them.
    pub commitments: i64,
}

/// Limits `select` to `most + 1` rows, so that one row more than `most` says there are
/// too many; no limit where `most + 1` is beyond what a `LIMIT` takes.
fn at_most(select: &mut sea_orm::sea_query::SelectStatement, most: usize) {
    if let Some(limit) = most.checked_add(1).and_then(|n| u32::try_from(n).ok()) {
        select.limit(u64::from(limit));
    }
}

/// `COALESCE(p<k>, …, p0)`: a line's amount as it stood after phase `k` (SQLite's
/// COALESCE needs two arguments, hence the trailing NULL).
fn standing(k: usize) -> String {
    let terms: Vec<String> = (0..=k).rev().map(|i| format!("l.p{i}")).collect();
    format!("COALESCE({}, NULL)", terms.join(", "))
}

/// A group's key column `alias` of a result row; `None` when the dimension is not selected.
fn group_key(row: &sea_orm::QueryResult, alias: &str, selected: bool) -> ApiResult<Option<i32>> {
    Ok(if selected {
        row.try_get::<Option<i32>>("", alias)?
    } else {
        None
    })
}

/// A sum or count column `alias` of a result row.
fn total(row: &sea_orm::QueryResult, alias: &str) -> ApiResult<i64> {
    Ok(row.try_get::<i64>("", alias)?)
}

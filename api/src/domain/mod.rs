//! Workflows and rules as plain async functions over a transaction: plans, commitments.
//! No GraphQL here. Every change follows the same steps: check the operation against
//! the matrix, load the row in scope, validate the transition, apply it with an
//! optimistic version check, check the result is still in scope, write the audit event —
//! all in one transaction, so on any error nothing is written.

pub mod action;
pub mod advice;
pub mod budget;
mod change;
pub mod commitment;
pub mod escalation;
pub mod issue;
pub mod plan;
pub mod pnc;
pub mod priority;
pub mod progress;
pub mod resident;
pub mod revision;
pub mod team;
pub mod unique;

pub use change::{Change, WriteQueue};

use crate::access::Scoped;

/// An entity with an optimistic-concurrency version.
pub trait Versioned: Scoped {
    /// The version column.
    fn version_column() -> Self::Column;
    /// A row's version.
    fn version_of(row: &Self::Model) -> i32;
}

macro_rules! versioned {
    ($($module:ident),*) => {
        $(
            impl Versioned for entity::$module::Entity {
                fn version_column() -> Self::Column {
                    entity::$module::Column::Version
                }
                fn version_of(row: &Self::Model) -> i32 {
                    row.version
                }
            }
        )*
    };
}

versioned!(
    plan,
    priority,
    action,
    commitment,
    escalation,
    resident_input,
    budget_line,
    committee_advice
);

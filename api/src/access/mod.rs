//! THE authorization layer: who the caller is ([`Principal`]), which rows of each entity
//! they may read ([`Scoped`]), and the only way the rest of the service reads the database
//! ([`Reader`]). A row outside the caller's scope is treated exactly like a row that does
//! not exist, because every list, lookup, relation load and count adds the scope
//! condition inside its one SQL statement.

pub mod matrix;
mod page;
mod principal;
mod reader;
pub mod rows;
mod scope;
mod scoped;
mod summary;
pub mod tally;

pub use matrix::{EntityKind, Operation, ScopeKind};
pub use page::{Bound, Link, Page};
pub use principal::{Grant, Principal, Role, ScopeUnit};
pub use reader::{Drawing, Reader, int_value};
pub use scope::budget_totals_only;
pub use scoped::Scoped;
pub use summary::{Dimensions, Group};
pub use tally::Criteria;

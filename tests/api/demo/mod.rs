//! The demo's own claims (issue 10, item 5): ten pilot plans each with their own content,
//! the evaluation report's cases as they happened (two refusals in one plan, a reservation
//! for late consultation, two drafts merged into one, teams of 8 + 4 with a change of
//! member, an escalation whose steps the API allows, a plausible overdue request), and
//! residents' input of each neighbourhood's own.

use crate::helpers::{TestApp, audit_operations, run_on_both_databases};
use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

mod cases;
mod people;
mod plans;

fn nodes(value: &Value) -> &Vec<Value> {
    value["nodes"].as_array().expect("a connection's nodes")
}

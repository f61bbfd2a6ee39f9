//! The read API over the demo data: lists, filters, ordering, pagination, node lookups and
//! relations in both directions.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, run_on_both_databases};

mod demo;
mod lists;

fn names(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["name"].as_str().unwrap().to_owned())
        .collect()
}

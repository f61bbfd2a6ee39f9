//! The HTTP edge: GraphiQL for browsers, GraphQL over GET, health and readiness.

use serde_json::json;

use crate::helpers::{Engine, spawn_app};

mod http;
mod limits;
mod values;

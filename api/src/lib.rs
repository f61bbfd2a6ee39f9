//! wijkgraph: a GraphQL API over Rotterdam's neighbourhood-driven working
//! (*wijkgestuurd werken*): areas, neighbourhoods, plans with priorities and SMART actions,
//! clusters, commitments and P&C-cycle budget lines.
//!
//! The binary (`main.rs`) is a thin CLI over this library, so the end-to-end tests can start
//! the same application in-process on port 0.

pub mod access;
pub mod app;
pub mod auth;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod events;
pub mod graphiql;
pub mod graphql;
pub mod health;
pub mod http;
pub mod live;
pub mod media;
pub mod metrics;
pub mod money;
pub mod observe;
pub mod persisted;
pub mod rate;
pub mod seed;
pub mod value;

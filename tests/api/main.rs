//! wijkgraph's end-to-end suite: the real app over real HTTP, against SQLite and a
//! PostgreSQL server the suite starts itself. One test binary, many modules.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod helpers;
mod postgres;

mod adoption;
mod advice;
mod authz;
mod browser;
mod budget;
mod cli;
mod consultation;
mod contact;
mod demo;
mod edge;
mod fuzz;
mod invariants;
mod issues;
mod ladder;
mod lean;
mod live;
mod migrations;
mod mutation_matrix;
mod ops;
mod over_http;
mod persisted;
mod pnc;
mod polling;
mod projection;
mod read;
mod readme;
mod report_script;
mod revisions;
mod schema;
mod seed;
mod statements;
mod summary;
mod synthetic;
mod tokens;
mod traceability;
mod volume;
mod workflows;

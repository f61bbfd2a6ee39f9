//! The GraphQL schema: assembly, limits, and the published SDL.

pub mod batch;
pub mod connection;
pub mod context;
pub mod cost;
pub mod enums;
pub mod inflight;
pub mod lean;
pub mod links;
pub mod loader;
pub mod me;
pub mod mutation;
pub mod query;
pub mod relay;
pub mod scalars;
pub mod subscription;
pub mod types;

use async_graphql::{SDLExportOptions, Schema};

use crate::auth::Mode;

/// The service's schema type.
pub type AppSchema = Schema<query::Query, mutation::Mutation, subscription::Subscription>;

/// Deepest nesting a query may have.
pub const MAX_DEPTH: usize = 16;
/// Most directives on one field.
pub const MAX_DIRECTIVES: usize = 4;

/// What bounds a query.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Development shows field suggestions in errors; production does not.
    pub mode: Mode,
}

/// Builds the schema with its limits.
pub fn build_schema(limits: Limits) -> AppSchema {
    let builder = Schema::build(
        query::Query::default(),
        mutation::Mutation::default(),
        subscription::Subscription,
    )
    .limit_depth(MAX_DEPTH)
    .limit_directives(MAX_DIRECTIVES);
    match limits.mode {
        Mode::Development => builder.finish(),
        Mode::Production => builder.disable_suggestions().finish(),
    }
}

/// The schema as SDL, as published in `schema.graphql`.
pub fn sdl() -> String {
    let limits = Limits {
        mode: Mode::Development,
    };
    build_schema(limits).sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_enum_items()
            .sorted_arguments()
            .include_specified_by(),
    )
}

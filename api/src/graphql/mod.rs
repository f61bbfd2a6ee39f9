//! The GraphQL schema: assembly, limits, and the published SDL.

pub mod batch;
pub mod context;
pub mod enums;
pub mod loader;
pub mod query;
pub mod relay;
pub mod types;

use async_graphql::{EmptyMutation, EmptySubscription, SDLExportOptions, Schema};

/// The service's schema type.
pub type AppSchema = Schema<query::Query, EmptyMutation, EmptySubscription>;

/// Deepest nesting a query may have.
pub const MAX_DEPTH: usize = 16;

/// Builds the schema with its limits.
pub fn build_schema() -> AppSchema {
    Schema::build(query::Query::default(), EmptyMutation, EmptySubscription)
        .limit_depth(MAX_DEPTH)
        .finish()
}

/// The schema as SDL, as published in `schema.graphql`.
pub fn sdl() -> String {
    build_schema().sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_enum_items()
            .sorted_arguments(),
    )
}

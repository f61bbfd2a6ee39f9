//! A connection as a field answers it: async-graphql's Relay connection type, resolved
//! through [`lean`](crate::graphql::lean).

use std::borrow::Cow;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::parser::types::Field;
use async_graphql::registry::Registry;
use async_graphql::{
    ContainerType, Context, ContextSelectionSet, ObjectType, OutputType, Positioned, ServerResult,
    Value,
};

use super::ConnectionTotals;
use super::cursor::Cursor;
use crate::graphql::lean::{Lean, resolve_object, resolve_rows};

/// async-graphql's Relay connection of `T` with `totalCount`: the type the schema shows.
pub type RelayConnection<T> = Connection<Cursor, Lean<T>, ConnectionTotals, EmptyFields>;

/// A [`RelayConnection`] as a connection field answers it. The connection and its rows resolve
/// through [`lean`](super::lean), so their keys come in the order the query selected them
/// (`totalCount` before `nodes` when asked so, though the count finishes last), and the
/// `nodes` and `edges` lists poll their rows in place ([`resolve_rows`]). `pageInfo` is
/// async-graphql's own.
pub struct Conn<T: ObjectType>(pub RelayConnection<T>);

impl<T: ObjectType> OutputType for Conn<T> {
    fn type_name() -> Cow<'static, str> {
        RelayConnection::<T>::type_name()
    }

    fn qualified_type_name() -> String {
        RelayConnection::<T>::qualified_type_name()
    }

    fn introspection_type_name(&self) -> Cow<'static, str> {
        self.0.introspection_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        RelayConnection::<T>::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        resolve_object(ctx, self).await
    }
}

impl<T: ObjectType> ContainerType for Conn<T> {
    async fn resolve_field(&self, ctx: &Context<'_>) -> ServerResult<Option<Value>> {
        let rows = ctx.with_selection_set(&ctx.item.node.selection_set);
        match ctx.item.node.name.node.as_str() {
            "nodes" => {
                let nodes = self.0.edges.iter().map(|edge| &edge.node);
                resolve_rows(&rows, ctx.item, nodes).await.map(Some)
            }
            "edges" => {
                let edges = self.0.edges.iter().map(Lean);
                resolve_rows(&rows, ctx.item, edges).await.map(Some)
            }
            _ => self.0.resolve_field(ctx).await,
        }
    }
}

impl<T: ObjectType> ObjectType for Conn<T> {}

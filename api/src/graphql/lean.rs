//! Objects resolved with fewer moving parts per object.
//!
//! async-graphql resolves every object by boxing one future per selected field and driving
//! them through a fresh `FuturesUnordered`: a shared task, an atomic waker and a ready queue
//! per field. For a page of a hundred rows with a handful of scalar fields each that
//! bookkeeping costs more than the fields themselves. [`Lean`] wraps an object type and
//! resolves it the same way, field by field through the type's own generated
//! `resolve_field`, but polls the field futures in place: a field that is ready at once
//! (a column of the row) is done on its first poll, and only the fields still waiting (a
//! nested list waiting for its level's statement) are polled again when woken. A
//! connection's `nodes` and `edges` lists resolve their rows the same way
//! ([`resolve_rows`]), where async-graphql's list resolver would give each row a task in a
//! `FuturesUnordered`.
//!
//! What an answer holds does not change: the same fields, the same values, aliases and
//! fragments as async-graphql applies them, errors recorded on the response the same way.
//! The keys come out in the order the query selected them. A field that still carries a
//! directive once `@skip`/`@include` are applied sends the object to async-graphql's own
//! resolver. The schema registers no extensions (`graphql::build_schema`): an extension's
//! per-field hook would not see the fields resolved here, so adding one means dropping
//! `Lean` or calling the hook here.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context as TaskContext, Poll};

use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::{Field, Selection};
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::resolve_container;
use async_graphql::{
    ContainerType, Context, ContextSelectionSet, Name, ObjectType, OutputType, Positioned,
    ServerError, ServerResult, Value,
};
use futures_util::future::MaybeDone;

/// An object type resolved by [`resolve_object`]; to the schema it is `T` itself.
#[derive(Clone)]
pub struct Lean<T>(pub T);

impl<T: ObjectType> OutputType for Lean<T> {
    fn type_name() -> Cow<'static, str> {
        T::type_name()
    }

    fn qualified_type_name() -> String {
        T::qualified_type_name()
    }

    fn introspection_type_name(&self) -> Cow<'static, str> {
        self.0.introspection_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        T::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        resolve_object(ctx, &self.0).await
    }
}

impl<T: ObjectType> ContainerType for Lean<T> {
    async fn resolve_field(&self, ctx: &Context<'_>) -> ServerResult<Option<Value>> {
        self.0.resolve_field(ctx).await
    }
}

impl<T: ObjectType> ObjectType for Lean<T> {}

type FieldFuture<'a> = Pin<Box<dyn Future<Output = ServerResult<Option<Value>>> + Send + 'a>>;

/// Resolves `root`'s selection set in `ctx` into an object value.
pub async fn resolve_object<'a, T>(
    ctx: &ContextSelectionSet<'a>,
    root: &'a T,
) -> ServerResult<Value>
where
    T: ContainerType + ?Sized,
{
    let mut fields = Vec::new();
    if !collect(ctx, root, &mut fields)? {
        return resolve_container(ctx, root).await;
    }
    let typename = root.introspection_type_name();
    let mut keys = Vec::with_capacity(fields.len());
    let mut values: Vec<MaybeDone<FieldFuture<'a>>> = Vec::with_capacity(fields.len());
    for (ctx, field) in fields {
        keys.push(field.node.response_key().node.clone());
        if field.node.name.node == "__typename" {
            values.push(MaybeDone::Done(Ok(Some(Value::String(
                typename.to_string(),
            )))));
            continue;
        }
        values.push(MaybeDone::Future(Box::pin(async move {
            let ctx_field = ctx.with_field(field);
            root.resolve_field(&ctx_field).await
        })));
    }
    let values = InPlace(values).await;

    let mut object = IndexMap::with_capacity(keys.len());
    for (key, value) in keys.into_iter().zip(values) {
        match value {
            Ok(value) => merge(&mut object, key, value.unwrap_or_default()),
            Err(error) => ctx.add_error(error),
        }
    }
    Ok(if object.is_empty() {
        Value::Null
    } else {
        Value::Object(object)
    })
}

type RowFuture<'a> = Pin<Box<dyn Future<Output = ServerResult<Value>> + Send + 'a>>;

/// Resolves the list `field` of `rows` as async-graphql's list resolver does — each row at
/// its index, a row that fails failing the list — but polls the rows in place instead of
/// through a `FuturesUnordered` with a task per row. Where several rows fail, the list
/// fails with the error of the first in list order (async-graphql's: the first to fail),
/// once every row has finished.
pub async fn resolve_rows<'a, R>(
    ctx: &ContextSelectionSet<'a>,
    field: &'a Positioned<Field>,
    rows: impl ExactSizeIterator<Item = R>,
) -> ServerResult<Value>
where
    R: OutputType + 'a,
{
    let mut values: Vec<MaybeDone<RowFuture<'_>>> = Vec::with_capacity(rows.len());
    for (index, row) in rows.enumerate() {
        let ctx_row = ctx.with_index(index);
        values.push(MaybeDone::Future(Box::pin(async move {
            row.resolve(&ctx_row, field)
                .await
                .map_err(|error| ctx_row.set_error_path(error))
        })));
    }
    InPlace(values)
        .await
        .into_iter()
        .collect::<ServerResult<Vec<Value>>>()
        .map(Value::List)
}

/// The fields `ctx` selects on `root`, fragments spread as async-graphql spreads them, each
/// with the selection-set context it was selected in. False when a field carries a
/// directive this path does not apply.
fn collect<'a, T>(
    ctx: &ContextSelectionSet<'a>,
    root: &T,
    fields: &mut Vec<(ContextSelectionSet<'a>, &'a Positioned<Field>)>,
) -> ServerResult<bool>
where
    T: ContainerType + ?Sized,
{
    for selection in &ctx.item.node.items {
        let (condition, selection_set) = match &selection.node {
            Selection::Field(field) => {
                if !field.node.directives.is_empty() {
                    return Ok(false);
                }
                fields.push((ctx.clone(), field));
                continue;
            }
            Selection::FragmentSpread(spread) => {
                let name = &spread.node.fragment_name.node;
                let Some(fragment) = ctx.query_env.fragments.get(name) else {
                    return Err(ServerError::new(
                        format!(r#"Unknown fragment "{name}"."#),
                        Some(spread.pos),
                    ));
                };
                (
                    Some(fragment.node.type_condition.node.on.node.as_str()),
                    &fragment.node.selection_set,
                )
            }
            Selection::InlineFragment(fragment) => (
                fragment
                    .node
                    .type_condition
                    .as_ref()
                    .map(|condition| condition.node.on.node.as_str()),
                &fragment.node.selection_set,
            ),
        };
        let own = root.introspection_type_name();
        let applies = condition.is_none_or(|condition| {
            own == condition
                || T::type_name() == condition
                || ctx
                    .schema_env
                    .registry
                    .implements
                    .get(own.as_ref())
                    .is_some_and(|interfaces| interfaces.contains(condition))
        });
        if applies && !collect(&ctx.with_selection_set(selection_set), root, fields)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Merges a field's value into the object under its response key, as async-graphql does
/// when a query selects the same key twice: objects merge field by field, lists item by
/// item, and a scalar keeps its first value.
fn merge(object: &mut IndexMap<Name, Value>, key: Name, value: Value) {
    let Some(previous) = object.get_mut(&key) else {
        object.insert(key, value);
        return;
    };
    match (previous, value) {
        (Value::Object(previous), Value::Object(value)) => {
            for (key, value) in value {
                merge(previous, key, value);
            }
        }
        (Value::List(previous), Value::List(value)) => {
            for (previous, value) in previous.iter_mut().zip(value) {
                if let (Value::Object(previous), Value::Object(value)) = (previous, value) {
                    for (key, value) in value {
                        merge(previous, key, value);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Polls every future that is not yet done until none is; hands the outputs back in order.
/// A future that is ready at once (a column of the row) is done on its first poll; only those
/// still waiting are polled again when woken.
struct InPlace<F: Future>(Vec<MaybeDone<F>>);

impl<F: Future + Unpin> Future for InPlace<F> {
    type Output = Vec<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let mut waiting = false;
        for value in &mut self.0 {
            waiting |= Pin::new(value).poll(cx).is_pending();
        }
        if waiting {
            return Poll::Pending;
        }
        Poll::Ready(
            self.0
                .iter_mut()
                .filter_map(|value| Pin::new(value).take_output())
                .collect(),
        )
    }
}

//! The query cost limit: a query costs the number of objects its connections may return,
//! counted before it runs, as GitHub's API counts nodes. A connection field costs its page
//! size (`first` or `last`, else the default page) times the number of parents it hangs
//! under; belongs-to links and scalars cost nothing, since they add at most one object per
//! object already counted. Over the limit, the query is refused with its cost and the limit
//! in `extensions`, and nothing runs.

use std::sync::{Arc, Mutex};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
};
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, Field, OperationDefinition, OperationType, Selection,
    SelectionSet,
};
use async_graphql::registry::{MetaType, MetaTypeName, Registry};
use async_graphql::{ErrorExtensionValues, Request, ServerError, ServerResult, Value, Variables};

use super::connection::DEFAULT_PAGE_SIZE;

/// Fragments nested deeper than this are not followed (a cycle, refused by validation).
const MAX_FRAGMENT_DEPTH: usize = 32;

/// Refuses queries that may return more than `limit` objects.
pub struct CostLimit {
    /// The most objects a query may return.
    pub limit: u64,
}

impl ExtensionFactory for CostLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CostCheck {
            limit: self.limit,
            operation: Mutex::new(None),
        })
    }
}

struct CostCheck {
    limit: u64,
    operation: Mutex<Option<String>>,
}

#[async_trait::async_trait]
impl Extension for CostCheck {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if let Ok(mut operation) = self.operation.lock() {
            operation.clone_from(&request.operation_name);
        }
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let operation = self.operation.lock().ok().and_then(|name| name.clone());
        let cost = cost_of(
            &ctx.schema_env.registry,
            &document,
            operation.as_deref(),
            variables,
        );
        if cost > self.limit {
            let mut extensions = ErrorExtensionValues::default();
            extensions.set("code", "GRAPHQL_VALIDATION_FAILED");
            extensions.set("cost", cost);
            extensions.set("limit", self.limit);
            let mut error = ServerError::new(
                format!(
                    "Query is too costly: it may return {cost} objects, and the limit is {}. \
                     Ask for smaller pages (first/last) or fewer nested lists.",
                    self.limit
                ),
                None,
            );
            error.extensions = Some(extensions);
            return Err(error);
        }
        Ok(document)
    }
}

/// The cost of the operation that will run (every operation's highest, when the
/// request names none and the document has several).
pub fn cost_of(
    registry: &Registry,
    document: &ExecutableDocument,
    operation: Option<&str>,
    variables: &Variables,
) -> u64 {
    let walk = |definition: &OperationDefinition| {
        let root = match definition.ty {
            OperationType::Query => Some(registry.query_type.as_str()),
            OperationType::Mutation => registry.mutation_type.as_deref(),
            OperationType::Subscription => registry.subscription_type.as_deref(),
        };
        let Some(root) = root else { return 0 };
        let counter = Counter {
            registry,
            document,
            variables,
            definition,
        };
        counter.selection_set(&definition.selection_set.node, root, 1, 0)
    };
    match &document.operations {
        DocumentOperations::Single(definition) => walk(&definition.node),
        DocumentOperations::Multiple(operations) => operations
            .iter()
            .filter(|(name, _)| operation.is_none_or(|wanted| name.as_str() == wanted))
            .map(|(_, definition)| walk(&definition.node))
            .max()
            .unwrap_or(0),
    }
}

struct Counter<'a> {
    registry: &'a Registry,
    document: &'a ExecutableDocument,
    variables: &'a Variables,
    definition: &'a OperationDefinition,
}

impl Counter<'_> {
    /// Objects under `set` on type `on`, each selection made `parents` times.
    fn selection_set(&self, set: &SelectionSet, on: &str, parents: u64, depth: usize) -> u64 {
        if depth > MAX_FRAGMENT_DEPTH {
            return 0;
        }
        let mut total: u64 = 0;
        for selection in &set.items {
            let cost = match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let Some(field_type) = self.field_type(on, field.name.node.as_str()) else {
                        continue;
                    };
                    if field_type.ends_with("Connection") {
                        let size = self.page_size(field);
                        let objects = parents.saturating_mul(size);
                        objects.saturating_add(self.selection_set(
                            &field.selection_set.node,
                            field_type,
                            objects,
                            depth,
                        ))
                    } else {
                        self.selection_set(&field.selection_set.node, field_type, parents, depth)
                    }
                }
                Selection::InlineFragment(fragment) => {
                    let fragment = &fragment.node;
                    let on = fragment
                        .type_condition
                        .as_ref()
                        .map_or(on, |condition| condition.node.on.node.as_str());
                    self.selection_set(&fragment.selection_set.node, on, parents, depth + 1)
                }
                Selection::FragmentSpread(spread) => {
                    match self.document.fragments.get(&spread.node.fragment_name.node) {
                        Some(fragment) => self.selection_set(
                            &fragment.node.selection_set.node,
                            fragment.node.type_condition.node.on.node.as_str(),
                            parents,
                            depth + 1,
                        ),
                        None => 0,
                    }
                }
            };
            total = total.saturating_add(cost);
        }
        total
    }

    /// The named type of field `name` on type `on`.
    fn field_type(&self, on: &str, name: &str) -> Option<&str> {
        let fields = match self.registry.types.get(on)? {
            MetaType::Object { fields, .. } | MetaType::Interface { fields, .. } => fields,
            _ => return None,
        };
        fields
            .get(name)
            .map(|field| MetaTypeName::concrete_typename(&field.ty))
    }

    /// `first`, else `last`, else the default page; a variable counts with its value.
    fn page_size(&self, field: &Field) -> u64 {
        let value_of = |wanted: &str| -> Option<u64> {
            let value = field
                .get_argument(wanted)?
                .node
                .clone()
                .into_const_with(|name| {
                    self.variables
                        .get(&name)
                        .cloned()
                        .or_else(|| self.variable_default(name.as_str()))
                        .ok_or(())
                })
                .ok()?;
            match value {
                Value::Number(number) => number.as_u64(),
                _ => None,
            }
        };
        value_of("first")
            .or_else(|| value_of("last"))
            .unwrap_or(DEFAULT_PAGE_SIZE)
    }

    fn variable_default(&self, name: &str) -> Option<Value> {
        self.definition
            .variable_definitions
            .iter()
            .find(|definition| definition.node.name.node == name)
            .and_then(|definition| definition.node.default_value.as_ref())
            .map(|value| value.node.clone())
    }
}

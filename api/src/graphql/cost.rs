//! The query cost limit: a query costs the number of objects its connections may return,
//! counted before it runs, as GitHub's API counts nodes. A connection field costs its page
//! size (`first` or `last`, else the default page) times the number of parents it hangs
//! under; belongs-to links and scalars cost nothing, since they add at most one object per
//! object already counted. Over the limit, the query is refused with its cost and the limit
//! in `extensions`, and nothing runs. The HTTP layer counts it on the parsed document
//! before execution (an async-graphql extension would wrap every field's resolution).

use std::collections::HashMap;

use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, Field, OperationDefinition, OperationType,
    Selection, SelectionSet, Type, TypeKind, TypeSystemDefinition,
};
use async_graphql::{ErrorExtensionValues, ServerError, Value, Variables};

use super::connection::DEFAULT_PAGE_SIZE;

/// Fragments nested deeper than this are not followed (a cycle, refused by validation).
const MAX_FRAGMENT_DEPTH: usize = 32;

/// What the cost count needs of the schema: each type's fields and their named types.
/// Built once from the served SDL.
#[derive(Debug, Clone, Default)]
pub struct CostModel {
    fields: HashMap<String, HashMap<String, String>>,
    query: String,
    mutation: String,
    subscription: String,
}

impl CostModel {
    /// The model of the schema printed as `sdl`.
    pub fn from_sdl(sdl: &str) -> Self {
        let mut model = Self {
            query: "Query".to_owned(),
            mutation: "Mutation".to_owned(),
            subscription: "Subscription".to_owned(),
            ..Self::default()
        };
        let Ok(document) = async_graphql::parser::parse_schema(sdl) else {
            return model;
        };
        for definition in document.definitions {
            match definition {
                TypeSystemDefinition::Schema(schema) => {
                    let schema = schema.node;
                    if let Some(name) = schema.query {
                        model.query = name.node.to_string();
                    }
                    if let Some(name) = schema.mutation {
                        model.mutation = name.node.to_string();
                    }
                    if let Some(name) = schema.subscription {
                        model.subscription = name.node.to_string();
                    }
                }
                TypeSystemDefinition::Type(definition) => {
                    let definition = definition.node;
                    let fields = match definition.kind {
                        TypeKind::Object(object) => object.fields,
                        TypeKind::Interface(interface) => interface.fields,
                        _ => continue,
                    };
                    let fields = fields
                        .into_iter()
                        .map(|field| {
                            let field = field.node;
                            (field.name.node.to_string(), named(&field.ty.node))
                        })
                        .collect();
                    model
                        .fields
                        .insert(definition.name.node.to_string(), fields);
                }
                TypeSystemDefinition::Directive(_) => {}
            }
        }
        model
    }

    /// The cost of the operation that will run (the highest of the document's operations,
    /// when the request names none and the document has several).
    pub fn cost_of(
        &self,
        document: &ExecutableDocument,
        operation: Option<&str>,
        variables: &Variables,
    ) -> u64 {
        let walk = |definition: &OperationDefinition| {
            let root = match definition.ty {
                OperationType::Query => &self.query,
                OperationType::Mutation => &self.mutation,
                OperationType::Subscription => &self.subscription,
            };
            let counter = Counter {
                model: self,
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
}

/// The error for a query that costs `cost` objects against `limit`.
pub fn too_costly(cost: u64, limit: u64) -> ServerError {
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", "GRAPHQL_VALIDATION_FAILED");
    extensions.set("cost", cost);
    extensions.set("limit", limit);
    let mut error = ServerError::new(
        format!(
            "Query is too costly: it may return {cost} objects, and the limit is {limit}. \
             Ask for smaller pages (first/last) or fewer nested lists."
        ),
        None,
    );
    error.extensions = Some(extensions);
    error
}

fn named(ty: &Type) -> String {
    match &ty.base {
        BaseType::Named(name) => name.to_string(),
        BaseType::List(inner) => named(inner),
    }
}

struct Counter<'a> {
    model: &'a CostModel,
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
        self.model.fields.get(on)?.get(name).map(String::as_str)
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

//! Refusals by a document's shape before it runs: a mutation over GET, too many aliases.

use super::Outcome;
use super::errors::Refusal;
use async_graphql::parser::types::OperationType;

use axum::http::{Method, StatusCode};

/// Most aliases a query may use.
pub const MAX_ALIASES: usize = 30;

/// Refuses, before execution, a mutation over GET (405) and a query with too many
/// aliases, and notes the operation's type and name. Parse errors are left to execution,
/// which reports them as GraphQL errors.
pub(crate) fn refuse_by_shape(
    request: &mut async_graphql::Request,
    method: &Method,
    outcome: &mut Outcome,
) -> Result<(), Refusal> {
    let operation_name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return Ok(());
    };
    let selected = document
        .operations
        .iter()
        .find(|(name, _)| match (&operation_name, name) {
            (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
            (None, _) => true,
            (Some(_), None) => false,
        });
    if let Some((name, operation)) = selected {
        outcome.operation_type = match operation.node.ty {
            OperationType::Query => "query",
            OperationType::Mutation => "mutation",
            OperationType::Subscription => "subscription",
        };
        outcome.operation_name = name.map(|name| name.to_string());
        if operation.node.ty != OperationType::Query && method == Method::GET {
            return Err(Refusal::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "mutations and subscriptions need POST",
            ));
        }
    }
    let aliases = document
        .operations
        .iter()
        .map(|(_, operation)| count_aliases(&operation.node.selection_set.node))
        .chain(
            document
                .fragments
                .values()
                .map(|fragment| count_aliases(&fragment.node.selection_set.node)),
        )
        .sum::<usize>();
    if aliases > MAX_ALIASES {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            "BAD_USER_INPUT",
            format!("query: more than {MAX_ALIASES} aliases"),
        ));
    }
    Ok(())
}

pub(crate) fn count_aliases(selection_set: &async_graphql::parser::types::SelectionSet) -> usize {
    use async_graphql::parser::types::Selection;
    selection_set
        .items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(field) => {
                usize::from(field.node.alias.is_some())
                    + count_aliases(&field.node.selection_set.node)
            }
            Selection::InlineFragment(fragment) => count_aliases(&fragment.node.selection_set.node),
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

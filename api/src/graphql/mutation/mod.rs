//! The root mutation: Relay-style, one input object per field and a payload with the
//! changed object. Resolvers parse inputs into domain types and run one domain change.

mod actions;
mod advice;
mod budget;
mod commitments;
mod escalations;
mod issues;
mod plan_items;
mod plans;
mod pnc_documents;
mod residents;
mod work;

use async_graphql::{Context, MergedObject};

use crate::domain::Change;
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::scope;
use crate::value::Line;

/// The root mutation type.
#[derive(MergedObject, Default)]
pub struct Mutation(
    plans::PlanMutation,
    actions::ActionMutation,
    plan_items::PlanItemMutation,
    commitments::CommitmentMutation,
    escalations::EscalationMutation,
    issues::IssueMutation,
    work::WorkMutation,
    residents::ResidentMutation,
    budget::BudgetMutation,
    pnc_documents::PncDocumentMutation,
    advice::AdviceMutation,
);

/// Starts a change as the request's caller. Rows read earlier in the request are forgotten,
/// so the payload shows what the change left.
async fn begin<'a>(ctx: &Context<'a>) -> async_graphql::Result<Change<'a>> {
    let scope = scope(ctx)?;
    scope.known.clear();
    let reader = &scope.reader;
    Ok(Change::begin(
        reader.db(),
        reader.gate(),
        reader.principal(),
        scope.write_queue.as_ref(),
    )
    .await?
    .with_events(scope.events.clone()))
}

/// Runs one domain step in a change of its own, as the request's caller, and commits it:
/// the plumbing every mutation shares. `change` names the change (a reference) in the
/// step; an error returns from the resolver and rolls the whole change back, a wrong
/// parameter named as the input field it came from.
///
/// ```ignore
/// let plan = transact!(ctx, |change| plan::submit(change, id, input.expected_version));
/// ```
macro_rules! transact {
    ($ctx:expr, |$change:ident| $step:expr) => {{
        let owned = super::begin($ctx).await?;
        let done = {
            let $change = &owned;
            $step.await.map_err(crate::error::ApiError::at_input)?
        };
        owned
            .commit()
            .await
            .map_err(crate::error::ApiError::at_input)?;
        done
    }};
}
use transact;

/// As [`transact!`] for a step that creates a row of entity `E`, made at most once per
/// idempotency key ([`Once`]): repeating the request returns the first row.
macro_rules! create_once {
    ($ctx:expr, $once:expr, $operation:literal, $entity:ty, |$change:ident| $step:expr) => {{
        let once: super::Once = $once;
        super::transact!($ctx, |$change| $change.create_once::<$entity, _, _>(
            once.key.as_ref(),
            $operation,
            once.fingerprint,
            || $step,
        ))
    }};
}
use create_once;

/// An input field parsed into its domain value, or `BAD_USER_INPUT` naming the field: the
/// edge where raw GraphQL values become the values the domain takes.
fn at<T>(field: &str, parsed: Result<T, crate::value::Invalid>) -> ApiResult<T> {
    parsed.map_err(|invalid| ApiError::bad_input(field, invalid.0))
}

/// What makes a creating mutation safe to repeat: the caller's idempotency key, if any, and
/// the input's fingerprint.
struct Once {
    key: Option<Line>,
    /// The input as its idempotency record holds it: the GraphQL value (named as the schema
    /// names it, not as the Rust fields are), objects with their keys sorted, the
    /// idempotency key itself left out. Stable across field order and releases that keep
    /// the schema.
    fingerprint: String,
}

impl Once {
    /// The key and fingerprint of a creating mutation's input, or `BAD_USER_INPUT` on
    /// `input.idempotencyKey` for a key that is no short line of text.
    fn of<T: async_graphql::InputType>(input: &T) -> ApiResult<Self> {
        let mut value = canonical(&input.to_value());
        let key = match &mut value {
            serde_json::Value::Object(fields) => match fields.remove("idempotencyKey") {
                Some(serde_json::Value::String(key)) => Some(key),
                _ => None,
            },
            _ => None,
        };
        Ok(Self {
            key: at("input.idempotencyKey", Line::parse_optional(key.as_deref()))?,
            fingerprint: value.to_string(),
        })
    }
}

/// `value` as JSON with every object's keys in sorted order.
fn canonical(value: &async_graphql::Value) -> serde_json::Value {
    use async_graphql::Value;
    match value {
        Value::Object(fields) => {
            let sorted: std::collections::BTreeMap<&str, serde_json::Value> = fields
                .iter()
                .map(|(name, item)| (name.as_str(), canonical(item)))
                .collect();
            serde_json::Value::Object(
                sorted
                    .into_iter()
                    .map(|(name, item)| (name.to_owned(), item))
                    .collect(),
            )
        }
        Value::List(items) => serde_json::Value::Array(items.iter().map(canonical).collect()),
        other => other.clone().into_json().unwrap_or(serde_json::Value::Null),
    }
}

/// The row id an optional global id names (of a `type_name` node, given as `field`).
pub(super) fn optional_id(
    type_name: &str,
    field: &str,
    id: Option<&async_graphql::ID>,
) -> ApiResult<Option<i32>> {
    id.map(|id| crate::graphql::relay::id_of(type_name, field, id))
        .transpose()
}

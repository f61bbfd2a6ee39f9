//! Keyset cursors: a cursor holds the values of its row in the list's order columns and
//! the row's id, and names the list and the order it came from. Paging continues strictly
//! after (or before) those values, so rows inserted or deleted meanwhile never shift a page.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::ColumnType;
use sea_orm::{ColumnTrait, Order, Value};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};

/// One value of a cursor's key, as it travels inside the cursor text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Key {
    /// SQL NULL.
    #[serde(rename = "n")]
    Null,
    /// An integer column.
    #[serde(rename = "i")]
    Int(i64),
    /// A text or enumeration column.
    #[serde(rename = "s")]
    Text(String),
    /// A date column.
    #[serde(rename = "d")]
    Date(NaiveDate),
    /// A timestamp column (UTC).
    #[serde(rename = "t")]
    Time(DateTime<Utc>),
    /// A boolean column.
    #[serde(rename = "b")]
    Bool(bool),
}

impl Key {
    /// The key of a model value; `None` for a type no order uses.
    pub fn of(value: &Value) -> Option<Self> {
        Some(match value {
            Value::Int(v) => v.map_or(Key::Null, |v| Key::Int(v.into())),
            Value::BigInt(v) => v.map_or(Key::Null, Key::Int),
            Value::SmallInt(v) => v.map_or(Key::Null, |v| Key::Int(v.into())),
            Value::String(v) => v.clone().map_or(Key::Null, Key::Text),
            Value::ChronoDate(v) => v.map_or(Key::Null, Key::Date),
            Value::ChronoDateTimeUtc(v) => v.map_or(Key::Null, Key::Time),
            Value::Bool(v) => v.map_or(Key::Null, Key::Bool),
            _ => return None,
        })
    }

    /// The SQL value of this key for `column`, or `None` when it cannot be one of that
    /// column's values (a forged or foreign cursor).
    pub fn value_for<C: ColumnTrait>(&self, column: C) -> Option<Value> {
        let def = column.def();
        let kind = def.get_column_type();
        match (self, kind) {
            (Key::Null, _) if def.is_null() => Some(null_of(kind)),
            (Key::Int(v), ColumnType::Integer) => i32::try_from(*v).ok().map(Value::from),
            (Key::Int(v), ColumnType::BigInteger) => Some(Value::from(*v)),
            (Key::Int(v), ColumnType::SmallInteger) => i16::try_from(*v).ok().map(Value::from),
            (Key::Text(v), ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_)) => {
                Some(Value::from(v.clone()))
            }
            (Key::Date(v), ColumnType::Date) => Some(Value::from(*v)),
            (Key::Time(v), ColumnType::TimestampWithTimeZone | ColumnType::Timestamp) => {
                Some(Value::from(*v))
            }
            (Key::Bool(v), ColumnType::Boolean) => Some(Value::from(*v)),
            _ => None,
        }
    }
}

fn null_of(kind: &ColumnType) -> Value {
    match kind {
        ColumnType::Integer => Value::Int(None),
        ColumnType::BigInteger => Value::BigInt(None),
        ColumnType::SmallInteger => Value::SmallInt(None),
        ColumnType::Date => Value::ChronoDate(None),
        ColumnType::TimestampWithTimeZone | ColumnType::Timestamp => Value::ChronoDateTimeUtc(None),
        ColumnType::Boolean => Value::Bool(None),
        _ => Value::String(None),
    }
}

/// What a cursor is bound to: one list in one order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Binding {
    /// The list, e.g. `commitment` for the root list or `commitment.cluster_id` for a
    /// cluster's commitments.
    pub list: String,
    /// The order, e.g. `amount_cents desc,id asc`.
    pub order: String,
}

impl Binding {
    /// The binding of `list` sorted by `order` (the id, last, is implied).
    pub fn new<C: ColumnTrait>(list: String, order: &[(C, Order)]) -> Self {
        let order = order
            .iter()
            .map(|(column, direction)| {
                let direction = match direction {
                    Order::Desc => "desc",
                    _ => "asc",
                };
                format!("{} {direction}", column.as_str())
            })
            .collect::<Vec<_>>()
            .join(",");
        Self { list, order }
    }
}

#[derive(Serialize, Deserialize)]
struct Payload {
    l: String,
    o: String,
    k: Vec<Key>,
    id: i32,
}

/// A decoded cursor: the row's order values and id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Position {
    /// One value per order column.
    pub keys: Vec<Key>,
    /// The row's id.
    pub id: i32,
}

/// A row's cursor as a connection holds it: encoded into text only if the query asks for
/// it (`edges.cursor`, `pageInfo.startCursor` or `endCursor`).
#[derive(Debug, Clone)]
pub struct Cursor {
    /// The list and order.
    pub binding: Arc<Binding>,
    /// The row.
    pub position: Position,
}

impl async_graphql::connection::CursorType for Cursor {
    type Error = &'static str;

    /// Cursors come in as plain strings and are read with [`decode`] against their list.
    fn decode_cursor(_: &str) -> Result<Self, Self::Error> {
        Err("a cursor is read by its list")
    }

    fn encode_cursor(&self) -> String {
        encode(&self.binding, self.position.clone())
    }
}

/// The cursor text for a row at `position` in the list `binding`.
pub fn encode(binding: &Binding, position: Position) -> String {
    let payload = Payload {
        l: binding.list.clone(),
        o: binding.order.clone(),
        k: position.keys,
        id: position.id,
    };
    // Serializing these plain values cannot fail; an empty cursor would be refused later.
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&payload).unwrap_or_default())
}

/// Reads a cursor given as argument `field` of the list `binding` with `columns` in its
/// order; a cursor of another list or order, or not ours at all, is the caller's error.
pub fn decode<C: ColumnTrait>(
    field: &str,
    cursor: &str,
    binding: &Binding,
    columns: &[C],
) -> ApiResult<Position> {
    let payload: Payload = URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| ApiError::bad_input(field, "is not a cursor returned by this list"))?;
    if payload.l != binding.list {
        return Err(ApiError::bad_input(
            field,
            "is a cursor of another list; use a cursor this list returned",
        ));
    }
    if payload.o != binding.order {
        return Err(ApiError::bad_input(
            field,
            "is a cursor of this list in another order; keep the orderBy the cursor came with",
        ));
    }
    let fits = payload.k.len() == columns.len()
        && payload
            .k
            .iter()
            .zip(columns)
            .all(|(key, column)| key.value_for(*column).is_some());
    if !fits || payload.id <= 0 {
        return Err(ApiError::bad_input(
            field,
            "is not a cursor returned by this list",
        ));
    }
    Ok(Position {
        keys: payload.k,
        id: payload.id,
    })
}

#[cfg(test)]
mod tests;

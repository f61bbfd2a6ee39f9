//! Relay conventions: opaque global ids, cursor connections with `first/after/last/before`,
//! `totalCount`, and the page-size limit.

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{ID, OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ApiError, ApiResult};

/// Page size when the caller gives neither `first` nor `last`.
pub const DEFAULT_PAGE_SIZE: u64 = 20;

/// The complexity weight of a connection field: its children count once per item of the
/// page it may return.
pub fn page_cost(first: Option<i32>, last: Option<i32>) -> usize {
    let size = first.or(last).map_or(DEFAULT_PAGE_SIZE as i64, i64::from);
    size.clamp(1, i64::from(u16::MAX)) as usize
}

/// The global id of the object of GraphQL type `type_name` with database id `id`.
pub fn encode_id(type_name: &str, id: i32) -> ID {
    ID(URL_SAFE_NO_PAD.encode(format!("{type_name}:{id}")))
}

/// Splits a global id into its type name and database id; `None` when it is not one of ours.
pub fn decode_id(id: &ID) -> Option<(String, i32)> {
    let bytes = URL_SAFE_NO_PAD.decode(id.as_str()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (type_name, raw) = text.split_once(':')?;
    let id = raw.parse::<i32>().ok().filter(|id| *id > 0)?;
    Some((type_name.to_owned(), id))
}

/// The database id in a global id that must be of type `type_name`; `field` names the
/// argument in the error.
pub fn id_of(type_name: &str, field: &str, id: &ID) -> ApiResult<i32> {
    match decode_id(id) {
        Some((found, id)) if found == type_name => Ok(id),
        _ => Err(ApiError::bad_input(
            field,
            format!("is not the id of a {type_name}"),
        )),
    }
}

/// The extra field every connection carries.
#[derive(SimpleObject)]
pub struct ConnectionTotals {
    /// Number of items in the whole list (within what the caller may see), across pages.
    pub total_count: i32,
}

/// A Relay connection of `T` with `totalCount`.
pub type Conn<T> = Connection<String, T, ConnectionTotals, EmptyFields>;

/// The pagination arguments of a connection field.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    /// `first`
    pub first: Option<i32>,
    /// `after`
    pub after: Option<String>,
    /// `last`
    pub last: Option<i32>,
    /// `before`
    pub before: Option<String>,
}

impl PageArgs {
    /// Bundles the four arguments.
    pub fn new(
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Self {
        Self {
            first,
            after,
            last,
            before,
        }
    }
}

/// Which slice of a list of `total` items a request selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    /// Index of the first item returned.
    pub start: u64,
    /// Index one past the last item returned.
    pub end: u64,
    /// Items in the whole list.
    pub total: u64,
}

impl Slice {
    /// Resolves the arguments against a list of `total` items (Relay's algorithm over
    /// offset cursors). `max_page_size` bounds `first` and `last`.
    pub fn resolve(args: &PageArgs, total: u64, max_page_size: u32) -> ApiResult<Self> {
        let first = page_size("first", args.first, max_page_size)?;
        let last = page_size("last", args.last, max_page_size)?;
        let mut start = match &args.after {
            Some(cursor) => decode_cursor("after", cursor)?.saturating_add(1),
            None => 0,
        };
        let mut end = match &args.before {
            Some(cursor) => decode_cursor("before", cursor)?,
            None => total,
        };
        end = end.min(total);
        start = start.min(end);
        match (first, last) {
            (Some(first), _) => {
                end = end.min(start + first);
                if let Some(last) = last {
                    start = start.max(end.saturating_sub(last));
                }
            }
            (None, Some(last)) => start = start.max(end.saturating_sub(last)),
            (None, None) => end = end.min(start + DEFAULT_PAGE_SIZE),
        }
        Ok(Self { start, end, total })
    }

    /// Number of items in the slice.
    pub fn len(&self) -> u64 {
        self.end - self.start
    }

    /// Whether the slice is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Builds the connection from the slice's items, which start at `self.start`.
    pub fn connection<T: OutputType>(&self, items: impl IntoIterator<Item = T>) -> Conn<T> {
        let mut connection = Connection::with_additional_fields(
            self.start > 0,
            self.end < self.total,
            ConnectionTotals {
                total_count: i32::try_from(self.total).unwrap_or(i32::MAX),
            },
        );
        connection.edges.extend(
            items
                .into_iter()
                .zip(self.start..)
                .map(|(item, index)| Edge::new(encode_cursor(index), item)),
        );
        connection
    }
}

fn page_size(field: &str, value: Option<i32>, max: u32) -> ApiResult<Option<u64>> {
    match value {
        None => Ok(None),
        Some(n) if n < 0 => Err(ApiError::bad_input(field, "must not be negative")),
        Some(n) if n as u32 > max => Err(ApiError::bad_input(
            field,
            format!("must be at most {max} (the largest page)"),
        )),
        Some(n) => Ok(Some(n as u64)),
    }
}

fn encode_cursor(index: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("cursor:{index}"))
}

fn decode_cursor(field: &str, cursor: &str) -> ApiResult<u64> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            text.strip_prefix("cursor:")
                .and_then(|n| n.parse::<u64>().ok())
        })
        .ok_or_else(|| ApiError::bad_input(field, "is not a cursor returned by this list"))
}

/// Builds a connection over a whole in-memory list (a relation already loaded in one batch).
pub fn connection_of<T: OutputType>(
    items: Vec<T>,
    args: &PageArgs,
    max_page_size: u32,
) -> ApiResult<Conn<T>> {
    let slice = Slice::resolve(args, items.len() as u64, max_page_size)?;
    let (start, len) = (slice.start as usize, slice.len() as usize);
    Ok(slice.connection(items.into_iter().skip(start).take(len)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(
        first: Option<i32>,
        after: Option<u64>,
        last: Option<i32>,
        before: Option<u64>,
    ) -> PageArgs {
        PageArgs::new(
            first,
            after.map(encode_cursor),
            last,
            before.map(encode_cursor),
        )
    }

    #[test]
    fn global_ids_round_trip_and_reject_foreign_text() {
        let id = encode_id("Area", 7);
        assert_eq!(decode_id(&id), Some(("Area".to_owned(), 7)));
        assert_eq!(decode_id(&ID::from("Area:7")), None);
        assert!(id_of("Plan", "id", &id).is_err());
    }

    #[test]
    fn first_after_walks_forward() {
        let slice = Slice::resolve(&args(Some(3), Some(2), None, None), 10, 100).unwrap();
        assert_eq!((slice.start, slice.end), (3, 6));
    }

    #[test]
    fn last_before_walks_backward() {
        let slice = Slice::resolve(&args(None, None, Some(3), Some(5)), 10, 100).unwrap();
        assert_eq!((slice.start, slice.end), (2, 5));
    }

    #[test]
    fn last_alone_takes_the_tail() {
        let slice = Slice::resolve(&args(None, None, Some(4), None), 10, 100).unwrap();
        assert_eq!((slice.start, slice.end), (6, 10));
    }

    #[test]
    fn page_size_above_the_maximum_is_refused_naming_the_argument() {
        let err = Slice::resolve(&args(Some(101), None, None, None), 10, 100).unwrap_err();
        assert!(err.message().starts_with("first:"));
    }

    #[test]
    fn a_forged_cursor_is_refused_naming_the_argument() {
        let bad = PageArgs::new(None, Some("nonsense".into()), None, None);
        assert!(
            Slice::resolve(&bad, 10, 100)
                .unwrap_err()
                .message()
                .starts_with("after:")
        );
    }
}

//! Relay's opaque global ids (connections are in [`super::connection`]).

use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ApiError, ApiResult};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_ids_round_trip_and_reject_foreign_text() {
        let id = encode_id("Area", 7);
        assert_eq!(decode_id(&id), Some(("Area".to_owned(), 7)));
        assert_eq!(decode_id(&ID::from("Area:7")), None);
        assert!(id_of("Plan", "id", &id).is_err());
    }
}

//! Unit tests of `media`.

use super::*;
use async_graphql::{Pos, ServerError};

fn accept(value: &str) -> Media {
    let mut headers = HeaderMap::new();
    headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
    negotiate(&headers)
}

#[test]
fn json_is_the_answer_when_nothing_or_a_wildcard_or_json_or_nothing_known_is_accepted() {
    assert_eq!(negotiate(&HeaderMap::new()), Media::Json);
    for value in ["*/*", "application/json", "application/*", "text/html"] {
        assert_eq!(accept(value), Media::Json, "{value}");
    }
}

#[test]
fn graphql_response_json_is_the_answer_when_accepted_at_least_as_much_as_json() {
    for value in [
        "application/graphql-response+json",
        "application/graphql-response+json, application/json;q=0.9",
        "application/json, application/graphql-response+json",
        "application/graphql-response+json;charset=utf-8, */*;q=0.1",
    ] {
        assert_eq!(accept(value), Media::GraphqlResponse, "{value}");
    }
    for value in [
        "application/json, application/graphql-response+json;q=0.5",
        "application/graphql-response+json;q=0",
    ] {
        assert_eq!(accept(value), Media::Json, "{value}");
    }
}

#[test]
fn a_request_error_has_no_data_and_no_error_with_a_path() {
    let unparsed =
        async_graphql::Response::from_errors(vec![ServerError::new("parse", Some(Pos::default()))]);
    assert!(is_request_error(&unparsed));
    let mut field = ServerError::new("field", None);
    field.path = vec![async_graphql::PathSegment::Field("plans".to_owned())];
    let nulled = async_graphql::Response::from_errors(vec![field]);
    assert!(
        !is_request_error(&nulled),
        "an execution error nulling the root"
    );
    let fine = async_graphql::Response::new(Value::from_json(serde_json::json!({"a": 1})).unwrap());
    assert!(!is_request_error(&fine));
}

#[test]
fn a_request_error_under_graphql_response_json_answers_400_without_data_and_200_with_it_under_json()
{
    let unparsed = async_graphql::Response::from_errors(vec![ServerError::new("parse", None)]);
    let strict = write(&unparsed, Media::GraphqlResponse);
    assert_eq!(strict.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        strict.headers()[header::CONTENT_TYPE],
        "application/graphql-response+json; charset=utf-8"
    );
    let legacy = write(&unparsed, Media::Json);
    assert_eq!(legacy.status(), StatusCode::OK);
    assert_eq!(
        legacy.headers()[header::CONTENT_TYPE],
        "application/json; charset=utf-8"
    );
}

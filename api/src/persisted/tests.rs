//! Unit tests of `persisted`.

use super::*;

const QUERY: &str = "{ plans { totalCount } }";

fn with_hash(query: &str, hash: &str) -> async_graphql::Request {
    let extensions = serde_json::json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });
    let mut request = async_graphql::Request::new(query);
    request.extensions = serde_json::from_value(extensions).unwrap();
    request
}

#[test]
fn a_hash_alone_is_not_found_until_its_query_was_sent_with_it() {
    let persisted = Persisted::automatic();
    let hash = sha256(QUERY);
    assert!(matches!(
        persisted.resolve(&mut with_hash("", &hash), None),
        Err(Refused::NotFound)
    ));
    persisted
        .resolve(&mut with_hash(QUERY, &hash), None)
        .unwrap();
    let mut again = with_hash("", &hash);
    persisted.resolve(&mut again, None).unwrap();
    assert_eq!(again.query, QUERY);
}

#[test]
fn a_query_that_does_not_have_its_hash_is_refused() {
    let persisted = Persisted::automatic();
    let wrong = sha256("{ other }");
    assert!(matches!(
        persisted.resolve(&mut with_hash(QUERY, &wrong), None),
        Err(Refused::HashMismatch)
    ));
}

#[test]
fn allow_list_mode_runs_manifest_documents_by_id_or_hash_and_nothing_else() {
    let manifest = HashMap::from([("plans-count".to_owned(), QUERY.to_owned())]);
    let persisted = Persisted::with_manifest(manifest, true);
    let mut by_id = async_graphql::Request::new("");
    persisted.resolve(&mut by_id, Some("plans-count")).unwrap();
    assert_eq!(by_id.query, QUERY);
    assert!(matches!(
        persisted.resolve(&mut async_graphql::Request::new(""), Some("nope")),
        Err(Refused::UnknownDocument)
    ));
    persisted
        .resolve(&mut with_hash("", &sha256(QUERY)), None)
        .unwrap();
    persisted
        .resolve(&mut async_graphql::Request::new(QUERY), None)
        .unwrap();
    let other = "{ clusters { totalCount } }";
    assert!(matches!(
        persisted.resolve(&mut async_graphql::Request::new(other), None),
        Err(Refused::NotAllowed)
    ));
    assert!(matches!(
        persisted.resolve(&mut with_hash(other, &sha256(other)), None),
        Err(Refused::NotAllowed)
    ));
}

#[test]
fn relay_and_apollo_manifests_are_read_and_a_malformed_one_is_refused() {
    let relay = Persisted::parse_manifest(r#"{ "abc": "{ plans { totalCount } }" }"#).unwrap();
    assert_eq!(relay["abc"], QUERY);
    let apollo = Persisted::parse_manifest(
        r#"{ "format": "apollo-persisted-query-manifest", "version": 1,
             "operations": [{ "id": "h1", "name": "Plans", "type": "query", "body": "{ plans { totalCount } }" }] }"#,
    )
    .unwrap();
    assert_eq!(apollo["h1"], QUERY);
    assert!(Persisted::parse_manifest("[1, 2]").is_err());
    assert!(Persisted::parse_manifest(r#"{ "abc": 3 }"#).is_err());
}

//! Unit tests of `observe`.

use super::*;
use axum::http::HeaderValue;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

#[test]
fn a_callers_request_id_is_kept_and_a_traceparents_trace_id_is_used_without_one() {
    assert_eq!(
        request_id(&headers(&[("x-request-id", "abc-123")])),
        "abc-123"
    );
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    assert_eq!(
        request_id(&headers(&[("traceparent", traceparent)])),
        "4bf92f3577b34da6a3ce929d0e0e4736"
    );
}

#[test]
fn an_unusable_request_id_or_traceparent_gets_a_fresh_32_hex_id() {
    let too_long = "x".repeat(129);
    for given in [
        headers(&[("x-request-id", "has space")]),
        headers(&[("x-request-id", &too_long)]),
        headers(&[(
            "traceparent",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        )]),
        headers(&[(
            "traceparent",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        )]),
        headers(&[]),
    ] {
        let id = request_id(&given);
        assert_eq!(id.len(), 32, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    }
    assert_ne!(request_id(&headers(&[])), request_id(&headers(&[])));
}

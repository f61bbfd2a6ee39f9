//! The identity provider's tokens through the JWKS, and the JWKS cached and refreshed.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_identity_providers_rs256_and_es256_tokens_verify_through_the_jwks() {
    let jwks = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/jwks.json");
    let app = spawn_app_with(
        Engine::Sqlite,
        &[
            ("WIJKGRAPH_JWKS", jwks),
            ("WIJKGRAPH_MODE", "production"),
            ("WIJKGRAPH_JWT_ISSUER", "wijkgraph-dev"),
            ("WIJKGRAPH_JWT_SECRET", ""),
        ],
    )
    .await;
    for (alg, kid, key) in [
        (Algorithm::RS256, "test-rsa", rsa_key()),
        (Algorithm::ES256, "test-ec", ec_key()),
    ] {
        let me = app
            .with_token(&signed(alg, Some(kid), &key, &claims()))
            .data(ME, json!({}))
            .await;
        assert_eq!(me["me"]["authenticated"], true, "{alg:?}");
    }
    let refused = [
        (
            "unknown kid",
            signed(
                Algorithm::RS256,
                Some("rotated-away"),
                &rsa_key(),
                &claims(),
            ),
        ),
        (
            "no kid",
            signed(Algorithm::RS256, None, &rsa_key(), &claims()),
        ),
        (
            "kid of the other key type",
            signed(Algorithm::RS256, Some("test-ec"), &rsa_key(), &claims()),
        ),
        ("HS256 in production", hs256(&claims(), TEST_SECRET)),
        (
            "HS256 signed with the public JWKS",
            hs256(&claims(), include_str!("../../fixtures/jwks.json")),
        ),
        (
            "expired RS256",
            signed(
                Algorithm::RS256,
                Some("test-rsa"),
                &rsa_key(),
                &with("exp", json!(now() - 3600)),
            ),
        ),
    ];
    for (name, token) in &refused {
        assert_refused(&app, name, &format!("Bearer {token}")).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_jwks_url_is_cached_and_refreshed_at_most_once_per_interval() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let fetches = Arc::new(AtomicUsize::new(0));
    let counter = fetches.clone();
    let router = axum::Router::new().route(
        "/jwks.json",
        axum::routing::get(move || {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                include_str!("../../fixtures/jwks.json")
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/jwks.json", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });

    let app = spawn_app_with(
        Engine::Sqlite,
        &[("WIJKGRAPH_JWKS", &url), ("WIJKGRAPH_JWT_SECRET", "")],
    )
    .await;
    let good = signed(Algorithm::RS256, Some("test-rsa"), &rsa_key(), &claims());
    assert_eq!(
        app.with_token(&good).data(ME, json!({})).await["me"]["authenticated"],
        true
    );
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        1,
        "start-up fetched the keys once; their first use needs no fetch"
    );
    for _ in 0..3 {
        let unknown = signed(Algorithm::RS256, Some("unknown-kid"), &rsa_key(), &claims());
        assert_refused(&app, "unknown kid", &format!("Bearer {unknown}")).await;
    }
    assert_eq!(
        app.with_token(&good).data(ME, json!({})).await["me"]["authenticated"],
        true
    );
    assert_eq!(
        fetches.load(Ordering::SeqCst),
        1,
        "no refetch within the interval, whatever kids arrive"
    );
}

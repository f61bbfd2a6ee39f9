//! Crafted tokens: every one refused with `UNAUTHENTICATED`, none crashes the service; and
//! the identity provider's RS256 and ES256 tokens accepted through the JWKS.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::helpers::{Engine, TEST_SECRET, TestApp, error_code, spawn_app_with};

const ME: &str = "{ me { subject authenticated grants { role code } } }";

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Valid claims for the test app; each case spoils one thing.
fn claims() -> Value {
    json!({ "sub": "mallory", "iss": "wijkgraph-dev", "aud": "wijkgraph", "iat": now(), "nbf": now(), "exp": now() + 600, "roles": ["cluster_member:MO"] })
}

fn without(field: &str) -> Value {
    let mut claims = claims();
    claims.as_object_mut().unwrap().remove(field);
    claims
}

fn with(field: &str, value: Value) -> Value {
    let mut claims = claims();
    claims[field] = value;
    claims
}

fn hs256(claims: &Value, secret: &str) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

/// A token with a hand-made header, HMAC-signed with `secret` whatever the header says.
fn raw(header: Value, claims: &Value, secret: &str) -> String {
    use hmac_sign::sign;
    let signing_input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let signature = sign(secret.as_bytes(), signing_input.as_bytes());
    format!("{signing_input}.{}", b64(&signature))
}

/// HMAC-SHA256 through jsonwebtoken itself: sign the input as an HS256 JWT's would be.
mod hmac_sign {
    pub fn sign(secret: &[u8], input: &[u8]) -> Vec<u8> {
        let key = jsonwebtoken::EncodingKey::from_secret(secret);
        let signature =
            jsonwebtoken::crypto::sign(input, &key, jsonwebtoken::Algorithm::HS256).unwrap();
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(signature)
            .unwrap()
    }
}

fn rsa_key() -> EncodingKey {
    EncodingKey::from_rsa_pem(include_bytes!("../fixtures/rsa-private.pem")).unwrap()
}

fn ec_key() -> EncodingKey {
    EncodingKey::from_ec_pem(include_bytes!("../fixtures/ec-private.pem")).unwrap()
}

fn signed(alg: Algorithm, kid: Option<&str>, key: &EncodingKey, claims: &Value) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

fn tamper_signature(token: &str) -> String {
    let mut bytes = token.as_bytes().to_vec();
    let last = bytes.len() - 2;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

fn tamper_payload(token: &str) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let payload = b64(with("roles", json!(["admin"])).to_string().as_bytes());
    format!("{}.{payload}.{}", parts[0], parts[2])
}

async fn assert_refused(app: &TestApp, name: &str, authorization: &str) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("authorization", authorization)
        .json(&json!({ "query": ME }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401, "{name}");
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer realm="wijkgraph", error="invalid_token""#,
        "{name}"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "{name}: {body}");
    assert!(
        body.get("data").is_none_or(Value::is_null),
        "{name}: {body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crafted_tokens_are_all_refused_and_none_crashes_the_service() {
    let app = spawn_app_with(Engine::Sqlite, &[]).await;
    let good = hs256(&claims(), TEST_SECRET);
    let rs_header = json!({ "alg": "RS256", "typ": "JWT" });
    let cases: Vec<(&str, String)> = vec![
        (
            "alg none",
            format!(
                "{}.{}.",
                b64(br#"{"alg":"none","typ":"JWT"}"#),
                b64(claims().to_string().as_bytes())
            ),
        ),
        (
            "alg None",
            format!(
                "{}.{}.",
                b64(br#"{"alg":"None"}"#),
                b64(claims().to_string().as_bytes())
            ),
        ),
        (
            "wrong secret",
            hs256(&claims(), "another-secret-another-secret-another"),
        ),
        (
            "expired",
            hs256(&with("exp", json!(now() - 3600)), TEST_SECRET),
        ),
        (
            "not yet valid",
            hs256(&with("nbf", json!(now() + 3600)), TEST_SECRET),
        ),
        (
            "issued in the future",
            hs256(&with("iat", json!(now() + 3600)), TEST_SECRET),
        ),
        (
            "wrong iss",
            hs256(&with("iss", json!("https://evil.example")), TEST_SECRET),
        ),
        (
            "wrong aud",
            hs256(&with("aud", json!("another-api")), TEST_SECRET),
        ),
        ("missing exp", hs256(&without("exp"), TEST_SECRET)),
        ("missing nbf", hs256(&without("nbf"), TEST_SECRET)),
        ("missing iat", hs256(&without("iat"), TEST_SECRET)),
        ("missing iss", hs256(&without("iss"), TEST_SECRET)),
        ("missing aud", hs256(&without("aud"), TEST_SECRET)),
        ("missing sub", hs256(&without("sub"), TEST_SECRET)),
        ("empty sub", hs256(&with("sub", json!("")), TEST_SECRET)),
        (
            "string exp",
            hs256(&with("exp", json!((now() + 600).to_string())), TEST_SECRET),
        ),
        (
            "string nbf",
            hs256(&with("nbf", json!(now().to_string())), TEST_SECRET),
        ),
        (
            "string iat",
            hs256(&with("iat", json!(now().to_string())), TEST_SECRET),
        ),
        ("huge exp", hs256(&with("exp", json!(1e300)), TEST_SECRET)),
        (
            "roles not a list",
            hs256(&with("roles", json!("admin")), TEST_SECRET),
        ),
        ("tampered payload", tamper_payload(&good)),
        ("tampered signature", tamper_signature(&good)),
        (
            "crit header",
            raw(
                json!({ "alg": "HS256", "typ": "JWT", "crit": ["exp"] }),
                &claims(),
                TEST_SECRET,
            ),
        ),
        (
            "unexpected typ",
            raw(
                json!({ "alg": "HS256", "typ": "JWE" }),
                &claims(),
                TEST_SECRET,
            ),
        ),
        (
            "RS256 header, HMAC signature",
            raw(rs_header, &claims(), TEST_SECRET),
        ),
        (
            "RS256 without a JWKS",
            signed(Algorithm::RS256, Some("test-rsa"), &rsa_key(), &claims()),
        ),
        (
            "HS512",
            raw(json!({ "alg": "HS512" }), &claims(), TEST_SECRET),
        ),
        (
            "header not JSON",
            format!(
                "{}.{}.sig",
                b64(b"not json"),
                b64(claims().to_string().as_bytes())
            ),
        ),
        ("garbage", "abc".to_owned()),
        ("two parts", "eyJhbGciOiJIUzI1NiJ9.e30".to_owned()),
        (
            "oversized",
            hs256(&with("roles", json!(["x".repeat(9000)])), TEST_SECRET),
        ),
    ];
    assert!(cases.len() >= 25);
    for (name, token) in &cases {
        assert_refused(&app, name, &format!("Bearer {token}")).await;
    }
    for (name, header) in [
        ("empty bearer", "Bearer "),
        ("basic scheme", "Basic dXNlcjpwYXNz"),
        ("no scheme", good.as_str()),
    ] {
        assert_refused(&app, name, header).await;
    }
    // Still serving, and the good token works.
    let me = app.with_token(&good).data(ME, json!({})).await;
    assert_eq!(me["me"]["subject"], "mallory");
    assert_eq!(
        me["me"]["grants"],
        json!([{ "role": "cluster_member", "code": "MO" }])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_roles_are_ignored_never_widened() {
    let app = spawn_app_with(Engine::Sqlite, &[]).await;
    let token = hs256(
        &with(
            "roles",
            json!([
                "superuser",
                "admin:MO",
                "admin:",
                "controller:",
                "cluster_member:mo",
                "cluster_member:SB"
            ]),
        ),
        TEST_SECRET,
    );
    let me = app.with_token(&token).data(ME, json!({})).await;
    assert_eq!(
        me["me"]["grants"],
        json!([{ "role": "cluster_member", "code": "SB" }])
    );
}

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
            hs256(&claims(), include_str!("../fixtures/jwks.json")),
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
                include_str!("../fixtures/jwks.json")
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

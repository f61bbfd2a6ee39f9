//! Crafted tokens: every one refused with `UNAUTHENTICATED`, none crashes the service; and
//! the identity provider's RS256 and ES256 tokens accepted through the JWKS.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::helpers::{Engine, TEST_SECRET, TestApp, error_code, spawn_app_with};

mod crafted;
mod jwks;

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
    EncodingKey::from_rsa_pem(include_bytes!("../../fixtures/rsa-private.pem")).unwrap()
}

fn ec_key() -> EncodingKey {
    EncodingKey::from_ec_pem(include_bytes!("../../fixtures/ec-private.pem")).unwrap()
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

//! Crafted tokens, every one refused, and unknown roles ignored.

use super::*;

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

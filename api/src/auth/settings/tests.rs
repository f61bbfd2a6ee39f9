//! Unit tests of `auth::settings`.

use super::*;

#[test]
fn jwks_urls_must_be_https_except_to_this_machine() {
    let with = |url: &str| {
        let url = url.to_owned();
        AuthSettings::from_lookup(
            move |name| (name == ENV_JWKS).then(|| url.clone()),
            Path::new("unused"),
        )
    };
    for url in [
        "https://idp.rotterdam.example/jwks.json",
        "http://127.0.0.1:8081/jwks.json",
        "http://localhost/jwks",
        "http://[::1]:9000/keys",
    ] {
        assert!(with(url).is_ok(), "{url}");
    }
    for url in [
        "http://idp.rotterdam.example/jwks.json",
        "http://127.0.0.1.evil.example/jwks",
        "http://localhost@idp.example/jwks",
        "http://10.0.0.5/jwks",
    ] {
        let error = with(url).expect_err(url);
        assert_eq!(error.setting, ENV_JWKS, "{url}");
    }
}

#[test]
fn settings_debug_output_never_shows_the_secret() {
    let secret = "a-development-secret-of-at-least-32-chars";
    let settings = AuthSettings::from_lookup(
        |name| (name == ENV_JWT_SECRET).then(|| secret.to_owned()),
        Path::new("unused"),
    )
    .expect("valid settings");
    assert_eq!(
        settings.hs256_secret.as_ref().map(Secret::expose),
        Some(secret)
    );
    let shown = format!("{settings:?}");
    assert!(!shown.contains(secret), "{shown}");
    assert!(shown.contains("Secret(<redacted>)"), "{shown}");
}

//! Development tokens, signed with the HS256 secret (`wijkgraph token`).

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;

use super::AuthSettings;

/// A token for `subject` with these role grants, valid for `ttl_seconds`. `None` when the
/// settings hold no HS256 secret (production).
pub fn issue_development_token(
    settings: &AuthSettings,
    subject: &str,
    roles: &[String],
    ttl_seconds: u64,
) -> Option<String> {
    let secret = settings.hs256_secret.as_ref()?;
    let now = chrono::Utc::now().timestamp();
    let claims = json!({
        "sub": subject,
        "iss": settings.issuer,
        "aud": settings.audience,
        "iat": now,
        "nbf": now,
        "exp": now + ttl_seconds as i64,
        settings.roles_claim.clone(): roles,
    });
    let mut header = Header::new(Algorithm::HS256);
    header.typ = Some("JWT".to_owned());
    jsonwebtoken::encode(
        &header,
        &claims,
        &EncodingKey::from_secret(secret.expose().as_bytes()),
    )
    .ok()
}

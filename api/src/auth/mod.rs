//! Token verification: a bearer token becomes a [`Principal`], or the request is refused
//! with `UNAUTHENTICATED`.
//!
//! Algorithms are pinned by configuration: HS256 with a shared secret for development,
//! RS256 and ES256 with keys from the identity provider's JWKS for production. `exp`,
//! `nbf`, `iat`, `iss`, `aud` and `sub` are required and checked with a small leeway; a
//! `crit` header or an unexpected `typ` is refused. Unknown roles are ignored and logged.

mod jwks;
mod settings;
mod token;

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

pub use jwks::JwksSource;
pub use settings::{AuthSettings, DEV_SECRET_FILE, Mode, Secret, load_or_create_dev_secret};
pub use token::issue_development_token;

use crate::access::{Grant, Principal};

/// Largest token accepted, in bytes.
pub const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// Why a token was refused. The client only learns that it was; the reason is logged.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The `Authorization` header is not `Bearer <token>`.
    #[error("the Authorization header must be 'Bearer <token>'")]
    MalformedHeader,
    /// The token is too large.
    #[error("token too large")]
    TooLarge,
    /// The token's header is unacceptable (algorithm, `typ`, `crit`, missing `kid`).
    #[error("unacceptable token header: {0}")]
    Header(&'static str),
    /// No key verifies this token.
    #[error("no key for this token")]
    UnknownKey,
    /// Signature or claims did not validate.
    #[error("invalid token: {0}")]
    Invalid(String),
}

/// The claims wijkgraph reads. `exp`, `nbf`, `iss`, `aud` are checked by the validation;
/// `iat` and `sub` must be present with the right types.
#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    iat: i64,
    exp: i64,
    #[serde(default)]
    name: Option<String>,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// Verifies tokens. Cheap to clone; shares its JWKS cache.
#[derive(Clone)]
pub struct Verifier {
    inner: Arc<Inner>,
}

struct Inner {
    settings: AuthSettings,
    hs256: Option<DecodingKey>,
    jwks: Option<jwks::JwksCache>,
}

impl Verifier {
    /// A verifier for these settings.
    pub fn new(settings: AuthSettings) -> Self {
        let hs256 = settings
            .hs256_secret
            .as_ref()
            .map(|secret| DecodingKey::from_secret(secret.expose().as_bytes()));
        let jwks = settings.jwks.clone().map(jwks::JwksCache::new);
        Self {
            inner: Arc::new(Inner {
                settings,
                hs256,
                jwks,
            }),
        }
    }

    /// Reads the identity provider's keys now, if a JWKS is configured: the number of
    /// usable keys, or why the set cannot be used (unreadable, unreachable, not a key set,
    /// no RS256/ES256 key with a `kid`). Production start-up stops on an error, so a
    /// service never runs refusing every token.
    pub async fn load_keys(&self) -> Result<Option<usize>, String> {
        match &self.inner.jwks {
            Some(jwks) => jwks.load().await.map(Some),
            None => Ok(None),
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> &AuthSettings {
        &self.inner.settings
    }

    /// The principal of an `Authorization` header value; no header is the public.
    pub async fn principal(&self, authorization: Option<&str>) -> Result<Principal, AuthError> {
        let Some(value) = authorization else {
            return Ok(Principal::public());
        };
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|token| !token.is_empty())
            .ok_or(AuthError::MalformedHeader)?;
        self.verify(token).await
    }

    /// Verifies a token and returns its principal.
    pub async fn verify(&self, token: &str) -> Result<Principal, AuthError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(AuthError::TooLarge);
        }
        check_raw_header(token)?;
        let header = jsonwebtoken::decode_header(token)
            .map_err(|err| AuthError::Invalid(err.to_string()))?;
        let key = match header.alg {
            Algorithm::HS256 => self
                .inner
                .hs256
                .clone()
                .ok_or(AuthError::Header("HS256 is not accepted here"))?,
            Algorithm::RS256 | Algorithm::ES256 => {
                let jwks = self
                    .inner
                    .jwks
                    .as_ref()
                    .ok_or(AuthError::Header("RS256/ES256 need a configured JWKS"))?;
                let kid = header
                    .kid
                    .as_deref()
                    .ok_or(AuthError::Header("missing kid"))?;
                jwks.key(kid, header.alg)
                    .await
                    .ok_or(AuthError::UnknownKey)?
            }
            _ => return Err(AuthError::Header("algorithm not accepted")),
        };
        let settings = &self.inner.settings;
        let mut validation = Validation::new(header.alg);
        validation.algorithms = vec![header.alg];
        validation.leeway = settings.leeway_seconds;
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.set_issuer(&[&settings.issuer]);
        validation.set_audience(&[&settings.audience]);
        let data = jsonwebtoken::decode::<Claims>(token, &key, &validation)
            .map_err(|err| AuthError::Invalid(err.to_string()))?;
        let claims = data.claims;
        let now = chrono::Utc::now().timestamp();
        if claims.iat > now + settings.leeway_seconds as i64 {
            return Err(AuthError::Invalid("issued in the future".to_owned()));
        }
        if claims.sub.trim().is_empty() {
            return Err(AuthError::Invalid("empty sub".to_owned()));
        }
        let grants = grants_of(&claims.sub, claims.rest.get(&settings.roles_claim))?;
        let mut principal = Principal::with_grants(claims.sub, grants);
        principal.name = claims.name;
        principal.expires_at = Some(claims.exp);
        Ok(principal)
    }
}

/// Reads the header JSON ourselves: jsonwebtoken does not expose `crit`, and `typ` is ours
/// to pin.
fn check_raw_header(token: &str) -> Result<(), AuthError> {
    let encoded = token
        .split('.')
        .next()
        .ok_or(AuthError::Header("not a JWT"))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(encoded)
        .map_err(|_| AuthError::Header("header is not base64url"))?;
    let header: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&bytes)
        .map_err(|_| AuthError::Header("header is not a JSON object"))?;
    if header.contains_key("crit") {
        return Err(AuthError::Header("crit is not supported"));
    }
    match header.get("typ") {
        None => Ok(()),
        Some(serde_json::Value::String(typ))
            if ["jwt", "at+jwt", "application/at+jwt"]
                .contains(&typ.to_ascii_lowercase().as_str()) =>
        {
            Ok(())
        }
        Some(_) => Err(AuthError::Header("unexpected typ")),
    }
}

/// The grants in the roles claim. Unknown or malformed roles are logged and skipped; a
/// claim that is not a list of strings makes the token invalid.
fn grants_of(subject: &str, claim: Option<&serde_json::Value>) -> Result<Vec<Grant>, AuthError> {
    let Some(claim) = claim else {
        return Ok(Vec::new());
    };
    let items = claim
        .as_array()
        .ok_or_else(|| AuthError::Invalid("roles must be a list".to_owned()))?;
    let mut grants = Vec::with_capacity(items.len());
    for item in items {
        let text = item
            .as_str()
            .ok_or_else(|| AuthError::Invalid("roles must be strings".to_owned()))?;
        match Grant::parse(text) {
            Some(grant) => grants.push(grant),
            None => {
                tracing::warn!(subject, role = %text.chars().take(64).collect::<String>(), "ignored an unknown role")
            }
        }
    }
    Ok(grants)
}

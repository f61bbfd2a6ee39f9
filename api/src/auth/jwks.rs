//! The identity provider's keys (JWKS), from a file or a URL: cached, and refreshed when a
//! token names an unknown `kid` — never more than once per interval.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey};
use tokio::sync::Mutex;

/// Shortest time between two refreshes.
const MIN_REFRESH_INTERVAL: Duration = Duration::from_secs(60);

/// Where the keys come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwksSource {
    /// A JSON file.
    File(PathBuf),
    /// An `http(s)://` URL.
    Url(String),
}

struct State {
    keys: HashMap<String, (DecodingKey, Algorithm)>,
    refreshed: Option<Instant>,
}

/// The cache.
pub(super) struct JwksCache {
    source: JwksSource,
    state: Mutex<State>,
}

impl JwksCache {
    pub(super) fn new(source: JwksSource) -> Self {
        Self {
            source,
            state: Mutex::new(State {
                keys: HashMap::new(),
                refreshed: None,
            }),
        }
    }

    /// The key `kid` for `alg`, refreshing once per interval when it is unknown.
    pub(super) async fn key(&self, kid: &str, alg: Algorithm) -> Option<DecodingKey> {
        let mut state = self.state.lock().await;
        if !state.keys.contains_key(kid)
            && state
                .refreshed
                .is_none_or(|at| at.elapsed() >= MIN_REFRESH_INTERVAL)
        {
            state.refreshed = Some(Instant::now());
            match self.fetch().await {
                Ok(keys) => state.keys = keys,
                Err(problem) => tracing::warn!(%problem, "could not refresh the JWKS"),
            }
        }
        state
            .keys
            .get(kid)
            .filter(|(_, key_alg)| *key_alg == alg)
            .map(|(key, _)| key.clone())
    }

    /// Reads the keys now (at start-up): how many usable RS256/ES256 keys with a `kid` the
    /// set holds, or why it cannot be used.
    pub(super) async fn load(&self) -> Result<usize, String> {
        let keys = self.fetch().await?;
        if keys.is_empty() {
            return Err("holds no RS256 or ES256 key with a kid".to_owned());
        }
        let mut state = self.state.lock().await;
        state.refreshed = Some(Instant::now());
        state.keys = keys;
        Ok(state.keys.len())
    }

    async fn fetch(&self) -> Result<HashMap<String, (DecodingKey, Algorithm)>, String> {
        let text = match &self.source {
            JwksSource::File(path) => tokio::fs::read_to_string(path)
                .await
                .map_err(|err| err.to_string())?,
            JwksSource::Url(url) => reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .map_err(|err| err.to_string())?
                .get(url)
                .send()
                .await
                .and_then(|response| response.error_for_status())
                .map_err(|err| err.to_string())?
                .text()
                .await
                .map_err(|err| err.to_string())?,
        };
        let set: JwkSet = serde_json::from_str(&text).map_err(|err| err.to_string())?;
        Ok(set
            .keys
            .iter()
            .filter_map(|jwk| {
                let kid = jwk.common.key_id.clone()?;
                let alg = match (&jwk.algorithm, jwk.common.key_algorithm) {
                    (AlgorithmParameters::RSA(_), None | Some(KeyAlgorithm::RS256)) => {
                        Algorithm::RS256
                    }
                    (AlgorithmParameters::EllipticCurve(ec), None | Some(KeyAlgorithm::ES256))
                        if ec.curve == EllipticCurve::P256 =>
                    {
                        Algorithm::ES256
                    }
                    _ => return None,
                };
                DecodingKey::from_jwk(jwk).ok().map(|key| (kid, (key, alg)))
            })
            .collect())
    }
}

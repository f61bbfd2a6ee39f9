//! Authentication settings from `WIJKGRAPH_*` variables, and the development secret.

use std::io::Read;
use std::path::Path;

use super::JwksSource;
use crate::config::ConfigError;

/// Environment variable: `development` (default) or `production`.
pub const ENV_MODE: &str = "WIJKGRAPH_MODE";
/// Environment variable: the HS256 secret (development only).
pub const ENV_JWT_SECRET: &str = "WIJKGRAPH_JWT_SECRET";
/// Environment variable: the identity provider's JWKS, a file path or an http(s) URL.
pub const ENV_JWKS: &str = "WIJKGRAPH_JWKS";
/// Environment variable: the required `iss`.
pub const ENV_ISSUER: &str = "WIJKGRAPH_JWT_ISSUER";
/// Environment variable: the required `aud`.
pub const ENV_AUDIENCE: &str = "WIJKGRAPH_JWT_AUDIENCE";
/// Environment variable: clock-skew leeway in seconds (0–300).
pub const ENV_LEEWAY: &str = "WIJKGRAPH_JWT_LEEWAY";
/// Environment variable: the claim holding the role grants.
pub const ENV_ROLES_CLAIM: &str = "WIJKGRAPH_ROLES_CLAIM";
/// File in the data folder holding the generated development secret.
pub const DEV_SECRET_FILE: &str = "jwt-dev-secret";

/// Development serves introspection and suggestions to everyone and accepts HS256;
/// production does neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Local development and demos.
    Development,
    /// A real deployment.
    Production,
}

/// How tokens are verified.
#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// The mode.
    pub mode: Mode,
    /// HS256 secret, development only. Never logged: its `Debug` is redacted.
    pub hs256_secret: Option<Secret>,
    /// Where the identity provider's keys are.
    pub jwks: Option<JwksSource>,
    /// The required issuer.
    pub issuer: String,
    /// The required audience.
    pub audience: String,
    /// Leeway for `exp`, `nbf` and `iat`, in seconds.
    pub leeway_seconds: u64,
    /// Name of the roles claim.
    pub roles_claim: String,
}

impl AuthSettings {
    /// Reads the settings. In development with neither a secret nor a JWKS configured, the
    /// secret is read from (or generated into) `data_dir`.
    pub fn from_lookup(
        env: impl Fn(&str) -> Option<String>,
        data_dir: &Path,
    ) -> Result<Self, ConfigError> {
        let mode = match env(ENV_MODE).as_deref().map(str::trim) {
            None | Some("") | Some("development") => Mode::Development,
            Some("production") => Mode::Production,
            Some(other) => {
                return Err(ConfigError::new(
                    ENV_MODE,
                    format!("'{other}' is neither development nor production"),
                ));
            }
        };
        let jwks = match env(ENV_JWKS)
            .map(|value| value.trim().to_owned())
            .filter(|v| !v.is_empty())
        {
            None => None,
            Some(url) if url.starts_with("https://") => Some(JwksSource::Url(url)),
            // Plain http only to this machine: elsewhere the keys could be swapped in
            // transit.
            Some(url) if url.starts_with("http://") => {
                if !is_loopback_url(&url) {
                    return Err(ConfigError::new(
                        ENV_JWKS,
                        "a JWKS URL must be https (http only for 127.0.0.1, [::1] or localhost)",
                    ));
                }
                Some(JwksSource::Url(url))
            }
            Some(path) => Some(JwksSource::File(path.into())),
        };
        let configured_secret = env(ENV_JWT_SECRET).filter(|secret| !secret.is_empty());
        if let Some(secret) = &configured_secret {
            if mode == Mode::Production {
                return Err(ConfigError::new(
                    ENV_JWT_SECRET,
                    "HS256 secrets are for development; production verifies with WIJKGRAPH_JWKS",
                ));
            }
            if secret.len() < 32 {
                return Err(ConfigError::new(
                    ENV_JWT_SECRET,
                    "must be at least 32 characters",
                ));
            }
        }
        let hs256_secret = match (configured_secret, &jwks, mode) {
            (Some(secret), _, _) => Some(Secret(secret)),
            (None, None, Mode::Development) => Some(Secret(load_or_create_dev_secret(data_dir)?)),
            (None, None, Mode::Production) => {
                return Err(ConfigError::new(
                    ENV_JWKS,
                    "production needs the identity provider's JWKS (a file path or URL)",
                ));
            }
            (None, Some(_), _) => None,
        };
        let leeway_seconds = match env(ENV_LEEWAY) {
            None => 30,
            Some(raw) => raw
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|seconds| *seconds <= 300)
                .ok_or_else(|| {
                    ConfigError::new(
                        ENV_LEEWAY,
                        format!("'{raw}' is not a number of seconds from 0 to 300"),
                    )
                })?,
        };
        let text = |name: &str, default: &str| {
            env(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        Ok(Self {
            mode,
            hs256_secret,
            jwks,
            issuer: text(ENV_ISSUER, "wijkgraph-dev"),
            audience: text(ENV_AUDIENCE, "wijkgraph"),
            leeway_seconds,
            roles_claim: text(ENV_ROLES_CLAIM, "roles"),
        })
    }
}

/// Whether an `http://` URL's host is this machine.
fn is_loopback_url(url: &str) -> bool {
    let rest = url.trim_start_matches("http://");
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match authority.rsplit_once('@') {
        Some((_, host)) => host,
        None => authority,
    };
    let host = if let Some(bracketed) = host.strip_prefix('[') {
        bracketed.split(']').next().unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A secret: its text is read with [`Secret::expose`] and never shown by `Debug`, so a
/// settings struct can be logged whole.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The secret's text, for signing and verifying.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// Reads the development secret from the data folder, generating it on first use.
pub fn load_or_create_dev_secret(data_dir: &Path) -> Result<String, ConfigError> {
    let path = data_dir.join(DEV_SECRET_FILE);
    let problem = |what: &str, err: std::io::Error| {
        ConfigError::new(
            "WIJKGRAPH_DATA_DIR",
            format!("{what} {}: {err}", path.display()),
        )
    };
    match std::fs::read_to_string(&path) {
        Ok(secret) if secret.trim().len() >= 32 => return Ok(secret.trim().to_owned()),
        Ok(_) => {
            return Err(ConfigError::new(
                "WIJKGRAPH_DATA_DIR",
                format!(
                    "{} holds no usable secret; delete it to generate a new one",
                    path.display()
                ),
            ));
        }
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            return Err(problem("cannot read", err));
        }
        Err(_) => {}
    }
    std::fs::create_dir_all(data_dir)
        .map_err(|err| problem("cannot create the folder for", err))?;
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut bytes))
        .map_err(|err| problem("no randomness to generate", err))?;
    let secret: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    write_private(&path, &secret).map_err(|err| problem("cannot write", err))?;
    tracing::warn!(path = %path.display(), "generated a development JWT secret; make a token with: wijkgraph token --role admin");
    Ok(secret)
}

#[cfg(unix)]
fn write_private(path: &Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(secret.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, secret: &str) -> std::io::Result<()> {
    std::fs::write(path, secret)
}

#[cfg(test)]
mod tests;

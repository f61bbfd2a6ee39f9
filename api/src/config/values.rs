//! How one setting's text becomes a value, or an error that names the setting.

use super::parts::ConfigError;

/// A `true`/`false` setting; unset or empty is `false`.
pub(super) fn flag(env: &impl Fn(&str) -> Option<String>, name: &str) -> Result<bool, ConfigError> {
    match env(name).as_deref().map(str::trim) {
        None | Some("") | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(ConfigError::new(
            name,
            format!("'{other}' is not true or false"),
        )),
    }
}

/// One of `allowed` (exactly as spelled there), or `default` when unset or empty.
pub(super) fn one_of(
    env: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: &'static str,
    allowed: &[&'static str],
) -> Result<&'static str, ConfigError> {
    match env(name).as_deref().map(str::trim) {
        None | Some("") => Ok(default),
        Some(raw) => allowed
            .iter()
            .find(|value| **value == raw)
            .copied()
            .ok_or_else(|| {
                ConfigError::new(
                    name,
                    format!("'{raw}' is not one of {}", allowed.join(", ")),
                )
            }),
    }
}

/// A [`bounded`] number of seconds, as a duration.
pub(super) fn seconds(
    env: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<std::time::Duration, ConfigError> {
    Ok(std::time::Duration::from_secs(
        bounded(env, name, default, range)? as u64,
    ))
}

/// A whole number from the environment within `range`, or the default.
pub(super) fn bounded(
    env: &impl Fn(&str) -> Option<String>,
    name: &str,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ConfigError> {
    match env(name) {
        None => Ok(default),
        Some(raw) => raw
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                ConfigError::new(
                    name,
                    format!(
                        "'{raw}' is not a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                )
            }),
    }
}

/// A database URL of an engine wijkgraph runs on; the error names `setting`, never the
/// URL (it may hold a password).
pub(super) fn parse_database_url(setting: &str, url: String) -> Result<String, ConfigError> {
    let url = url.trim().to_owned();
    let known = ["sqlite:", "postgres://", "postgresql://"];
    if known.iter().any(|scheme| url.starts_with(scheme)) {
        Ok(url)
    } else {
        // The value may hold a password: name the setting, never echo the URL.
        Err(ConfigError::new(
            setting,
            "must start with sqlite:, postgres:// or postgresql://",
        ))
    }
}

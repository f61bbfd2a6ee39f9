//! What an operator sees of each request: its id (taken from `x-request-id` or
//! `traceparent`, or made up, and echoed in the response), one access-log line, and log
//! lines as text or JSON.

use axum::http::HeaderMap;

use crate::config::{ConfigError, ENV_LOG, LogFormat};

/// The response (and request) header carrying the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Longest request id taken from a client.
const MAX_REQUEST_ID: usize = 128;

/// The request's id: the caller's `x-request-id` when it is 1–128 visible ASCII characters
/// without spaces, else the trace id of a valid W3C `traceparent`, else 32 random hex digits.
pub fn request_id(headers: &HeaderMap) -> String {
    let given = headers
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|id| {
            !id.is_empty() && id.len() <= MAX_REQUEST_ID && id.bytes().all(|b| b.is_ascii_graphic())
        });
    if let Some(id) = given {
        return id.to_owned();
    }
    if let Some(trace) = headers
        .get("traceparent")
        .and_then(|value| value.to_str().ok())
        .and_then(trace_id)
    {
        return trace.to_owned();
    }
    format!("{:032x}", fastrand::u128(..))
}

/// The trace id of a `traceparent` header (`00-<32 hex>-<16 hex>-<2 hex>`), unless it is
/// malformed or all zeros.
fn trace_id(traceparent: &str) -> Option<&str> {
    let mut parts = traceparent.trim().split('-');
    let (version, trace, parent, flags) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let hex = |part: &str, len: usize| {
        part.len() == len
            && part
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    let valid = hex(version, 2)
        && version != "ff"
        && hex(trace, 32)
        && hex(parent, 16)
        && hex(flags, 2)
        && trace.bytes().any(|b| b != b'0');
    valid.then_some(trace)
}

/// Sets up logging from `WIJKGRAPH_LOG` (the filter, default `info`) and
/// `WIJKGRAPH_LOG_FORMAT`; a bad value is refused, naming the setting. Colour only on a
/// terminal.
pub fn init_logging(env: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
    let filter = match env(ENV_LOG) {
        Some(text) if !text.trim().is_empty() => tracing_subscriber::EnvFilter::try_new(
            text.trim(),
        )
        .map_err(|err| {
            ConfigError::new(
                ENV_LOG,
                format!(
                    "'{}' is not a log filter ({err}); expected e.g. info or wijkgraph=debug,warn",
                    text.trim()
                ),
            )
        })?,
        _ => tracing_subscriber::EnvFilter::new("info"),
    };
    let format = LogFormat::from_lookup(&env)?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
        LogFormat::Text => builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init(),
    }
    Ok(())
}

#[cfg(test)]
mod tests;

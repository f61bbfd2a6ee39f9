//! Cross-origin access for browsers: the CORS layer built from the settings.

use axum::http::{HeaderValue, Method, header};

/// The CORS layer for `settings`, or `None` when no origin is allowed. Preflights are
/// answered for GET and POST with the headers a GraphQL client sends; the request id,
/// `Retry-After` and `WWW-Authenticate` are readable by the page.
pub fn cors_layer(settings: &crate::config::CorsSettings) -> Option<tower_http::cors::CorsLayer> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let origins: Vec<HeaderValue> = settings
        .origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    let request_id = header::HeaderName::from_static(crate::observe::REQUEST_ID_HEADER);
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::ACCEPT,
                request_id.clone(),
            ])
            .expose_headers([request_id, header::RETRY_AFTER, header::WWW_AUTHENTICATE])
            .allow_credentials(settings.credentials)
            .max_age(std::time::Duration::from_secs(600)),
    )
}

//! The one error type of the service. Each variant is an outcome a client can act on, and
//! becomes a GraphQL error with a stable `extensions.code`. Database and other internal
//! failures are logged with an error id and reach the client only as `INTERNAL`.

use async_graphql::ErrorExtensions;

/// A failure as the client sees it.
///
/// Deliberately not `Display`: async-graphql converts any `Display` error into a bare
/// message, which would drop the code; this type converts only through its own `From`.
#[derive(Debug)]
pub enum ApiError {
    /// An input value is wrong; `field` names it the way the client wrote it.
    BadUserInput {
        /// The argument or input field, e.g. `filter.year` or `id`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// No such object, or one the caller may not see: the two are indistinguishable.
    NotFound(&'static str),
    /// Something failed inside the service; details are only in the log.
    Internal(anyhow::Error),
}

impl ApiError {
    /// A bad input value.
    pub fn bad_input(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::BadUserInput {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The message the client reads; never internals.
    pub fn message(&self) -> String {
        match self {
            ApiError::BadUserInput { field, message } => format!("{field}: {message}"),
            ApiError::NotFound(what) => format!("{what} not found"),
            ApiError::Internal(_) => "internal error".to_owned(),
        }
    }

    /// The stable code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadUserInput { .. } => "BAD_USER_INPUT",
            ApiError::NotFound(_) => "NOT_FOUND",
            ApiError::Internal(_) => "INTERNAL",
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApiError::Internal(err.into())
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(err: ApiError) -> Self {
        let code = err.code();
        match &err {
            ApiError::Internal(source) => {
                let error_id = next_error_id();
                tracing::error!(error_id, error = ?source, "internal error");
                async_graphql::Error::new("internal error").extend_with(|_, ext| {
                    ext.set("code", code);
                    ext.set("errorId", error_id);
                })
            }
            ApiError::BadUserInput { field, .. } => {
                let field = field.clone();
                async_graphql::Error::new(err.message()).extend_with(|_, ext| {
                    ext.set("code", code);
                    ext.set("field", field);
                })
            }
            ApiError::NotFound(_) => {
                async_graphql::Error::new(err.message()).extend_with(|_, ext| ext.set("code", code))
            }
        }
    }
}

/// A process-unique id that ties a client's `INTERNAL` error to its log line.
fn next_error_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Result type of the service layer.
pub type ApiResult<T> = Result<T, ApiError>;

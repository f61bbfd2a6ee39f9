//! The one error type of the service. Each variant is an outcome a client can act on, and
//! becomes a GraphQL error with a stable `extensions.code`. Database and other internal
//! failures are logged with an error id and reach the client only as `INTERNAL`.

use async_graphql::{ErrorExtensionValues, Value};

/// A failure as the client sees it.
///
/// Deliberately not `Display`: async-graphql converts any `Display` error into a bare
/// message, which would drop the code; this type converts only through its own `From`.
#[derive(Debug)]
pub enum ApiError {
    /// An input value is wrong; `field` names it the way the client wrote it.
    BadUserInput {
        /// The argument or input field, e.g. `filter.year` or `input.title`.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The step needs a signed-in caller.
    Unauthenticated,
    /// No such object, or one the caller may not see: the two are indistinguishable.
    NotFound(&'static str),
    /// The caller sees the object but may not do this to it.
    Forbidden(String),
    /// `expectedVersion` is stale; the object is now at `current`.
    Conflict {
        /// The object's version now.
        current: i32,
    },
    /// The object's state does not allow this step.
    InvalidTransition {
        /// The status it is in.
        current: String,
        /// What was attempted.
        attempted: &'static str,
    },
    /// The object is not complete enough for this step; `gaps` lists what is missing.
    Incomplete {
        /// Per item (a global id), the fields it lacks.
        gaps: Vec<(String, Vec<&'static str>)>,
    },
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
            ApiError::Unauthenticated => "sign in: this step needs a token".to_owned(),
            ApiError::NotFound(what) => format!("{what} not found"),
            ApiError::Forbidden(why) => format!("forbidden: {why}"),
            ApiError::Conflict { current } => {
                format!("the object changed meanwhile; it is now at version {current}")
            }
            ApiError::InvalidTransition { current, attempted } => {
                format!("cannot {attempted} while the status is {current}")
            }
            ApiError::Incomplete { gaps } => format!("{} item(s) lack required fields", gaps.len()),
            ApiError::Internal(_) => "internal error".to_owned(),
        }
    }

    /// The stable code clients branch on.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadUserInput { .. } => "BAD_USER_INPUT",
            ApiError::Unauthenticated => "UNAUTHENTICATED",
            ApiError::NotFound(_) => "NOT_FOUND",
            ApiError::Forbidden(_) => "FORBIDDEN",
            ApiError::Conflict { .. } => "CONFLICT",
            ApiError::InvalidTransition { .. } => "INVALID_TRANSITION",
            ApiError::Incomplete { .. } => "INCOMPLETE",
            ApiError::Internal(_) => "INTERNAL",
        }
    }

    /// The extensions beside the code.
    fn details(&self, ext: &mut ErrorExtensionValues) {
        match self {
            ApiError::BadUserInput { field, .. } => ext.set("field", field.as_str()),
            ApiError::Conflict { current } => ext.set("currentVersion", *current),
            ApiError::InvalidTransition { current, .. } => {
                ext.set("currentStatus", current.as_str())
            }
            ApiError::Incomplete { gaps } => {
                let gaps = gaps
                    .iter()
                    .map(|(item, missing)| {
                        let missing = missing.iter().map(|field| Value::from(*field)).collect();
                        let mut gap = async_graphql::indexmap::IndexMap::new();
                        gap.insert(async_graphql::Name::new("item"), Value::from(item.as_str()));
                        gap.insert(async_graphql::Name::new("missing"), Value::List(missing));
                        Value::Object(gap)
                    })
                    .collect();
                ext.set("gaps", Value::List(gaps));
            }
            ApiError::Internal(source) => {
                let error_id = next_error_id();
                tracing::error!(error_id, error = ?source, "internal error");
                ext.set("errorId", error_id);
            }
            ApiError::Unauthenticated | ApiError::NotFound(_) | ApiError::Forbidden(_) => {}
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
        let mut extensions = ErrorExtensionValues::default();
        extensions.set("code", err.code());
        err.details(&mut extensions);
        let mut error = async_graphql::Error::new(err.message());
        error.extensions = Some(extensions);
        error
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

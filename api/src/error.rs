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
    /// An input value is wrong; `field` names it the way the client wrote it. A domain step
    /// names its own parameter instead (`to_line_id`, `waivers.0.reason`), and the mutation
    /// edge turns that into the input field (`input.toLineId`) with [`ApiError::at_input`].
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
    /// The database cannot be reached or the pool has no connection to give in time; the
    /// client may retry shortly (HTTP 503 with `Retry-After`).
    Unavailable(anyhow::Error),
    /// The request ran past its time limit (a statement timeout, or the request timeout).
    Timeout,
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

    /// A domain step's error as a mutation's caller sees it: the step's parameter
    /// (`to_line_id`) becomes the field of the mutation's input (`input.toLineId`). Other
    /// errors pass unchanged.
    pub fn at_input(self) -> Self {
        match self {
            Self::BadUserInput { field, message } => Self::BadUserInput {
                field: format!("input.{}", lower_camel(&field)),
                message,
            },
            other => other,
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
            ApiError::Unavailable(_) => {
                "the database is not available; retry in a moment".to_owned()
            }
            ApiError::Timeout => "the request took too long and was stopped".to_owned(),
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
            ApiError::Unavailable(_) => "UNAVAILABLE",
            ApiError::Timeout => "TIMEOUT",
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
            ApiError::Internal(_) => {
                // Logged by the HTTP layer, once per id, with the field's path (see
                // `Failure`).
                ext.set("errorId", next_error_id());
            }
            ApiError::Unavailable(source) => {
                tracing::warn!(error = format!("{source:#}"), "database unavailable");
            }
            ApiError::Unauthenticated
            | ApiError::NotFound(_)
            | ApiError::Forbidden(_)
            | ApiError::Timeout => {}
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    /// A lost or unreachable database is `UNAVAILABLE`, a cancelled statement `TIMEOUT`, a
    /// unique index's refusal `BAD_USER_INPUT` naming the field, as the check in code
    /// before it would have ([`crate::domain::unique`]); the rest is `INTERNAL`.
    fn from(err: sea_orm::DbErr) -> Self {
        match classify(&err) {
            DbFailure::Unreachable => ApiError::Unavailable(err.into()),
            DbFailure::Cancelled => ApiError::Timeout,
            DbFailure::Unique(message) => match crate::domain::unique::field_of(&message) {
                Some((field, what)) => ApiError::bad_input(field, what),
                None => ApiError::Internal(err.into()),
            },
            DbFailure::Other => ApiError::Internal(err.into()),
        }
    }
}

/// What kind of database failure an error is.
enum DbFailure {
    /// No connection to be had, or the one in use broke.
    Unreachable,
    /// The server cancelled the statement (PostgreSQL's `statement_timeout`).
    Cancelled,
    /// A unique index refused a row; the database's message names the index or columns.
    Unique(String),
    /// Anything else.
    Other,
}

/// An error outside any field, with its `extensions.code`: a request refused before it
/// runs.
pub fn request_error(code: &str, message: impl Into<String>) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", code);
    error.extensions = Some(extensions);
    error
}

fn classify(err: &sea_orm::DbErr) -> DbFailure {
    use sea_orm::sqlx::Error as Sqlx;
    use sea_orm::{DbErr, RuntimeErr};
    let sqlx = match err {
        DbErr::ConnectionAcquire(_) => return DbFailure::Unreachable,
        DbErr::Conn(RuntimeErr::SqlxError(sqlx))
        | DbErr::Exec(RuntimeErr::SqlxError(sqlx))
        | DbErr::Query(RuntimeErr::SqlxError(sqlx)) => sqlx,
        DbErr::Conn(_) => return DbFailure::Unreachable,
        _ => return DbFailure::Other,
    };
    match sqlx.as_ref() {
        Sqlx::Io(_)
        | Sqlx::Tls(_)
        | Sqlx::PoolTimedOut
        | Sqlx::PoolClosed
        | Sqlx::WorkerCrashed
        | Sqlx::Protocol(_) => DbFailure::Unreachable,
        Sqlx::Database(database) => {
            let code = database.code().unwrap_or_default();
            match code.as_ref() {
                // PostgreSQL: query_canceled (the statement timeout).
                "57014" => DbFailure::Cancelled,
                // PostgreSQL: the server is shutting down or starting, too many
                // connections; SQLite: the file stayed locked (SQLITE_BUSY, SQLITE_LOCKED).
                "57P01" | "57P02" | "57P03" | "53300" | "5" | "6" => DbFailure::Unreachable,
                // PostgreSQL class 08: connection exceptions.
                code if code.starts_with("08") => DbFailure::Unreachable,
                _ if matches!(
                    database.kind(),
                    sea_orm::sqlx::error::ErrorKind::UniqueViolation
                ) =>
                {
                    DbFailure::Unique(
                        database
                            .constraint()
                            .map(str::to_owned)
                            .unwrap_or_else(|| database.message().to_owned()),
                    )
                }
                _ => DbFailure::Other,
            }
        }
        _ => DbFailure::Other,
    }
}

/// `snake_case` segments of a dotted path in lowerCamelCase, as GraphQL names fields:
/// `waivers.0.item_id` becomes `waivers.0.itemId`.
fn lower_camel(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut upper = false;
    for c in path.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl From<ApiError> for async_graphql::Error {
    fn from(err: ApiError) -> Self {
        let mut extensions = ErrorExtensionValues::default();
        extensions.set("code", err.code());
        err.details(&mut extensions);
        let mut error = async_graphql::Error::new(err.message());
        error.extensions = Some(extensions);
        if let ApiError::Internal(source) = &err {
            error.source = Some(std::sync::Arc::new(Failure(format!("{source:#}"))));
        }
        error
    }
}

/// What failed inside the service, with the context of each step (the error chain): the
/// source of an `INTERNAL` error, logged by the HTTP layer with the error id, the field's
/// path and the request id, and never sent to the client.
#[derive(Debug)]
pub struct Failure(pub String);

/// A process-unique id that ties a client's `INTERNAL` error to its log line.
pub(crate) fn next_error_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Result type of the service layer.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests;

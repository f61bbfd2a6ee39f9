//! Rows of the entities large pages read most (commitments, actions) decoded straight from
//! the database's answer, column by column as the statement returned them.
//!
//! Two reasons. sea-orm's derived decoding resolves each column by name through two
//! layers and writes an error message for every NULL it meets before turning it into
//! `None`: a quarter of the process's time on a page of 100 commitments, measured with
//! `perf`. And a page reads only the columns its query selects (a projection, see
//! `Page::columns`): a column the statement did not return keeps its placeholder here.
//! What the GraphQL fields read is declared next to them, and a test compares every field
//! read alone with the same field read with all the others.
//!
//! For every other entity, rows decode through sea-orm (every column).

use entity::{action, commitment};
use sea_orm::sqlx::postgres::{PgRow, Postgres};
use sea_orm::sqlx::sqlite::{Sqlite, SqliteRow};
use sea_orm::sqlx::{Column as _, Decode, Row as _, Type};
use sea_orm::{ActiveEnum, DbErr, FromQueryResult, QueryResult};

/// A value one cell can hold, on both engines.
trait Cell: Sized {
    fn from_pg(row: &PgRow, index: usize) -> Result<Self, sea_orm::sqlx::Error>;
    fn from_sqlite(row: &SqliteRow, index: usize) -> Result<Self, sea_orm::sqlx::Error>;
}

impl<T> Cell for T
where
    T: for<'r> Decode<'r, Postgres> + Type<Postgres> + for<'r> Decode<'r, Sqlite> + Type<Sqlite>,
{
    fn from_pg(row: &PgRow, index: usize) -> Result<Self, sea_orm::sqlx::Error> {
        row.try_get(index)
    }
    fn from_sqlite(row: &SqliteRow, index: usize) -> Result<Self, sea_orm::sqlx::Error> {
        row.try_get(index)
    }
}

/// One row of either engine.
enum Cells<'r> {
    Pg(&'r PgRow),
    Sqlite(&'r SqliteRow),
}

impl<'r> Cells<'r> {
    fn of(row: &'r QueryResult) -> Option<Self> {
        row.try_as_pg_row()
            .map(Cells::Pg)
            .or_else(|| row.try_as_sqlite_row().map(Cells::Sqlite))
    }

    /// The row's column names, in the statement's order.
    fn names(&self) -> Vec<&'r str> {
        match self {
            Cells::Pg(row) => row.columns().iter().map(|c| c.name()).collect(),
            Cells::Sqlite(row) => row.columns().iter().map(|c| c.name()).collect(),
        }
    }

    /// Column `index` (named `name`) as a `T` (an `Option` for a nullable column).
    fn value<T: Cell>(&self, index: usize, name: &str) -> Result<T, DbErr> {
        match self {
            Cells::Pg(row) => T::from_pg(row, index),
            Cells::Sqlite(row) => T::from_sqlite(row, index),
        }
        .map_err(|error| DbErr::Type(format!("column {name}: {error}")))
    }

    /// Column `index`, stored as its enumeration's text.
    fn choice<E: ActiveEnum<Value = String>>(&self, index: usize, name: &str) -> Result<E, DbErr> {
        E::try_from_value(&self.value::<String>(index, name)?)
    }

    /// Nullable column `index`, stored as its enumeration's text.
    fn optional_choice<E: ActiveEnum<Value = String>>(
        &self,
        index: usize,
        name: &str,
    ) -> Result<Option<E>, DbErr> {
        self.value::<Option<String>>(index, name)?
            .map(|text| E::try_from_value(&text))
            .transpose()
    }
}

/// The epoch: the placeholder of a time column a statement did not read.
fn unread_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::UNIX_EPOCH
}

/// Decodes the columns a row holds into a model that starts from placeholders; columns
/// of other names (a nested read's parent or row number) are skipped.
macro_rules! decode_columns {
    ($row:expr, $model:ident, { $($name:ident: $how:ident),* $(,)? }) => {{
        let cells = $row;
        for (index, name) in cells.names().into_iter().enumerate() {
            match name {
                $(stringify!($name) => $model.$name = cells.$how(index, name)?,)*
                _ => {}
            }
        }
        Ok($model)
    }};
}

/// A commitment row; columns the statement did not read keep placeholders.
pub fn commitment(row: &QueryResult) -> Result<commitment::Model, DbErr> {
    let Some(cells) = Cells::of(row) else {
        return commitment::Model::from_query_result(row, "");
    };
    let mut model = commitment::Model {
        id: 0,
        action_id: 0,
        cluster_id: 0,
        status: entity::enums::CommitmentStatus::Requested,
        kind: entity::enums::CommitmentKind::New,
        hours_centi: None,
        amount_cents: None,
        budget_line_id: None,
        reason: None,
        response_deadline: unread_time(),
        requested_by: String::new(),
        requested_at: unread_time(),
        answered_by: None,
        answered_at: None,
        version: 0,
        updated_at: unread_time(),
        question: None,
        hours_asked_centi: None,
        amount_asked_cents: None,
    };
    decode_columns!(cells, model, {
        id: value,
        action_id: value,
        cluster_id: value,
        status: choice,
        kind: choice,
        hours_centi: value,
        amount_cents: value,
        budget_line_id: value,
        reason: value,
        response_deadline: value,
        requested_by: value,
        requested_at: value,
        answered_by: value,
        answered_at: value,
        version: value,
        updated_at: value,
        question: value,
        hours_asked_centi: value,
        amount_asked_cents: value,
    })
}

/// An action row; columns the statement did not read keep placeholders.
pub fn action(row: &QueryResult) -> Result<action::Model, DbErr> {
    let Some(cells) = Cells::of(row) else {
        return action::Model::from_query_result(row, "");
    };
    let mut model = action::Model {
        id: 0,
        priority_id: 0,
        description: String::new(),
        lead_cluster_id: None,
        responsible_person: None,
        measurable_target: None,
        deadline: None,
        status: entity::enums::ActionStatus::NotStarted,
        progress_percent: 0,
        traffic_light: entity::enums::TrafficLight::Green,
        proposed_by_cluster_id: None,
        lead_position: None,
        dropped_at: None,
        drop_reason: None,
        version: 0,
        created_at: unread_time(),
        updated_at: unread_time(),
    };
    decode_columns!(cells, model, {
        id: value,
        priority_id: value,
        description: value,
        lead_cluster_id: value,
        responsible_person: value,
        measurable_target: value,
        deadline: value,
        status: choice,
        progress_percent: value,
        traffic_light: choice,
        proposed_by_cluster_id: value,
        lead_position: optional_choice,
        dropped_at: value,
        drop_reason: value,
        version: value,
        created_at: value,
        updated_at: value,
    })
}

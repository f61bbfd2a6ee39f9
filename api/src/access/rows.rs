//! Rows of the entities large pages read most (plans, priorities, actions, commitments)
//! decoded straight from the database's answer, column by column as the statement returned
//! them.
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

use entity::enums::{
    ActionStatus, CityAlignment, CommitmentKind, CommitmentStatus, PlanKind, PlanStatus,
    TrafficLight,
};
use entity::{action, commitment, plan, priority};
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

    /// How many columns the row holds.
    fn len(&self) -> usize {
        match self {
            Cells::Pg(row) => row.len(),
            Cells::Sqlite(row) => row.len(),
        }
    }

    /// The name of column `index`, in the statement's order (empty past the last).
    fn name(&self, index: usize) -> &'r str {
        match self {
            Cells::Pg(row) => row.columns().get(index).map_or("", |c| c.name()),
            Cells::Sqlite(row) => row.columns().get(index).map_or("", |c| c.name()),
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

/// Declares a row decoder: each field of the model, how its column decodes (`value`, or
/// `choice` / `optional_choice` for an enumeration stored as text) and its placeholder
/// when the statement did not read it. Columns of other names (a nested read's parent or
/// row number) are skipped; rows of an engine other than PostgreSQL and SQLite go
/// through sea-orm.
macro_rules! decoder {
    ($(#[$doc:meta])* $name:ident: $module:ident { $($field:ident: $how:ident = $placeholder:expr),* $(,)? }) => {
        $(#[$doc])*
        pub fn $name(row: &QueryResult) -> Result<$module::Model, DbErr> {
            let Some(cells) = Cells::of(row) else {
                return $module::Model::from_query_result(row, "");
            };
            let mut model = $module::Model { $($field: $placeholder),* };
            for index in 0..cells.len() {
                let name = cells.name(index);
                match name {
                    $(stringify!($field) => model.$field = cells.$how(index, name)?,)*
                    _ => {}
                }
            }
            Ok(model)
        }
    };
}

decoder!(
    /// A plan row; columns the statement did not read keep placeholders.
    plan: plan {
        id: value = 0,
        kind: choice = PlanKind::AreaPlan,
        title: value = String::new(),
        area_id: value = 0,
        neighbourhood_id: value = None,
        cluster_id: value = None,
        year_from: value = 0,
        year_to: value = 0,
        status: choice = PlanStatus::Draft,
        parent_plan_id: value = None,
        superseded_by_id: value = None,
        adopted_at: value = None,
        version: value = 0,
        created_at: value = unread_time(),
        updated_at: value = unread_time(),
    }
);

decoder!(
    /// A priority row; columns the statement did not read keep placeholders.
    priority: priority {
        id: value = 0,
        plan_id: value = 0,
        rank: value = None,
        title: value = String::new(),
        description: value = String::new(),
        theme: value = None,
        city_programme_id: value = None,
        city_alignment: choice = CityAlignment::Unassessed,
        dropped_at: value = None,
        drop_reason: value = None,
        version: value = 0,
        created_at: value = unread_time(),
        updated_at: value = unread_time(),
    }
);

decoder!(
    /// An action row; columns the statement did not read keep placeholders.
    action: action {
        id: value = 0,
        priority_id: value = 0,
        description: value = String::new(),
        lead_cluster_id: value = None,
        responsible_person: value = None,
        measurable_target: value = None,
        deadline: value = None,
        status: choice = ActionStatus::NotStarted,
        progress_percent: value = 0,
        traffic_light: choice = TrafficLight::Green,
        proposed_by_cluster_id: value = None,
        lead_position: optional_choice = None,
        dropped_at: value = None,
        drop_reason: value = None,
        version: value = 0,
        created_at: value = unread_time(),
        updated_at: value = unread_time(),
    }
);

decoder!(
    /// A commitment row; columns the statement did not read keep placeholders.
    commitment: commitment {
        id: value = 0,
        action_id: value = 0,
        cluster_id: value = 0,
        status: choice = CommitmentStatus::Requested,
        kind: choice = CommitmentKind::New,
        hours_centi: value = None,
        amount_cents: value = None,
        budget_line_id: value = None,
        reason: value = None,
        response_deadline: value = unread_time(),
        requested_by: value = String::new(),
        requested_at: value = unread_time(),
        answered_by: value = None,
        answered_at: value = None,
        version: value = 0,
        updated_at: value = unread_time(),
        question: value = None,
        hours_asked_centi: value = None,
        amount_asked_cents: value = None,
    }
);

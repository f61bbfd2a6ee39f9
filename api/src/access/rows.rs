//! Rows of the entities large pages read most (commitments, actions) decoded straight from
//! PostgreSQL's answer. sea-orm's derived decoding resolves each column through two layers
//! and writes an error message for every NULL it meets before turning it into `None`: a
//! quarter of the process's time on a page of 100 commitments, measured with `perf`. Here
//! each column is read once through sqlx, a NULL being just `None`. On SQLite, and for every
//! other entity, rows decode through sea-orm as before.

use entity::{action, commitment};
use sea_orm::sqlx::postgres::{PgRow, Postgres};
use sea_orm::sqlx::{Decode, Row as _, Type};
use sea_orm::{ActiveEnum, DbErr, FromQueryResult, QueryResult};

/// The columns of one PostgreSQL row, by name.
struct Columns<'r>(&'r PgRow);

impl Columns<'_> {
    /// Column `name` as a `T` (an `Option` for a nullable column).
    fn value<T>(&self, name: &str) -> Result<T, DbErr>
    where
        T: for<'a> Decode<'a, Postgres> + Type<Postgres>,
    {
        self.0
            .try_get(name)
            .map_err(|error| DbErr::Type(format!("column {name}: {error}")))
    }

    /// Column `name`, stored as its enumeration's text.
    fn choice<E: ActiveEnum<Value = String>>(&self, name: &str) -> Result<E, DbErr> {
        E::try_from_value(&self.value::<String>(name)?)
    }

    /// Nullable column `name`, stored as its enumeration's text.
    fn optional_choice<E: ActiveEnum<Value = String>>(
        &self,
        name: &str,
    ) -> Result<Option<E>, DbErr> {
        self.value::<Option<String>>(name)?
            .map(|text| E::try_from_value(&text))
            .transpose()
    }
}

/// A commitment row.
pub fn commitment(row: &QueryResult) -> Result<commitment::Model, DbErr> {
    let Some(row) = row.try_as_pg_row() else {
        return commitment::Model::from_query_result(row, "");
    };
    let column = Columns(row);
    Ok(commitment::Model {
        id: column.value("id")?,
        action_id: column.value("action_id")?,
        cluster_id: column.value("cluster_id")?,
        status: column.choice("status")?,
        kind: column.choice("kind")?,
        hours_centi: column.value("hours_centi")?,
        amount_cents: column.value("amount_cents")?,
        budget_line_id: column.value("budget_line_id")?,
        reason: column.value("reason")?,
        response_deadline: column.value("response_deadline")?,
        requested_by: column.value("requested_by")?,
        requested_at: column.value("requested_at")?,
        answered_by: column.value("answered_by")?,
        answered_at: column.value("answered_at")?,
        version: column.value("version")?,
        updated_at: column.value("updated_at")?,
        question: column.value("question")?,
        hours_asked_centi: column.value("hours_asked_centi")?,
        amount_asked_cents: column.value("amount_asked_cents")?,
    })
}

/// An action row.
pub fn action(row: &QueryResult) -> Result<action::Model, DbErr> {
    let Some(row) = row.try_as_pg_row() else {
        return action::Model::from_query_result(row, "");
    };
    let column = Columns(row);
    Ok(action::Model {
        id: column.value("id")?,
        priority_id: column.value("priority_id")?,
        description: column.value("description")?,
        lead_cluster_id: column.value("lead_cluster_id")?,
        responsible_person: column.value("responsible_person")?,
        measurable_target: column.value("measurable_target")?,
        deadline: column.value("deadline")?,
        status: column.choice("status")?,
        progress_percent: column.value("progress_percent")?,
        traffic_light: column.choice("traffic_light")?,
        proposed_by_cluster_id: column.value("proposed_by_cluster_id")?,
        lead_position: column.optional_choice("lead_position")?,
        dropped_at: column.value("dropped_at")?,
        drop_reason: column.value("drop_reason")?,
        version: column.value("version")?,
        created_at: column.value("created_at")?,
        updated_at: column.value("updated_at")?,
    })
}

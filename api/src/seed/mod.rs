//! Demo data: the 2016 pilot *wijkgestuurd werken* in Rotterdam.
//! Real area and neighbourhood names, invented people and amounts. Deterministic: every
//! value derives from fixed tables and fixed 2016 dates, and seeding a database that
//! already holds the demo changes nothing.

mod consultation;
mod pilot;
mod pilot_budget;
mod pilot_data;
mod reference;
mod rotterdam;
pub mod synthetic;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use entity::*;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel, PaginatorTrait, TransactionTrait,
};

use crate::access::Scoped;

use reference::reference_data;
pub(crate) use reference::{Reference, unknown};
pub use rotterdam::{AREAS, PILOT_2016};

/// What a seed run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The demo data was written.
    Seeded,
    /// The database already held data; nothing was written.
    AlreadyPresent,
}

/// True when the database holds no areas yet (a fresh database).
pub async fn is_empty(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    Ok(area::Entity::find().count(db).await? == 0)
}

/// Writes the demo data in one transaction, unless the database already holds data.
pub async fn demo(db: &DatabaseConnection) -> Result<SeedOutcome, DbErr> {
    let txn = db.begin().await?;
    if !is_empty(&txn).await? {
        return Ok(SeedOutcome::AlreadyPresent);
    }
    let reference = reference_data(&txn).await?;
    pilot::write(&txn, &reference).await?;
    first_revisions(&txn).await?;
    input_references_and_landings(&txn).await?;
    txn.commit().await?;
    Ok(SeedOutcome::Seeded)
}

/// Each residents' input's public reference, and a dated landing for each linked one.
async fn input_references_and_landings(txn: &DatabaseTransaction) -> Result<(), DbErr> {
    for input in resident_input::Entity::find().all(txn).await? {
        let mut row: resident_input::ActiveModel = input.clone().into();
        row.reference = sea_orm::ActiveValue::Set(Some(crate::domain::resident::reference_of(
            input.id,
            input.received_on,
        )));
        sea_orm::ActiveModelTrait::update(row, txn).await?;
        if let Some(priority_id) = input.priority_id {
            add::<input_landing::ActiveModel>(
                txn,
                input_landing::Model {
                    id: 0,
                    resident_input_id: input.id,
                    priority_id,
                    action_id: input.action_id,
                    linked_by: "neighbourhood_manager".to_owned(),
                    linked_at: at(
                        chrono::Datelike::year(&input.received_on),
                        chrono::Datelike::month(&input.received_on),
                        chrono::Datelike::day(&input.received_on),
                        12,
                    )?,
                    ended_at: None,
                    end_reason: None,
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// Revision 1 of every adopted plan: its content as adopted.
async fn first_revisions(txn: &DatabaseTransaction) -> Result<(), DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let adopted = plan::Entity::find()
        .filter(plan::Column::AdoptedAt.is_not_null())
        .all(txn)
        .await?;
    for plan in adopted {
        crate::domain::revision::record_first(txn, &plan)
            .await
            .map_err(|error| DbErr::Custom(format!("{error:?}")))?;
    }
    Ok(())
}

/// Inserts one row and returns it with its new id.
pub(crate) async fn add<A>(
    txn: &DatabaseTransaction,
    row: <A::Entity as EntityTrait>::Model,
) -> Result<<A::Entity as EntityTrait>::Model, DbErr>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    A::Entity: Scoped,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let mut active: A = row.into_active_model();
    active.not_set(<A::Entity as Scoped>::id_column());
    active.insert(txn).await
}

/// A new priority of `plan_id` titled `title` (its theme too), not yet weighed against the
/// city's programmes, created and last changed `at`; callers set what differs.
pub(crate) fn priority_row(
    plan_id: i32,
    rank: Option<i32>,
    title: &str,
    description: String,
    at: DateTime<Utc>,
) -> priority::Model {
    priority::Model {
        id: 0,
        plan_id,
        rank,
        title: title.to_owned(),
        description,
        theme: Some(title.to_owned()),
        city_programme_id: None,
        city_alignment: entity::enums::CityAlignment::Unassessed,
        dropped_at: None,
        drop_reason: None,
        version: 1,
        created_at: at,
        updated_at: at,
    }
}

/// A fixed calendar date; an error (never a default date) where the seed names a day the
/// calendar does not have.
pub(crate) fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, DbErr> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        DbErr::Custom(format!(
            "the seed names no calendar day {year}-{month}-{day}"
        ))
    })
}

/// A fixed UTC moment, on the hour; an error where the seed names no such moment.
pub(crate) fn at(year: i32, month: u32, day: u32, hour: u32) -> Result<DateTime<Utc>, DbErr> {
    Utc.with_ymd_and_hms(year, month, day, hour, 0, 0)
        .single()
        .ok_or_else(|| {
            DbErr::Custom(format!(
                "the seed names no moment {year}-{month}-{day} {hour}:00 UTC"
            ))
        })
}

#[cfg(test)]
mod tests;

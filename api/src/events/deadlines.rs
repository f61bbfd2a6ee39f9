//! Passed answer deadlines, announced once each: whichever instance finds a deadline
//! first claims it with a row in `deadline_notice` and sends the event.

use std::time::Duration;

use chrono::Utc;
use entity::enums::CommitmentStatus;
use entity::{commitment, deadline_notice};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

use super::{Bus, Event, EventKind};

/// Most deadlines announced per round.
const DEADLINES_PER_ROUND: u64 = 200;

/// How far back a passed deadline is still news: one that passed before (history, or an
/// outage longer than this) is not announced; `overdueCommitments` lists it all the same.
const STILL_NEWS: chrono::TimeDelta = chrono::TimeDelta::days(7);

/// Every `every`, announces the requests whose answer deadline has passed without an
/// answer in the last week: each once, also with several instances on one database.
pub fn announce_deadlines(
    db: DatabaseConnection,
    gate: crate::db::Gate,
    queue: Option<crate::domain::WriteQueue>,
    bus: Bus,
    every: Duration,
) {
    tokio::spawn(async move {
        // The first round after one interval: a starting instance answers requests first.
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(error) = announce_round(&db, &gate, queue.as_ref(), &bus).await {
                tracing::warn!(%error, "could not announce passed deadlines");
            }
        }
    });
}

/// One round of [`announce_deadlines`]; returns how many this instance announced.
pub async fn announce_round(
    db: &DatabaseConnection,
    gate: &crate::db::Gate,
    queue: Option<&crate::domain::WriteQueue>,
    bus: &Bus,
) -> Result<usize, DbErr> {
    let now = Utc::now();
    let due: Vec<i32> = {
        let _turn = gate
            .enter()
            .await
            .map_err(|error| DbErr::Custom(format!("{error:?}")))?;
        commitment::Entity::find()
            .select_only()
            .column(commitment::Column::Id)
            .filter(commitment::Column::Status.eq(CommitmentStatus::Requested))
            .filter(commitment::Column::ResponseDeadline.lte(now))
            .filter(commitment::Column::ResponseDeadline.gt(now - STILL_NEWS))
            .filter(
                commitment::Column::Id.not_in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(deadline_notice::Column::CommitmentId)
                        .from(deadline_notice::Entity)
                        .to_owned(),
                ),
            )
            .order_by_asc(commitment::Column::Id)
            .limit(DEADLINES_PER_ROUND)
            .into_tuple()
            .all(db)
            .await?
    };
    if due.is_empty() {
        return Ok(0);
    }
    let _turn = match queue {
        Some(queue) => Some(queue.turn().await),
        None => None,
    };
    let _connection = gate
        .enter()
        .await
        .map_err(|error| DbErr::Custom(format!("{error:?}")))?;
    let txn = db.begin().await?;
    let mut events = Vec::new();
    for id in due {
        let claimed = deadline_notice::Entity::insert(deadline_notice::ActiveModel {
            commitment_id: sea_orm::Set(id),
            announced_at: sea_orm::Set(now),
        })
        .on_conflict(
            OnConflict::column(deadline_notice::Column::CommitmentId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        if claimed == 1 {
            events.push(Event {
                kind: EventKind::CommitmentDeadlinePassed,
                id,
                at: now,
            });
        }
    }
    bus.stage(&txn, &events).await?;
    txn.commit().await?;
    let announced = events.len();
    bus.committed(events);
    Ok(announced)
}

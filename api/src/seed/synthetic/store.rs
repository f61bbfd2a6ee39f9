//! Where synthetic rows wait and how they are written: ids given here, buffers per table,
//! multi-row inserts.

use entity::*;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    IntoActiveModel, QuerySelect, TransactionTrait,
};

/// Rows per insert statement: within SQLite's 32,766 bound parameters for the widest table.
const ROWS_PER_STATEMENT: usize = 1_000;

/// Tables given ids here.
#[derive(Clone, Copy)]
pub(super) enum Table {
    Area,
    Neighbourhood,
    Document,
    Plan,
    Priority,
    Action,
    Commitment,
    BudgetLine,
    Amount,
}

const TABLES: [(Table, &str); 9] = [
    (Table::Area, "area"),
    (Table::Neighbourhood, "neighbourhood"),
    (Table::Document, "pnc_document"),
    (Table::Plan, "plan"),
    (Table::Priority, "priority"),
    (Table::Action, "action"),
    (Table::Commitment, "commitment"),
    (Table::BudgetLine, "budget_line"),
    (Table::Amount, "budget_line_amount"),
];

/// The next id of each table, after the rows already there.
pub(super) struct Ids {
    next: [i32; 9],
    pub(super) document_years: Vec<i32>,
}

impl Ids {
    pub(super) async fn after_existing(db: &DatabaseConnection) -> Result<Self, DbErr> {
        let mut next = [1; 9];
        for (table, name) in TABLES {
            let row = db
                .query_one_raw(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT COALESCE(MAX(id), 0) AS top FROM {name}"),
                ))
                .await?;
            let top: i64 = match row {
                Some(row) => row
                    .try_get::<i64>("", "top")
                    .or_else(|_| row.try_get::<i32>("", "top").map(i64::from))?,
                None => 0,
            };
            next[table as usize] = i32::try_from(top + 1)
                .map_err(|_| DbErr::Custom(format!("{name} has no ids left")))?;
        }
        let document_years = pnc_document::Entity::find()
            .select_only()
            .column(pnc_document::Column::Year)
            .into_tuple::<i32>()
            .all(db)
            .await?;
        Ok(Self {
            next,
            document_years,
        })
    }

    pub(super) fn next(&mut self, table: Table) -> i32 {
        let id = self.next[table as usize];
        self.next[table as usize] += 1;
        id
    }

    /// PostgreSQL's id sequences continue after the ids given here and its commitment
    /// tally is folded to a row per key; both engines get fresh planner statistics, and
    /// PostgreSQL's visibility map is set (as autovacuum would in time), so index-only
    /// scans need no heap visits.
    pub(super) async fn settle(&self, db: &DatabaseConnection) -> Result<(), DbErr> {
        if db.get_database_backend() == DbBackend::Postgres {
            for (_, name) in TABLES {
                db.execute_unprepared(&format!(
                    "SELECT setval(pg_get_serial_sequence('{name}', 'id'), \
                     (SELECT MAX(id) FROM {name}))"
                ))
                .await?;
            }
            // Each insert statement appended its counts to the tally: one row per key.
            crate::access::tally::fold(db).await?;
        }
        let settle = match db.get_database_backend() {
            DbBackend::Postgres => "VACUUM (ANALYZE)",
            _ => "ANALYZE",
        };
        db.execute_unprepared(settle).await?;
        Ok(())
    }
}

/// Rows waiting to be written, per table.
#[derive(Default)]
pub(super) struct Buffers {
    pub(super) areas: Vec<area::Model>,
    pub(super) neighbourhoods: Vec<neighbourhood::Model>,
    pub(super) documents: Vec<pnc_document::Model>,
    pub(super) plans: Vec<plan::Model>,
    pub(super) priorities: Vec<priority::Model>,
    pub(super) actions: Vec<action::Model>,
    pub(super) lines: Vec<budget_line::Model>,
    pub(super) amounts: Vec<budget_line_amount::Model>,
    pub(super) commitments: Vec<commitment::Model>,
}

impl Buffers {
    /// Writes everything buffered, parents before children, in one transaction.
    pub(super) async fn flush(&mut self, db: &DatabaseConnection) -> Result<(), DbErr> {
        let txn = db.begin().await?;
        insert::<area::ActiveModel>(&txn, &mut self.areas).await?;
        insert::<neighbourhood::ActiveModel>(&txn, &mut self.neighbourhoods).await?;
        insert::<pnc_document::ActiveModel>(&txn, &mut self.documents).await?;
        insert::<plan::ActiveModel>(&txn, &mut self.plans).await?;
        insert::<priority::ActiveModel>(&txn, &mut self.priorities).await?;
        insert::<action::ActiveModel>(&txn, &mut self.actions).await?;
        insert::<budget_line::ActiveModel>(&txn, &mut self.lines).await?;
        insert::<budget_line_amount::ActiveModel>(&txn, &mut self.amounts).await?;
        insert::<commitment::ActiveModel>(&txn, &mut self.commitments).await?;
        txn.commit().await
    }
}

/// Inserts `rows` (with their ids) in multi-row statements and empties the buffer.
async fn insert<A>(
    txn: &impl ConnectionTrait,
    rows: &mut Vec<<A::Entity as EntityTrait>::Model>,
) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Clone,
{
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let models = chunk
            .iter()
            .cloned()
            .map(IntoActiveModel::into_active_model);
        <A::Entity as EntityTrait>::insert_many(models)
            .exec_without_returning(txn)
            .await?;
    }
    rows.clear();
    Ok(())
}

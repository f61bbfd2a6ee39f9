//! Counts the database keeps ([`Tally`]): for a table whose lists are counted often and
//! grow large (commitments: a cluster's inbox counts its requests), a second table holds
//! how many rows there are per key (cluster, status, kind), kept by triggers in the
//! transaction that writes the rows. The migration that adds one says how each engine
//! keeps it.
//!
//! A list's count comes from the tally only when the answer cannot differ from counting
//! the rows: the list's filter compares key columns for equality and nothing else
//! ([`Criteria::equalities`]), and each of the caller's scopes on the table reaches every
//! row, no row, or rows chosen by key columns alone (declared per tally, [`Tally::scopes`]).
//! The filter and scope conditions are then applied as they are, to the tally under the
//! table's own name: a condition on any other column would name a column the tally does
//! not have and fail, never count wrongly.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityName, Statement};

use super::matrix::{EntityKind, Operation, ScopeKind, scope_of};
use super::principal::Principal;

/// The column of a tally holding a key's count (on PostgreSQL, a change to it).
pub const TALLIED: &str = "tallied";

/// A table of counts per key that the database keeps beside an entity's table.
#[derive(Debug)]
pub struct Tally {
    /// The table holding the counts.
    pub table: &'static str,
    /// The columns it counts by, named as in the entity's table.
    pub keys: &'static [&'static str],
    /// Besides every row and none, the scopes on the entity whose conditions read key
    /// columns only.
    pub scopes: &'static [ScopeKind],
}

/// Commitments per cluster, status and kind: a cluster member's scope is their cluster.
pub const COMMITMENTS: Tally = Tally {
    table: "commitment_tally",
    keys: &["cluster_id", "status", "kind"],
    scopes: &[ScopeKind::OwnCluster],
};

/// Every tally, for folding.
pub const ALL: [&Tally; 1] = [&COMMITMENTS];

/// A list's condition, and the columns it compares for equality when that is all it does.
#[derive(Debug, Clone)]
pub struct Criteria {
    /// The condition (the caller's scope is added by the reader).
    pub condition: sea_orm::Condition,
    /// The columns the condition compares with a value, when it does nothing else; `None`
    /// when it does (or nobody said).
    pub equalities: Option<Vec<&'static str>>,
}

impl From<sea_orm::Condition> for Criteria {
    fn from(condition: sea_orm::Condition) -> Self {
        Self {
            condition,
            equalities: None,
        }
    }
}

impl Tally {
    /// Whether the tally answers the count of the rows of `kind` meeting `criteria` that
    /// `principal` may read.
    pub fn answers(&self, kind: EntityKind, criteria: &Criteria, principal: &Principal) -> bool {
        let filter_on_keys = criteria
            .equalities
            .as_ref()
            .is_some_and(|columns| columns.iter().all(|column| self.keys.contains(column)));
        filter_on_keys
            && principal.acting_roles().all(|(role, _)| {
                match scope_of(role, kind, Operation::Read) {
                    ScopeKind::All | ScopeKind::None | ScopeKind::AggregateOnly => true,
                    scope => self.scopes.contains(&scope),
                }
            })
    }

    /// `SELECT SUM(tallied) FROM tally AS <entity's table> WHERE condition`, as a BIGINT
    /// (zero when no key matches).
    pub fn sum<E: EntityName + Default>(&self, condition: sea_orm::Condition) -> SelectStatement {
        let total = Func::coalesce([
            Expr::col((E::default(), Alias::new(TALLIED))).sum(),
            Expr::val(0i64),
        ]);
        Query::select()
            .expr_as(Expr::expr(total).cast_as("BIGINT"), "total")
            .from_as(Alias::new(self.table), E::default())
            .cond_where(condition)
            .to_owned()
    }

    /// Folds the rows of each key that has several into one holding their sum (none when
    /// it is zero), in one statement: rows appended while it runs stay as they are, and
    /// several instances folding at once leave the sums as they were.
    fn fold_statement(&self) -> String {
        let keys = self.keys.join(", ");
        let table = self.table;
        format!(
            "WITH gone AS (DELETE FROM {table} WHERE ({keys}) IN \
                 (SELECT {keys} FROM {table} GROUP BY {keys} HAVING COUNT(*) > 1) \
                 RETURNING {keys}, {TALLIED}) \
             INSERT INTO {table} ({keys}, {TALLIED}) \
             SELECT {keys}, SUM({TALLIED}) FROM gone GROUP BY {keys} HAVING SUM({TALLIED}) <> 0"
        )
    }
}

/// Folds every tally (PostgreSQL appends a row per change; SQLite keeps one per key and
/// needs nothing). Returns how many keys had several rows.
pub async fn fold(db: &DatabaseConnection) -> Result<u64, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(0);
    }
    let mut folded = 0;
    for tally in ALL {
        let statement = Statement::from_string(DbBackend::Postgres, tally.fold_statement());
        folded += db.execute_raw(statement).await?.rows_affected();
    }
    Ok(folded)
}

/// Every `every` (`WIJKGRAPH_TALLY_FOLD_SECONDS`), the first time after one interval,
/// folds the tallies (PostgreSQL only), after a turn at `gate` (as the deadline scan
/// takes one at its own gate as wide as the pool).
pub fn fold_every(db: DatabaseConnection, gate: crate::db::Gate, every: std::time::Duration) {
    if db.get_database_backend() != DbBackend::Postgres {
        return;
    }
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let folded = match gate.enter().await {
                Ok(_turn) => fold(&db).await,
                Err(error) => Err(DbErr::Custom(format!("{error:?}"))),
            };
            match folded {
                Ok(0) => {}
                Ok(keys) => tracing::debug!(keys, "folded the tallies"),
                Err(error) => tracing::warn!(%error, "could not fold the tallies"),
            }
        }
    });
}

#[cfg(test)]
mod tests;

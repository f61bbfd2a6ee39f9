//! Indexes for lists at volume. Each serves a list the API offers in its default order or
//! a filter it offers, and ends with the id, the tie-breaker of every keyset cursor, so a
//! page — a root page, or one parent's page of a nested list — is one index range that
//! stops after `first + 1` rows.

use sea_orm_migration::prelude::*;

/// Adds the volume indexes.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000001_volume_indexes"
    }
}

/// A column of an index, descending when `true`.
pub(crate) type Key = (&'static str, bool);

/// (table, columns): the index is named `vol_<table>_<columns>`.
pub(crate) type Indexes = &'static [(&'static str, &'static [Key])];

const INDEXES: Indexes = &[
    // Plans: the root list's default order, and each parent's plans in that order.
    (
        "plan",
        &[("year_from", true), ("title", false), ("id", false)],
    ),
    (
        "plan",
        &[
            ("neighbourhood_id", false),
            ("year_from", true),
            ("title", false),
            ("id", false),
        ],
    ),
    (
        "plan",
        &[
            ("area_id", false),
            ("year_from", true),
            ("title", false),
            ("id", false),
        ],
    ),
    (
        "plan",
        &[
            ("status", false),
            ("year_from", true),
            ("title", false),
            ("id", false),
        ],
    ),
    (
        "priority",
        &[("plan_id", false), ("rank", false), ("id", false)],
    ),
    ("action", &[("priority_id", false), ("id", false)]),
    ("action", &[("lead_cluster_id", false), ("id", false)]),
    ("action", &[("status", false), ("id", false)]),
    (
        "progress_update",
        &[("action_id", false), ("reported_at", false), ("id", false)],
    ),
    // Commitments: a cluster's inbox (by status), each parent's commitments, the overdue
    // requests by deadline.
    (
        "commitment",
        &[("cluster_id", false), ("status", false), ("id", false)],
    ),
    ("commitment", &[("cluster_id", false), ("id", false)]),
    ("commitment", &[("action_id", false), ("id", false)]),
    ("commitment", &[("budget_line_id", false), ("id", false)]),
    (
        "commitment",
        &[
            ("status", false),
            ("response_deadline", false),
            ("id", false),
        ],
    ),
    (
        "escalation",
        &[
            ("commitment_id", false),
            ("raised_at", false),
            ("id", false),
        ],
    ),
    (
        "escalation",
        &[
            ("neighbourhood_id", false),
            ("raised_at", false),
            ("id", false),
        ],
    ),
    (
        "escalation_event",
        &[
            ("escalation_id", false),
            ("occurred_at", false),
            ("id", false),
        ],
    ),
    (
        "budget_line",
        &[("cluster_id", false), ("year", false), ("id", false)],
    ),
    (
        "budget_line",
        &[("area_id", false), ("year", false), ("id", false)],
    ),
    (
        "budget_line",
        &[("neighbourhood_id", false), ("year", false), ("id", false)],
    ),
    (
        "budget_line",
        &[("product_id", false), ("year", false), ("id", false)],
    ),
    ("budget_line", &[("year", false), ("id", false)]),
    (
        "budget_line_amount",
        &[("budget_line_id", false), ("phase", false)],
    ),
    (
        "resident_input",
        &[
            ("neighbourhood_id", false),
            ("received_on", false),
            ("id", false),
        ],
    ),
    (
        "resident_input",
        &[
            ("priority_id", false),
            ("received_on", false),
            ("id", false),
        ],
    ),
    (
        "team_membership",
        &[
            ("neighbourhood_id", false),
            ("valid_from", false),
            ("id", false),
        ],
    ),
    (
        "team_membership",
        &[("person_id", false), ("valid_from", false), ("id", false)],
    ),
    (
        "audit_event",
        &[
            ("entity", false),
            ("entity_id", false),
            ("occurred_at", false),
            ("id", false),
        ],
    ),
];

fn name(table: &str, columns: &[Key]) -> String {
    let columns: Vec<&str> = columns.iter().map(|(column, _)| *column).collect();
    format!("vol_{table}_{}", columns.join("_"))
}

/// Creates each of `indexes` (if missing).
pub(crate) async fn create(manager: &SchemaManager<'_>, indexes: Indexes) -> Result<(), DbErr> {
    for (table, columns) in indexes {
        let mut index = Index::create();
        index
            .name(name(table, columns))
            .table(Alias::new(*table))
            .if_not_exists();
        for (column, descending) in *columns {
            let order = if *descending {
                IndexOrder::Desc
            } else {
                IndexOrder::Asc
            };
            index.col((Alias::new(*column), order));
        }
        manager.create_index(index).await?;
    }
    Ok(())
}

/// Drops each of `indexes`.
pub(crate) async fn drop(manager: &SchemaManager<'_>, indexes: Indexes) -> Result<(), DbErr> {
    for (table, columns) in indexes {
        manager
            .drop_index(
                Index::drop()
                    .name(name(table, columns))
                    .table(Alias::new(*table))
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create(manager, INDEXES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop(manager, INDEXES).await
    }
}

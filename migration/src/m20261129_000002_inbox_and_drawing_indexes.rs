//! Two indexes the benchmark showed missing:
//!
//! - a cluster's inbox in deadline order: its requests with the nearest answer deadline
//!   first, read as one index range (the volume indexes served it by scanning every
//!   cluster's requests in deadline order and skipping other clusters');
//! - what the commitments drawing on a budget line add up to (`budgetSummary`,
//!   `BudgetLine.committed`): the line, status, money and hours in one index, so the sums
//!   for a year's lines are read from the index instead of a scan of every commitment.

use sea_orm_migration::prelude::*;

use crate::m20261129_000001_volume_indexes::{Indexes, create, drop};

/// Adds the inbox and drawing indexes.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000002_inbox_and_drawing_indexes"
    }
}

const INDEXES: Indexes = &[
    (
        "commitment",
        &[
            ("cluster_id", false),
            ("status", false),
            ("response_deadline", false),
            ("id", false),
        ],
    ),
    (
        "commitment",
        &[
            ("budget_line_id", false),
            ("status", false),
            ("amount_cents", false),
            ("hours_centi", false),
        ],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create(manager, INDEXES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop(manager, INDEXES).await
    }
}

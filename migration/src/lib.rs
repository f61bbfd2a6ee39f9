//! wijkgraph's migrations, run by `wijkgraph migrate` and on start-up of `wijkgraph serve`.
//!
//! The schema is identical on SQLite and PostgreSQL: enums are stored as short strings,
//! money as integer cents and hours as integer hundredths (SQLite has no exact decimal type),
//! times as UTC. One table is kept differently by each engine: the commitments counted per
//! cluster, status and kind (`commitment_tally`, see its migration).

pub use sea_orm_migration::prelude::*;

mod frozen;
mod m20261128_000001_initial;
mod m20261128_000002_idempotency;
mod m20261129_000001_volume_indexes;
mod m20261129_000002_inbox_and_drawing_indexes;
mod m20261130_000001_action_plan_per_year;
mod m20261130_000002_one_open_escalation;
mod m20261130_000003_request_question;
mod m20261130_000004_consultation;
mod m20261130_000005_plan_revisions;
mod m20261130_000006_issue_list;
mod m20261130_000007_committee_advice;
mod m20261130_000008_public_contact;
mod m20261130_000009_input_landings;
mod m20261130_000010_deadline_notices;
mod m20261130_000011_audit_changes;
mod m20261201_000001_commitment_tally;

/// The ordered list of migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_initial::Migration),
            Box::new(m20261128_000002_idempotency::Migration),
            Box::new(m20261129_000001_volume_indexes::Migration),
            Box::new(m20261129_000002_inbox_and_drawing_indexes::Migration),
            Box::new(m20261130_000001_action_plan_per_year::Migration),
            Box::new(m20261130_000002_one_open_escalation::Migration),
            Box::new(m20261130_000003_request_question::Migration),
            Box::new(m20261130_000004_consultation::Migration),
            Box::new(m20261130_000005_plan_revisions::Migration),
            Box::new(m20261130_000006_issue_list::Migration),
            Box::new(m20261130_000007_committee_advice::Migration),
            Box::new(m20261130_000008_public_contact::Migration),
            Box::new(m20261130_000009_input_landings::Migration),
            Box::new(m20261130_000010_deadline_notices::Migration),
            Box::new(m20261130_000011_audit_changes::Migration),
            Box::new(m20261201_000001_commitment_tally::Migration),
        ]
    }
}

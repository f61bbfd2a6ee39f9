//! The permission matrix as data: role × entity × operation → scope. Enforcement
//! (`scope.rs`), the `me` query and the authorization tests all read this one table.

mod kinds;

pub use kinds::{EntityKind, Operation, ScopeKind};

use super::principal::Role;
use EntityKind as E;
use ScopeKind::{
    AggregateOnly as Agg, All, None as No, OwnAreas as Area, OwnCluster as Clu,
    OwnNeighbourhoods as Nbh, PublishedOnly as Pub,
};

/// Columns of the matrix rows, in this order.
pub const ROLE_COLUMNS: [Role; 8] = Role::ALL;

/// Who may read which rows.
#[rustfmt::skip]
const READ: [(EntityKind, [ScopeKind; 8]); 24] = [
    //                     public admin controller area_dir nbh_mgr cl_member cl_manager committee
    (E::Area,               [All, All, All, All,  All, All, All, All]),
    (E::Neighbourhood,      [All, All, All, All,  All, All, All, All]),
    (E::RepresentativeBody, [All, All, All, All,  All, All, All, All]),
    (E::Cluster,            [All, All, All, All,  All, All, All, All]),
    (E::CityProgramme,      [All, All, All, All,  All, All, All, All]),
    (E::Product,            [All, All, All, All,  All, All, All, All]),
    (E::Plan,               [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::PlanRevision,       [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::CommitteeAdvice,    [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::Priority,           [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::Action,             [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::ActionPosition,     [No,  All, All, Area, Nbh, All, All, Area]),
    (E::AdoptionWaiver,     [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::ProgressUpdate,     [Pub, All, All, Area, Nbh, All, All, Area]),
    (E::Person,             [Pub, All, All, All,  All, All, All, Pub]),
    (E::TeamMembership,     [All, All, All, Area, Nbh, All, All, Area]),
    (E::Commitment,         [No,  All, All, Area, Nbh, Clu, Clu, Area]),
    (E::Escalation,         [No,  All, All, Area, Nbh, Clu, Clu, No]),
    (E::EscalationEvent,    [No,  All, All, Area, Nbh, Clu, Clu, No]),
    (E::BudgetLine,         [No,  All, All, Agg,  No,  Clu, Clu, No]),
    (E::PncDocument,        [All, All, All, All,  All, All, All, All]),
    (E::BudgetAmendment,    [No,  All, All, No,   No,  Clu, Clu, No]),
    (E::ResidentInput,      [All, All, All, All,  All, All, All, All]),
    (E::AuditEvent,         [No,  All, All, No,   No,  No,  No,  No]),
];

/// Who may see money and hours on rows they can read.
#[rustfmt::skip]
const READ_MONEY: [(EntityKind, [ScopeKind; 8]); 24] = [
    //                     public admin controller area_dir nbh_mgr cl_member cl_manager committee
    (E::Area,               [No, All, All, No,   No,  No,  No,  No]),
    (E::Neighbourhood,      [No, All, All, No,   No,  No,  No,  No]),
    (E::RepresentativeBody, [No, All, All, No,   No,  No,  No,  No]),
    (E::Cluster,            [No, All, All, No,   No,  No,  No,  No]),
    (E::CityProgramme,      [No, All, All, No,   No,  No,  No,  No]),
    (E::Product,            [No, All, All, No,   No,  No,  No,  No]),
    (E::Plan,               [No, All, All, No,   No,  No,  No,  No]),
    (E::PlanRevision,       [No, All, All, No,   No,  No,  No,  No]),
    (E::CommitteeAdvice,    [No, All, All, No,   No,  No,  No,  No]),
    (E::Priority,           [No, All, All, No,   No,  No,  No,  No]),
    (E::Action,             [No, All, All, No,   No,  No,  No,  No]),
    (E::ActionPosition,     [No, All, All, No,   No,  No,  No,  No]),
    (E::AdoptionWaiver,     [No, All, All, No,   No,  No,  No,  No]),
    (E::ProgressUpdate,     [No, All, All, No,   No,  No,  No,  No]),
    (E::Person,             [No, All, All, No,   No,  No,  No,  No]),
    (E::TeamMembership,     [No, All, All, No,   No,  No,  No,  No]),
    (E::Commitment,         [No, All, All, Area, Nbh, Clu, Clu, No]),
    (E::Escalation,         [No, All, All, No,   No,  No,  No,  No]),
    (E::EscalationEvent,    [No, All, All, No,   No,  No,  No,  No]),
    (E::BudgetLine,         [No, All, All, Agg,  No,  Clu, Clu, No]),
    (E::PncDocument,        [No, All, All, No,   No,  No,  No,  No]),
    (E::BudgetAmendment,    [No, All, All, No,   No,  Clu, Clu, No]),
    (E::ResidentInput,      [No, All, All, No,   No,  No,  No,  No]),
    (E::AuditEvent,         [No, All, No,  No,   No,  No,  No,  No]),
];

/// Who may change what, on the row the change targets (a new row is checked after it is
/// written, inside the transaction). Entities without a row here reach nothing. The area
/// director drafts and edits plans in their area, as the neighbourhood manager does in
/// theirs (in the pilot, one did).
#[rustfmt::skip]
const EDIT: [(EntityKind, [ScopeKind; 8]); 2] = [
    //                     public admin controller area_dir nbh_mgr cl_member cl_manager committee
    (E::Plan,               [No, All, No,  Area, Nbh, No,  No,  No]),
    (E::Neighbourhood,      [No, All, No,  No,   Nbh, No,  No,  No]),
];

#[rustfmt::skip]
const ADOPT: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::Plan,               [No, All, No,  Area, No,  No,  No,  No]),
];

/// Asking for a commitment: the action must be in reach, and so must the new request —
/// a cluster's member in the team asks their own cluster only (the 24-hour mandate runs
/// from the team member to their own line).
#[rustfmt::skip]
const REQUEST: [(EntityKind, [ScopeKind; 8]); 2] = [
    (E::Action,             [No, All, No,  Area, Nbh, All, No,  No]),
    (E::Commitment,         [No, All, No,  Area, Nbh, Clu, No,  No]),
];

/// Only a cluster commits its own staff and money: not even the programme office answers
/// for it.
#[rustfmt::skip]
const ANSWER: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::Commitment,         [No, No,  No,  No,   No,  Clu, Clu, No]),
];

/// Consultation is the clusters' own voice: a cluster's member or manager proposes
/// measures for their cluster to lead and gives their cluster's position on the actions it
/// is asked to lead (an action's cluster scope is its lead cluster).
#[rustfmt::skip]
const CONSULT: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::Action,             [No, No,  No,  No,   No,  Clu, Clu, No]),
];

/// The area committee's advice is recorded by its members for their area's plans, or by
/// the area director who received it; the area director responds (as adopter).
#[rustfmt::skip]
const ADVISE: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::CommitteeAdvice,    [No, All, No,  Area, No,  No,  No,  Area]),
];

#[rustfmt::skip]
const REPORT_PROGRESS: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::Action,             [No, All, No,  No,   Nbh, Clu, Clu, No]),
];

#[rustfmt::skip]
const READ_AUDIT: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::AuditEvent,         [No, All, All, No,   No,  No,  No,  No]),
];

/// Escalations are raised about a commitment, action or priority in the caller's reach;
/// clusters may dispute any adopted item.
#[rustfmt::skip]
const RAISE: [(EntityKind, [ScopeKind; 8]); 3] = [
    (E::Commitment,         [No, All, No,  Area, Nbh, Clu, Clu, No]),
    (E::Action,             [No, All, No,  Area, Nbh, All, All, No]),
    (E::Priority,           [No, All, No,  Area, Nbh, All, All, No]),
];

/// The neighbourhood manager keeps the team; a cluster manager chooses and replaces their
/// own cluster's representatives in it.
#[rustfmt::skip]
const MANAGE_TEAM: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::TeamMembership,     [No, All, No,  No,   Nbh, No,  Clu, No]),
];

#[rustfmt::skip]
const RECORD_INPUT: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::ResidentInput,      [No, All, No,  No,   Nbh, No,  No,  No]),
];

/// Cluster managers manage their own cluster's lines; controllers all.
#[rustfmt::skip]
const MANAGE_BUDGET: [(EntityKind, [ScopeKind; 8]); 1] = [
    (E::BudgetLine,         [No, All, All, No,   No,  No,  Clu, No]),
];

/// Amendments and the P&C documents' adoption are the controller's.
#[rustfmt::skip]
const AMEND: [(EntityKind, [ScopeKind; 8]); 2] = [
    (E::BudgetLine,         [No, All, All, No,   No,  No,  No,  No]),
    (E::PncDocument,        [No, All, All, No,   No,  No,  No,  No]),
];

/// The scope `role` has for `operation` on `entity`. An entity missing from a table
/// answers `None`; a test pins that every entity is present in every table.
pub fn scope_of(role: Role, entity: EntityKind, operation: Operation) -> ScopeKind {
    let column = ROLE_COLUMNS.iter().position(|r| *r == role);
    table(operation)
        .iter()
        .find(|(kind, _)| *kind == entity)
        .zip(column)
        .map(|((_, scopes), column)| scopes[column])
        .unwrap_or(ScopeKind::None)
}

/// True when every entity has exactly one row in each read table.
pub fn is_complete() -> bool {
    [Operation::Read, Operation::ReadMoney]
        .iter()
        .all(|operation| has_every_entity_once(table(*operation)))
}

/// True when `rows` hold exactly one row for every entity.
fn has_every_entity_once(rows: &[(EntityKind, [ScopeKind; 8])]) -> bool {
    EntityKind::ALL
        .iter()
        .all(|kind| rows.iter().filter(|(k, _)| k == kind).count() == 1)
}

fn table(operation: Operation) -> &'static [(EntityKind, [ScopeKind; 8])] {
    match operation {
        Operation::Read => &READ,
        Operation::ReadMoney => &READ_MONEY,
        Operation::Edit => &EDIT,
        Operation::Adopt => &ADOPT,
        Operation::Request => &REQUEST,
        Operation::Answer => &ANSWER,
        Operation::ReportProgress => &REPORT_PROGRESS,
        Operation::ReadAudit => &READ_AUDIT,
        Operation::Raise => &RAISE,
        Operation::ManageTeam => &MANAGE_TEAM,
        Operation::RecordInput => &RECORD_INPUT,
        Operation::ManageBudget => &MANAGE_BUDGET,
        Operation::Amend => &AMEND,
        Operation::Consult => &CONSULT,
        Operation::Advise => &ADVISE,
    }
}

#[cfg(test)]
mod tests;

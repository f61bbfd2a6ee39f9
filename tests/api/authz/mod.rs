//! Authorization, generated from the permission matrix: for every role, every guarded
//! entity's root list, `node(id:)` lookups and relation fields answer exactly the rows the
//! matrix grants — computed here independently, in SQL, from the matrix's scope kinds.
//! A row out of scope answers exactly like a row that does not exist.

use std::collections::BTreeSet;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use wijkgraph::access::matrix::{EntityKind, Operation, ScopeKind, scope_of};
use wijkgraph::access::{Grant, Role};

use crate::helpers::{TestApp, run_on_both_databases};

mod coverage;
mod lists;
mod money;
mod relations;
mod sql;

use sql::scope_sql;

/// The grants exercised: one of each role, scoped to the pilot's Feijenoord, its
/// Afrikaanderwijk and cluster MO.
pub(crate) const CALLERS: [&str; 8] = [
    "",
    "admin",
    "controller",
    "area_director:WK059910",
    "neighbourhood_manager:BU05991086",
    "cluster_member:MO",
    "cluster_manager:MO",
    "committee_member:WK059910",
];

/// Guarded entities: GraphQL type, table, root list field (if any).
const ENTITIES: [(EntityKind, &str, &str, Option<&str>); 24] = [
    (EntityKind::Area, "Area", "area", Some("areas")),
    (
        EntityKind::Neighbourhood,
        "Neighbourhood",
        "neighbourhood",
        Some("neighbourhoods"),
    ),
    (
        EntityKind::RepresentativeBody,
        "RepresentativeBody",
        "representative_body",
        Some("representativeBodies"),
    ),
    (EntityKind::Cluster, "Cluster", "cluster", Some("clusters")),
    (
        EntityKind::CityProgramme,
        "CityProgramme",
        "city_programme",
        Some("cityProgrammes"),
    ),
    (EntityKind::Product, "Product", "product", Some("products")),
    (EntityKind::Plan, "Plan", "plan", Some("plans")),
    (
        EntityKind::CommitteeAdvice,
        "CommitteeAdvice",
        "committee_advice",
        None,
    ),
    (
        EntityKind::PlanRevision,
        "PlanRevision",
        "plan_revision",
        None,
    ),
    (
        EntityKind::Priority,
        "Priority",
        "priority",
        Some("priorities"),
    ),
    (EntityKind::Action, "Action", "action", Some("actions")),
    (
        EntityKind::ActionPosition,
        "ActionPosition",
        "action_position",
        None,
    ),
    (
        EntityKind::AdoptionWaiver,
        "AdoptionWaiver",
        "adoption_waiver",
        None,
    ),
    (
        EntityKind::ProgressUpdate,
        "ProgressUpdate",
        "progress_update",
        None,
    ),
    (EntityKind::Person, "Person", "person", Some("people")),
    (
        EntityKind::TeamMembership,
        "TeamMembership",
        "team_membership",
        Some("teamMemberships"),
    ),
    (
        EntityKind::Commitment,
        "Commitment",
        "commitment",
        Some("commitments"),
    ),
    (
        EntityKind::Escalation,
        "Escalation",
        "escalation",
        Some("escalations"),
    ),
    (
        EntityKind::EscalationEvent,
        "EscalationEvent",
        "escalation_event",
        None,
    ),
    (
        EntityKind::BudgetLine,
        "BudgetLine",
        "budget_line",
        Some("budgetLines"),
    ),
    (
        EntityKind::PncDocument,
        "PncDocument",
        "pnc_document",
        Some("pncDocuments"),
    ),
    (
        EntityKind::BudgetAmendment,
        "BudgetAmendment",
        "budget_amendment",
        Some("budgetAmendments"),
    ),
    (
        EntityKind::ResidentInput,
        "ResidentInput",
        "resident_input",
        Some("residentInputs"),
    ),
    (
        EntityKind::AuditEvent,
        "AuditEvent",
        "audit_event",
        Some("auditTrail"),
    ),
];

pub(crate) fn roles(caller: &str) -> Vec<&str> {
    if caller.is_empty() {
        Vec::new()
    } else {
        vec![caller]
    }
}

async fn ids(app: &TestApp, sql: &str) -> BTreeSet<i64> {
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|row| row.try_get::<i32>("", "id").map(i64::from).unwrap())
        .collect()
}

/// The rows `caller` may reach on `entity` for `operation`: the union of the public's and
/// the grant's scopes, in SQL.
pub(crate) async fn truth(
    app: &TestApp,
    caller: &str,
    entity: EntityKind,
    operation: Operation,
) -> BTreeSet<i64> {
    let mut acting = vec![(Role::Public, String::new())];
    if let Some(grant) = Grant::parse(caller) {
        acting.push((grant.role, grant.code));
    }
    let mut visible = BTreeSet::new();
    for (role, code) in acting {
        if let Some(sql) = scope_sql(entity, scope_of(role, entity, operation), &code) {
            visible.extend(ids(app, &sql).await);
        }
    }
    visible
}

fn global_id(type_name: &str, id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("{type_name}:{id}"))
}

pub(crate) fn db_id(global: &Value) -> i64 {
    let text =
        String::from_utf8(URL_SAFE_NO_PAD.decode(global.as_str().unwrap()).unwrap()).unwrap();
    text.split_once(':').unwrap().1.parse().unwrap()
}

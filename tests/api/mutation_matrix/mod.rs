//! Every role against every mutation, with the outcome taken from the permission matrix:
//! for each caller and mutation the suite picks, from the mutation's candidate targets, one
//! the caller may change (the step must succeed), one they see but may not change
//! (`FORBIDDEN`) and one they cannot see (`NOT_FOUND`, exactly as for a missing row);
//! without a token every mutation answers `UNAUTHENTICATED`. Which rows a grant reaches
//! comes from the suite's own SQL (`authz::truth`), not from the service. Each caller runs
//! on a fresh app with the demo data, on both databases.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use wijkgraph::access::Role;
use wijkgraph::access::matrix::{EntityKind, Operation, ScopeKind, scope_of};

use crate::authz::{CALLERS, db_id, roles, truth};
use crate::helpers::{Engine, TestApp, error_code, spawn_app};

use EntityKind as E;
use Operation as Op;

mod case;
mod cases;

use case::*;
use cases::CASES;

/// The elements of every `targets` list (or `targets.nodes`) anywhere in `value`.
fn targets(value: &Value, found: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("targets", Value::Array(items)) => found.extend(items.iter().cloned()),
                    ("targets", Value::Object(page)) => {
                        found.extend(page["nodes"].as_array().unwrap().iter().cloned())
                    }
                    _ => targets(inner, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| targets(item, found)),
        _ => {}
    }
}

/// The candidates of `case` now, as admin (without those whose `skipIf` is set), each given a `sibling` where the change needs a
/// second row of the same kind (another line of the same cluster, product and year;
/// another plan of the same area).
async fn candidates(app: &TestApp, case: &Case) -> Vec<Value> {
    let mut found = Vec::new();
    targets(&app.data(case.candidates, json!({})).await, &mut found);
    found.retain(|target| !skipped(target));
    let all = found.clone();
    for target in &mut found {
        let same = |other: &&Value| {
            other["id"] != target["id"]
                && other.get("cluster").map(|c| &c["code"])
                    == target.get("cluster").map(|c| &c["code"])
                && other.get("product") == target.get("product")
                && other.get("year") == target.get("year")
                && other.get("area") == target.get("area")
        };
        if let Some(sibling) = all.iter().find(same) {
            target["sibling"] = sibling["id"].clone();
            target["siblingVersion"] = sibling["version"].clone();
        }
    }
    if let Guard::All(rows) = case.guard
        && rows.iter().any(|(_, _, pointer)| *pointer == "/sibling")
    {
        found.retain(|target| target.get("sibling").is_some());
    }
    found
}

/// Whether a `skipIf` anywhere in `target` holds something (not null, false or 0).
fn skipped(target: &Value) -> bool {
    match target {
        Value::Object(map) => map.iter().any(|(key, value)| {
            if key == "skipIf" {
                !matches!(value, Value::Null | Value::Bool(false)) && value != &json!(0)
            } else {
                skipped(value)
            }
        }),
        Value::Array(items) => items.iter().any(skipped),
        _ => false,
    }
}

fn pointed(target: &Value, pointer: &str) -> Option<i64> {
    target.pointer(pointer).filter(|v| v.is_string()).map(db_id)
}

/// Whether `caller` reaches `pointer`'s row of `target` for `operation`.
async fn reaches(
    app: &TestApp,
    caller: &str,
    (entity, operation, pointer): (EntityKind, Operation, &str),
    target: &Value,
) -> bool {
    match pointed(target, pointer) {
        Some(id) => truth(app, caller, entity, operation).await.contains(&id),
        None => false,
    }
}

/// Whether the matrix lets `caller` write the case's new row where it lands. A place the
/// case leaves open is where the target is, which the target's check covers.
fn new_row_allowed(caller: &str, case: &Case, target: &Value) -> bool {
    let Some((kind, operation)) = case.creates else {
        return true;
    };
    let Some(grant) = wijkgraph::access::Grant::parse(caller) else {
        return false;
    };
    // A cluster's member asks only as their cluster's representative in the team, and the
    // suite's tokens name no team member (the seat rule has its own workflow tests).
    if (kind, operation) == (E::Commitment, Op::Request) && grant.role == Role::ClusterMember {
        return false;
    }
    let place = (case.place)(target);
    let matches = |code: Option<String>| code.is_none_or(|code| code == grant.code);
    match scope_of(grant.role, kind, operation) {
        ScopeKind::None | ScopeKind::AggregateOnly | ScopeKind::PublishedOnly => false,
        ScopeKind::All => true,
        ScopeKind::OwnCluster => place.cluster == Some(grant.code.clone()),
        ScopeKind::OwnAreas => matches(place.area),
        ScopeKind::OwnNeighbourhoods => matches(place.neighbourhood),
    }
}

/// What `caller` must get for `case` on `target`; `None` where this suite does not decide
/// (a non-owner moving an escalation: the ladder's tests).
async fn expected(
    app: &TestApp,
    caller: &str,
    case: &Case,
    target: &Value,
) -> Option<&'static str> {
    if caller.is_empty() {
        return Some("UNAUTHENTICATED");
    }
    if let Some((entity, pointer)) = case.seen
        && !reaches(app, caller, (entity, Op::Read, pointer), target).await
    {
        return Some("NOT_FOUND");
    }
    let allowed = match &case.guard {
        Guard::Row(entity, operation, pointer) => {
            reaches(app, caller, (*entity, *operation, pointer), target).await
        }
        Guard::All(rows) => {
            let mut all = true;
            for row in *rows {
                all &= reaches(app, caller, *row, target).await;
            }
            all
        }
        Guard::Any(rows) => {
            let mut any = false;
            for row in *rows {
                any |= reaches(app, caller, *row, target).await;
            }
            any
        }
        Guard::RowForMo(entity, operation, pointer) => {
            let speaks = wijkgraph::access::Grant::parse(caller).is_some_and(|grant| {
                matches!(grant.role, Role::ClusterMember | Role::ClusterManager)
                    && grant.code == "MO"
            });
            speaks && reaches(app, caller, (*entity, *operation, pointer), target).await
        }
        Guard::NewRow => true,
        Guard::Owner { movers, raiser } => {
            let raised = target["raisedBy"].as_str() == Some(&format!("user-{caller}"));
            let owns = target["owner"].as_str() == Some(caller) || (*raiser && raised);
            let moves = wijkgraph::access::Grant::parse(caller)
                .is_some_and(|grant| movers.contains(&grant.role));
            if !owns && moves {
                return None;
            }
            owns
        }
    };
    Some(if allowed && new_row_allowed(caller, case, target) {
        case.granted
    } else {
        "FORBIDDEN"
    })
}

async fn attempt(app: &TestApp, caller: &str, case: &Case, target: &Value, ctx: &Ctx) -> String {
    let response = app
        .as_roles(&roles(caller))
        .graphql(case.mutation, json!({ "input": (case.input)(target, ctx) }))
        .await;
    let outcome = if response.get("errors").is_none() {
        "OK"
    } else {
        error_code(&response)
    };
    let expected = expected(app, caller, case, target).await;
    if let Some(expected) = expected {
        assert_eq!(outcome, expected, "{caller:?} {}: {response}", case.name);
    }
    outcome.to_owned()
}

/// Tries `case` as `caller` on one target of each expected outcome (the successful one
/// last, as it changes the data) and returns the outcomes seen.
async fn try_case(app: &TestApp, caller: &str, case: &Case, ctx: &mut Ctx) -> Vec<String> {
    if let Some((by, setup)) = case.setup {
        ctx.candidates = candidates(app, setup).await;
        let input = (setup.input)(&ctx.candidates[0], ctx);
        // Refused only where this caller took the same step in its own case already.
        app.as_roles(&[by])
            .graphql(setup.mutation, json!({ "input": input }))
            .await;
    }
    ctx.candidates = candidates(app, case).await;
    let mut picked: BTreeMap<&'static str, Value> = BTreeMap::new();
    for target in &ctx.candidates {
        if let Some(outcome) = expected(app, caller, case, target).await
            && !picked.contains_key(outcome)
        {
            picked.insert(outcome, target.clone());
        }
    }
    let mut outcomes = Vec::new();
    let ok = picked.remove(case.granted);
    for target in picked.values().chain(ok.iter()) {
        outcomes.push(attempt(app, caller, case, target, ctx).await);
    }
    outcomes
}

async fn every_role_against_every_mutation(engine: Engine) {
    let mut seen: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for caller in CALLERS {
        let app = spawn_app(engine).await;
        let clusters = app
            .data("{ clusters { nodes { id code } } }", json!({}))
            .await;
        let mut ctx = Ctx {
            clusters: clusters["clusters"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["code"].as_str().unwrap().to_owned(), c["id"].clone()))
                .collect(),
            candidates: Vec::new(),
        };
        for case in CASES {
            let outcomes = try_case(&app, caller, case, &mut ctx).await;
            seen.entry(case.name).or_default().extend(outcomes);
        }
    }
    for case in CASES {
        let outcomes = &seen[case.name];
        for must in [case.granted, "FORBIDDEN", "UNAUTHENTICATED"] {
            assert!(
                outcomes.iter().any(|o| o == must),
                "{}: no caller got {must} ({outcomes:?})",
                case.name
            );
        }
    }
}

#[test]
fn the_suite_covers_every_mutation_of_the_schema() {
    let sdl = wijkgraph::graphql::sdl();
    let mutation = sdl
        .split("type Mutation {")
        .nth(1)
        .and_then(|rest| rest.split("\n}").next())
        .unwrap();
    let mut served: Vec<&str> = mutation
        .lines()
        .filter_map(|line| line.trim().split_once('(').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && !name.contains(' '))
        .collect();
    served.sort_unstable();
    let mut covered: Vec<&str> = CASES.iter().map(|case| case.name).collect();
    covered.sort_unstable();
    covered.dedup();
    assert_eq!(covered, served);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_the_matrix_outcome_of_every_mutation_on_sqlite() {
    every_role_against_every_mutation(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_the_matrix_outcome_of_every_mutation_on_postgres() {
    every_role_against_every_mutation(Engine::Postgres).await;
}

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

/// The independent ground truth: `SELECT id` of the rows one scope kind reaches.
fn scope_sql(entity: EntityKind, scope: ScopeKind, code: &str) -> Option<String> {
    use EntityKind as E;
    use ScopeKind as S;
    let area = format!("(SELECT id FROM area WHERE code = '{code}')");
    let hood = format!("(SELECT id FROM neighbourhood WHERE code = '{code}')");
    let hoods_of_area = format!("(SELECT id FROM neighbourhood WHERE area_id IN {area})");
    let cluster = format!("(SELECT id FROM cluster WHERE code = '{code}')");
    let table = ENTITIES.iter().find(|(kind, ..)| *kind == entity)?.2;
    let all = format!("SELECT id FROM {table}");
    Some(match (entity, scope) {
        (_, S::None | S::AggregateOnly) => return None,
        (_, S::All) => all,
        (E::Plan, S::PublishedOnly) => {
            format!(
                "{all} WHERE status IN ('ADOPTED', 'CLOSED', 'SUPERSEDED') AND kind <> 'ISSUE_LIST'"
            )
        }
        (E::Plan, S::OwnAreas) => format!("{all} WHERE area_id IN {area}"),
        (E::Plan, S::OwnNeighbourhoods) => format!("{all} WHERE neighbourhood_id IN {hood}"),
        (E::CommitteeAdvice, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::Person, S::PublishedOnly) => format!("{all} WHERE public = true"),
        (E::Neighbourhood, S::OwnNeighbourhoods) => format!("{all} WHERE code = '{code}'"),
        (E::PlanRevision, S::PublishedOnly) => format!("{all} WHERE adopted_at IS NOT NULL"),
        (E::PlanRevision, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::Priority, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::Action, S::OwnCluster) => format!("{all} WHERE lead_cluster_id IN {cluster}"),
        (E::Action, _) => format!(
            "{all} WHERE priority_id IN ({})",
            scope_sql(E::Priority, scope, code)?
        ),
        (E::ActionPosition, _) => format!(
            "{all} WHERE action_id IN ({})",
            scope_sql(E::Action, scope, code)?
        ),
        (E::AdoptionWaiver, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::ProgressUpdate, S::PublishedOnly) => {
            format!(
                "{all} WHERE public = true AND action_id IN ({})",
                scope_sql(E::Action, scope, code)?
            )
        }
        (E::ProgressUpdate, _) => format!(
            "{all} WHERE action_id IN ({})",
            scope_sql(E::Action, scope, code)?
        ),
        (E::Commitment, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::Commitment, _) => format!(
            "{all} WHERE action_id IN ({})",
            scope_sql(E::Action, scope, code)?
        ),
        (E::Escalation, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::Escalation, S::OwnAreas) => format!("{all} WHERE neighbourhood_id IN {hoods_of_area}"),
        (E::Escalation, S::OwnNeighbourhoods) => format!("{all} WHERE neighbourhood_id IN {hood}"),
        (E::EscalationEvent, _) => format!(
            "{all} WHERE escalation_id IN ({})",
            scope_sql(E::Escalation, scope, code)?
        ),
        (E::TeamMembership, S::OwnAreas) => {
            format!("{all} WHERE neighbourhood_id IN {hoods_of_area}")
        }
        (E::TeamMembership, S::OwnNeighbourhoods) => {
            format!("{all} WHERE neighbourhood_id IN {hood}")
        }
        (E::TeamMembership, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::ResidentInput, S::OwnAreas) => {
            format!("{all} WHERE neighbourhood_id IN {hoods_of_area}")
        }
        (E::ResidentInput, S::OwnNeighbourhoods) => {
            format!("{all} WHERE neighbourhood_id IN {hood}")
        }
        (E::BudgetLine, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::BudgetAmendment, _) => format!(
            "{all} WHERE budget_line_id IN ({})",
            scope_sql(E::BudgetLine, scope, code)?
        ),
        (entity, scope) => {
            panic!("the suite has no ground truth for {entity:?} at {scope:?}: extend scope_sql")
        }
    })
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

/// Every id a root list returns to `caller`, paging through it.
async fn list_ids(app: &TestApp, caller: &str, field: &str) -> (i64, BTreeSet<i64>) {
    let query = format!(
        "query($after: String) {{ {field}(first: 100, after: $after) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ id }} }} }}"
    );
    let mut found = BTreeSet::new();
    let mut after = Value::Null;
    loop {
        let data = app
            .as_roles(&roles(caller))
            .data(&query, json!({ "after": after }))
            .await;
        let page = &data[field];
        for node in page["nodes"].as_array().unwrap() {
            found.insert(db_id(&node["id"]));
        }
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            return (page["totalCount"].as_i64().unwrap(), found);
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

async fn every_root_list_answers_exactly_the_rows_the_matrix_grants(app: TestApp) {
    for caller in CALLERS {
        for (entity, _, _, field) in ENTITIES {
            let Some(field) = field else { continue };
            let expected = truth(&app, caller, entity, Operation::Read).await;
            let (total, listed) = list_ids(&app, caller, field).await;
            assert_eq!(listed, expected, "{caller:?} {field}");
            assert_eq!(
                total as usize,
                expected.len(),
                "{caller:?} {field} totalCount"
            );
        }
    }
}

run_on_both_databases!(every_root_list_answers_exactly_the_rows_the_matrix_grants);

async fn node_finds_granted_rows_and_answers_for_others_exactly_as_for_missing_ones(app: TestApp) {
    let query = "query($id: ID!) { node(id: $id) { __typename id } }";
    for caller in CALLERS {
        let as_caller = app.as_roles(&roles(caller));
        for (entity, type_name, table, _) in ENTITIES {
            let visible = truth(&app, caller, entity, Operation::Read).await;
            let every = ids(&app, &format!("SELECT id FROM {table}")).await;
            if let Some(own) = visible.iter().next() {
                let data = as_caller
                    .data(query, json!({ "id": global_id(type_name, *own) }))
                    .await;
                assert_eq!(
                    data["node"]["__typename"], type_name,
                    "{caller:?} own {type_name}"
                );
            }
            let missing = as_caller
                .graphql(query, json!({ "id": global_id(type_name, 999_999) }))
                .await;
            assert_eq!(
                missing,
                json!({ "data": { "node": null } }),
                "{caller:?} missing {type_name}"
            );
            if let Some(other) = every.difference(&visible).next() {
                let hidden = as_caller
                    .graphql(query, json!({ "id": global_id(type_name, *other) }))
                    .await;
                assert_eq!(
                    hidden, missing,
                    "{caller:?} other {type_name} differs from a missing one"
                );
            }
        }
    }
}

run_on_both_databases!(node_finds_granted_rows_and_answers_for_others_exactly_as_for_missing_ones);

/// Every relation field of every guarded type, from introspection: (parent root list,
/// field, child entity, whether it is a connection).
async fn relation_fields(app: &TestApp) -> Vec<(&'static str, String, EntityKind, bool)> {
    let data = app.data(
        "{ __schema { types { name fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }",
        json!({}),
    ).await;
    let mut relations = Vec::new();
    for schema_type in data["__schema"]["types"].as_array().unwrap() {
        let Some((_, _, _, Some(root))) = ENTITIES
            .iter()
            .find(|(_, name, ..)| schema_type["name"] == *name)
        else {
            continue;
        };
        for field in schema_type["fields"].as_array().unwrap() {
            // The innermost named type of the field.
            let mut ty = &field["type"];
            while ty["name"].is_null() {
                ty = &ty["ofType"];
            }
            let name = ty["name"].as_str().unwrap();
            let (target, connection) = match name.strip_suffix("Connection") {
                Some(node) => (node, true),
                None => (name, false),
            };
            if let Some((child, ..)) = ENTITIES
                .iter()
                .find(|(_, type_name, ..)| *type_name == target)
            {
                relations.push((
                    *root,
                    field["name"].as_str().unwrap().to_owned(),
                    *child,
                    connection,
                ));
            }
        }
    }
    relations
}

/// Relation fields the demo leaves empty on the first 100 of their parents: no
/// implementation plans, waivers, disputed priorities or settled disputes are seeded;
/// committees cover areas, not neighbourhoods; the proposed and consulted actions (of
/// Hillesluis's 2017 plan) come after the first 100 actions.
const EMPTY_IN_THE_DEMO: [&str; 8] = [
    "actions.proposedBy",
    "actions.positions",
    "escalations.priority",
    "escalations.settledByRevision",
    "neighbourhoods.representativeBodies",
    "plans.cluster",
    "plans.adoptionWaivers",
    "representativeBodies.neighbourhoods",
];

async fn every_relation_field_shows_children_to_some_caller_and_never_beyond_the_childs_scope(
    app: TestApp,
) {
    let relations = relation_fields(&app).await;
    assert!(
        relations.len() > 40,
        "introspection found only {} relation fields",
        relations.len()
    );
    // A relation that returns nothing would pass the leak check without checking
    // anything: each must show children to some caller.
    let mut populated = std::collections::HashSet::new();
    for caller in CALLERS {
        for (parent, relation, child, connection) in &relations {
            let expected = truth(&app, caller, *child, Operation::Read).await;
            let selection = if *connection {
                format!("{relation}(first: 100) {{ totalCount nodes {{ id }} }}")
            } else {
                format!("{relation} {{ id }}")
            };
            let query = format!("{{ {parent}(first: 100) {{ nodes {{ {selection} }} }} }}");
            let data = app.as_roles(&roles(caller)).data(&query, json!({})).await;
            for node in data[*parent]["nodes"].as_array().unwrap() {
                let value = &node[relation.as_str()];
                let found: Vec<i64> = if *connection {
                    let nodes = value["nodes"].as_array().unwrap();
                    assert_eq!(
                        value["totalCount"].as_u64().unwrap() as usize,
                        nodes.len(),
                        "{caller:?} {parent}.{relation}"
                    );
                    nodes.iter().map(|child| db_id(&child["id"])).collect()
                } else if let Some(list) = value.as_array() {
                    list.iter().map(|child| db_id(&child["id"])).collect()
                } else if value.is_null() {
                    Vec::new()
                } else {
                    vec![db_id(&value["id"])]
                };
                if !found.is_empty() {
                    populated.insert(format!("{parent}.{relation}"));
                }
                for id in found {
                    assert!(
                        expected.contains(&id),
                        "{caller:?} {parent}.{relation} leaked {child:?} {id}"
                    );
                }
            }
        }
    }
    let empty: Vec<String> = relations
        .iter()
        .map(|(parent, relation, _, _)| format!("{parent}.{relation}"))
        .filter(|field| !populated.contains(field) && !EMPTY_IN_THE_DEMO.contains(&field.as_str()))
        .collect();
    assert!(
        empty.is_empty(),
        "relations that showed no child to anyone: {empty:?}"
    );
}

run_on_both_databases!(
    every_relation_field_shows_children_to_some_caller_and_never_beyond_the_childs_scope
);

async fn a_cluster_member_learns_nothing_about_other_clusters_money(app: TestApp) {
    let mo = app.as_roles(&["cluster_member:MO"]);
    // Filtering on another cluster finds nothing, exactly like a cluster without rows.
    let clusters = app
        .data(
            r#"{ sb: clusters(filter: {code: "SB"}) { nodes { id } } }"#,
            json!({}),
        )
        .await;
    let sb = clusters["sb"]["nodes"][0]["id"].clone();
    for field in ["commitments", "budgetLines"] {
        let query = format!(
            "query($id: ID) {{ {field}(filter: {{clusterId: $id}}) {{ totalCount nodes {{ id }} }} }}"
        );
        let data = mo.data(&query, json!({ "id": sb })).await;
        assert_eq!(data[field]["totalCount"], 0, "{field}");
    }
    // Sorting by amount reveals no foreign amounts: every amount listed is MO's own.
    let sorted = mo.data("{ commitments(first: 100, orderBy: [{field: AMOUNT, direction: DESC}]) { nodes { amount cluster { code } } } }", json!({})).await;
    for node in sorted["commitments"]["nodes"].as_array().unwrap() {
        assert_eq!(node["cluster"]["code"], "MO");
    }
    // The cluster's own figures match the database.
    let own = mo
        .data(
            "{ commitments(filter: {status: ACCEPTED}, first: 100) { totalCount } }",
            json!({}),
        )
        .await;
    let truth = ids(&app, "SELECT id FROM commitment WHERE status = 'ACCEPTED' AND cluster_id = (SELECT id FROM cluster WHERE code = 'MO')").await;
    assert_eq!(
        own["commitments"]["totalCount"].as_u64().unwrap() as usize,
        truth.len()
    );
}

run_on_both_databases!(a_cluster_member_learns_nothing_about_other_clusters_money);

async fn a_committee_member_sees_commitment_status_in_their_area_but_no_money(app: TestApp) {
    let committee = app.as_roles(&["committee_member:WK059910"]);
    let data = committee.data("{ commitments(first: 100) { totalCount nodes { status amount hours budgetLine { id } } } }", json!({})).await;
    let nodes = data["commitments"]["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty());
    for node in nodes {
        assert!(node["status"].is_string());
        assert_eq!(node["amount"], Value::Null);
        assert_eq!(node["hours"], Value::Null);
        assert_eq!(node["budgetLine"], Value::Null);
    }
    let director = app.as_roles(&["area_director:WK059910"]);
    let data = director.data("{ commitments(filter: {status: ACCEPTED}, first: 1) { nodes { amount } } budgetLines { totalCount } }", json!({})).await;
    assert!(
        data["commitments"]["nodes"][0]["amount"].is_string(),
        "the area director sees the money of commitments"
    );
    assert_eq!(
        data["budgetLines"]["totalCount"], 0,
        "but no budget line detail"
    );
}

run_on_both_databases!(a_committee_member_sees_commitment_status_in_their_area_but_no_money);

async fn the_public_sees_published_plans_and_public_progress_only(app: TestApp) {
    let public = app.as_roles(&[]);
    let data = public.data(
        "{ plans(first: 100) { totalCount nodes { status priorities { nodes { actions { nodes { progressUpdates { nodes { public } } commitments { totalCount } } } } } } }
           drafts: plans(filter: {status: DRAFT}) { totalCount }
           budgetLines { totalCount } commitments { totalCount } escalations { totalCount } people { totalCount }
           me { authenticated permissions { entity operation allowed } } }",
        json!({}),
    ).await;
    assert_eq!(data["drafts"]["totalCount"], 0);
    for field in ["budgetLines", "commitments", "escalations"] {
        assert_eq!(data[field]["totalCount"], 0, "{field}");
    }
    // People only when marked public (see `contact.rs`).
    let public_people = crate::helpers::count_rows(&app.db, "person WHERE public = true").await;
    assert_eq!(data["people"]["totalCount"], public_people);
    for plan in data["plans"]["nodes"].as_array().unwrap() {
        assert_ne!(plan["status"], "DRAFT");
        for priority in plan["priorities"]["nodes"].as_array().unwrap() {
            for action in priority["actions"]["nodes"].as_array().unwrap() {
                assert_eq!(action["commitments"]["totalCount"], 0);
                for update in action["progressUpdates"]["nodes"].as_array().unwrap() {
                    assert_eq!(update["public"], true);
                }
            }
        }
    }
    assert_eq!(data["me"]["authenticated"], false);
    let permissions = data["me"]["permissions"].as_array().unwrap();
    let allowed = |entity: &str| {
        permissions
            .iter()
            .any(|p| p["entity"] == entity && p["operation"] == "READ" && p["allowed"] == true)
    };
    assert!(allowed("PLAN"));
    assert!(!allowed("BUDGET_LINE"));
}

run_on_both_databases!(the_public_sees_published_plans_and_public_progress_only);

async fn me_reports_the_matrix_for_the_callers_grants(app: TestApp) {
    let caller = app.as_roles(&["cluster_member:MO", "committee_member:WK059910"]);
    let data = caller.data("{ me { grants { role code } permissions { entity operation allowed reaches { scope grant } } } }", json!({})).await;
    assert_eq!(data["me"]["grants"].as_array().unwrap().len(), 2);
    let permissions = data["me"]["permissions"].as_array().unwrap();
    assert_eq!(
        permissions.len(),
        EntityKind::ALL.len() * Operation::ALL.len()
    );
    let commitment_money = permissions
        .iter()
        .find(|p| p["entity"] == "COMMITMENT" && p["operation"] == "READ_MONEY")
        .unwrap();
    assert_eq!(
        commitment_money["reaches"],
        json!([{ "scope": "OWN_CLUSTER", "grant": "cluster_member:MO" }])
    );
}

run_on_both_databases!(me_reports_the_matrix_for_the_callers_grants);

/// Every object type with a global id is guarded by a row of the matrix, and every root
/// field is covered by this suite: a new type or list fails here until it is added.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_schema_type_and_root_list_has_a_row_in_the_matrix() {
    let app = crate::helpers::spawn_app(crate::helpers::Engine::Sqlite).await;
    let data = app.data(
        r#"{ node: __type(name: "Node") { possibleTypes { name } } query: __type(name: "Query") { fields { name } } }"#,
        json!({}),
    ).await;
    let guarded: BTreeSet<&str> = ENTITIES
        .iter()
        .map(|(_, type_name, ..)| *type_name)
        .collect();
    for node_type in data["node"]["possibleTypes"].as_array().unwrap() {
        let name = node_type["name"].as_str().unwrap();
        assert!(
            guarded.contains(name),
            "type {name} has no row in the permission matrix suite"
        );
    }
    let covered: BTreeSet<&str> = ENTITIES
        .iter()
        .filter_map(|(.., field)| *field)
        .chain([
            "node",
            "me",
            "overdueCommitments",
            "budgetSummary",
            "adoptedPlan",
            "residentInput",
        ])
        .collect();
    for field in data["query"]["fields"].as_array().unwrap() {
        let name = field["name"].as_str().unwrap();
        assert!(
            covered.contains(name),
            "root field {name} is not covered by the matrix suite"
        );
    }
}

async fn only_callers_who_see_every_readable_commitments_money_filter_or_sort_by_it(app: TestApp) {
    let line = app
        .data("{ budgetLines(first: 1) { nodes { id } } }", json!({}))
        .await["budgetLines"]["nodes"][0]["id"]
        .clone();
    let by_money = [
        (
            "orderBy",
            "{ commitments(first: 50, orderBy: [{field: AMOUNT}]) { nodes { id } } }".to_owned(),
        ),
        (
            "filter.budgetLineId",
            format!(
                "{{ commitments(first: 50, filter: {{budgetLineId: {line}}}) {{ nodes {{ id }} }} }}"
            ),
        ),
    ];
    for caller in CALLERS {
        // Generated from the matrix: allowed exactly when money reaches as far as reading
        // does, for each of the caller's acting roles (the public's and the grant's).
        let allowed = Grant::parse(caller)
            .map(|grant| grant.role)
            .into_iter()
            .chain([Role::Public])
            .all(|role| {
                scope_of(role, EntityKind::Commitment, Operation::ReadMoney)
                    == scope_of(role, EntityKind::Commitment, Operation::Read)
            });
        let who = app.as_roles(&roles(caller));
        for (field, query) in &by_money {
            let response = who.graphql(query, json!({})).await;
            if allowed {
                assert!(
                    response.get("errors").is_none(),
                    "{caller} {field}: {response}"
                );
            } else {
                assert_eq!(
                    response["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
                    "{caller} {field}: {response}"
                );
                assert_eq!(
                    response["errors"][0]["extensions"]["field"], *field,
                    "{caller}: {response}"
                );
                assert!(response["data"].is_null(), "{caller} {field}: {response}");
            }
        }
        // The same list without money arguments answers as before.
        let plain = who
            .graphql(
                "{ commitments(first: 50, orderBy: [{field: STATUS}]) { nodes { id } } }",
                json!({}),
            )
            .await;
        assert!(plain.get("errors").is_none(), "{caller}: {plain}");
    }
}

run_on_both_databases!(only_callers_who_see_every_readable_commitments_money_filter_or_sort_by_it);

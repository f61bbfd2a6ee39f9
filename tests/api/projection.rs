//! A list of plans, priorities, actions or commitments reads only the columns its nodes'
//! fields need: every field read alone answers exactly as it does read together with all
//! the others.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, run_on_both_databases};

run_on_both_databases!(
    every_plan_priority_action_and_commitment_field_read_alone_answers_as_read_with_all_fields_in_root_and_nested_lists,
);

/// The lists: the node type, the query (`SEL` stands for the nodes' selection) and the
/// keys from the answer to the nodes read with `SEL`.
const LISTS: [(&str, &str, &[&str]); 8] = [
    (
        "Plan",
        "{ plans(first: 40) { pageInfo { endCursor } nodes { SEL } } }",
        &["plans", "nodes"],
    ),
    (
        "Plan",
        "{ neighbourhoods(first: 60) { nodes { plans(first: 3) { pageInfo { endCursor } nodes { SEL } } } } }",
        &["neighbourhoods", "nodes", "plans", "nodes"],
    ),
    (
        "Priority",
        "{ priorities(first: 40) { pageInfo { endCursor } nodes { SEL } } }",
        &["priorities", "nodes"],
    ),
    (
        "Priority",
        "{ plans(first: 20) { nodes { priorities(first: 4) { pageInfo { endCursor } nodes { SEL } } } } }",
        &["plans", "nodes", "priorities", "nodes"],
    ),
    (
        "Commitment",
        "{ commitments(first: 40, orderBy: [{field: RESPONSE_DEADLINE}]) { pageInfo { endCursor } nodes { SEL } } }",
        &["commitments", "nodes"],
    ),
    (
        "Commitment",
        "{ actions(first: 50) { nodes { commitments(first: 4) { pageInfo { endCursor } nodes { SEL } } } } }",
        &["actions", "nodes", "commitments", "nodes"],
    ),
    (
        "Action",
        "{ actions(first: 40) { pageInfo { endCursor } nodes { SEL } } }",
        &["actions", "nodes"],
    ),
    (
        "Action",
        "{ priorities(first: 60) { nodes { actions(first: 4) { pageInfo { endCursor } nodes { SEL } } } } }",
        &["priorities", "nodes", "actions", "nodes"],
    ),
];

const TYPES: &str = "{ __schema { types { name kind fields { name args { type { kind } }
    type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";

async fn every_plan_priority_action_and_commitment_field_read_alone_answers_as_read_with_all_fields_in_root_and_nested_lists(
    app: TestApp,
) {
    vary_the_optional_columns(&app).await;
    let types = app.data(TYPES, json!({})).await;
    let types: HashMap<String, Value> = types["__schema"]["types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_owned(), t.clone()))
        .collect();
    // Per type, the nodes the admin read with every field.
    let mut read: HashMap<&str, Vec<Value>> = HashMap::new();
    for roles in [["admin"], ["cluster_member:MO"]] {
        let caller = app.as_roles(&roles);
        for (type_name, template, path) in LISTS {
            let fields = selections(&types, type_name);
            assert!(fields.len() > 12, "{type_name} has its fields: {fields:?}");
            let all: Vec<&str> = fields.iter().map(|(_, text)| text.as_str()).collect();
            let full = caller
                .data(&template.replace("SEL", &all.join(" ")), json!({}))
                .await;
            let mut nodes = Vec::new();
            collect(&full, path, &mut nodes);
            assert!(
                nodes.len() > 10,
                "{type_name} list read as {roles:?}: {full}"
            );
            for (name, text) in &fields {
                let alone = caller.data(&template.replace("SEL", text), json!({})).await;
                assert_eq!(
                    alone,
                    only(&full, path, name),
                    "{type_name}.{name} read alone, as {roles:?}, in {template}"
                );
            }
            if roles == ["admin"] {
                read.entry(type_name)
                    .or_default()
                    .extend(nodes.into_iter().cloned());
            }
        }
    }
    // Each field's values differ between the rows read, so a column left unread (and
    // decoded as its placeholder) would show. Connections page by the row's id, which
    // every read holds.
    for (type_name, nodes) in read {
        for (name, text) in selections(&types, type_name) {
            if text.contains("totalCount") {
                continue;
            }
            let mut values: Vec<&Value> = nodes.iter().map(|node| &node[&name]).collect();
            values.sort_by_key(|v| v.to_string());
            values.dedup();
            assert!(
                values.len() > 1,
                "{type_name}.{name} has one value: {values:?}"
            );
        }
    }
}

/// Gives the optional columns of the four entities values on some rows and not on others
/// (the demo leaves some empty everywhere).
async fn vary_the_optional_columns(app: &TestApp) {
    for statement in [
        "UPDATE commitment SET question = 'Vraag ' || id, hours_asked_centi = id * 150,
            amount_asked_cents = id * 2500, version = version + 1 + id % 2, requested_by = 'Vrager ' || id
            WHERE id % 3 = 0",
        "UPDATE commitment SET reason = 'Reden ' || id, answered_by = 'beantwoord ' || id
            WHERE id % 4 = 1",
        // Some requests past their deadline (overdue), in each engine's own time format,
        // and some not yet due.
        "UPDATE commitment SET status = 'REQUESTED',
            response_deadline = (SELECT MIN(requested_at) FROM commitment) WHERE id % 5 = 2",
        "UPDATE commitment SET status = 'REQUESTED', response_deadline = '2999-01-01 00:00:00+00:00'
            WHERE id % 5 = 4",
        "UPDATE action SET responsible_person = NULL, measurable_target = NULL, deadline = NULL,
            drop_reason = 'Vervallen ' || id, dropped_at = updated_at, version = version + 1
            WHERE id % 3 = 0",
        "UPDATE plan SET cluster_id = (SELECT MIN(id) FROM cluster), superseded_by_id = parent_plan_id
            WHERE id % 2 = 0",
        "UPDATE priority SET theme = NULL, city_programme_id = NULL WHERE id % 3 = 0",
        "UPDATE action SET progress_percent = id % 100, lead_position = 'SUPPORT',
            proposed_by_cluster_id = lead_cluster_id,
            updated_at = (SELECT MIN(requested_at) FROM commitment) WHERE id % 2 = 0",
    ] {
        app.db.execute_unprepared(statement).await.unwrap();
    }
}

/// Each field of `type_name` without required arguments, with a selection reading it: the
/// field itself for a scalar, its id (or its scalars) for an object, the count and ids
/// for a connection.
fn selections(types: &HashMap<String, Value>, type_name: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for field in types[type_name]["fields"].as_array().unwrap() {
        let required = field["args"]
            .as_array()
            .unwrap()
            .iter()
            .any(|arg| arg["type"]["kind"] == "NON_NULL");
        if required {
            continue;
        }
        let name = field["name"].as_str().unwrap();
        let target = &types[named(&field["type"])];
        let text = match target["kind"].as_str().unwrap() {
            "SCALAR" | "ENUM" => name.to_owned(),
            "OBJECT" => format!("{name} {{ {} }}", inside(types, target)),
            _ => format!("{name} {{ __typename }}"),
        };
        found.push((name.to_owned(), text));
    }
    found
}

/// What to read inside an object: a connection's count and node ids, an object's id, or
/// else its scalar fields.
fn inside(types: &HashMap<String, Value>, object: &Value) -> String {
    let fields = object["fields"].as_array().unwrap();
    let has = |name: &str| fields.iter().any(|f| f["name"] == name);
    if has("nodes") {
        "totalCount nodes { id }".to_owned()
    } else if has("id") {
        "id".to_owned()
    } else {
        fields
            .iter()
            .filter(|f| {
                let kind = &types[named(&f["type"])]["kind"];
                (kind == "SCALAR" || kind == "ENUM") && f["args"].as_array().unwrap().is_empty()
            })
            .map(|f| f["name"].as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The named type inside list and non-null wrappers.
fn named(mut reference: &Value) -> &str {
    while reference["name"].is_null() {
        reference = &reference["ofType"];
    }
    reference["name"].as_str().unwrap()
}

/// `answer` with the nodes at `path` reduced to `field`.
fn only(answer: &Value, path: &[&str], field: &str) -> Value {
    match answer {
        Value::Array(items) => Value::Array(items.iter().map(|i| only(i, path, field)).collect()),
        Value::Object(map) => match path.split_first() {
            None => json!({ field: map[field] }),
            Some((key, rest)) => {
                let mut copy = map.clone();
                copy.insert((*key).to_owned(), only(&map[*key], rest, field));
                Value::Object(copy)
            }
        },
        other => other.clone(),
    }
}

/// The nodes at `path` in `answer`.
fn collect<'a>(answer: &'a Value, path: &[&str], into: &mut Vec<&'a Value>) {
    match (answer, path.split_first()) {
        (Value::Array(items), _) => items.iter().for_each(|i| collect(i, path, into)),
        (_, None) => into.push(answer),
        (_, Some((key, rest))) => collect(&answer[*key], rest, into),
    }
}

//! Relation fields: every one shows children to some caller, never beyond the child's scope.

use super::*;

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

//! A bounded fuzz run over the whole published schema: every query and mutation field is
//! called with variables generated from its arguments' types — valid values, edge values
//! (2^31, "NaN", "1e30", 2016-02-30, 10,000 characters, NUL) and values of the wrong type —
//! as several callers. No answer may be `INTERNAL` or an HTTP 5xx, and the process keeps
//! answering. Deterministic for its seed (`WIJKGRAPH_FUZZ_SEED`, printed on failure).

use std::collections::HashMap;

use async_graphql::parser::types::{BaseType, Type, TypeKind, TypeSystemDefinition};
use serde_json::{Map, Value, json};

use crate::helpers::{Engine, TestApp, spawn_app};

mod run;

/// Requests per run and engine: enough to reach every field a few dozen times.
const REQUESTS: usize = 1200;

/// A root field: its operation type, name, arguments and return type.
type Root = (&'static str, String, Vec<(String, Type)>, Type);

/// What the generator knows of the schema.
struct Schema {
    kinds: HashMap<String, TypeKind>,
    roots: Vec<Root>,
}

fn schema() -> Schema {
    let document = async_graphql::parser::parse_schema(wijkgraph::graphql::sdl()).unwrap();
    let mut kinds = HashMap::new();
    for definition in document.definitions {
        if let TypeSystemDefinition::Type(definition) = definition {
            kinds.insert(
                definition.node.name.node.to_string(),
                definition.node.kind.clone(),
            );
        }
    }
    let mut roots = Vec::new();
    for (operation, root) in [("query", "Query"), ("mutation", "Mutation")] {
        if let Some(TypeKind::Object(object)) = kinds.get(root) {
            for field in &object.fields {
                let field = &field.node;
                let arguments = field
                    .arguments
                    .iter()
                    .map(|argument| {
                        (
                            argument.node.name.node.to_string(),
                            argument.node.ty.node.clone(),
                        )
                    })
                    .collect();
                roots.push((
                    operation,
                    field.name.node.to_string(),
                    arguments,
                    field.ty.node.clone(),
                ));
            }
        }
    }
    Schema { kinds, roots }
}

/// Hostile values of any type.
fn hostile(rng: &mut fastrand::Rng) -> Value {
    let long = "x".repeat(10_000);
    let choices = [
        json!(2_147_483_648_i64),
        json!(-2_147_483_649_i64),
        json!(1e300),
        json!("NaN"),
        json!("1e30"),
        json!(""),
        json!("\u{0}"),
        json!(long),
        json!("2016-02-30"),
        json!([1, 2, 3]),
        json!({ "nested": { "deeper": [null] } }),
        json!(true),
        json!(null),
        json!("💥%_'\"\\"),
    ];
    choices[rng.usize(..choices.len())].clone()
}

fn named(ty: &Type) -> Option<&str> {
    match &ty.base {
        BaseType::Named(name) => Some(name.as_str()),
        BaseType::List(_) => None,
    }
}

fn value(schema: &Schema, ty: &Type, ids: &[String], depth: u32, rng: &mut fastrand::Rng) -> Value {
    if rng.u8(..100) < 8 {
        return hostile(rng);
    }
    if !ty.nullable && rng.u8(..100) < 3 {
        return Value::Null;
    }
    if ty.nullable && rng.u8(..100) < 15 {
        return Value::Null;
    }
    match &ty.base {
        BaseType::List(inner) => {
            let len = rng.usize(..4);
            Value::Array(
                (0..len)
                    .map(|_| value(schema, inner, ids, depth + 1, rng))
                    .collect(),
            )
        }
        BaseType::Named(name) => named_value(schema, name.as_str(), ids, depth, rng),
    }
}

fn pick(rng: &mut fastrand::Rng, choices: &[Value]) -> Value {
    choices[rng.usize(..choices.len())].clone()
}

fn named_value(
    schema: &Schema,
    name: &str,
    ids: &[String],
    depth: u32,
    rng: &mut fastrand::Rng,
) -> Value {
    match name {
        "Int" => pick(
            rng,
            &[
                json!(0),
                json!(1),
                json!(-1),
                json!(5),
                json!(20),
                json!(1000),
                json!(2017),
                json!(2_147_483_647),
                json!(-2_147_483_648_i64),
                json!(1.5),
            ],
        ),
        "Float" => pick(rng, &[json!(0.0), json!(-1.5), json!(1e308)]),
        "Boolean" => json!(rng.bool()),
        "String" => pick(
            rng,
            &[
                json!(""),
                json!("Bloemhof"),
                json!("a"),
                json!("%"),
                json!("_"),
                json!("x".repeat(201)),
                json!("tab\there"),
                json!("zo'n \"wijk\""),
            ],
        ),
        "ID" => {
            if !ids.is_empty() && rng.u8(..100) < 70 {
                json!(ids[rng.usize(..ids.len())])
            } else {
                pick(
                    rng,
                    &[
                        json!("x"),
                        json!(""),
                        json!("UGxhbjo5OTk5OTk="),
                        json!("Og=="),
                    ],
                )
            }
        }
        "Decimal" => pick(
            rng,
            &[
                json!("0"),
                json!("1.50"),
                json!("-1"),
                json!("1000000"),
                json!("0.001"),
                json!("79228162514264337593543950336"),
                json!(12.5),
            ],
        ),
        "NaiveDate" => pick(
            rng,
            &[
                json!("2016-01-01"),
                json!("2017-12-31"),
                json!("2016-13-01"),
                json!("0000-01-01"),
            ],
        ),
        "DateTime" => pick(
            rng,
            &[
                json!("2026-12-01T00:00:00Z"),
                json!("2016-01-01T00:00:00+02:00"),
                json!("yesterday"),
                json!("2099-01-01T00:00:00Z"),
            ],
        ),
        other => match schema.kinds.get(other) {
            Some(TypeKind::Enum(enumeration)) => {
                if rng.u8(..100) < 90 {
                    let values = &enumeration.values;
                    json!(
                        values[rng.usize(..values.len())]
                            .node
                            .value
                            .node
                            .to_string()
                    )
                } else {
                    json!("NOT_A_VALUE")
                }
            }
            Some(TypeKind::InputObject(input)) if depth < 4 => {
                let mut object = Map::new();
                for field in &input.fields {
                    if rng.u8(..100) < 70 || !field.node.ty.node.nullable {
                        object.insert(
                            field.node.name.node.to_string(),
                            value(schema, &field.node.ty.node, ids, depth + 1, rng),
                        );
                    }
                }
                if rng.u8(..100) < 5 {
                    object.insert("bogus".into(), json!(1));
                }
                Value::Object(object)
            }
            _ => Value::Null,
        },
    }
}

/// A few real ids, so generated requests also reach rows and not only refusals.
async fn real_ids(app: &TestApp) -> Vec<String> {
    let data = app
        .data(
            "{ plans(first: 5) { nodes { id priorities(first: 3) { nodes { id actions(first: 3) { nodes { id } } } } } }
               clusters(first: 5) { nodes { id } } neighbourhoods(first: 5) { nodes { id } }
               commitments(first: 10) { nodes { id } } budgetLines(first: 5) { nodes { id } }
               areas(first: 3) { nodes { id } } }",
            json!({}),
        )
        .await;
    let mut ids = Vec::new();
    collect_ids(&data, &mut ids);
    ids
}

fn collect_ids(value: &Value, ids: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, item) in fields {
                match (key.as_str(), item) {
                    ("id", Value::String(id)) => ids.push(id.clone()),
                    _ => collect_ids(item, ids),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_ids(item, ids)),
        _ => {}
    }
}

//! A bounded fuzz run over the whole published schema: every query and mutation field is
//! called with variables generated from its arguments' types — valid values, edge values
//! (2^31, "NaN", "1e30", 2016-02-30, 10,000 characters, NUL) and values of the wrong type —
//! as several callers. No answer may be `INTERNAL` or an HTTP 5xx, and the process keeps
//! answering. Deterministic for its seed (`WIJKGRAPH_FUZZ_SEED`, printed on failure).

use std::collections::HashMap;

use async_graphql::parser::types::{BaseType, Type, TypeKind, TypeSystemDefinition};
use serde_json::{Map, Value, json};

use crate::helpers::{Engine, TestApp, spawn_app};

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

async fn fuzz(engine: Engine) {
    let seed = std::env::var("WIJKGRAPH_FUZZ_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(20_161_129_u64);
    let mut rng = fastrand::Rng::with_seed(seed);
    let app = spawn_app(engine).await;
    let schema = schema();
    let ids = real_ids(&app).await;
    let callers = [
        vec!["admin"],
        vec!["cluster_member:MO"],
        vec!["neighbourhood_manager:BU05991086"],
        vec!["committee_member:WK059910"],
        vec![],
    ];
    let mut internal = Vec::new();
    let mut codes: HashMap<String, usize> = HashMap::new();
    for _ in 0..REQUESTS {
        let (operation, field, arguments, returns) = &schema.roots[rng.usize(..schema.roots.len())];
        let declared: Vec<String> = arguments
            .iter()
            .enumerate()
            .map(|(index, (_, ty))| format!("$a{index}: {ty}"))
            .collect();
        let passed: Vec<String> = arguments
            .iter()
            .enumerate()
            .map(|(index, (name, _))| format!("{name}: $a{index}"))
            .collect();
        let mut variables = Map::new();
        for (index, (_, ty)) in arguments.iter().enumerate() {
            variables.insert(format!("a{index}"), value(&schema, ty, &ids, 0, &mut rng));
        }
        let inner = named(returns)
            .map(str::to_owned)
            .or_else(|| match &returns.base {
                BaseType::List(inner) => named(inner).map(str::to_owned),
                BaseType::Named(_) => None,
            })
            .unwrap_or_default();
        let selection = match schema.kinds.get(&inner) {
            Some(TypeKind::Object(_) | TypeKind::Interface(_) | TypeKind::Union(_)) => {
                " { __typename }"
            }
            _ => "",
        };
        let query = format!(
            "{operation}{} {{ {field}{}{selection} }}",
            if declared.is_empty() {
                String::new()
            } else {
                format!("({})", declared.join(", "))
            },
            if passed.is_empty() {
                String::new()
            } else {
                format!("({})", passed.join(", "))
            },
        );
        let caller = &callers[rng.usize(..callers.len())];
        let mut request = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": query, "variables": Value::Object(variables.clone()) }));
        if !caller.is_empty() {
            request = request.bearer_auth(crate::helpers::token_for(&app.config, caller));
        }
        let response = request.send().await.expect("an answer");
        let status = response.status().as_u16();
        let body: Value = response.json().await.expect("JSON");
        for error in body["errors"].as_array().into_iter().flatten() {
            let code = error["extensions"]["code"].as_str().unwrap_or("<none>");
            *codes.entry(code.to_owned()).or_default() += 1;
            if code == "INTERNAL" || code == "<none>" {
                internal.push(format!("{query} {variables:?} as {caller:?}: {error}"));
            }
        }
        if status >= 500 {
            internal.push(format!("HTTP {status}: {query} {variables:?}: {body}"));
        }
    }
    let health = reqwest::get(format!("{}/healthz", app.address))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    assert!(
        internal.is_empty(),
        "seed {seed}: {} internal answers, e.g.:\n{}",
        internal.len(),
        internal
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The run reached more than refusals.
    assert!(
        codes.get("BAD_USER_INPUT").copied().unwrap_or(0) > 50,
        "{codes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_fuzz_run_over_every_query_and_mutation_field_finds_no_internal_on_sqlite() {
    fuzz(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_fuzz_run_over_every_query_and_mutation_field_finds_no_internal_on_postgres() {
    fuzz(Engine::Postgres).await;
}

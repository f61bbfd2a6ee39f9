//! The run: real ids from the demo, each field called with generated variables, every
//! answer checked for an internal error or a crash.

use super::*;

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

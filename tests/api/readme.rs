//! The README's walk through the demo works as written: each query, run as the person the
//! README names, answers without errors and with the data the text promises.

use crate::helpers::{TestApp, run_on_both_databases};
use serde_json::json;

/// The GraphQL blocks of the README's "A walk through the demo" section, in order.
fn walkthrough() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let section = readme
        .split("## A walk through the demo")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the walk-through section");
    section
        .split("```graphql")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .map(str::to_owned)
        .collect()
}

async fn the_readme_walk_through_answers_each_persons_question(app: TestApp) {
    let queries = walkthrough();
    assert_eq!(queries.len(), 3);
    let resident = app.as_roles(&[]).data(&queries[0], json!({})).await;
    let input = &resident["residentInput"];
    assert_eq!(input["outcome"], "INCORPORATED", "{resident}");
    let landing = &input["landings"]["nodes"][0];
    assert!(
        landing["priority"]["plan"]["title"].is_string(),
        "{resident}"
    );
    assert!(
        !landing["action"]["progressUpdates"]["nodes"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{resident}"
    );

    let committee = app
        .as_roles(&["committee_member:WK059910"])
        .data(&queries[1], json!({}))
        .await;
    let advice = committee["plans"]["nodes"][0]["committeeAdvice"]["nodes"]
        .as_array()
        .unwrap();
    assert!(advice.iter().any(|a| a["requested"] == true), "{committee}");
    let commitments = committee["commitments"]["nodes"].as_array().unwrap();
    assert!(
        !commitments.is_empty() && commitments.iter().all(|c| c["amount"].is_null()),
        "{committee}"
    );

    let controller = app
        .as_roles(&["controller"])
        .data(&queries[2], json!({}))
        .await;
    let rows = controller["budgetSummary"].as_array().unwrap();
    assert!(
        rows.iter()
            .filter(|row| row["servedNeighbourhood"]["name"].is_string())
            .count()
            >= 10,
        "{controller}"
    );
}

run_on_both_databases!(the_readme_walk_through_answers_each_persons_question);

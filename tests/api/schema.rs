//! `schema.graphql` is the published contract: it must equal what the code serves.

use std::path::Path;

#[test]
fn schema_graphql_equals_the_served_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    let served = wijkgraph::graphql::sdl();
    if published != served {
        let published_lines: Vec<&str> = published.lines().collect();
        let served_lines: Vec<&str> = served.lines().collect();
        let mut diff = String::new();
        for (number, pair) in published_lines.iter().zip(served_lines.iter()).enumerate() {
            if pair.0 != pair.1 {
                diff.push_str(&format!(
                    "line {}:\n- {}\n+ {}\n",
                    number + 1,
                    pair.0,
                    pair.1
                ));
                if diff.lines().count() > 30 {
                    break;
                }
            }
        }
        if published_lines.len() != served_lines.len() {
            diff.push_str(&format!(
                "published has {} lines, served {}\n",
                published_lines.len(),
                served_lines.len()
            ));
        }
        panic!(
            "schema.graphql differs from the served schema (- published, + served):\n{diff}\n\
             If the change is deliberate: cargo run -- schema > schema.graphql, and note breaking changes in CHANGELOG.md"
        );
    }
}

//! Root lists and `node(id:)`: each grant gets exactly its rows, and a row out of scope
//! answers like a missing one.

use super::*;
use crate::helpers::paged;

async fn every_root_list_answers_exactly_the_rows_the_matrix_grants(app: TestApp) {
    for caller in CALLERS {
        for (entity, _, _, field) in ENTITIES {
            let Some(field) = field else { continue };
            let expected = truth(&app, caller, entity, Operation::Read).await;
            let (total, listed) = paged(&app, &roles(caller), field, "").await;
            let listed: BTreeSet<i64> = listed.iter().map(db_id).collect();
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

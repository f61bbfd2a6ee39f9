//! Money: who reads amounts and hours, and who may filter or sort by them.

use super::*;

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

//! Commitment counts the database keeps (`commitment_tally`): a count read from it equals
//! counting the rows the caller sees, whatever wrote the commitments; on PostgreSQL writers
//! never wait for each other on it, and folding it while they write keeps every count.

use super::*;
use crate::helpers::{cluster_id, paged, tally_differences};
use sea_orm::{DatabaseBackend, Statement, TransactionTrait};

const REQUEST: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id version } } }";

async fn exec(db: &impl ConnectionTrait, sql: &str) {
    db.execute_unprepared(sql)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

async fn a_commitment_count_equals_the_rows_each_caller_sees_after_api_and_sql_writes_and_reads_the_tally_only_where_that_holds(
    app: TestApp,
) {
    let data = app
        .data(
            r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } }"#,
            json!({}),
        )
        .await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    let (mo, sb) = (cluster_id(&app, "MO").await, cluster_id(&app, "SB").await);
    // Through the API: requests to MO and SB, one rejected, one withdrawn.
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let mut asked = Vec::new();
    for cluster in [&mo, &mo, &mo, &sb, &sb] {
        let input = json!({ "input": { "actionId": action, "clusterId": cluster, "kind": "NEW" } });
        asked.push(
            manager.data(REQUEST, input).await["requestCommitment"]["commitment"]["id"].clone(),
        );
    }
    app.as_roles(&["cluster_member:MO"]).data(
        "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }",
        json!({ "input": { "id": asked[0], "expectedVersion": 1, "answer": "REJECT", "reason": "Geen capaciteit." } }),
    ).await;
    manager.data(
        "mutation($input: WithdrawCommitmentInput!) { withdrawCommitment(input: $input) { commitment { status } } }",
        json!({ "input": { "id": asked[1], "expectedVersion": 1, "reason": "Niet meer nodig." } }),
    ).await;
    // In SQL: a copy in another status, several keys changed by one statement, a row
    // deleted, and a change to no key at all.
    let (mo_db, sb_db) = (db_id(mo.as_str().unwrap()), db_id(sb.as_str().unwrap()));
    exec(
        &app.db,
        &copy_commitment(db_id(asked[2].as_str().unwrap()), "DELIVERED"),
    )
    .await;
    exec(&app.db, &format!("UPDATE commitment SET cluster_id = {mo_db} WHERE cluster_id = {sb_db} AND status IN ('REQUESTED', 'ACCEPTED')")).await;
    exec(
        &app.db,
        &format!(
            "DELETE FROM commitment WHERE id = {}",
            db_id(asked[4].as_str().unwrap())
        ),
    )
    .await;
    exec(
        &app.db,
        "UPDATE commitment SET reason = 'nagekeken' WHERE status = 'REJECTED'",
    )
    .await;
    assert_eq!(tally_differences(&app.db).await, Vec::<String>::new());

    let action_filter = format!("{{status: REQUESTED, actionId: {action}}}");
    let mo_filter = format!("{{clusterId: {mo}}}");
    let filters = [
        "{}",
        "{status: REQUESTED}",
        "{status: ACCEPTED, kind: NEW}",
        mo_filter.as_str(),
        action_filter.as_str(),
    ];
    let callers = [
        "admin",
        "cluster_member:MO",
        "cluster_member:SB",
        "area_director:WK059910",
        "neighbourhood_manager:BU05991086",
    ];
    for role in callers {
        for filter in filters {
            let arguments = format!("filter: {filter}, ");
            let (counted, seen) = paged(&app, &[role], "commitments", &arguments).await;
            assert_eq!(counted, seen.len() as i64, "{role}, {filter}");
        }
    }
    // Which way it was counted: the tally for equalities on its keys and a caller whose
    // scope is a cluster (or everything); the rows otherwise.
    let statements_of = |role: &'static str, filter: String| {
        let app = &app;
        async move {
            let query = format!("{{ commitments(filter: {filter}) {{ totalCount }} }}");
            app.reset_statements();
            app.as_roles(&[role]).data(&query, json!({})).await;
            app.statements()
        }
    };
    for (role, filter, tallied) in [
        ("cluster_member:MO", "{status: REQUESTED}".to_owned(), true),
        ("admin", mo_filter.clone(), true),
        ("admin", action_filter.clone(), false),
        (
            "area_director:WK059910",
            "{status: REQUESTED}".to_owned(),
            false,
        ),
    ] {
        let statements = statements_of(role, filter.clone()).await;
        let reads_tally = statements.iter().any(|s| s.contains("commitment_tally"));
        let counts_rows = statements
            .iter()
            .any(|s| s.to_uppercase().contains("COUNT("));
        assert_eq!(
            (reads_tally, counts_rows),
            (tallied, !tallied),
            "{role}, {filter}: {statements:#?}"
        );
    }
}
run_on_both_databases!(
    a_commitment_count_equals_the_rows_each_caller_sees_after_api_and_sql_writes_and_reads_the_tally_only_where_that_holds
);

/// Ids of four of `cluster`'s commitments: two requested, two accepted (copies made here).
async fn four_of(db: &sea_orm::DatabaseConnection, cluster: i32) -> Vec<i32> {
    let template = db
        .query_one_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            format!("SELECT MIN(id) AS id FROM commitment WHERE cluster_id = {cluster}"),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i32>("", "id")
        .unwrap();
    let mut ids = Vec::new();
    for status in ["REQUESTED", "REQUESTED", "ACCEPTED", "ACCEPTED"] {
        let row = db
            .query_one_raw(Statement::from_string(
                DatabaseBackend::Postgres,
                format!("{} RETURNING id", copy_commitment(template, status)),
            ))
            .await
            .unwrap()
            .unwrap();
        ids.push(row.try_get::<i32>("", "id").unwrap());
    }
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_writers_of_one_clusters_commitments_never_wait_for_each_other_on_the_tally_and_folding_while_they_write_keeps_every_count()
 {
    let app = crate::helpers::spawn_app(crate::helpers::Engine::Postgres).await;
    let mo = db_id(cluster_id(&app, "MO").await.as_str().unwrap());
    let ids = four_of(&app.db, mo).await;
    // Two transactions move MO's commitments between the same statuses in opposite
    // directions, interleaved; a statement that waited for a lock more than two seconds
    // would fail. Counts kept by updating one row per key would make the second wait for
    // the first (and, interleaved like this, deadlock).
    let (first, second) = (app.db.begin().await.unwrap(), app.db.begin().await.unwrap());
    for txn in [&first, &second] {
        exec(txn, "SET LOCAL lock_timeout = '2s'").await;
    }
    let set = |id: i32, status: &str| {
        format!("UPDATE commitment SET status = '{status}' WHERE id = {id}")
    };
    exec(&first, &set(ids[0], "ACCEPTED")).await;
    exec(&second, &set(ids[2], "REQUESTED")).await;
    exec(&first, &set(ids[3], "WITHDRAWN")).await;
    exec(&second, &set(ids[1], "WITHDRAWN")).await;
    first.commit().await.unwrap();
    second.commit().await.unwrap();
    assert_eq!(tally_differences(&app.db).await, Vec::<String>::new());

    // Writers flip statuses and add rows while the tally is folded again and again.
    let writers = (0..4).map(|writer| {
        let db = app.db.clone();
        let ids = ids.clone();
        tokio::spawn(async move {
            for round in 0..15 {
                let txn = db.begin().await.unwrap();
                let id = ids[(writer + round) % ids.len()];
                let status = ["REQUESTED", "ACCEPTED", "REJECTED"][round % 3];
                exec(
                    &txn,
                    &format!("UPDATE commitment SET status = '{status}' WHERE id = {id}"),
                )
                .await;
                exec(&txn, &copy_commitment(id, "DELIVERED")).await;
                txn.commit().await.unwrap();
            }
        })
    });
    let writers: Vec<_> = writers.collect();
    let folder = {
        let db = app.db.clone();
        tokio::spawn(async move {
            let mut folded = 0;
            for _ in 0..20 {
                folded += wijkgraph::access::tally::fold(&db).await.unwrap();
                tokio::task::yield_now().await;
            }
            folded
        })
    };
    for writer in writers {
        writer.await.unwrap();
    }
    assert!(folder.await.unwrap() > 0, "folding folded some keys");
    // One more row for a key the writers made: whatever the folds caught, it is not yet.
    exec(&app.db, &copy_commitment(ids[0], "DELIVERED")).await;
    assert_eq!(tally_differences(&app.db).await, Vec::<String>::new());
    let rows_and_keys = "SELECT COUNT(*) AS n, COUNT(DISTINCT (cluster_id, status, kind)) AS k FROM commitment_tally";
    let shape = |row: sea_orm::QueryResult| {
        (
            row.try_get::<i64>("", "n").unwrap(),
            row.try_get::<i64>("", "k").unwrap(),
        )
    };
    let query = || Statement::from_string(DatabaseBackend::Postgres, rows_and_keys);
    let (rows, keys) = shape(app.db.query_one_raw(query()).await.unwrap().unwrap());
    assert!(
        rows > keys,
        "the writes appended rows: {rows} rows, {keys} keys"
    );
    wijkgraph::access::tally::fold(&app.db).await.unwrap();
    let (rows, keys) = shape(app.db.query_one_raw(query()).await.unwrap().unwrap());
    assert_eq!(rows, keys, "one row per key once folded");
    assert_eq!(tally_differences(&app.db).await, Vec::<String>::new());
}

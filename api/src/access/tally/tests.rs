use super::*;
use crate::access::Grant;
use sea_orm::sea_query::PostgresQueryBuilder;

fn caller(grants: &[&str]) -> Principal {
    Principal::with_grants(
        "someone",
        grants
            .iter()
            .map(|grant| Grant::parse(grant).expect("a valid grant"))
            .collect(),
    )
}

fn on(columns: &[&'static str]) -> Criteria {
    Criteria {
        condition: sea_orm::Condition::all(),
        equalities: Some(columns.to_vec()),
    }
}

fn answers(grants: &[&str], criteria: &Criteria) -> bool {
    COMMITMENTS.answers(EntityKind::Commitment, criteria, &caller(grants))
}

#[test]
fn the_commitment_tally_answers_equalities_on_its_keys_for_callers_who_see_all_none_or_their_cluster()
 {
    for grants in [
        &[][..],
        &["admin"],
        &["controller"],
        &["cluster_member:MO"],
        &["cluster_manager:MO", "cluster_member:SO"],
    ] {
        assert!(answers(grants, &on(&[])), "{grants:?}, no filter");
        assert!(
            answers(grants, &on(&["status", "cluster_id", "kind"])),
            "{grants:?}, on every key"
        );
    }
}

#[test]
fn the_commitment_tally_leaves_counts_by_other_columns_conditions_or_area_scopes_to_the_rows() {
    // A filter on a column the tally does not count by.
    assert!(!answers(&["admin"], &on(&["status", "action_id"])));
    // A condition that is not an equality (a text search, a deadline, a sub-query).
    assert!(!answers(
        &["admin"],
        &Criteria::from(sea_orm::Condition::all())
    ));
    // A scope that reaches commitments through their actions' plans.
    assert!(!answers(&["area_director:WK059910"], &on(&["status"])));
    assert!(!answers(&["neighbourhood_manager:BU05991086"], &on(&[])));
    assert!(!answers(&["committee_member:WK059910"], &on(&[])));
    // One such grant beside a cluster's is enough to count the rows.
    assert!(!answers(
        &["cluster_member:MO", "area_director:WK059910"],
        &on(&["status"])
    ));
}

#[test]
fn a_tally_sum_reads_the_tally_under_the_tables_name_so_conditions_on_other_columns_cannot_run() {
    use sea_orm::ColumnTrait;
    let condition = sea_orm::Condition::all()
        .add(entity::commitment::Column::Status.eq("REQUESTED"))
        .add(entity::commitment::Column::ActionId.eq(7));
    let sql = COMMITMENTS
        .sum::<entity::commitment::Entity>(condition)
        .to_string(PostgresQueryBuilder);
    assert_eq!(
        sql,
        r#"SELECT CAST(COALESCE(SUM("commitment"."tallied"), 0) AS BIGINT) AS "total" FROM "commitment_tally" AS "commitment" WHERE "commitment"."status" = 'REQUESTED' AND "commitment"."action_id" = 7"#
    );
}

#[test]
fn folding_replaces_the_rows_of_each_key_with_their_nonzero_sum_in_one_statement() {
    assert_eq!(
        COMMITMENTS.fold_statement(),
        "WITH gone AS (DELETE FROM commitment_tally WHERE (cluster_id, status, kind) IN \
         (SELECT cluster_id, status, kind FROM commitment_tally GROUP BY cluster_id, status, kind \
         HAVING COUNT(*) > 1) RETURNING cluster_id, status, kind, tallied) \
         INSERT INTO commitment_tally (cluster_id, status, kind, tallied) \
         SELECT cluster_id, status, kind, SUM(tallied) FROM gone GROUP BY cluster_id, status, kind \
         HAVING SUM(tallied) <> 0"
    );
}

use entity::plan;
use sea_orm::sea_query::{Query, SqliteQueryBuilder};

use super::*;

/// The WHERE clause `conditions` make on the plan table, as SQLite text.
fn sql(conditions: Conditions) -> String {
    let statement = Query::select()
        .column(plan::Column::Id)
        .from(plan::Entity)
        .cond_where(Condition::from(conditions))
        .to_string(SqliteQueryBuilder);
    statement
        .split_once(" WHERE ")
        .map_or(String::new(), |(_, clause)| clause.to_owned())
}

#[test]
fn an_absent_filter_field_adds_no_condition_and_a_given_one_an_equality() {
    assert_eq!(
        sql(Conditions::new().eq(plan::Column::YearFrom, None::<i32>)),
        "TRUE"
    );
    assert_eq!(
        sql(Conditions::new().eq(plan::Column::YearFrom, Some(2016))),
        r#""plan"."year_from" = 2016"#
    );
}

#[test]
fn given_filter_fields_must_all_hold() {
    let conditions = Conditions::new()
        .eq(plan::Column::YearFrom, Some(2016))
        .eq(plan::Column::NeighbourhoodId, None::<i32>)
        .when(Some(3), |area| plan::Column::AreaId.eq(area));
    assert_eq!(
        sql(conditions),
        r#""plan"."year_from" = 2016 AND "plan"."area_id" = 3"#
    );
}

#[test]
fn an_id_filter_decodes_the_global_id_or_names_its_field() {
    let id = crate::graphql::relay::encode_id("Area", 7);
    let conditions = Conditions::new()
        .id(plan::Column::AreaId, "Area", "filter.areaId", Some(&id))
        .unwrap();
    assert_eq!(sql(conditions), r#""plan"."area_id" = 7"#);
    let wrong = crate::graphql::relay::encode_id("Cluster", 7);
    let Err(crate::error::ApiError::BadUserInput { field, .. }) =
        Conditions::new().id(plan::Column::AreaId, "Area", "filter.areaId", Some(&wrong))
    else {
        panic!("a cluster's id was taken for an area's");
    };
    assert_eq!(field, "filter.areaId");
}

#[test]
fn a_text_filter_matches_case_insensitively_with_wildcards_taken_literally() {
    assert_eq!(escape_like(r"50%_a\b"), r"50\%\_a\\b");
    let conditions = Conditions::new().contains(plan::Column::Title, Some(&"Kop_Van%".to_owned()));
    assert_eq!(
        sql(conditions),
        r#"LOWER("title") LIKE '%kop\_van\%%' ESCAPE '\'"#
    );
}

#[test]
fn changed_since_reads_the_audit_trail_and_for_budget_lines_their_amendments_too() {
    let since = chrono::DateTime::from_timestamp(1_780_000_000, 0);
    assert_eq!(
        sql(Conditions::new().changed_since::<plan::Entity>(None)),
        "TRUE"
    );
    let plans = sql(Conditions::new().changed_since::<plan::Entity>(since));
    assert!(plans.contains(r#"FROM "audit_event""#), "{plans}");
    assert!(plans.contains(r#""entity" = 'Plan'"#), "{plans}");
    assert!(!plans.contains("budget_amendment"), "{plans}");
    let lines = sql(Conditions::new().changed_since::<entity::budget_line::Entity>(since));
    assert!(lines.contains(r#""entity" = 'BudgetLine'"#), "{lines}");
    assert!(lines.contains(r#"FROM "budget_amendment""#), "{lines}");
    assert!(lines.contains(r#""entity" = 'BudgetAmendment'"#), "{lines}");
}

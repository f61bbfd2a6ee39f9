//! The root query: one list per entity family, each a connection with a typed `filter`
//! and an explicit `orderBy`, plus `node(id:)`.

mod audit;
mod budget;
mod commitments;
mod lists;
mod node;
mod order;
mod organisation;
mod overdue;
mod plans;
mod residents;
mod summary;
mod team;

use async_graphql::MergedObject;

/// The root query type.
#[derive(MergedObject, Default)]
pub struct Query(
    organisation::OrganisationQuery,
    plans::PlanQuery,
    plans::PlanLists,
    team::TeamQuery,
    commitments::CommitmentQuery,
    budget::BudgetQuery,
    residents::ResidentQuery,
    residents::ResidentLists,
    node::NodeQuery,
    audit::AuditQuery,
    overdue::OverdueQuery,
    summary::SummaryQuery,
    crate::graphql::me::MeQuery,
);

use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{ColumnTrait, Condition};

use crate::error::ApiResult;
use crate::graphql::relay::id_of;

/// The longest text a filter compares.
pub const MAX_FILTER_TEXT: usize = 200;

/// Checks text a filter compares (a code, a name to look for): at most
/// [`MAX_FILTER_TEXT`] characters and no NUL character, which PostgreSQL text cannot hold.
/// A failure answers `BAD_USER_INPUT`.
pub struct FilterText;

impl async_graphql::CustomValidator<String> for FilterText {
    fn check(&self, value: &String) -> Result<(), async_graphql::InputValueError<String>> {
        match crate::value::problem(value, MAX_FILTER_TEXT) {
            Some(problem) => Err(async_graphql::InputValueError::custom(format!(
                "a filter text {problem}"
            ))),
            None => Ok(()),
        }
    }
}

/// `action` (a column holding an action's id) is an issue outside the plan — an action on
/// a neighbourhood's issue list — when `outside`, or a plan action when not. Only narrows
/// a list that is scoped already.
fn outside_plan<C: ColumnTrait>(action: C, outside: bool) -> sea_orm::sea_query::SimpleExpr {
    use entity::{action as a, plan, priority};
    use sea_orm::sea_query::Query;
    let lists = Query::select()
        .column(plan::Column::Id)
        .from(plan::Entity)
        .and_where(plan::Column::Kind.eq(entity::enums::PlanKind::IssueList))
        .to_owned();
    let priorities = Query::select()
        .column(priority::Column::Id)
        .from(priority::Entity)
        .and_where(priority::Column::PlanId.in_subquery(lists))
        .to_owned();
    let issues = Query::select()
        .column(a::Column::Id)
        .from(a::Entity)
        .and_where(a::Column::PriorityId.in_subquery(priorities))
        .to_owned();
    if outside {
        action.in_subquery(issues)
    } else {
        action.not_in_subquery(issues)
    }
}

/// Adds `column = value` to `condition` when the filter field was given.
fn eq<C: ColumnTrait, V: Into<sea_orm::Value>>(
    condition: Condition,
    column: C,
    value: Option<V>,
) -> Condition {
    match value {
        Some(value) => condition.add(column.eq(value)),
        None => condition,
    }
}

/// Adds `column = <id decoded from the global id>` when given; `field` names the filter field.
fn eq_id<C: ColumnTrait>(
    condition: Condition,
    column: C,
    type_name: &str,
    field: &str,
    id: Option<&async_graphql::ID>,
) -> ApiResult<Condition> {
    Ok(match id {
        Some(id) => condition.add(column.eq(id_of(type_name, field, id)?)),
        None => condition,
    })
}

/// Keeps the rows of `E` created or changed at or after `since`, when given: every change
/// made through the API writes an audit event, and a budget line also changes with an
/// amendment to it.
fn changed_since<E: crate::access::Scoped>(
    condition: Condition,
    since: Option<chrono::DateTime<chrono::Utc>>,
) -> Condition {
    use entity::{audit_event, budget_amendment};
    use sea_orm::sea_query::Query;
    let Some(since) = since else {
        return condition;
    };
    let audited = |entity: String| {
        Query::select()
            .column(audit_event::Column::EntityId)
            .from(audit_event::Entity)
            .and_where(audit_event::Column::Entity.eq(entity))
            .and_where(audit_event::Column::OccurredAt.gte(since))
            .to_owned()
    };
    let mut changed =
        Condition::any().add(E::id_column().in_subquery(audited(E::KIND.type_name())));
    if E::KIND == crate::access::EntityKind::BudgetLine {
        changed = changed.add(
            E::id_column().in_subquery(
                Query::select()
                    .column(budget_amendment::Column::BudgetLineId)
                    .from(budget_amendment::Entity)
                    .and_where(
                        budget_amendment::Column::Id
                            .in_subquery(audited("BudgetAmendment".to_owned())),
                    )
                    .to_owned(),
            ),
        );
    }
    condition.add(changed)
}

/// Adds a case-insensitive substring match on `column` when given.
fn contains<C: ColumnTrait>(condition: Condition, column: C, text: Option<&String>) -> Condition {
    match text {
        Some(text) => {
            let pattern =
                LikeExpr::new(format!("%{}%", escape_like(&text.to_lowercase()))).escape('\\');
            condition.add(Expr::expr(Func::lower(Expr::col(column))).like(pattern))
        }
        None => condition,
    }
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests {
    use entity::plan;
    use sea_orm::sea_query::{Query, SqliteQueryBuilder};

    use super::*;

    /// The WHERE clause `condition` makes on the plan table, as SQLite text.
    fn sql(condition: Condition) -> String {
        let statement = Query::select()
            .column(plan::Column::Id)
            .from(plan::Entity)
            .cond_where(condition)
            .to_string(SqliteQueryBuilder);
        statement
            .split_once(" WHERE ")
            .map_or(String::new(), |(_, clause)| clause.to_owned())
    }

    #[test]
    fn an_absent_filter_field_adds_no_condition_and_a_given_one_an_equality() {
        assert_eq!(
            sql(eq(Condition::all(), plan::Column::YearFrom, None::<i32>)),
            "TRUE"
        );
        assert_eq!(
            sql(eq(Condition::all(), plan::Column::YearFrom, Some(2016))),
            r#""plan"."year_from" = 2016"#
        );
    }

    #[test]
    fn an_id_filter_decodes_the_global_id_or_names_its_field() {
        let id = crate::graphql::relay::encode_id("Area", 7);
        let condition = eq_id(
            Condition::all(),
            plan::Column::AreaId,
            "Area",
            "filter.areaId",
            Some(&id),
        )
        .unwrap();
        assert_eq!(sql(condition), r#""plan"."area_id" = 7"#);
        let wrong = crate::graphql::relay::encode_id("Cluster", 7);
        let Err(crate::error::ApiError::BadUserInput { field, .. }) = eq_id(
            Condition::all(),
            plan::Column::AreaId,
            "Area",
            "filter.areaId",
            Some(&wrong),
        ) else {
            panic!("a cluster's id was taken for an area's");
        };
        assert_eq!(field, "filter.areaId");
    }

    #[test]
    fn a_text_filter_matches_case_insensitively_with_wildcards_taken_literally() {
        assert_eq!(escape_like(r"50%_a\b"), r"50\%\_a\\b");
        let condition = contains(
            Condition::all(),
            plan::Column::Title,
            Some(&"Kop_Van%".to_owned()),
        );
        assert_eq!(
            sql(condition),
            r#"LOWER("title") LIKE '%kop\_van\%%' ESCAPE '\'"#
        );
    }
}

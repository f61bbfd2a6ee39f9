//! The root query: one list per entity family, each a connection with a typed `filter`
//! and an explicit `orderBy`, plus `node(id:)`.

mod audit;
mod budget;
mod commitments;
mod filter;
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

use sea_orm::ColumnTrait;

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

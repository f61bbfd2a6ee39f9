//! Scopes as SQL: for each entity and scope kind, the condition a row must meet. A
//! principal's scope for an entity is the union over the public's and each grant's. Scopes
//! of child rows go through their parent's scope (an action is in scope when its priority
//! is, and so on), so a hidden parent hides its children on every path.

use entity::enums::{PlanKind, PlanStatus};
use entity::*;
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition};

use super::matrix::{EntityKind, Operation, ScopeKind, scope_of};
use super::principal::Principal;
use super::scoped::Scoped;

/// The union of the principal's scopes on `kind` for `operation`.
pub fn principal_condition(
    kind: EntityKind,
    principal: &Principal,
    operation: Operation,
) -> Condition {
    let mut any = Condition::any();
    let mut reaches_something = false;
    for (role, code) in principal.acting_roles() {
        match scope_of(role, kind, operation) {
            ScopeKind::All => return Condition::all(),
            scope => {
                if let Some(condition) = condition(kind, scope, code) {
                    any = any.add(condition);
                    reaches_something = true;
                }
            }
        }
    }
    if reaches_something { any } else { never() }
}

/// The budget lines whose figures the principal may add up: those they may read, and for
/// aggregate-only reaches (an area director) those of their areas. With `detail` the
/// aggregate-only reaches are left out: groupings fine enough to show one line's figures
/// only cover lines the caller may read.
pub fn budget_totals_condition(principal: &Principal, detail: bool) -> Condition {
    let mut any = Condition::any();
    let mut reaches_something = false;
    for (role, code) in principal.acting_roles() {
        let scope = scope_of(role, EntityKind::BudgetLine, Operation::ReadMoney);
        let condition = match scope {
            ScopeKind::All => return Condition::all(),
            ScopeKind::AggregateOnly if detail => None,
            ScopeKind::AggregateOnly => Some(
                Condition::any()
                    .add(is_row_of(budget_line::Column::AreaId, area_ids(code)))
                    .add(
                        budget_line::Column::NeighbourhoodId
                            .in_subquery(neighbourhoods_of_area(code)),
                    ),
            ),
            scope => condition(EntityKind::BudgetLine, scope, code),
        };
        if let Some(condition) = condition {
            any = any.add(condition);
            reaches_something = true;
        }
    }
    if reaches_something { any } else { never() }
}

/// Whether some of the budget lines the principal adds up are lines they may not read:
/// one of their roles reaches budget lines for totals only (the aggregate-only reach of
/// [`budget_totals_condition`]), and none reaches every line.
pub fn budget_totals_only(principal: &Principal) -> bool {
    let reaches = |kind| {
        principal
            .acting_roles()
            .any(|(role, _)| scope_of(role, EntityKind::BudgetLine, Operation::ReadMoney) == kind)
    };
    reaches(ScopeKind::AggregateOnly) && !reaches(ScopeKind::All)
}

/// A condition no row meets.
fn never() -> Condition {
    Condition::all().add(Expr::val(1).eq(0))
}

/// The condition for one scope kind of one grant; `None` where the kind reaches no rows,
/// and for pairs the matrix never grants (a test pins that every granted pair has one).
pub fn condition(kind: EntityKind, scope: ScopeKind, code: &str) -> Option<Condition> {
    use EntityKind as E;
    use ScopeKind as S;
    let only = |expr| Some(Condition::all().add(expr));
    match (kind, scope) {
        (_, S::All) => Some(Condition::all()),
        (_, S::None | S::AggregateOnly) => None,

        (E::Plan, S::PublishedOnly) => Some(
            Condition::all()
                .add(plan::Column::Status.is_in([
                    PlanStatus::Adopted,
                    PlanStatus::Closed,
                    PlanStatus::Superseded,
                ]))
                .add(plan::Column::Kind.ne(PlanKind::IssueList)),
        ),
        (E::Plan, S::OwnAreas) => only(is_row_of(plan::Column::AreaId, area_ids(code))),
        (E::Plan, S::OwnNeighbourhoods) => only(is_row_of(
            plan::Column::NeighbourhoodId,
            neighbourhood_ids(code),
        )),

        // Adopted versions are published even while the plan is being revised.
        (E::PlanRevision, S::PublishedOnly) => only(plan_revision::Column::AdoptedAt.is_not_null()),
        (E::CommitteeAdvice, _) => only(committee_advice::Column::PlanId.in_subquery(ids_where::<
            plan::Entity,
        >(
            condition(E::Plan, scope, code)?,
        ))),
        (E::PlanRevision, _) => only(plan_revision::Column::PlanId.in_subquery(ids_where::<
            plan::Entity,
        >(
            condition(E::Plan, scope, code)?,
        ))),
        (E::Neighbourhood, S::OwnNeighbourhoods) => {
            only(neighbourhood::Column::Code.eq(code.to_owned()))
        }
        // People are public only when they agreed to be named (a point of contact).
        (E::Person, S::PublishedOnly) => only(person::Column::Public.eq(true)),

        (E::Priority, _) => only(
            priority::Column::PlanId.in_subquery(ids_where::<plan::Entity>(condition(
                E::Plan,
                scope,
                code,
            )?)),
        ),
        (E::Action, S::OwnCluster) => {
            only(is_row_of(action::Column::LeadClusterId, cluster_ids(code)))
        }
        (E::Action, _) => only(action::Column::PriorityId.in_subquery(
            ids_where::<priority::Entity>(condition(E::Priority, scope, code)?),
        )),
        (E::ActionPosition, _) => only(action_position::Column::ActionId.in_subquery(ids_where::<
            action::Entity,
        >(
            condition(E::Action, scope, code)?,
        ))),
        (E::AdoptionWaiver, _) => only(adoption_waiver::Column::PlanId.in_subquery(ids_where::<
            plan::Entity,
        >(
            condition(E::Plan, scope, code)?,
        ))),
        (E::ProgressUpdate, _) => {
            let of_actions =
                Condition::all().add(progress_update::Column::ActionId.in_subquery(ids_where::<
                    action::Entity,
                >(
                    condition(E::Action, scope, code)?,
                )));
            Some(if scope == S::PublishedOnly {
                of_actions.add(progress_update::Column::Public.eq(true))
            } else {
                of_actions
            })
        }

        (E::Commitment, S::OwnCluster) => {
            only(is_row_of(commitment::Column::ClusterId, cluster_ids(code)))
        }
        (E::Commitment, S::OwnAreas | S::OwnNeighbourhoods) => only(
            commitment::Column::ActionId.in_subquery(ids_where::<action::Entity>(condition(
                E::Action,
                scope,
                code,
            )?)),
        ),

        (E::Escalation, S::OwnCluster) => {
            only(is_row_of(escalation::Column::ClusterId, cluster_ids(code)))
        }
        (E::Escalation, S::OwnAreas) => {
            only(escalation::Column::NeighbourhoodId.in_subquery(neighbourhoods_of_area(code)))
        }
        (E::Escalation, S::OwnNeighbourhoods) => only(is_row_of(
            escalation::Column::NeighbourhoodId,
            neighbourhood_ids(code),
        )),
        (E::EscalationEvent, _) => only(escalation_event::Column::EscalationId.in_subquery(
            ids_where::<escalation::Entity>(condition(E::Escalation, scope, code)?),
        )),

        (E::TeamMembership, S::OwnAreas) => {
            only(team_membership::Column::NeighbourhoodId.in_subquery(neighbourhoods_of_area(code)))
        }
        (E::TeamMembership, S::OwnNeighbourhoods) => only(is_row_of(
            team_membership::Column::NeighbourhoodId,
            neighbourhood_ids(code),
        )),
        (E::TeamMembership, S::OwnCluster) => only(is_row_of(
            team_membership::Column::ClusterId,
            cluster_ids(code),
        )),

        (E::ResidentInput, S::OwnNeighbourhoods) => only(is_row_of(
            resident_input::Column::NeighbourhoodId,
            neighbourhood_ids(code),
        )),

        (E::BudgetLine, S::OwnCluster) => {
            only(is_row_of(budget_line::Column::ClusterId, cluster_ids(code)))
        }
        (E::BudgetAmendment, _) => only(budget_amendment::Column::BudgetLineId.in_subquery(
            ids_where::<budget_line::Entity>(condition(E::BudgetLine, scope, code)?),
        )),

        _ => None,
    }
}

/// `SELECT id FROM e WHERE condition`.
pub(super) fn ids_where<E: Scoped>(condition: Condition) -> SelectStatement {
    Query::select()
        .column(E::id_column())
        .from(E::default())
        .cond_where(condition)
        .to_owned()
}

/// `column` holds the id `ids` selects: `ids` looks a row up by its unique code, so it
/// selects at most one id (none: no row matches). Equality, unlike `IN`, lets the planner
/// read a composite index on `column` in order (a cluster's inbox by deadline).
fn is_row_of<C: ColumnTrait>(column: C, ids: SelectStatement) -> Expr {
    Expr::col(column.as_column_ref()).eq(Expr::SubQuery(None, Box::new(ids.into())))
}

fn area_ids(code: &str) -> SelectStatement {
    ids_where::<area::Entity>(Condition::all().add(area::Column::Code.eq(code)))
}

fn neighbourhood_ids(code: &str) -> SelectStatement {
    ids_where::<neighbourhood::Entity>(Condition::all().add(neighbourhood::Column::Code.eq(code)))
}

fn neighbourhoods_of_area(code: &str) -> SelectStatement {
    ids_where::<neighbourhood::Entity>(
        Condition::all().add(is_row_of(neighbourhood::Column::AreaId, area_ids(code))),
    )
}

fn cluster_ids(code: &str) -> SelectStatement {
    ids_where::<cluster::Entity>(Condition::all().add(cluster::Column::Code.eq(code)))
}

/// Declares which matrix row guards each table, its id column and natural order, and
/// where named its own row decoder (which also decodes rows holding only some columns).
#[cfg(test)]
mod tests;

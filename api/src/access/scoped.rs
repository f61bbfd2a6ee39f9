//! The entities the service reads ([`Scoped`]): for every table, the matrix row that
//! guards it, its id, its default order and how its rows decode. Its scope condition comes
//! from `scope.rs`, by the matrix row; a table whose rows belong to another's (a budget
//! line's amounts, where an input landed) takes that row's scope.

use entity::*;
use sea_orm::{ColumnTrait, Condition, EntityTrait, Order};

use super::matrix::{EntityKind, Operation};
use super::principal::Principal;
use super::scope::{ids_where, principal_condition};
use super::tally::Tally;

/// An entity the service reads. Implemented for every table.
pub trait Scoped: EntityTrait {
    /// The matrix row that guards it.
    const KIND: EntityKind;
    /// The primary-key column.
    fn id_column() -> Self::Column;
    /// The order of a list when the caller asks for none (the id breaks ties).
    fn natural_order() -> Vec<(Self::Column, Order)>;
    /// Rows of this table the principal may reach for `operation`.
    fn scope(principal: &Principal, operation: Operation) -> Condition {
        principal_condition(Self::KIND, principal, operation)
    }
    /// A row of this table as read (every column, by name).
    fn decode(row: &sea_orm::QueryResult) -> Result<Self::Model, sea_orm::DbErr> {
        <Self::Model as sea_orm::FromQueryResult>::from_query_result(row, "")
    }
    /// Whether [`decode`](Scoped::decode) takes a row holding only some columns (a page's
    /// projection); otherwise every column is read.
    fn decodes_some_columns() -> bool {
        false
    }
    /// The counts per key the database keeps of this table, if it keeps any (its scope
    /// must be [`principal_condition`]'s, as the tally's declared scopes assume).
    const TALLY: Option<&'static Tally> = None;
}

/// Rows that belong to another entity (a budget line's amounts, a body's coverage) take
/// its row.
macro_rules! scoped {
    ($($module:ident: $kind:ident => [$(($column:ident, $order:ident)),*] $(tallied in $tally:ident)? $(decoded by $decode:path)?),* $(,)?) => {
        $(
            impl Scoped for $module::Entity {
                const KIND: EntityKind = EntityKind::$kind;
                fn id_column() -> Self::Column {
                    $module::Column::Id
                }
                fn natural_order() -> Vec<(Self::Column, Order)> {
                    vec![$(($module::Column::$column, Order::$order)),*]
                }
                $(const TALLY: Option<&'static Tally> = Some(&super::tally::$tally);)?
                $(
                    fn decode(row: &sea_orm::QueryResult) -> Result<Self::Model, sea_orm::DbErr> {
                        $decode(row)
                    }
                    fn decodes_some_columns() -> bool {
                        true
                    }
                )?
            }
        )*
    };
}

scoped! {
    area: Area => [(Code, Asc)],
    neighbourhood: Neighbourhood => [(Code, Asc)],
    representative_body: RepresentativeBody => [(Name, Asc)],
    representative_body_coverage: RepresentativeBody => [],
    cluster: Cluster => [(Code, Asc)],
    city_programme: CityProgramme => [(Name, Asc)],
    product: Product => [(Code, Asc)],
    plan: Plan => [(YearFrom, Desc), (Title, Asc)] decoded by super::rows::plan,
    plan_revision: PlanRevision => [(Number, Asc)],
    committee_advice: CommitteeAdvice => [(ReceivedOn, Asc)],
    priority: Priority => [(Rank, Asc)] decoded by super::rows::priority,
    action: Action => [] decoded by super::rows::action,
    action_position: ActionPosition => [(TakenAt, Asc)],
    adoption_waiver: AdoptionWaiver => [(WaivedAt, Asc)],
    progress_update: ProgressUpdate => [(ReportedAt, Asc)],
    person: Person => [(Name, Asc)],
    team_membership: TeamMembership => [(ValidFrom, Asc)],
    commitment: Commitment => [] tallied in COMMITMENTS decoded by super::rows::commitment,
    escalation: Escalation => [(RaisedAt, Asc)],
    escalation_event: EscalationEvent => [(OccurredAt, Asc)],
    budget_line: BudgetLine => [(Year, Asc)],
    pnc_document: PncDocument => [(Year, Asc)],
    budget_amendment: BudgetAmendment => [(CreatedAt, Asc)],
    resident_input: ResidentInput => [(ReceivedOn, Asc)],
    audit_event: AuditEvent => [(OccurredAt, Asc)],
}

/// A budget line's amounts are its money: readable where the line's money is.
impl Scoped for budget_line_amount::Entity {
    const KIND: EntityKind = EntityKind::BudgetLine;
    fn id_column() -> Self::Column {
        budget_line_amount::Column::Id
    }
    fn natural_order() -> Vec<(Self::Column, Order)> {
        Vec::new()
    }
    fn scope(principal: &Principal, _operation: Operation) -> Condition {
        let lines = principal_condition(EntityKind::BudgetLine, principal, Operation::ReadMoney);
        Condition::all().add(
            budget_line_amount::Column::BudgetLineId
                .in_subquery(ids_where::<budget_line::Entity>(lines)),
        )
    }
}

/// Where residents' input landed reads with the input.
impl Scoped for input_landing::Entity {
    const KIND: EntityKind = EntityKind::ResidentInput;
    fn id_column() -> Self::Column {
        input_landing::Column::Id
    }
    fn natural_order() -> Vec<(Self::Column, Order)> {
        vec![(input_landing::Column::LinkedAt, Order::Asc)]
    }
    fn scope(principal: &Principal, operation: Operation) -> Condition {
        let inputs = principal_condition(EntityKind::ResidentInput, principal, operation);
        Condition::all().add(
            input_landing::Column::ResidentInputId
                .in_subquery(ids_where::<resident_input::Entity>(inputs)),
        )
    }
}

//! Read scopes per entity: the condition a row must meet for the caller to see it.
//!
//! Until role-based authorization lands, every entity is readable by every caller; the
//! reader already applies [`Scoped::read_scope`] on every path, so restricting an entity is a
//! change to this file alone.

use entity::*;
use sea_orm::{Condition, EntityTrait, Order};

use super::Principal;

/// An entity the service reads. Implemented for every table.
pub trait Scoped: EntityTrait {
    /// The primary-key column.
    fn id_column() -> Self::Column;
    /// The order of a list when the caller asks for none (the id breaks ties).
    fn natural_order() -> Vec<(Self::Column, Order)>;
    /// Rows of this entity the principal may read.
    fn read_scope(principal: &Principal) -> Condition;
}

macro_rules! readable_by_everyone {
    ($($module:ident => [$(($column:ident, $order:ident)),*]),* $(,)?) => {
        $(
            impl Scoped for $module::Entity {
                fn id_column() -> Self::Column {
                    $module::Column::Id
                }
                fn natural_order() -> Vec<(Self::Column, Order)> {
                    vec![$(($module::Column::$column, Order::$order)),*]
                }
                fn read_scope(_principal: &Principal) -> Condition {
                    Condition::all()
                }
            }
        )*
    };
}

readable_by_everyone! {
    area => [(Code, Asc)],
    neighbourhood => [(Code, Asc)],
    representative_body => [(Name, Asc)],
    representative_body_coverage => [],
    cluster => [(Code, Asc)],
    city_programme => [(Name, Asc)],
    product => [(Code, Asc)],
    plan => [(YearFrom, Desc), (Title, Asc)],
    priority => [(Rank, Asc)],
    action => [],
    progress_update => [(ReportedAt, Asc)],
    person => [(Name, Asc)],
    team_membership => [(ValidFrom, Asc)],
    commitment => [],
    escalation => [(RaisedAt, Asc)],
    escalation_event => [(OccurredAt, Asc)],
    budget_line => [(Year, Asc)],
    budget_line_amount => [],
    pnc_document => [(Year, Asc)],
    budget_amendment => [(CreatedAt, Asc)],
    resident_input => [(ReceivedOn, Asc)],
    audit_event => [(OccurredAt, Asc)],
}

//! How a list's typed `filter` becomes its SQL condition. [`Conditions`] adds one
//! condition per filter field the caller gave and nothing for a field left out; a field
//! whose value cannot be used (a global id of another type) answers `BAD_USER_INPUT`
//! naming it. The root lists, `priorities` and `budgetSummary` build their conditions here.

use async_graphql::ID;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{ColumnTrait, Condition};

use crate::access::{EntityKind, Scoped};
use crate::error::ApiResult;
use crate::graphql::relay::id_of;

/// A list's condition under construction, all of whose parts must hold.
#[must_use]
pub struct Conditions(Condition);

impl Conditions {
    /// No condition yet: every row the caller may see.
    pub fn new() -> Self {
        Self(Condition::all())
    }

    /// `column = value`, when the filter field was given.
    pub fn eq<C: ColumnTrait, V: Into<sea_orm::Value>>(self, column: C, value: Option<V>) -> Self {
        self.when(value, |value| column.eq(value))
    }

    /// `column = <the row id in the global id>`, when given; the id must be one of
    /// `type_name`, or the answer is `BAD_USER_INPUT` naming `field`.
    pub fn id<C: ColumnTrait>(
        self,
        column: C,
        type_name: &str,
        field: &str,
        id: Option<&ID>,
    ) -> ApiResult<Self> {
        Ok(match id {
            Some(id) => self.and(column.eq(id_of(type_name, field, id)?)),
            None => self,
        })
    }

    /// A case-insensitive substring match on `column`, when given; `%`, `_` and `\` in the
    /// text match themselves.
    pub fn contains<C: ColumnTrait>(self, column: C, text: Option<&String>) -> Self {
        self.when(text, |text| {
            let pattern =
                LikeExpr::new(format!("%{}%", escape_like(&text.to_lowercase()))).escape('\\');
            Expr::expr(Func::lower(Expr::col(column))).like(pattern)
        })
    }

    /// The rows of `E` created or changed at or after `since`, when given: every change
    /// made through the API writes an audit event, and a budget line also changes with an
    /// amendment to it.
    pub fn changed_since<E: Scoped>(self, since: Option<chrono::DateTime<chrono::Utc>>) -> Self {
        use entity::{audit_event, budget_amendment};
        self.when(since, |since| {
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
            if E::KIND == EntityKind::BudgetLine {
                let amended = Query::select()
                    .column(budget_amendment::Column::BudgetLineId)
                    .from(budget_amendment::Entity)
                    .and_where(
                        budget_amendment::Column::Id
                            .in_subquery(audited("BudgetAmendment".to_owned())),
                    )
                    .to_owned();
                changed = changed.add(E::id_column().in_subquery(amended));
            }
            changed
        })
    }

    /// The condition `make` builds from the filter field's value, when given.
    pub fn when<T, E: Into<Condition>>(self, value: Option<T>, make: impl FnOnce(T) -> E) -> Self {
        match value {
            Some(value) => self.and(make(value)),
            None => self,
        }
    }

    /// A condition that always applies.
    pub fn and(self, condition: impl Into<Condition>) -> Self {
        Self(self.0.add(condition))
    }
}

impl Default for Conditions {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Conditions> for Condition {
    fn from(conditions: Conditions) -> Self {
        conditions.0
    }
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[cfg(test)]
mod tests;

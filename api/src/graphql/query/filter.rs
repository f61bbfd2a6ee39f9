//! How a list's typed `filter` becomes its SQL condition. [`Conditions`] adds one
//! condition per filter field the caller gave and nothing for a field left out; a field
//! whose value cannot be used (a global id of another type) answers `BAD_USER_INPUT`
//! naming it. The root lists, `priorities` and `budgetSummary` build their conditions here.

use async_graphql::ID;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, Query};
use sea_orm::{ColumnTrait, Condition};

use crate::access::{Criteria, EntityKind, Scoped};
use crate::error::ApiResult;
use crate::graphql::relay::id_of;

/// A list's condition under construction, all of whose parts must hold, and the columns
/// it compares with a value while that is all it does (a count may then come from a tally).
#[must_use]
pub struct Conditions(Criteria);

impl Conditions {
    /// No condition yet: every row the caller may see.
    pub fn new() -> Self {
        Self(Criteria {
            condition: Condition::all(),
            equalities: Some(Vec::new()),
        })
    }

    /// `column = value`, when the filter field was given.
    pub fn eq<C: ColumnTrait, V: Into<sea_orm::Value>>(self, column: C, value: Option<V>) -> Self {
        match value {
            Some(value) => self.equal(column, value),
            None => self,
        }
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
            Some(id) => self.equal(column, id_of(type_name, field, id)?),
            None => self,
        })
    }

    /// `column = value`, noted as an equality.
    fn equal<C: ColumnTrait>(mut self, column: C, value: impl Into<sea_orm::Value>) -> Self {
        if let Some(columns) = &mut self.0.equalities {
            columns.push(column.as_str());
        }
        self.0.condition = self.0.condition.add(column.eq(value));
        self
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

    /// A condition that always applies (no longer only equalities).
    pub fn and(mut self, condition: impl Into<Condition>) -> Self {
        self.0.equalities = None;
        self.0.condition = self.0.condition.add(condition);
        self
    }
}

impl Default for Conditions {
    fn default() -> Self {
        Self::new()
    }
}

impl From<Conditions> for Condition {
    fn from(conditions: Conditions) -> Self {
        conditions.0.condition
    }
}

impl From<Conditions> for Criteria {
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

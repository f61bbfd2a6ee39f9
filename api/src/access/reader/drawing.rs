//! What the commitments drawing on budget lines add up to.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait};

use super::{PARENTS_PER_STATEMENT, Reader};
use crate::access::{Operation, Scoped};
use crate::error::ApiResult;

/// What the commitments drawing on one budget line add up to, in hundredths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drawing {
    /// Money committed (accepted, reserved and delivered).
    pub committed_cents: i64,
    /// Hours committed.
    pub hours_centi: i64,
    /// Money of the delivered ones.
    pub delivered_cents: i64,
    /// How many commitments draw on the line.
    pub commitments: i64,
}

impl Reader {
    /// Per budget line among `lines`, the sums of the commitments meeting `condition` that
    /// draw on it (accepted, reserved or delivered), in one grouped statement.
    pub async fn drawing_by_line(
        &self,
        lines: &[i32],
        condition: Condition,
    ) -> ApiResult<HashMap<i32, Drawing>> {
        use entity::commitment;
        let mut found = HashMap::new();
        let _turn = self.gate.enter().await?;
        for chunk in lines.chunks(PARENTS_PER_STATEMENT) {
            let mut select =
                drawing_per_line(commitment::Column::BudgetLineId.is_in(chunk.iter().copied()));
            select.cond_where(condition.clone());
            for row in self.db.query_all(&select).await? {
                found.insert(
                    row.try_get::<i32>("", "budget_line_id")?,
                    Drawing {
                        committed_cents: row.try_get("", "committed")?,
                        hours_centi: row.try_get("", "hours")?,
                        delivered_cents: row.try_get("", "delivered")?,
                        commitments: row.try_get("", "drawing")?,
                    },
                );
            }
        }
        Ok(found)
    }

    /// [`Self::drawing_by_line`] over the commitments the caller may see.
    pub async fn visible_drawing_by_line(&self, lines: &[i32]) -> ApiResult<HashMap<i32, Drawing>> {
        let scope = entity::commitment::Entity::scope(&self.principal, Operation::Read);
        self.drawing_by_line(lines, scope).await
    }
}

/// Per budget line whose commitments meet `lines`, the sums of those drawing on it
/// (accepted, reserved or delivered) in hundredths: `budget_line_id`, `committed`,
/// `hours`, `delivered` and the number `drawing`. The one definition of a line's drawing,
/// for [`Reader::drawing_by_line`] and the budget summary.
pub(in crate::access) fn drawing_per_line(lines: Expr) -> SelectStatement {
    use crate::domain::budget::DRAWING;
    use entity::commitment;
    Query::select()
        .from(commitment::Entity)
        .column(commitment::Column::BudgetLineId)
        .expr_as(
            Expr::cust("CAST(SUM(COALESCE(amount_cents, 0)) AS BIGINT)"),
            "committed",
        )
        .expr_as(
            Expr::cust("CAST(SUM(COALESCE(hours_centi, 0)) AS BIGINT)"),
            "hours",
        )
        .expr_as(
            Expr::cust(
                "CAST(SUM(CASE WHEN status = 'DELIVERED' THEN COALESCE(amount_cents, 0) ELSE 0 END) AS BIGINT)",
            ),
            "delivered",
        )
        .expr_as(Expr::cust("COUNT(*)"), "drawing")
        .and_where(lines)
        .and_where(commitment::Column::Status.is_in(DRAWING))
        .group_by_col(commitment::Column::BudgetLineId)
        .to_owned()
}

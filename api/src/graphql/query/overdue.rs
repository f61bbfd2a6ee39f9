//! `overdueCommitments`: requests unanswered past their deadline, counted per cluster and
//! per neighbourhood — within what the caller may see.

use std::collections::BTreeMap;

use async_graphql::{Context, Object, Result, SimpleObject};
use chrono::Utc;
use entity::enums::CommitmentStatus;
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use crate::access::Window;
use crate::graphql::context::{list, scope, several};
use crate::graphql::relay::Conn;
use crate::graphql::types::{Cluster, Commitment, Neighbourhood, page};

/// Most overdue requests counted in one answer.
const MAX_COUNTED: u64 = 10_000;

/// Overdue requests of one cluster.
#[derive(SimpleObject)]
pub struct ClusterOverdue {
    /// The cluster asked.
    pub cluster: Cluster,
    /// How many of its requests are overdue.
    pub count: i32,
}

/// Overdue requests in one neighbourhood.
#[derive(SimpleObject)]
pub struct NeighbourhoodOverdue {
    /// The neighbourhood.
    pub neighbourhood: Neighbourhood,
    /// How many requests for its actions are overdue.
    pub count: i32,
}

/// The overdue requests the caller may see.
pub struct OverdueCommitments;

fn overdue() -> Condition {
    Condition::all()
        .add(commitment::Column::Status.eq(CommitmentStatus::Requested))
        .add(commitment::Column::ResponseDeadline.lt(Utc::now()))
}

/// Counts by key, as (key, count) in key order.
fn tally(keys: impl Iterator<Item = i32>) -> BTreeMap<i32, i32> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

async fn overdue_rows(ctx: &Context<'_>) -> Result<Vec<commitment::Model>> {
    let reader = &scope(ctx)?.reader;
    Ok(reader
        .page::<commitment::Entity>(
            overdue(),
            &[],
            Window {
                offset: 0,
                limit: MAX_COUNTED,
            },
        )
        .await?)
}

#[Object]
impl OverdueCommitments {
    /// The overdue requests, most overdue first.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Commitment>> {
        let order = [(commitment::Column::ResponseDeadline, sea_orm::Order::Asc)];
        list::<commitment::Entity, _>(ctx, overdue(), &order, page!(first, after, last, before))
            .await
    }

    /// Per cluster asked.
    async fn by_cluster(&self, ctx: &Context<'_>) -> Result<Vec<ClusterOverdue>> {
        let counts = tally(overdue_rows(ctx).await?.iter().map(|row| row.cluster_id));
        let clusters: Vec<Cluster> =
            several::<cluster::Entity, _>(ctx, counts.keys().copied()).await?;
        Ok(clusters
            .into_iter()
            .map(|cluster| ClusterOverdue {
                count: counts.get(&cluster.0.id).copied().unwrap_or(0),
                cluster,
            })
            .collect())
    }

    /// Per neighbourhood of the requested action.
    async fn by_neighbourhood(&self, ctx: &Context<'_>) -> Result<Vec<NeighbourhoodOverdue>> {
        let rows = overdue_rows(ctx).await?;
        let actions: Vec<action::Model> =
            several::<action::Entity, _>(ctx, rows.iter().map(|row| row.action_id)).await?;
        let priorities: Vec<priority::Model> =
            several::<priority::Entity, _>(ctx, actions.iter().map(|a| a.priority_id)).await?;
        let plans: Vec<plan::Model> =
            several::<plan::Entity, _>(ctx, priorities.iter().map(|p| p.plan_id)).await?;
        let neighbourhood_of = |action_id: i32| {
            let action = actions.iter().find(|a| a.id == action_id)?;
            let priority = priorities.iter().find(|p| p.id == action.priority_id)?;
            plans
                .iter()
                .find(|plan| plan.id == priority.plan_id)?
                .neighbourhood_id
        };
        let counts = tally(
            rows.iter()
                .filter_map(|row| neighbourhood_of(row.action_id)),
        );
        let neighbourhoods: Vec<Neighbourhood> =
            several::<neighbourhood::Entity, _>(ctx, counts.keys().copied()).await?;
        Ok(neighbourhoods
            .into_iter()
            .map(|neighbourhood| NeighbourhoodOverdue {
                count: counts.get(&neighbourhood.0.id).copied().unwrap_or(0),
                neighbourhood,
            })
            .collect())
    }
}

/// The `overdueCommitments` root field.
#[derive(Default)]
pub struct OverdueQuery;

#[Object]
impl OverdueQuery {
    /// Requests unanswered past their deadline, per cluster and per neighbourhood.
    async fn overdue_commitments(&self) -> OverdueCommitments {
        OverdueCommitments
    }
}

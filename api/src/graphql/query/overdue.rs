//! `overdueCommitments`: requests unanswered past their deadline, counted per cluster and
//! per neighbourhood — within what the caller may see.

use std::collections::BTreeMap;

use async_graphql::{Context, Object, Result, SimpleObject};
use chrono::Utc;
use entity::enums::CommitmentStatus;
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use crate::graphql::connection::list;
use crate::graphql::connection::{Conn, PageArgs};
use crate::graphql::context::{scope, several};
use crate::graphql::types::{Cluster, Commitment, Neighbourhood};

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

/// Requests whose answer deadline has passed.
pub(super) fn overdue() -> Condition {
    Condition::all()
        .add(commitment::Column::Status.eq(CommitmentStatus::Requested))
        .add(commitment::Column::ResponseDeadline.lt(Utc::now()))
}

#[Object]
impl OverdueCommitments {
    /// The overdue requests, most overdue first.
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Commitment>> {
        let order = [(commitment::Column::ResponseDeadline, sea_orm::Order::Asc)];
        list::<commitment::Entity, _>(
            ctx,
            overdue(),
            &order,
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// Per cluster asked.
    async fn by_cluster(&self, ctx: &Context<'_>) -> Result<Vec<ClusterOverdue>> {
        let counts: BTreeMap<i32, i64> = scope(ctx)?
            .reader
            .count_by::<commitment::Entity>(overdue(), commitment::Column::ClusterId)
            .await?
            .into_iter()
            .collect();
        let clusters: Vec<Cluster> =
            several::<cluster::Entity, _>(ctx, counts.keys().copied()).await?;
        Ok(clusters
            .into_iter()
            .map(|cluster| ClusterOverdue {
                count: count_of(&counts, cluster.0.id),
                cluster,
            })
            .collect())
    }

    /// Per neighbourhood of the requested action.
    async fn by_neighbourhood(&self, ctx: &Context<'_>) -> Result<Vec<NeighbourhoodOverdue>> {
        let counts: BTreeMap<i32, i64> = scope(ctx)?
            .reader
            .commitments_by_neighbourhood(overdue())
            .await?
            .into_iter()
            .collect();
        let neighbourhoods: Vec<Neighbourhood> =
            several::<neighbourhood::Entity, _>(ctx, counts.keys().copied()).await?;
        Ok(neighbourhoods
            .into_iter()
            .map(|neighbourhood| NeighbourhoodOverdue {
                count: count_of(&counts, neighbourhood.0.id),
                neighbourhood,
            })
            .collect())
    }
}

fn count_of(counts: &BTreeMap<i32, i64>, key: i32) -> i32 {
    counts
        .get(&key)
        .map_or(0, |count| i32::try_from(*count).unwrap_or(i32::MAX))
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

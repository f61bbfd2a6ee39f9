//! A cluster's commitment (toezegging) to an action.

use crate::graphql::scalars::Decimal;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::*;

use super::{Action, BudgetLine, Cluster, Escalation, node_type};
use crate::access::Operation;
use crate::graphql::connection::connections;
use crate::graphql::context::{may, one};
use crate::graphql::enums::{CommitmentKind, CommitmentStatus};
use crate::money::from_hundredths;

node_type!(
    /// A cluster's commitment (toezegging) to an action: only the cluster itself can
    /// commit its staff hours and money.
    Commitment wraps commitment links CommitmentLinks {
        /// The action it is for.
        action: Action by action from action_id,
        /// The cluster asked to commit.
        cluster: Cluster by cluster from cluster_id,
    } reads {
        id: [],
        status: [Status],
        kind: [Kind],
        hours: [HoursCenti],
        amount: [AmountCents],
        question: [Question],
        hoursAsked: [HoursAskedCenti],
        amountAsked: [AmountAskedCents],
        reason: [Reason],
        responseDeadline: [ResponseDeadline],
        overdue: [Status, ResponseDeadline],
        requestedBy: [RequestedBy],
        requestedAt: [RequestedAt],
        answeredBy: [AnsweredBy],
        answeredAt: [AnsweredAt],
        version: [Version],
        updatedAt: [UpdatedAt],
        action: [ActionId],
        cluster: [ClusterId],
        budgetLine: [BudgetLineId],
        escalations: [],
    }
);

impl Commitment {
    /// Whether the caller may see this commitment's hours, money and budget line.
    async fn money_visible(&self, ctx: &Context<'_>) -> Result<bool> {
        may::<commitment::Entity>(ctx, Operation::ReadMoney, self.0.id).await
    }

    /// A figure in hundredths (hours or cents) as an exact decimal, for callers who may
    /// see money; null for the others.
    async fn money(&self, ctx: &Context<'_>, hundredths: Option<i64>) -> Result<Option<Decimal>> {
        Ok(self
            .money_visible(ctx)
            .await?
            .then_some(hundredths)
            .flatten()
            .map(|hundredths| from_hundredths(hundredths).into()))
    }
}

#[Object]
impl Commitment {
    /// The commitment's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Where the commitment stands.
    async fn status(&self) -> CommitmentStatus {
        self.0.status.into()
    }
    /// Continuation of existing effort or new effort.
    async fn kind(&self) -> CommitmentKind {
        self.0.kind.into()
    }
    /// Committed staff hours (exact decimal); null for callers who may not see money.
    async fn hours(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        self.money(ctx, self.0.hours_centi).await
    }
    /// Committed money in euros (exact decimal); null for callers who may not see money.
    async fn amount(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        self.money(ctx, self.0.amount_cents).await
    }
    /// The request's question, in the requester's own words.
    async fn question(&self) -> Option<&str> {
        self.0.question.as_deref()
    }
    /// Staff hours asked (exact decimal); null for callers who may not see money.
    async fn hours_asked(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        self.money(ctx, self.0.hours_asked_centi).await
    }
    /// Money asked in euros (exact decimal); null for callers who may not see money.
    async fn amount_asked(&self, ctx: &Context<'_>) -> Result<Option<Decimal>> {
        self.money(ctx, self.0.amount_asked_cents).await
    }
    /// Reason given with a reservation, rejection or withdrawal.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// When the cluster must answer (24 hours after the request by default).
    async fn response_deadline(&self) -> DateTime<Utc> {
        self.0.response_deadline
    }
    /// Still unanswered past its deadline.
    async fn overdue(&self) -> bool {
        self.0.status == entity::enums::CommitmentStatus::Requested
            && self.0.response_deadline < Utc::now()
    }
    /// Who asked.
    async fn requested_by(&self) -> &str {
        &self.0.requested_by
    }
    /// When it was asked.
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }
    /// Who answered for the cluster.
    async fn answered_by(&self) -> Option<&str> {
        self.0.answered_by.as_deref()
    }
    /// When the cluster answered.
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the commitment last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> CommitmentLinks {
        CommitmentLinks::of(&self.0)
    }
    /// The budget line that pays for it; null for callers who may not see money.
    async fn budget_line(&self, ctx: &Context<'_>) -> Result<Option<BudgetLine>> {
        let line = self
            .money_visible(ctx)
            .await?
            .then_some(self.0.budget_line_id)
            .flatten();
        one::<budget_line::Entity, _>(ctx, line).await
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> CommitmentConnections {
        CommitmentConnections(self.0.id)
    }
}

connections! {
    CommitmentConnections of Commitment {
        /// Escalations about this commitment.
        escalations: Escalation by escalation::CommitmentId,
    }
}

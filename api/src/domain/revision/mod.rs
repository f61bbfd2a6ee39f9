//! Revisions of adopted plans. A plan's content is kept per version in `plan_revision`:
//! adopting a plan writes its content as adopted into the open revision (the first
//! adoption opens revision 1). `revisePlan` opens the next revision of an adopted plan —
//! to settle a dispute, take in a merged neighbourhood's priorities, or adjust mid-year —
//! and sends the plan back to draft, through consultation and adoption again; the adopted
//! versions stay readable. Disputes named when revising are resolved when the revision is
//! adopted.

use chrono::{DateTime, Utc};
use entity::enums::{EscalationStatus, EscalationSubject, PlanStatus};
use entity::*;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::Change;
use super::plan::status_name;
use crate::access::Operation;
use crate::error::{ApiError, ApiResult};
use crate::value::Reason;

mod content;

pub use content::{Content, ContentAction, ContentPriority, content_of};

/// Who opened the first revision of a plan adopted before revisions were kept.
pub const UNRECORDED: &str = "unrecorded";

/// The plan's revisions, by number.
async fn revisions(
    db: &impl ConnectionTrait,
    plan_id: i32,
) -> ApiResult<Vec<plan_revision::Model>> {
    Ok(plan_revision::Entity::find()
        .filter(plan_revision::Column::PlanId.eq(plan_id))
        .order_by_asc(plan_revision::Column::Number)
        .all(db)
        .await?)
}

/// Records revision 1 of an adopted plan that has none (adopted before revisions were
/// kept, or seeded): its current content, adopted when the plan was.
pub async fn record_first(
    db: &impl ConnectionTrait,
    plan: &plan::Model,
) -> ApiResult<Option<plan_revision::Model>> {
    if !revisions(db, plan.id).await?.is_empty() {
        return Ok(None);
    }
    let Some(adopted_at) = plan.adopted_at else {
        return Ok(None);
    };
    let row = plan_revision::ActiveModel {
        plan_id: Set(plan.id),
        number: Set(1),
        reason: Set(None),
        opened_by: Set(UNRECORDED.to_owned()),
        opened_at: Set(plan.created_at),
        adopted_by: Set(None),
        adopted_at: Set(Some(adopted_at)),
        content: Set(Some(content_of(db, plan).await?)),
        ..Default::default()
    };
    Ok(Some(
        plan_revision::Entity::insert(row)
            .exec_with_returning(db)
            .await?,
    ))
}

/// Writes the content of a plan just adopted into its open revision (opening revision 1
/// on a first adoption), and resolves the disputes that revision settles.
pub(super) async fn record_adoption(
    change: &Change<'_>,
    plan: &plan::Model,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let content = content_of(change.txn(), plan).await?;
    let open = revisions(change.txn(), plan.id)
        .await?
        .into_iter()
        .find(|revision| revision.adopted_at.is_none());
    let revision = match open {
        Some(open) => plan_revision::Entity::update_many()
            .set(plan_revision::ActiveModel {
                adopted_by: Set(Some(change.actor())),
                adopted_at: Set(Some(now)),
                content: Set(Some(content)),
                ..Default::default()
            })
            .filter(plan_revision::Column::Id.eq(open.id))
            .exec_with_returning(change.txn())
            .await?
            .into_iter()
            .next()
            .ok_or(ApiError::NotFound("revision"))?,
        None => {
            change
                .insert(plan_revision::ActiveModel {
                    plan_id: Set(plan.id),
                    number: Set(1),
                    reason: Set(None),
                    opened_by: Set(change.actor()),
                    opened_at: Set(plan.created_at),
                    adopted_by: Set(Some(change.actor())),
                    adopted_at: Set(Some(now)),
                    content: Set(Some(content)),
                    ..Default::default()
                })
                .await?
        }
    };
    change
        .audit(
            "PlanRevision",
            revision.id,
            "adoptPlan",
            None::<&()>,
            Some(&revision),
        )
        .await?;
    super::escalation::settle_by_revision(change, &revision).await
}

/// A revision to open.
pub struct Revise {
    /// The adopted plan.
    pub plan_id: i32,
    /// Its version the caller saw.
    pub expected: i32,
    /// Why it is revised.
    pub reason: Reason,
    /// Open disputes about items of the plan that the revision is to settle.
    pub disputes: Vec<i32>,
}

/// Opens the next revision of an adopted plan: the plan goes back to draft, to be edited,
/// consulted on and adopted again; its adopted versions stay readable. The disputes named
/// are linked to the revision and resolved when it is adopted.
pub async fn revise_plan(change: &Change<'_>, revise: Revise) -> ApiResult<plan::Model> {
    let before = change
        .load_at::<plan::Entity>(revise.plan_id, revise.expected, Operation::Edit, "plan")
        .await?;
    if before.status != PlanStatus::Adopted {
        return Err(ApiError::InvalidTransition {
            current: status_name(before.status),
            attempted: "revise the plan",
        });
    }
    let reason = revise.reason.into_string();
    record_first(change.txn(), &before).await?;
    let number = revisions(change.txn(), before.id)
        .await?
        .last()
        .map_or(1, |last| last.number + 1);
    let revision = change
        .insert(plan_revision::ActiveModel {
            plan_id: Set(before.id),
            number: Set(number),
            reason: Set(Some(reason.clone())),
            opened_by: Set(change.actor()),
            opened_at: Set(Utc::now()),
            adopted_by: Set(None),
            adopted_at: Set(None),
            content: Set(None),
            ..Default::default()
        })
        .await?;
    change
        .audit(
            "PlanRevision",
            revision.id,
            "revisePlan",
            None::<&()>,
            Some(&revision),
        )
        .await?;
    let mut seen = std::collections::HashSet::new();
    for id in revise.disputes {
        if !seen.insert(id) || !disputes_item_of(change, id, before.id).await? {
            return Err(ApiError::bad_input(
                "settles_dispute_ids",
                "each must be a different open dispute about an item of this plan",
            ));
        }
        super::escalation::link_to_revision(change, id, &revision).await?;
    }
    let after = change
        .updated(
            before.id,
            &before,
            revise.expected,
            plan::ActiveModel {
                status: Set(PlanStatus::Draft),
                updated_at: Set(Utc::now()),
                ..Default::default()
            },
            "revisePlan",
        )
        .await?;
    change
        .require::<plan::Entity>(after.id, Operation::Edit, "plan")
        .await?;
    Ok(after)
}

/// Whether escalation `id` is an open dispute, visible to the caller, about a priority or
/// action of plan `plan_id`.
async fn disputes_item_of(change: &Change<'_>, id: i32, plan_id: i32) -> ApiResult<bool> {
    let Some(dispute) = escalation::Entity::find_by_id(id)
        .filter(<escalation::Entity as crate::access::Scoped>::scope(
            change.principal(),
            Operation::Read,
        ))
        .one(change.txn())
        .await?
    else {
        return Ok(false);
    };
    if dispute.subject != EscalationSubject::DisputedItem
        || dispute.status != EscalationStatus::Open
    {
        return Ok(false);
    }
    let priority_id = match (dispute.priority_id, dispute.action_id) {
        (Some(priority), _) => Some(priority),
        (None, Some(action)) => action::Entity::find_by_id(action)
            .one(change.txn())
            .await?
            .map(|action| action.priority_id),
        (None, None) => None,
    };
    let Some(priority_id) = priority_id else {
        return Ok(false);
    };
    Ok(priority::Entity::find_by_id(priority_id)
        .one(change.txn())
        .await?
        .is_some_and(|priority| priority.plan_id == plan_id))
}

//! The audit trail, for the roles the matrix lets read it.

use async_graphql::{Context, ID, InputObject, Object, Result};
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use crate::error::ApiError;
use crate::graphql::connection::list;
use crate::graphql::connection::{Conn, PageArgs};
use crate::graphql::relay::decode_id;
use crate::graphql::types::AuditEvent;

/// Which events to list.
#[derive(InputObject, Default)]
pub struct AuditFilter {
    /// Events about this object.
    pub entity_id: Option<ID>,
    /// Events about objects of this type, e.g. `Commitment`.
    #[graphql(validator(custom = "super::FilterText"))]
    pub entity: Option<String>,
    /// Events of this mutation, e.g. `adoptPlan`.
    #[graphql(validator(custom = "super::FilterText"))]
    pub operation: Option<String>,
}

/// The `auditTrail` root field.
#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Audit events, oldest first: who changed what, when, with which grants.
    async fn audit_trail(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilter>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<AuditEvent>> {
        let filter = filter.unwrap_or_default();
        let mut condition = Condition::all();
        if let Some(id) = &filter.entity_id {
            let (entity, id) = decode_id(id).ok_or_else(|| {
                ApiError::bad_input("filter.entityId", "is not an id of this API")
            })?;
            condition = condition
                .add(audit_event::Column::Entity.eq(entity))
                .add(audit_event::Column::EntityId.eq(id));
        }
        if let Some(entity) = filter.entity {
            condition = condition.add(audit_event::Column::Entity.eq(entity));
        }
        if let Some(operation) = filter.operation {
            condition = condition.add(audit_event::Column::Operation.eq(operation));
        }
        list::<audit_event::Entity, _>(
            ctx,
            condition,
            &[],
            PageArgs::new(first, after, last, before),
        )
        .await
    }
}

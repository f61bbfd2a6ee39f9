//! The audit trail, for the roles the matrix lets read it.

use async_graphql::{ID, InputObject};
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use super::filter::Conditions;
use super::lists::root_lists;
use crate::error::ApiError;
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

root_lists! {
    /// The `auditTrail` root field.
    AuditQuery {
        /// Audit events, oldest first: who changed what, when, with which grants.
        audit_trail: AuditEvent of audit_event where AuditFilter
            => |_ctx, filter, _order_by| {
            let entity_id = filter
                .entity_id
                .as_ref()
                .map(|id| {
                    decode_id(id).ok_or_else(|| {
                        ApiError::bad_input("filter.entityId", "is not an id of this API")
                    })
                })
                .transpose()?;
            Ok(Conditions::new()
                .when(entity_id, |(entity, id)| {
                    Condition::all()
                        .add(audit_event::Column::Entity.eq(entity))
                        .add(audit_event::Column::EntityId.eq(id))
                })
                .eq(audit_event::Column::Entity, filter.entity)
                .eq(audit_event::Column::Operation, filter.operation))
        },
    }
}

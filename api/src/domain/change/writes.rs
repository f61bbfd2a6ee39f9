//! What a change writes: inserted and updated rows with their version checks, the audit
//! event of each, and creating steps made safe to repeat.

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::Change;
use crate::access::{Operation, Scoped};
use crate::domain::Versioned;
use crate::error::{ApiError, ApiResult};

impl Change<'_> {
    /// Inserts a new row.
    pub async fn insert<A>(&self, row: A) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + sea_orm::ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
    {
        Ok(row.insert(&self.txn).await?)
    }

    /// Applies `changes` to row `id` if it is still at `expected` version, bumping the
    /// version; otherwise `CONFLICT` with the current version.
    pub async fn update<A>(
        &self,
        id: i32,
        expected: i32,
        changes: A,
    ) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + Send,
        A::Entity: Versioned,
        <A::Entity as EntityTrait>::Model: Sync,
    {
        let version = <A::Entity as Versioned>::version_column();
        let result = <A::Entity as EntityTrait>::update_many()
            .set(changes)
            .col_expr(version, Expr::col(version).add(1))
            .filter(<A::Entity as Scoped>::id_column().eq(id))
            .filter(version.eq(expected))
            .exec(&self.txn)
            .await?;
        let row = <A::Entity as EntityTrait>::find()
            .filter(<A::Entity as Scoped>::id_column().eq(id))
            .one(&self.txn)
            .await?
            .ok_or(ApiError::NotFound("object"))?;
        if result.rows_affected == 0 {
            return Err(ApiError::Conflict {
                current: <A::Entity as Versioned>::version_of(&row),
            });
        }
        Ok(row)
    }

    /// [`update`](Self::update)s row `id`, then appends the change's audit event under
    /// `operation` with the row before and after. Whether the row is still within the
    /// caller's reach afterwards is the caller's to settle ([`require`](Self::require)).
    pub async fn updated<A>(
        &self,
        id: i32,
        before: &<A::Entity as EntityTrait>::Model,
        expected: i32,
        changes: A,
        operation: &str,
    ) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + Send,
        A::Entity: Versioned + Scoped,
        <A::Entity as EntityTrait>::Model: Sync + Serialize,
    {
        let after = self.update(id, expected, changes).await?;
        self.audit(
            &<A::Entity as Scoped>::KIND.type_name(),
            id,
            operation,
            Some(before),
            Some(&after),
        )
        .await?;
        Ok(after)
    }

    /// Settles a newly inserted row of `E`: it must lie within the caller's reach for
    /// `needed` (otherwise the whole change is refused and rolled back), and its audit
    /// event is written.
    pub async fn created<E: Scoped>(
        &self,
        id: i32,
        needed: Operation,
        what: &'static str,
        operation: &str,
        row: &impl Serialize,
    ) -> ApiResult<()>
    where
        E::Model: Sync,
    {
        self.require::<E>(id, needed, what).await?;
        self.audit(&E::KIND.type_name(), id, operation, None::<&()>, Some(row))
            .await
    }

    /// Appends the audit event of this change.
    pub async fn audit(
        &self,
        entity: &str,
        entity_id: i32,
        operation: &str,
        before: Option<&impl Serialize>,
        after: Option<&impl Serialize>,
    ) -> ApiResult<()> {
        let grants: Vec<String> = self
            .principal
            .grants
            .iter()
            .map(ToString::to_string)
            .collect();
        let before = before.map(as_json).transpose()?;
        let after = after.map(as_json).transpose()?;
        if let Some(kind) = crate::events::from_change(entity, before.as_ref(), after.as_ref()) {
            self.announce(kind, entity_id);
        }
        let event = entity::audit_event::Model {
            id: 0,
            occurred_at: chrono::Utc::now(),
            subject: self.actor(),
            grants: grants.join(","),
            entity: entity.to_owned(),
            entity_id,
            operation: operation.to_owned(),
            before: before.map(|value| value.to_string()),
            after: after.map(|value| value.to_string()),
        };
        let mut active: entity::audit_event::ActiveModel = event.into();
        active.not_set(entity::audit_event::Column::Id);
        active.insert(&self.txn).await?;
        Ok(())
    }

    /// Runs a creating step at most once per idempotency key: a repeat with the same key
    /// and input returns the object the first request created, without a second row; the
    /// same key with another input is refused naming the key (`idempotency_key`).
    pub async fn create_once<E, F, Fut>(
        &self,
        key: Option<&crate::value::Line>,
        operation: &str,
        fingerprint: String,
        create: F,
    ) -> ApiResult<E::Model>
    where
        E: Scoped,
        E::Model: Sync,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = ApiResult<E::Model>>,
    {
        use entity::idempotency_key;
        let Some(key) = key else {
            return create().await;
        };
        let key = key.as_str().to_owned();
        let earlier = idempotency_key::Entity::find()
            .filter(idempotency_key::Column::Subject.eq(self.actor()))
            .filter(idempotency_key::Column::Key.eq(&key))
            .one(&self.txn)
            .await?;
        if let Some(earlier) = earlier {
            if earlier.operation != operation || earlier.fingerprint != fingerprint {
                return Err(ApiError::bad_input(
                    "idempotency_key",
                    "was already used for a different request",
                ));
            }
            return self
                .load::<E>(earlier.entity_id, Operation::Read, "object")
                .await;
        }
        let row = create().await?;
        let entity_id =
            crate::access::int_value(&row, E::id_column()).ok_or(ApiError::NotFound("object"))?;
        let remembered = idempotency_key::ActiveModel {
            subject: sea_orm::ActiveValue::Set(self.actor()),
            key: sea_orm::ActiveValue::Set(key),
            operation: sea_orm::ActiveValue::Set(operation.to_owned()),
            fingerprint: sea_orm::ActiveValue::Set(fingerprint),
            entity_id: sea_orm::ActiveValue::Set(entity_id),
            created_at: sea_orm::ActiveValue::Set(chrono::Utc::now()),
            ..Default::default()
        };
        match remembered.insert(&self.txn).await {
            Ok(_) => Ok(row),
            // A concurrent request with the same key committed first; this one rolls back.
            Err(err)
                if matches!(
                    err.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) =>
            {
                Err(ApiError::bad_input(
                    "idempotency_key",
                    "a request with this key was just made; repeat it to get its result",
                ))
            }
            Err(err) => Err(err.into()),
        }
    }
}

/// A row as the audit trail records it; a row that does not serialize fails the change
/// rather than being recorded empty.
fn as_json(value: &impl Serialize) -> ApiResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|error| ApiError::Internal(error.into()))
}

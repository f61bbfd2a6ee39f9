//! What a revision keeps: the plan's content as adopted (priorities and actions), as JSON.

use chrono::NaiveDate;
use entity::enums::ClusterPosition;
use entity::*;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::domain::plan::active_priorities_on;
use crate::error::{ApiError, ApiResult};

/// A plan's content as adopted.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Content {
    /// The plan's title.
    pub title: String,
    /// Its active priorities by rank.
    pub priorities: Vec<ContentPriority>,
}

/// A priority as adopted.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct ContentPriority {
    /// The priority's id.
    pub id: i32,
    /// Its rank.
    pub rank: Option<i32>,
    /// Its title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Its actions that were not dropped, oldest first.
    pub actions: Vec<ContentAction>,
}

/// An action as adopted.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct ContentAction {
    /// The action's id.
    pub id: i32,
    /// What exactly will be done.
    pub description: String,
    /// The lead cluster's id.
    pub lead_cluster_id: Option<i32>,
    /// Who is responsible.
    pub responsible_person: Option<String>,
    /// The measurable target.
    pub measurable_target: Option<String>,
    /// The deadline.
    pub deadline: Option<NaiveDate>,
    /// The lead cluster's position at adoption.
    pub lead_position: Option<ClusterPosition>,
}

/// The plan's content as it stands, as JSON.
pub async fn content_of(db: &impl ConnectionTrait, plan: &plan::Model) -> ApiResult<String> {
    let priorities = active_priorities_on(db, plan.id).await?;
    let actions = action::Entity::find()
        .filter(action::Column::PriorityId.is_in(priorities.iter().map(|p| p.id)))
        .filter(action::Column::DroppedAt.is_null())
        .order_by_asc(action::Column::Id)
        .all(db)
        .await?;
    let mut ranked: Vec<&priority::Model> = priorities.iter().collect();
    ranked.sort_by_key(|priority| (priority.rank, priority.id));
    let content = Content {
        title: plan.title.clone(),
        priorities: ranked
            .into_iter()
            .map(|priority| ContentPriority {
                id: priority.id,
                rank: priority.rank,
                title: priority.title.clone(),
                description: priority.description.clone(),
                actions: actions
                    .iter()
                    .filter(|action| action.priority_id == priority.id)
                    .map(|action| ContentAction {
                        id: action.id,
                        description: action.description.clone(),
                        lead_cluster_id: action.lead_cluster_id,
                        responsible_person: action.responsible_person.clone(),
                        measurable_target: action.measurable_target.clone(),
                        deadline: action.deadline,
                        lead_position: action.lead_position,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string(&content).map_err(|error| ApiError::Internal(error.into()))
}

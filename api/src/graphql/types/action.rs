//! SMART actions (maatregelen): what exactly, which cluster leads, who is responsible, the
//! measurable target and the deadline; their commitments, progress and the clusters'
//! positions on them.

use async_graphql::{ID, Object};
use chrono::{DateTime, Utc};

use super::{
    ActionPosition, Cluster, Commitment, Priority, ProgressUpdate, ResidentInput, node_type,
};
use crate::graphql::connection::connections;
use crate::graphql::enums::{ActionStatus, ClusterPosition, TrafficLight};
use crate::graphql::scalars::NaiveDate;

node_type!(
    /// A SMART action (maatregel): what exactly, which cluster leads, who is responsible,
    /// the measurable target and the deadline.
    Action wraps action links ActionLinks {
        /// The priority it serves.
        priority: Priority by priority from priority_id,
        /// The cluster that leads.
        lead_cluster: Cluster by cluster from lead_cluster_id,
        /// The cluster that proposed it during consultation, if one did.
        proposed_by: Cluster by cluster from proposed_by_cluster_id,
    } reads {
        id: [],
        description: [Description],
        responsiblePerson: [ResponsiblePerson],
        measurableTarget: [MeasurableTarget],
        deadline: [Deadline],
        status: [Status],
        progressPercent: [ProgressPercent],
        trafficLight: [TrafficLight],
        leadClusterPosition: [LeadPosition],
        droppedAt: [DroppedAt],
        dropReason: [DropReason],
        version: [Version],
        updatedAt: [UpdatedAt],
        priority: [PriorityId],
        leadCluster: [LeadClusterId],
        proposedBy: [ProposedByClusterId],
        commitments: [],
        positions: [],
        progressUpdates: [],
        residentInputs: [],
    }
);
#[Object]
impl Action {
    /// The action's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// What exactly will be done.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// Who is responsible (a named person).
    async fn responsible_person(&self) -> Option<&str> {
        self.0.responsible_person.as_deref()
    }
    /// The measurable target.
    async fn measurable_target(&self) -> Option<&str> {
        self.0.measurable_target.as_deref()
    }
    /// The deadline.
    async fn deadline(&self) -> Option<NaiveDate> {
        self.0.deadline.map(Into::into)
    }
    /// Status as in the annual report's columns.
    async fn status(&self) -> ActionStatus {
        self.0.status.into()
    }
    /// Progress in percent, 0..100.
    async fn progress_percent(&self) -> i32 {
        self.0.progress_percent
    }
    /// Traffic light (stoplicht).
    async fn traffic_light(&self) -> TrafficLight {
        self.0.traffic_light.into()
    }
    /// The lead cluster's latest position on the action; empty while it has taken none
    /// (and again after another cluster is made lead).
    async fn lead_cluster_position(&self) -> Option<ClusterPosition> {
        self.0.lead_position.map(Into::into)
    }
    /// When the action was dropped from its plan, if it was.
    async fn dropped_at(&self) -> Option<DateTime<Utc>> {
        self.0.dropped_at
    }
    /// Why the action was dropped.
    async fn drop_reason(&self) -> Option<&str> {
        self.0.drop_reason.as_deref()
    }
    /// Version for optimistic concurrency.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// When the action last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ActionLinks {
        ActionLinks::of(&self.0)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> ActionConnections {
        ActionConnections(self.0.id)
    }
}

connections! {
    ActionConnections of Action {
        /// Commitments asked of clusters for this action.
        commitments: Commitment by commitment::ActionId,
        /// Progress reports, oldest first.
        progress_updates: ProgressUpdate by progress_update::ActionId,
        /// Residents' input that landed in this action.
        resident_inputs: ResidentInput by resident_input::ActionId,
        /// The clusters' positions on the action, oldest first: the history of the
        /// consultation.
        positions: ActionPosition by action_position::ActionId,
    }
}

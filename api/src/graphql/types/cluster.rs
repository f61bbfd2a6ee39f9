//! The clusters (city departments): what they own, commit and lead.

use async_graphql::{ID, Object};

use super::{Action, BudgetLine, CityProgramme, Commitment, Product, node_type};
use crate::graphql::connection::connections;

node_type!(
    /// A cluster (cluster / directie): a city-wide line department that owns staff and budget.
    Cluster wraps cluster
);

#[Object]
impl Cluster {
    /// The cluster's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Short code: MO, SO, SB, WI, DV, BCO or VEI.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Full name, e.g. Maatschappelijke Ontwikkeling.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> ClusterConnections {
        ClusterConnections(self.0.id)
    }
}

connections! {
    ClusterConnections of Cluster {
        /// The cluster's city programmes (stedelijke programma's).
        city_programmes: CityProgramme by city_programme::ClusterId,
        /// The cluster's products.
        products: Product by product::ClusterId,
        /// Commitments asked of or given by this cluster.
        commitments: Commitment by commitment::ClusterId,
        /// The cluster's budget lines.
        budget_lines: BudgetLine by budget_line::ClusterId,
        /// Actions this cluster leads.
        led_actions: Action by action::LeadClusterId,
    }
}

//! The clusters (city departments) and what they own: their city programmes and products.

use async_graphql::{ID, Object};

use super::{Action, BudgetLine, Commitment, Priority, node_type};
use crate::graphql::connection::connections;

node_type!(
    /// A cluster (cluster / directie): a city-wide line department that owns staff and budget.
    Cluster wraps cluster
);
node_type!(
    /// A cluster's city-wide policy programme (stedelijk programma).
    CityProgramme wraps city_programme links CityProgrammeLinks {
        /// The cluster that runs it.
        cluster: Cluster by cluster from cluster_id,
    }
);
node_type!(
    /// A budgeted service of a cluster (product), e.g. Vraagwijzer.
    Product wraps product links ProductLinks {
        /// The cluster that owns the product.
        cluster: Cluster by cluster from cluster_id,
    }
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

#[Object]
impl CityProgramme {
    /// The programme's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Name of the programme.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// What the programme aims at.
    async fn description(&self) -> &str {
        &self.0.description
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> CityProgrammeLinks {
        CityProgrammeLinks::of(&self.0)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> CityProgrammeConnections {
        CityProgrammeConnections(self.0.id)
    }
}

#[Object]
impl Product {
    /// The product's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Product code.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Name, e.g. Vraagwijzer.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// BBV taakveld code, e.g. `6.2` (Wijkteams).
    async fn taakveld_code(&self) -> &str {
        &self.0.taakveld_code
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> ProductLinks {
        ProductLinks::of(&self.0)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> ProductConnections {
        ProductConnections(self.0.id)
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

connections! {
    CityProgrammeConnections of CityProgramme {
        /// Neighbourhood priorities linked to this programme.
        priorities: Priority by priority::CityProgrammeId,
    }
}

connections! {
    ProductConnections of Product {
        /// Budget lines of this product.
        budget_lines: BudgetLine by budget_line::ProductId,
    }
}

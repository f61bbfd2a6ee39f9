//! A cluster's budgeted service (product), and its budget lines.

use async_graphql::{ID, Object};

use super::{BudgetLine, Cluster, node_type};
use crate::graphql::connection::connections;

node_type!(
    /// A budgeted service of a cluster (product), e.g. Vraagwijzer.
    Product wraps product links ProductLinks {
        /// The cluster that owns the product.
        cluster: Cluster by cluster from cluster_id,
    }
);

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
    ProductConnections of Product {
        /// Budget lines of this product.
        budget_lines: BudgetLine by budget_line::ProductId,
    }
}

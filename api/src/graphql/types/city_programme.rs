//! A cluster's city-wide programme (stedelijk programma), and the priorities linked to it.

use async_graphql::{ID, Object};

use super::{Cluster, Priority, node_type};
use crate::graphql::connection::connections;

node_type!(
    /// A cluster's city-wide policy programme (stedelijk programma).
    CityProgramme wraps city_programme links CityProgrammeLinks {
        /// The cluster that runs it.
        cluster: Cluster by cluster from cluster_id,
    }
);

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

connections! {
    CityProgrammeConnections of CityProgramme {
        /// Neighbourhood priorities linked to this programme.
        priorities: Priority by priority::CityProgrammeId,
    }
}

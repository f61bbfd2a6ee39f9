//! A residents' body and the areas and neighbourhoods it covers.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};

use super::{Area, Neighbourhood, node_type};
use crate::graphql::connection::connections;
use crate::graphql::enums::RepresentativeBodyKind;

node_type!(
    /// A residents' body: area committee (gebiedscommissie), neighbourhood council (wijkraad)
    /// or neighbourhood committee (wijkcomité). Advises; decides nothing about cluster resources.
    RepresentativeBody wraps representative_body
);

#[Object]
impl RepresentativeBody {
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> RepresentativeBodyConnections {
        RepresentativeBodyConnections(self.0.id)
    }
    /// The body's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// Kind of body.
    async fn kind(&self) -> RepresentativeBodyKind {
        self.0.kind.into()
    }
    /// Name, e.g. Gebiedscommissie Feijenoord.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Start of the body's term.
    async fn valid_from(&self) -> NaiveDate {
        self.0.valid_from.into()
    }
    /// End of the body's term.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to.map(Into::into)
    }
}

connections! {
    RepresentativeBodyConnections of RepresentativeBody {}
    through representative_body_coverage {
        /// Areas the body covers.
        areas: Area of area by AreaId from BodyId,
        /// Neighbourhoods the body covers.
        neighbourhoods: Neighbourhood of neighbourhood by NeighbourhoodId from BodyId,
    }
}

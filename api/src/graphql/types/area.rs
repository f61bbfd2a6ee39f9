//! An area (gebied): one of the city's districts, and what lies in it.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{ID, Object};

use super::{BudgetLine, Neighbourhood, Plan, RepresentativeBody, node_type};
use crate::graphql::connection::connections;

node_type!(
    /// An area (gebied): one of the city's 14 districts, the former deelgemeenten.
    Area wraps area
);

#[Object]
impl Area {
    /// The area's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// CBS wijk code, e.g. `WK059910`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Name, e.g. Feijenoord.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// First day the area exists.
    async fn valid_from(&self) -> NaiveDate {
        self.0.valid_from.into()
    }
    /// Last day the area existed, when it was dissolved or merged.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to.map(Into::into)
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> AreaConnections {
        AreaConnections(self.0.id)
    }
}

connections! {
    AreaConnections of Area {
        /// The neighbourhoods (wijken) in this area.
        neighbourhoods: Neighbourhood by neighbourhood::AreaId,
        /// Plans of this area, including the action plans of its neighbourhoods.
        plans: Plan by plan::AreaId,
        /// Budget lines for this area as a whole.
        budget_lines: BudgetLine by budget_line::AreaId,
    }
    through representative_body_coverage {
        /// Residents' bodies covering this area.
        representative_bodies: RepresentativeBody of representative_body by BodyId from AreaId,
    }
}

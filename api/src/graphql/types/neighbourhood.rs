//! A neighbourhood (wijk): the unit of the action plan, with its team on a date.

use crate::graphql::scalars::NaiveDate;
use async_graphql::{Context, ID, Object, Result};
use entity::*;

use sea_orm::{ColumnTrait, Condition};

use super::{
    Area, BudgetLine, Escalation, Plan, RepresentativeBody, ResidentInput, TeamMembership,
    node_type,
};
use crate::access::Link;
use crate::graphql::connection::{Conn, Extra, PageArgs, connections, relation};

node_type!(
    /// A neighbourhood (wijk) within an area: the unit of the action plan.
    Neighbourhood wraps neighbourhood links NeighbourhoodLinks {
        /// The area (gebied) it lies in.
        area: Area by area from area_id,
    }
);

#[Object]
impl Neighbourhood {
    /// The neighbourhood's opaque global id.
    pub async fn id(&self) -> ID {
        self.global_id()
    }
    /// CBS buurt code, e.g. `BU05991086`.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Name, e.g. Afrikaanderwijk.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// First day the neighbourhood exists with these boundaries.
    async fn valid_from(&self) -> NaiveDate {
        self.0.valid_from.into()
    }
    /// Last day, when the neighbourhood was merged or redrawn.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to.map(Into::into)
    }
    /// Part of the 2016 pilot wijkgestuurd werken.
    async fn pilot2016(&self) -> bool {
        self.0.pilot_2016
    }
    /// Where residents reach the neighbourhood team (its manager is the point of contact:
    /// see `team`).
    async fn contact(&self) -> Option<&str> {
        self.0.contact.as_deref()
    }
    /// The belongs-to fields declared with `node_type!`.
    #[graphql(flatten)]
    async fn belongs_to(&self) -> NeighbourhoodLinks {
        NeighbourhoodLinks::of(&self.0)
    }
    /// The team (wijkactieteam) as it was on `asOf` (today when absent): the memberships
    /// that ran on that date.
    async fn team(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<TeamMembership>> {
        let date = as_of.map_or_else(|| chrono::Utc::now().date_naive(), |date| date.0);
        let on_date = Condition::all()
            .add(team_membership::Column::ValidFrom.lte(date))
            .add(
                Condition::any()
                    .add(team_membership::Column::ValidTo.is_null())
                    .add(team_membership::Column::ValidTo.gte(date)),
            );
        relation::<team_membership::Entity, _>(
            ctx,
            Link::Column(team_membership::Column::NeighbourhoodId),
            Some(Extra {
                tag: format!("asOf={date}"),
                condition: on_date,
            }),
            self.0.id,
            PageArgs::new(first, after, last, before),
        )
        .await
    }
    /// The connection fields declared with `connections!`.
    #[graphql(flatten)]
    async fn connections(&self) -> NeighbourhoodConnections {
        NeighbourhoodConnections(self.0.id)
    }
}

connections! {
    NeighbourhoodConnections of Neighbourhood {
        /// The neighbourhood's action plans (wijkactieplannen), newest year first.
        plans: Plan by plan::NeighbourhoodId,
        /// Every dated membership of the neighbourhood action team (wijkactieteam), past and present.
        team_memberships: TeamMembership by team_membership::NeighbourhoodId,
        /// Residents' input recorded for this neighbourhood.
        resident_inputs: ResidentInput by resident_input::NeighbourhoodId,
        /// Budget lines for this neighbourhood.
        budget_lines: BudgetLine by budget_line::NeighbourhoodId,
        /// Escalations raised in this neighbourhood.
        escalations: Escalation by escalation::NeighbourhoodId,
    }
    through representative_body_coverage {
        /// Residents' bodies covering this neighbourhood.
        representative_bodies: RepresentativeBody of representative_body by BodyId from NeighbourhoodId,
    }
}

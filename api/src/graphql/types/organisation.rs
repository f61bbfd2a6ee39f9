//! The organisation: areas, neighbourhoods, residents' bodies, clusters, their city
//! programmes and products.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use entity::*;

use super::{
    BudgetLine, Commitment, Escalation, Plan, Priority, ResidentInput, TeamMembership, node_type,
    page,
};
use crate::graphql::context::{child_rows, children, one, paged, several};
use crate::graphql::enums::RepresentativeBodyKind;
use crate::graphql::relay::Conn;

node_type!(
    /// An area (gebied): one of the city's 14 districts, the former deelgemeenten.
    Area wraps area
);
node_type!(
    /// A neighbourhood (wijk) within an area: the unit of the action plan.
    Neighbourhood wraps neighbourhood
);
node_type!(
    /// A residents' body: area committee (gebiedscommissie), neighbourhood council (wijkraad)
    /// or neighbourhood committee (wijkcomité). Advises; decides nothing about cluster resources.
    RepresentativeBody wraps representative_body
);
node_type!(
    /// A cluster (cluster / directie): a city-wide line department that owns staff and budget.
    Cluster wraps cluster
);
node_type!(
    /// A cluster's city-wide policy programme (stedelijk programma).
    CityProgramme wraps city_programme
);
node_type!(
    /// A budgeted service of a cluster (product), e.g. Vraagwijzer.
    Product wraps product
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
        self.0.valid_from
    }
    /// Last day the area existed, when it was dissolved or merged.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to
    }
    /// The neighbourhoods (wijken) in this area.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn neighbourhoods(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Neighbourhood>> {
        children::<neighbourhood::Entity, _>(
            ctx,
            neighbourhood::Column::AreaId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Plans of this area, including the action plans of its neighbourhoods.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn plans(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Plan>> {
        children::<plan::Entity, _>(
            ctx,
            plan::Column::AreaId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Budget lines for this area as a whole.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn budget_lines(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<BudgetLine>> {
        children::<budget_line::Entity, _>(
            ctx,
            budget_line::Column::AreaId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Residents' bodies covering this area.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn representative_bodies(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<RepresentativeBody>> {
        let bodies =
            bodies_covering(ctx, representative_body_coverage::Column::AreaId, self.0.id).await?;
        paged(ctx, bodies, page!(first, after, last, before))
    }
}

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
        self.0.valid_from
    }
    /// Last day, when the neighbourhood was merged or redrawn.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to
    }
    /// Part of the 2016 pilot wijkgestuurd werken.
    async fn pilot2016(&self) -> bool {
        self.0.pilot_2016
    }
    /// The area (gebied) it lies in.
    async fn area(&self, ctx: &Context<'_>) -> Result<Option<Area>> {
        one::<area::Entity, _>(ctx, Some(self.0.area_id)).await
    }
    /// The neighbourhood's action plans (wijkactieplannen), newest year first.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn plans(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Plan>> {
        children::<plan::Entity, _>(
            ctx,
            plan::Column::NeighbourhoodId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Every dated membership of the neighbourhood action team (wijkactieteam), past and present.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn team_memberships(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<TeamMembership>> {
        children::<team_membership::Entity, _>(
            ctx,
            team_membership::Column::NeighbourhoodId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// The team (wijkactieteam) as it was on `asOf` (today when absent): the memberships
    /// that ran on that date.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn team(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<TeamMembership>> {
        let date = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
        let rows = child_rows::<team_membership::Entity>(
            ctx,
            team_membership::Column::NeighbourhoodId,
            self.0.id,
        )
        .await?;
        let members = rows
            .into_iter()
            .filter(|row| row.valid_from <= date && row.valid_to.is_none_or(|end| end >= date))
            .map(TeamMembership::from)
            .collect();
        paged(ctx, members, page!(first, after, last, before))
    }
    /// Residents' input recorded for this neighbourhood.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn resident_inputs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<ResidentInput>> {
        children::<resident_input::Entity, _>(
            ctx,
            resident_input::Column::NeighbourhoodId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Budget lines for this neighbourhood.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn budget_lines(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<BudgetLine>> {
        children::<budget_line::Entity, _>(
            ctx,
            budget_line::Column::NeighbourhoodId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Escalations raised in this neighbourhood.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn escalations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Escalation>> {
        children::<escalation::Entity, _>(
            ctx,
            escalation::Column::NeighbourhoodId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Residents' bodies covering this neighbourhood.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn representative_bodies(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<RepresentativeBody>> {
        let bodies = bodies_covering(
            ctx,
            representative_body_coverage::Column::NeighbourhoodId,
            self.0.id,
        )
        .await?;
        paged(ctx, bodies, page!(first, after, last, before))
    }
}

/// The bodies with a coverage row through `column` for `parent`.
async fn bodies_covering(
    ctx: &Context<'_>,
    column: representative_body_coverage::Column,
    parent: i32,
) -> Result<Vec<RepresentativeBody>> {
    let cover = child_rows::<representative_body_coverage::Entity>(ctx, column, parent).await?;
    several::<representative_body::Entity, _>(ctx, cover.iter().map(|row| row.body_id)).await
}

#[Object]
impl RepresentativeBody {
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
        self.0.valid_from
    }
    /// End of the body's term.
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to
    }
    /// Areas the body covers.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn areas(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Area>> {
        let cover = child_rows::<representative_body_coverage::Entity>(
            ctx,
            representative_body_coverage::Column::BodyId,
            self.0.id,
        )
        .await?;
        let areas =
            several::<area::Entity, _>(ctx, cover.iter().filter_map(|row| row.area_id)).await?;
        paged(ctx, areas, page!(first, after, last, before))
    }
    /// Neighbourhoods the body covers.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn neighbourhoods(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Neighbourhood>> {
        let cover = child_rows::<representative_body_coverage::Entity>(
            ctx,
            representative_body_coverage::Column::BodyId,
            self.0.id,
        )
        .await?;
        let found = several::<neighbourhood::Entity, _>(
            ctx,
            cover.iter().filter_map(|row| row.neighbourhood_id),
        )
        .await?;
        paged(ctx, found, page!(first, after, last, before))
    }
}

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
    /// The cluster's city programmes (stedelijke programma's).
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn city_programmes(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<CityProgramme>> {
        children::<city_programme::Entity, _>(
            ctx,
            city_programme::Column::ClusterId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// The cluster's products.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn products(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Product>> {
        children::<product::Entity, _>(
            ctx,
            product::Column::ClusterId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Commitments asked of or given by this cluster.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn commitments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Commitment>> {
        children::<commitment::Entity, _>(
            ctx,
            commitment::Column::ClusterId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// The cluster's budget lines.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn budget_lines(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<BudgetLine>> {
        children::<budget_line::Entity, _>(
            ctx,
            budget_line::Column::ClusterId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
    /// Actions this cluster leads.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn led_actions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<super::Action>> {
        children::<action::Entity, _>(
            ctx,
            action::Column::LeadClusterId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
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
    /// The cluster that runs it.
    async fn cluster(&self, ctx: &Context<'_>) -> Result<Option<Cluster>> {
        one::<cluster::Entity, _>(ctx, Some(self.0.cluster_id)).await
    }
    /// Neighbourhood priorities linked to this programme.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn priorities(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Priority>> {
        children::<priority::Entity, _>(
            ctx,
            priority::Column::CityProgrammeId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
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
    /// The cluster that owns the product.
    async fn cluster(&self, ctx: &Context<'_>) -> Result<Option<Cluster>> {
        one::<cluster::Entity, _>(ctx, Some(self.0.cluster_id)).await
    }
    /// Budget lines of this product.
    #[graphql(complexity = "crate::graphql::relay::page_cost(first, last) * child_complexity")]
    async fn budget_lines(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<BudgetLine>> {
        children::<budget_line::Entity, _>(
            ctx,
            budget_line::Column::ProductId,
            self.0.id,
            page!(first, after, last, before),
        )
        .await
    }
}

//! Root lists of the organisation: areas, neighbourhoods, residents' bodies, clusters,
//! city programmes and products.

use async_graphql::{Context, ID, InputObject, Object, Result};
use entity::*;
use sea_orm::Condition;

use super::order::order_input;
use super::{contains, eq, eq_id};
use crate::graphql::connection::list;
use crate::graphql::connection::{Conn, PageArgs};
use crate::graphql::enums::RepresentativeBodyKind;
use crate::graphql::types::{
    Area, CityProgramme, Cluster, Neighbourhood, Product, RepresentativeBody,
};

/// Which areas to list.
#[derive(InputObject, Default)]
pub struct AreaFilter {
    /// Exactly this CBS wijk code.
    #[graphql(validator(custom = "super::FilterText"))]
    pub code: Option<String>,
    /// Name contains this text (case-insensitive).
    #[graphql(validator(custom = "super::FilterText"))]
    pub name_contains: Option<String>,
}

order_input!(
    /// Fields areas sort by.
    AreaOrder, AreaOrderField, area {
        /// CBS code.
        Code => Code,
        /// Name.
        Name => Name,
    }
);

/// Which neighbourhoods to list.
#[derive(InputObject, Default)]
pub struct NeighbourhoodFilter {
    /// In this area.
    pub area_id: Option<ID>,
    /// Exactly this CBS buurt code.
    #[graphql(validator(custom = "super::FilterText"))]
    pub code: Option<String>,
    /// Name contains this text (case-insensitive).
    #[graphql(validator(custom = "super::FilterText"))]
    pub name_contains: Option<String>,
    /// Only pilot 2016 neighbourhoods (true) or only the others (false).
    pub pilot2016: Option<bool>,
}

order_input!(
    /// Fields neighbourhoods sort by.
    NeighbourhoodOrder, NeighbourhoodOrderField, neighbourhood {
        /// CBS code.
        Code => Code,
        /// Name.
        Name => Name,
    }
);

order_input!(
    /// Fields representative bodys sort by.
    RepresentativeBodyOrder, RepresentativeBodyOrderField, representative_body {
        /// Name.
        Name => Name,
        /// Kind.
        Kind => Kind,
        /// Start of term.
        ValidFrom => ValidFrom,
    }
);

/// Which residents' bodies to list.
#[derive(InputObject, Default)]
pub struct RepresentativeBodyFilter {
    /// Of this kind.
    pub kind: Option<RepresentativeBodyKind>,
}

/// Which clusters to list.
#[derive(InputObject, Default)]
pub struct ClusterFilter {
    /// Exactly this code, e.g. MO.
    #[graphql(validator(custom = "super::FilterText"))]
    pub code: Option<String>,
}

order_input!(
    /// Fields clusters sort by.
    ClusterOrder, ClusterOrderField, cluster {
        /// Code.
        Code => Code,
        /// Name.
        Name => Name,
    }
);

order_input!(
    /// Fields city programmes sort by.
    CityProgrammeOrder, CityProgrammeOrderField, city_programme {
        /// Name.
        Name => Name,
    }
);

/// Which city programmes to list.
#[derive(InputObject, Default)]
pub struct CityProgrammeFilter {
    /// Of this cluster.
    pub cluster_id: Option<ID>,
}

/// Which products to list.
#[derive(InputObject, Default)]
pub struct ProductFilter {
    /// Of this cluster.
    pub cluster_id: Option<ID>,
    /// In this BBV taakveld, e.g. `6.2`.
    #[graphql(validator(custom = "super::FilterText"))]
    pub taakveld_code: Option<String>,
}

order_input!(
    /// Fields products sort by.
    ProductOrder, ProductOrderField, product {
        /// Code.
        Code => Code,
        /// Name.
        Name => Name,
        /// Taakveld code.
        TaakveldCode => TaakveldCode,
    }
);

/// Root fields of the organisation.
#[derive(Default)]
pub struct OrganisationQuery;

#[Object]
impl OrganisationQuery {
    /// The city's areas (gebieden).
    #[allow(clippy::too_many_arguments)]
    async fn areas(
        &self,
        ctx: &Context<'_>,
        filter: Option<AreaFilter>,
        order_by: Option<Vec<AreaOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Area>> {
        let filter = filter.unwrap_or_default();
        let condition = eq(Condition::all(), area::Column::Code, filter.code);
        let condition = contains(condition, area::Column::Name, filter.name_contains.as_ref());
        list::<area::Entity, _>(
            ctx,
            condition,
            &AreaOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// Neighbourhoods (wijken).
    #[allow(clippy::too_many_arguments)]
    async fn neighbourhoods(
        &self,
        ctx: &Context<'_>,
        filter: Option<NeighbourhoodFilter>,
        order_by: Option<Vec<NeighbourhoodOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Neighbourhood>> {
        let filter = filter.unwrap_or_default();
        let condition = eq_id(
            Condition::all(),
            neighbourhood::Column::AreaId,
            Area::TYPE_NAME,
            "filter.areaId",
            filter.area_id.as_ref(),
        )?;
        let condition = eq(condition, neighbourhood::Column::Code, filter.code);
        let condition = eq(
            condition,
            neighbourhood::Column::Pilot2016,
            filter.pilot2016,
        );
        let condition = contains(
            condition,
            neighbourhood::Column::Name,
            filter.name_contains.as_ref(),
        );
        list::<neighbourhood::Entity, _>(
            ctx,
            condition,
            &NeighbourhoodOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// Residents' bodies: area committees, neighbourhood councils and committees.
    #[allow(clippy::too_many_arguments)]
    async fn representative_bodies(
        &self,
        ctx: &Context<'_>,
        filter: Option<RepresentativeBodyFilter>,
        order_by: Option<Vec<RepresentativeBodyOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<RepresentativeBody>> {
        let filter = filter.unwrap_or_default();
        let condition = eq(
            Condition::all(),
            representative_body::Column::Kind,
            filter.kind.map(entity::enums::RepresentativeBodyKind::from),
        );
        list::<representative_body::Entity, _>(
            ctx,
            condition,
            &RepresentativeBodyOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// Clusters (city departments).
    #[allow(clippy::too_many_arguments)]
    async fn clusters(
        &self,
        ctx: &Context<'_>,
        filter: Option<ClusterFilter>,
        order_by: Option<Vec<ClusterOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Cluster>> {
        let filter = filter.unwrap_or_default();
        let condition = eq(Condition::all(), cluster::Column::Code, filter.code);
        list::<cluster::Entity, _>(
            ctx,
            condition,
            &ClusterOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// City programmes (stedelijke programma's).
    #[allow(clippy::too_many_arguments)]
    async fn city_programmes(
        &self,
        ctx: &Context<'_>,
        filter: Option<CityProgrammeFilter>,
        order_by: Option<Vec<CityProgrammeOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<CityProgramme>> {
        let filter = filter.unwrap_or_default();
        let condition = eq_id(
            Condition::all(),
            city_programme::Column::ClusterId,
            Cluster::TYPE_NAME,
            "filter.clusterId",
            filter.cluster_id.as_ref(),
        )?;
        list::<city_programme::Entity, _>(
            ctx,
            condition,
            &CityProgrammeOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }

    /// Products the clusters budget.
    #[allow(clippy::too_many_arguments)]
    async fn products(
        &self,
        ctx: &Context<'_>,
        filter: Option<ProductFilter>,
        order_by: Option<Vec<ProductOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<Conn<Product>> {
        let filter = filter.unwrap_or_default();
        let condition = eq_id(
            Condition::all(),
            product::Column::ClusterId,
            Cluster::TYPE_NAME,
            "filter.clusterId",
            filter.cluster_id.as_ref(),
        )?;
        let condition = eq(
            condition,
            product::Column::TaakveldCode,
            filter.taakveld_code,
        );
        list::<product::Entity, _>(
            ctx,
            condition,
            &ProductOrder::terms(&order_by.unwrap_or_default()),
            PageArgs::new(first, after, last, before),
        )
        .await
    }
}

//! Root lists of the organisation: areas, neighbourhoods, residents' bodies, clusters,
//! city programmes and products.

use async_graphql::{ID, InputObject};
use entity::*;

use super::filter::Conditions;
use super::lists::root_lists;
use super::order::order_input;
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

root_lists! {
    /// Root lists of the organisation.
    OrganisationQuery {
        /// The city's areas (gebieden).
        areas: Area of area where AreaFilter sorted AreaOrder => |_ctx, filter, _order| {
            Ok(Conditions::new()
                .eq(area::Column::Code, filter.code)
                .contains(area::Column::Name, filter.name_contains.as_ref()))
        },
        /// Neighbourhoods (wijken).
        neighbourhoods: Neighbourhood of neighbourhood where NeighbourhoodFilter sorted NeighbourhoodOrder
            => |_ctx, filter, _order| {
            Ok(Conditions::new()
                .id(neighbourhood::Column::AreaId, Area::TYPE_NAME, "filter.areaId", filter.area_id.as_ref())?
                .eq(neighbourhood::Column::Code, filter.code)
                .eq(neighbourhood::Column::Pilot2016, filter.pilot2016)
                .contains(neighbourhood::Column::Name, filter.name_contains.as_ref()))
        },
        /// Residents' bodies: area committees, neighbourhood councils and committees.
        representative_bodies: RepresentativeBody of representative_body
            where RepresentativeBodyFilter sorted RepresentativeBodyOrder => |_ctx, filter, _order| {
            Ok(Conditions::new()
                .eq(representative_body::Column::Kind, filter.kind.map(entity::enums::RepresentativeBodyKind::from)))
        },
        /// Clusters (city departments).
        clusters: Cluster of cluster where ClusterFilter sorted ClusterOrder => |_ctx, filter, _order| {
            Ok(Conditions::new().eq(cluster::Column::Code, filter.code))
        },
        /// City programmes (stedelijke programma's).
        city_programmes: CityProgramme of city_programme where CityProgrammeFilter sorted CityProgrammeOrder
            => |_ctx, filter, _order| {
            Ok(Conditions::new()
                .id(city_programme::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?)
        },
        /// Products the clusters budget.
        products: Product of product where ProductFilter sorted ProductOrder => |_ctx, filter, _order| {
            Ok(Conditions::new()
                .id(product::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?
                .eq(product::Column::TaakveldCode, filter.taakveld_code))
        },
    }
}

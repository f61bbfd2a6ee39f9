//! The reference rows every plan refers to — areas, neighbourhoods, representative bodies,
//! clusters, products and city programmes — written first, with their ids by code.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::enums::RepresentativeBodyKind;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::{AREAS, PILOT_2016, add, date, rotterdam};

/// Ids of the reference rows, by code, for the pilot data to refer to.
pub(crate) struct Reference {
    pub areas: HashMap<&'static str, i32>,
    pub neighbourhoods: HashMap<&'static str, (i32, i32)>,
    pub clusters: HashMap<&'static str, i32>,
    pub products: HashMap<&'static str, i32>,
    pub programmes: Vec<(&'static str, i32)>,
}

impl Reference {
    /// The id of the area with this code.
    pub fn area(&self, code: &str) -> Result<i32, DbErr> {
        self.areas
            .get(code)
            .copied()
            .ok_or_else(|| unknown("area", code))
    }

    /// The ids of the neighbourhood with this code and of its area.
    pub fn neighbourhood(&self, code: &str) -> Result<(i32, i32), DbErr> {
        self.neighbourhoods
            .get(code)
            .copied()
            .ok_or_else(|| unknown("neighbourhood", code))
    }

    /// The id of the cluster with this code.
    pub fn cluster(&self, code: &str) -> Result<i32, DbErr> {
        self.clusters
            .get(code)
            .copied()
            .ok_or_else(|| unknown("cluster", code))
    }

    /// The id of the product with this code.
    pub fn product(&self, code: &str) -> Result<i32, DbErr> {
        self.products
            .get(code)
            .copied()
            .ok_or_else(|| unknown("product", code))
    }
}

/// The error for a code the seed's tables name but the reference data lacks.
pub(crate) fn unknown(what: &str, code: &str) -> DbErr {
    DbErr::Custom(format!(
        "the seed names {what} {code}, which the reference data lacks"
    ))
}

/// The start of the 2014–2018 area-committee term.
fn term_start() -> Result<NaiveDate, DbErr> {
    date(2014, 3, 19)
}

/// Writes the reference rows and returns their ids.
pub(super) async fn reference_data(txn: &DatabaseTransaction) -> Result<Reference, DbErr> {
    let mut reference = Reference {
        areas: HashMap::new(),
        neighbourhoods: HashMap::new(),
        clusters: HashMap::new(),
        products: HashMap::new(),
        programmes: Vec::new(),
    };
    for seed in &AREAS {
        let area_id = add::<area::ActiveModel>(
            txn,
            area::Model {
                id: 0,
                code: seed.code.to_owned(),
                name: seed.name.to_owned(),
                valid_from: term_start()?,
                valid_to: None,
            },
        )
        .await?
        .id;
        reference.areas.insert(seed.code, area_id);
        for (code, name) in seed.neighbourhoods {
            let id = add::<neighbourhood::ActiveModel>(
                txn,
                neighbourhood::Model {
                    id: 0,
                    code: (*code).to_owned(),
                    name: (*name).to_owned(),
                    area_id,
                    valid_from: term_start()?,
                    valid_to: None,
                    pilot_2016: PILOT_2016.contains(code),
                    contact: Some(format!(
                        "wijkteam.{}@rotterdam.example",
                        code.to_lowercase()
                    )),
                },
            )
            .await?
            .id;
            reference.neighbourhoods.insert(code, (id, area_id));
        }
        let body = add::<representative_body::ActiveModel>(
            txn,
            representative_body::Model {
                id: 0,
                kind: RepresentativeBodyKind::AreaCommittee,
                name: format!("Gebiedscommissie {}", seed.name),
                valid_from: term_start()?,
                valid_to: Some(date(2018, 3, 21)?),
            },
        )
        .await?;
        add::<representative_body_coverage::ActiveModel>(
            txn,
            representative_body_coverage::Model {
                id: 0,
                body_id: body.id,
                area_id: Some(area_id),
                neighbourhood_id: None,
            },
        )
        .await?;
    }
    for (code, name) in rotterdam::CLUSTERS {
        let id = add::<cluster::ActiveModel>(
            txn,
            cluster::Model {
                id: 0,
                code: code.to_owned(),
                name: name.to_owned(),
            },
        )
        .await?
        .id;
        reference.clusters.insert(code, id);
    }
    for (code, cluster_code, name, taakveld) in rotterdam::PRODUCTS {
        let id = add::<product::ActiveModel>(
            txn,
            product::Model {
                id: 0,
                cluster_id: reference.cluster(cluster_code)?,
                code: code.to_owned(),
                name: name.to_owned(),
                taakveld_code: taakveld.to_owned(),
            },
        )
        .await?
        .id;
        reference.products.insert(code, id);
    }
    for (cluster_code, name, description) in rotterdam::CITY_PROGRAMMES {
        let id = add::<city_programme::ActiveModel>(
            txn,
            city_programme::Model {
                id: 0,
                cluster_id: reference.cluster(cluster_code)?,
                name: name.to_owned(),
                description: description.to_owned(),
            },
        )
        .await?
        .id;
        reference.programmes.push((cluster_code, id));
    }
    Ok(reference)
}

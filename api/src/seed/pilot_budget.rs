//! The 2016 P&C cycle of the demo: documents for every phase, budget lines per cluster
//! product for the pilot areas (plus the Vraagwijzer lines of IJsselmonde and Lombardijen),
//! their amount after each phase, and one amendment of each kind the year saw.

use std::collections::HashMap;

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::pilot_data::{AMENDMENTS, AREA_BUDGET, DOCUMENTS};
use super::{Reference, add, at};

/// The budget lines written, by (product code, area code).
pub(super) struct Lines {
    by_area: HashMap<(&'static str, &'static str), i32>,
}

impl Lines {
    /// The area line of `product` in `area`.
    pub(super) fn area_line(&self, product: &str, area: &str) -> Option<i32> {
        self.by_area
            .iter()
            .find(|((p, a), _)| *p == product && *a == area)
            .map(|(_, id)| *id)
    }
}

/// A 2016 document: phase, title, adoption moment.
type Document = (PncPhase, &'static str, chrono::DateTime<chrono::Utc>);

/// The 2016 documents.
fn documents() -> Result<Vec<Document>, DbErr> {
    DOCUMENTS
        .into_iter()
        .map(|(phase, title, (year, month, day), hour)| {
            Ok((phase, title, at(year, month, day, hour)?))
        })
        .collect()
}

pub(super) async fn write(
    txn: &DatabaseTransaction,
    reference: &Reference,
) -> Result<Lines, DbErr> {
    let mut document_ids = HashMap::new();
    for (phase, title, adopted) in documents()? {
        let document = add::<pnc_document::ActiveModel>(
            txn,
            pnc_document::Model {
                id: 0,
                year: 2016,
                phase,
                title: title.to_owned(),
                status: PncDocumentStatus::Adopted,
                adopted_at: Some(adopted),
            },
        )
        .await?;
        document_ids.insert(phase, document.id);
    }
    add::<pnc_document::ActiveModel>(
        txn,
        pnc_document::Model {
            id: 0,
            year: 2017,
            phase: PncPhase::Budget,
            title: "Begroting 2017".to_owned(),
            status: PncDocumentStatus::InPreparation,
            adopted_at: None,
        },
    )
    .await?;
    // 2017 is open: the budget is in preparation and the spring revision still to come, so
    // a new line, a transfer within a product and an amendment can be played — Vraagwijzer
    // capacity moving from the IJsselmonde area centre to the Lombardijen desk (§3.2.5).
    for (area, neighbourhood, euros, hours) in [
        (Some("WK059912"), None, 1_150_000, 8_000),
        (None, Some("BU05991284"), 160_000, 1_000),
    ] {
        open_line(txn, reference, "MO-VRW", area, neighbourhood, euros, hours).await?;
    }

    let mut lines = Lines {
        by_area: HashMap::new(),
    };
    let areas = ["WK059904", "WK059906", "WK059910"];
    for area_code in areas {
        for (product_code, euros, hours) in AREA_BUDGET {
            let id = line(
                txn,
                reference,
                product_code,
                Some(area_code),
                None,
                euros,
                hours,
            )
            .await?;
            lines.by_area.insert((product_code, area_code), id);
        }
    }
    // Vraagwijzer in IJsselmonde: the area centre and the Lombardijen desk, the pair the
    // P&C issue moves capacity between.
    let ijsselmonde = line(
        txn,
        reference,
        "MO-VRW",
        Some("WK059912"),
        None,
        1_100_000,
        8_000,
    )
    .await?;
    lines.by_area.insert(("MO-VRW", "WK059912"), ijsselmonde);
    line(
        txn,
        reference,
        "MO-VRW",
        None,
        Some("BU05991284"),
        150_000,
        1_000,
    )
    .await?;

    for (phase, product, area, amendment_type, euros, rationale) in AMENDMENTS {
        let Some(budget_line_id) = lines.area_line(product, area) else {
            continue;
        };
        add::<budget_amendment::ActiveModel>(
            txn,
            budget_amendment::Model {
                id: 0,
                pnc_document_id: *document_ids
                    .get(&phase)
                    .ok_or_else(|| DbErr::Custom(format!("no 2016 document of phase {phase:?}")))?,
                budget_line_id,
                amendment_type,
                delta_cents: euros * 100,
                rationale: rationale.to_owned(),
                created_by: "controller".to_owned(),
                created_at: documents()?
                    .into_iter()
                    .find(|(p, _, _)| *p == phase)
                    .map(|(_, _, at)| at)
                    .ok_or_else(|| DbErr::Custom(format!("no 2016 document of phase {phase:?}")))?,
            },
        )
        .await?;
    }
    Ok(lines)
}

/// The cluster that owns a product.
fn cluster_of(product_code: &str) -> Result<&'static str, DbErr> {
    super::rotterdam::PRODUCTS
        .iter()
        .find(|(code, ..)| *code == product_code)
        .map(|(_, cluster, ..)| *cluster)
        .ok_or_else(|| super::unknown("product", product_code))
}

/// Writes the row of one expenses line of `product_code` for `year`, in an area or a
/// neighbourhood (by code), owned by the product's cluster.
async fn line_row(
    txn: &DatabaseTransaction,
    reference: &Reference,
    product_code: &str,
    (area, neighbourhood): (Option<&str>, Option<&str>),
    year: i32,
    hours: i64,
) -> Result<budget_line::Model, DbErr> {
    let place = area.or(neighbourhood).unwrap_or("stad");
    add::<budget_line::ActiveModel>(
        txn,
        budget_line::Model {
            id: 0,
            cluster_id: reference.cluster(cluster_of(product_code)?)?,
            product_id: reference.product(product_code)?,
            year,
            area_id: area.map(|code| reference.area(code)).transpose()?,
            neighbourhood_id: neighbourhood
                .map(|code| reference.neighbourhood(code).map(|(id, _)| id))
                .transpose()?,
            kind: BudgetKind::Expenses,
            description: format!("{product_code} {place} {year}"),
            capacity_hours_centi: hours * 100,
            version: 1,
        },
    )
    .await
}

/// Writes one 2017 budget line with its amount in the budget being prepared.
async fn open_line(
    txn: &DatabaseTransaction,
    reference: &Reference,
    product_code: &str,
    area: Option<&str>,
    neighbourhood: Option<&str>,
    euros: i64,
    hours: i64,
) -> Result<i32, DbErr> {
    let row = line_row(
        txn,
        reference,
        product_code,
        (area, neighbourhood),
        2017,
        hours,
    )
    .await?;
    add::<budget_line_amount::ActiveModel>(
        txn,
        budget_line_amount::Model {
            id: 0,
            budget_line_id: row.id,
            phase: PncPhase::Budget,
            amount_cents: euros * 100,
        },
    )
    .await?;
    Ok(row.id)
}

/// Writes one budget line with its amount after each phase: the budget, each revision with
/// the year's amendments applied, and a realised amount at 97% of the last revision.
async fn line(
    txn: &DatabaseTransaction,
    reference: &Reference,
    product_code: &str,
    area: Option<&str>,
    neighbourhood: Option<&str>,
    euros: i64,
    hours: i64,
) -> Result<i32, DbErr> {
    let row = line_row(
        txn,
        reference,
        product_code,
        (area, neighbourhood),
        2016,
        hours,
    )
    .await?;
    let mut cents = euros * 100;
    for (phase, ..) in documents()? {
        if phase == PncPhase::AnnualAccounts {
            cents = cents * 97 / 100;
        } else if let Some(area) = area {
            cents += AMENDMENTS
                .iter()
                .filter(|(p, product, a, ..)| *p == phase && *product == product_code && *a == area)
                .map(|(.., delta, _)| delta * 100)
                .sum::<i64>();
        }
        add::<budget_line_amount::ActiveModel>(
            txn,
            budget_line_amount::Model {
                id: 0,
                budget_line_id: row.id,
                phase,
                amount_cents: cents,
            },
        )
        .await?;
    }
    Ok(row.id)
}

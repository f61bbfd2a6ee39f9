//! Synthetic volume: a city's or the whole country's worth of neighbourhoods, ten years of
//! action plans with their priorities, actions and commitments, and the budget lines the
//! commitments draw on. For benchmarks and for trying the API at real scale.
//!
//! Deterministic for a seed: every value comes from one seeded generator, dates are fixed
//! by the year, and ids are assigned here (after the demo's), so two runs with the same
//! seed on an empty database write identical rows on SQLite and PostgreSQL. Rows are
//! written with multi-row inserts in transactions of a few thousand rows.

use entity::enums::{PncDocumentStatus, PncPhase};
use entity::*;
use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};

use super::{at, date};
use rows::{action_of, budget_lines, commitment_of, plan_of, priority_of};
use store::{Buffers, Ids, Table};

mod rows;
mod store;

/// The last year synthetic plans cover; plans of earlier years are closed.
pub const CURRENT_YEAR: i32 = 2026;

/// How much data to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// One large city: the demo's 14 areas with 200 more neighbourhoods, ~150,000 commitments over ten years.
    City,
    /// The country: 340 municipalities, 3,300 more neighbourhoods, ~1.5 million
    /// commitments over ten years.
    National,
}

impl Scale {
    fn shape(self) -> Shape {
        match self {
            Scale::City => Shape {
                municipalities: 0,
                areas_per_municipality: 0,
                neighbourhoods: 200,
                actions_per_priority: 5,
                commitments_per_action: 3,
            },
            Scale::National => Shape {
                municipalities: 339,
                areas_per_municipality: 3,
                neighbourhoods: 3_300,
                actions_per_priority: 3,
                commitments_per_action: 3,
            },
        }
    }
}

/// The proportions of a scale. Each plan has five priorities.
struct Shape {
    /// Municipalities besides the demo's city, each with its own areas.
    municipalities: u32,
    areas_per_municipality: u32,
    /// Neighbourhoods added to the demo's.
    neighbourhoods: u32,
    actions_per_priority: u32,
    commitments_per_action: u32,
}

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The scale.
    pub scale: Scale,
    /// Years of plans, ending with [`CURRENT_YEAR`].
    pub years: u32,
    /// The generator's seed.
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Neighbourhoods added.
    pub neighbourhoods: u64,
    /// Plans added.
    pub plans: u64,
    /// Priorities added.
    pub priorities: u64,
    /// Actions added.
    pub actions: u64,
    /// Commitments added.
    pub commitments: u64,
    /// Budget lines added.
    pub budget_lines: u64,
}

/// Commitments buffered before everything buffered is written.
const FLUSH_AT: usize = 20_000;

/// Adds synthetic volume on top of the demo data (written first into an empty database).
/// `progress` counts neighbourhoods; pass [`ProgressBar::hidden`] where nobody watches.
pub async fn write(
    db: &DatabaseConnection,
    options: Options,
    progress: &ProgressBar,
) -> Result<Written, DbErr> {
    super::demo(db).await?;
    let shape = options.scale.shape();
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let clusters: Vec<i32> = cluster::Entity::find()
        .all(db)
        .await?
        .iter()
        .map(|c| c.id)
        .collect();
    let products: Vec<product::Model> = product::Entity::find().all(db).await?;
    let existing_areas: Vec<i32> = area::Entity::find()
        .all(db)
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let mut ids = Ids::after_existing(db).await?;
    let mut out = Buffers::default();
    let years: Vec<i32> = (0..options.years.max(1) as i32)
        .map(|back| CURRENT_YEAR - back)
        .rev()
        .collect();

    // Areas: the demo city's, then each other municipality's.
    let mut areas: Vec<i32> = existing_areas;
    for municipality in 0..shape.municipalities {
        for district in 0..shape.areas_per_municipality {
            let id = ids.next(Table::Area);
            out.areas.push(area::Model {
                id,
                code: format!("WK9{municipality:03}{district:02}"),
                name: format!("Gemeente {} wijk {}", municipality + 1, district + 1),
                valid_from: date(2014, 1, 1)?,
                valid_to: None,
            });
            areas.push(id);
        }
    }
    for &year in &years {
        if !ids.document_years.contains(&year) {
            out.documents.push(pnc_document::Model {
                id: ids.next(Table::Document),
                year,
                phase: PncPhase::Budget,
                title: format!("Begroting {year}"),
                status: PncDocumentStatus::Adopted,
                adopted_at: Some(at(year - 1, 11, 10, 12)?),
            });
        }
    }
    out.flush(db).await?;

    let to_add = shape.neighbourhoods;
    progress.set_length(u64::from(to_add));
    progress.set_style(
        ProgressStyle::with_template(
            "{spinner} {wide_bar} {pos}/{len} neighbourhoods ({per_sec}, {eta} left) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut written = Written::default();
    for n in 0..to_add {
        let area_id = areas[n as usize % areas.len()];
        let hood = ids.next(Table::Neighbourhood);
        out.neighbourhoods.push(neighbourhood::Model {
            id: hood,
            code: format!("BU9{n:07}"),
            name: format!("Buurt {}", n + 1),
            area_id,
            valid_from: date(2014, 1, 1)?,
            valid_to: None,
            pilot_2016: false,
            contact: None,
        });
        written.neighbourhoods += 1;
        for &year in &years {
            let lines = budget_lines(&mut rng, &mut ids, &mut out, &products, area_id, hood, year);
            written.budget_lines += lines.len() as u64;
            let plan = plan_of(&mut ids, area_id, hood, year, n)?;
            written.plans += 1;
            for rank in 1..=5 {
                let priority = ids.next(Table::Priority);
                out.priorities
                    .push(priority_of(&mut rng, priority, plan.id, rank, &plan));
                written.priorities += 1;
                for a in 0..shape.actions_per_priority {
                    let action = action_of(&mut rng, &mut ids, priority, &clusters, year, a)?;
                    for c in 0..shape.commitments_per_action {
                        let cluster = clusters[(action.id as usize + c as usize) % clusters.len()];
                        let line = lines
                            .iter()
                            .find(|(id, _)| *id == cluster)
                            .map(|(_, line)| *line);
                        out.commitments.push(commitment_of(
                            &mut rng, &mut ids, action.id, cluster, line, year,
                        )?);
                        written.commitments += 1;
                    }
                    out.actions.push(action);
                    written.actions += 1;
                }
            }
            out.plans.push(plan);
        }
        progress.inc(1);
        if out.commitments.len() >= FLUSH_AT {
            out.flush(db).await?;
        }
    }
    out.flush(db).await?;
    progress.set_message("finishing");
    ids.settle(db).await?;
    progress.finish_and_clear();
    Ok(written)
}

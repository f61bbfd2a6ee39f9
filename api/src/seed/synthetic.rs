//! Synthetic volume: a city's or the whole country's worth of neighbourhoods, ten years of
//! action plans with their priorities, actions and commitments, and the budget lines the
//! commitments draw on. For benchmarks and for trying the API at real scale.
//!
//! Deterministic for a seed: every value comes from one seeded generator, dates are fixed
//! by the year, and ids are assigned here (after the demo's), so two runs with the same
//! seed on an empty database write identical rows on SQLite and PostgreSQL. Rows are
//! written with multi-row inserts in transactions of a few thousand rows.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::enums::{
    ActionStatus, BudgetKind, CityAlignment, CommitmentKind, CommitmentStatus, PlanKind,
    PlanStatus, PncDocumentStatus, PncPhase, TrafficLight,
};
use entity::*;
use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    IntoActiveModel, QuerySelect, TransactionTrait,
};

use super::{at, date};

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

/// Rows per insert statement: within SQLite's 32,766 bound parameters for the widest table.
const ROWS_PER_STATEMENT: usize = 1_000;
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

/// One budget line per cluster (a product of it) for the neighbourhood and year, with its
/// budgeted amount (and realised amount for a closed year); returns (cluster, line).
fn budget_lines(
    rng: &mut fastrand::Rng,
    ids: &mut Ids,
    out: &mut Buffers,
    products: &[product::Model],
    area_id: i32,
    hood: i32,
    year: i32,
) -> Vec<(i32, i32)> {
    let mut lines: Vec<(i32, i32)> = Vec::new();
    for product in products {
        if lines
            .iter()
            .any(|(cluster, _)| *cluster == product.cluster_id)
        {
            continue;
        }
        let id = ids.next(Table::BudgetLine);
        out.lines.push(budget_line::Model {
            id,
            cluster_id: product.cluster_id,
            product_id: product.id,
            year,
            area_id: Some(area_id),
            neighbourhood_id: Some(hood),
            kind: BudgetKind::Expenses,
            description: format!("{} {year}", product.name),
            capacity_hours_centi: i64::from(rng.u32(400..4_000)) * 100,
            version: 1,
        });
        let budgeted = i64::from(rng.u32(200_000..600_000)) * 100;
        out.amounts.push(budget_line_amount::Model {
            id: ids.next(Table::Amount),
            budget_line_id: id,
            phase: PncPhase::Budget,
            amount_cents: budgeted,
        });
        if year < CURRENT_YEAR {
            out.amounts.push(budget_line_amount::Model {
                id: ids.next(Table::Amount),
                budget_line_id: id,
                phase: PncPhase::AnnualAccounts,
                amount_cents: budgeted / 100 * i64::from(rng.u32(80..100)),
            });
        }
        lines.push((product.cluster_id, id));
    }
    lines
}

fn plan_of(
    ids: &mut Ids,
    area_id: i32,
    hood: i32,
    year: i32,
    n: u32,
) -> Result<plan::Model, DbErr> {
    let (status, adopted_at) = if year < CURRENT_YEAR {
        (PlanStatus::Closed, Some(at(year, 3, 1, 10)?))
    } else if n.is_multiple_of(10) {
        (PlanStatus::Draft, None)
    } else {
        (PlanStatus::Adopted, Some(at(year, 3, 1, 10)?))
    };
    Ok(plan::Model {
        id: ids.next(Table::Plan),
        kind: PlanKind::NeighbourhoodActionPlan,
        title: format!("Wijkactieplan Buurt {} {year}", n + 1),
        area_id,
        neighbourhood_id: Some(hood),
        cluster_id: None,
        year_from: year,
        year_to: year,
        status,
        parent_plan_id: None,
        superseded_by_id: None,
        adopted_at,
        version: 1,
        created_at: at(year - 1, 10, 1, 9)?,
        updated_at: adopted_at.unwrap_or(at(year - 1, 10, 1, 9)?),
    })
}

const THEMES: [&str; 8] = [
    "Veiligheid",
    "Schoon en heel",
    "Jeugd",
    "Armoede en schulden",
    "Luchtkwaliteit",
    "Eenzaamheid",
    "Werk en inkomen",
    "Buitenruimte",
];

fn priority_of(
    rng: &mut fastrand::Rng,
    id: i32,
    plan_id: i32,
    rank: i32,
    plan: &plan::Model,
) -> priority::Model {
    let theme = THEMES[rng.usize(..THEMES.len())];
    let alignment = [
        CityAlignment::Aligned,
        CityAlignment::Aligned,
        CityAlignment::Unassessed,
        CityAlignment::NeedsCityTradeOff,
        CityAlignment::ShortVsLongTerm,
        CityAlignment::Conflict,
    ][rng.usize(..6)];
    priority::Model {
        id,
        plan_id,
        rank: Some(rank),
        title: format!("{theme} ({rank})"),
        description: format!("{theme} in de buurt, {}", plan.year_from),
        theme: Some(theme.to_owned()),
        city_programme_id: None,
        city_alignment: alignment,
        dropped_at: None,
        drop_reason: None,
        version: 1,
        created_at: plan.created_at,
        updated_at: plan.created_at,
    }
}

fn action_of(
    rng: &mut fastrand::Rng,
    ids: &mut Ids,
    priority_id: i32,
    clusters: &[i32],
    year: i32,
    index: u32,
) -> Result<action::Model, DbErr> {
    let (status, progress, light) = if year < CURRENT_YEAR {
        match rng.u8(..10) {
            0..=5 => (ActionStatus::Realised, 100, TrafficLight::Green),
            6..=7 => (
                ActionStatus::PartlyRealised,
                rng.i32(40..90),
                TrafficLight::Amber,
            ),
            _ => (ActionStatus::NotRealised, rng.i32(0..40), TrafficLight::Red),
        }
    } else {
        match rng.u8(..10) {
            0..=2 => (ActionStatus::NotStarted, 0, TrafficLight::Grey),
            _ => (
                ActionStatus::InProgress,
                rng.i32(5..95),
                TrafficLight::Green,
            ),
        }
    };
    Ok(action::Model {
        id: ids.next(Table::Action),
        priority_id,
        description: format!("Maatregel {} voor prioriteit {priority_id}", index + 1),
        lead_cluster_id: Some(clusters[rng.usize(..clusters.len())]),
        responsible_person: Some(format!("Medewerker {}", rng.u32(1..500))),
        measurable_target: Some(format!("{} deelnemers", rng.u32(10..400))),
        deadline: NaiveDate::from_ymd_opt(year, rng.u32(3..13), 1),
        status,
        progress_percent: progress,
        traffic_light: light,
        proposed_by_cluster_id: None,
        lead_position: None,
        dropped_at: None,
        drop_reason: None,
        version: 1,
        created_at: at(year - 1, 11, 1, 9)?,
        updated_at: at(year, 6, 1, 9)?,
    })
}

fn commitment_of(
    rng: &mut fastrand::Rng,
    ids: &mut Ids,
    action_id: i32,
    cluster_id: i32,
    line: Option<i32>,
    year: i32,
) -> Result<commitment::Model, DbErr> {
    let requested_at: DateTime<Utc> =
        at(year, 1, 10, 9)? + Duration::days(i64::from(rng.u32(0..300)));
    let roll = rng.u8(..100);
    let status = if year < CURRENT_YEAR {
        match roll {
            0..=64 => CommitmentStatus::Delivered,
            65..=79 => CommitmentStatus::Accepted,
            80..=84 => CommitmentStatus::AcceptedWithReservation,
            85..=92 => CommitmentStatus::Rejected,
            _ => CommitmentStatus::Withdrawn,
        }
    } else {
        match roll {
            0..=24 => CommitmentStatus::Requested,
            25..=64 => CommitmentStatus::Accepted,
            65..=69 => CommitmentStatus::AcceptedWithReservation,
            70..=79 => CommitmentStatus::Rejected,
            80..=94 => CommitmentStatus::Delivered,
            _ => CommitmentStatus::Withdrawn,
        }
    };
    let answered = status != CommitmentStatus::Requested;
    let drawing = matches!(
        status,
        CommitmentStatus::Accepted
            | CommitmentStatus::AcceptedWithReservation
            | CommitmentStatus::Delivered
    );
    Ok(commitment::Model {
        id: ids.next(Table::Commitment),
        action_id,
        cluster_id,
        status,
        kind: if rng.bool() {
            CommitmentKind::Continuation
        } else {
            CommitmentKind::New
        },
        hours_centi: drawing.then(|| i64::from(rng.u32(4..200)) * 100),
        amount_cents: drawing.then(|| i64::from(rng.u32(500..15_000)) * 100),
        budget_line_id: if drawing { line } else { None },
        reason: (status == CommitmentStatus::AcceptedWithReservation)
            .then(|| "Niet tijdig geconsulteerd".to_owned()),
        response_deadline: requested_at + Duration::hours(24),
        requested_by: "wijkmanager".to_owned(),
        requested_at,
        answered_by: answered.then(|| "clustermanager".to_owned()),
        answered_at: answered.then(|| requested_at + Duration::hours(i64::from(rng.u32(1..72)))),
        version: 1,
        updated_at: requested_at,
        question: None,
        hours_asked_centi: None,
        amount_asked_cents: None,
    })
}

/// Tables given ids here.
#[derive(Clone, Copy)]
enum Table {
    Area,
    Neighbourhood,
    Document,
    Plan,
    Priority,
    Action,
    Commitment,
    BudgetLine,
    Amount,
}

const TABLES: [(Table, &str); 9] = [
    (Table::Area, "area"),
    (Table::Neighbourhood, "neighbourhood"),
    (Table::Document, "pnc_document"),
    (Table::Plan, "plan"),
    (Table::Priority, "priority"),
    (Table::Action, "action"),
    (Table::Commitment, "commitment"),
    (Table::BudgetLine, "budget_line"),
    (Table::Amount, "budget_line_amount"),
];

/// The next id of each table, after the rows already there.
struct Ids {
    next: [i32; 9],
    document_years: Vec<i32>,
}

impl Ids {
    async fn after_existing(db: &DatabaseConnection) -> Result<Self, DbErr> {
        let mut next = [1; 9];
        for (table, name) in TABLES {
            let row = db
                .query_one_raw(sea_orm::Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT COALESCE(MAX(id), 0) AS top FROM {name}"),
                ))
                .await?;
            let top: i64 = match row {
                Some(row) => row
                    .try_get::<i64>("", "top")
                    .or_else(|_| row.try_get::<i32>("", "top").map(i64::from))?,
                None => 0,
            };
            next[table as usize] = i32::try_from(top + 1)
                .map_err(|_| DbErr::Custom(format!("{name} has no ids left")))?;
        }
        let document_years = pnc_document::Entity::find()
            .select_only()
            .column(pnc_document::Column::Year)
            .into_tuple::<i32>()
            .all(db)
            .await?;
        Ok(Self {
            next,
            document_years,
        })
    }

    fn next(&mut self, table: Table) -> i32 {
        let id = self.next[table as usize];
        self.next[table as usize] += 1;
        id
    }

    /// PostgreSQL's id sequences continue after the ids given here; both engines get
    /// fresh planner statistics, and PostgreSQL's visibility map is set (as autovacuum
    /// would in time), so index-only scans need no heap visits.
    async fn settle(&self, db: &DatabaseConnection) -> Result<(), DbErr> {
        if db.get_database_backend() == DbBackend::Postgres {
            for (_, name) in TABLES {
                db.execute_unprepared(&format!(
                    "SELECT setval(pg_get_serial_sequence('{name}', 'id'), \
                     (SELECT MAX(id) FROM {name}))"
                ))
                .await?;
            }
        }
        let settle = match db.get_database_backend() {
            DbBackend::Postgres => "VACUUM (ANALYZE)",
            _ => "ANALYZE",
        };
        db.execute_unprepared(settle).await?;
        Ok(())
    }
}

/// Rows waiting to be written, per table.
#[derive(Default)]
struct Buffers {
    areas: Vec<area::Model>,
    neighbourhoods: Vec<neighbourhood::Model>,
    documents: Vec<pnc_document::Model>,
    plans: Vec<plan::Model>,
    priorities: Vec<priority::Model>,
    actions: Vec<action::Model>,
    lines: Vec<budget_line::Model>,
    amounts: Vec<budget_line_amount::Model>,
    commitments: Vec<commitment::Model>,
}

impl Buffers {
    /// Writes everything buffered, parents before children, in one transaction.
    async fn flush(&mut self, db: &DatabaseConnection) -> Result<(), DbErr> {
        let txn = db.begin().await?;
        insert::<area::ActiveModel>(&txn, &mut self.areas).await?;
        insert::<neighbourhood::ActiveModel>(&txn, &mut self.neighbourhoods).await?;
        insert::<pnc_document::ActiveModel>(&txn, &mut self.documents).await?;
        insert::<plan::ActiveModel>(&txn, &mut self.plans).await?;
        insert::<priority::ActiveModel>(&txn, &mut self.priorities).await?;
        insert::<action::ActiveModel>(&txn, &mut self.actions).await?;
        insert::<budget_line::ActiveModel>(&txn, &mut self.lines).await?;
        insert::<budget_line_amount::ActiveModel>(&txn, &mut self.amounts).await?;
        insert::<commitment::ActiveModel>(&txn, &mut self.commitments).await?;
        txn.commit().await
    }
}

/// Inserts `rows` (with their ids) in multi-row statements and empties the buffer.
async fn insert<A>(
    txn: &impl ConnectionTrait,
    rows: &mut Vec<<A::Entity as EntityTrait>::Model>,
) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Clone,
{
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let models = chunk
            .iter()
            .cloned()
            .map(IntoActiveModel::into_active_model);
        <A::Entity as EntityTrait>::insert_many(models)
            .exec_without_returning(txn)
            .await?;
    }
    rows.clear();
    Ok(())
}

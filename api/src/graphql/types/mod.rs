//! The object types, a file per type (or per pair, where one only exists with the other).
//! Each wraps its entity's row; relation fields resolve through the request's scoped
//! loader.

mod actions;
mod adopted;
mod advice;
mod area;
mod audit;
mod budget;
mod city_programme;
mod cluster;
mod commitment;
mod consultation;
mod escalation;
mod input_landing;
mod neighbourhood;
mod node_type;
mod plan;
mod pnc_document;
mod priority;
mod product;
mod progress;
mod representative_body;
mod residents;
mod revisions;
mod team;

pub use actions::Action;
pub use advice::CommitteeAdvice;
pub use area::Area;
pub use audit::AuditEvent;
pub use budget::{BudgetLine, PhaseAmount};
pub use city_programme::CityProgramme;
pub use cluster::Cluster;
pub use commitment::Commitment;
pub use consultation::{ActionPosition, AdoptionWaiver};
pub use escalation::{Escalation, EscalationEvent};
pub use input_landing::InputLanding;
pub use neighbourhood::Neighbourhood;
pub use plan::Plan;
pub use pnc_document::{BudgetAmendment, PncDocument};
pub use priority::Priority;
pub use product::Product;
pub use progress::ProgressUpdate;
pub use representative_body::RepresentativeBody;
pub use residents::ResidentInput;
pub use revisions::PlanRevision;
pub use team::{Person, TeamMembership};

pub(crate) use node_type::node_type;

use async_graphql::{ID, Interface};

/// An object with a global id, fetchable with `node(id:)`.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "The object's opaque global id."))]
#[allow(missing_docs)]
pub enum Node {
    Area(Area),
    Neighbourhood(Neighbourhood),
    RepresentativeBody(RepresentativeBody),
    Cluster(Cluster),
    CityProgramme(CityProgramme),
    Product(Product),
    Plan(Plan),
    PlanRevision(PlanRevision),
    CommitteeAdvice(CommitteeAdvice),
    Priority(Priority),
    Action(Action),
    ActionPosition(ActionPosition),
    AdoptionWaiver(AdoptionWaiver),
    ProgressUpdate(ProgressUpdate),
    Person(Person),
    TeamMembership(TeamMembership),
    Commitment(Commitment),
    Escalation(Escalation),
    EscalationEvent(EscalationEvent),
    BudgetLine(BudgetLine),
    PncDocument(PncDocument),
    BudgetAmendment(BudgetAmendment),
    ResidentInput(ResidentInput),
    AuditEvent(AuditEvent),
}

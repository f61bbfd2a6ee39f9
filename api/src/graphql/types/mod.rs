//! The object types, a file per type (or per pair, where one only exists with the other).
//! Each wraps its entity's row; relation fields resolve through the request's scoped
//! loader.

mod action;
mod action_position;
mod adopted;
mod adoption_waiver;
mod area;
mod audit_event;
mod budget_amendment;
mod budget_line;
mod city_programme;
mod cluster;
mod commitment;
mod committee_advice;
mod escalation;
mod escalation_event;
mod input_landing;
mod neighbourhood;
mod node_type;
mod plan;
mod plan_revision;
mod pnc_document;
mod priority;
mod product;
mod progress_update;
mod representative_body;
mod resident_input;
mod team;

pub use action::Action;
pub use action_position::ActionPosition;
pub use adoption_waiver::AdoptionWaiver;
pub use area::Area;
pub use audit_event::AuditEvent;
pub use budget_amendment::BudgetAmendment;
pub use budget_line::{BudgetLine, PhaseAmount};
pub use city_programme::CityProgramme;
pub use cluster::Cluster;
pub use commitment::Commitment;
pub use committee_advice::CommitteeAdvice;
pub use escalation::Escalation;
pub use escalation_event::EscalationEvent;
pub use input_landing::InputLanding;
pub use neighbourhood::Neighbourhood;
pub use plan::Plan;
pub use plan_revision::PlanRevision;
pub use pnc_document::PncDocument;
pub use priority::Priority;
pub use product::Product;
pub use progress_update::ProgressUpdate;
pub use representative_body::RepresentativeBody;
pub use resident_input::ResidentInput;
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

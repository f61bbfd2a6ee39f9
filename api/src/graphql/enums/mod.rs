//! The API's enums: the domain's vocabulary, with the Dutch terms city staff know.
//! Each mirrors the stored enum of the same name in `entity::enums`.

mod commitments;
mod consultation;
mod people;
mod plans;
mod pnc;

pub use commitments::{
    CommitmentKind, CommitmentStatus, EscalationLevel, EscalationStatus, EscalationSubject,
};
pub use consultation::{AdviceResponse, CityAlignment, ClusterPosition, TrafficLight};
pub use people::{
    MembershipKind, RepresentativeBodyKind, ResidentInputOutcome, ResidentInputSource, TeamRole,
};
pub use plans::{ActionStatus, PlanKind, PlanStatus};
pub use pnc::{AmendmentType, BudgetKind, PncDocumentStatus, PncPhase};

//! The object types, one file per family. Each wraps its entity's row; relation fields
//! resolve through the request's scoped loader.

mod audit;
mod budget;
mod commitments;
mod organisation;
mod plans;
mod residents;
mod team;

pub use audit::AuditEvent;
pub use budget::{BudgetAmendment, BudgetLine, PhaseAmount, PncDocument};
pub use commitments::{Commitment, Escalation, EscalationEvent};
pub use organisation::{Area, CityProgramme, Cluster, Neighbourhood, Product, RepresentativeBody};
pub use plans::{Action, Plan, Priority, ProgressUpdate};
pub use residents::ResidentInput;
pub use team::{Person, TeamMembership};

use async_graphql::{ID, Interface};

/// Declares a GraphQL object type wrapping one entity row, with its Relay type name.
macro_rules! node_type {
    ($(#[$doc:meta])* $name:ident wraps $module:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(pub entity::$module::Model);

        impl $name {
            /// The GraphQL type name, the prefix of its global ids.
            pub const TYPE_NAME: &'static str = stringify!($name);

            /// The Relay global id of this object.
            pub fn global_id(&self) -> async_graphql::ID {
                crate::graphql::relay::encode_id(Self::TYPE_NAME, self.0.id)
            }
        }

        impl From<entity::$module::Model> for $name {
            fn from(row: entity::$module::Model) -> Self {
                Self(row)
            }
        }
    };
}
pub(crate) use node_type;

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
    Priority(Priority),
    Action(Action),
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

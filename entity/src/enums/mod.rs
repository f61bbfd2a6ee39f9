//! Enumerations stored as short strings, so SQLite and PostgreSQL hold identical values.
//! The GraphQL layer mirrors them (with the Dutch terms in its descriptions).
//!
//! Each value is stored as its variant's name in SCREAMING_SNAKE_CASE (`NeedsCityTradeOff`
//! is `NEEDS_CITY_TRADE_OFF`), in the database and in serialized events alike. Renaming a
//! variant therefore changes what is stored: `tests.rs` pins every stored value.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Declares enums stored as strings: the derives, the column type and the naming rule that
/// every stored enum shares.
macro_rules! stored_enums {
    ($($(#[doc = $doc:literal])* $name:ident { $($variant:ident),+ $(,)? })+) => {$(
        $(#[doc = $doc])*
        #[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
        )]
        #[sea_orm(
            rs_type = "String",
            db_type = "String(StringLen::N(32))",
            rename_all = "SCREAMING_SNAKE_CASE"
        )]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name {
            $($variant),+
        }
    )+};
}

stored_enums! {
    /// Kind of plan (gebiedsplan, uitvoeringsplan, wijkactieplan).
    PlanKind { AreaPlan, ImplementationPlan, NeighbourhoodActionPlan, IssueList }

    /// Lifecycle of a plan.
    PlanStatus { Draft, InConsultation, Adopted, Closed, Superseded }

    /// Status of an action, the year-end columns of the annual report.
    ActionStatus { NotStarted, InProgress, Realised, PartlyRealised, NotRealised, CarriedOver }

    /// Traffic light (stoplicht) of an action's progress.
    TrafficLight { Green, Amber, Red, Grey }

    /// Tension between a neighbourhood priority and city policy.
    CityAlignment { Unassessed, Aligned, NeedsCityTradeOff, ShortVsLongTerm, Conflict }

    /// State of a commitment (toezegging).
    CommitmentStatus { Requested, Accepted, AcceptedWithReservation, Rejected, Delivered, Withdrawn }

    /// The area director's response to the area committee's advice.
    AdviceResponse { Followed, PartlyFollowed, NotFollowed }

    /// A cluster's position on an action it is asked to lead, during consultation.
    ClusterPosition { Support, SupportWithReservation, Object }

    /// Whether a commitment continues existing effort or is new effort.
    CommitmentKind { Continuation, New }

    /// Rung of the escalation ladder.
    EscalationLevel { Team, Cluster, Area, City }

    /// State of an escalation.
    EscalationStatus { Open, Resolved, Withdrawn }

    /// What an escalation is about.
    EscalationSubject { OverdueRequest, RejectedCommitment, DisputedItem }

    /// Phase of the planning & control cycle.
    PncPhase { Budget, SpringRevision, AutumnRevision, TenMonthReport, AnnualAccounts }

    /// State of a P&C document.
    PncDocumentStatus { InPreparation, Submitted, Adopted }

    /// Expenses (lasten) or income (baten).
    BudgetKind { Expenses, Income }

    /// Type of budget amendment (bijstelling).
    AmendmentType { Savings, Intensification, CashShift, UnavoidableEstimate, AvoidableEstimate, Reserves, TaskMutation, Technical }

    /// Where residents' input came from.
    ResidentInputSource { Panel, Survey, NeighbourhoodTable, DigitalPoll, Meeting, Other }

    /// What became of residents' input.
    ResidentInputOutcome { Pending, Incorporated, NotIncorporated }

    /// Kind of elected or drawn residents' body.
    RepresentativeBodyKind { AreaCommittee, NeighbourhoodCouncil, NeighbourhoodCommittee }

    /// Role of a person in a neighbourhood action team.
    TeamRole { NeighbourhoodManager, ClusterRepresentative, AccountHolder, Other }

    /// Core or occasional team member.
    MembershipKind { Core, Occasional }
}

#[cfg(test)]
mod tests;

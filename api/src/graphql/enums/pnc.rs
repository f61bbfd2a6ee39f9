//! The planning and control (P&C) cycle: phases, documents, budget lines and amendments.

use async_graphql::Enum;

/// Phase of the planning & control cycle.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PncPhase")]
pub enum PncPhase {
    /// Budget (begroting): the original amounts.
    Budget,
    /// Spring memorandum (voorjaarsnota, eerste herziening).
    SpringRevision,
    /// Autumn revision (tweede herziening).
    AutumnRevision,
    /// Ten-month report (10-maandsrapportage).
    TenMonthReport,
    /// Annual accounts (jaarstukken): realised amounts.
    AnnualAccounts,
}

/// State of a P&C document.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::PncDocumentStatus")]
pub enum PncDocumentStatus {
    /// In preparation (in voorbereiding).
    InPreparation,
    /// Submitted to the council (aangeboden).
    Submitted,
    /// Adopted (vastgesteld); its figures are final.
    Adopted,
}

/// Expenses or income.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::BudgetKind")]
pub enum BudgetKind {
    /// Expenses (lasten).
    Expenses,
    /// Income (baten).
    Income,
}

/// Type of budget amendment (bijstelling).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AmendmentType")]
pub enum AmendmentType {
    /// Savings or cuts (bezuinigingen/taakstellingen).
    Savings,
    /// Intensification (intensiveringen).
    Intensification,
    /// Cash shift between years (kasschuiven).
    CashShift,
    /// Unavoidable estimate adjustment (ramingsbijstelling onvermijdelijk).
    UnavoidableEstimate,
    /// Avoidable estimate adjustment (ramingsbijstelling vermijdbaar).
    AvoidableEstimate,
    /// Reserves (reserves).
    Reserves,
    /// Task mutation (taakmutaties).
    TaskMutation,
    /// Technical change (technische wijzigingen).
    Technical,
}

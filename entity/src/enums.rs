//! Enumerations stored as short strings, so SQLite and PostgreSQL hold identical values.
//! The GraphQL layer mirrors them (with the Dutch terms in its descriptions).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Kind of plan (gebiedsplan, uitvoeringsplan, wijkactieplan).
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PlanKind {
    #[sea_orm(string_value = "AREA_PLAN")]
    AreaPlan,
    #[sea_orm(string_value = "IMPLEMENTATION_PLAN")]
    ImplementationPlan,
    #[sea_orm(string_value = "NEIGHBOURHOOD_ACTION_PLAN")]
    NeighbourhoodActionPlan,
    #[sea_orm(string_value = "ISSUE_LIST")]
    IssueList,
}

/// Lifecycle of a plan.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PlanStatus {
    #[sea_orm(string_value = "DRAFT")]
    Draft,
    #[sea_orm(string_value = "IN_CONSULTATION")]
    InConsultation,
    #[sea_orm(string_value = "ADOPTED")]
    Adopted,
    #[sea_orm(string_value = "CLOSED")]
    Closed,
    #[sea_orm(string_value = "SUPERSEDED")]
    Superseded,
}

/// Status of an action, the year-end columns of the annual report.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ActionStatus {
    #[sea_orm(string_value = "NOT_STARTED")]
    NotStarted,
    #[sea_orm(string_value = "IN_PROGRESS")]
    InProgress,
    #[sea_orm(string_value = "REALISED")]
    Realised,
    #[sea_orm(string_value = "PARTLY_REALISED")]
    PartlyRealised,
    #[sea_orm(string_value = "NOT_REALISED")]
    NotRealised,
    #[sea_orm(string_value = "CARRIED_OVER")]
    CarriedOver,
}

/// Traffic light (stoplicht) of an action's progress.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TrafficLight {
    #[sea_orm(string_value = "GREEN")]
    Green,
    #[sea_orm(string_value = "AMBER")]
    Amber,
    #[sea_orm(string_value = "RED")]
    Red,
    #[sea_orm(string_value = "GREY")]
    Grey,
}

/// Tension between a neighbourhood priority and city policy.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CityAlignment {
    #[sea_orm(string_value = "UNASSESSED")]
    Unassessed,
    #[sea_orm(string_value = "ALIGNED")]
    Aligned,
    #[sea_orm(string_value = "NEEDS_CITY_TRADE_OFF")]
    NeedsCityTradeOff,
    #[sea_orm(string_value = "SHORT_VS_LONG_TERM")]
    ShortVsLongTerm,
    #[sea_orm(string_value = "CONFLICT")]
    Conflict,
}

/// State of a commitment (toezegging).
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CommitmentStatus {
    #[sea_orm(string_value = "REQUESTED")]
    Requested,
    #[sea_orm(string_value = "ACCEPTED")]
    Accepted,
    #[sea_orm(string_value = "ACCEPTED_WITH_RESERVATION")]
    AcceptedWithReservation,
    #[sea_orm(string_value = "REJECTED")]
    Rejected,
    #[sea_orm(string_value = "DELIVERED")]
    Delivered,
    #[sea_orm(string_value = "WITHDRAWN")]
    Withdrawn,
}

/// The area director's response to the area committee's advice.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AdviceResponse {
    #[sea_orm(string_value = "FOLLOWED")]
    Followed,
    #[sea_orm(string_value = "PARTLY_FOLLOWED")]
    PartlyFollowed,
    #[sea_orm(string_value = "NOT_FOLLOWED")]
    NotFollowed,
}

/// A cluster's position on an action it is asked to lead, during consultation.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ClusterPosition {
    #[sea_orm(string_value = "SUPPORT")]
    Support,
    #[sea_orm(string_value = "SUPPORT_WITH_RESERVATION")]
    SupportWithReservation,
    #[sea_orm(string_value = "OBJECT")]
    Object,
}

/// Whether a commitment continues existing effort or is new effort.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CommitmentKind {
    #[sea_orm(string_value = "CONTINUATION")]
    Continuation,
    #[sea_orm(string_value = "NEW")]
    New,
}

/// Rung of the escalation ladder.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EscalationLevel {
    #[sea_orm(string_value = "TEAM")]
    Team,
    #[sea_orm(string_value = "CLUSTER")]
    Cluster,
    #[sea_orm(string_value = "AREA")]
    Area,
    #[sea_orm(string_value = "CITY")]
    City,
}

/// State of an escalation.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EscalationStatus {
    #[sea_orm(string_value = "OPEN")]
    Open,
    #[sea_orm(string_value = "RESOLVED")]
    Resolved,
    #[sea_orm(string_value = "WITHDRAWN")]
    Withdrawn,
}

/// What an escalation is about.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EscalationSubject {
    #[sea_orm(string_value = "OVERDUE_REQUEST")]
    OverdueRequest,
    #[sea_orm(string_value = "REJECTED_COMMITMENT")]
    RejectedCommitment,
    #[sea_orm(string_value = "DISPUTED_ITEM")]
    DisputedItem,
}

/// Phase of the planning & control cycle.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PncPhase {
    #[sea_orm(string_value = "BUDGET")]
    Budget,
    #[sea_orm(string_value = "SPRING_REVISION")]
    SpringRevision,
    #[sea_orm(string_value = "AUTUMN_REVISION")]
    AutumnRevision,
    #[sea_orm(string_value = "TEN_MONTH_REPORT")]
    TenMonthReport,
    #[sea_orm(string_value = "ANNUAL_ACCOUNTS")]
    AnnualAccounts,
}

/// State of a P&C document.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PncDocumentStatus {
    #[sea_orm(string_value = "IN_PREPARATION")]
    InPreparation,
    #[sea_orm(string_value = "SUBMITTED")]
    Submitted,
    #[sea_orm(string_value = "ADOPTED")]
    Adopted,
}

/// Expenses (lasten) or income (baten).
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BudgetKind {
    #[sea_orm(string_value = "EXPENSES")]
    Expenses,
    #[sea_orm(string_value = "INCOME")]
    Income,
}

/// Type of budget amendment (bijstelling).
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AmendmentType {
    #[sea_orm(string_value = "SAVINGS")]
    Savings,
    #[sea_orm(string_value = "INTENSIFICATION")]
    Intensification,
    #[sea_orm(string_value = "CASH_SHIFT")]
    CashShift,
    #[sea_orm(string_value = "UNAVOIDABLE_ESTIMATE")]
    UnavoidableEstimate,
    #[sea_orm(string_value = "AVOIDABLE_ESTIMATE")]
    AvoidableEstimate,
    #[sea_orm(string_value = "RESERVES")]
    Reserves,
    #[sea_orm(string_value = "TASK_MUTATION")]
    TaskMutation,
    #[sea_orm(string_value = "TECHNICAL")]
    Technical,
}

/// Where residents' input came from.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ResidentInputSource {
    #[sea_orm(string_value = "PANEL")]
    Panel,
    #[sea_orm(string_value = "SURVEY")]
    Survey,
    #[sea_orm(string_value = "NEIGHBOURHOOD_TABLE")]
    NeighbourhoodTable,
    #[sea_orm(string_value = "DIGITAL_POLL")]
    DigitalPoll,
    #[sea_orm(string_value = "MEETING")]
    Meeting,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

/// What became of residents' input.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ResidentInputOutcome {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "INCORPORATED")]
    Incorporated,
    #[sea_orm(string_value = "NOT_INCORPORATED")]
    NotIncorporated,
}

/// Kind of elected or drawn residents' body.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RepresentativeBodyKind {
    #[sea_orm(string_value = "AREA_COMMITTEE")]
    AreaCommittee,
    #[sea_orm(string_value = "NEIGHBOURHOOD_COUNCIL")]
    NeighbourhoodCouncil,
    #[sea_orm(string_value = "NEIGHBOURHOOD_COMMITTEE")]
    NeighbourhoodCommittee,
}

/// Role of a person in a neighbourhood action team.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TeamRole {
    #[sea_orm(string_value = "NEIGHBOURHOOD_MANAGER")]
    NeighbourhoodManager,
    #[sea_orm(string_value = "CLUSTER_REPRESENTATIVE")]
    ClusterRepresentative,
    #[sea_orm(string_value = "ACCOUNT_HOLDER")]
    AccountHolder,
    #[sea_orm(string_value = "OTHER")]
    Other,
}

/// Core or occasional team member.
#[allow(missing_docs)] // variant names are the domain's vocabulary; the API documents each value
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(32))")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MembershipKind {
    #[sea_orm(string_value = "CORE")]
    Core,
    #[sea_orm(string_value = "OCCASIONAL")]
    Occasional,
}

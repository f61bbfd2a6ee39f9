//! The matrix's vocabulary: the kinds of object guarded, the operations on them, and the
//! scopes a role can have.

/// The kinds of object the service guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum EntityKind {
    Area,
    Neighbourhood,
    RepresentativeBody,
    Cluster,
    CityProgramme,
    Product,
    Plan,
    PlanRevision,
    CommitteeAdvice,
    Priority,
    Action,
    ActionPosition,
    AdoptionWaiver,
    ProgressUpdate,
    Person,
    TeamMembership,
    Commitment,
    Escalation,
    EscalationEvent,
    BudgetLine,
    PncDocument,
    BudgetAmendment,
    ResidentInput,
    AuditEvent,
}

impl EntityKind {
    /// The GraphQL type of this kind: the variants are named after them.
    pub fn type_name(self) -> String {
        format!("{self:?}")
    }

    /// Every kind, in the matrix's order.
    pub const ALL: [EntityKind; 24] = [
        EntityKind::Area,
        EntityKind::Neighbourhood,
        EntityKind::RepresentativeBody,
        EntityKind::Cluster,
        EntityKind::CityProgramme,
        EntityKind::Product,
        EntityKind::Plan,
        EntityKind::PlanRevision,
        EntityKind::CommitteeAdvice,
        EntityKind::Priority,
        EntityKind::Action,
        EntityKind::ActionPosition,
        EntityKind::AdoptionWaiver,
        EntityKind::ProgressUpdate,
        EntityKind::Person,
        EntityKind::TeamMembership,
        EntityKind::Commitment,
        EntityKind::Escalation,
        EntityKind::EscalationEvent,
        EntityKind::BudgetLine,
        EntityKind::PncDocument,
        EntityKind::BudgetAmendment,
        EntityKind::ResidentInput,
        EntityKind::AuditEvent,
    ];
}

/// What the caller wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// See the row.
    Read,
    /// See the money and hours on a visible row (a commitment's amount, hours and budget
    /// line; a budget line's amounts).
    ReadMoney,
    /// Draft and edit a plan with its priorities and actions, and submit it.
    Edit,
    /// Adopt or close a plan.
    Adopt,
    /// Ask a cluster for a commitment to an action.
    Request,
    /// Answer, deliver or withdraw a commitment: only the requested cluster.
    Answer,
    /// Report progress on an action.
    ReportProgress,
    /// Read the audit trail.
    ReadAudit,
    /// Raise an escalation about a commitment, action or priority.
    Raise,
    /// Add and end team memberships.
    ManageTeam,
    /// Record residents' input and say where it landed.
    RecordInput,
    /// Create budget lines and move money between a product's lines.
    ManageBudget,
    /// Amend budgets and adopt P&C documents.
    Amend,
    /// During consultation, propose a measure for a cluster to lead and give the cluster's
    /// position on the actions it is asked to lead: only that cluster.
    Consult,
    /// Record the area committee's advice on a plan.
    Advise,
}

impl Operation {
    /// Every operation.
    pub const ALL: [Operation; 15] = [
        Operation::Read,
        Operation::ReadMoney,
        Operation::Edit,
        Operation::Adopt,
        Operation::Request,
        Operation::Answer,
        Operation::ReportProgress,
        Operation::ReadAudit,
        Operation::Raise,
        Operation::ManageTeam,
        Operation::RecordInput,
        Operation::ManageBudget,
        Operation::Amend,
        Operation::Consult,
        Operation::Advise,
    ];
}

/// Which rows a role reaches for an entity and operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    /// Every row.
    All,
    /// Rows of the grant's cluster.
    OwnCluster,
    /// Rows in the grant's area.
    OwnAreas,
    /// Rows in the grant's neighbourhood.
    OwnNeighbourhoods,
    /// Rows that are published: adopted (or closed, or superseded) plans and what hangs
    /// under them; public progress reports.
    PublishedOnly,
    /// Totals only, never rows (reporting by later issues).
    AggregateOnly,
    /// Nothing.
    None,
}

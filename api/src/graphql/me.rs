//! `me`: who the caller is, their grants, and what they may do per entity and operation —
//! read from the same permission matrix that enforces it, so a portal can show or hide
//! buttons truthfully.

use async_graphql::{Context, Enum, Object, Result, SimpleObject};

use crate::access::matrix::{self, EntityKind, Operation, ScopeKind};
use crate::access::{Principal, Role};
use crate::graphql::context::scope;

/// A kind of object the permission matrix guards.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::access::EntityKind")]
#[allow(missing_docs)]
pub enum GuardedEntity {
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

/// What a caller may do to an entity.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::access::Operation")]
pub enum GuardedOperation {
    /// See rows.
    Read,
    /// See money and hours on rows.
    ReadMoney,
    /// Draft and edit plans, their priorities and actions.
    Edit,
    /// Adopt or close plans.
    Adopt,
    /// Request commitments for actions.
    Request,
    /// Answer, deliver or withdraw commitments.
    Answer,
    /// Report progress on actions.
    ReportProgress,
    /// Read the audit trail.
    ReadAudit,
    /// Raise escalations.
    Raise,
    /// Manage neighbourhood teams.
    ManageTeam,
    /// Record residents' input.
    RecordInput,
    /// Create budget lines and transfer between them.
    ManageBudget,
    /// Amend budgets and adopt P&C documents.
    Amend,
    /// Propose measures and give a cluster's position during consultation.
    Consult,
    /// Record the area committee's advice on plans.
    Advise,
}

/// How far a permission reaches.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "crate::access::ScopeKind")]
pub enum PermissionScope {
    /// Every row.
    All,
    /// Rows of the grant's cluster.
    OwnCluster,
    /// Rows in the grant's areas.
    OwnAreas,
    /// Rows in the grant's neighbourhoods.
    OwnNeighbourhoods,
    /// Published rows only.
    PublishedOnly,
    /// Totals only, no rows.
    AggregateOnly,
    /// Nothing.
    None,
}

/// A role grant from the caller's token.
#[derive(SimpleObject)]
pub struct RoleGrant {
    /// The role, e.g. `cluster_member`.
    pub role: String,
    /// The area, neighbourhood or cluster code it applies to; empty for city-wide roles.
    pub code: String,
}

/// One reach of one permission: a scope, through a grant's code.
#[derive(SimpleObject)]
pub struct PermissionReach {
    /// How far.
    pub scope: PermissionScope,
    /// Through which grant (`public` for what everyone may).
    pub grant: String,
}

/// What the caller may do to one entity with one operation: the union of its reaches.
#[derive(SimpleObject)]
pub struct Permission {
    /// The entity.
    pub entity: GuardedEntity,
    /// The operation.
    pub operation: GuardedOperation,
    /// True when at least one reach grants rows or totals.
    pub allowed: bool,
    /// Each grant's reach (grants that reach nothing are left out).
    pub reaches: Vec<PermissionReach>,
}

/// The caller.
pub struct Me(Principal);

#[Object]
impl Me {
    /// The token's subject; empty for the public.
    async fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }
    /// The token's display name.
    async fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// True when the caller presented a valid token.
    async fn authenticated(&self) -> bool {
        self.0.subject.is_some()
    }
    /// The recognised role grants (unknown roles in the token are ignored).
    async fn grants(&self) -> Vec<RoleGrant> {
        self.0
            .grants
            .iter()
            .map(|grant| RoleGrant {
                role: grant.role.name().to_owned(),
                code: grant.code.clone(),
            })
            .collect()
    }
    /// The largest `first`/`last` a connection accepts from the caller: larger for
    /// reporting callers (admin, controller).
    async fn max_page_size(&self, ctx: &Context<'_>) -> Result<i32> {
        Ok(i32::try_from(scope(ctx)?.settings.max_page_size).unwrap_or(i32::MAX))
    }
    /// What the caller may do, per entity and operation.
    async fn permissions(&self) -> Vec<Permission> {
        let mut permissions = Vec::new();
        for entity in EntityKind::ALL {
            for operation in Operation::ALL {
                let reaches: Vec<PermissionReach> = self
                    .0
                    .acting_roles()
                    .filter_map(|(role, code)| {
                        let scope = matrix::scope_of(role, entity, operation);
                        (scope != ScopeKind::None).then(|| PermissionReach {
                            scope: scope.into(),
                            grant: grant_name(role, code),
                        })
                    })
                    .collect();
                permissions.push(Permission {
                    entity: entity.into(),
                    operation: operation.into(),
                    allowed: !reaches.is_empty(),
                    reaches,
                });
            }
        }
        permissions
    }
}

fn grant_name(role: Role, code: &str) -> String {
    if code.is_empty() {
        role.name().to_owned()
    } else {
        format!("{}:{code}", role.name())
    }
}

/// The `me` root field.
#[derive(Default)]
pub struct MeQuery;

#[Object]
impl MeQuery {
    /// Who the caller is and what they may do.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        Ok(Me(scope(ctx)?.reader.principal().clone()))
    }
}

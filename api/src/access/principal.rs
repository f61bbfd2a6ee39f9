//! The caller of a request: a subject and the role grants from their token.

use std::fmt;

use crate::value::{CbsCode, ClusterCode};

/// A role, as named in a token's `roles` claim (the README's "Who sees what").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// No token: the public.
    Public,
    /// Programme office: everything.
    Admin,
    /// P&C controller: city-wide.
    Controller,
    /// Area director (gebiedsdirecteur) of an area.
    AreaDirector,
    /// Neighbourhood manager (wijkmanager) of a neighbourhood.
    NeighbourhoodManager,
    /// Member of a cluster.
    ClusterMember,
    /// Manager of a cluster.
    ClusterManager,
    /// Member of an area committee.
    CommitteeMember,
}

/// What a grant's scope code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeUnit {
    /// The role is city-wide and takes no code.
    City,
    /// An area's CBS code, e.g. `WK059910`.
    Area,
    /// A neighbourhood's CBS code, e.g. `BU05991086`.
    Neighbourhood,
    /// A cluster code, e.g. `MO`.
    Cluster,
}

impl Role {
    /// Every role, the public first.
    pub const ALL: [Role; 8] = [
        Role::Public,
        Role::Admin,
        Role::Controller,
        Role::AreaDirector,
        Role::NeighbourhoodManager,
        Role::ClusterMember,
        Role::ClusterManager,
        Role::CommitteeMember,
    ];

    /// The name used in tokens.
    pub fn name(self) -> &'static str {
        match self {
            Role::Public => "public",
            Role::Admin => "admin",
            Role::Controller => "controller",
            Role::AreaDirector => "area_director",
            Role::NeighbourhoodManager => "neighbourhood_manager",
            Role::ClusterMember => "cluster_member",
            Role::ClusterManager => "cluster_manager",
            Role::CommitteeMember => "committee_member",
        }
    }

    /// What the role's scope code names.
    pub fn unit(self) -> ScopeUnit {
        match self {
            Role::Public | Role::Admin | Role::Controller => ScopeUnit::City,
            Role::AreaDirector | Role::CommitteeMember => ScopeUnit::Area,
            Role::NeighbourhoodManager => ScopeUnit::Neighbourhood,
            Role::ClusterMember | Role::ClusterManager => ScopeUnit::Cluster,
        }
    }

    fn from_name(name: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|role| *role != Role::Public && role.name() == name)
    }
}

/// One role grant: a role and, for scoped roles, the code it applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// The area, neighbourhood or cluster code; empty for city-wide roles.
    pub code: String,
}

impl Grant {
    /// Parses `role` or `role:CODE`. `None` for unknown roles, a missing or superfluous code
    /// (`admin:` too), or a code that is not of the shape the role needs — never a wider
    /// grant.
    pub fn parse(text: &str) -> Option<Grant> {
        let (name, code) = match text.split_once(':') {
            Some((name, code)) => (name, Some(code)),
            None => (text, None),
        };
        let role = Role::from_name(name)?;
        let (city_wide, code) = (code.is_none(), code.unwrap_or(""));
        let valid = match role.unit() {
            ScopeUnit::City => city_wide,
            ScopeUnit::Area => CbsCode::area(code).is_ok(),
            ScopeUnit::Neighbourhood => CbsCode::neighbourhood(code).is_ok(),
            ScopeUnit::Cluster => ClusterCode::parse(code).is_ok(),
        };
        valid.then(|| Grant {
            role,
            code: code.to_owned(),
        })
    }
}

impl fmt::Display for Grant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.code.is_empty() {
            f.write_str(self.role.name())
        } else {
            write!(f, "{}:{}", self.role.name(), self.code)
        }
    }
}

/// Who is calling. Token verification turns a bearer token into a principal; no token is
/// the public principal. Permissions are the union of the grants and the public's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Principal {
    /// The token's subject; `None` for the public.
    pub subject: Option<String>,
    /// The token's display name, if any.
    pub name: Option<String>,
    /// The grants, sorted and without duplicates.
    pub grants: Vec<Grant>,
    /// When the token expires (seconds since the epoch); `None` for the public. A live
    /// subscription ends then.
    pub expires_at: Option<i64>,
}

impl Principal {
    /// The caller without a token.
    pub fn public() -> Self {
        Self::default()
    }

    /// A caller with these grants.
    pub fn with_grants(subject: impl Into<String>, mut grants: Vec<Grant>) -> Self {
        grants.sort();
        grants.dedup();
        Self {
            subject: Some(subject.into()),
            name: None,
            grants,
            expires_at: None,
        }
    }

    /// True for the programme office.
    pub fn is_admin(&self) -> bool {
        self.grants.iter().any(|grant| grant.role == Role::Admin)
    }

    /// True for callers who export city-wide data (programme office, P&C controller): they
    /// may read larger pages.
    pub fn reports(&self) -> bool {
        self.grants
            .iter()
            .any(|grant| matches!(grant.role, Role::Admin | Role::Controller))
    }

    /// The roles this principal acts in: the public's, then each grant's.
    pub fn acting_roles(&self) -> impl Iterator<Item = (Role, &str)> {
        std::iter::once((Role::Public, "")).chain(
            self.grants
                .iter()
                .map(|grant| (grant.role, grant.code.as_str())),
        )
    }
}

#[cfg(test)]
mod tests;

//! What a case of the matrix says: who may make the change (the guard), which row the
//! caller must see, where a new row lands, and how to build the mutation's input.

use std::collections::BTreeMap;

use serde_json::Value;
use wijkgraph::access::Role;
use wijkgraph::access::matrix::{EntityKind, Operation};

/// Who may make a change to a target.
pub(super) enum Guard {
    /// The caller reaches the row at this JSON pointer of the target for the operation.
    Row(EntityKind, Operation, &'static str),
    /// The caller reaches every one of these rows.
    All(&'static [(EntityKind, Operation, &'static str)]),
    /// The caller reaches one of these rows.
    Any(&'static [(EntityKind, Operation, &'static str)]),
    /// The caller reaches the row and speaks for cluster MO (its member or manager): a
    /// cluster disputes on its own behalf only.
    RowForMo(EntityKind, Operation, &'static str),
    /// Only the new row is checked (a creation under a parent).
    NewRow,
    /// The grant named in the target's `owner` (the escalation ladder). Holders of the
    /// roles in `movers` may move it too without owning it (the level above pulls it up,
    /// the area director takes it over: the ladder's own tests decide those); everyone
    /// else is refused, but with `raiser` whoever raised it (they may withdraw it).
    Owner {
        movers: &'static [Role],
        raiser: bool,
    },
}

/// Where a new row lands, for the matrix's check of it: its area, neighbourhood and
/// cluster codes.
#[derive(Default)]
pub(super) struct Place {
    pub(super) area: Option<String>,
    pub(super) neighbourhood: Option<String>,
    pub(super) cluster: Option<String>,
}

/// What the test knows besides the target: the clusters' ids and every candidate.
pub(super) struct Ctx {
    pub(super) clusters: BTreeMap<String, Value>,
    pub(super) candidates: Vec<Value>,
}

impl Ctx {
    pub(super) fn cluster(&self, code: &str) -> Value {
        self.clusters[code].clone()
    }
}

/// One mutation: who may make it, how the target must be visible, the candidates (the
/// `targets` connections of a query run as admin), the document and its input.
pub(super) struct Case {
    pub(super) name: &'static str,
    /// What a caller the matrix lets through gets: `OK`, or the domain's own refusal where
    /// the demo's target cannot take the step (the consulted draft still has SMART gaps,
    /// so adopting it answers `INCOMPLETE` after the authorization check).
    pub(super) granted: &'static str,
    pub(super) guard: Guard,
    /// The row the caller must see, else `NOT_FOUND`; `None` where the parent is public.
    pub(super) seen: Option<(EntityKind, &'static str)>,
    /// The new row the change writes, checked by the matrix after it is written.
    pub(super) creates: Option<(EntityKind, Operation)>,
    pub(super) place: fn(&Value) -> Place,
    pub(super) candidates: &'static str,
    /// A step taken first by the named caller, on its first candidate, where the demo holds
    /// no target a granted caller could take this step on.
    pub(super) setup: Option<(&'static str, &'static Case)>,
    pub(super) mutation: &'static str,
    pub(super) input: fn(&Value, &Ctx) -> Value,
}

pub(super) fn nowhere(_: &Value) -> Place {
    Place::default()
}

/// A plan, an input or a line: its own neighbourhood and area.
pub(super) fn located(t: &Value) -> Place {
    Place {
        area: t["area"]["code"]
            .as_str()
            .or(t["neighbourhood"]["area"]["code"].as_str())
            .map(str::to_owned),
        neighbourhood: t["neighbourhood"]["code"].as_str().map(str::to_owned),
        cluster: None,
    }
}

/// A neighbourhood.
pub(super) fn neighbourhood(t: &Value) -> Place {
    Place {
        area: t["area"]["code"].as_str().map(str::to_owned),
        neighbourhood: t["code"].as_str().map(str::to_owned),
        cluster: None,
    }
}

/// A neighbourhood, with a new row for cluster MO.
pub(super) fn neighbourhood_for_mo(t: &Value) -> Place {
    Place {
        cluster: Some("MO".into()),
        ..neighbourhood(t)
    }
}

/// The new row belongs to cluster MO.
pub(super) fn for_mo(_: &Value) -> Place {
    Place {
        cluster: Some("MO".into()),
        ..Place::default()
    }
}

/// The new row belongs to cluster SB.
pub(super) fn for_sb(_: &Value) -> Place {
    Place {
        cluster: Some("SB".into()),
        ..Place::default()
    }
}

//! Unit tests of `access::scope`.

use super::*;
use crate::access::Role;

#[test]
fn every_scope_the_matrix_grants_has_a_condition() {
    for role in Role::ALL {
        for kind in EntityKind::ALL {
            for operation in Operation::ALL {
                let scope = scope_of(role, kind, operation);
                if !matches!(scope, ScopeKind::None | ScopeKind::AggregateOnly) {
                    assert!(
                        condition(kind, scope, "X").is_some(),
                        "{role:?} {kind:?} {operation:?} at {scope:?}"
                    );
                }
            }
        }
    }
}

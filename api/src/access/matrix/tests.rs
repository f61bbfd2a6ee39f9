//! Unit tests of `access::matrix`.

use super::*;

#[test]
fn every_entity_has_exactly_one_row_per_read_operation() {
    assert!(is_complete());
}

#[test]
fn a_read_table_missing_an_entity_or_holding_one_twice_is_not_complete() {
    assert!(has_every_entity_once(&READ));
    assert!(!has_every_entity_once(&READ[1..]), "a missing entity");
    let twice: Vec<_> = READ.iter().chain(&READ[..1]).copied().collect();
    assert!(!has_every_entity_once(&twice), "an entity twice");
}

#[test]
fn nobody_changes_what_they_cannot_read() {
    for role in Role::ALL {
        for entity in EntityKind::ALL {
            for operation in Operation::ALL {
                let scope = scope_of(role, entity, operation);
                if scope != ScopeKind::None {
                    assert_ne!(
                        scope_of(role, entity, Operation::Read),
                        ScopeKind::None,
                        "{role:?} {entity:?} {operation:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn money_is_never_visible_where_the_row_is_not() {
    for role in Role::ALL {
        for entity in EntityKind::ALL {
            let read = scope_of(role, entity, Operation::Read);
            let money = scope_of(role, entity, Operation::ReadMoney);
            assert!(
                money == ScopeKind::None || money == read,
                "{role:?} {entity:?}"
            );
        }
    }
}

#[test]
fn the_public_sees_no_commitments_budgets_or_audit() {
    for entity in [
        E::Commitment,
        E::BudgetLine,
        E::BudgetAmendment,
        E::AuditEvent,
        E::Escalation,
    ] {
        assert_eq!(
            scope_of(Role::Public, entity, Operation::Read),
            ScopeKind::None
        );
    }
}

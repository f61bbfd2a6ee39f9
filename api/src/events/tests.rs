//! Unit tests of `events`.

use super::*;
use serde_json::json;

#[test]
fn a_commitment_is_requested_answered_delivered_or_withdrawn_by_its_status() {
    use CommitmentStatus::*;
    let row = |status: CommitmentStatus| json!({ "id": 1, "status": status });
    assert_eq!(
        from_change("Commitment", None, Some(&row(Requested))),
        Some(EventKind::CommitmentRequested)
    );
    for (from, to, kind) in [
        (Requested, Accepted, EventKind::CommitmentAnswered),
        (
            Requested,
            AcceptedWithReservation,
            EventKind::CommitmentAnswered,
        ),
        (Requested, Rejected, EventKind::CommitmentAnswered),
        (Accepted, Delivered, EventKind::CommitmentDelivered),
        (Requested, Withdrawn, EventKind::CommitmentWithdrawn),
    ] {
        assert_eq!(
            from_change("Commitment", Some(&row(from)), Some(&row(to))),
            Some(kind),
            "{to:?}"
        );
    }
    assert_eq!(
        from_change("Commitment", Some(&row(Accepted)), Some(&row(Accepted))),
        None,
        "no status change, no event"
    );
}

#[test]
fn an_escalation_is_raised_moved_resolved_or_withdrawn() {
    use EscalationStatus::*;
    use entity::enums::EscalationLevel::{Cluster, Team};
    let row = |level: entity::enums::EscalationLevel, status: EscalationStatus| json!({ "level": level, "status": status });
    assert_eq!(
        from_change("Escalation", None, Some(&row(Team, Open))),
        Some(EventKind::EscalationRaised)
    );
    let open = row(Team, Open);
    assert_eq!(
        from_change("Escalation", Some(&open), Some(&row(Cluster, Open))),
        Some(EventKind::EscalationMoved)
    );
    assert_eq!(
        from_change("Escalation", Some(&open), Some(&row(Team, Resolved))),
        Some(EventKind::EscalationResolved)
    );
    assert_eq!(
        from_change("Escalation", Some(&open), Some(&row(Team, Withdrawn))),
        Some(EventKind::EscalationWithdrawn)
    );
}

#[test]
fn a_plans_status_change_is_an_event_and_other_changes_are_not() {
    let plan = |status: &str| json!({ "status": status, "title": "x" });
    assert_eq!(
        from_change("Plan", Some(&plan("Draft")), Some(&plan("Adopted"))),
        Some(EventKind::PlanStatusChanged)
    );
    assert_eq!(from_change("Plan", None, Some(&plan("Draft"))), None);
    assert_eq!(
        from_change("Plan", Some(&plan("Draft")), Some(&plan("Draft"))),
        None
    );
    let action = json!({ "progress_percent": 50 });
    assert_eq!(from_change("Action", Some(&action), Some(&action)), None);
    assert_eq!(from_change("Priority", None, Some(&json!({}))), None);
}

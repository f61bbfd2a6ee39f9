//! The stored values are a contract with every database already written: a renamed
//! variant must fail here before it orphans rows.

use sea_orm::{ActiveEnum, Iterable};

use super::*;

fn stored<E: ActiveEnum<Value = String> + Iterable>() -> Vec<String> {
    E::iter().map(|value| value.to_value()).collect()
}

fn serialized<E: Serialize + Iterable>() -> Vec<String> {
    E::iter()
        .map(|value| match serde_json::to_value(value) {
            Ok(serde_json::Value::String(text)) => text,
            other => panic!("an enum serializes to a string, not {other:?}"),
        })
        .collect()
}

/// An enum's name, its stored and serialized values, and the values they must be.
type Expected = (
    &'static str,
    Vec<String>,
    Vec<String>,
    &'static [&'static str],
);

#[test]
fn every_stored_enum_keeps_its_stored_and_serialized_values() {
    let expected: &[Expected] = &[
        (
            "PlanKind",
            stored::<PlanKind>(),
            serialized::<PlanKind>(),
            &[
                "AREA_PLAN",
                "IMPLEMENTATION_PLAN",
                "NEIGHBOURHOOD_ACTION_PLAN",
                "ISSUE_LIST",
            ],
        ),
        (
            "PlanStatus",
            stored::<PlanStatus>(),
            serialized::<PlanStatus>(),
            &[
                "DRAFT",
                "IN_CONSULTATION",
                "ADOPTED",
                "CLOSED",
                "SUPERSEDED",
            ],
        ),
        (
            "ActionStatus",
            stored::<ActionStatus>(),
            serialized::<ActionStatus>(),
            &[
                "NOT_STARTED",
                "IN_PROGRESS",
                "REALISED",
                "PARTLY_REALISED",
                "NOT_REALISED",
                "CARRIED_OVER",
            ],
        ),
        (
            "TrafficLight",
            stored::<TrafficLight>(),
            serialized::<TrafficLight>(),
            &["GREEN", "AMBER", "RED", "GREY"],
        ),
        (
            "CityAlignment",
            stored::<CityAlignment>(),
            serialized::<CityAlignment>(),
            &[
                "UNASSESSED",
                "ALIGNED",
                "NEEDS_CITY_TRADE_OFF",
                "SHORT_VS_LONG_TERM",
                "CONFLICT",
            ],
        ),
        (
            "CommitmentStatus",
            stored::<CommitmentStatus>(),
            serialized::<CommitmentStatus>(),
            &[
                "REQUESTED",
                "ACCEPTED",
                "ACCEPTED_WITH_RESERVATION",
                "REJECTED",
                "DELIVERED",
                "WITHDRAWN",
            ],
        ),
        (
            "AdviceResponse",
            stored::<AdviceResponse>(),
            serialized::<AdviceResponse>(),
            &["FOLLOWED", "PARTLY_FOLLOWED", "NOT_FOLLOWED"],
        ),
        (
            "ClusterPosition",
            stored::<ClusterPosition>(),
            serialized::<ClusterPosition>(),
            &["SUPPORT", "SUPPORT_WITH_RESERVATION", "OBJECT"],
        ),
        (
            "CommitmentKind",
            stored::<CommitmentKind>(),
            serialized::<CommitmentKind>(),
            &["CONTINUATION", "NEW"],
        ),
        (
            "EscalationLevel",
            stored::<EscalationLevel>(),
            serialized::<EscalationLevel>(),
            &["TEAM", "CLUSTER", "AREA", "CITY"],
        ),
        (
            "EscalationStatus",
            stored::<EscalationStatus>(),
            serialized::<EscalationStatus>(),
            &["OPEN", "RESOLVED", "WITHDRAWN"],
        ),
        (
            "EscalationSubject",
            stored::<EscalationSubject>(),
            serialized::<EscalationSubject>(),
            &["OVERDUE_REQUEST", "REJECTED_COMMITMENT", "DISPUTED_ITEM"],
        ),
        (
            "PncPhase",
            stored::<PncPhase>(),
            serialized::<PncPhase>(),
            &[
                "BUDGET",
                "SPRING_REVISION",
                "AUTUMN_REVISION",
                "TEN_MONTH_REPORT",
                "ANNUAL_ACCOUNTS",
            ],
        ),
        (
            "PncDocumentStatus",
            stored::<PncDocumentStatus>(),
            serialized::<PncDocumentStatus>(),
            &["IN_PREPARATION", "SUBMITTED", "ADOPTED"],
        ),
        (
            "BudgetKind",
            stored::<BudgetKind>(),
            serialized::<BudgetKind>(),
            &["EXPENSES", "INCOME"],
        ),
        (
            "AmendmentType",
            stored::<AmendmentType>(),
            serialized::<AmendmentType>(),
            &[
                "SAVINGS",
                "INTENSIFICATION",
                "CASH_SHIFT",
                "UNAVOIDABLE_ESTIMATE",
                "AVOIDABLE_ESTIMATE",
                "RESERVES",
                "TASK_MUTATION",
                "TECHNICAL",
            ],
        ),
        (
            "ResidentInputSource",
            stored::<ResidentInputSource>(),
            serialized::<ResidentInputSource>(),
            &[
                "PANEL",
                "SURVEY",
                "NEIGHBOURHOOD_TABLE",
                "DIGITAL_POLL",
                "MEETING",
                "OTHER",
            ],
        ),
        (
            "ResidentInputOutcome",
            stored::<ResidentInputOutcome>(),
            serialized::<ResidentInputOutcome>(),
            &["PENDING", "INCORPORATED", "NOT_INCORPORATED"],
        ),
        (
            "RepresentativeBodyKind",
            stored::<RepresentativeBodyKind>(),
            serialized::<RepresentativeBodyKind>(),
            &[
                "AREA_COMMITTEE",
                "NEIGHBOURHOOD_COUNCIL",
                "NEIGHBOURHOOD_COMMITTEE",
            ],
        ),
        (
            "TeamRole",
            stored::<TeamRole>(),
            serialized::<TeamRole>(),
            &[
                "NEIGHBOURHOOD_MANAGER",
                "CLUSTER_REPRESENTATIVE",
                "ACCOUNT_HOLDER",
                "OTHER",
            ],
        ),
        (
            "MembershipKind",
            stored::<MembershipKind>(),
            serialized::<MembershipKind>(),
            &["CORE", "OCCASIONAL"],
        ),
    ];
    for (name, stored, serialized, values) in expected {
        assert_eq!(stored, values, "stored values of {name}");
        assert_eq!(serialized, values, "serialized values of {name}");
    }
}

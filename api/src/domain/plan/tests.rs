//! Unit tests of `domain::plan`.

use super::*;
use sea_orm::Iterable;

fn plan_in(status: PlanStatus) -> plan::Model {
    let now = Utc::now();
    plan::Model {
        id: 1,
        kind: PlanKind::NeighbourhoodActionPlan,
        title: "Wijkactieplan".to_owned(),
        area_id: 1,
        neighbourhood_id: Some(1),
        cluster_id: None,
        year_from: 2017,
        year_to: 2017,
        status,
        parent_plan_id: None,
        superseded_by_id: None,
        adopted_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
    }
}

#[test]
fn a_plan_is_edited_while_drafted_or_consulted_on_and_never_after_adoption() {
    for status in PlanStatus::iter() {
        let editable = editable(&plan_in(status), "edit the plan");
        match status {
            PlanStatus::Draft | PlanStatus::InConsultation => assert!(editable.is_ok()),
            _ => assert!(
                matches!(
                    editable,
                    Err(ApiError::InvalidTransition { ref current, .. })
                        if *current == status_name(status)
                ),
                "{status:?}: {editable:?}"
            ),
        }
    }
}

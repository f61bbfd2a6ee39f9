//! What each grant reaches, as the suite's own SQL over the tables (independent of the
//! service's scope code).

use super::*;

/// The independent ground truth: `SELECT id` of the rows one scope kind reaches.
pub(super) fn scope_sql(entity: EntityKind, scope: ScopeKind, code: &str) -> Option<String> {
    use EntityKind as E;
    use ScopeKind as S;
    let area = format!("(SELECT id FROM area WHERE code = '{code}')");
    let hood = format!("(SELECT id FROM neighbourhood WHERE code = '{code}')");
    let hoods_of_area = format!("(SELECT id FROM neighbourhood WHERE area_id IN {area})");
    let cluster = format!("(SELECT id FROM cluster WHERE code = '{code}')");
    let table = ENTITIES.iter().find(|(kind, ..)| *kind == entity)?.2;
    let all = format!("SELECT id FROM {table}");
    Some(match (entity, scope) {
        (_, S::None | S::AggregateOnly) => return None,
        (_, S::All) => all,
        (E::Plan, S::PublishedOnly) => {
            format!(
                "{all} WHERE status IN ('ADOPTED', 'CLOSED', 'SUPERSEDED') AND kind <> 'ISSUE_LIST'"
            )
        }
        (E::Plan, S::OwnAreas) => format!("{all} WHERE area_id IN {area}"),
        (E::Plan, S::OwnNeighbourhoods) => format!("{all} WHERE neighbourhood_id IN {hood}"),
        (E::CommitteeAdvice, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::Person, S::PublishedOnly) => format!("{all} WHERE public = true"),
        (E::Neighbourhood, S::OwnNeighbourhoods) => format!("{all} WHERE code = '{code}'"),
        (E::PlanRevision, S::PublishedOnly) => format!("{all} WHERE adopted_at IS NOT NULL"),
        (E::PlanRevision, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::Priority, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::Action, S::OwnCluster) => format!("{all} WHERE lead_cluster_id IN {cluster}"),
        (E::Action, _) => format!(
            "{all} WHERE priority_id IN ({})",
            scope_sql(E::Priority, scope, code)?
        ),
        (E::ActionPosition, _) => format!(
            "{all} WHERE action_id IN ({})",
            scope_sql(E::Action, scope, code)?
        ),
        (E::AdoptionWaiver, _) => format!(
            "{all} WHERE plan_id IN ({})",
            scope_sql(E::Plan, scope, code)?
        ),
        (E::ProgressUpdate, S::PublishedOnly) => {
            format!(
                "{all} WHERE public = true AND action_id IN ({})",
                scope_sql(E::Action, scope, code)?
            )
        }
        (E::ProgressUpdate, _) => format!(
            "{all} WHERE action_id IN ({})",
            scope_sql(E::Action, scope, code)?
        ),
        (E::Commitment, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::Commitment, _) => format!(
            "{all} WHERE action_id IN ({})",
            scope_sql(E::Action, scope, code)?
        ),
        (E::Escalation, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::Escalation, S::OwnAreas) => format!("{all} WHERE neighbourhood_id IN {hoods_of_area}"),
        (E::Escalation, S::OwnNeighbourhoods) => format!("{all} WHERE neighbourhood_id IN {hood}"),
        (E::EscalationEvent, _) => format!(
            "{all} WHERE escalation_id IN ({})",
            scope_sql(E::Escalation, scope, code)?
        ),
        (E::TeamMembership, S::OwnAreas) => {
            format!("{all} WHERE neighbourhood_id IN {hoods_of_area}")
        }
        (E::TeamMembership, S::OwnNeighbourhoods) => {
            format!("{all} WHERE neighbourhood_id IN {hood}")
        }
        (E::TeamMembership, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::ResidentInput, S::OwnAreas) => {
            format!("{all} WHERE neighbourhood_id IN {hoods_of_area}")
        }
        (E::ResidentInput, S::OwnNeighbourhoods) => {
            format!("{all} WHERE neighbourhood_id IN {hood}")
        }
        (E::BudgetLine, S::OwnCluster) => format!("{all} WHERE cluster_id IN {cluster}"),
        (E::BudgetAmendment, _) => format!(
            "{all} WHERE budget_line_id IN ({})",
            scope_sql(E::BudgetLine, scope, code)?
        ),
        (entity, scope) => {
            panic!("the suite has no ground truth for {entity:?} at {scope:?}: extend scope_sql")
        }
    })
}

//! Revisions of adopted plans (issue 9, item 4): `revisePlan` opens a new version of an
//! adopted plan, which goes through consultation and adoption again; the adopted versions
//! stay readable (`Plan.revisions`, `adoptedPlan(on:)`), also to the public while the plan
//! is revised; a dispute named when revising is resolved when the revision is adopted.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, cluster_id, count_rows, error_code, run_on_both_databases};

const MANAGER: &str = "neighbourhood_manager:BU05991086";
const DIRECTOR: &str = "area_director:WK059910";

const PLAN: &str = r#"{ plans(filter: {year: 2016, status: ADOPTED, titleContains: "Afrikaanderwijk"}) {
    nodes { id version priorities(first: 1) { nodes { actions(first: 1) { nodes { id version description } } } } } } }"#;
const DISPUTE: &str = "mutation($input: DisputePlanItemInput!) { disputePlanItem(input: $input) { escalation { id } } }";
const REVISE: &str = "mutation($input: RevisePlanInput!) { revisePlan(input: $input) {
    plan { status version revisions { nodes { number reason adoptedAt openedBy } } } } }";
const ESCALATION: &str = "query($id: ID!) { node(id: $id) { ... on Escalation {
    status resolution settledByRevision { number } } } }";
const ADOPTED: &str = "query($plan: ID!, $on: DateTime) { adoptedPlan(planId: $plan, on: $on) {
    number content { priorities { actions { actionId description } } } } }";
const ADOPT: &str =
    "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { status version } } }";

/// The descriptions of the adopted version's actions.
fn descriptions(revision: &Value) -> Vec<String> {
    let priorities = revision["content"]["priorities"].as_array().unwrap();
    priorities
        .iter()
        .flat_map(|priority| priority["actions"].as_array().unwrap())
        .map(|action| action["description"].as_str().unwrap().to_owned())
        .collect()
}

/// Afrikaanderwijk's adopted 2016 plan, its first action, and SB's dispute of that action.
struct Disputed {
    plan: Value,
    action: Value,
    dispute: Value,
}

async fn disputed(app: &TestApp) -> Disputed {
    let data = app.data(PLAN, json!({})).await;
    let plan = data["plans"]["nodes"][0].clone();
    let action = plan["priorities"]["nodes"][0]["actions"]["nodes"][0].clone();
    let sb = cluster_id(app, "SB").await;
    let dispute = json!({ "input": { "item": { "actionId": action["id"] }, "clusterId": sb, "reason": "Te duur voor 2017" } });
    let dispute = app
        .as_roles(&["cluster_member:SB"])
        .data(DISPUTE, dispute)
        .await["disputePlanItem"]["escalation"]["id"]
        .clone();
    Disputed {
        plan,
        action,
        dispute,
    }
}

/// The input of revising the plan, settling `disputes`.
fn revise(plan: &Value, disputes: Value) -> Value {
    json!({ "input": { "id": plan["id"], "expectedVersion": plan["version"],
        "reason": "Maatregel aanpassen na bezwaar van Stadsbeheer", "settlesDisputeIds": disputes } })
}

/// The plan as its neighbourhood manager's revision settling the dispute left it.
async fn revised(app: &TestApp, disputed: &Disputed) -> Value {
    app.as_roles(&[MANAGER])
        .data(REVISE, revise(&disputed.plan, json!([disputed.dispute])))
        .await["revisePlan"]["plan"]
        .clone()
}

async fn only_the_neighbourhood_manager_revises_a_plan_and_settles_only_disputes(app: TestApp) {
    let Disputed { plan, dispute, .. } = disputed(&app).await;
    let refused = app
        .as_roles(&["cluster_manager:SB"])
        .graphql(REVISE, revise(&plan, json!([dispute])))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    let not_a_dispute = app
        .as_roles(&[MANAGER])
        .graphql(REVISE, revise(&plan, json!([plan["id"]])))
        .await;
    assert_eq!(
        not_a_dispute["errors"][0]["extensions"]["field"], "input.settlesDisputeIds",
        "{not_a_dispute}"
    );
    assert_eq!(
        count_rows(&app.db, "plan_revision").await,
        count_rows(&app.db, "plan WHERE adopted_at IS NOT NULL").await,
        "no revision opened"
    );
}

async fn revising_opens_a_draft_revision_2_linked_to_the_disputes_it_settles(app: TestApp) {
    let disputed = disputed(&app).await;
    let revised = revised(&app, &disputed).await;
    assert_eq!(revised["status"], "DRAFT");
    let revisions = revised["revisions"]["nodes"].as_array().unwrap();
    assert_eq!(revisions.len(), 2, "{revised}");
    assert_eq!(
        (
            &revisions[0]["number"],
            revisions[0]["adoptedAt"].is_string()
        ),
        (&json!(1), true)
    );
    assert_eq!(
        (&revisions[1]["number"], &revisions[1]["adoptedAt"]),
        (&json!(2), &Value::Null)
    );
    assert_eq!(revisions[1]["openedBy"], format!("user-{MANAGER}"));
    let linked = app
        .data(ESCALATION, json!({ "id": disputed.dispute }))
        .await;
    assert_eq!(
        linked["node"],
        json!({ "status": "OPEN", "resolution": null, "settledByRevision": { "number": 2 } })
    );
    let again = app
        .as_roles(&[MANAGER])
        .graphql(REVISE, revise(&disputed.plan, json!([])))
        .await;
    assert_eq!(
        error_code(&again),
        "CONFLICT",
        "the version moved on: {again}"
    );
}

async fn while_a_plan_is_revised_the_public_reads_its_adopted_version_not_the_draft(app: TestApp) {
    let disputed = disputed(&app).await;
    revised(&app, &disputed).await;
    let public = app.as_roles(&[]);
    let hidden = public
        .data(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": disputed.plan["id"] }),
        )
        .await;
    assert!(hidden["node"].is_null());
    let first = public
        .data(ADOPTED, json!({ "plan": disputed.plan["id"] }))
        .await["adoptedPlan"]
        .clone();
    assert_eq!(first["number"], 1);
    assert!(
        descriptions(&first).contains(&disputed.action["description"].as_str().unwrap().to_owned())
    );
}

async fn adopting_the_revision_settles_the_dispute_and_each_adopted_version_stays_readable_by_date(
    app: TestApp,
) {
    let disputed = disputed(&app).await;
    let Disputed {
        plan,
        action,
        dispute,
    } = &disputed;
    let public = app.as_roles(&[]);
    let first = public.data(ADOPTED, json!({ "plan": plan["id"] })).await["adoptedPlan"].clone();
    let revised = revised(&app, &disputed).await;

    // Edited, consulted on and adopted again, with the support gaps accepted.
    let manager = app.as_roles(&[MANAGER]);
    let edit = json!({ "input": { "id": action["id"], "expectedVersion": action["version"], "description": "Kleinere maatregel" } });
    manager.data("mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { id } } }", edit).await;
    let version = revised["version"].as_i64().unwrap();
    manager
        .data(
            "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { id } } }",
            json!({ "input": { "id": plan["id"], "expectedVersion": version } }),
        )
        .await;
    let before_adoption = chrono::Utc::now().to_rfc3339();
    let director = app.as_roles(&[DIRECTOR]);
    let step = |waivers: Value| json!({ "input": { "id": plan["id"], "expectedVersion": version + 1, "waivers": waivers } });
    let gaps =
        director.graphql(ADOPT, step(json!([]))).await["errors"][0]["extensions"]["gaps"].clone();
    let waivers: Vec<Value> = gaps.as_array().unwrap().iter().flat_map(|gap| {
        gap["missing"].as_array().unwrap().iter().map(|missing| json!({ "itemId": gap["item"], "gap": missing, "reason": "Positie mondeling gegeven" })).collect::<Vec<_>>()
    }).collect();
    assert!(!waivers.is_empty(), "{gaps}");
    let adopted = director.data(ADOPT, step(json!(waivers))).await;
    assert_eq!(adopted["adoptPlan"]["plan"]["status"], "ADOPTED");

    let settled = app.data(ESCALATION, json!({ "id": dispute })).await;
    assert_eq!(settled["node"]["status"], "RESOLVED");
    assert!(
        settled["node"]["resolution"]
            .as_str()
            .unwrap()
            .starts_with("settled by revision 2"),
        "{settled}"
    );
    let now = public.data(ADOPTED, json!({ "plan": plan["id"] })).await["adoptedPlan"].clone();
    assert_eq!(now["number"], 2);
    assert!(descriptions(&now).contains(&"Kleinere maatregel".to_owned()));
    let then = public
        .data(
            ADOPTED,
            json!({ "plan": plan["id"], "on": before_adoption }),
        )
        .await["adoptedPlan"]
        .clone();
    assert_eq!(then, first, "the first version as it was adopted");
    let never = public
        .data(
            ADOPTED,
            json!({ "plan": plan["id"], "on": "2015-01-01T00:00:00Z" }),
        )
        .await;
    assert!(never["adoptedPlan"].is_null(), "not adopted yet in 2015");
}

run_on_both_databases!(
    only_the_neighbourhood_manager_revises_a_plan_and_settles_only_disputes,
    revising_opens_a_draft_revision_2_linked_to_the_disputes_it_settles,
    while_a_plan_is_revised_the_public_reads_its_adopted_version_not_the_draft,
    adopting_the_revision_settles_the_dispute_and_each_adopted_version_stays_readable_by_date
);

async fn an_overdue_request_whose_action_changed_in_a_revision_is_resolved_as_changed(
    app: TestApp,
) {
    let data = app.data(PLAN, json!({})).await;
    let plan = data["plans"]["nodes"][0].clone();
    let action = plan["priorities"]["nodes"][0]["actions"]["nodes"][0].clone();
    let mo = cluster_id(&app, "MO").await;
    let manager = app.as_roles(&[MANAGER]);
    let ask = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }";
    let request = manager
        .data(
            ask,
            json!({ "input": { "actionId": action["id"], "clusterId": mo } }),
        )
        .await["requestCommitment"]["commitment"]["id"]
        .clone();
    let sql = format!(
        "UPDATE commitment SET response_deadline = '2016-03-01T09:00:00+00:00' WHERE id = {}",
        crate::authz::db_id(&request)
    );
    app.db
        .execute_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    let raise = "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id } } }";
    let raised = manager.data(raise, json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord." } })).await;
    let escalation = raised["raiseEscalation"]["escalation"]["id"].clone();
    let resolve = "mutation($input: EscalationStepInput!) { resolveEscalation(input: $input) { escalation { status } } }";
    let changed = |version: i64| json!({ "input": { "id": escalation, "expectedVersion": version, "note": "De maatregel is aangepast.", "actionChanged": true } });

    // Nothing changed yet: refused, naming the argument.
    let early = manager.graphql(resolve, changed(1)).await;
    assert_eq!(
        early["errors"][0]["extensions"]["field"], "input.actionChanged",
        "{early}"
    );
    // Two outcomes at once: refused, naming the argument, before anything is looked at.
    let mut both = changed(1);
    both["input"]["decided"] = json!(true);
    let both = manager.graphql(resolve, both).await;
    assert_eq!(
        (error_code(&both), &both["errors"][0]["extensions"]["field"]),
        ("BAD_USER_INPUT", &json!("input.actionChanged")),
        "{both}"
    );

    // The plan is revised and the action edited: now the outcome holds.
    let revise = json!({ "input": { "id": plan["id"], "expectedVersion": plan["version"], "reason": "Bijsturen" } });
    manager.data(REVISE, revise).await;
    let edit = json!({ "input": { "id": action["id"], "expectedVersion": action["version"], "description": "Aangepaste maatregel" } });
    manager.data("mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { id } } }", edit).await;
    let resolved = manager.data(resolve, changed(1)).await;
    assert_eq!(
        resolved["resolveEscalation"]["escalation"]["status"],
        "RESOLVED"
    );
    let closed = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Commitment { status reason } } }",
            json!({ "id": request }),
        )
        .await;
    assert_eq!(
        closed["node"],
        json!({ "status": "WITHDRAWN", "reason": "the action changed: De maatregel is aangepast." })
    );
}

run_on_both_databases!(
    an_overdue_request_whose_action_changed_in_a_revision_is_resolved_as_changed
);

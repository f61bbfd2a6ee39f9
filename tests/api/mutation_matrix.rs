//! Every role against every mutation, with the outcome taken from the permission matrix:
//! for each caller and mutation the suite picks, from the mutation's candidate targets, one
//! the caller may change (the step must succeed), one they see but may not change
//! (`FORBIDDEN`) and one they cannot see (`NOT_FOUND`, exactly as for a missing row);
//! without a token every mutation answers `UNAUTHENTICATED`. Which rows a grant reaches
//! comes from the suite's own SQL (`authz::truth`), not from the service. Each caller runs
//! on a fresh app with the demo data, on both databases.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use wijkgraph::access::Role;
use wijkgraph::access::matrix::{EntityKind, Operation, ScopeKind, scope_of};

use crate::authz::{CALLERS, db_id, roles, truth};
use crate::helpers::{Engine, TestApp, error_code, spawn_app};

use EntityKind as E;
use Operation as Op;

/// Who may make a change to a target.
enum Guard {
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
struct Place {
    area: Option<String>,
    neighbourhood: Option<String>,
    cluster: Option<String>,
}

/// What the test knows besides the target: the clusters' ids and every candidate.
struct Ctx {
    clusters: BTreeMap<String, Value>,
    candidates: Vec<Value>,
}

impl Ctx {
    fn cluster(&self, code: &str) -> Value {
        self.clusters[code].clone()
    }
}

/// One mutation: who may make it, how the target must be visible, the candidates (the
/// `targets` connections of a query run as admin), the document and its input.
struct Case {
    name: &'static str,
    /// What a caller the matrix lets through gets: `OK`, or the domain's own refusal where
    /// the demo's target cannot take the step (the consulted draft still has SMART gaps,
    /// so adopting it answers `INCOMPLETE` after the authorization check).
    granted: &'static str,
    guard: Guard,
    /// The row the caller must see, else `NOT_FOUND`; `None` where the parent is public.
    seen: Option<(EntityKind, &'static str)>,
    /// The new row the change writes, checked by the matrix after it is written.
    creates: Option<(EntityKind, Operation)>,
    place: fn(&Value) -> Place,
    candidates: &'static str,
    /// A step taken first by the named caller, on its first candidate, where the demo holds
    /// no target a granted caller could take this step on.
    setup: Option<(&'static str, &'static Case)>,
    mutation: &'static str,
    input: fn(&Value, &Ctx) -> Value,
}

fn nowhere(_: &Value) -> Place {
    Place::default()
}

/// A plan, an input or a line: its own neighbourhood and area.
fn located(t: &Value) -> Place {
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
fn neighbourhood(t: &Value) -> Place {
    Place {
        area: t["area"]["code"].as_str().map(str::to_owned),
        neighbourhood: t["code"].as_str().map(str::to_owned),
        cluster: None,
    }
}

/// A neighbourhood, with a new row for cluster MO.
fn neighbourhood_for_mo(t: &Value) -> Place {
    Place {
        cluster: Some("MO".into()),
        ..neighbourhood(t)
    }
}

/// The new row belongs to cluster MO.
fn for_mo(_: &Value) -> Place {
    Place {
        cluster: Some("MO".into()),
        ..Place::default()
    }
}

/// The new row belongs to cluster SB.
fn for_sb(_: &Value) -> Place {
    Place {
        cluster: Some("SB".into()),
        ..Place::default()
    }
}

const EDITABLE_PLANS: &str = "{ drafts: plans(filter: {status: DRAFT}) { targets: nodes { id version } } \
     consulted: plans(filter: {status: IN_CONSULTATION}) { targets: nodes { id version } } }";
const EDITABLE_PRIORITIES: &str = "{ drafts: plans(filter: {status: DRAFT}) { nodes { targets: priorities { nodes { id version plan { id } } } } } \
     consulted: plans(filter: {status: IN_CONSULTATION}) { nodes { targets: priorities { nodes { id version plan { id } } } } } }";
const EDITABLE_ACTIONS: &str = "{ drafts: plans(filter: {status: DRAFT}) { nodes { priorities { nodes { targets: actions(first: 2) { nodes { id version priority { plan { id } } } } } } } } \
     consulted: plans(filter: {status: IN_CONSULTATION}) { nodes { priorities { nodes { targets: actions(first: 2) { nodes { id version priority { plan { id } } } } } } } } }";
const ADOPTED_ACTIONS: &str = "{ plans(filter: {status: ADOPTED, kind: NEIGHBOURHOOD_ACTION_PLAN}) { nodes { priorities(first: 1) { nodes { targets: actions(first: 1) { nodes { id version } } } } } } }";
const NEIGHBOURHOODS: &str =
    "{ neighbourhoods(first: 30) { targets: nodes { id code area { code } } } }";
const OPEN_ESCALATIONS: &str =
    "{ escalations(filter: {status: OPEN}) { targets: nodes { id version owner raisedBy } } }";
const BUDGET_LINES: &str = "{ budgetLines(first: 60, filter: {year: 2017}) { targets: nodes { id version year cluster { code } product { id } } } }";

/// The defaults of a case: granted callers succeed, no new row is checked, no setup.
const STEP: Case = Case {
    name: "",
    granted: "OK",
    guard: Guard::NewRow,
    seen: None,
    creates: None,
    place: nowhere,
    candidates: "",
    setup: None,
    mutation: "",
    input: |_, _| Value::Null,
};

/// Asking cluster MO for a commitment, as a case and as the setup of answering one.
const ASK_MO: Case = Case {
    name: "requestCommitment",
    guard: Guard::Row(E::Action, Op::Request, "/id"),
    seen: Some((E::Action, "/id")),
    creates: Some((E::Commitment, Op::Request)),
    place: for_mo,
    candidates: ADOPTED_ACTIONS,
    mutation: "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }",
    input: |t, c| json!({ "actionId": t["id"], "clusterId": c.cluster("MO") }),
    ..STEP
};

/// Cluster MO disputing an adopted action, as a case and as the setup of moving an
/// escalation up (the first adopted action is in the neighbourhood manager's
/// neighbourhood, so they own it at team level).
const DISPUTE_AS_MO: Case = Case {
    name: "disputePlanItem",
    guard: Guard::RowForMo(E::Action, Op::Raise, "/id"),
    seen: Some((E::Action, "/id")),
    candidates: ADOPTED_ACTIONS,
    mutation: "mutation($input: DisputePlanItemInput!) { disputePlanItem(input: $input) { escalation { id } } }",
    input: |t, c| json!({ "clusterId": c.cluster("MO"), "item": { "actionId": t["id"] }, "reason": "Dit past niet in onze capaciteit." }),
    ..STEP
};

/// Submitting a P&C document in preparation, as a case and as the setup of adopting one.
const SUBMIT_DOCUMENT: Case = Case {
    name: "submitPncDocument",
    guard: Guard::Row(E::PncDocument, Op::Amend, "/id"),
    seen: Some((E::PncDocument, "/id")),
    candidates: "{ pncDocuments(filter: {status: IN_PREPARATION}) { targets: nodes { id } } }",
    mutation: "mutation($input: PncDocumentStepInput!) { submitPncDocument(input: $input) { pncDocument { id } } }",
    input: |t, _| json!({ "id": t["id"] }),
    ..STEP
};

/// A request is tried for another cluster (SB) and for MO (the callers' cluster, whose
/// answer comes next).
///
/// In an order where no step removes a later step's targets: the consulted plan is adopted
/// before edits leave gaps in it, plans are closed last.
const CASES: &[Case] = &[
    Case {
        name: "respondToCommitteeAdvice",
        guard: Guard::Row(E::Plan, Op::Adopt, "/plan/id"),
        seen: Some((E::CommitteeAdvice, "/id")),
        candidates: "{ plans { nodes { targets: committeeAdvice { nodes { id version plan { id } skipIf: respondedAt } } } } }",
        mutation: "mutation($input: RespondToCommitteeAdviceInput!) { respondToCommitteeAdvice(input: $input) { advice { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "response": "PARTLY_FOLLOWED", "reason": "Buitenruimte volgt in 2017." }),
        ..STEP
    },
    Case {
        name: "adoptPlan",
        granted: "INCOMPLETE",
        guard: Guard::Row(E::Plan, Op::Adopt, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: "{ plans(filter: {status: IN_CONSULTATION, year: 2017}) { targets: nodes { id version } } }",
        mutation: "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"] }),
        ..STEP
    },
    Case {
        name: "createPlan",
        guard: Guard::NewRow,
        seen: None,
        creates: Some((E::Plan, Op::Edit)),
        place: neighbourhood,
        candidates: NEIGHBOURHOODS,
        mutation: "mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }",
        input: |t, _| json!({ "neighbourhoodId": t["id"], "year": 2019 }),
        ..STEP
    },
    Case {
        name: "recordNeighbourhoodIssue",
        guard: Guard::NewRow,
        seen: None,
        creates: Some((E::Plan, Op::Edit)),
        place: neighbourhood,
        candidates: NEIGHBOURHOODS,
        mutation: "mutation($input: RecordNeighbourhoodIssueInput!) { recordNeighbourhoodIssue(input: $input) { action { id } } }",
        input: |t, _| json!({ "neighbourhoodId": t["id"], "year": 2016, "description": "Losliggende stoeptegels bij de school." }),
        ..STEP
    },
    Case {
        name: "setNeighbourhoodContact",
        guard: Guard::Row(E::Neighbourhood, Op::Edit, "/id"),
        seen: Some((E::Neighbourhood, "/id")),
        candidates: NEIGHBOURHOODS,
        mutation: "mutation($input: SetNeighbourhoodContactInput!) { setNeighbourhoodContact(input: $input) { neighbourhood { id } } }",
        input: |t, _| json!({ "neighbourhoodId": t["id"], "contact": "wijkteam@rotterdam.nl" }),
        ..STEP
    },
    Case {
        name: "updatePlan",
        guard: Guard::Row(E::Plan, Op::Edit, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: EDITABLE_PLANS,
        mutation: "mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { plan { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "title": "Wijkactieplan (herzien)" }),
        ..STEP
    },
    Case {
        name: "addPriority",
        guard: Guard::Row(E::Plan, Op::Edit, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: EDITABLE_PLANS,
        mutation: "mutation($input: AddPriorityInput!) { addPriority(input: $input) { priority { id } } }",
        input: |t, _| json!({ "planId": t["id"], "expectedPlanVersion": t["version"], "title": "Schone straten", "description": "Minder zwerfvuil rond de winkels." }),
        ..STEP
    },
    Case {
        name: "updatePriority",
        guard: Guard::Row(E::Plan, Op::Edit, "/plan/id"),
        seen: Some((E::Priority, "/id")),
        candidates: EDITABLE_PRIORITIES,
        mutation: "mutation($input: UpdatePriorityInput!) { updatePriority(input: $input) { priority { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "title": "Veilige straten" }),
        ..STEP
    },
    Case {
        name: "reorderPriorities",
        guard: Guard::Row(E::Plan, Op::Edit, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: "{ drafts: plans(filter: {status: DRAFT}) { targets: nodes { id version priorities { nodes { id } } } } \
             consulted: plans(filter: {status: IN_CONSULTATION}) { targets: nodes { id version priorities { nodes { id } } } } }",
        mutation: "mutation($input: ReorderPrioritiesInput!) { reorderPriorities(input: $input) { priorities { id } } }",
        input: |t, _| {
            let mut ids: Vec<Value> = t["priorities"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["id"].clone())
                .collect();
            ids.reverse();
            json!({ "planId": t["id"], "expectedPlanVersion": t["version"], "priorityIds": ids })
        },
        ..STEP
    },
    Case {
        name: "addAction",
        guard: Guard::Row(E::Plan, Op::Edit, "/plan/id"),
        seen: Some((E::Priority, "/id")),
        candidates: EDITABLE_PRIORITIES,
        mutation: "mutation($input: AddActionInput!) { addAction(input: $input) { action { id } } }",
        input: |t, _| json!({ "priorityId": t["id"], "description": "Extra schouw met bewoners." }),
        ..STEP
    },
    Case {
        name: "updateAction",
        guard: Guard::Row(E::Plan, Op::Edit, "/priority/plan/id"),
        seen: Some((E::Action, "/id")),
        candidates: EDITABLE_ACTIONS,
        mutation: "mutation($input: UpdateActionInput!) { updateAction(input: $input) { action { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "description": "Schouw elk kwartaal." }),
        ..STEP
    },
    Case {
        name: "proposeAction",
        guard: Guard::NewRow,
        seen: Some((E::Priority, "/id")),
        creates: Some((E::Action, Op::Consult)),
        place: for_mo,
        candidates: "{ plans(filter: {status: IN_CONSULTATION}) { nodes { targets: priorities { nodes { id } } } } }",
        mutation: "mutation($input: ProposeActionInput!) { proposeAction(input: $input) { action { id } } }",
        input: |t, c| json!({ "priorityId": t["id"], "clusterId": c.cluster("MO"), "description": "Handhaving op afvaldumpingen.", "measurableTarget": "50 controles", "deadline": "2017-12-31", "responsiblePerson": "Teamleider handhaving" }),
        ..STEP
    },
    Case {
        name: "takePosition",
        guard: Guard::Row(E::Action, Op::Consult, "/id"),
        seen: Some((E::Action, "/id")),
        candidates: "{ plans(filter: {status: IN_CONSULTATION}) { nodes { priorities { nodes { targets: actions { nodes { id } } } } } } }",
        mutation: "mutation($input: TakePositionInput!) { takePosition(input: $input) { position { id } } }",
        input: |t, _| json!({ "actionId": t["id"], "position": "SUPPORT" }),
        ..STEP
    },
    Case {
        name: "dropAction",
        guard: Guard::Row(E::Plan, Op::Edit, "/priority/plan/id"),
        seen: Some((E::Action, "/id")),
        candidates: EDITABLE_ACTIONS,
        mutation: "mutation($input: DropActionInput!) { dropAction(input: $input) { action { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "reason": "Opgenomen in een ander actiepunt." }),
        ..STEP
    },
    Case {
        name: "dropPriority",
        guard: Guard::Row(E::Plan, Op::Edit, "/plan/id"),
        seen: Some((E::Priority, "/id")),
        candidates: EDITABLE_PRIORITIES,
        mutation: "mutation($input: DropPriorityInput!) { dropPriority(input: $input) { priority { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "reason": "Samengevoegd met een andere prioriteit." }),
        ..STEP
    },
    Case {
        name: "recordCommitteeAdvice",
        guard: Guard::NewRow,
        seen: Some((E::Plan, "/id")),
        creates: Some((E::CommitteeAdvice, Op::Advise)),
        place: located,
        candidates: "{ plans(filter: {kind: NEIGHBOURHOOD_ACTION_PLAN}) { targets: nodes { id area { code } neighbourhood { code } } } }",
        mutation: "mutation($input: RecordCommitteeAdviceInput!) { recordCommitteeAdvice(input: $input) { advice { id } } }",
        input: |t, _| json!({ "planId": t["id"], "advice": "Meer aandacht voor de buitenruimte.", "receivedOn": "2016-11-01", "requested": true }),
        ..STEP
    },
    Case {
        name: "submitPlan",
        guard: Guard::Row(E::Plan, Op::Edit, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: "{ plans(filter: {status: DRAFT, year: 2017}) { targets: nodes { id version } } }",
        mutation: "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"] }),
        ..STEP
    },
    Case {
        name: "requestCommitment",
        guard: Guard::Row(E::Action, Op::Request, "/id"),
        seen: Some((E::Action, "/id")),
        creates: Some((E::Commitment, Op::Request)),
        place: for_sb,
        candidates: ADOPTED_ACTIONS,
        mutation: "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }",
        input: |t, c| json!({ "actionId": t["id"], "clusterId": c.cluster("SB") }),
        ..STEP
    },
    ASK_MO,
    Case {
        name: "respondToCommitment",
        guard: Guard::Row(E::Commitment, Op::Answer, "/id"),
        seen: Some((E::Commitment, "/id")),
        candidates: "{ commitments(first: 100, filter: {status: REQUESTED}) { targets: nodes { id version } } }",
        setup: Some(("admin", &ASK_MO)),
        mutation: "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "answer": "REJECT", "reason": "Geen capaciteit." }),
        ..STEP
    },
    Case {
        name: "withdrawCommitment",
        guard: Guard::Any(&[
            (E::Commitment, Op::Answer, "/id"),
            (E::Action, Op::Request, "/action/id"),
        ]),
        seen: Some((E::Commitment, "/id")),
        candidates: "{ commitments(first: 100, filter: {status: REQUESTED}) { targets: nodes { id version action { id } } } }",
        mutation: "mutation($input: WithdrawCommitmentInput!) { withdrawCommitment(input: $input) { commitment { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "reason": "Opgenomen in een stedelijk programma." }),
        ..STEP
    },
    Case {
        name: "deliverCommitment",
        guard: Guard::Row(E::Commitment, Op::Answer, "/id"),
        seen: Some((E::Commitment, "/id")),
        candidates: "{ commitments(first: 100, filter: {status: ACCEPTED}) { targets: nodes { id version } } }",
        mutation: "mutation($input: DeliverCommitmentInput!) { deliverCommitment(input: $input) { commitment { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"] }),
        ..STEP
    },
    Case {
        name: "reportProgress",
        guard: Guard::Row(E::Action, Op::ReportProgress, "/id"),
        seen: Some((E::Action, "/id")),
        candidates: ADOPTED_ACTIONS,
        mutation: "mutation($input: ReportProgressInput!) { reportProgress(input: $input) { action { id } } }",
        input: |t, _| json!({ "actionId": t["id"], "expectedVersion": t["version"], "percent": 50, "status": "IN_PROGRESS", "trafficLight": "GREEN", "note": "Op schema." }),
        ..STEP
    },
    Case {
        name: "raiseEscalation",
        guard: Guard::Row(E::Commitment, Op::Raise, "/id"),
        seen: Some((E::Commitment, "/id")),
        candidates: "{ commitments(first: 100, filter: {status: REJECTED}) { targets: nodes { id version escalations { skipIf: totalCount } } } }",
        mutation: "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id } } }",
        input: |t, _| json!({ "subject": { "rejectedCommitment": t["id"] }, "reason": "De buurt rekent op deze inzet." }),
        ..STEP
    },
    DISPUTE_AS_MO,
    Case {
        name: "resolveEscalation",
        guard: Guard::Owner {
            movers: &[],
            raiser: false,
        },
        seen: Some((E::Escalation, "/id")),
        candidates: OPEN_ESCALATIONS,
        mutation: "mutation($input: EscalationStepInput!) { resolveEscalation(input: $input) { escalation { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "note": "Besloten: het gaat door." }),
        ..STEP
    },
    Case {
        name: "withdrawEscalation",
        guard: Guard::Owner {
            movers: &[],
            raiser: true,
        },
        seen: Some((E::Escalation, "/id")),
        candidates: OPEN_ESCALATIONS,
        mutation: "mutation($input: EscalationStepInput!) { withdrawEscalation(input: $input) { escalation { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "note": "Opgelost in overleg." }),
        ..STEP
    },
    Case {
        name: "escalateFurther",
        guard: Guard::Owner {
            movers: &[Role::Admin, Role::AreaDirector, Role::ClusterManager],
            raiser: false,
        },
        seen: Some((E::Escalation, "/id")),
        candidates: OPEN_ESCALATIONS,
        setup: Some(("cluster_member:MO", &DISPUTE_AS_MO)),
        mutation: "mutation($input: EscalationStepInput!) { escalateFurther(input: $input) { escalation { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "note": "Graag een besluit." }),
        ..STEP
    },
    Case {
        name: "addTeamMember",
        guard: Guard::NewRow,
        seen: None,
        creates: Some((E::TeamMembership, Op::ManageTeam)),
        place: neighbourhood_for_mo,
        candidates: NEIGHBOURHOODS,
        mutation: "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id } } }",
        input: |t, c| json!({ "neighbourhoodId": t["id"], "clusterId": c.cluster("MO"), "personName": "J. de Vries", "role": "CLUSTER_REPRESENTATIVE", "validFrom": "2016-12-01" }),
        ..STEP
    },
    Case {
        name: "endTeamMembership",
        guard: Guard::Row(E::TeamMembership, Op::ManageTeam, "/id"),
        seen: Some((E::TeamMembership, "/id")),
        candidates: r#"{ teamMemberships(first: 100, filter: {activeOn: "2016-12-01"}) { targets: nodes { id } } }"#,
        mutation: "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { id } } }",
        input: |t, _| json!({ "id": t["id"], "validTo": "2016-12-31" }),
        ..STEP
    },
    Case {
        name: "recordResidentInput",
        guard: Guard::NewRow,
        seen: None,
        creates: Some((E::ResidentInput, Op::RecordInput)),
        place: neighbourhood,
        candidates: NEIGHBOURHOODS,
        mutation: "mutation($input: RecordResidentInputInput!) { recordResidentInput(input: $input) { residentInput { id } } }",
        input: |t, _| json!({ "neighbourhoodId": t["id"], "receivedOn": "2016-11-20", "source": "MEETING", "summary": "Meer bankjes in het park." }),
        ..STEP
    },
    Case {
        name: "linkResidentInput",
        guard: Guard::Row(E::ResidentInput, Op::RecordInput, "/id"),
        seen: Some((E::ResidentInput, "/id")),
        candidates: "{ residentInputs(first: 100, filter: {outcome: PENDING}) { targets: nodes { id version neighbourhood { plans { nodes { status priorities(first: 1) { nodes { id } } } } } } } }",
        mutation: "mutation($input: LinkResidentInputInput!) { linkResidentInput(input: $input) { residentInput { id } } }",
        input: |t, _| {
            let plans = t["neighbourhood"]["plans"]["nodes"].as_array().unwrap();
            let adopted = plans.iter().find(|p| p["status"] == "ADOPTED").unwrap();
            let priority = adopted["priorities"]["nodes"][0]["id"].clone();
            json!({ "id": t["id"], "expectedVersion": t["version"], "landedIn": { "priorityId": priority } })
        },
        ..STEP
    },
    Case {
        name: "closeResidentInput",
        guard: Guard::Row(E::ResidentInput, Op::RecordInput, "/id"),
        seen: Some((E::ResidentInput, "/id")),
        candidates: "{ residentInputs(first: 100, filter: {outcome: PENDING}) { targets: nodes { id version } } }",
        mutation: "mutation($input: CloseResidentInputInput!) { closeResidentInput(input: $input) { residentInput { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "reason": "Valt buiten het wijkactieplan." }),
        ..STEP
    },
    Case {
        name: "createPncDocument",
        guard: Guard::NewRow,
        seen: None,
        creates: Some((E::PncDocument, Op::Amend)),
        candidates: "{ clusters(first: 1) { targets: nodes { id } } }",
        mutation: "mutation($input: CreatePncDocumentInput!) { createPncDocument(input: $input) { pncDocument { id } } }",
        input: |_, _| json!({ "phase": "ANNUAL_ACCOUNTS", "title": "Jaarstukken 2017", "year": 2017 }),
        ..STEP
    },
    Case {
        name: "createBudgetLine",
        guard: Guard::NewRow,
        seen: None,
        creates: Some((E::BudgetLine, Op::ManageBudget)),
        place: |t| Place {
            cluster: t["cluster"]["code"].as_str().map(str::to_owned),
            ..Place::default()
        },
        candidates: "{ products(first: 50) { targets: nodes { id cluster { id code } } } }",
        mutation: "mutation($input: CreateBudgetLineInput!) { createBudgetLine(input: $input) { budgetLine { id } } }",
        input: |t, _| json!({ "productId": t["id"], "clusterId": t["cluster"]["id"], "year": 2017, "amount": "25000.00", "description": "Inzet wijkgericht werken" }),
        ..STEP
    },
    Case {
        name: "updateBudgetLine",
        guard: Guard::Row(E::BudgetLine, Op::ManageBudget, "/id"),
        seen: Some((E::BudgetLine, "/id")),
        candidates: BUDGET_LINES,
        mutation: "mutation($input: UpdateBudgetLineInput!) { updateBudgetLine(input: $input) { budgetLine { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "description": "Inzet (bijgesteld)" }),
        ..STEP
    },
    Case {
        name: "transferBudget",
        guard: Guard::All(&[
            (E::BudgetLine, Op::ManageBudget, "/id"),
            (E::BudgetLine, Op::ManageBudget, "/sibling"),
        ]),
        seen: Some((E::BudgetLine, "/id")),
        candidates: BUDGET_LINES,
        mutation: "mutation($input: TransferBudgetInput!) { transferBudget(input: $input) { fromLine { id } } }",
        input: |t, _| json!({ "fromLineId": t["id"], "toLineId": t["sibling"], "amount": "100.00", "phase": "BUDGET" }),
        ..STEP
    },
    Case {
        name: "amendBudget",
        guard: Guard::Row(E::BudgetLine, Op::Amend, "/id"),
        seen: Some((E::BudgetLine, "/id")),
        candidates: BUDGET_LINES,
        mutation: "mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { amendment { id } } }",
        input: |t, _| json!({ "budgetLineId": t["id"], "amendmentType": "INTENSIFICATION", "delta": "1000.00", "phase": "BUDGET", "rationale": "Extra inzet." }),
        ..STEP
    },
    Case {
        name: "recordRealisation",
        guard: Guard::Row(E::BudgetLine, Op::Amend, "/id"),
        seen: Some((E::BudgetLine, "/id")),
        candidates: BUDGET_LINES,
        mutation: "mutation($input: RecordRealisationInput!) { recordRealisation(input: $input) { budgetLine { id } } }",
        input: |t, _| json!({ "budgetLineId": t["id"], "realised": "1000.00" }),
        ..STEP
    },
    SUBMIT_DOCUMENT,
    Case {
        name: "adoptPncDocument",
        guard: Guard::Row(E::PncDocument, Op::Amend, "/id"),
        seen: Some((E::PncDocument, "/id")),
        candidates: "{ pncDocuments(filter: {status: SUBMITTED}) { targets: nodes { id } } }",
        setup: Some(("controller", &SUBMIT_DOCUMENT)),
        mutation: "mutation($input: PncDocumentStepInput!) { adoptPncDocument(input: $input) { pncDocument { id } } }",
        input: |t, _| json!({ "id": t["id"] }),
        ..STEP
    },
    Case {
        name: "revisePlan",
        guard: Guard::Row(E::Plan, Op::Edit, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: "{ plans(filter: {status: ADOPTED, kind: NEIGHBOURHOOD_ACTION_PLAN}) { targets: nodes { id version } } }",
        mutation: "mutation($input: RevisePlanInput!) { revisePlan(input: $input) { plan { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"], "reason": "Bijstelling halverwege het jaar." }),
        ..STEP
    },
    Case {
        name: "mergePlans",
        guard: Guard::All(&[
            (E::Plan, Op::Adopt, "/id"),
            (E::Plan, Op::Adopt, "/sibling"),
        ]),
        seen: Some((E::Plan, "/id")),
        candidates: "{ plans(filter: {status: ADOPTED, kind: NEIGHBOURHOOD_ACTION_PLAN}) { targets: nodes { id version area { code } } } }",
        mutation: "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id } } }",
        input: |t, _| json!({ "survivingPlanId": t["id"], "survivingPlanVersion": t["version"], "mergedPlanId": t["sibling"], "mergedPlanVersion": t["siblingVersion"] }),
        ..STEP
    },
    Case {
        name: "closePlan",
        guard: Guard::Row(E::Plan, Op::Adopt, "/id"),
        seen: Some((E::Plan, "/id")),
        candidates: "{ plans(filter: {status: ADOPTED, kind: NEIGHBOURHOOD_ACTION_PLAN}) { targets: nodes { id version } } }",
        mutation: "mutation($input: PlanStepInput!) { closePlan(input: $input) { plan { id } } }",
        input: |t, _| json!({ "id": t["id"], "expectedVersion": t["version"] }),
        ..STEP
    },
];

/// The elements of every `targets` list (or `targets.nodes`) anywhere in `value`.
fn targets(value: &Value, found: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("targets", Value::Array(items)) => found.extend(items.iter().cloned()),
                    ("targets", Value::Object(page)) => {
                        found.extend(page["nodes"].as_array().unwrap().iter().cloned())
                    }
                    _ => targets(inner, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| targets(item, found)),
        _ => {}
    }
}

/// The candidates of `case` now, as admin (without those whose `skipIf` is set), each given a `sibling` where the change needs a
/// second row of the same kind (another line of the same cluster, product and year;
/// another plan of the same area).
async fn candidates(app: &TestApp, case: &Case) -> Vec<Value> {
    let mut found = Vec::new();
    targets(&app.data(case.candidates, json!({})).await, &mut found);
    found.retain(|target| !skipped(target));
    let all = found.clone();
    for target in &mut found {
        let same = |other: &&Value| {
            other["id"] != target["id"]
                && other.get("cluster").map(|c| &c["code"])
                    == target.get("cluster").map(|c| &c["code"])
                && other.get("product") == target.get("product")
                && other.get("year") == target.get("year")
                && other.get("area") == target.get("area")
        };
        if let Some(sibling) = all.iter().find(same) {
            target["sibling"] = sibling["id"].clone();
            target["siblingVersion"] = sibling["version"].clone();
        }
    }
    if let Guard::All(rows) = case.guard
        && rows.iter().any(|(_, _, pointer)| *pointer == "/sibling")
    {
        found.retain(|target| target.get("sibling").is_some());
    }
    found
}

/// Whether a `skipIf` anywhere in `target` holds something (not null, false or 0).
fn skipped(target: &Value) -> bool {
    match target {
        Value::Object(map) => map.iter().any(|(key, value)| {
            if key == "skipIf" {
                !matches!(value, Value::Null | Value::Bool(false)) && value != &json!(0)
            } else {
                skipped(value)
            }
        }),
        Value::Array(items) => items.iter().any(skipped),
        _ => false,
    }
}

fn pointed(target: &Value, pointer: &str) -> Option<i64> {
    target.pointer(pointer).filter(|v| v.is_string()).map(db_id)
}

/// Whether `caller` reaches `pointer`'s row of `target` for `operation`.
async fn reaches(
    app: &TestApp,
    caller: &str,
    (entity, operation, pointer): (EntityKind, Operation, &str),
    target: &Value,
) -> bool {
    match pointed(target, pointer) {
        Some(id) => truth(app, caller, entity, operation).await.contains(&id),
        None => false,
    }
}

/// Whether the matrix lets `caller` write the case's new row where it lands. A place the
/// case leaves open is where the target is, which the target's check covers.
fn new_row_allowed(caller: &str, case: &Case, target: &Value) -> bool {
    let Some((kind, operation)) = case.creates else {
        return true;
    };
    let Some(grant) = wijkgraph::access::Grant::parse(caller) else {
        return false;
    };
    // A cluster's member asks only as their cluster's representative in the team, and the
    // suite's tokens name no team member (the seat rule has its own workflow tests).
    if (kind, operation) == (E::Commitment, Op::Request) && grant.role == Role::ClusterMember {
        return false;
    }
    let place = (case.place)(target);
    let matches = |code: Option<String>| code.is_none_or(|code| code == grant.code);
    match scope_of(grant.role, kind, operation) {
        ScopeKind::None | ScopeKind::AggregateOnly | ScopeKind::PublishedOnly => false,
        ScopeKind::All => true,
        ScopeKind::OwnCluster => place.cluster == Some(grant.code.clone()),
        ScopeKind::OwnAreas => matches(place.area),
        ScopeKind::OwnNeighbourhoods => matches(place.neighbourhood),
    }
}

/// What `caller` must get for `case` on `target`; `None` where this suite does not decide
/// (a non-owner moving an escalation: the ladder's tests).
async fn expected(
    app: &TestApp,
    caller: &str,
    case: &Case,
    target: &Value,
) -> Option<&'static str> {
    if caller.is_empty() {
        return Some("UNAUTHENTICATED");
    }
    if let Some((entity, pointer)) = case.seen
        && !reaches(app, caller, (entity, Op::Read, pointer), target).await
    {
        return Some("NOT_FOUND");
    }
    let allowed = match &case.guard {
        Guard::Row(entity, operation, pointer) => {
            reaches(app, caller, (*entity, *operation, pointer), target).await
        }
        Guard::All(rows) => {
            let mut all = true;
            for row in *rows {
                all &= reaches(app, caller, *row, target).await;
            }
            all
        }
        Guard::Any(rows) => {
            let mut any = false;
            for row in *rows {
                any |= reaches(app, caller, *row, target).await;
            }
            any
        }
        Guard::RowForMo(entity, operation, pointer) => {
            let speaks = wijkgraph::access::Grant::parse(caller).is_some_and(|grant| {
                matches!(grant.role, Role::ClusterMember | Role::ClusterManager)
                    && grant.code == "MO"
            });
            speaks && reaches(app, caller, (*entity, *operation, pointer), target).await
        }
        Guard::NewRow => true,
        Guard::Owner { movers, raiser } => {
            let raised = target["raisedBy"].as_str() == Some(&format!("user-{caller}"));
            let owns = target["owner"].as_str() == Some(caller) || (*raiser && raised);
            let moves = wijkgraph::access::Grant::parse(caller)
                .is_some_and(|grant| movers.contains(&grant.role));
            if !owns && moves {
                return None;
            }
            owns
        }
    };
    Some(if allowed && new_row_allowed(caller, case, target) {
        case.granted
    } else {
        "FORBIDDEN"
    })
}

async fn attempt(app: &TestApp, caller: &str, case: &Case, target: &Value, ctx: &Ctx) -> String {
    let response = app
        .as_roles(&roles(caller))
        .graphql(case.mutation, json!({ "input": (case.input)(target, ctx) }))
        .await;
    let outcome = if response.get("errors").is_none() {
        "OK"
    } else {
        error_code(&response)
    };
    let expected = expected(app, caller, case, target).await;
    if let Some(expected) = expected {
        assert_eq!(outcome, expected, "{caller:?} {}: {response}", case.name);
    }
    outcome.to_owned()
}

/// Tries `case` as `caller` on one target of each expected outcome (the successful one
/// last, as it changes the data) and returns the outcomes seen.
async fn try_case(app: &TestApp, caller: &str, case: &Case, ctx: &mut Ctx) -> Vec<String> {
    if let Some((by, setup)) = case.setup {
        ctx.candidates = candidates(app, setup).await;
        let input = (setup.input)(&ctx.candidates[0], ctx);
        // Refused only where this caller took the same step in its own case already.
        app.as_roles(&[by])
            .graphql(setup.mutation, json!({ "input": input }))
            .await;
    }
    ctx.candidates = candidates(app, case).await;
    let mut picked: BTreeMap<&'static str, Value> = BTreeMap::new();
    for target in &ctx.candidates {
        if let Some(outcome) = expected(app, caller, case, target).await
            && !picked.contains_key(outcome)
        {
            picked.insert(outcome, target.clone());
        }
    }
    let mut outcomes = Vec::new();
    let ok = picked.remove(case.granted);
    for target in picked.values().chain(ok.iter()) {
        outcomes.push(attempt(app, caller, case, target, ctx).await);
    }
    outcomes
}

async fn every_role_against_every_mutation(engine: Engine) {
    let mut seen: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for caller in CALLERS {
        let app = spawn_app(engine).await;
        let clusters = app
            .data("{ clusters { nodes { id code } } }", json!({}))
            .await;
        let mut ctx = Ctx {
            clusters: clusters["clusters"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["code"].as_str().unwrap().to_owned(), c["id"].clone()))
                .collect(),
            candidates: Vec::new(),
        };
        for case in CASES {
            let outcomes = try_case(&app, caller, case, &mut ctx).await;
            seen.entry(case.name).or_default().extend(outcomes);
        }
    }
    for case in CASES {
        let outcomes = &seen[case.name];
        for must in [case.granted, "FORBIDDEN", "UNAUTHENTICATED"] {
            assert!(
                outcomes.iter().any(|o| o == must),
                "{}: no caller got {must} ({outcomes:?})",
                case.name
            );
        }
    }
}

#[test]
fn the_suite_covers_every_mutation_of_the_schema() {
    let sdl = wijkgraph::graphql::sdl();
    let mutation = sdl
        .split("type Mutation {")
        .nth(1)
        .and_then(|rest| rest.split("\n}").next())
        .unwrap();
    let mut served: Vec<&str> = mutation
        .lines()
        .filter_map(|line| line.trim().split_once('(').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && !name.contains(' '))
        .collect();
    served.sort_unstable();
    let mut covered: Vec<&str> = CASES.iter().map(|case| case.name).collect();
    covered.sort_unstable();
    covered.dedup();
    assert_eq!(covered, served);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_the_matrix_outcome_of_every_mutation_on_sqlite() {
    every_role_against_every_mutation(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_the_matrix_outcome_of_every_mutation_on_postgres() {
    every_role_against_every_mutation(Engine::Postgres).await;
}

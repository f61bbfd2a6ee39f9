//! The cases, one per mutation of the schema: a data table.

use serde_json::{Value, json};

use super::case::*;
use wijkgraph::access::Role;
use wijkgraph::access::matrix::{EntityKind as E, Operation as Op};

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
pub(super) const CASES: &[Case] = &[
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

//! The uniqueness rules the database holds with unique indexes, and the input field a
//! violation is about. The workflows check these rules first and answer in the caller's
//! terms; the index holds them when two requests race past the check at once, and its
//! refusal is answered the same way (`BAD_USER_INPUT` naming the field), never `INTERNAL`.

/// One unique index.
struct Rule {
    /// Its name, as PostgreSQL reports it.
    index: &'static str,
    /// Its columns, as SQLite reports them (`UNIQUE constraint failed: <columns>`).
    columns: &'static str,
    /// The input field the value comes from.
    field: &'static str,
    /// What is taken.
    message: &'static str,
}

/// Name of the index holding "one action plan per neighbourhood per year".
pub const ACTION_PLAN_PER_YEAR: &str = "uq-plan-action_plan_per_year";

const RULES: &[Rule] = &[
    Rule {
        index: ACTION_PLAN_PER_YEAR,
        columns: "plan.neighbourhood_id, plan.year_from",
        field: "year",
        message: "the neighbourhood already has an action plan for this year",
    },
    Rule {
        index: "uq-plan-issue_list_per_year",
        columns: "plan.neighbourhood_id, plan.year_from, plan.kind",
        field: "year",
        message: "the neighbourhood's issue list for this year was just started; repeat the request",
    },
    Rule {
        index: "uq-escalation-open_per_commitment",
        columns: "escalation.commitment_id",
        field: "subject",
        message: "an escalation about this commitment is open; move or resolve that one",
    },
    Rule {
        index: "uq-escalation-open_dispute_per_action",
        columns: "escalation.action_id, escalation.cluster_id",
        field: "item",
        message: "the cluster's dispute of this action is open; move or resolve that one",
    },
    Rule {
        index: "uq-escalation-open_dispute_per_priority",
        columns: "escalation.priority_id, escalation.cluster_id",
        field: "item",
        message: "the cluster's dispute of this priority is open; move or resolve that one",
    },
    Rule {
        index: "idx-priority-rank",
        columns: "priority.plan_id, priority.rank",
        field: "rank",
        message: "this rank is taken in the plan",
    },
    Rule {
        index: "idx-pnc_document-phase",
        columns: "pnc_document.year, pnc_document.phase",
        field: "phase",
        message: "a document for this year and phase exists",
    },
    Rule {
        index: "idx-budget_line_amount-phase",
        columns: "budget_line_amount.budget_line_id, budget_line_amount.phase",
        field: "phase",
        message: "the line already has an amount for this phase",
    },
    Rule {
        index: "idx-idempotency_key-key",
        columns: "idempotency_key.subject, idempotency_key.key",
        field: "idempotency_key",
        message: "a request with this key was just made; repeat it to get its result",
    },
    Rule {
        index: "person_subject_key",
        columns: "person.subject",
        field: "person_subject",
        message: "a person with this subject exists",
    },
];

/// The field and message for the unique index a database error names: PostgreSQL gives
/// the index's name, SQLite its columns.
pub fn field_of(reported: &str) -> Option<(&'static str, &'static str)> {
    RULES
        .iter()
        .find(|rule| reported == rule.index || reported.ends_with(rule.columns))
        .map(|rule| (rule.field, rule.message))
}

/// Each rule's index name (PostgreSQL) and columns (as SQLite reports them), for the
/// suite's check that every rule matches an index the migrations create.
pub fn rules() -> impl Iterator<Item = (&'static str, &'static str)> {
    RULES.iter().map(|rule| (rule.index, rule.columns))
}

//! Unit tests of `domain::commitment`.

use super::*;
use CommitmentStatus::*;

const STEPS: [Step; 4] = [
    Step::Answer,
    Step::Deliver,
    Step::WithdrawByCluster,
    Step::WithdrawByRequester,
];

fn steps_from(status: CommitmentStatus) -> Vec<Step> {
    STEPS
        .into_iter()
        .filter(|step| step.from().contains(&status))
        .collect()
}

#[test]
fn a_request_is_answered_or_withdrawn_by_either_side() {
    assert_eq!(
        steps_from(Requested),
        [
            Step::Answer,
            Step::WithdrawByCluster,
            Step::WithdrawByRequester
        ]
    );
}

#[test]
fn an_acceptance_is_delivered_or_withdrawn_by_the_cluster_only() {
    for accepted in [Accepted, AcceptedWithReservation] {
        assert_eq!(
            steps_from(accepted),
            [Step::Deliver, Step::WithdrawByCluster],
            "{accepted:?}"
        );
    }
}

#[test]
fn rejected_delivered_and_withdrawn_commitments_take_no_step() {
    for done in [Rejected, Delivered, Withdrawn] {
        assert!(steps_from(done).is_empty(), "{done:?}");
    }
}

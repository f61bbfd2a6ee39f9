//! Unit tests of `graphql::inflight`.

use super::*;

#[tokio::test]
async fn a_request_holds_what_it_counted_and_what_its_fields_add_until_its_last_clone_is_dropped() {
    let inflight = Inflight::new(100);
    let spending = Spending::new(50, 10, Some(inflight.clone()));
    assert_eq!(spending.left(), 40);
    spending.hold(10).await;
    let in_the_scope = spending.clone();
    in_the_scope.hold(30).await;
    assert_eq!(inflight.available(), 60);
    drop(in_the_scope);
    assert_eq!(
        inflight.available(),
        60,
        "the answer still holds its objects"
    );
    drop(spending);
    assert_eq!(inflight.available(), 100);
}

#[tokio::test]
async fn without_an_in_flight_budget_nothing_is_held_and_nothing_is_limited() {
    let spending = Spending::unlimited();
    spending.hold(1_000_000).await;
    assert_eq!(spending.left(), u64::MAX);
    assert_eq!(spending.counted(), 0);
}

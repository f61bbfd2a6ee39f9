//! Unit tests of `graphql::batch`.

use super::*;

#[test]
fn a_load_queued_after_a_panic_poisoned_the_queue_is_still_run() {
    let batches = BatchQueue::default();
    let queued = batches.queued.clone();
    let _ = std::thread::spawn(move || {
        let _held = queued.lock();
        panic!("poisons the queue's lock");
    })
    .join();
    assert!(batches.queued.is_poisoned());
    batches.spawn(Box::pin(async {}));
    assert_eq!(batches.take().len(), 1, "the load was kept, not dropped");
}

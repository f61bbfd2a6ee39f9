//! Deterministic batching: the request's loader does not hand its batch loads to the
//! runtime (where a timer decides which keys make a batch) but to a queue that the request
//! itself drives, after the query has run as far as it can. By then every resolver of a
//! relation level has registered its key, so each level is one batch — one SQL statement —
//! whatever the page size or the machine's speed.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use futures_util::future::BoxFuture;
use futures_util::stream::{FuturesUnordered, StreamExt};

/// The queue of a request's batch loads.
#[derive(Clone, Default)]
pub struct BatchQueue {
    queued: Arc<Mutex<Vec<BoxFuture<'static, ()>>>>,
}

impl BatchQueue {
    /// Queues a batch load; the DataLoader's spawner. A lock poisoned by a panic elsewhere
    /// still holds a valid list: the load is queued all the same, so no request waits for
    /// a batch that was dropped.
    pub fn spawn(&self, task: BoxFuture<'static, ()>) {
        self.queued
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(task);
    }

    fn take(&self) -> Vec<BoxFuture<'static, ()>> {
        std::mem::take(
            &mut *self
                .queued
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Runs `work` to completion, driving the queued batch loads only when `work` cannot
    /// make progress without them.
    ///
    /// When the work wakes itself while being polled (a cooperative yield: tokio's task
    /// budget ran out, or a future yielded on purpose) it is not yet stuck, so this task
    /// yields to the runtime, which polls it again with a fresh budget; only a poll that
    /// leaves the work waiting on nothing but its batches starts them. So every key of a
    /// relation level is registered before its batch runs, however many parents it has.
    pub async fn drive<F: Future>(&self, work: F) -> F::Output {
        let mut work = pin!(work);
        let mut running = FuturesUnordered::new();
        poll_fn(|cx| {
            loop {
                let watcher = Arc::new(WakeWatcher {
                    woken: AtomicBool::new(false),
                    inner: cx.waker().clone(),
                });
                let waker = Waker::from(watcher.clone());
                if let Poll::Ready(output) = work.as_mut().poll(&mut Context::from_waker(&waker)) {
                    return Poll::Ready(output);
                }
                if watcher.woken.load(Ordering::Acquire) {
                    // Already rescheduled by the work's own wake.
                    return Poll::Pending;
                }
                running.extend(self.take());
                match running.poll_next_unpin(cx) {
                    // A batch finished: its waiters are woken; poll the work again.
                    Poll::Ready(Some(())) => continue,
                    Poll::Ready(None) | Poll::Pending => return Poll::Pending,
                }
            }
        })
        .await
    }
}

/// Notes whether the work woke itself while being polled, and passes the wake on.
struct WakeWatcher {
    woken: AtomicBool,
    inner: Waker,
}

impl Wake for WakeWatcher {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.inner.wake_by_ref();
    }
}

#[cfg(test)]
mod tests;

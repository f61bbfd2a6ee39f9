//! The in-flight budget: how many objects the requests being answered at once may return,
//! and each request's hold on it.

use std::sync::{Arc, Mutex};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The objects the requests being answered at once may return together. A request holds its
/// cost (at most the whole budget) while it runs, and waits, first come first served,
/// while the budget is spent: memory for answers stays bounded under any load the cost
/// limit admits.
#[derive(Clone)]
pub struct Inflight {
    budget: Arc<Semaphore>,
    size: u32,
}

impl Inflight {
    /// A budget of `size` objects.
    pub fn new(size: u64) -> Self {
        let size = u32::try_from(size)
            .unwrap_or(u32::MAX)
            .clamp(1, u32::try_from(Semaphore::MAX_PERMITS).unwrap_or(u32::MAX));
        Self {
            budget: Arc::new(Semaphore::new(size as usize)),
            size,
        }
    }

    /// The objects not held by any request now.
    pub fn available(&self) -> usize {
        self.budget.available_permits()
    }

    /// Waits until a query of `cost` objects fits, and holds its share until dropped.
    pub async fn admit(&self, cost: u64) -> Option<OwnedSemaphorePermit> {
        let share = u32::try_from(cost).unwrap_or(u32::MAX).clamp(1, self.size);
        self.budget.clone().acquire_many_owned(share).await.ok()
    }
}

/// One request's spending: the objects its query may return by its arguments (counted
/// before it runs, [`crate::graphql::cost`]), what it may still return under the cost
/// limit, and its shares of the in-flight budget. A field whose size only the data tells
/// (a summary's groups) asks for its objects here once it knows them; the shares end
/// when the last clone is dropped, after the answer is written.
#[derive(Clone)]
pub struct Spending {
    limit: u64,
    counted: u64,
    inflight: Option<Inflight>,
    held: Arc<Mutex<Vec<OwnedSemaphorePermit>>>,
}

impl Spending {
    /// A request whose query counts `counted` objects against `limit`, holding its objects
    /// in `inflight` (`None`: nothing to hold, as for a subscription's events).
    pub fn new(limit: u64, counted: u64, inflight: Option<Inflight>) -> Self {
        Self {
            limit,
            counted,
            inflight,
            held: Arc::default(),
        }
    }

    /// No limit and no in-flight budget.
    pub fn unlimited() -> Self {
        Self::new(u64::MAX, 0, None)
    }

    /// The cost limit.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// The objects the query counted before it ran.
    pub fn counted(&self) -> u64 {
        self.counted
    }

    /// The objects the request may still return beyond what it counted.
    pub fn left(&self) -> u64 {
        self.limit.saturating_sub(self.counted)
    }

    /// Waits until `objects` more fit in the in-flight budget and holds them with the rest.
    pub async fn hold(&self, objects: u64) {
        let Some(inflight) = &self.inflight else {
            return;
        };
        if let Some(share) = inflight.admit(objects).await {
            // A panic while pushing cannot leave the list half-changed: keep using it.
            self.held
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(share);
        }
    }
}

#[cfg(test)]
mod tests;

//! The in-flight budget: how many objects the requests being answered at once may return.

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The objects the requests being answered at once may return together. A request holds its
/// cost (at most the whole budget) while it runs, and waits, first come first served,
/// while the budget is spent: memory for answers stays bounded under any load the cost
/// limit admits.
#[derive(Clone)]
pub struct Inflight {
    budget: std::sync::Arc<Semaphore>,
    size: u32,
}

impl Inflight {
    /// A budget of `size` objects.
    pub fn new(size: u64) -> Self {
        let size = u32::try_from(size)
            .unwrap_or(u32::MAX)
            .clamp(1, u32::try_from(Semaphore::MAX_PERMITS).unwrap_or(u32::MAX));
        Self {
            budget: std::sync::Arc::new(Semaphore::new(size as usize)),
            size,
        }
    }

    /// Waits until a query of `cost` objects fits, and holds its share until dropped.
    pub async fn admit(&self, cost: u64) -> Option<OwnedSemaphorePermit> {
        let share = u32::try_from(cost).unwrap_or(u32::MAX).clamp(1, self.size);
        self.budget.clone().acquire_many_owned(share).await.ok()
    }
}

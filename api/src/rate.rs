//! Per-caller rate limiting with the `governor` crate (GCRA, a keyed store, no background
//! thread of its own): a signed-in caller is limited by token subject, the public by
//! address. Off unless `WIJKGRAPH_RATE_LIMIT_PER_MINUTE` is set: behind a load balancer
//! every public caller may share one address.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::config::RateLimit;

/// How often callers that are back to a full allowance are forgotten.
const FORGET_EVERY: Duration = Duration::from_secs(60);

/// The limiter, shared by all requests.
#[derive(Clone)]
pub struct RateLimiter {
    limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl RateLimiter {
    /// A limiter for `limit`; it forgets idle callers once a minute while the runtime runs.
    pub fn new(limit: RateLimit) -> Self {
        let per_minute = NonZeroU32::new(limit.per_minute).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new(limit.burst).unwrap_or(NonZeroU32::MIN);
        let limiter = Arc::new(DefaultKeyedRateLimiter::dashmap(
            Quota::per_minute(per_minute).allow_burst(burst),
        ));
        let weak = Arc::downgrade(&limiter);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(FORGET_EVERY);
            loop {
                every.tick().await;
                let Some(limiter) = weak.upgrade() else { break };
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        });
        Self { limiter }
    }

    /// `Ok` when `caller` may make a request now; otherwise how long until they may.
    pub fn check(&self, caller: &str) -> Result<(), Duration> {
        self.limiter
            .check_key(&caller.to_owned())
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}

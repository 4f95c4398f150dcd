//! Time as a dependency: the real clock in production, a settable one in tests (session
//! timeouts, token expiry, rate-limit windows).

use std::sync::atomic::{AtomicI64, Ordering};

/// A source of the current time in UTC seconds.
pub trait Clock: Send + Sync {
    /// Now.
    fn now(&self) -> i64;
}

/// The system clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        chrono::Utc::now().timestamp()
    }
}

/// A clock that stands still until moved.
pub struct TestClock(AtomicI64);

impl TestClock {
    /// A clock at `t`.
    pub fn at(t: i64) -> TestClock {
        TestClock(AtomicI64::new(t))
    }

    /// Moves the clock forward.
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

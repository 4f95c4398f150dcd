//! Sliding-window rate limits kept in memory (per process): login attempts per client address,
//! failed logins per account, registrations and reset requests per address (SEC-11). A limit
//! is soft: it lifts by itself when the window has passed, so an attacker cannot lock a
//! person out for good.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// At most `limit` events per `window_s` seconds per key.
pub struct RateLimiter {
    limit: usize,
    window_s: i64,
    events: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl RateLimiter {
    /// A limiter allowing `limit` events per `window_s` seconds.
    pub fn new(limit: usize, window_s: i64) -> RateLimiter {
        RateLimiter {
            limit,
            window_s,
            events: Mutex::new(HashMap::new()),
        }
    }

    fn with<T>(&self, key: &str, now: i64, f: impl FnOnce(&mut VecDeque<i64>) -> T) -> T {
        let mut map = self.events.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            // Bound memory under a flood of distinct keys: drop keys whose window has passed.
            let window = self.window_s;
            map.retain(|_, q| q.back().is_some_and(|t| now - t < window));
        }
        let q = map.entry(key.to_owned()).or_default();
        while q.front().is_some_and(|t| now - t >= self.window_s) {
            q.pop_front();
        }
        f(q)
    }

    /// Records an event if the key is under its limit; returns false (and records nothing)
    /// when the limit is reached.
    pub fn try_acquire(&self, key: &str, now: i64) -> bool {
        let limit = self.limit;
        self.with(key, now, |q| {
            if q.len() >= limit {
                false
            } else {
                q.push_back(now);
                true
            }
        })
    }

    /// Whether the key has reached its limit, without recording anything.
    pub fn is_limited(&self, key: &str, now: i64) -> bool {
        let limit = self.limit;
        self.with(key, now, |q| q.len() >= limit)
    }

    /// Records an event regardless of the limit (a failed login).
    pub fn record(&self, key: &str, now: i64) {
        self.with(key, now, |q| q.push_back(now));
    }

    /// Seconds until the key is under its limit again.
    pub fn retry_after(&self, key: &str, now: i64) -> i64 {
        let window = self.window_s;
        self.with(key, now, |q| {
            q.front().map_or(0, |t| (t + window - now).max(1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eleventh_attempt_in_a_minute_is_refused_and_the_limit_lifts() {
        let l = RateLimiter::new(10, 60);
        for i in 0..10 {
            assert!(l.try_acquire("1.2.3.4", 1000 + i), "attempt {i}");
        }
        assert!(!l.try_acquire("1.2.3.4", 1030));
        assert!(
            l.try_acquire("5.6.7.8", 1030),
            "other addresses are not affected"
        );
        assert_eq!(l.retry_after("1.2.3.4", 1030), 30);
        assert!(l.try_acquire("1.2.3.4", 1060), "window passed");
    }

    #[test]
    fn recorded_failures_count_towards_the_limit() {
        let l = RateLimiter::new(3, 3600);
        for _ in 0..3 {
            l.record("a@example.dk", 10);
        }
        assert!(l.is_limited("a@example.dk", 20));
        assert!(!l.is_limited("a@example.dk", 3610));
    }
}

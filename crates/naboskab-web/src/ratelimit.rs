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

/// Where a sign-in attempt comes from, as far as the account is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device<'a> {
    /// A browser holding a device cookie (its SHA-256 here) with which this account signed in
    /// successfully before (for a two-step code: passed two-step sign-in before).
    Known(&'a str),
    /// Any other browser or script.
    Unknown,
}

/// Failed sign-ins, throttled so that nobody can lock the real user out (OWASP's device
/// cookies). The numbers:
///
/// - a device the account knows: 10 failures an hour for that account on that device, then
///   429 on that device only; the account's other limits do not apply to it;
/// - any other device: 10 failures in 15 minutes per account and client address, then 429
///   from that address; and 100 failures an hour per account from all such devices together,
///   then 429 for every device the account does not know.
///
/// (Before any of this, `AppState::login_per_ip` allows 10 attempts a minute per address.)
/// Limits are soft: each lifts when its window has passed. The same throttle guards the
/// password, the two-step code and the current password on "change password", each under
/// the account key its caller gives.
pub struct SignInThrottle {
    per_known_device: RateLimiter,
    per_account_address: RateLimiter,
    per_account: RateLimiter,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle {
            per_known_device: RateLimiter::new(10, 3600),
            per_account_address: RateLimiter::new(10, 900),
            per_account: RateLimiter::new(100, 3600),
        }
    }
}

impl SignInThrottle {
    /// The limiters that apply to an attempt, each with its key.
    fn limits(
        &self,
        account: &str,
        address: &str,
        device: Device<'_>,
    ) -> Vec<(&RateLimiter, String)> {
        match device {
            Device::Known(hash) => vec![(&self.per_known_device, format!("{account}\n{hash}"))],
            Device::Unknown => vec![
                (&self.per_account_address, format!("{account}\n{address}")),
                (&self.per_account, account.to_owned()),
            ],
        }
    }

    /// `Err(seconds to wait)` when an attempt for `account` from `address` on `device` is
    /// refused without being checked.
    pub fn check(
        &self,
        account: &str,
        address: &str,
        device: Device<'_>,
        now: i64,
    ) -> Result<(), i64> {
        match self
            .limits(account, address, device)
            .into_iter()
            .find(|(l, key)| l.is_limited(key, now))
        {
            Some((l, key)) => Err(l.retry_after(&key, now)),
            None => Ok(()),
        }
    }

    /// Counts a failed attempt.
    pub fn failed(&self, account: &str, address: &str, device: Device<'_>, now: i64) {
        for (l, key) in self.limits(account, address, device) {
            l.record(&key, now);
        }
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

    #[test]
    fn an_attacker_cannot_lock_the_owner_out_of_a_known_device() {
        let t = SignInThrottle::default();
        let owner = Device::Known("device-hash");
        // 100 failures from ten addresses, none of them the owner's device.
        for i in 0..100 {
            t.failed(
                "a@example.dk",
                &format!("10.0.0.{}", i % 10),
                Device::Unknown,
                1000 + i,
            );
        }
        assert!(
            t.check("a@example.dk", "192.0.2.1", Device::Unknown, 1200)
                .is_err(),
            "unknown devices wait"
        );
        assert!(
            t.check("a@example.dk", "192.0.2.1", owner, 1200).is_ok(),
            "the owner's device does not"
        );
        assert!(
            t.check("b@example.dk", "10.0.0.1", Device::Unknown, 1200)
                .is_ok(),
            "other accounts neither"
        );
        // Ten failures from one address lock that address for the account (15 minutes).
        for i in 0..10 {
            t.failed("c@example.dk", "198.51.100.7", Device::Unknown, 2000 + i);
        }
        assert_eq!(
            t.check("c@example.dk", "198.51.100.7", Device::Unknown, 2010),
            Err(890)
        );
        assert!(
            t.check("c@example.dk", "198.51.100.8", Device::Unknown, 2010)
                .is_ok()
        );
        assert!(
            t.check("c@example.dk", "198.51.100.7", Device::Unknown, 2900)
                .is_ok()
        );
        // A known device has its own budget of ten an hour.
        for i in 0..10 {
            t.failed("d@example.dk", "203.0.113.1", Device::Known("x"), 3000 + i);
        }
        assert!(
            t.check("d@example.dk", "203.0.113.1", Device::Known("x"), 3010)
                .is_err()
        );
        assert!(
            t.check("d@example.dk", "203.0.113.1", Device::Known("y"), 3010)
                .is_ok()
        );
    }
}

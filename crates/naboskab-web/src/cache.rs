//! A small cache of computed views (the calendar pages) that lives at most a second and is
//! dropped as soon as this process commits any write, so what people see is at most a second
//! behind changes made by another process and never behind their own.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Entry<V> {
    commits: u64,
    at: Instant,
    value: Arc<V>,
}

/// Views by key, valid for the database's commit count they were computed at.
pub struct ShortCache<V> {
    entries: Mutex<HashMap<String, Entry<V>>>,
    ttl: Duration,
    capacity: usize,
}

impl<V> ShortCache<V> {
    /// A cache of at most `capacity` views, each kept at most `ttl`.
    pub fn new(ttl: Duration, capacity: usize) -> ShortCache<V> {
        ShortCache {
            entries: Mutex::new(HashMap::new()),
            ttl,
            capacity,
        }
    }

    /// The view for `key` if it was computed at `commits` and is fresh.
    pub fn get(&self, key: &str, commits: u64) -> Option<Arc<V>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|e| e.commits == commits && e.at.elapsed() < self.ttl)
            .map(|e| e.value.clone())
    }

    /// Stores a view computed at `commits`; a full cache is emptied first.
    pub fn put(&self, key: String, commits: u64, value: Arc<V>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= self.capacity {
                entries.clear();
            }
            entries.insert(
                key,
                Entry {
                    commits,
                    at: Instant::now(),
                    value,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_or_time_makes_a_view_stale() {
        let c = ShortCache::new(Duration::from_millis(50), 2);
        c.put("a".into(), 1, Arc::new(10));
        assert_eq!(c.get("a", 1).as_deref(), Some(&10));
        assert!(c.get("a", 2).is_none(), "a commit since");
        std::thread::sleep(Duration::from_millis(60));
        assert!(c.get("a", 1).is_none(), "too old");
        c.put("a".into(), 1, Arc::new(1));
        c.put("b".into(), 1, Arc::new(2));
        c.put("c".into(), 1, Arc::new(3));
        assert!(c.get("a", 1).is_none(), "bounded");
        assert_eq!(c.get("c", 1).as_deref(), Some(&3));
    }
}

//! Prometheus metrics through the `metrics` facade and `metrics-exporter-prometheus`: request
//! counts by method, route and status class, a latency histogram, and gauges set at scrape
//! time. Each [`Metrics`] owns its recorder (nothing is installed globally, so several servers
//! and tests live in one process); `/metrics` renders it.

use metrics::{Unit, counter, describe_counter, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};

const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];
const REQUESTS: &str = "naboskab_http_requests_total";
const DURATION: &str = "naboskab_http_request_duration_seconds";

/// How many requests may be recorded between two drains of the histogram's samples.
const UPKEEP_EVERY: u64 = 4096;

/// The metrics of one server.
pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    /// Requests recorded; every [`UPKEEP_EVERY`] the histogram's raw samples are folded into
    /// its buckets, so memory stays flat on a server that is never scraped.
    observed: std::sync::atomic::AtomicU64,
}

impl Default for Metrics {
    fn default() -> Self {
        let builder = PrometheusBuilder::new();
        // Fixed buckets make the duration a histogram rather than a summary; the bucket list
        // is a constant, so this cannot fail.
        let builder = builder
            .set_buckets_for_metric(Matcher::Full(DURATION.to_owned()), &BUCKETS)
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        metrics::with_local_recorder(&recorder, || {
            describe_counter!(REQUESTS, "HTTP requests by method, route and status class.");
            describe_histogram!(DURATION, Unit::Seconds, "Time to answer a request.");
        });
        Metrics {
            recorder,
            handle,
            observed: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

fn class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

impl Metrics {
    /// Records one request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        metrics::with_local_recorder(&self.recorder, || {
            counter!(
                REQUESTS,
                "method" => method.to_owned(),
                "route" => route.to_owned(),
                "status" => class(status)
            )
            .increment(1);
            histogram!(DURATION).record(seconds);
        });
        let n = self
            .observed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if n % UPKEEP_EVERY == UPKEEP_EVERY - 1 {
            self.handle.run_upkeep();
        }
    }

    /// The Prometheus text exposition, with `gauges` (name, help, value) set first.
    pub fn render(&self, gauges: &[(&'static str, &'static str, i64)]) -> String {
        metrics::with_local_recorder(&self.recorder, || {
            for (name, help, value) in gauges {
                metrics::describe_gauge!(*name, *help);
                gauge!(*name).set(*value as f64);
            }
        });
        self.handle.render()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_durations_and_gauges_are_exposed() {
        let m = Metrics::default();
        m.observe("GET", "/offers", 200, 0.003);
        m.observe("GET", "/offers", 200, 0.3);
        m.observe("POST", "/login", 429, 0.01);
        let text = m.render(&[("naboskab_outbox_pending", "Messages waiting.", 7)]);
        assert!(
            text.contains(
                r#"naboskab_http_requests_total{method="GET",route="/offers",status="2xx"} 2"#
            ),
            "{text}"
        );
        assert!(text.contains(r#"status="4xx"} 1"#), "{text}");
        assert!(
            text.contains(r#"naboskab_http_request_duration_seconds_bucket{le="0.005"} 1"#),
            "{text}"
        );
        assert!(text.contains("naboskab_http_request_duration_seconds_count 3"));
        assert!(text.contains("# TYPE naboskab_outbox_pending gauge"));
        assert!(text.contains("naboskab_outbox_pending 7"));
        // Folding samples away between scrapes loses nothing.
        for _ in 0..2 * UPKEEP_EVERY {
            m.observe("GET", "/offers", 200, 0.003);
        }
        let text = m.render(&[]);
        assert!(
            text.contains(&format!(
                "naboskab_http_request_duration_seconds_count {}",
                3 + 2 * UPKEEP_EVERY
            )),
            "{text}"
        );
        let other = Metrics::default();
        assert!(
            !other.render(&[]).contains("/offers"),
            "each server keeps its own numbers"
        );
    }
}

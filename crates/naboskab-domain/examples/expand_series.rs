//! Benchmark: expands 10,000 weekly series (every weekday, times through the day, some
//! fortnightly, some with excluded dates) over twelve months in Copenhagen time and prints how
//! long it took, best of five runs. Run by `bench/join.sh`:
//! `cargo run --release -p naboskab-domain --example expand_series`.

use chrono::{DateTime, Duration, Utc};
use naboskab_domain::schedule::{Series, format_local, parse_local};
use std::time::Instant;

fn main() {
    let start = parse_local("2027-01-04T08:00").unwrap_or_default();
    let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    let series: Vec<Series> = (0..10_000)
        .filter_map(|i| {
            let first = start + Duration::days(i % 7) + Duration::minutes(15 * (i % 48));
            let rule = if i % 5 == 0 {
                format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={}", days[(i % 7) as usize])
            } else {
                format!("FREQ=WEEKLY;BYDAY={}", days[(i % 7) as usize])
            };
            let exdate = format_local(first + Duration::weeks(3));
            let ex: Vec<&str> = if i % 3 == 0 {
                vec![exdate.as_str()]
            } else {
                vec![]
            };
            Series::new(&format_local(first), 90, Some(&rule), &ex).ok()
        })
        .collect();
    let from: DateTime<Utc> = DateTime::parse_from_rfc3339("2027-01-01T00:00:00+01:00")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let to = from + Duration::days(365);
    let mut best = f64::MAX;
    let mut total = 0;
    for _ in 0..5 {
        let t = Instant::now();
        total = series
            .iter()
            .map(|s| s.expand(from, to).len())
            .sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "expanded {} series into {total} occurrences over 12 months: best of 5 runs {best:.0} ms",
        series.len()
    );
}

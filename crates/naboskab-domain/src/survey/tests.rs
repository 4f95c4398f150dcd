//! The survey's scales and statistics against their definitions and known values.

use super::*;
use rand::{Rng, SeedableRng};

#[test]
fn the_tils_score_is_the_sum_of_three_complete_items_and_seven_is_severe() {
    let mut severe = 0;
    for a in 1..=3 {
        for b in 1..=3 {
            for c in 1..=3 {
                let score = tils_score([Some(a), Some(b), Some(c)]).expect("complete");
                assert_eq!(score, a + b + c);
                assert!((3..=9).contains(&score));
                if is_severe(score) {
                    severe += 1;
                }
            }
        }
    }
    // Of the 27 answer patterns, the 7s (6), 8s (3) and the 9 (1) are severe.
    assert_eq!(severe, 10);
    assert_eq!(
        tils_score([Some(3), None, Some(3)]),
        Err(ScaleProblem::Missing)
    );
    assert_eq!(
        tils_score([Some(0), Some(2), Some(2)]),
        Err(ScaleProblem::OutOfRange)
    );
    assert_eq!(
        tils_score([Some(4), Some(2), Some(2)]),
        Err(ScaleProblem::OutOfRange)
    );
}

#[test]
fn who5_is_four_times_the_raw_sum_and_fifty_or_less_is_poor() {
    assert_eq!(who5_percent([Some(5); 5]), Ok(100));
    assert_eq!(who5_percent([Some(0); 5]), Ok(0));
    let poor = who5_percent([Some(3), Some(2), Some(3), Some(2), Some(2)]).expect("complete");
    assert_eq!(poor, 48);
    assert!(poor <= WHO5_POOR_AT_MOST);
    assert_eq!(
        who5_percent([Some(5), Some(5), None, Some(5), Some(5)]),
        Err(ScaleProblem::Missing)
    );
    assert_eq!(who5_percent([Some(6); 5]), Err(ScaleProblem::OutOfRange));
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 5e-5
}

#[test]
fn the_wilson_interval_matches_known_values_and_stays_in_bounds() {
    // Known values (Newcombe 1998, table I; and the closed form).
    let (p, low, high) = wilson(5, 10).expect("interval");
    assert!(
        close(p, 0.5) && close(low, 0.2366) && close(high, 0.7634),
        "{low} {high}"
    );
    let (p, low, high) = wilson(0, 10).expect("interval");
    assert!(
        close(p, 0.0) && close(low, 0.0) && close(high, 0.2775),
        "{high}"
    );
    let (_, low, high) = wilson(81, 263).expect("interval");
    assert!(close(low, 0.2553) && close(high, 0.3662), "{low} {high}");
    assert_eq!(wilson(0, 0), None);
    assert_eq!(wilson(3, 2), None);

    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for _ in 0..2_000 {
        let n: u64 = rng.random_range(1..2_000);
        let k: u64 = rng.random_range(0..=n);
        let (p, low, high) = wilson(k, n).expect("interval");
        assert!(
            0.0 <= low && low <= p && p <= high && high <= 1.0,
            "{k}/{n}"
        );
        // Four times the sample, the same share: a narrower interval.
        let (_, low4, high4) = wilson(4 * k, 4 * n).expect("interval");
        assert!(high4 - low4 < high - low, "{k}/{n}");
    }
}

#[test]
fn a_report_needs_five_respondents() {
    assert_eq!(check_reportable(4), Err(ReportProblem::TooFewRespondents));
    assert_eq!(check_reportable(0), Err(ReportProblem::TooFewRespondents));
    assert_eq!(check_reportable(5), Ok(()));
}

#[test]
fn a_small_cell_is_hidden_with_a_complement_so_the_total_does_not_reveal_it() {
    assert_eq!(
        suppress_table(&[vec![12, 3, 20]]),
        [vec![None, None, Some(20)]],
        "3 hidden, and the smallest other (12) with it"
    );
    assert_eq!(
        suppress_table(&[vec![2, 2, 30]]),
        [vec![None, None, Some(30)]],
        "two hidden already protect each other"
    );
    assert_eq!(
        suppress_table(&[vec![0, 8, 9]]),
        [vec![Some(0), Some(8), Some(9)]],
        "nothing small: everything shown"
    );
    // Rows and columns: hiding the 1 hides the 6 in its row, which then needs a partner in
    // its column, and so on until every line is safe.
    let table = vec![vec![1, 6, 9], vec![7, 8, 10], vec![11, 12, 13]];
    let shown = suppress_table(&table);
    assert_eq!(shown[0][0], None);
    assert_eq!(shown[0][1], None);
    assert_lines_are_safe(&table, &shown);
}

/// Every count from 1 to 4 hidden, shown cells as counted, and every row and column (of a
/// table with more than one) hides none or at least two cells.
fn assert_lines_are_safe(table: &[Vec<u64>], shown: &[Vec<Option<u64>>]) {
    for (r, row) in table.iter().enumerate() {
        for (c, &count) in row.iter().enumerate() {
            if count > 0 && count < MIN_CELL {
                assert_eq!(shown[r][c], None, "{table:?}");
            }
            if let Some(v) = shown[r][c] {
                assert_eq!(v, count, "shown cells are the counts");
            }
        }
        let hidden = shown[r].iter().filter(|c| c.is_none()).count();
        assert!(hidden != 1, "row {r} of {table:?}: {shown:?}");
    }
    for c in (0..table[0].len()).filter(|_| table.len() > 1) {
        let hidden = shown.iter().filter(|row| row[c].is_none()).count();
        assert!(hidden != 1, "column {c} of {table:?}: {shown:?}");
    }
}

#[test]
fn no_random_table_leaves_a_line_with_one_hidden_cell() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(16);
    for _ in 0..1_000 {
        let rows = rng.random_range(1..6);
        let cols = rng.random_range(2..6);
        let table: Vec<Vec<u64>> = (0..rows)
            .map(|_| (0..cols).map(|_| rng.random_range(0..15)).collect())
            .collect();
        let shown = suppress_table(&table);
        assert_lines_are_safe(&table, &shown);
    }
}

#[test]
fn hidden_departments_hold_five_or_more_together() {
    // One department of 3 beside one of 10: hiding the 3 alone would let the total give it
    // away, so the smallest other (here the only other) is hidden with it.
    assert_eq!(hidden_groups(&[10, 3]), vec![true, true]);
    // 3 and 2 hidden together make 5: enough; the rest is shown.
    assert_eq!(
        hidden_groups(&[12, 3, 2, 0]),
        vec![false, true, true, false]
    );
    // 2 alone: the smallest shown one with people (6, not the empty one) joins it.
    assert_eq!(hidden_groups(&[9, 6, 0, 2]), vec![false, true, false, true]);
    // Nothing small: nothing hidden.
    assert_eq!(hidden_groups(&[5, 7]), vec![false, false]);
    assert_eq!(hidden_groups(&[]), Vec::<bool>::new());
}

#[test]
fn no_random_partition_leaves_fewer_than_five_hidden_together() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(18);
    for _ in 0..2_000 {
        let groups = rng.random_range(1..7);
        let counts: Vec<u64> = (0..groups).map(|_| rng.random_range(0..12)).collect();
        let hidden = hidden_groups(&counts);
        let total: u64 = counts.iter().sum();
        let together: u64 = counts
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|(c, _)| c)
            .sum();
        assert!(
            together == 0 || together >= MIN_CELL || total < MIN_CELL,
            "{counts:?} → {hidden:?}"
        );
        for (c, h) in counts.iter().zip(&hidden) {
            assert!(*h || *c == 0 || *c >= MIN_CELL, "{counts:?} → {hidden:?}");
        }
    }
}

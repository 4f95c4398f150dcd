//! Measure: the scales of the anonymous loneliness survey and the statistics its reports may
//! show. No I/O.
//!
//! - The **Three-Item Loneliness Scale** (T-ILS; Hughes et al. 2004), as Den Nationale
//!   Sundhedsprofil counts it: three items answered "hardly ever" (1), "some of the time" (2)
//!   or "often" (3); the score is their sum (3–9) and only a complete answer has one; a score of
//!   [`SEVERE_FROM`] or more is severe loneliness ("tegn på svær ensomhed").
//! - **WHO-5**: five items answered 0–5; the raw score is the sum (0–25), the percentage score
//!   four times that, and [`WHO5_POOR_AT_MOST`] or less is poor wellbeing.
//! - A share with its **Wilson 95 % interval** ([`wilson`]), which stays inside 0–100 % and is
//!   honest for the small samples of one housing area.
//! - **Small cells**: a count under [`MIN_CELL`] is never shown, and when one cell of a row or
//!   column that has a shown total is hidden, another is hidden with it, so no hidden count can
//!   be recovered by subtraction ([`suppress_table`]); a report of fewer than [`MIN_CELL`]
//!   respondents is refused as a whole ([`check_reportable`]).

/// The T-ILS items, in the questionnaire's order (the wording per language is in the locale
/// files under these codes).
pub const TILS_ITEMS: [&str; 3] = ["companionship", "left_out", "isolated"];

/// The WHO-5 items, in the questionnaire's order.
pub const WHO5_ITEMS: [&str; 5] = ["cheerful", "calm", "active", "rested", "interested"];

/// A T-ILS score from this up is severe loneliness (the national profile's cut-off).
pub const SEVERE_FROM: u8 = 7;

/// A WHO-5 percentage score at or under this is poor wellbeing.
pub const WHO5_POOR_AT_MOST: u8 = 50;

/// The smallest count a report shows; fewer respondents than this make no report.
pub const MIN_CELL: u64 = 5;

/// Only people this old or older are asked.
pub const MIN_AGE: u8 = 16;

/// The age bands a respondent may choose (16 and over; younger people are not asked).
pub const AGE_BANDS: [&str; 7] = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"];

/// The genders a respondent may choose (or none).
pub const GENDERS: [&str; 3] = ["woman", "man", "other"];

/// The lowest and highest T-ILS score.
pub const TILS_SCORES: std::ops::RangeInclusive<u8> = 3..=9;

/// The share of adults in Denmark with severe loneliness (Den Nationale Sundhedsprofil 2021,
/// T-ILS ≥ 7).
pub const NATIONAL_SEVERE_SHARE: f64 = 0.124;

/// The same share among adults in social housing (the same survey).
pub const SOCIAL_HOUSING_SEVERE_SHARE: f64 = 0.146;

/// Why an answer has no score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleProblem {
    /// An item was not answered.
    Missing,
    /// An answer outside the scale's options.
    OutOfRange,
}

/// The T-ILS score (3–9) of a complete answer: each item 1 (hardly ever), 2 (some of the time)
/// or 3 (often). A missing item gives no score, as the national indicator counts only
/// complete answers.
pub fn tils_score(items: [Option<u8>; 3]) -> Result<u8, ScaleProblem> {
    let mut sum = 0;
    for item in items {
        let v = item.ok_or(ScaleProblem::Missing)?;
        if !(1..=3).contains(&v) {
            return Err(ScaleProblem::OutOfRange);
        }
        sum += v;
    }
    Ok(sum)
}

/// Whether a T-ILS score is severe loneliness.
pub fn is_severe(score: u8) -> bool {
    score >= SEVERE_FROM
}

/// The WHO-5 percentage score (0–100, four times the raw sum) of a complete answer, each item
/// 0 (at no time) to 5 (all of the time).
pub fn who5_percent(items: [Option<u8>; 5]) -> Result<u8, ScaleProblem> {
    let mut raw = 0;
    for item in items {
        let v = item.ok_or(ScaleProblem::Missing)?;
        if v > 5 {
            return Err(ScaleProblem::OutOfRange);
        }
        raw += v;
    }
    Ok(raw * 4)
}

/// A share with its Wilson score interval at 95 %: `(share, low, high)`, each 0–1; `None` for
/// no respondents.
pub fn wilson(successes: u64, n: u64) -> Option<(f64, f64, f64)> {
    if n == 0 || successes > n {
        return None;
    }
    // The 97.5 % quantile of the standard normal distribution.
    const Z: f64 = 1.959_963_984_540_054;
    // Counts of people fit an f64 exactly far beyond any survey.
    let (k, n) = (successes as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // The interval always holds the share; the bounds only guard against rounding (at 0 % and
    // 100 % the closed form lands a hair inside).
    Some((
        p,
        (centre - half).clamp(0.0, p),
        (centre + half).clamp(p, 1.0),
    ))
}

/// Why a report is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportProblem {
    /// Fewer respondents than [`MIN_CELL`] (the count itself is not told).
    TooFewRespondents,
}

/// Whether a report of `respondents` may be shown at all.
pub fn check_reportable(respondents: u64) -> Result<(), ReportProblem> {
    if respondents < MIN_CELL {
        Err(ReportProblem::TooFewRespondents)
    } else {
        Ok(())
    }
}

/// Which groups of a partition of respondents (each group's count, a department's say) are
/// shown on their own and which only together: a group of 1 to [`MIN_CELL`] − 1 is hidden,
/// and while the hidden groups together hold 1 to [`MIN_CELL`] − 1 respondents, the smallest
/// shown group with anyone in it is hidden too. Every report is then made of the shown groups
/// and the hidden ones as one, each of [`MIN_CELL`] or more (or nobody), so no sum or
/// difference of reports describes fewer people. `true` where hidden.
pub fn hidden_groups(counts: &[u64]) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c > 0 && c < MIN_CELL).collect();
    loop {
        let together: u64 = counts
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .map(|(c, _)| c)
            .sum();
        if together == 0 || together >= MIN_CELL {
            return hidden;
        }
        let smallest = (0..counts.len())
            .filter(|&i| !hidden[i] && counts[i] > 0)
            .min_by_key(|&i| counts[i]);
        match smallest {
            Some(i) => hidden[i] = true,
            // Everyone together is under the floor; the report is refused as a whole.
            None => return hidden,
        }
    }
}

/// A table of counts with its row and column totals shown (a table of one row or one column
/// shows only the total of that line), with the cells a reader may see:
/// `None` where a count is hidden. A count from 1 to [`MIN_CELL`] − 1 is hidden; then, while
/// a row or column has exactly one hidden cell, the smallest other cell of that line is
/// hidden too (complementary suppression), so subtracting the shown cells from the total
/// leaves at least two unknowns. Zero cells are shown (nobody is in them) unless hidden as a
/// complement. A one-way distribution is a table of one row.
pub fn suppress_table(counts: &[Vec<u64>]) -> Vec<Vec<Option<u64>>> {
    let rows = counts.len();
    let cols = counts.iter().map(Vec::len).max().unwrap_or(0);
    let mut hidden: Vec<Vec<bool>> = counts
        .iter()
        .map(|row| row.iter().map(|&c| c > 0 && c < MIN_CELL).collect())
        .collect();
    // Each pass hides at least one more cell or stops, so this ends within rows × cols passes.
    loop {
        let mut changed = false;
        // A line of one cell has no total apart from the cell: a table of one row shows no
        // column totals, a table of one column no row totals.
        for r in (0..rows).filter(|_| cols > 1) {
            let line: Vec<(usize, usize)> = (0..counts[r].len()).map(|c| (r, c)).collect();
            changed |= hide_complement(counts, &mut hidden, &line);
        }
        for c in (0..cols).filter(|_| rows > 1) {
            let line: Vec<(usize, usize)> = (0..rows)
                .filter(|&r| c < counts[r].len())
                .map(|r| (r, c))
                .collect();
            changed |= hide_complement(counts, &mut hidden, &line);
        }
        if !changed {
            break;
        }
    }
    counts
        .iter()
        .zip(&hidden)
        .map(|(row, h)| {
            row.iter()
                .zip(h)
                .map(|(&c, &hide)| (!hide).then_some(c))
                .collect()
        })
        .collect()
}

/// When exactly one cell of `line` is hidden, hides the smallest shown one beside it (the
/// first of equals); whether it hid one.
fn hide_complement(counts: &[Vec<u64>], hidden: &mut [Vec<bool>], line: &[(usize, usize)]) -> bool {
    let hidden_here = line.iter().filter(|&&(r, c)| hidden[r][c]).count();
    if hidden_here != 1 {
        return false;
    }
    let smallest = line
        .iter()
        .filter(|&&(r, c)| !hidden[r][c])
        .min_by_key(|&&(r, c)| counts[r][c]);
    match smallest {
        Some(&(r, c)) => {
            hidden[r][c] = true;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;

//! Fund: municipal grant pools (Serviceloven §18 and similar) as the platform models them.
//! A municipality opens a **call** (a pool, an opening and a deadline in Danish wall time, a
//! maximum per application, focus areas and who may apply); an association's organisers write
//! an **application** (activities, budget and income lines in øre) as a draft, submit it
//! before the deadline, and the municipality decides. Money is whole øre (`i64`) everywhere
//! and every total is computed here, never typed.

use chrono::NaiveDateTime;

named! {
    /// Where an application stands.
    #[derive(Default)]
    ApplicationStatus {
        /// Being written; only the applicant sees it, and it may be changed.
        #[default]
        Draft = "draft",
        /// Sent to the municipality before the deadline; reopening makes it a draft again,
        /// until the deadline.
        Submitted = "submitted",
        /// The municipality granted an amount.
        Granted = "granted",
        /// The municipality refused, with a reason.
        Refused = "refused",
        /// The applicant reported how the grant was used.
        Reported = "reported",
    }
}

impl ApplicationStatus {
    /// Whether the applicant may still change the application (a draft, or a submitted one
    /// before the deadline, which goes back to being a draft).
    pub fn is_open_to_the_applicant(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Draft | ApplicationStatus::Submitted
        )
    }

    /// Whether the municipality decided.
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Granted | ApplicationStatus::Refused | ApplicationStatus::Reported
        )
    }
}

named! {
    /// What a call wants to fund.
    FocusArea {
        /// Loneliness and isolation.
        Loneliness = "loneliness",
        /// Children and young people.
        Young = "young",
        /// Elderly people.
        Elderly = "elderly",
        /// Meetings across generations.
        AcrossGenerations = "across_generations",
        /// Health and wellbeing.
        Health = "health",
        /// Inclusion of newcomers and people outside work or education.
        Inclusion = "inclusion",
        /// Volunteering itself.
        Volunteering = "volunteering",
    }
}

named! {
    /// Who may apply to a call.
    Applicant {
        /// Associations with a CVR number.
        AssociationWithCvr = "association_cvr",
        /// Self-help groups and informal groups.
        SelfHelpGroup = "self_help_group",
        /// Departments' boards of social housing.
        DepartmentBoard = "department_board",
    }
}

named! {
    /// Which side of the budget a line is on.
    LineKind {
        /// Money to be spent.
        Budget = "budget",
        /// Money from elsewhere (own funds, other grants, participants' payments).
        Income = "income",
    }
}

/// The largest amount one line may carry: 100 million kroner. Far above any §18 grant, and
/// far below where sums of many lines could overflow.
pub const MAX_LINE_ORE: i64 = 10_000_000_000;

/// Why money does not add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// A line below zero.
    #[error("a line is negative")]
    Negative,
    /// A line above [`MAX_LINE_ORE`].
    #[error("a line is too large")]
    TooLarge,
}

/// The sum of lines in øre, exact; every line must lie in `0..=MAX_LINE_ORE`.
pub fn total_ore(lines: &[i64]) -> Result<i64, MoneyError> {
    let mut total: i64 = 0;
    for &line in lines {
        if line < 0 {
            return Err(MoneyError::Negative);
        }
        if line > MAX_LINE_ORE {
            return Err(MoneyError::TooLarge);
        }
        // Lines are bounded, so this cannot overflow before ~900 million lines; checked all
        // the same, so a wrong sum is impossible rather than unlikely.
        total = total.checked_add(line).ok_or(MoneyError::TooLarge)?;
    }
    Ok(total)
}

/// Reads kroner as typed by a Dane ("12.500", "12500", "12 500,50", "1.250,5 kr.") into
/// øre; `None` for anything else (letters, more than two decimals, a minus sign).
pub fn parse_kroner(typed: &str) -> Option<i64> {
    let t = typed
        .trim()
        .trim_end_matches('.')
        .trim_end_matches("kr")
        .trim_end_matches("DKK")
        .trim();
    if t.is_empty() {
        return None;
    }
    let (whole, fraction) = match t.rsplit_once(',') {
        Some((w, f)) => (w, f),
        None => (t, ""),
    };
    let digits: String = whole
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || digits.len() > 15
    {
        return None;
    }
    let kroner: i64 = digits.parse().ok()?;
    let ore: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    kroner.checked_mul(100)?.checked_add(ore)
}

/// Øre as Danish kroner for forms: "12500" or "12500,50" (no thousands separator, so it
/// reads back with [`parse_kroner`]).
pub fn kroner_for_form(ore: i64) -> String {
    let (kr, rest) = (ore / 100, (ore % 100).abs());
    if rest == 0 {
        kr.to_string()
    } else {
        format!("{kr},{rest:02}")
    }
}

/// Whether a call takes submissions at `now` (UTC seconds): from its opening until its
/// deadline, the deadline itself excluded.
pub fn is_open(opens_at: i64, deadline_at: i64, now: i64) -> bool {
    opens_at <= now && now < deadline_at
}

/// A deadline typed as Danish wall time, in UTC seconds (the DST change is handled:
/// "23:59" is 23:59 in Copenhagen on either side of it).
pub fn wall_time_to_utc(local: NaiveDateTime) -> i64 {
    crate::schedule::local_to_utc(local).timestamp()
}

/// The most a number answer may be.
pub const MAX_NUMBER_ANSWER: i64 = 1_000_000;

/// One of a call's questions, read from the line the municipality wrote: a line starting
/// with `#` asks for a whole number, a line with options after bars (`Hvor ofte? | Ugentligt
/// | Månedligt`) for one of them, any other line for text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question as the applicant reads it.
    pub text: String,
    /// The options of a choice; empty for text and numbers.
    options: Vec<String>,
    /// Whether the answer is a whole number.
    number: bool,
}

impl Question {
    /// Reads a question line.
    pub fn parse(line: &str) -> Question {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix('#') {
            return Question {
                text: rest.trim().to_owned(),
                options: vec![],
                number: true,
            };
        }
        let mut parts = line.split('|').map(str::trim);
        let text = parts.next().unwrap_or_default().to_owned();
        Question {
            text,
            options: parts.filter(|o| !o.is_empty()).map(str::to_owned).collect(),
            number: false,
        }
    }

    /// Whether the answer is a whole number.
    pub fn is_number(&self) -> bool {
        self.number
    }

    /// The options of a choice (empty for other questions).
    pub fn options(&self) -> &[String] {
        &self.options
    }

    /// Whether the municipality wrote it so it can be answered: some text, and a choice of at
    /// least two options.
    pub fn is_well_formed(&self) -> bool {
        !self.text.is_empty() && self.options.len() != 1
    }

    /// Checks a non-empty answer: a number is a whole number 0–[`MAX_NUMBER_ANSWER`], a
    /// choice one of the options; the answer as kept, or the Fluent key of the problem.
    pub fn check(&self, answer: &str) -> Result<String, &'static str> {
        let a = answer.trim();
        if self.number {
            return match a.replace('.', "").parse::<i64>() {
                Ok(n) if (0..=MAX_NUMBER_ANSWER).contains(&n) => Ok(n.to_string()),
                _ => Err("field-grant-answer-number"),
            };
        }
        if !self.options.is_empty() && !self.options.iter().any(|o| o == a) {
            return Err("field-grant-answer-choice");
        }
        Ok(a.to_owned())
    }
}

/// Whether an organisation of `kind` (with its CVR number, if any) may apply to a call open
/// to `allowed`: a department through its board, an organisation with a valid CVR number as
/// an association, and any other organisation as a self-help group. Municipalities and the
/// platform never apply.
pub fn may_apply(kind: crate::OrgKind, cvr: Option<&str>, allowed: &[Applicant]) -> bool {
    use crate::OrgKind;
    match kind {
        OrgKind::Department => allowed.contains(&Applicant::DepartmentBoard),
        OrgKind::Municipality | OrgKind::Platform => false,
        _ if cvr.is_some_and(crate::org::valid_cvr) => {
            allowed.contains(&Applicant::AssociationWithCvr)
                || allowed.contains(&Applicant::SelfHelpGroup)
        }
        _ => allowed.contains(&Applicant::SelfHelpGroup),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rand::Rng;

    #[test]
    fn totals_are_exact_sums_of_bounded_lines_whatever_the_lines() {
        let mut rng = rand::rng();
        for _ in 0..2_000 {
            let n = rng.random_range(0..40);
            let lines: Vec<i64> = (0..n).map(|_| rng.random_range(0..=MAX_LINE_ORE)).collect();
            let expected: i128 = lines.iter().map(|&l| i128::from(l)).sum();
            assert_eq!(total_ore(&lines).map(i128::from), Ok(expected), "{lines:?}");
        }
        assert_eq!(total_ore(&[]), Ok(0));
        assert_eq!(total_ore(&[100, -1]), Err(MoneyError::Negative));
        assert_eq!(total_ore(&[MAX_LINE_ORE + 1]), Err(MoneyError::TooLarge));
    }

    #[test]
    fn kroner_read_as_danes_type_them_and_back() {
        assert_eq!(parse_kroner("12.500"), Some(1_250_000));
        assert_eq!(parse_kroner("12500"), Some(1_250_000));
        assert_eq!(parse_kroner("12 500,50"), Some(1_250_050));
        assert_eq!(parse_kroner("1.250,5 kr."), Some(125_050));
        assert_eq!(parse_kroner("0"), Some(0));
        for bad in ["", "-5", "12,345", "tolv", "1e5", ",50"] {
            assert_eq!(parse_kroner(bad), None, "{bad}");
        }
        let mut rng = rand::rng();
        for _ in 0..2_000 {
            let ore = rng.random_range(0..=MAX_LINE_ORE);
            assert_eq!(parse_kroner(&kroner_for_form(ore)), Some(ore), "{ore}");
        }
    }

    #[test]
    fn a_deadline_is_danish_wall_time_on_both_sides_of_the_dst_change() {
        // 23:59 on the Saturday before the change to summer time (CET, UTC+1) and on the
        // Sunday after it (CEST, UTC+2).
        let before = NaiveDate::from_ymd_opt(2027, 3, 27)
            .and_then(|d| d.and_hms_opt(23, 59, 0))
            .map(wall_time_to_utc);
        let after = NaiveDate::from_ymd_opt(2027, 3, 28)
            .and_then(|d| d.and_hms_opt(23, 59, 0))
            .map(wall_time_to_utc);
        let (Some(before), Some(after)) = (before, after) else {
            panic!("dates");
        };
        assert_eq!(
            after - before,
            23 * 3600,
            "the night of the change is an hour short"
        );
        assert!(is_open(0, before, before - 1));
        assert!(
            !is_open(0, before, before),
            "the deadline itself is too late"
        );
    }

    #[test]
    fn only_drafts_and_submitted_applications_are_the_applicants_to_change() {
        use ApplicationStatus::*;
        assert!(Draft.is_open_to_the_applicant() && Submitted.is_open_to_the_applicant());
        for s in [Granted, Refused, Reported] {
            assert!(!s.is_open_to_the_applicant() && s.is_decided(), "{s}");
        }
    }

    #[test]
    fn who_may_apply_follows_the_calls_rules() {
        use crate::OrgKind;
        let cvr = (10_000_000u32..10_000_200)
            .map(|n| n.to_string())
            .find(|c| crate::org::valid_cvr(c))
            .expect("a valid CVR");
        let only_cvr = [Applicant::AssociationWithCvr];
        assert!(may_apply(OrgKind::Association, Some(&cvr), &only_cvr));
        assert!(!may_apply(OrgKind::Association, None, &only_cvr), "no CVR");
        assert!(
            !may_apply(OrgKind::Association, Some("12345678"), &only_cvr),
            "a wrong CVR"
        );
        assert!(may_apply(
            OrgKind::Association,
            None,
            &[Applicant::SelfHelpGroup]
        ));
        assert!(!may_apply(OrgKind::Department, None, &only_cvr));
        assert!(may_apply(
            OrgKind::Department,
            None,
            &[Applicant::DepartmentBoard]
        ));
        assert!(!may_apply(
            OrgKind::Municipality,
            Some(&cvr),
            Applicant::ALL
        ));
    }

    #[test]
    fn questions_ask_for_text_a_number_or_one_of_the_options() {
        let text = Question::parse("Hvordan når I de ensomme?");
        assert!(!text.is_number() && text.options().is_empty());
        assert_eq!(text.check(" Vi banker på "), Ok("Vi banker på".into()));
        let number = Question::parse("# Hvor mange frivillige er med?");
        assert_eq!(number.text, "Hvor mange frivillige er med?");
        assert_eq!(number.check("1.200"), Ok("1200".into()));
        for bad in ["mange", "-3", "2000000", "2,5"] {
            assert_eq!(number.check(bad), Err("field-grant-answer-number"), "{bad}");
        }
        let choice = Question::parse("Hvor ofte mødes I? | Ugentligt | Månedligt |");
        assert_eq!(choice.text, "Hvor ofte mødes I?");
        assert_eq!(choice.options(), ["Ugentligt", "Månedligt"]);
        assert_eq!(choice.check("Månedligt"), Ok("Månedligt".into()));
        assert_eq!(choice.check("Dagligt"), Err("field-grant-answer-choice"));
        assert!(!Question::parse("Kun én? | Ja").is_well_formed());
        assert!(!Question::parse("#").is_well_formed());
    }
}

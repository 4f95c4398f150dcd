//! Offers: anything a resident can go to or call. The fixed vocabularies (kinds, target
//! groups, languages, weekdays, statuses) and the rules an offer must keep. Categories are a
//! configurable taxonomy stored in the database.

/// What kind of offer it is.
pub const KINDS: [&str; 6] = [
    "activity",
    "community",
    "self_help",
    "volunteering",
    "municipal_service",
    "counselling",
];

/// Who an offer is for.
pub const TARGET_GROUPS: [&str; 9] = [
    "children",
    "young",
    "adults",
    "elderly",
    "families",
    "intergenerational",
    "women",
    "men",
    "newcomers",
];

/// Languages an offer can be held in (ISO 639-1), the shipped ones first.
pub const LANGUAGES: [&str; 10] = ["da", "en", "ar", "tr", "so", "ur", "fa", "uk", "pl", "ku"];

/// Weekdays, Monday first (ISO 8601 numbering 1–7 as codes "1".."7").
pub const WEEKDAYS: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];

named! {
    /// Lifecycle of an offer.
    #[derive(Default)]
    OfferStatus {
        /// Being written; only its organisation sees it.
        #[default]
        Draft = "draft",
        /// Sent for approval by the department's board or staff.
        Pending = "pending",
        /// Public: found, shown and open for sign-up.
        Published = "published",
        /// Withdrawn; kept for history and reports.
        Archived = "archived",
    }
}

/// Why an offer draft was refused, by field (the field name and a Fluent key).
pub type FieldProblem = (&'static str, &'static str);

/// The parts of an offer the rules look at.
#[derive(Debug, Clone, Default)]
pub struct OfferRules<'a> {
    /// Title.
    pub title: &'a str,
    /// Kind.
    pub kind: &'a str,
    /// Target groups.
    pub target_groups: &'a [String],
    /// Languages.
    pub languages: &'a [String],
    /// Weekdays.
    pub weekdays: &'a [String],
    /// Price in øre, if not free.
    pub price_ore: Option<i64>,
    /// Latitude, longitude.
    pub coords: Option<(f64, f64)>,
    /// Contact e-mail.
    pub contact_email: &'a str,
}

/// Checks an offer; returns every problem.
pub fn check_offer(o: &OfferRules<'_>) -> Vec<FieldProblem> {
    let mut p = Vec::new();
    let title_len = o.title.trim().chars().count();
    if title_len == 0 {
        p.push(("title", "field-required"));
    } else if title_len > 120 {
        p.push(("title", "field-too-long"));
    }
    if !KINDS.contains(&o.kind) {
        p.push(("kind", "field-choose-from-list"));
    }
    if o.target_groups
        .iter()
        .any(|t| !TARGET_GROUPS.contains(&t.as_str()))
    {
        p.push(("target_groups", "field-choose-from-list"));
    }
    if o.languages.iter().any(|t| !LANGUAGES.contains(&t.as_str())) {
        p.push(("languages", "field-choose-from-list"));
    }
    if o.weekdays.iter().any(|t| !WEEKDAYS.contains(&t.as_str())) {
        p.push(("weekdays", "field-choose-from-list"));
    }
    if o.price_ore.is_some_and(|x| !(0..=100_000_000).contains(&x)) {
        p.push(("price", "field-price-invalid"));
    }
    if let Some((lat, lon)) = o.coords
        && !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
    {
        p.push(("lat", "field-coords-invalid"));
    }
    if !o.contact_email.is_empty() && crate::email::normalise_email(o.contact_email).is_err() {
        p.push(("contact_email", "field-email-invalid"));
    }
    p
}

/// A price that could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadPrice;

/// Parses a price typed by a person in kroner ("25", "25,50", "25.50", "0") into øre.
/// Empty means free.
pub fn parse_price_kroner(input: &str) -> Result<Option<i64>, BadPrice> {
    let s = input
        .trim()
        .trim_end_matches("kr.")
        .trim_end_matches("kr")
        .trim();
    if s.is_empty() {
        return Ok(None);
    }
    let s = s.replace('.', ",");
    let (kr, ore) = match s.split_once(',') {
        Some((k, o)) => (k, o),
        None => (s.as_str(), "0"),
    };
    let kr: i64 = kr.trim().parse().map_err(|_| BadPrice)?;
    let ore = match ore.len() {
        0 => 0,
        1 => ore.parse::<i64>().map_err(|_| BadPrice)? * 10,
        2 => ore.parse::<i64>().map_err(|_| BadPrice)?,
        _ => return Err(BadPrice),
    };
    if kr < 0 {
        return Err(BadPrice);
    }
    let total = kr
        .checked_mul(100)
        .and_then(|k| k.checked_add(ore))
        .ok_or(BadPrice)?;
    Ok(if total == 0 { None } else { Some(total) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_rules_name_each_field() {
        let ok = OfferRules {
            title: "Strikkecafé",
            kind: "activity",
            ..Default::default()
        };
        assert!(check_offer(&ok).is_empty());
        let groups = vec!["dragons".to_owned()];
        let bad = OfferRules {
            title: "",
            kind: "party",
            target_groups: &groups,
            price_ore: Some(-5),
            coords: Some((95.0, 12.0)),
            contact_email: "nope",
            ..Default::default()
        };
        let fields: Vec<&str> = check_offer(&bad).iter().map(|p| p.0).collect();
        assert_eq!(
            fields,
            vec![
                "title",
                "kind",
                "target_groups",
                "price",
                "lat",
                "contact_email"
            ]
        );
    }

    #[test]
    fn prices_in_kroner() {
        assert_eq!(parse_price_kroner(""), Ok(None));
        assert_eq!(parse_price_kroner("0"), Ok(None));
        assert_eq!(parse_price_kroner("25"), Ok(Some(2500)));
        assert_eq!(parse_price_kroner("25,5"), Ok(Some(2550)));
        assert_eq!(parse_price_kroner("25.50 kr."), Ok(Some(2550)));
        assert!(parse_price_kroner("-3").is_err());
        assert!(parse_price_kroner("tyve").is_err());
        assert!(parse_price_kroner("1,234").is_err());
    }
}

//! Finding offers, shared by the HTML search page and `GET /api/v1/offers`: parsing and
//! checking the query (every bad parameter is named), choosing a centre (coordinates, a
//! department, or a postal code), running the search in the offer catalogue and taking the
//! result cards from it.

use crate::App;
use crate::error::{Error, FieldError, Result};
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS, WEEKDAYS};
use naboskab_store::catalogue::{Cursor, FindParams, OfferQuery};
use naboskab_store::offers::{self, OfferCard};
use naboskab_store::{orgs, params};
use serde::Deserialize;

/// The query parameters of a search, as typed (all optional).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FindInput {
    /// Free text.
    pub q: Option<String>,
    /// Category code.
    pub category: Option<String>,
    /// Target group code.
    pub target_group: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Weekday 1–7 (Monday = 1).
    pub weekday: Option<String>,
    /// Only free offers ("true"/"1"/"on").
    pub free: Option<String>,
    /// Only step-free offers.
    pub accessible: Option<String>,
    /// Only "newcomers welcome".
    pub newcomers: Option<String>,
    /// Centre as "LAT,LON".
    pub near: Option<String>,
    /// Radius around the centre in metres (default 5,000).
    pub radius_m: Option<String>,
    /// A department id as the centre.
    pub department: Option<String>,
    /// A postal code as the centre.
    pub postal_code: Option<String>,
    /// Only in this municipality (four-digit code).
    pub municipality: Option<String>,
    /// Page size (1–100, default 20).
    pub limit: Option<String>,
    /// Where the previous page ended.
    pub cursor: Option<String>,
    /// Language of the page (handled by the request context; allowed here).
    pub lang: Option<String>,
}

impl FindInput {
    /// Whether any filter (other than paging) is set.
    pub fn has_filters(&self) -> bool {
        [
            &self.category,
            &self.target_group,
            &self.language,
            &self.weekday,
            &self.near,
            &self.department,
            &self.postal_code,
            &self.municipality,
        ]
        .iter()
        .any(|f| f.as_deref().is_some_and(|v| !v.is_empty()))
            || self.flag(&self.free)
            || self.flag(&self.accessible)
            || self.flag(&self.newcomers)
    }

    fn flag(&self, v: &Option<String>) -> bool {
        matches!(v.as_deref(), Some("true" | "1" | "on" | "yes"))
    }
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The category taxonomy in display order, for filters and forms.
pub async fn categories(app: &App) -> Result<Vec<offers::Category>> {
    Ok(offers::categories(&app.db).await?)
}

/// The newest published offers passing `filters`, newest first, at most `limit`, whole
/// (for feeds).
pub async fn newest(app: &App, filters: OfferQuery, limit: usize) -> Result<Vec<offers::Offer>> {
    let page = app
        .catalogue
        .find(
            &app.db,
            &FindParams {
                filters,
                limit,
                ..Default::default()
            },
        )
        .await?;
    let mut out = Vec::with_capacity(page.items.len());
    for f in &page.items {
        if let Some(o) = offers::offer(&app.db, f.id).await? {
            out.push(o);
        }
    }
    Ok(out)
}

/// A checked search.
#[derive(Debug, Clone)]
pub struct CheckedFind {
    /// What the store runs.
    pub params: FindParams,
    /// The centre's name for display, when the centre is a department or postal code.
    pub centre_label: Option<String>,
}

/// Checks the input; every problem names its parameter.
pub async fn check(app: &App, input: &FindInput) -> Result<CheckedFind> {
    let mut problems = Vec::new();
    let mut bad = |field: &str, key: &'static str| {
        problems.push(FieldError {
            field: field.to_owned(),
            key,
        })
    };
    let mut q = OfferQuery::default();
    if let Some(c) = non_empty(&input.category) {
        let known = offers::categories(&app.db).await?;
        if known.iter().any(|k| k.code == c) {
            q.category = Some(c.to_owned());
        } else {
            bad("category", "field-choose-from-list");
        }
    }
    for (field, value, allowed, slot) in [
        (
            "target_group",
            &input.target_group,
            &TARGET_GROUPS[..],
            &mut q.target_group,
        ),
        ("language", &input.language, &LANGUAGES[..], &mut q.language),
        ("weekday", &input.weekday, &WEEKDAYS[..], &mut q.weekday),
    ] {
        if let Some(v) = non_empty(value) {
            if allowed.contains(&v) {
                *slot = Some(v.to_owned());
            } else {
                bad(field, "field-choose-from-list");
            }
        }
    }
    if let Some(m) = non_empty(&input.municipality) {
        match orgs::municipality(&app.db, &format!("{m:0>4}")).await? {
            Some(m) => q.municipality_code = Some(m.code),
            None => bad("municipality", "field-choose-from-list"),
        }
    }
    for (field, value) in [
        ("free", &input.free),
        ("accessible", &input.accessible),
        ("newcomers", &input.newcomers),
    ] {
        if non_empty(value).is_some_and(|v| {
            !matches!(
                v,
                "true" | "1" | "on" | "yes" | "false" | "0" | "off" | "no"
            )
        }) {
            bad(field, "field-invalid");
        }
    }
    q.free = input.flag(&input.free);
    q.accessible = input.flag(&input.accessible);
    q.newcomers_welcome = input.flag(&input.newcomers);

    let radius = match non_empty(&input.radius_m) {
        None => 5_000.0,
        Some(r) => match r.parse::<f64>() {
            Ok(r) if (100.0..=100_000.0).contains(&r) => r,
            _ => {
                bad("radius_m", "field-radius-invalid");
                5_000.0
            }
        },
    };
    let mut centre = None;
    let mut centre_label = None;
    if let Some(near) = non_empty(&input.near) {
        let parts: Vec<Option<f64>> = near
            .split(',')
            .map(|p| p.trim().parse::<f64>().ok())
            .collect();
        match parts[..] {
            [Some(lat), Some(lon)]
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                centre = Some((lat, lon, radius));
            }
            _ => bad("near", "field-near-invalid"),
        }
    } else if let Some(dep) = non_empty(&input.department) {
        match dep.parse::<i64>() {
            Ok(id) => match orgs::organisation(&app.db, id).await? {
                Some(o) if o.lat.is_some() && o.lon.is_some() => {
                    centre = Some((o.lat.unwrap_or_default(), o.lon.unwrap_or_default(), radius));
                    centre_label = Some(o.name);
                }
                _ => bad("department", "field-choose-from-list"),
            },
            Err(_) => bad("department", "field-choose-from-list"),
        }
    } else if let Some(pc) = non_empty(&input.postal_code) {
        let row = app
            .db
            .query_opt(
                "SELECT AVG(lat) AS lat, AVG(lon) AS lon, MIN(city) AS city FROM organisation WHERE postal_code = $1 AND lat IS NOT NULL",
                params![pc],
            )
            .await?;
        match row.and_then(|r| {
            Some((
                r.opt_f64("lat").ok()??,
                r.opt_f64("lon").ok()??,
                r.opt_string("city").ok().flatten(),
            ))
        }) {
            Some((lat, lon, city)) => {
                centre = Some((lat, lon, radius));
                centre_label = Some(
                    format!("{pc} {}", city.unwrap_or_default())
                        .trim()
                        .to_owned(),
                );
            }
            None => bad("postal_code", "field-postal-code-unknown"),
        }
    }
    let limit = match non_empty(&input.limit) {
        None => 20,
        Some(l) => match l.parse::<usize>() {
            Ok(l) if (1..=100).contains(&l) => l,
            _ => {
                bad("limit", "field-limit-invalid");
                20
            }
        },
    };
    let after = match non_empty(&input.cursor) {
        None => None,
        Some(c) => match Cursor::decode(c) {
            Some(c) => Some(c),
            None => {
                bad("cursor", "field-invalid");
                None
            }
        },
    };
    let text: String = input
        .q
        .clone()
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect();
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(CheckedFind {
        params: FindParams {
            text,
            filters: q,
            centre,
            after,
            limit,
        },
        centre_label,
    })
}

/// One result with its distance.
#[derive(Debug, Clone)]
pub struct Result1 {
    /// The card.
    pub card: OfferCard,
    /// Metres from the centre.
    pub distance_m: Option<i64>,
}

/// A page of results.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// Results in rank order.
    pub items: Vec<Result1>,
    /// Cursor for the next page.
    pub next_cursor: Option<String>,
}

/// Runs a checked search and loads the cards in `locale`.
pub async fn run(app: &App, find: &CheckedFind, locale: &str) -> Result<Results> {
    let page = app.catalogue.find(&app.db, &find.params).await?;
    let ids: Vec<i64> = page.items.iter().map(|f| f.id).collect();
    let cards = app.catalogue.cards(&ids, locale)?;
    let items = cards
        .into_iter()
        .zip(page.items.iter())
        .map(|(card, f)| Result1 {
            card,
            distance_m: f.distance_m,
        })
        .collect();
    Ok(Results {
        items,
        next_cursor: page.next.map(|c| c.encode()),
    })
}

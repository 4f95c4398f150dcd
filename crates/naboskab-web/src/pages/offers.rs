//! Finding offers as a resident: the search page with filters, the offer page (with
//! schema.org JSON-LD, OpenGraph tags and a print layout), and the cards other pages reuse.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::{self, Locale};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use crate::views::format_distance;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_app::find::{self, FindInput};
use naboskab_app::i18n::language_name;
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS, WEEKDAYS};
use naboskab_domain::{Action, Resource};
use naboskab_store::offers::{self, Category, Offer, OfferCard};
use naboskab_store::orgs;

/// A result card as pages show it.
#[derive(Debug, Clone)]
pub struct CardView {
    /// Offer id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// When, in words.
    pub when: String,
    /// Where.
    pub place: String,
    /// Distance, formatted.
    pub distance: Option<String>,
    /// Languages spoken, in themselves.
    pub languages: String,
    /// "Gratis" or the price.
    pub cost: String,
    /// Newcomers welcome.
    pub newcomers_welcome: bool,
    /// Drop in.
    pub drop_in: bool,
    /// Step-free.
    pub step_free: bool,
    /// Category names.
    pub categories: Vec<String>,
    /// Target group names.
    pub targets: Vec<String>,
}

/// The names of category codes in `locale` (unknown codes are left out).
pub fn category_names(cats: &[Category], codes: &[String], locale: Locale) -> Vec<String> {
    codes
        .iter()
        .filter_map(|code| cats.iter().find(|k| &k.code == code))
        .map(|k| k.name(locale.code()).to_owned())
        .collect()
}

/// Formats cards for `locale`.
pub fn card_views(
    locale: Locale,
    cats: &[Category],
    cards: Vec<(OfferCard, Option<i64>)>,
) -> Vec<CardView> {
    cards
        .into_iter()
        .map(|(c, d)| CardView {
            id: c.id,
            place: match &c.department_name {
                Some(dep) => format!("{dep}, {}", c.city),
                None => [c.street.as_str(), c.city.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            when: c.when_text,
            title: c.title,
            distance: d.map(|m| format_distance(locale, m)),
            languages: c
                .languages
                .iter()
                .map(|l| language_name(l))
                .collect::<Vec<_>>()
                .join(" · "),
            cost: match c.price_ore {
                None => i18n::t(locale, "offer-free"),
                Some(p) => i18n::format_money(locale, p),
            },
            newcomers_welcome: c.newcomers_welcome,
            drop_in: c.drop_in,
            step_free: c.step_free,
            categories: category_names(cats, &c.categories, locale),
            targets: c
                .target_groups
                .iter()
                .map(|t| i18n::t(locale, &format!("target-{t}")))
                .collect(),
        })
        .collect()
}

/// Cards of published offers matching `q` (for department and municipality pages).
pub async fn cards_for(
    st: &AppState,
    locale: Locale,
    q: naboskab_store::catalogue::OfferQuery,
    centre: Option<(f64, f64, f64)>,
    limit: usize,
) -> AppResult<Vec<CardView>> {
    let checked = find::CheckedFind {
        params: naboskab_store::catalogue::FindParams {
            filters: q,
            centre,
            limit,
            ..Default::default()
        },
        centre_label: None,
    };
    let results = find::run(&st.app, &checked, locale.code()).await?;
    let cats = naboskab_app::find::categories(&st.app).await?;
    Ok(card_views(
        locale,
        &cats,
        results
            .items
            .into_iter()
            .map(|r| (r.card, r.distance_m))
            .collect(),
    ))
}

pub use crate::views::Choice;

/// Choices for a select, marking the current value.
pub fn choices(
    values: impl IntoIterator<Item = (String, String)>,
    current: &Option<String>,
) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            selected: current.as_deref() == Some(value.as_str()),
            value,
            label,
        })
        .collect()
}

/// Choices for a group of checkboxes, marking every chosen value.
pub fn multi_choices(values: Vec<(String, String)>, chosen: &[String]) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            selected: chosen.contains(&value),
            value,
            label,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "offers.html")]
struct OffersPage {
    ctx: PageCtx,
    q: String,
    categories: Vec<Choice>,
    targets: Vec<Choice>,
    languages: Vec<Choice>,
    weekdays: Vec<Choice>,
    departments: Vec<Choice>,
    radius: Vec<Choice>,
    free: bool,
    accessible: bool,
    newcomers: bool,
    cards: Vec<CardView>,
    searched: bool,
    centre_label: Option<String>,
    next_href: Option<String>,
    errors: FormErrors,
}

/// `GET /offers`: search and browse.
pub async fn search_page(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let input: FindInput =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let p = PageCtx::new(&st, &ctx);
    let locale = ctx.locale;
    let cats = naboskab_app::find::categories(&st.app).await?;
    let deps = naboskab_app::places::of_kind(&st.app, naboskab_domain::OrgKind::Department).await?;
    let (cards, next_href, centre_label, errors, status) = match find::check(&st.app, &input).await
    {
        Ok(checked) => {
            let results = find::run(&st.app, &checked, locale.code()).await?;
            let next_href = results.next_cursor.map(|c| {
                let mut pairs: Vec<(String, String)> =
                    serde_urlencoded::from_str(raw.as_deref().unwrap_or_default())
                        .unwrap_or_default();
                pairs.retain(|(k, _)| k != "cursor");
                pairs.push(("cursor".into(), c));
                format!(
                    "/offers?{}",
                    serde_urlencoded::to_string(&pairs).unwrap_or_default()
                )
            });
            let cards = card_views(
                locale,
                &cats,
                results
                    .items
                    .into_iter()
                    .map(|r| (r.card, r.distance_m))
                    .collect(),
            );
            (
                cards,
                next_href,
                checked.centre_label,
                FormErrors::default(),
                StatusCode::OK,
            )
        }
        Err(naboskab_app::Error::Invalid(problems)) => (
            vec![],
            None,
            None,
            FormErrors::new(locale, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e.into()),
    };
    let page_data = OffersPage {
        q: input.q.clone().unwrap_or_default(),
        categories: choices(
            cats.iter()
                .map(|c| (c.code.clone(), c.name(locale.code()).to_owned())),
            &input.category,
        ),
        targets: choices(
            TARGET_GROUPS
                .iter()
                .map(|t| (t.to_string(), p.t(&format!("target-{t}")))),
            &input.target_group,
        ),
        languages: choices(
            LANGUAGES
                .iter()
                .map(|l| (l.to_string(), language_name(l).to_owned())),
            &input.language,
        ),
        weekdays: choices(
            WEEKDAYS
                .iter()
                .map(|d| (d.to_string(), p.t(&format!("weekday-{d}")))),
            &input.weekday,
        ),
        departments: choices(
            deps.iter().map(|d| (d.id.to_string(), d.name.clone())),
            &input.department,
        ),
        radius: choices(
            [
                ("1000", "1 km"),
                ("3000", "3 km"),
                ("5000", "5 km"),
                ("10000", "10 km"),
                ("25000", "25 km"),
            ]
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string())),
            &Some(input.radius_m.clone().unwrap_or_else(|| "5000".into())),
        ),
        free: input.free.is_some(),
        accessible: input.accessible.is_some(),
        newcomers: input.newcomers.is_some(),
        searched: input.q.as_deref().is_some_and(|q| !q.trim().is_empty()) || input.has_filters(),
        cards,
        centre_label,
        next_href,
        errors,
        ctx: p,
    };
    Ok(page_with_status(status, &page_data))
}

#[derive(Template)]
#[template(path = "offer.html")]
struct OfferPage {
    ctx: PageCtx,
    offer: Offer,
    title: String,
    description_html: String,
    summary: String,
    kind_label: String,
    status_label: String,
    cost: String,
    languages: String,
    categories: Vec<String>,
    targets: Vec<String>,
    weekdays: Vec<String>,
    organisation: Option<orgs::Organisation>,
    department: Option<orgs::Organisation>,
    address: String,
    map_url: Option<String>,
    json_ld: String,
    canonical: String,
    can_edit: bool,
    /// The next occurrences: (id, when, places left, cancelled).
    upcoming: Vec<(i64, String, Option<i64>, bool)>,
    /// Volunteer roles asked for: (role, label, "1 of 2 found"), the roles still open to the
    /// reader (role, label), and the reader's own (label, confirmed, volunteer id).
    volunteers_wanted: Vec<(String, String, String)>,
    volunteer_roles_open: Vec<(String, String)>,
    own_volunteering: Vec<(String, bool, i64)>,
}

/// The offer as schema.org JSON-LD (a `Service`; schedules arrive as `Event`s later), safe to
/// place inside a `<script>` element.
fn json_ld(
    o: &Offer,
    title: &str,
    summary: &str,
    url: &str,
    org: Option<&orgs::Organisation>,
) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Service",
        "name": title,
        "description": summary,
        "url": url,
        "serviceType": o.kind,
        "availableLanguage": o.languages,
        "isAccessibleForFree": o.price_ore.is_none(),
    });
    if let Some(org) = org {
        v["provider"] = serde_json::json!({ "@type": "Organization", "name": org.name });
    }
    if !o.street.is_empty() {
        v["areaServed"] = serde_json::json!({
            "@type": "Place",
            "address": { "@type": "PostalAddress", "streetAddress": o.street, "postalCode": o.postal_code, "addressLocality": o.city, "addressCountry": "DK" },
            "geo": o.lat.zip(o.lon).map(|(lat, lon)| serde_json::json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon })),
        });
    }
    if let Some(p) = o.price_ore {
        v["offers"] = serde_json::json!({ "@type": "Offer", "price": format!("{}.{:02}", p / 100, p % 100), "priceCurrency": "DKK" });
    }
    // Inside <script> only `</script` and `<!--` are dangerous; escaping every <, > and &
    // removes them all while keeping the JSON the same to a parser.
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Who may edit, archive, reschedule or cancel an offer and keep its check-in list: the
/// policy decides on the owning organisation's chain alone (the department it is held in
/// gives nobody a say over another association's offer).
pub async fn can_manage(st: &AppState, ctx: &Ctx, o: &Offer) -> AppResult<bool> {
    Ok(naboskab_app::offers::can_manage(&st.app, &ctx.actor, o).await?)
}

/// Refuses unless the actor may manage the offer: 401 when nobody is signed in, else 403.
pub async fn require_manage(st: &AppState, ctx: &Ctx, o: &Offer) -> AppResult<()> {
    if can_manage(st, ctx, o).await? {
        Ok(())
    } else if ctx.user.is_none() {
        Err(AppError::Unauthorized)
    } else {
        Err(AppError::Forbidden)
    }
}

/// `GET /offers/{id}`
pub async fn offer_page(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let view = naboskab_app::offers::view(&st.app, &ctx.actor, id).await?;
    let o = view.offer;
    let locale = ctx.locale;
    let (title, description_html) = o.localized(locale.code());
    let (title, description_html) = (title.to_owned(), description_html.to_owned());
    let summary: String = offers::html_text(&description_html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect();
    let cats = naboskab_app::find::categories(&st.app).await?;
    let organisation = view.organisation;
    let department = view.department;
    let canonical = format!("{}/offers/{}", st.config.base_url, o.id);
    let upcoming = view
        .upcoming
        .into_iter()
        .map(|occ| {
            let left = if occ.signup_required {
                occ.places_left()
            } else {
                None
            };
            (
                occ.id,
                naboskab_app::join::when_text(locale, &occ),
                left,
                occ.cancelled,
            )
        })
        .collect();
    let p = PageCtx::new(&st, &ctx);
    let address = [
        o.street.clone(),
        format!("{} {}", o.postal_code, o.city).trim().to_owned(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    Ok(page(&OfferPage {
        kind_label: p.t(&format!("kind-{}", o.kind)),
        status_label: p.t(&format!("status-{}", o.status)),
        cost: match o.price_ore {
            None => p.t("offer-free"),
            Some(x) => i18n::format_money(locale, x),
        },
        languages: o
            .languages
            .iter()
            .map(|l| language_name(l))
            .collect::<Vec<_>>()
            .join(" · "),
        categories: category_names(&cats, &o.categories, locale),
        targets: o
            .target_groups
            .iter()
            .map(|t| p.t(&format!("target-{t}")))
            .collect(),
        weekdays: o
            .weekdays
            .iter()
            .map(|d| p.t(&format!("weekday-{d}")))
            .collect(),
        map_url: o.lat.zip(o.lon).map(|(lat, lon)| {
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
        }),
        json_ld: json_ld(&o, &title, &summary, &canonical, organisation.as_ref()),
        address,
        title,
        description_html,
        summary,
        organisation,
        department,
        canonical,
        can_edit: view.can_manage,
        upcoming,
        volunteers_wanted: view
            .volunteers_wanted
            .iter()
            .map(|w| {
                (
                    w.role.to_string(),
                    p.t(&format!("volunteer-role-{}", w.role)),
                    i18n::t_args(
                        locale,
                        "volunteer-found",
                        &[
                            ("found", fluent_bundle::FluentValue::from(w.confirmed)),
                            ("wanted", fluent_bundle::FluentValue::from(w.wanted)),
                        ],
                    ),
                )
            })
            .collect(),
        volunteer_roles_open: view
            .volunteers_wanted
            .iter()
            .filter(|w| {
                w.confirmed < w.wanted && !view.own_volunteering.iter().any(|v| v.role == w.role)
            })
            .map(|w| {
                (
                    w.role.to_string(),
                    p.t(&format!("volunteer-role-{}", w.role)),
                )
            })
            .collect(),
        own_volunteering: view
            .own_volunteering
            .iter()
            .map(|v| {
                (
                    p.t(&format!("volunteer-role-{}", v.role)),
                    v.status == naboskab_domain::volunteering::VolunteerStatus::Confirmed,
                    v.id,
                )
            })
            .collect(),
        offer: o,
        ctx: p,
    }))
}

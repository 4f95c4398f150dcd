//! Offers in the API: search with the same parameters as the search page, and one offer in
//! full. Every offer carries `url`, the address of its public page.

use super::Problem;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use naboskab_app::find::{self, FindInput};
use naboskab_domain::{Action, Resource};
use naboskab_store::offers::Offer;
use serde::Serialize;
use utoipa::ToSchema;

/// An offer in a result list.
#[derive(Serialize, ToSchema)]
pub struct OfferSummary {
    /// Id.
    pub id: i64,
    /// Title in the requested language (Danish when not translated).
    pub title: String,
    /// activity, community, self_help, volunteering, municipal_service or counselling.
    pub kind: String,
    /// When, in words.
    pub when: String,
    /// Street address.
    pub street: String,
    /// City.
    pub city: String,
    /// Department name, when it takes place in one.
    pub department: Option<String>,
    /// Owning organisation.
    pub organisation: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Metres from the centre, when a centre was given.
    pub distance_m: Option<i64>,
    /// Price in øre; null is free.
    pub price_ore: Option<i64>,
    /// Languages spoken (ISO 639-1).
    pub languages: Vec<String>,
    /// Category codes.
    pub categories: Vec<String>,
    /// Target group codes.
    pub target_groups: Vec<String>,
    /// Newcomers welcome; someone will greet you.
    pub newcomers_welcome: bool,
    /// Drop in, no sign-up.
    pub drop_in: bool,
    /// Step-free access.
    pub step_free: bool,
    /// Its public page.
    pub url: String,
}

/// A page of offers.
#[derive(Serialize, ToSchema)]
pub struct OfferPage {
    /// Results in rank order.
    pub items: Vec<OfferSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// Search and browse published offers.
#[utoipa::path(get, path = "/api/v1/offers", tag = "offers",
    params(
        ("q" = Option<String>, Query, description = "Free text, taken literally; Danish stemming, synonyms, folding (aa = å) and one typo per word of five letters or more"),
        ("category" = Option<String>, Query, description = "Category code"),
        ("target_group" = Option<String>, Query, description = "children, young, adults, elderly, families, intergenerational, women, men, newcomers"),
        ("language" = Option<String>, Query, description = "ISO 639-1 code of a language spoken"),
        ("weekday" = Option<String>, Query, description = "1 (Monday) to 7 (Sunday)"),
        ("free" = Option<bool>, Query, description = "Only free offers (true, 1, on or yes; false, 0, off, no or empty for all)"),
        ("accessible" = Option<bool>, Query, description = "Only step-free offers"),
        ("newcomers" = Option<bool>, Query, description = "Only offers where newcomers are welcomed"),
        ("near" = Option<String>, Query, description = "Centre as LAT,LON in decimal degrees", pattern = "^(-?(90(\\.0+)?|[1-8]?[0-9](\\.[0-9]+)?),-?(180(\\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\\.[0-9]+)?))?$"),
        ("radius_m" = Option<f64>, Query, description = "Radius around the centre in metres, 100–100000 (default 5000)", minimum = 100, maximum = 100000),
        ("department" = Option<i64>, Query, description = "A department id as the centre; 422 unless it is an organisation with a known place"),
        ("postal_code" = Option<String>, Query, description = "A Danish postal code as the centre; 422 when no such postal code is known", pattern = "^([0-9]{4})?$"),
        ("municipality" = Option<String>, Query, description = "Only offers in this municipality"),
        ("limit" = Option<i64>, Query, description = "Page size, 1–100 (default 20)", minimum = 1, maximum = 100),
        ("cursor" = Option<String>, Query, description = "next_cursor of the previous page; any other value is 422")),
    responses((status = 200, body = OfferPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_offers(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<OfferPage>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let input: FindInput = super::parse_query(raw.as_deref())?;
    let checked = find::check(&st.app, &input).await?;
    let results = find::run(&st.app, &checked, ctx.locale.code()).await?;
    let items = results
        .items
        .into_iter()
        .map(|r| {
            let c = r.card;
            OfferSummary {
                url: format!("{}/offers/{}", st.config.base_url, c.id),
                id: c.id,
                title: c.title,
                kind: c.kind,
                when: c.when_text,
                street: c.street,
                city: c.city,
                department: c.department_name,
                organisation: c.organisation_name,
                lat: c.lat,
                lon: c.lon,
                distance_m: r.distance_m,
                price_ore: c.price_ore,
                languages: c.languages,
                categories: c.categories,
                target_groups: c.target_groups,
                newcomers_welcome: c.newcomers_welcome,
                drop_in: c.drop_in,
                step_free: c.step_free,
            }
        })
        .collect();
    Ok(Json(OfferPage {
        items,
        next_cursor: results.next_cursor,
    }))
}

/// A translation.
#[derive(Serialize, ToSchema)]
pub struct TranslationOut {
    /// Language code.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Sanitised HTML description.
    pub description_html: String,
}

/// An offer in full.
#[derive(Serialize, ToSchema)]
pub struct OfferOut {
    /// Id.
    pub id: i64,
    /// Owning organisation id.
    pub organisation_id: i64,
    /// Department id, when it takes place in one.
    pub department_id: Option<i64>,
    /// Kind.
    pub kind: String,
    /// Title (Danish).
    pub title: String,
    /// Sanitised HTML description (Danish).
    pub description_html: String,
    /// Translations of title and description.
    pub translations: Vec<TranslationOut>,
    /// Category codes.
    pub categories: Vec<String>,
    /// Target group codes.
    pub target_groups: Vec<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Weekdays, 1 (Monday) to 7.
    pub weekdays: Vec<String>,
    /// When, in words.
    pub when: String,
    /// Price in øre; null is free.
    pub price_ore: Option<i64>,
    /// Step-free access.
    pub step_free: bool,
    /// Accessible toilet.
    pub accessible_toilet: bool,
    /// Hearing loop.
    pub hearing_loop: bool,
    /// Drop in.
    pub drop_in: bool,
    /// Newcomers welcome.
    pub newcomers_welcome: bool,
    /// Bring a friend.
    pub bring_friend: bool,
    /// Contact person.
    pub contact_name: String,
    /// Contact phone.
    pub contact_phone: String,
    /// Contact e-mail.
    pub contact_email: String,
    /// Street.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// What to bring.
    pub what_to_bring: String,
    /// What happens the first time.
    pub first_time: String,
    /// Its public page.
    pub url: String,
    /// Its schedules (RFC 5545 series in Copenhagen wall-clock time).
    pub series: Vec<super::occurrences::SeriesOut>,
}

fn offer_out(st: &AppState, o: Offer, series: Vec<super::occurrences::SeriesOut>) -> OfferOut {
    OfferOut {
        series,
        url: format!("{}/offers/{}", st.config.base_url, o.id),
        id: o.id,
        organisation_id: o.organisation_id,
        department_id: o.department_id,
        kind: o.kind,
        title: o.title,
        description_html: o.description_html,
        translations: o
            .translations
            .into_iter()
            .map(|t| TranslationOut {
                locale: t.locale,
                title: t.title,
                description_html: t.description_html,
            })
            .collect(),
        categories: o.categories,
        target_groups: o.target_groups,
        languages: o.languages,
        weekdays: o.weekdays,
        when: o.when_text,
        price_ore: o.price_ore,
        step_free: o.step_free,
        accessible_toilet: o.accessible_toilet,
        hearing_loop: o.hearing_loop,
        drop_in: o.drop_in,
        newcomers_welcome: o.newcomers_welcome,
        bring_friend: o.bring_friend,
        contact_name: o.contact_name,
        contact_phone: o.contact_phone,
        contact_email: o.contact_email,
        street: o.street,
        postal_code: o.postal_code,
        city: o.city,
        lat: o.lat,
        lon: o.lon,
        what_to_bring: o.what_to_bring,
        first_time: o.first_time,
    }
}

/// One published offer.
#[utoipa::path(get, path = "/api/v1/offers/{id}", tag = "offers",
    params(("id" = i64, Path, description = "Offer id")),
    responses((status = 200, body = OfferOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_offer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<OfferOut>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let (o, series) = naboskab_app::offers::published_with_series(&st.app, id).await?;
    let series = series
        .into_iter()
        .map(super::occurrences::series_out)
        .collect();
    Ok(Json(offer_out(&st, o, series)))
}

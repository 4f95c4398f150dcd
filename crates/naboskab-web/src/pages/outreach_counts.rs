//! Referrals in numbers (`/outreach/funnel`): how outreach referrals stand, as counts only.
//!
//! Who sees what, and the suppression of small cells, are decided in
//! [`naboskab_app::counts`]; this page lays the numbers out in the reader's language.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::i18n;
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use naboskab_app::counts::{self, Counts, ExactRow};
use naboskab_domain::Role;
use naboskab_domain::reach::Outcome;

/// One table of counts.
struct Section {
    heading: String,
    /// Exact counts per department and caretaker (else one suppressed row).
    exact: bool,
    /// `(department, caretaker, cells, total)`.
    rows: Vec<(String, String, Vec<String>, String)>,
    /// Column totals (exact sections only).
    totals: Vec<String>,
}

#[derive(Template)]
#[template(path = "outreach_funnel.html")]
struct FunnelPage {
    ctx: PageCtx,
    outcomes: Vec<String>,
    sections: Vec<Section>,
    caretaker: bool,
}

/// `GET /outreach/funnel`: how the referrals stand (counts only).
pub async fn funnel(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let found = counts::funnel(&st.app, &ctx.actor).await?;
    let p = PageCtx::new(&st, &ctx);
    let sections = found
        .into_iter()
        .map(|section| match section.counts {
            Counts::Exact { rows, totals } => exact_section(&p, section.heading, rows, &totals),
            Counts::Suppressed { cells, total } => {
                suppressed_section(&p, section.heading, cells, total)
            }
        })
        .collect();
    Ok(page(&FunnelPage {
        outcomes: Outcome::ALL
            .iter()
            .map(|o| p.t(&format!("outreach-outcome-{}", o.as_str())))
            .collect(),
        sections,
        caretaker: ctx.actor.has_role(Role::SocialCaretaker),
        ctx: p,
    }))
}

fn number(p: &PageCtx, n: i64) -> String {
    i18n::format_integer(p.locale, n)
}

/// Exact counts per department and caretaker, with column totals.
fn exact_section(p: &PageCtx, heading: String, rows: Vec<ExactRow>, totals: &[i64]) -> Section {
    let all: i64 = totals.iter().sum();
    Section {
        heading,
        exact: true,
        rows: rows
            .into_iter()
            .map(|r| {
                let total = number(p, r.counts.iter().sum());
                let cells = r.counts.iter().map(|n| number(p, *n)).collect();
                (r.department, r.caretaker, cells, total)
            })
            .collect(),
        totals: totals
            .iter()
            .map(|n| number(p, *n))
            .chain([number(p, all)])
            .collect(),
    }
}

/// One row for the whole department or municipality, with small cells hidden.
fn suppressed_section(
    p: &PageCtx,
    heading: String,
    cells: Vec<Option<i64>>,
    total: Option<i64>,
) -> Section {
    let shown = |c: Option<i64>| match c {
        Some(n) => number(p, n),
        None => p.t("outreach-count-suppressed"),
    };
    Section {
        rows: vec![(
            heading.clone(),
            String::new(),
            cells.into_iter().map(shown).collect(),
            shown(total),
        )],
        heading,
        exact: false,
        totals: vec![],
    }
}

//! Referrals in numbers (`/outreach/funnel`): how outreach referrals stand, as counts only.
//!
//! The housing organisation's social caretakers and administrators see exact counts per
//! department and caretaker. A department's board and a municipality's officers see one row
//! for their department or municipality with small cells suppressed
//! ([`naboskab_domain::reach::suppress_small_cells`]): no row per department or caretaker, so
//! nothing can be worked out by subtracting one row from another. Who sees what is the
//! policy's [`Action::CountOutreach`] and [`policy::sees_exact_outreach_counts`]; every count
//! writes an audit row per organisation counted for.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use naboskab_domain::policy;
use naboskab_domain::reach::{Outcome, suppress_small_cells};
use naboskab_domain::{Action, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::orgs;
use naboskab_store::reach::{self as store, CountScope, FunnelRow};

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

/// The organisations the actor counts for, with the role that grants it (written to the
/// audit row), each once: a housing organisation held both as caretaker and as administrator
/// counts once.
fn counted_for(ctx: &Ctx) -> Vec<(i64, Role)> {
    let mut out: Vec<(i64, Role)> = Vec::new();
    for m in &ctx.actor.memberships {
        let counts = matches!(
            m.role,
            Role::SocialCaretaker
                | Role::HousingOrgAdmin
                | Role::BoardMember
                | Role::MunicipalOfficer
        );
        if counts && !out.iter().any(|(o, _)| *o == m.organisation_id) {
            out.push((m.organisation_id, m.role));
        }
    }
    out
}

/// `GET /outreach/funnel`: how the referrals stand (counts only).
pub async fn funnel(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let held = counted_for(&ctx);
    if held.is_empty() {
        // Ask the policy with nothing held, for its 401 or 403.
        ctx.authorize(
            Action::CountOutreach,
            &Resource::Organisation { chain: vec![] },
        )?;
        return Err(AppError::Forbidden);
    }
    let p = PageCtx::new(&st, &ctx);
    let mut sections = Vec::new();
    for (org_id, role) in held {
        let chain = orgs::chain(&st.db, org_id).await?;
        ctx.authorize(
            Action::CountOutreach,
            &Resource::Organisation {
                chain: chain.clone(),
            },
        )?;
        let Some(org) = orgs::organisation(&st.db, org_id).await? else {
            continue;
        };
        let who = Auditor {
            user_id: ctx.actor.user_id,
            role: role.as_str().into(),
            purpose: "referral counts".into(),
        };
        let ids = [org_id];
        let scope = match (role, org.municipality_code.as_deref()) {
            (Role::SocialCaretaker | Role::HousingOrgAdmin, _) => CountScope::HousingOrgs(&ids),
            (Role::BoardMember, _) => CountScope::Departments(&ids),
            (_, Some(code)) => CountScope::Municipality { org_id, code },
            (_, None) => continue,
        };
        let rows = store::funnel(&st.db, &st.config.outreach_key, scope, &who, st.now()).await?;
        let section = if policy::sees_exact_outreach_counts(&ctx.actor, &chain) {
            exact_section(&st, &p, org.name, org_id, rows).await?
        } else {
            suppressed_section(&p, org.name, &rows)
        };
        sections.push(section);
    }
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
async fn exact_section(
    st: &AppState,
    p: &PageCtx,
    heading: String,
    housing_org: i64,
    found: Vec<FunnelRow>,
) -> AppResult<Section> {
    let deps = orgs::children(&st.db, housing_org).await?;
    let mut rows = Vec::with_capacity(found.len());
    let mut totals = vec![0; Outcome::ALL.len()];
    for f in found {
        let department = f
            .department_id
            .and_then(|d| deps.iter().find(|o| o.id == d))
            .map(|o| o.name.clone())
            .unwrap_or_default();
        let caretaker = match f.caretaker_id {
            Some(u) => naboskab_store::users::user_by_id(&st.db, u)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        for (t, c) in totals.iter_mut().zip(f.counts) {
            *t += c;
        }
        rows.push((department, caretaker, f.counts));
    }
    rows.sort();
    let all: i64 = totals.iter().sum();
    Ok(Section {
        heading,
        exact: true,
        rows: rows
            .into_iter()
            .map(|(d, c, counts)| {
                let total = number(p, counts.iter().sum());
                (d, c, counts.iter().map(|n| number(p, *n)).collect(), total)
            })
            .collect(),
        totals: totals
            .iter()
            .map(|n| number(p, *n))
            .chain([number(p, all)])
            .collect(),
    })
}

/// One row for the whole department or municipality, with small cells hidden.
fn suppressed_section(p: &PageCtx, heading: String, found: &[FunnelRow]) -> Section {
    let mut counts = vec![0; Outcome::ALL.len()];
    for f in found {
        for (t, c) in counts.iter_mut().zip(f.counts) {
            *t += c;
        }
    }
    let (cells, total) = suppress_small_cells(&counts);
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

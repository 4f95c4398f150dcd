//! Referrals in numbers: how outreach referrals stand, as counts only.
//!
//! The housing organisation's social caretakers and administrators get exact counts per
//! department and caretaker. A department's board and a municipality's officers get one row
//! for their department or municipality with small cells suppressed
//! ([`naboskab_domain::reach::suppress_small_cells`]): no row per department or caretaker, so
//! nothing can be worked out by subtracting one row from another. Who gets what is the
//! policy's [`Action::CountOutreach`] and [`policy::sees_exact_outreach_counts`]; every count
//! writes an audit row per organisation counted for.

use crate::App;
use crate::error::{Error, Result};
use naboskab_domain::policy;
use naboskab_domain::reach::{Outcome, suppress_small_cells};
use naboskab_domain::{Action, Actor, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::reach::{self as store, CountScope, FunnelRow};
use naboskab_store::{orgs, users};

/// One row of exact counts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ExactRow {
    /// The people's department.
    pub department: String,
    /// The caretaker following them.
    pub caretaker: String,
    /// Referrals per outcome, in the order of [`Outcome::ALL`].
    pub counts: Vec<i64>,
}

/// The counts for one organisation, as the actor may see them.
#[derive(Debug, Clone)]
pub enum Counts {
    /// Per department and caretaker (sorted), with the column totals.
    Exact {
        /// The rows.
        rows: Vec<ExactRow>,
        /// Per outcome, over all rows.
        totals: Vec<i64>,
    },
    /// One row for the whole organisation; `None` where a cell is suppressed.
    Suppressed {
        /// Per outcome.
        cells: Vec<Option<i64>>,
        /// All outcomes together.
        total: Option<i64>,
    },
}

/// The counts for one organisation.
#[derive(Debug, Clone)]
pub struct Section {
    /// The organisation's name.
    pub heading: String,
    /// What the actor may see of its counts.
    pub counts: Counts,
}

/// The organisations the actor counts for, with the role that grants it (written to the
/// audit row), each once: a housing organisation held both as caretaker and as administrator
/// counts once.
fn counted_for(actor: &Actor) -> Vec<(i64, Role)> {
    let mut out: Vec<(i64, Role)> = Vec::new();
    for m in &actor.memberships {
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

/// How the referrals stand for every organisation the actor counts for.
pub async fn funnel(app: &App, actor: &Actor) -> Result<Vec<Section>> {
    let held = counted_for(actor);
    if held.is_empty() {
        // Ask the policy with nothing held, for its "sign in" or "forbidden".
        crate::authorize(
            actor,
            Action::CountOutreach,
            &Resource::Organisation { chain: vec![] },
        )?;
        return Err(Error::Forbidden);
    }
    let mut sections = Vec::new();
    for (org_id, role) in held {
        let chain = orgs::chain(&app.db, org_id).await?;
        crate::authorize(
            actor,
            Action::CountOutreach,
            &Resource::Organisation {
                chain: chain.clone(),
            },
        )?;
        let Some(org) = orgs::organisation(&app.db, org_id).await? else {
            continue;
        };
        let who = Auditor {
            user_id: actor.user_id,
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
        let rows = store::funnel(&app.db, &app.config.outreach_key, scope, &who, app.now()).await?;
        let counts = if policy::sees_exact_outreach_counts(actor, &chain) {
            exact(app, org_id, rows).await?
        } else {
            suppressed(&rows)
        };
        sections.push(Section {
            heading: org.name,
            counts,
        });
    }
    Ok(sections)
}

/// Exact counts per department and caretaker, with column totals.
async fn exact(app: &App, housing_org: i64, found: Vec<FunnelRow>) -> Result<Counts> {
    let deps = orgs::children(&app.db, housing_org).await?;
    let mut rows = Vec::with_capacity(found.len());
    let mut totals = vec![0; Outcome::ALL.len()];
    for f in found {
        let department = f
            .department_id
            .and_then(|d| deps.iter().find(|o| o.id == d))
            .map(|o| o.name.clone())
            .unwrap_or_default();
        let caretaker = match f.caretaker_id {
            Some(u) => users::user_by_id(&app.db, u)
                .await?
                .map(|u| u.display_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        for (t, c) in totals.iter_mut().zip(f.counts) {
            *t += c;
        }
        rows.push(ExactRow {
            department,
            caretaker,
            counts: f.counts.to_vec(),
        });
    }
    rows.sort();
    Ok(Counts::Exact { rows, totals })
}

/// One row for the whole department or municipality, with small cells hidden.
fn suppressed(found: &[FunnelRow]) -> Counts {
    let mut counts = vec![0; Outcome::ALL.len()];
    for f in found {
        for (t, c) in counts.iter_mut().zip(f.counts) {
            *t += c;
        }
    }
    let (cells, total) = suppress_small_cells(&counts);
    Counts::Suppressed { cells, total }
}

//! Open data: what the Open Referral HSDS API publishes. Pages of published offers and of the
//! organisations that own them, one published offer, and one organisation with its published
//! offers. Municipalities and the platform itself are not HSDS organisations.

use crate::App;
use crate::error::{Error, Result};
use naboskab_domain::OrgKind;
use naboskab_domain::offer::OfferStatus;
use naboskab_store::offers::{self, Offer};
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::published::{self, Page};

/// Page `page` (from 1) of `per_page` published offers, by id, with the total.
pub async fn offers_page(app: &App, page: i64, per_page: i64) -> Result<Page<Offer>> {
    Ok(published::offers_page(&app.db, page, per_page).await?)
}

/// Page `page` (from 1) of `per_page` organisations that own a published offer, with the total.
pub async fn organisations_page(app: &App, page: i64, per_page: i64) -> Result<Page<Organisation>> {
    Ok(published::organisations_page(&app.db, page, per_page).await?)
}

/// A published offer with its organisation.
pub async fn offer(app: &App, id: i64) -> Result<(Offer, Option<Organisation>)> {
    let o = crate::offers::published(app, id).await?;
    let org = orgs::organisation(&app.db, o.organisation_id).await?;
    Ok((o, org))
}

/// An organisation with its published offers (id and title); not found for a municipality
/// or the platform.
pub async fn organisation(app: &App, id: i64) -> Result<(Organisation, Vec<(i64, String)>)> {
    let org = orgs::organisation(&app.db, id)
        .await?
        .filter(|o| !matches!(o.kind, OrgKind::Platform | OrgKind::Municipality))
        .ok_or(Error::NotFound)?;
    let services = offers::offers_of_organisation(&app.db, id)
        .await?
        .into_iter()
        .filter(|(_, _, status)| *status == OfferStatus::Published)
        .map(|(sid, name, _)| (sid, name))
        .collect();
    Ok((org, services))
}

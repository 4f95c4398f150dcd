//! Offers: who may manage one, and an offer's title in a reader's language.

use crate::App;
use crate::i18n::Locale;
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::{Action, Actor, Resource};
use naboskab_store::offers::{self, Offer};
use naboskab_store::orgs;

/// Whether `actor` may edit, archive, reschedule or cancel the offer and keep its check-in
/// list: the policy decides on the owning organisation's chain alone (the department it is
/// held in gives nobody a say over another association's offer).
pub async fn can_manage(app: &App, actor: &Actor, o: &Offer) -> crate::error::Result<bool> {
    let owner_chain = orgs::chain(&app.db, o.organisation_id).await?;
    Ok(naboskab_domain::policy::decide(
        actor,
        Action::ManageOffers,
        &Resource::Offer { owner_chain },
    )
    .is_allowed())
}

/// A published offer, or [`crate::Error::NotFound`] (drafts and archived offers are not
/// there for the public).
pub async fn published(app: &App, id: i64) -> crate::error::Result<Offer> {
    match offers::offer(&app.db, id).await? {
        Some(o) if o.status == OfferStatus::Published => Ok(o),
        _ => Err(crate::Error::NotFound),
    }
}

/// The offer's title in `locale` (its translation when there is one), or `fallback` when the
/// offer is gone.
pub async fn title_in(
    app: &App,
    offer_id: i64,
    locale: Locale,
    fallback: &str,
) -> crate::error::Result<String> {
    Ok(match offers::offer(&app.db, offer_id).await? {
        Some(o) => o.localized(locale.code()).0.to_owned(),
        None => fallback.to_owned(),
    })
}

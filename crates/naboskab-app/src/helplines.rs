//! The national helplines shown on the "Føler du dig ensom?" page: anyone reads them, platform
//! administrators add, change and remove them, and every entry is checked before it is kept
//! (a name, a phone number of digits, a web address that is one).

use crate::error::{Error, FieldError, Result};
use crate::{App, authorize};
use naboskab_domain::{Action, Actor, Resource};
use naboskab_store::offers::{self, Helpline};

/// Every helpline, in the order they were added.
pub async fn list(app: &App) -> Result<Vec<Helpline>> {
    Ok(offers::helplines(&app.db).await?)
}

/// Every problem with a helpline as typed (its fields already trimmed), each naming its field.
pub fn problems(h: &Helpline) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let mut need = |field: &str, ok: bool, key: &'static str| {
        if !ok {
            problems.push(FieldError::new(field, key));
        }
    };
    need(
        "name",
        (1..=200).contains(&h.name.chars().count()),
        "field-required",
    );
    need(
        "phone",
        h.phone.chars().any(|c| c.is_ascii_digit())
            && h.phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c))
            && h.phone.len() <= 30,
        "field-helpline-phone-invalid",
    );
    need(
        "url",
        h.url.is_empty() || h.url.starts_with("https://") || h.url.starts_with("http://"),
        "field-url-invalid",
    );
    need("hours", h.hours.chars().count() <= 200, "field-too-long");
    need(
        "description",
        h.description.chars().count() <= 1000,
        "field-too-long",
    );
    problems
}

/// Adds a helpline (id 0, placed last) or changes one, once it has no problems.
pub async fn save(app: &App, actor: &Actor, h: &Helpline) -> Result<()> {
    authorize(actor, Action::AdministerPlatform, &Resource::Platform)?;
    let problems = problems(h);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    if h.id == 0 {
        let next = offers::helplines(&app.db).await?.len() as i64 + 1;
        offers::add_helpline(&app.db, h, next).await?;
    } else {
        offers::update_helpline(&app.db, h).await?;
    }
    tracing::info!(by = ?actor.user_id, helpline = h.id, "helpline saved");
    Ok(())
}

/// Removes a helpline.
pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    authorize(actor, Action::AdministerPlatform, &Resource::Platform)?;
    offers::delete_helpline(&app.db, id).await?;
    tracing::info!(by = ?actor.user_id, helpline = id, "helpline removed");
    Ok(())
}

//! The survey's letters on paper: for one department of a round, a PDF with one A4 invitation
//! per address, each with its own new one-time code, the link that opens the questionnaire
//! with it (printed and as a QR code) and the text in Danish and one more of the round's
//! languages. The codes exist only on the paper: the database keeps their hashes.

use super::{issue_codes_as, round};
use crate::App;
use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::printing::{Printed, plain, typeset};
use naboskab_domain::Actor;
use naboskab_pdf::{Document, Invitation, InvitationText, Part};
use naboskab_store::orgs;

/// The most letters in one file (a stairwell's or a block's addresses; print more files for
/// more).
pub const MAX_LETTERS: usize = 1_000;

fn text(
    locale: Locale,
    sender: &str,
    department: &str,
    site: &str,
    closes_on: &str,
) -> InvitationText {
    InvitationText {
        lang: locale.code().to_owned(),
        rtl: locale.dir() == "rtl",
        heading: plain(locale, "survey-letter-heading", &[]),
        paragraphs: vec![
            plain(
                locale,
                "survey-letter-why",
                &[
                    ("sender", sender.to_owned()),
                    ("department", department.to_owned()),
                ],
            ),
            plain(locale, "survey-letter-how", &[("site", site.to_owned())]),
            plain(
                locale,
                "survey-letter-until",
                &[("date", closes_on.to_owned())],
            ),
            plain(locale, "survey-letter-anonymous", &[]),
        ],
        code_label: plain(locale, "survey-letter-code", &[]),
    }
}

/// `count` letters for `department_id` of round `round_id`, in Danish and `language` (one of
/// the round's languages; Danish alone when it is Danish or none), each with a new code.
/// For those who may make codes for the round.
pub async fn letters_pdf(
    app: &App,
    actor: &Actor,
    round_id: i64,
    department_id: i64,
    count: usize,
    language: Option<Locale>,
) -> Result<Printed> {
    let view = round(app, actor, round_id).await?;
    if !view.may_run {
        return Err(Error::Forbidden);
    }
    if count == 0 || count > MAX_LETTERS {
        return Err(Error::Invalid(vec![FieldError::new(
            "count",
            "field-survey-letters",
        )]));
    }
    let second = match language {
        Some(Locale::Da) | None => None,
        Some(l) if view.languages.contains(&l) => Some(l),
        Some(_) => {
            return Err(Error::Invalid(vec![FieldError::new(
                "language",
                "field-survey-language",
            )]));
        }
    };
    let department = view
        .departments
        .iter()
        .find(|(id, _)| *id == department_id)
        .map(|(_, name)| name.clone())
        .ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "department_id",
                "field-survey-departments",
            )])
        })?;
    let runner = naboskab_store::surveys::round(&app.db, round_id)
        .await?
        .ok_or(Error::NotFound)?
        .fields
        .organisation_id;
    let sender = orgs::organisation(&app.db, runner)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let codes = issue_codes_as(app, actor, round_id, Some(department_id), count).await?;
    let site = format!("{}/survey", app.config.base_url);
    let languages: Vec<Locale> = [Some(Locale::Da), second].into_iter().flatten().collect();
    let texts: Vec<InvitationText> = languages
        .iter()
        .map(|l| {
            let closes = i18n::format_day(*l, view.closes_on);
            text(*l, &sender, &department, &site, &closes)
        })
        .collect();
    let parts = codes
        .into_iter()
        .map(|code| {
            Part::Invitation(Invitation {
                sender: vec![sender.clone()],
                recipient: vec![
                    plain(Locale::Da, "survey-letter-to", &[]),
                    department.clone(),
                ],
                link: format!("{site}?code={code}"),
                code,
                texts: texts.clone(),
                footer: format!("Naboskab · {}", view.title),
            })
        })
        .collect();
    let document = Document {
        title: plain(
            Locale::Da,
            "survey-letter-title",
            &[("round", view.title.clone())],
        ),
        parts,
    };
    typeset(document, format!("survey-{round_id}-letters.pdf")).await
}

//! "Føler du dig ensom?": where to turn when lonely. The national helplines, the social
//! caretakers of a department, which offers to show (newcomers welcome, near the department),
//! and the "contact me" request: checked with every problem named, then stored sealed for the
//! outreach staff of the department.

use crate::App;
use crate::contact::check_contact;
use crate::error::{Error, FieldError, Result};
use naboskab_domain::{Actor, OrgKind, Role};
use naboskab_store::catalogue::OfferQuery;
use naboskab_store::offers::{self, ContactRequest, Helpline, StaffContact};
use naboskab_store::orgs::{self, Organisation};

/// The department the actor lives in, when they are a resident of one.
pub async fn resident_department(app: &App, actor: &Actor) -> Result<Option<i64>> {
    for m in actor
        .memberships
        .iter()
        .filter(|m| m.role == Role::Resident)
    {
        if let Some(o) = orgs::organisation(&app.db, m.organisation_id).await?
            && o.kind == OrgKind::Department
        {
            return Ok(Some(o.id));
        }
    }
    Ok(None)
}

/// What the page shows for a department (or for none).
#[derive(Debug, Clone)]
pub struct WhereToTurn {
    /// Every department, for the choice.
    pub departments: Vec<Organisation>,
    /// The chosen department, when it is one.
    pub department: Option<Organisation>,
    /// Its social caretakers and other staff to turn to.
    pub caretakers: Vec<StaffContact>,
    /// The national helplines.
    pub helplines: Vec<Helpline>,
    /// Offers where newcomers are welcome.
    pub offers: OfferQuery,
    /// Around the department, when it has a place: latitude, longitude, radius in metres.
    pub centre: Option<(f64, f64, f64)>,
}

/// Where to turn, for `department` when it is one.
pub async fn where_to_turn(app: &App, department: Option<i64>) -> Result<WhereToTurn> {
    let departments = orgs::organisations_of_kind(&app.db, OrgKind::Department).await?;
    let department = department.and_then(|id| departments.iter().find(|d| d.id == id).cloned());
    let caretakers = match &department {
        Some(d) => offers::caretakers_for(&app.db, &orgs::chain(&app.db, d.id).await?).await?,
        None => vec![],
    };
    let centre = department
        .as_ref()
        .and_then(|d| d.lat.zip(d.lon))
        .map(|(lat, lon)| (lat, lon, naboskab_domain::geo::NEAR_M));
    Ok(WhereToTurn {
        departments,
        department,
        caretakers,
        helplines: offers::helplines(&app.db).await?,
        offers: OfferQuery {
            newcomers_welcome: true,
            ..Default::default()
        },
        centre,
    })
}

/// A "contact me" request as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactDraft {
    /// The department's id, as sent.
    pub department: String,
    /// Name.
    pub name: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Language to speak.
    pub preferred_language: String,
    /// When to call, in words.
    pub when_to_call: String,
    /// Anything else.
    pub message: String,
    /// Whether the consent box was ticked.
    pub consent: bool,
}

/// A request that passed its checks, ready to store.
#[derive(Debug, Clone)]
pub struct CheckedContact(ContactRequest);

/// Checks a request: a department that exists, a name and a phone or e-mail, the consent,
/// and texts of at most 1,000 characters. Answers [`Error::Invalid`] naming every problem.
pub async fn check_contact_request(app: &App, d: &ContactDraft) -> Result<CheckedContact> {
    let mut problems = Vec::new();
    let department = match d.department.parse::<i64>() {
        Ok(id) => match orgs::organisation(&app.db, id).await? {
            Some(o) if o.kind == OrgKind::Department => Some(id),
            _ => None,
        },
        Err(_) => None,
    };
    if department.is_none() {
        problems.push(FieldError::new("department", "field-department-required"));
    }
    let contact = check_contact(&d.name, &d.phone, &d.email, &mut problems);
    if !d.consent {
        problems.push(FieldError::new("consent", "field-consent-required"));
    }
    if [&d.when_to_call, &d.message, &d.preferred_language]
        .iter()
        .any(|v| v.chars().count() > 1000)
    {
        problems.push(FieldError::new("message", "field-too-long"));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(CheckedContact(ContactRequest {
        department_id: department,
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        preferred_language: d.preferred_language.clone(),
        when_to_call: d.when_to_call.trim().to_owned(),
        message: d.message.trim().to_owned(),
        ..Default::default()
    }))
}

/// Stores a checked request, sealed, with the consent text as the person saw it; returns its
/// id.
pub async fn store_contact_request(
    app: &App,
    checked: CheckedContact,
    consent_text: String,
) -> Result<i64> {
    let request = ContactRequest {
        consent_text,
        ..checked.0
    };
    let id = offers::create_contact_request(&app.db, &app.config.outreach_key, &request, app.now())
        .await?;
    tracing::info!(request_id = id, department = ?request.department_id, "contact request stored");
    Ok(id)
}

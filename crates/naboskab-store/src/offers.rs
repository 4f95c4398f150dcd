//! Offers (activities, communities, helplines, services), their translations and tags, the
//! portable search index, and what the "Føler du dig ensom?" page needs: helplines, staff
//! contact details of social caretakers, and "contact me" requests.
//!
//! The search index is a plain table of `(term, offer_id, weight)` rows. Terms come from
//! [`naboskab_domain::search`], so SQLite and PostgreSQL store and match exactly the same
//! terms with the same SQL, and give the same results.

use crate::db::{Db, Row, Sql, Tx};
use crate::error::StoreError;
use crate::params;
use crate::seal::SealKey;
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::search;
use std::collections::BTreeSet;

/// Tag kinds stored in `offer_tag`.
pub const TAG_KINDS: [&str; 4] = ["category", "target", "language", "weekday"];

/// One translation of an offer's title and description.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// Language code.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Sanitised HTML description.
    pub description_html: String,
}

/// An offer, as stored and as edited.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Offer {
    /// Id (0 before it is stored).
    pub id: i64,
    /// The organisation that owns it.
    pub organisation_id: i64,
    /// The department where it takes place, if any.
    pub department_id: Option<i64>,
    /// Kind (see `naboskab_domain::offer::KINDS`).
    pub kind: String,
    /// draft, pending, published or archived.
    pub status: OfferStatus,
    /// Title in Danish (the default language).
    pub title: String,
    /// Sanitised HTML description in Danish.
    pub description_html: String,
    /// Step-free access.
    pub step_free: bool,
    /// Accessible toilet.
    pub accessible_toilet: bool,
    /// Hearing loop.
    pub hearing_loop: bool,
    /// Price in øre; `None` is free.
    pub price_ore: Option<i64>,
    /// Drop in, no sign-up.
    pub drop_in: bool,
    /// Newcomers welcome; someone will greet you.
    pub newcomers_welcome: bool,
    /// Bring a friend.
    pub bring_friend: bool,
    /// Contact person.
    pub contact_name: String,
    /// Contact phone.
    pub contact_phone: String,
    /// Contact e-mail.
    pub contact_email: String,
    /// Street address.
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Municipality code.
    pub municipality_code: Option<String>,
    /// When, in words, until schedules exist ("Tirsdage kl. 14–16").
    pub when_text: String,
    /// What to bring.
    pub what_to_bring: String,
    /// "First time? This is what happens."
    pub first_time: String,
    /// Category codes.
    pub categories: Vec<String>,
    /// Target group codes.
    pub target_groups: Vec<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Weekday codes ("1" = Monday).
    pub weekdays: Vec<String>,
    /// Translations into other languages.
    pub translations: Vec<Translation>,
    /// Who created it.
    pub created_by: Option<i64>,
    /// Created.
    pub created_at: i64,
    /// Last changed.
    pub updated_at: i64,
}

impl Offer {
    /// Title and description in `locale`, falling back to Danish.
    pub fn localized(&self, locale: &str) -> (&str, &str) {
        self.translations
            .iter()
            .find(|t| t.locale == locale)
            .map(|t| (t.title.as_str(), t.description_html.as_str()))
            .unwrap_or((self.title.as_str(), self.description_html.as_str()))
    }
}

const OFFER_COLUMNS: &str = "SELECT id, organisation_id, department_id, kind, status, title, description_html, step_free, accessible_toilet, hearing_loop, price_ore, drop_in, newcomers_welcome, bring_friend, contact_name, contact_phone, contact_email, street, postal_code, city, lat, lon, municipality_code, when_text, what_to_bring, first_time, created_by, created_at, updated_at FROM offer";

fn offer_from(r: &Row) -> Result<Offer, StoreError> {
    Ok(Offer {
        id: r.i64("id")?,
        organisation_id: r.i64("organisation_id")?,
        department_id: r.opt_i64("department_id")?,
        kind: r.string("kind")?,
        status: r.parsed("status", OfferStatus::parse)?,
        title: r.string("title")?,
        description_html: r.string("description_html")?,
        step_free: r.bool("step_free")?,
        accessible_toilet: r.bool("accessible_toilet")?,
        hearing_loop: r.bool("hearing_loop")?,
        price_ore: r.opt_i64("price_ore")?,
        drop_in: r.bool("drop_in")?,
        newcomers_welcome: r.bool("newcomers_welcome")?,
        bring_friend: r.bool("bring_friend")?,
        contact_name: r.string("contact_name")?,
        contact_phone: r.string("contact_phone")?,
        contact_email: r.string("contact_email")?,
        street: r.string("street")?,
        postal_code: r.string("postal_code")?,
        city: r.string("city")?,
        lat: r.opt_f64("lat")?,
        lon: r.opt_f64("lon")?,
        municipality_code: r.opt_string("municipality_code")?,
        when_text: r.string("when_text")?,
        what_to_bring: r.string("what_to_bring")?,
        first_time: r.string("first_time")?,
        created_by: r.opt_i64("created_by")?,
        created_at: r.i64("created_at")?,
        updated_at: r.i64("updated_at")?,
        ..Default::default()
    })
}

/// Text of an HTML fragment (tags dropped, entities for the usual characters decoded), for the
/// search index.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The index terms of an offer: titles weigh 3, descriptions and "when" 1, in every language.
pub fn offer_terms(o: &Offer) -> Vec<(String, i64)> {
    let mut texts: Vec<(String, i64)> = vec![
        (o.title.clone(), 3),
        (html_text(&o.description_html), 1),
        (o.when_text.clone(), 1),
        (o.city.clone(), 1),
    ];
    for t in &o.translations {
        texts.push((t.title.clone(), 3));
        texts.push((html_text(&t.description_html), 1));
    }
    let refs: Vec<(&str, i64)> = texts.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    search::index_terms(&refs)
}

async fn write_children(tx: &mut Tx, o: &Offer, id: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM offer_tag WHERE offer_id = $1", params![id])
        .await?;
    tx.execute(
        "DELETE FROM offer_translation WHERE offer_id = $1",
        params![id],
    )
    .await?;
    tx.execute("DELETE FROM offer_term WHERE offer_id = $1", params![id])
        .await?;
    for (kind, codes) in [
        ("category", &o.categories),
        ("target", &o.target_groups),
        ("language", &o.languages),
        ("weekday", &o.weekdays),
    ] {
        for code in codes.iter().collect::<BTreeSet<_>>() {
            tx.execute(
                "INSERT INTO offer_tag (kind, code, offer_id) VALUES ($1, $2, $3)",
                params![kind, code.as_str(), id],
            )
            .await?;
        }
    }
    for t in &o.translations {
        tx.execute(
            "INSERT INTO offer_translation (offer_id, locale, title, description_html) VALUES ($1, $2, $3, $4)",
            params![id, t.locale.as_str(), t.title.as_str(), t.description_html.as_str()],
        )
        .await?;
    }
    for (term, weight) in offer_terms(o) {
        tx.execute(
            "INSERT INTO offer_term (term, offer_id, weight) VALUES ($1, $2, $3)",
            params![term.as_str(), id, weight],
        )
        .await?;
    }
    Ok(())
}

/// Stores a new offer with its tags, translations and index terms; returns its id.
pub async fn create_offer(db: &Db, o: &Offer, now: i64) -> Result<i64, StoreError> {
    create_offers_bulk(db, std::slice::from_ref(o), now)
        .await?
        .into_iter()
        .next()
        .ok_or(StoreError::NotFound)
}

/// Stores many offers in one transaction (imports and load tests); returns their ids.
pub async fn create_offers_bulk(db: &Db, list: &[Offer], now: i64) -> Result<Vec<i64>, StoreError> {
    let mut tx = db.begin().await?;
    let seq = next_change_seq(&mut tx).await?;
    let mut ids = Vec::with_capacity(list.len());
    for o in list {
        let id = tx
            .query_one(
                "INSERT INTO offer (organisation_id, department_id, kind, status, title, description_html, step_free, accessible_toilet, hearing_loop, price_ore, drop_in, newcomers_welcome, bring_friend, contact_name, contact_phone, contact_email, street, postal_code, city, lat, lon, municipality_code, when_text, what_to_bring, first_time, created_by, created_at, updated_at, change_seq)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $27, $28) RETURNING id",
                params![
                    o.organisation_id, o.department_id, o.kind.as_str(), o.status.as_str(), o.title.as_str(), o.description_html.as_str(),
                    o.step_free, o.accessible_toilet, o.hearing_loop, o.price_ore, o.drop_in, o.newcomers_welcome, o.bring_friend,
                    o.contact_name.as_str(), o.contact_phone.as_str(), o.contact_email.as_str(), o.street.as_str(), o.postal_code.as_str(),
                    o.city.as_str(), o.lat, o.lon, o.municipality_code.as_ref(), o.when_text.as_str(), o.what_to_bring.as_str(),
                    o.first_time.as_str(), o.created_by, now, seq
                ],
            )
            .await?
            .i64("id")?;
        write_children(&mut tx, o, id).await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Replaces an offer's content (not its owner, creator or status).
pub async fn update_offer(db: &Db, id: i64, o: &Offer, now: i64) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let seq = next_change_seq(&mut tx).await?;
    let n = tx
        .execute(
            "UPDATE offer SET department_id = $2, kind = $3, title = $4, description_html = $5, step_free = $6, accessible_toilet = $7, hearing_loop = $8, price_ore = $9, drop_in = $10, newcomers_welcome = $11, bring_friend = $12, contact_name = $13, contact_phone = $14, contact_email = $15, street = $16, postal_code = $17, city = $18, lat = $19, lon = $20, municipality_code = $21, when_text = $22, what_to_bring = $23, first_time = $24, updated_at = $25, change_seq = $26
             WHERE id = $1",
            params![
                id, o.department_id, o.kind.as_str(), o.title.as_str(), o.description_html.as_str(), o.step_free, o.accessible_toilet,
                o.hearing_loop, o.price_ore, o.drop_in, o.newcomers_welcome, o.bring_friend, o.contact_name.as_str(),
                o.contact_phone.as_str(), o.contact_email.as_str(), o.street.as_str(), o.postal_code.as_str(), o.city.as_str(),
                o.lat, o.lon, o.municipality_code.as_ref(), o.when_text.as_str(), o.what_to_bring.as_str(), o.first_time.as_str(), now, seq
            ],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    write_children(&mut tx, o, id).await?;
    tx.commit().await
}

/// Sets an offer's status (publish, archive, send for approval).
pub async fn set_status(db: &Db, id: i64, status: OfferStatus, now: i64) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let seq = next_change_seq(&mut tx).await?;
    let n = tx
        .execute(
            "UPDATE offer SET status = $1, updated_at = $2, change_seq = $3 WHERE id = $4",
            params![status.as_str(), now, seq, id],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.commit().await
}

/// Takes the next number of the offers' change sequence (see [`crate::catalogue`]); the row
/// lock it takes orders concurrent offer writes, so numbers become visible in order.
async fn next_change_seq(tx: &mut Tx) -> Result<i64, StoreError> {
    tx.query_one(
        "UPDATE catalogue_generation SET n = n + 1 WHERE id = 1 RETURNING n",
        params![],
    )
    .await?
    .i64("n")
}

/// One offer with tags and translations.
pub async fn offer(db: &Db, id: i64) -> Result<Option<Offer>, StoreError> {
    const SQL: &str = "SELECT id, organisation_id, department_id, kind, status, title, description_html, step_free, accessible_toilet, hearing_loop, price_ore, drop_in, newcomers_welcome, bring_friend, contact_name, contact_phone, contact_email, street, postal_code, city, lat, lon, municipality_code, when_text, what_to_bring, first_time, created_by, created_at, updated_at FROM offer WHERE id = $1";
    debug_assert!(SQL.starts_with(OFFER_COLUMNS));
    let Some(row) = db.query_opt(SQL, params![id]).await? else {
        return Ok(None);
    };
    let mut o = offer_from(&row)?;
    for r in db
        .query(
            "SELECT kind, code FROM offer_tag WHERE offer_id = $1 ORDER BY kind, code",
            params![id],
        )
        .await?
    {
        let code = r.string("code")?;
        match r.string("kind")?.as_str() {
            "category" => o.categories.push(code),
            "target" => o.target_groups.push(code),
            "language" => o.languages.push(code),
            "weekday" => o.weekdays.push(code),
            _ => {}
        }
    }
    o.translations = db
        .query("SELECT locale, title, description_html FROM offer_translation WHERE offer_id = $1 ORDER BY locale", params![id])
        .await?
        .iter()
        .map(|r| Ok(Translation { locale: r.string("locale")?, title: r.string("title")?, description_html: r.string("description_html")? }))
        .collect::<Result<_, StoreError>>()?;
    Ok(Some(o))
}

/// Offers owned by an organisation, any status, newest first.
pub async fn offers_of_organisation(
    db: &Db,
    organisation_id: i64,
) -> Result<Vec<(i64, String, OfferStatus)>, StoreError> {
    db.query(
        "SELECT id, title, status FROM offer WHERE organisation_id = $1 ORDER BY id DESC",
        params![organisation_id],
    )
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.i64("id")?,
            r.string("title")?,
            r.parsed("status", OfferStatus::parse)?,
        ))
    })
    .collect()
}

/// The organisations with published offers taking place in a department (its partners).
pub async fn organisations_active_in(db: &Db, department_id: i64) -> Result<Vec<i64>, StoreError> {
    db.query(
        "SELECT DISTINCT organisation_id FROM offer WHERE department_id = $1 AND status = 'published' ORDER BY organisation_id",
        params![department_id],
    )
    .await?
    .iter()
    .map(|r| r.i64("organisation_id"))
    .collect()
}

/// Offers waiting for approval in organisations `orgs`.
pub async fn pending_offers(
    db: &Db,
    departments_or_orgs: &[i64],
) -> Result<Vec<(i64, String, i64)>, StoreError> {
    let mut sql = Sql::new(
        "SELECT id, title, organisation_id FROM offer WHERE status = 'pending' AND (department_id IN (",
    );
    sql.bind_list(departments_or_orgs.iter().copied())
        .push(") OR organisation_id IN (");
    sql.bind_list(departments_or_orgs.iter().copied())
        .push(")) ORDER BY id");
    db.query_built(sql)
        .await?
        .iter()
        .map(|r| Ok((r.i64("id")?, r.string("title")?, r.i64("organisation_id")?)))
        .collect()
}

/// What a result card shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OfferCard {
    /// Id.
    pub id: i64,
    /// Title in the asked language (Danish when not translated).
    pub title: String,
    /// Kind.
    pub kind: String,
    /// Price in øre; `None` is free.
    pub price_ore: Option<i64>,
    /// Newcomers welcome.
    pub newcomers_welcome: bool,
    /// Drop in.
    pub drop_in: bool,
    /// Step-free.
    pub step_free: bool,
    /// When, in words.
    pub when_text: String,
    /// Street.
    pub street: String,
    /// City.
    pub city: String,
    /// Department name, if it takes place in one.
    pub department_name: Option<String>,
    /// Owning organisation's name.
    pub organisation_name: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Category codes.
    pub categories: Vec<String>,
    /// Target group codes.
    pub target_groups: Vec<String>,
}

/// A category of the taxonomy with its names.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Code.
    pub code: String,
    /// Danish name.
    pub name_da: String,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
}

impl Category {
    /// The name in `locale`.
    pub fn name(&self, locale: &str) -> &str {
        match locale {
            "en" => &self.name_en,
            "ar" => &self.name_ar,
            _ => &self.name_da,
        }
    }
}

/// The category taxonomy, in display order.
pub async fn categories(db: &Db) -> Result<Vec<Category>, StoreError> {
    db.query(
        "SELECT code, name_da, name_en, name_ar FROM category ORDER BY sort_order, code",
        params![],
    )
    .await?
    .iter()
    .map(|r| {
        Ok(Category {
            code: r.string("code")?,
            name_da: r.string("name_da")?,
            name_en: r.string("name_en")?,
            name_ar: r.string("name_ar")?,
        })
    })
    .collect()
}

/// Adds or renames a category.
pub async fn upsert_category(db: &Db, c: &Category, sort_order: i64) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO category (code, sort_order, name_da, name_en, name_ar) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET sort_order = $2, name_da = $3, name_en = $4, name_ar = $5",
        params![c.code.as_str(), sort_order, c.name_da.as_str(), c.name_en.as_str(), c.name_ar.as_str()],
    )
    .await
    .map(|_| ())
}

// ----- the "Føler du dig ensom?" page -----

/// A helpline or counselling service.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Helpline {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Phone number.
    pub phone: String,
    /// Opening hours, in words.
    pub hours: String,
    /// What they help with.
    pub description: String,
    /// Web site.
    pub url: String,
    /// An example entry of the demo, not a real number.
    pub is_example: bool,
}

/// Adds a helpline.
pub async fn add_helpline(db: &Db, h: &Helpline, sort_order: i64) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO helpline (name, phone, hours, description, url, sort_order, is_example) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            params![h.name.as_str(), h.phone.as_str(), h.hours.as_str(), h.description.as_str(), h.url.as_str(), sort_order, h.is_example],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a helpline.
pub async fn update_helpline(db: &Db, h: &Helpline) -> Result<(), StoreError> {
    let n = db
        .execute(
            "UPDATE helpline SET name = $1, phone = $2, hours = $3, description = $4, url = $5, is_example = $6 WHERE id = $7",
            params![h.name.as_str(), h.phone.as_str(), h.hours.as_str(), h.description.as_str(), h.url.as_str(), h.is_example, h.id],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Removes a helpline.
pub async fn delete_helpline(db: &Db, id: i64) -> Result<(), StoreError> {
    db.execute("DELETE FROM helpline WHERE id = $1", params![id])
        .await?;
    Ok(())
}

/// Every helpline, in display order.
pub async fn helplines(db: &Db) -> Result<Vec<Helpline>, StoreError> {
    db.query("SELECT id, name, phone, hours, description, url, is_example FROM helpline ORDER BY sort_order, id", params![])
        .await?
        .iter()
        .map(|r| {
            Ok(Helpline {
                id: r.i64("id")?,
                name: r.string("name")?,
                phone: r.string("phone")?,
                hours: r.string("hours")?,
                description: r.string("description")?,
                url: r.string("url")?,
                is_example: r.bool("is_example")?,
            })
        })
        .collect()
}

/// A member of staff as residents may reach them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffContact {
    /// User id.
    pub user_id: i64,
    /// Name.
    pub name: String,
    /// Phone.
    pub phone: String,
    /// Office hours.
    pub office_hours: String,
    /// A few words about them.
    pub about: String,
}

/// Sets a staff member's public contact details.
pub async fn set_staff_profile(
    db: &Db,
    user_id: i64,
    phone: &str,
    office_hours: &str,
    about: &str,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO staff_profile (user_id, phone, office_hours, about) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET phone = $2, office_hours = $3, about = $4",
        params![user_id, phone, office_hours, about],
    )
    .await
    .map(|_| ())
}

/// The social caretakers serving a department: those holding the role in the department or
/// in any organisation above it.
pub async fn caretakers_for(db: &Db, chain: &[i64]) -> Result<Vec<StaffContact>, StoreError> {
    let mut sql = Sql::new(
        "SELECT DISTINCT u.id, u.display_name, COALESCE(p.phone, '') AS phone, COALESCE(p.office_hours, '') AS office_hours, COALESCE(p.about, '') AS about
         FROM membership m JOIN app_user u ON u.id = m.user_id LEFT JOIN staff_profile p ON p.user_id = u.id
         WHERE m.role = 'social_caretaker' AND m.confirmed_at IS NOT NULL AND u.disabled_at IS NULL AND m.organisation_id IN (",
    );
    sql.bind_list(chain.iter().copied())
        .push(") ORDER BY u.display_name");
    db.query_built(sql)
        .await?
        .iter()
        .map(|r| {
            Ok(StaffContact {
                user_id: r.i64("id")?,
                name: r.string("display_name")?,
                phone: r.string("phone")?,
                office_hours: r.string("office_hours")?,
                about: r.string("about")?,
            })
        })
        .collect()
}

/// A "contact me" request from the lonely page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactRequest {
    /// Id.
    pub id: i64,
    /// The department whose outreach staff should call.
    pub department_id: Option<i64>,
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
    /// The consent text the person agreed to, as shown.
    pub consent_text: String,
    /// Received.
    pub created_at: i64,
}

/// The columns of a "contact me" request that hold the person's details or words, sealed at
/// rest like outreach records (the request says "I am lonely" and how to reach the person).
const SEALED_REQUEST_COLUMNS: [&str; 5] = ["name", "phone", "email", "when_to_call", "message"];

fn seal_request_field(key: &SealKey, column: &str, text: &str) -> Result<String, StoreError> {
    key.seal_optional(&format!("contact_request.{column}"), text)
}

fn open_request_field(key: &SealKey, column: &str, stored: String) -> Result<String, StoreError> {
    key.open_optional(&format!("contact_request.{column}"), &stored)
}

/// Stores a "contact me" request, its personal fields sealed; returns its id.
pub async fn create_contact_request(
    db: &Db,
    key: &SealKey,
    c: &ContactRequest,
    now: i64,
) -> Result<i64, StoreError> {
    let [name, phone, email, when_to_call, message] =
        [&c.name, &c.phone, &c.email, &c.when_to_call, &c.message]
            .into_iter()
            .zip(SEALED_REQUEST_COLUMNS)
            .map(|(text, column)| seal_request_field(key, column, text))
            .collect::<Result<Vec<_>, _>>()?
            .try_into()
            .map_err(|_| StoreError::Sealed)?;
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO contact_request (department_id, name, phone, email, preferred_language, when_to_call, message, consent_text, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            params![
                c.department_id, name, phone, email, c.preferred_language.as_str(),
                when_to_call, message, c.consent_text.as_str(), now
            ],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

/// Requests for a department, newest first.
pub async fn contact_requests_for(
    db: &Db,
    key: &SealKey,
    department_id: i64,
) -> Result<Vec<ContactRequest>, StoreError> {
    db.query(
        "SELECT id, department_id, name, phone, email, preferred_language, when_to_call, message, consent_text, created_at
         FROM contact_request WHERE department_id = $1 ORDER BY created_at DESC, id DESC",
        params![department_id],
    )
    .await?
    .iter()
    .map(|r| contact_request_from(key, r))
    .collect()
}

/// A request from a row of `id, department_id, name, phone, email, preferred_language,
/// when_to_call, message, consent_text, created_at`, its sealed fields opened.
pub(crate) fn contact_request_from(key: &SealKey, r: &Row) -> Result<ContactRequest, StoreError> {
    Ok(ContactRequest {
        id: r.i64("id")?,
        department_id: r.opt_i64("department_id")?,
        name: open_request_field(key, "name", r.string("name")?)?,
        phone: open_request_field(key, "phone", r.string("phone")?)?,
        email: open_request_field(key, "email", r.string("email")?)?,
        preferred_language: r.string("preferred_language")?,
        when_to_call: open_request_field(key, "when_to_call", r.string("when_to_call")?)?,
        message: open_request_field(key, "message", r.string("message")?)?,
        consent_text: r.string("consent_text")?,
        created_at: r.i64("created_at")?,
    })
}

/// Seals the "contact me" requests stored in plain text by versions before sealing (run
/// once at start; a no-op afterwards); returns how many were sealed.
pub async fn seal_plain_contact_requests(db: &Db, key: &SealKey) -> Result<u64, StoreError> {
    let rows = db
        .query(
            "SELECT id, name, phone, email, when_to_call, message FROM contact_request
             WHERE name <> '' AND name NOT LIKE 'v1.%'",
            vec![],
        )
        .await?;
    let mut sealed = 0;
    for r in &rows {
        let mut values = Vec::with_capacity(5);
        for column in SEALED_REQUEST_COLUMNS {
            values.push(seal_request_field(key, column, &r.string(column)?)?);
        }
        let mut tx = db.begin().await?;
        sealed += tx
            .execute(
                "UPDATE contact_request SET name = $2, phone = $3, email = $4, when_to_call = $5, message = $6
                 WHERE id = $1 AND name NOT LIKE 'v1.%'",
                params![r.i64("id")?, values[0].as_str(), values[1].as_str(), values[2].as_str(), values[3].as_str(), values[4].as_str()],
            )
            .await?;
        tx.commit().await?;
    }
    Ok(sealed)
}

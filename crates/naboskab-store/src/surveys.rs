//! Measure: rounds of the anonymous loneliness survey, their one-time codes and their
//! answers. A code is kept only as a hash while unused and is deleted in the transaction that
//! stores its answer, so nothing links an answer to a code, a letter or an address; an answer
//! row holds its round, its department and the answers, under a random key. Who may do what
//! is the application's; this module keeps rows.

use crate::db::{Db, Row, Sql};
use crate::error::StoreError;
use crate::params;
use rand::RngCore;

/// A round as it is created.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRound {
    /// Its name.
    pub title: String,
    /// The organisation that runs it (a housing organisation or a municipality).
    pub organisation_id: i64,
    /// First local day answers are taken (YYYY-MM-DD).
    pub opens_on: String,
    /// Last local day answers are taken.
    pub closes_on: String,
    /// The languages of the letters and the form, Danish first.
    pub languages: Vec<String>,
    /// Whether WHO-5 is asked too.
    pub who5: bool,
    /// The departments asked.
    pub department_ids: Vec<i64>,
}

/// A stored round.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Id.
    pub id: i64,
    /// What it was created with.
    pub fields: NewRound,
    /// Codes issued per department, in the order of `fields.department_ids`.
    pub codes_issued: Vec<i64>,
}

/// One anonymous answer set, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The department the code was issued for.
    pub department_id: i64,
    /// The three T-ILS items, each 1–3.
    pub tils: [u8; 3],
    /// The five WHO-5 items, each 0–5, when asked and answered.
    pub who5: Option<[u8; 5]>,
    /// One of the age bands, when given.
    pub age_band: Option<String>,
    /// One of the genders, when given.
    pub gender: Option<String>,
}

/// What became of an answer sent with a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    /// Stored, and the code is gone.
    Stored,
    /// No such unused code (never issued, or used already: the same answer for both).
    UnknownCode,
    /// The code's round takes no answers on this day; the code stays usable.
    NotOpen,
}

const ROUND: &str =
    "SELECT id, title, organisation_id, opens_on, closes_on, languages, who5 FROM survey_round";

async fn round_from(db: &Db, r: &Row) -> Result<Round, StoreError> {
    let id = r.i64("id")?;
    let mut department_ids = Vec::new();
    let mut codes_issued = Vec::new();
    for d in db
        .query(
            "SELECT department_id, codes_issued FROM survey_round_department WHERE round_id = $1 ORDER BY department_id",
            params![id],
        )
        .await?
    {
        department_ids.push(d.i64("department_id")?);
        codes_issued.push(d.i64("codes_issued")?);
    }
    Ok(Round {
        id,
        fields: NewRound {
            title: r.string("title")?,
            organisation_id: r.i64("organisation_id")?,
            opens_on: r.string("opens_on")?,
            closes_on: r.string("closes_on")?,
            languages: r
                .string("languages")?
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            who5: r.bool("who5")?,
            department_ids,
        },
        codes_issued,
    })
}

/// Creates a round unless one of its departments already has a round whose period overlaps
/// (then `Conflict`); returns its id.
pub async fn create_round(
    db: &Db,
    round: &NewRound,
    created_by: Option<i64>,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let mut overlap = Sql::new(
        "SELECT 1 AS hit FROM survey_round r JOIN survey_round_department d ON d.round_id = r.id WHERE r.opens_on <= ",
    );
    overlap
        .bind(round.closes_on.as_str())
        .push(" AND r.closes_on >= ")
        .bind(round.opens_on.as_str())
        .push(" AND d.department_id IN (")
        .bind_list(round.department_ids.iter().copied())
        .push(")");
    if !tx.query_built(overlap).await?.is_empty() {
        return Err(StoreError::Conflict("survey round period overlaps".into()));
    }
    let id = tx
        .query_one(
            "INSERT INTO survey_round (title, organisation_id, opens_on, closes_on, languages, who5, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            params![
                round.title.as_str(),
                round.organisation_id,
                round.opens_on.as_str(),
                round.closes_on.as_str(),
                round.languages.join(" "),
                round.who5,
                created_by,
                now
            ],
        )
        .await?
        .i64("id")?;
    for department in &round.department_ids {
        tx.execute(
            "INSERT INTO survey_round_department (round_id, department_id) VALUES ($1, $2)",
            params![id, *department],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// One round.
pub async fn round(db: &Db, id: i64) -> Result<Option<Round>, StoreError> {
    let mut sql = Sql::new(ROUND);
    sql.push(" WHERE id = ").bind(id);
    match db.query_built(sql).await?.first() {
        Some(r) => Ok(Some(round_from(db, r).await?)),
        None => Ok(None),
    }
}

/// Every round, newest period first.
pub async fn rounds(db: &Db) -> Result<Vec<Round>, StoreError> {
    let mut sql = Sql::new(ROUND);
    sql.push(" ORDER BY opens_on DESC, id DESC");
    let mut out = Vec::new();
    for r in db.query_built(sql).await? {
        out.push(round_from(db, &r).await?);
    }
    Ok(out)
}

/// Adds unused codes (their hashes) for one department of a round and counts them as issued.
pub async fn add_codes(
    db: &Db,
    round_id: i64,
    department_id: i64,
    code_hashes: &[String],
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let issued = tx
        .execute(
            "UPDATE survey_round_department SET codes_issued = codes_issued + $1 WHERE round_id = $2 AND department_id = $3",
            params![code_hashes.len() as i64, round_id, department_id],
        )
        .await?;
    if issued == 0 {
        return Err(StoreError::NotFound);
    }
    for hash in code_hashes {
        tx.execute(
            "INSERT INTO survey_code (code_hash, round_id, department_id) VALUES ($1, $2, $3)",
            params![hash.as_str(), round_id, department_id],
        )
        .await?;
    }
    tx.commit().await
}

/// The round and department an unused code belongs to.
pub async fn code(db: &Db, code_hash: &str) -> Result<Option<(i64, i64)>, StoreError> {
    db.query_opt(
        "SELECT round_id, department_id FROM survey_code WHERE code_hash = $1",
        params![code_hash],
    )
    .await?
    .map(|r| Ok((r.i64("round_id")?, r.i64("department_id")?)))
    .transpose()
}

/// Stores `answer` for the unused code with this hash when its round is open on `today`
/// (YYYY-MM-DD), deleting the code in the same transaction: of any number of simultaneous
/// submissions of one code, exactly one is stored. The answer's department comes from the
/// code.
pub async fn submit(
    db: &Db,
    code_hash: &str,
    answer: &Answer,
    today: &str,
) -> Result<Submitted, StoreError> {
    let mut tx = db.begin().await?;
    let Some(found) = tx
        .query_opt(
            "SELECT c.round_id, c.department_id, r.opens_on, r.closes_on FROM survey_code c
             JOIN survey_round r ON r.id = c.round_id WHERE c.code_hash = $1",
            params![code_hash],
        )
        .await?
    else {
        return Ok(Submitted::UnknownCode);
    };
    if today < found.string("opens_on")?.as_str() || today > found.string("closes_on")?.as_str() {
        return Ok(Submitted::NotOpen);
    }
    let gone = tx
        .execute(
            "DELETE FROM survey_code WHERE code_hash = $1",
            params![code_hash],
        )
        .await?;
    if gone != 1 {
        // Another submission of the same code got there first.
        return Ok(Submitted::UnknownCode);
    }
    insert_answer(
        &mut tx,
        found.i64("round_id")?,
        found.i64("department_id")?,
        answer,
    )
    .await?;
    tx.commit().await?;
    Ok(Submitted::Stored)
}

/// Stores answers for a round directly, without codes (the demo's generated answers).
pub async fn insert_answers(db: &Db, round_id: i64, answers: &[Answer]) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    for answer in answers {
        insert_answer(&mut tx, round_id, answer.department_id, answer).await?;
    }
    tx.commit().await
}

async fn insert_answer(
    tx: &mut crate::db::Tx,
    round_id: i64,
    department_id: i64,
    answer: &Answer,
) -> Result<(), StoreError> {
    let mut key = [0u8; 16];
    rand::rng().fill_bytes(&mut key);
    let who5 = |i: usize| answer.who5.map(|w| i64::from(w[i]));
    tx.execute(
        "INSERT INTO survey_answer (answer_key, round_id, department_id, tils_1, tils_2, tils_3,
         who5_1, who5_2, who5_3, who5_4, who5_5, age_band, gender)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        params![
            hex::encode(key),
            round_id,
            department_id,
            i64::from(answer.tils[0]),
            i64::from(answer.tils[1]),
            i64::from(answer.tils[2]),
            who5(0),
            who5(1),
            who5(2),
            who5(3),
            who5(4),
            answer.age_band.as_deref(),
            answer.gender.as_deref()
        ],
    )
    .await?;
    Ok(())
}

fn small(r: &Row, column: &str) -> Result<u8, StoreError> {
    u8::try_from(r.i64(column)?).map_err(|_| StoreError::Decode(format!("column {column}")))
}

/// Every answer of a round, in no particular order.
pub async fn answers(db: &Db, round_id: i64) -> Result<Vec<Answer>, StoreError> {
    let mut out = Vec::new();
    for r in db
        .query(
            "SELECT department_id, tils_1, tils_2, tils_3, who5_1, who5_2, who5_3, who5_4, who5_5, age_band, gender
             FROM survey_answer WHERE round_id = $1",
            params![round_id],
        )
        .await?
    {
        let who5 = match r.opt_i64("who5_1")? {
            Some(_) => Some([
                small(&r, "who5_1")?,
                small(&r, "who5_2")?,
                small(&r, "who5_3")?,
                small(&r, "who5_4")?,
                small(&r, "who5_5")?,
            ]),
            None => None,
        };
        out.push(Answer {
            department_id: r.i64("department_id")?,
            tils: [
                small(&r, "tils_1")?,
                small(&r, "tils_2")?,
                small(&r, "tils_3")?,
            ],
            who5,
            age_band: r.opt_string("age_band")?,
            gender: r.opt_string("gender")?,
        });
    }
    Ok(out)
}

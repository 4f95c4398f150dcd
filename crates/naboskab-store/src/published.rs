//! Pages of what is published, in a stable order, for the open-data APIs (Open Referral
//! HSDS): published offers by id, and the organisations that own at least one, each page with
//! the total count.

use crate::db::{Db, Sql};
use crate::error::StoreError;
use crate::offers::{self, Offer};
use crate::orgs::{self, Organisation};

/// One page of a listing and how many there are in all.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// How many there are on all pages together.
    pub total: i64,
}

/// The total of `count_sql` (one row, column `count`) and page `page` (from 1) of
/// `per_page` ids from `ids_sql` (column `column`, ordered, ending in `LIMIT `).
async fn ids_page(
    db: &Db,
    count_sql: &'static str,
    ids_sql: &'static str,
    column: &str,
    page: i64,
    per_page: i64,
) -> Result<(Vec<i64>, i64), StoreError> {
    let total = db.query_one(count_sql, vec![]).await?.i64("count")?;
    let mut sql = Sql::new(ids_sql);
    sql.bind(per_page)
        .push(" OFFSET ")
        .bind((page - 1) * per_page);
    let ids = db
        .query_built(sql)
        .await?
        .iter()
        .map(|r| r.i64(column))
        .collect::<Result<_, _>>()?;
    Ok((ids, total))
}

/// Page `page` (from 1) of `per_page` published offers, by id.
pub async fn offers_page(db: &Db, page: i64, per_page: i64) -> Result<Page<Offer>, StoreError> {
    let (ids, total) = ids_page(
        db,
        "SELECT COUNT(*) AS count FROM offer WHERE status = 'published'",
        "SELECT id FROM offer WHERE status = 'published' ORDER BY id LIMIT ",
        "id",
        page,
        per_page,
    )
    .await?;
    let mut items = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(o) = offers::offer(db, id).await? {
            items.push(o);
        }
    }
    Ok(Page { items, total })
}

/// Page `page` (from 1) of `per_page` organisations that own a published offer, by id.
pub async fn organisations_page(
    db: &Db,
    page: i64,
    per_page: i64,
) -> Result<Page<Organisation>, StoreError> {
    let (ids, total) = ids_page(
        db,
        "SELECT COUNT(DISTINCT organisation_id) AS count FROM offer WHERE status = 'published'",
        "SELECT DISTINCT organisation_id FROM offer WHERE status = 'published' ORDER BY organisation_id LIMIT ",
        "organisation_id",
        page,
        per_page,
    )
    .await?;
    let mut items = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(o) = orgs::organisation(db, id).await? {
            items.push(o);
        }
    }
    Ok(Page { items, total })
}

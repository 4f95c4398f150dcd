//! The offer catalogue: an in-process read model of every published offer, from which
//! searching, browsing and result cards are answered without a database round trip.
//!
//! The database stays the source of truth: `offer`, `offer_tag`, `offer_translation` and the
//! portable term index `offer_term` (terms made in Rust by [`search::index_terms`] when an
//! offer is written, so both backends hold the same terms). The catalogue loads them once and,
//! before answering, brings itself up to date: whenever this process has committed a write, and
//! at the latest every [`RECHECK`] (for writes from another process), it reads
//! `catalogue_generation` and reloads only the offers whose `change_seq` is newer than what it
//! holds. Ranking, filters, distance and paging happen here, identically on SQLite and
//! PostgreSQL.
//!
//! Memory: terms are interned once; each offer keeps its card, its titles per language and its
//! `(term, weight)` pairs; postings are `(slot, weight)` pairs. A changed offer gets a new
//! slot and its old one becomes a tombstone that searches skip; the postings are rebuilt when a
//! quarter of the slots are tombstones.

use crate::db::{Db, Sql};
use crate::error::StoreError;
use crate::offers::OfferCard;
use crate::params;
use naboskab_domain::reach::{AGE_TARGETS, DayPart, Fit, Reason, Wants, rank};
use naboskab_domain::{geo, search};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

/// Longest time a server answers from its catalogue without asking the database whether
/// another process changed offers.
pub const RECHECK: Duration = Duration::from_secs(1);

/// How many offers are read from the database per batch while loading.
const LOAD_BATCH: usize = 1_000;

/// Filters of a search; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct OfferQuery {
    /// Category code.
    pub category: Option<String>,
    /// Target group code.
    pub target_group: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Weekday code.
    pub weekday: Option<String>,
    /// Only free offers.
    pub free: bool,
    /// Only step-free offers.
    pub accessible: bool,
    /// Only "newcomers welcome".
    pub newcomers_welcome: bool,
    /// Only in this department.
    pub department_id: Option<i64>,
    /// Only in these departments (a housing area).
    pub department_ids: Vec<i64>,
    /// Only in this municipality.
    pub municipality_code: Option<String>,
    /// Only owned by this organisation.
    pub organisation_id: Option<i64>,
}

/// Where a cursor stands: the sort key of the last result shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cursor {
    neg_score: i64,
    distance_m: i64,
    neg_id: i64,
}

impl Cursor {
    /// The cursor as text for a URL.
    pub fn encode(&self) -> String {
        format!("{}~{}~{}", -self.neg_score, self.distance_m, -self.neg_id)
    }

    /// Parses [`Cursor::encode`]'s text.
    pub fn decode(s: &str) -> Option<Cursor> {
        let mut it = s.split('~').map(|p| p.parse::<i64>().ok());
        let (score, dist, id) = (it.next()??, it.next()??, it.next()??);
        if it.next().is_some() || score < 0 || dist < 0 || id < 0 {
            return None;
        }
        Some(Cursor {
            neg_score: -score,
            distance_m: dist,
            neg_id: -id,
        })
    }
}

/// A search as a resident asks it.
#[derive(Debug, Clone, Default)]
pub struct FindParams {
    /// Free text (taken literally).
    pub text: String,
    /// Filters.
    pub filters: OfferQuery,
    /// Centre and radius in metres.
    pub centre: Option<(f64, f64, f64)>,
    /// Continue after this result.
    pub after: Option<Cursor>,
    /// Page size.
    pub limit: usize,
}

/// One ranked result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    /// Offer id.
    pub id: i64,
    /// Text score: the sum of the weights of matched terms, exact words counting double.
    pub score: i64,
    /// Metres from the centre, when a centre was given.
    pub distance_m: Option<i64>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FoundPage {
    /// Results in rank order.
    pub items: Vec<Found>,
    /// Cursor for the next page, if there is one.
    pub next: Option<Cursor>,
}

/// An offer as read from the database, before it is made compact.
#[derive(Debug, Clone, Default)]
struct LoadedOffer {
    card: OfferCard,
    /// Translated titles `(locale, title)`; the card holds the Danish one.
    titles: Vec<(String, String)>,
    weekdays: Vec<String>,
    /// The place has a hearing loop.
    hearing_loop: bool,
    organisation_id: i64,
    department_id: Option<i64>,
    municipality_code: Option<String>,
    /// `(term, weight)` from `offer_term`.
    terms: Vec<(String, u32)>,
}

/// A batch entry: the offer when it is published, `None` when it must leave the catalogue.
struct Loaded {
    id: i64,
    offer: Option<LoadedOffer>,
}

/// A shared string: an index into [`Index::symbols`]; 0 is the empty string.
type Sym = u32;

const NEWCOMERS_WELCOME: u8 = 1;
const DROP_IN: u8 = 2;
const STEP_FREE: u8 = 4;
const HEARING_LOOP: u8 = 8;

/// One published offer, compact: repeated strings (kinds, places, organisation names, tag
/// codes) are symbols, tags are `kind:code` symbols in one slice.
#[derive(Debug)]
struct Doc {
    id: i64,
    organisation_id: i64,
    department_id: Option<i64>,
    price_ore: Option<i64>,
    position: Option<(f64, f64)>,
    title: Box<str>,
    titles: Box<[(Sym, Box<str>)]>,
    kind: Sym,
    when_text: Sym,
    street: Sym,
    city: Sym,
    organisation_name: Sym,
    department_name: Option<Sym>,
    municipality: Sym,
    /// `category:…`, `target:…`, `language:…`, `weekday:…`, in code order.
    tags: Box<[Sym]>,
    flags: u8,
    /// The part of the day it starts in, read from the "when" text.
    day_part: Option<DayPart>,
}

/// A query's filters resolved against the symbol table.
struct Filter<'q> {
    query: &'q OfferQuery,
    tags: Vec<Sym>,
    municipality: Option<Sym>,
}

impl Doc {
    fn passes(&self, f: &Filter<'_>) -> bool {
        let q = f.query;
        f.tags.iter().all(|t| self.tags.contains(t))
            && (!q.free || self.price_ore.is_none())
            && (!q.accessible || self.flags & STEP_FREE != 0)
            && (!q.newcomers_welcome || self.flags & NEWCOMERS_WELCOME != 0)
            && q.department_id
                .is_none_or(|d| self.department_id == Some(d))
            && (q.department_ids.is_empty()
                || self
                    .department_id
                    .is_some_and(|d| q.department_ids.contains(&d)))
            && f.municipality.is_none_or(|m| self.municipality == m)
            && q.organisation_id.is_none_or(|o| self.organisation_id == o)
    }

    /// `None` when outside the centre's radius (or without coordinates while a centre is
    /// asked for); otherwise the distance in metres when a centre is given.
    fn distance(&self, centre: Option<(f64, f64, f64)>) -> Option<Option<i64>> {
        let Some((clat, clon, radius)) = centre else {
            return Some(None);
        };
        let (lat, lon) = self.position?;
        let d = geo::distance_m(clat, clon, lat, lon);
        (d <= radius).then_some(Some(d.round() as i64))
    }
}

/// The searchable state.
#[derive(Debug)]
struct Index {
    /// Generation of the database this state reflects; 0 before the first load.
    generation: i64,
    docs: Vec<Option<Doc>>,
    /// Offer id → slot, newest last.
    slots: BTreeMap<i64, u32>,
    symbols: Vec<Arc<str>>,
    symbol_ids: HashMap<Arc<str>, Sym>,
    term_ids: HashMap<String, u32>,
    /// Every term, for typo tolerance and compounds.
    vocabulary: BTreeSet<String>,
    /// Term id → `(slot, weight)`.
    postings: Vec<Vec<(u32, u32)>>,
    tombstones: usize,
}

impl Default for Index {
    fn default() -> Index {
        let empty: Arc<str> = Arc::from("");
        Index {
            generation: 0,
            docs: Vec::new(),
            slots: BTreeMap::new(),
            symbols: vec![empty.clone()],
            symbol_ids: HashMap::from([(empty, 0)]),
            term_ids: HashMap::new(),
            vocabulary: BTreeSet::new(),
            postings: Vec::new(),
            tombstones: 0,
        }
    }
}

impl Index {
    fn symbol(&mut self, s: &str) -> Sym {
        if let Some(&id) = self.symbol_ids.get(s) {
            return id;
        }
        let id = self.symbols.len() as Sym;
        let shared: Arc<str> = Arc::from(s);
        self.symbols.push(shared.clone());
        self.symbol_ids.insert(shared, id);
        id
    }

    fn text(&self, sym: Sym) -> &str {
        self.symbols.get(sym as usize).map_or("", |s| s)
    }

    fn term_id(&mut self, term: String) -> u32 {
        if let Some(&id) = self.term_ids.get(&term) {
            return id;
        }
        let id = self.postings.len() as u32;
        self.postings.push(Vec::new());
        self.vocabulary.insert(term.clone());
        self.term_ids.insert(term, id);
        id
    }

    fn apply(&mut self, loaded: Vec<Loaded>) {
        for l in loaded {
            if let Some(slot) = self.slots.remove(&l.id)
                && let Some(d) = self.docs.get_mut(slot as usize)
            {
                *d = None;
                self.tombstones += 1;
            }
            let Some(o) = l.offer else {
                continue;
            };
            let slot = self.docs.len() as u32;
            for (term, weight) in o.terms {
                let t = self.term_id(term);
                self.postings[t as usize].push((slot, weight));
            }
            let c = o.card;
            let mut tags: Vec<Sym> = Vec::new();
            for (kind, codes) in [
                ("category", &c.categories),
                ("target", &c.target_groups),
                ("language", &c.languages),
                ("weekday", &o.weekdays),
            ] {
                for code in codes {
                    tags.push(self.symbol(&format!("{kind}:{code}")));
                }
            }
            let doc = Doc {
                id: l.id,
                organisation_id: o.organisation_id,
                department_id: o.department_id,
                price_ore: c.price_ore,
                position: c.lat.zip(c.lon),
                title: c.title.into(),
                titles: o
                    .titles
                    .into_iter()
                    .map(|(locale, title)| (self.symbol(&locale), title.into()))
                    .collect(),
                kind: self.symbol(&c.kind),
                day_part: DayPart::of_when_text(&c.when_text),
                when_text: self.symbol(&c.when_text),
                street: self.symbol(&c.street),
                city: self.symbol(&c.city),
                organisation_name: self.symbol(&c.organisation_name),
                department_name: c.department_name.map(|d| self.symbol(&d)),
                municipality: self.symbol(o.municipality_code.as_deref().unwrap_or_default()),
                tags: tags.into(),
                flags: [
                    (c.newcomers_welcome, NEWCOMERS_WELCOME),
                    (c.drop_in, DROP_IN),
                    (c.step_free, STEP_FREE),
                    (o.hearing_loop, HEARING_LOOP),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .fold(0, |acc, (_, bit)| acc | bit),
            };
            self.slots.insert(l.id, slot);
            self.docs.push(Some(doc));
        }
        if self.tombstones > 1_000 && self.tombstones * 4 > self.docs.len() {
            self.compact();
        }
    }

    /// Drops tombstones: living offers get new slots and the postings follow.
    fn compact(&mut self) {
        let mut new_slot = vec![u32::MAX; self.docs.len()];
        let mut docs = Vec::with_capacity(self.docs.len() - self.tombstones);
        for (old, doc) in std::mem::take(&mut self.docs).into_iter().enumerate() {
            if let Some(doc) = doc {
                new_slot[old] = docs.len() as u32;
                self.slots.insert(doc.id, docs.len() as u32);
                docs.push(Some(doc));
            }
        }
        for list in &mut self.postings {
            list.retain_mut(|(slot, _)| {
                *slot = new_slot[*slot as usize];
                *slot != u32::MAX
            });
        }
        self.docs = docs;
        self.tombstones = 0;
    }

    fn doc(&self, slot: u32) -> Option<&Doc> {
        self.docs.get(slot as usize).and_then(Option::as_ref)
    }

    /// The query's tag and municipality filters as symbols; `None` when one names something
    /// no offer has, so nothing can match.
    fn filter<'q>(&self, query: &'q OfferQuery) -> Option<Filter<'q>> {
        let mut tags = Vec::new();
        for (kind, code) in [
            ("category", &query.category),
            ("target", &query.target_group),
            ("language", &query.language),
            ("weekday", &query.weekday),
        ] {
            if let Some(code) = code {
                tags.push(*self.symbol_ids.get(format!("{kind}:{code}").as_str())?);
            }
        }
        let municipality = match &query.municipality_code {
            Some(m) => Some(*self.symbol_ids.get(m.as_str())?),
            None => None,
        };
        Some(Filter {
            query,
            tags,
            municipality,
        })
    }

    /// The offers that share an interest, a language other than Danish or the age group with
    /// `w` (within its radius and needs), with what they share.
    fn fits(&self, w: &Wants) -> Vec<(i64, Fit)> {
        let wanted = |kind: &str, codes: &mut dyn Iterator<Item = String>| -> Vec<(Sym, String)> {
            codes
                .filter_map(|c| {
                    self.symbol_ids
                        .get(format!("{kind}:{c}").as_str())
                        .map(|s| (*s, c))
                })
                .collect()
        };
        let interests = wanted("category", &mut w.interests.iter().cloned());
        let languages = wanted("language", &mut w.languages.iter().cloned());
        let weekdays = wanted("weekday", &mut w.weekdays.iter().map(u8::to_string));
        let age = wanted("target", &mut std::iter::once(w.age_group.clone()));
        let age_targets = wanted("target", &mut AGE_TARGETS.iter().map(|t| t.to_string()));
        let any_language: Vec<Sym> = self
            .symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| s.starts_with("language:"))
            .map(|(i, _)| i as Sym)
            .collect();
        let pick = |doc: &Doc, list: &[(Sym, String)]| -> Vec<String> {
            list.iter()
                .filter(|(s, _)| doc.tags.contains(s))
                .map(|(_, c)| c.clone())
                .collect()
        };
        let mut out = Vec::new();
        for doc in self.docs.iter().flatten() {
            let step_free = doc.flags & STEP_FREE != 0;
            let hearing_loop = doc.flags & HEARING_LOOP != 0;
            let free = doc.price_ore.is_none_or(|p| p == 0);
            if (w.step_free && !step_free)
                || (w.hearing_loop && !hearing_loop)
                || (w.free_only && !free)
            {
                continue;
            }
            let distance_m = match (w.home, doc.position) {
                (Some((hlat, hlon)), Some((lat, lon))) => {
                    let d = geo::distance_m(hlat, hlon, lat, lon);
                    if d > w.radius_m {
                        continue;
                    }
                    Some(d)
                }
                (Some(_), None) => continue,
                _ => None,
            };
            let shares = |list: &[(Sym, String)]| list.iter().any(|(s, _)| doc.tags.contains(s));
            let foreign = languages
                .iter()
                .any(|(s, c)| c != "da" && doc.tags.contains(s));
            if !shares(&interests) && !foreign && !shares(&age) {
                continue;
            }
            out.push((
                doc.id,
                Fit {
                    interests: pick(doc, &interests),
                    languages: pick(doc, &languages),
                    names_languages: any_language.iter().any(|s| doc.tags.contains(s)),
                    weekdays: pick(doc, &weekdays)
                        .iter()
                        .filter_map(|d| d.parse().ok())
                        .collect(),
                    day_part: doc.day_part,
                    age_group: shares(&age),
                    age_targets: pick(doc, &age_targets),
                    distance_m,
                    step_free,
                    hearing_loop,
                    free,
                    newcomers_welcome: doc.flags & NEWCOMERS_WELCOME != 0,
                },
            ));
        }
        out
    }

    fn card(&self, doc: &Doc, locale: &str) -> OfferCard {
        let title = doc
            .titles
            .iter()
            .find(|(l, _)| self.text(*l) == locale)
            .map_or(&doc.title, |(_, t)| t);
        let mut card = OfferCard {
            id: doc.id,
            title: title.to_string(),
            kind: self.text(doc.kind).to_owned(),
            price_ore: doc.price_ore,
            newcomers_welcome: doc.flags & NEWCOMERS_WELCOME != 0,
            drop_in: doc.flags & DROP_IN != 0,
            step_free: doc.flags & STEP_FREE != 0,
            when_text: self.text(doc.when_text).to_owned(),
            street: self.text(doc.street).to_owned(),
            city: self.text(doc.city).to_owned(),
            department_name: doc.department_name.map(|d| self.text(d).to_owned()),
            organisation_name: self.text(doc.organisation_name).to_owned(),
            lat: doc.position.map(|p| p.0),
            lon: doc.position.map(|p| p.1),
            ..Default::default()
        };
        for &tag in &doc.tags {
            if let Some((kind, code)) = self.text(tag).split_once(':') {
                let list = match kind {
                    "category" => &mut card.categories,
                    "target" => &mut card.target_groups,
                    "language" => &mut card.languages,
                    _ => continue,
                };
                list.push(code.to_owned());
            }
        }
        card
    }

    fn find(&self, p: &FindParams) -> FoundPage {
        let limit = p.limit.clamp(1, 200);
        let Some(filter) = self.filter(&p.filters) else {
            return FoundPage::default();
        };
        let groups = search::query_groups(&p.text, &self.vocabulary);
        let mut ranked: Vec<(Cursor, Found)> = Vec::new();
        let rank = |doc: &Doc, score: i64| -> Option<(Cursor, Found)> {
            if !doc.passes(&filter) {
                return None;
            }
            let distance_m = doc.distance(p.centre)?;
            let key = Cursor {
                neg_score: -score,
                distance_m: distance_m.unwrap_or(0),
                neg_id: -doc.id,
            };
            p.after.is_none_or(|a| key > a).then_some((
                key,
                Found {
                    id: doc.id,
                    score,
                    distance_m,
                },
            ))
        };
        if groups.is_empty() {
            // Browsing: newest first. Without a centre the order is the id order, so the walk
            // stops as soon as a page and one more are found.
            let upper = match (p.centre, p.after) {
                (None, Some(after)) => -after.neg_id,
                _ => i64::MAX,
            };
            for (_, &slot) in self.slots.range(..upper).rev() {
                if let Some(r) = self.doc(slot).and_then(|doc| rank(doc, 0)) {
                    ranked.push(r);
                }
                if p.centre.is_none() && ranked.len() > limit {
                    break;
                }
            }
        } else {
            let exact = search::exact_terms(&p.text);
            // Each term once, with the groups it belongs to; an offer matches when it has a
            // term of every group, and scores the weights of all its matched terms.
            let mut terms: BTreeMap<&str, u8> = BTreeMap::new();
            for (i, g) in groups.iter().enumerate().take(8) {
                for t in g {
                    *terms.entry(t.as_str()).or_default() |= 1 << i;
                }
            }
            let all_groups: u8 = ((1u16 << groups.len().min(8)) - 1) as u8;
            let mut score = vec![0u32; self.docs.len()];
            let mut matched = vec![0u8; self.docs.len()];
            let mut touched: Vec<u32> = Vec::new();
            for (term, group_bits) in terms {
                let Some(&tid) = self.term_ids.get(term) else {
                    continue;
                };
                let factor = if exact.contains(term) { 2 } else { 1 };
                for &(slot, weight) in &self.postings[tid as usize] {
                    let s = slot as usize;
                    if matched[s] == 0 {
                        touched.push(slot);
                    }
                    matched[s] |= group_bits;
                    score[s] += weight * factor;
                }
            }
            for slot in touched {
                if matched[slot as usize] == all_groups
                    && let Some(r) = self
                        .doc(slot)
                        .and_then(|doc| rank(doc, i64::from(score[slot as usize])))
                {
                    ranked.push(r);
                }
            }
        }
        if ranked.len() > limit + 1 {
            ranked.select_nth_unstable_by_key(limit, |(k, _)| *k);
            ranked.truncate(limit + 1);
        }
        ranked.sort_unstable_by_key(|(k, _)| *k);
        let more = ranked.len() > limit;
        ranked.truncate(limit);
        FoundPage {
            next: if more {
                ranked.last().map(|(k, _)| *k)
            } else {
                None
            },
            items: ranked.into_iter().map(|(_, f)| f).collect(),
        }
    }
}

/// When the catalogue last compared itself with the database.
#[derive(Debug, Default)]
struct Checked {
    commits: u64,
    at: Option<Instant>,
}

/// The catalogue of published offers; one per server, shared by every request.
#[derive(Debug, Default)]
pub struct Catalogue {
    index: RwLock<Index>,
    checked: Mutex<Checked>,
    refreshing: tokio::sync::Mutex<()>,
}

fn poisoned<T>(_: T) -> StoreError {
    StoreError::Other("offer catalogue lock poisoned".into())
}

impl Catalogue {
    /// An empty catalogue; it loads itself on first use.
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    fn read(&self) -> Result<RwLockReadGuard<'_, Index>, StoreError> {
        self.index.read().map_err(poisoned)
    }

    fn write(&self) -> Result<RwLockWriteGuard<'_, Index>, StoreError> {
        self.index.write().map_err(poisoned)
    }

    fn up_to_date(&self, commits: u64) -> Result<bool, StoreError> {
        let c = self.checked.lock().map_err(poisoned)?;
        Ok(c.commits == commits && c.at.is_some_and(|at| at.elapsed() < RECHECK))
    }

    /// Brings the catalogue up to date with the database when this process wrote since the
    /// last look, or when [`RECHECK`] has passed. Returns how many published offers it holds.
    pub async fn refresh(&self, db: &Db) -> Result<usize, StoreError> {
        let commits = db.commits();
        if !self.up_to_date(commits)? {
            let _one_at_a_time = self.refreshing.lock().await;
            if !self.up_to_date(commits)? {
                self.load_changes(db).await?;
                *self.checked.lock().map_err(poisoned)? = Checked {
                    commits,
                    at: Some(Instant::now()),
                };
            }
        }
        Ok(self.read()?.slots.len())
    }

    async fn load_changes(&self, db: &Db) -> Result<(), StoreError> {
        let since = self.read()?.generation;
        let generation = db
            .query_one("SELECT n FROM catalogue_generation WHERE id = 1", params![])
            .await?
            .i64("n")?;
        if generation == since {
            return Ok(());
        }
        let changed: Vec<i64> = db
            .query(
                "SELECT id FROM offer WHERE change_seq > $1 ORDER BY id",
                params![since],
            )
            .await?
            .iter()
            .map(|r| r.i64("id"))
            .collect::<Result<_, _>>()?;
        for batch in changed.chunks(LOAD_BATCH) {
            let loaded = load_batch(db, batch).await?;
            self.write()?.apply(loaded);
        }
        self.write()?.generation = generation;
        Ok(())
    }

    /// Published offers matching `p`, ranked and paged (see [`FindParams`]): every word must
    /// match, exact words rank above their expansions, nearer first among equals when a centre
    /// is given, newest first when browsing without words.
    pub async fn find(&self, db: &Db, p: &FindParams) -> Result<FoundPage, StoreError> {
        self.refresh(db).await?;
        Ok(self.read()?.find(p))
    }

    /// Ids of every published offer passing the filters, newest first (for calendars).
    pub async fn matching_ids(&self, db: &Db, q: &OfferQuery) -> Result<Vec<i64>, StoreError> {
        self.refresh(db).await?;
        let index = self.read()?;
        let Some(filter) = index.filter(q) else {
            return Ok(vec![]);
        };
        Ok(index
            .slots
            .iter()
            .rev()
            .filter_map(|(id, &slot)| index.doc(slot).filter(|d| d.passes(&filter)).map(|_| *id))
            .collect())
    }

    /// Published offers that fit a person, best first, at most `limit`, each with its score
    /// and the reasons in plain words ([`naboskab_domain::reach::rank`]).
    pub async fn suggestions(
        &self,
        db: &Db,
        w: &Wants,
        limit: usize,
    ) -> Result<Vec<(i64, Vec<Reason>)>, StoreError> {
        self.refresh(db).await?;
        let fits = self.read()?.fits(w);
        let mut ranked: Vec<(u32, f64, i64, Vec<Reason>)> = fits
            .into_iter()
            .filter_map(|(id, fit)| {
                rank(w, &fit).map(|(score, reasons)| {
                    (score, fit.distance_m.unwrap_or(f64::MAX), id, reasons)
                })
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)).then(b.2.cmp(&a.2)));
        ranked.truncate(limit);
        Ok(ranked.into_iter().map(|(_, _, id, r)| (id, r)).collect())
    }

    /// Cards for published offers, in the order of `ids`, titles in `locale` (Danish when not
    /// translated). Ids that are not published are left out.
    pub fn cards(&self, ids: &[i64], locale: &str) -> Result<Vec<OfferCard>, StoreError> {
        let index = self.read()?;
        Ok(ids
            .iter()
            .filter_map(|id| index.slots.get(id).and_then(|&s| index.doc(s)))
            .map(|doc| index.card(doc, locale))
            .collect())
    }
}

/// Reads a batch of offers (any status; those not published are removed from the catalogue).
async fn load_batch(db: &Db, ids: &[i64]) -> Result<Vec<Loaded>, StoreError> {
    let mut sql = Sql::new(
        "SELECT o.id, o.status, o.organisation_id, o.department_id, o.kind, o.title, o.price_ore, o.newcomers_welcome, o.drop_in, o.step_free, o.when_text, o.street, o.city, o.lat, o.lon, o.municipality_code, org.name AS organisation_name, dep.name AS department_name, o.hearing_loop
         FROM offer o JOIN organisation org ON org.id = o.organisation_id
         LEFT JOIN organisation dep ON dep.id = o.department_id
         WHERE o.id IN (",
    );
    sql.bind_list(ids.iter().copied()).push(")");
    let mut docs: HashMap<i64, LoadedOffer> = HashMap::new();
    let mut order = Vec::with_capacity(ids.len());
    for r in db.query_built(sql).await? {
        let id = r.i64("id")?;
        order.push(id);
        if r.string("status")? != "published" {
            continue;
        }
        let card = OfferCard {
            id,
            kind: r.string("kind")?,
            title: r.string("title")?,
            price_ore: r.opt_i64("price_ore")?,
            newcomers_welcome: r.bool("newcomers_welcome")?,
            drop_in: r.bool("drop_in")?,
            step_free: r.bool("step_free")?,
            when_text: r.string("when_text")?,
            street: r.string("street")?,
            city: r.string("city")?,
            lat: r.opt_f64("lat")?,
            lon: r.opt_f64("lon")?,
            organisation_name: r.string("organisation_name")?,
            department_name: r.opt_string("department_name")?,
            ..Default::default()
        };
        let offer = LoadedOffer {
            card,
            organisation_id: r.i64("organisation_id")?,
            department_id: r.opt_i64("department_id")?,
            municipality_code: r.opt_string("municipality_code")?,
            hearing_loop: r.bool("hearing_loop")?,
            ..Default::default()
        };
        docs.insert(id, offer);
    }
    let published: Vec<i64> = docs.keys().copied().collect();
    if !published.is_empty() {
        let mut tags = Sql::new("SELECT offer_id, kind, code FROM offer_tag WHERE offer_id IN (");
        tags.bind_list(published.iter().copied())
            .push(") ORDER BY code");
        for r in db.query_built(tags).await? {
            if let Some(d) = docs.get_mut(&r.i64("offer_id")?) {
                let code = r.string("code")?;
                match r.string("kind")?.as_str() {
                    "category" => d.card.categories.push(code),
                    "target" => d.card.target_groups.push(code),
                    "language" => d.card.languages.push(code),
                    "weekday" => d.weekdays.push(code),
                    _ => {}
                }
            }
        }
        let mut titles =
            Sql::new("SELECT offer_id, locale, title FROM offer_translation WHERE offer_id IN (");
        titles.bind_list(published.iter().copied()).push(")");
        for r in db.query_built(titles).await? {
            if let Some(d) = docs.get_mut(&r.i64("offer_id")?) {
                d.titles.push((r.string("locale")?, r.string("title")?));
            }
        }
        let mut terms =
            Sql::new("SELECT offer_id, term, weight FROM offer_term WHERE offer_id IN (");
        terms.bind_list(published.iter().copied()).push(")");
        for r in db.query_built(terms).await? {
            if let Some(d) = docs.get_mut(&r.i64("offer_id")?) {
                d.terms.push((
                    r.string("term")?,
                    u32::try_from(r.i64("weight")?).unwrap_or(1),
                ));
            }
        }
    }
    // Ids asked for but gone from the table are removed too.
    let present: std::collections::HashSet<i64> = order.iter().copied().collect();
    let mut loaded: Vec<Loaded> = ids
        .iter()
        .filter(|id| !present.contains(id))
        .map(|&id| Loaded { id, offer: None })
        .collect();
    loaded.extend(order.into_iter().map(|id| Loaded {
        id,
        offer: docs.remove(&id),
    }));
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i64, terms: &[(&str, u32)]) -> Loaded {
        Loaded {
            id,
            offer: Some(LoadedOffer {
                card: OfferCard {
                    id,
                    title: format!("offer {id}"),
                    ..Default::default()
                },
                terms: terms.iter().map(|(t, w)| ((*t).to_owned(), *w)).collect(),
                ..Default::default()
            }),
        }
    }

    fn ids(index: &Index, text: &str) -> Vec<i64> {
        index
            .find(&FindParams {
                text: text.into(),
                limit: 50,
                ..Default::default()
            })
            .items
            .iter()
            .map(|f| f.id)
            .collect()
    }

    #[test]
    fn a_changed_offer_is_found_by_its_new_words_only_and_compaction_keeps_results() {
        let mut index = Index::default();
        index.apply(vec![doc(1, &[("strik", 3)]), doc(2, &[("kor", 1)])]);
        assert_eq!(ids(&index, "strik"), vec![1]);
        index.apply(vec![doc(1, &[("kor", 3)])]);
        assert_eq!(ids(&index, "strik"), Vec::<i64>::new());
        assert_eq!(ids(&index, "kor"), vec![1, 2], "title weight ranks 1 first");
        index.apply(vec![Loaded { id: 2, offer: None }]);
        index.compact();
        assert_eq!(ids(&index, "kor"), vec![1]);
        assert_eq!(ids(&index, ""), vec![1]);
        assert_eq!(index.tombstones, 0);
    }
}

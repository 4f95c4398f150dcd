//! Danish-aware text search, as pure functions shared by indexing and querying, so both
//! database backends give the same results.
//!
//! A text becomes *terms*: words are lower-cased, accents dropped (é → e, ü → u), stemmed with
//! the Snowball Danish stemmer ("fællesskaber" → "fællesskab", "strikker" → "strik"), then
//! folded to ASCII (æ → ae, ø → oe, å → aa) so people on foreign keyboards match.
//! A query word becomes a *group* of terms any of which may match: its own term, the term of
//! the word read with aa/ae/oe as å/æ/ø, the terms of its synonyms (barn/børn, spisning/
//! fællesspisning), and, for words of five letters or more, every known term one edit away.
//! Query text is only ever split into words: quotes, `*`, `:`, `OR`, `NEAR` and SQL fragments
//! have no meaning and cannot cause an error.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Danish))
}

/// Lower-cases and removes accents, keeping æ, ø and å.
fn simplify(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'ö' => 'ø',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

/// Splits text into lower-case words of letters and digits (any script).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.chars()
                .flat_map(char::to_lowercase)
                .map(simplify)
                .collect::<String>()
        })
        .filter(|w| w.chars().count() <= 40)
        .collect()
}

/// Folds Danish letters to the ASCII spelling used on foreign keyboards.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c => out.push(c),
        }
    }
    out
}

/// Reads aa/ae/oe as å/æ/ø (the reverse of [`fold`], for query words typed without them).
fn unfold(word: &str) -> String {
    word.replace("aa", "å")
        .replace("ae", "æ")
        .replace("oe", "ø")
}

/// The index term of one word: stemmed, then folded.
pub fn term(word: &str) -> String {
    fold(&stemmer().stem(word))
}

/// Groups of words that mean the same to a resident searching (irregular forms and common
/// everyday words). Every word of a group finds the others.
pub const SYNONYMS: &[&[&str]] = &[
    &["barn", "børn", "børnene", "unger"],
    &[
        "spisning",
        "fællesspisning",
        "spise",
        "aftensmad",
        "madklub",
        "mad",
    ],
    &["gåtur", "gåture", "gåhold", "gå", "vandring"],
    &["ældre", "senior", "seniorer", "pensionist", "pensionister"],
    &["ung", "unge", "teenager", "teenagere"],
    &["lektier", "lektiehjælp", "lektiecafé", "lektiecafe"],
    &["strik", "strikke", "strikning", "håndarbejde"],
    &["sprogcafé", "sprogcafe", "dansk", "sprog"],
    &["motion", "træning", "gymnastik", "sport"],
    &["ensom", "ensomhed", "alene"],
    &["kvinde", "kvinder", "kvindegruppe"],
    &["mand", "mænd", "mandegruppe"],
    &["have", "haven", "havearbejde", "køkkenhave"],
    &["computer", "it", "digital", "mitid", "nemid"],
];

fn synonym_terms(word: &str) -> Vec<String> {
    let t = term(word);
    SYNONYMS
        .iter()
        .filter(|group| group.iter().any(|w| term(w) == t || *w == word))
        .flat_map(|group| group.iter().map(|w| term(w)))
        .collect()
}

/// The weighted terms of a text for the index: `(term, weight)`, each term once, with the
/// largest weight it got.
pub fn index_terms(fields: &[(&str, i64)]) -> Vec<(String, i64)> {
    let mut out: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for (text, weight) in fields {
        for w in words(text) {
            let t = term(&w);
            let e = out.entry(t).or_insert(0);
            *e = (*e).max(*weight);
        }
    }
    out.into_iter().collect()
}

/// Whether two words are at most one edit apart: one letter added, removed or changed, or two
/// neighbouring letters swapped (the commonest typing slip).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    if la == lb {
        let diffs: Vec<usize> = (0..la).filter(|&i| a[i] != b[i]).collect();
        if let [i, j] = diffs[..]
            && j == i + 1
            && a[i] == b[j]
            && a[j] == b[i]
        {
            return true;
        }
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < la && j < lb {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match la.cmp(&lb) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (la - i) + (lb - j) <= 1
}

/// The terms a query's words have themselves (no synonyms, typos or compounds): matches on
/// these rank above matches found through expansion.
pub fn exact_terms(query: &str) -> BTreeSet<String> {
    words(query)
        .into_iter()
        .take(8)
        .flat_map(|w| [term(&w), term(&unfold(&w))])
        .collect()
}

/// Most compound words one query word may expand to.
const MAX_PREFIX_TERMS: usize = 64;

/// The term groups of a query; an offer matches when it has a term of every group.
/// `vocabulary` is the set of terms in the index, used for typo tolerance.
pub fn query_groups(query: &str, vocabulary: &BTreeSet<String>) -> Vec<BTreeSet<String>> {
    let mut groups = Vec::new();
    for w in words(query).into_iter().take(8) {
        let mut g = BTreeSet::new();
        g.insert(term(&w));
        g.insert(term(&unfold(&w)));
        for s in synonym_terms(&w)
            .into_iter()
            .chain(synonym_terms(&unfold(&w)))
        {
            g.insert(s);
        }
        // Typos and compounds grow from the word itself, never from its synonyms (or "mad"
        // would find every "med").
        let own: Vec<String> = [term(&w), term(&unfold(&w))].into_iter().collect();
        let long = w.chars().count() >= 5;
        // Compounds: the word as typed (stems can be shorter: "kaffe" → "kaf").
        let prefixes: Vec<String> = [fold(&w), fold(&unfold(&w))]
            .into_iter()
            .chain(own.iter().cloned())
            .filter(|p| p.chars().count() >= 4)
            .collect();
        let mut prefixed = 0;
        for v in vocabulary {
            if v.starts_with(|c: char| c.is_ascii_digit()) {
                continue; // numbers match exactly or not at all
            }
            let near_in_length = own.iter().any(|s| s.len().abs_diff(v.len()) <= 4);
            if long && near_in_length && v.len() >= 4 && own.iter().any(|s| within_one_edit(s, v)) {
                g.insert(v.clone());
            } else if prefixed < MAX_PREFIX_TERMS
                && prefixes.iter().any(|s| v.starts_with(s.as_str()))
            {
                // Danish writes compounds as one word: "kaffe" finds "kaffeklub".
                g.insert(v.clone());
                prefixed += 1;
            }
        }
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(texts: &[&str]) -> BTreeSet<String> {
        index_terms(&texts.iter().map(|t| (*t, 1)).collect::<Vec<_>>())
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    fn matches(doc: &str, query: &str) -> bool {
        let v = vocab(&[doc]);
        let groups = query_groups(query, &v);
        !groups.is_empty() && groups.iter().all(|g| g.iter().any(|t| v.contains(t)))
    }

    #[test]
    fn stemming_finds_other_forms() {
        assert!(matches("Et fællesskab for alle", "fællesskaber"));
        assert!(matches("Vi strikker hver tirsdag", "strik"));
        assert!(matches("Strikkeklub", "strikkeklubben"));
    }

    #[test]
    fn synonyms_cover_irregular_forms_and_everyday_words() {
        assert!(matches("Legestue for børn", "barn"));
        assert!(matches("Fællesspisning i fælleshuset", "spisning"));
        assert!(matches("Kaffe for seniorer", "ældre"));
    }

    #[test]
    fn foreign_keyboards_and_accents() {
        assert!(matches("Fællesspisning", "faellesspisning"));
        assert!(matches("Gåtur i skoven", "gaatur"));
        assert!(matches("Kør selv", "koer"));
        assert!(matches("Café for alle", "cafe"));
        assert!(matches("Sprogcafe", "sprogcafé"));
    }

    #[test]
    fn one_typo_in_words_of_five_letters_or_more() {
        assert!(matches("Fællesspisning", "fællesspsning"));
        assert!(matches("Lektiecafé", "lektecafé"));
        assert!(!matches("Yoga", "yoka"), "short words need the exact term");
        assert!(
            !matches("Fællesspisning", "fællesspxxning"),
            "two edits are too many"
        );
    }

    #[test]
    fn compounds_are_found_by_their_first_part() {
        assert!(matches("Kaffeklub", "kaffe"));
        assert!(matches("Fællesskabshuset", "fællesskab"));
        assert!(!matches("Kaffeklub", "kaf"), "too short to expand");
    }

    #[test]
    fn synonyms_do_not_spread_typos() {
        assert!(!matches("Snak med naboer", "spisning"));
    }

    #[test]
    fn every_word_must_match() {
        assert!(matches("Gåtur for ældre", "gåtur ældre"));
        assert!(!matches("Gåtur for ældre", "gåtur børn"));
    }

    #[test]
    fn query_syntax_is_literal_text() {
        for q in [
            "\"fællesskab\"",
            "fællesskab*",
            "title:fællesskab",
            "fællesskab OR x",
            "NEAR(a b)",
            "'; DROP TABLE offer; --",
            "%_\\",
            "",
        ] {
            let groups = query_groups(q, &vocab(&["fællesskab"]));
            for g in &groups {
                for t in g {
                    assert!(t.chars().all(char::is_alphanumeric), "{q:?} gave {t:?}");
                }
            }
        }
        assert!(query_groups("***", &BTreeSet::new()).is_empty());
        assert!(matches("Fællesskab", "\"fællesskab\""));
    }

    #[test]
    fn arabic_text_is_indexed_as_words() {
        assert!(matches("مقهى اللغة", "اللغة"));
    }

    #[test]
    fn edit_distance() {
        assert!(within_one_edit("kaffe", "kafe"));
        assert!(within_one_edit("kaffe", "kaffee"));
        assert!(within_one_edit("kaffe", "kiffe"));
        assert!(!within_one_edit("kaffe", "kfe"));
        assert!(within_one_edit("", "a"));
        assert!(within_one_edit("klub", "kulb"), "swapped neighbours");
        assert!(!within_one_edit("klub", "bulk"));
    }
}

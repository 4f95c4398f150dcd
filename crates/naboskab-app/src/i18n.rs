//! Languages: Fluent bundles embedded in the binary, the choice of language for a request
//! (`?lang=`, then the cookie, then the account's preference, then `Accept-Language`), and
//! formatting of dates, times and numbers per language in Europe/Copenhagen.
//!
//! Danish is complete and the default; English and Arabic are complete. A missing key falls
//! back to Danish at run time, and the tests in this module fail if any shipped language
//! lacks a key that Danish has, or if a template uses a key Danish does not have.

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Europe::Copenhagen;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A shipped language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Dansk (default).
    Da,
    /// English.
    En,
    /// العربية (right to left).
    Ar,
}

impl Locale {
    /// Every shipped language, in switcher order.
    pub const ALL: [Locale; 3] = [Locale::Da, Locale::En, Locale::Ar];

    /// BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Da => "da",
            Locale::En => "en",
            Locale::Ar => "ar",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Da => "Dansk",
            Locale::En => "English",
            Locale::Ar => "العربية",
        }
    }

    /// Writing direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Parses a code such as `ar` or `en-GB` (the primary subtag decides).
    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "da" => Some(Locale::Da),
            "en" => Some(Locale::En),
            "ar" => Some(Locale::Ar),
            _ => None,
        }
    }

    /// Picks the best shipped language from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut options: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, Locale::parse(tag)?))
            })
            .filter(|(q, _)| *q > 0.0)
            .collect();
        options.sort_by(|a, b| b.0.total_cmp(&a.0));
        options.first().map(|(_, l)| *l)
    }

    fn source(self) -> &'static str {
        match self {
            Locale::Da => include_str!("../../../locales/da/main.ftl"),
            Locale::En => include_str!("../../../locales/en/main.ftl"),
            Locale::Ar => include_str!("../../../locales/ar/main.ftl"),
        }
    }
}

struct Bundles {
    da: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
    ar: FluentBundle<FluentResource>,
}

fn build(locale: Locale) -> FluentBundle<FluentResource> {
    let lang = match locale {
        Locale::Da => unic_langid::langid!("da"),
        Locale::En => unic_langid::langid!("en"),
        Locale::Ar => unic_langid::langid!("ar"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Keep Unicode isolation marks: they keep Danish names readable inside Arabic sentences.
    let resource =
        FluentResource::try_new(locale.source().to_owned()).unwrap_or_else(|(res, errors)| {
            tracing::error!(
                locale = locale.code(),
                ?errors,
                "Fluent file has syntax errors"
            );
            res
        });
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(
            locale = locale.code(),
            ?errors,
            "Fluent file has duplicate keys"
        );
    }
    bundle
}

fn bundles() -> &'static Bundles {
    static B: OnceLock<Bundles> = OnceLock::new();
    B.get_or_init(|| Bundles {
        da: build(Locale::Da),
        en: build(Locale::En),
        ar: build(Locale::Ar),
    })
}

fn bundle(locale: Locale) -> &'static FluentBundle<FluentResource> {
    let b = bundles();
    match locale {
        Locale::Da => &b.da,
        Locale::En => &b.en,
        Locale::Ar => &b.ar,
    }
}

fn format_in(locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let b = bundle(locale);
    let pattern = b.get_message(key)?.value()?;
    let mut errors = vec![];
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The text for `key` in `locale`, falling back to Danish and finally to the key itself.
pub fn t(locale: Locale, key: &str) -> String {
    t_args(locale, key, &[])
}

/// The text for `key` with named arguments.
pub fn t_args(locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let fargs = if args.is_empty() {
        None
    } else {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        Some(a)
    };
    format_in(locale, key, fargs.as_ref())
        .or_else(|| format_in(Locale::Da, key, fargs.as_ref()))
        .unwrap_or_else(|| key.to_owned())
}

/// Whether the Danish bundle has `key` (used to allow-list keys that arrive in URLs).
pub fn has_key(key: &str) -> bool {
    bundle(Locale::Da).has_message(key)
}

/// Removes Fluent's bidi isolation marks, for text assembled only from trusted parts (dates)
/// or going to plain-text channels (mail, SMS).
pub fn strip_isolation(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// A moment as local Copenhagen date and time, e.g. "26. november 2026 kl. 14.00".
pub fn format_datetime(locale: Locale, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Copenhagen);
    strip_isolation(&t_args(
        locale,
        "format-datetime",
        &[
            ("day", FluentValue::from(local.day().to_string())),
            (
                "month",
                FluentValue::from(t(locale, &format!("month-{}", local.month()))),
            ),
            ("year", FluentValue::from(local.year().to_string())),
            ("time", FluentValue::from(format_time(locale, at))),
        ],
    ))
}

/// A local Copenhagen date, e.g. "26. november 2026".
pub fn format_date(locale: Locale, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Copenhagen);
    strip_isolation(&t_args(
        locale,
        "format-date",
        &[
            ("day", FluentValue::from(local.day().to_string())),
            (
                "month",
                FluentValue::from(t(locale, &format!("month-{}", local.month()))),
            ),
            ("year", FluentValue::from(local.year().to_string())),
        ],
    ))
}

/// A month and year, e.g. "januar 2027".
pub fn format_month(locale: Locale, first_day: chrono::NaiveDate) -> String {
    format!(
        "{} {}",
        t(locale, &format!("month-{}", first_day.month())),
        first_day.year()
    )
}

/// A day with its weekday, e.g. "tirsdag 5. januar 2027".
pub fn format_day(locale: Locale, day: chrono::NaiveDate) -> String {
    let noon =
        naboskab_domain::schedule::local_to_utc(day.and_hms_opt(12, 0, 0).unwrap_or_default());
    format!(
        "{} {}",
        t(
            locale,
            &format!("weekday-{}", day.weekday().number_from_monday())
        ),
        format_date(locale, noon)
    )
}

/// A local Copenhagen time of day: "14.00" in Danish, "14:00" otherwise.
pub fn format_time(locale: Locale, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Copenhagen);
    let sep = if locale == Locale::Da { '.' } else { ':' };
    format!("{:02}{sep}{:02}", local.hour(), local.minute())
}

/// An integer with the language's thousands separator: "1.234" (da), "1,234" (en, ar).
pub fn format_integer(locale: Locale, n: i64) -> String {
    let sep = if locale == Locale::Da { '.' } else { ',' };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Minutes as hours with at most one decimal, as the reader writes numbers: "2,5" (da),
/// "2.5" (en, ar), "3" for whole hours.
pub fn format_hours(locale: Locale, minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    let whole = format_integer(locale, tenths / 10);
    match tenths % 10 {
        0 => whole,
        d if locale == Locale::Da => format!("{whole},{d}"),
        d => format!("{whole}.{d}"),
    }
}

/// A file's size as the reader writes numbers: whole kilobytes below a megabyte ("312 kB"),
/// megabytes with one decimal above ("2,4 MB" in Danish, "2.4 MB" otherwise).
pub fn format_size(locale: Locale, bytes: i64) -> String {
    const KB: i64 = 1024;
    if bytes < KB * KB {
        return format!("{} kB", format_integer(locale, (bytes + KB - 1) / KB));
    }
    let tenths = (bytes * 10 + KB * KB / 2) / (KB * KB);
    let sep = if locale == Locale::Da { ',' } else { '.' };
    format!(
        "{}{sep}{} MB",
        format_integer(locale, tenths / 10),
        tenths % 10
    )
}

/// An amount of money given in øre, as kroner: "1.234,50 kr." (da), "DKK 1,234.50" (en, ar).
pub fn format_money(locale: Locale, ore: i64) -> String {
    let kroner = format_integer(locale, ore / 100);
    let rest = (ore % 100).abs();
    match locale {
        Locale::Da => format!("{kroner},{rest:02} kr."),
        _ => format!("DKK {kroner}.{rest:02}"),
    }
}

/// Every message id in a Fluent source (top-level `key = …` lines, not terms or attributes).
pub fn keys_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

/// A message's subject and plain-text body in `locale`, from two Fluent keys and their
/// arguments (without the invisible isolation marks Fluent puts around arguments).
pub fn render_message(
    locale: Locale,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, String)],
) -> (String, String) {
    let fargs: Vec<(&str, FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
        .collect();
    (
        strip_isolation(&t_args(locale, subject_key, &fargs)),
        strip_isolation(&t_args(locale, body_key, &fargs)),
    )
}

/// A language's name in itself, for "spoken here" lists.
pub fn language_name(code: &str) -> &'static str {
    match code {
        "da" => "Dansk",
        "en" => "English",
        "ar" => "العربية",
        "tr" => "Türkçe",
        "so" => "Soomaali",
        "ur" => "اردو",
        "fa" => "فارسی",
        "uk" => "Українська",
        "pl" => "Polski",
        "ku" => "Kurdî",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::collections::BTreeSet;

    fn key_set(l: Locale) -> BTreeSet<String> {
        keys_of(l.source()).into_iter().collect()
    }

    #[test]
    fn every_shipped_locale_has_every_key_and_parses() {
        let da = key_set(Locale::Da);
        assert!(da.len() > 100, "Danish has {} keys", da.len());
        for l in Locale::ALL {
            let keys = key_set(l);
            let missing: Vec<_> = da.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&da).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", l.code());
            assert!(
                extra.is_empty(),
                "{} has keys Danish lacks: {extra:?}",
                l.code()
            );
            assert!(
                FluentResource::try_new(l.source().to_owned()).is_ok(),
                "{} has syntax errors",
                l.code()
            );
            let resource =
                FluentResource::try_new(l.source().to_owned()).unwrap_or_else(|(res, _)| res);
            let mut fresh = FluentBundle::new_concurrent(vec![unic_langid::langid!("da")]);
            assert!(
                fresh.add_resource(resource).is_ok(),
                "{} defines a key twice",
                l.code()
            );
            for k in &keys {
                assert!(
                    bundle(l).get_message(k).and_then(|m| m.value()).is_some(),
                    "{} {k} has no value",
                    l.code()
                );
            }
        }
    }

    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let da = key_set(Locale::Da);
        let mut used = BTreeSet::new();
        // The keys are used here and by the web adapters' code and templates.
        let web = root.join("../naboskab-web");
        let mut stack = vec![root.join("src"), web.join("templates"), web.join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                for marker in [".t(\"", ".t1(\"", ".tn(\"", "key: \""] {
                    for part in text.split(marker).skip(1) {
                        let key: String = part.chars().take_while(|c| *c != '"').collect();
                        if !key.is_empty()
                            && key
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        {
                            used.insert(key);
                        }
                    }
                }
                // Keys passed to errors and mails: `"error-…"`, `"field-…"`, `"notice-…"`, `"mail-…"`.
                let is_rust = p.extension().is_some_and(|e| e == "rs");
                for prefix in [
                    "\"error-",
                    "\"field-",
                    "\"notice-",
                    "\"mail-",
                    "\"login-",
                    "\"register-",
                    "\"forgot-",
                ] {
                    for part in text.split(prefix).skip(1).filter(|_| is_rust) {
                        let rest: String = part.chars().take_while(|c| *c != '"').collect();
                        let key = format!("{}{rest}", &prefix[1..]);
                        if rest
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                            && !rest.is_empty()
                            && !rest.ends_with('-')
                        {
                            used.insert(key);
                        }
                    }
                }
            }
        }
        assert!(used.len() > 50, "found only {} keys in use", used.len());
        let unknown: Vec<_> = used.iter().filter(|k| !da.contains(*k)).collect();
        assert!(unknown.is_empty(), "keys used but not defined: {unknown:?}");
    }

    #[test]
    fn language_negotiation() {
        assert_eq!(
            Locale::from_accept_language("ar-SA,ar;q=0.9,en;q=0.8"),
            Some(Locale::Ar)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE, en;q=0.5"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(
            Locale::from_accept_language("en;q=0, da;q=0.3"),
            Some(Locale::Da)
        );
        assert_eq!(Locale::parse("EN-gb"), Some(Locale::En));
    }

    #[test]
    fn hours_are_written_with_the_readers_decimal_mark() {
        assert_eq!(format_hours(Locale::Da, 150), "2,5");
        assert_eq!(format_hours(Locale::En, 150), "2.5");
        assert_eq!(format_hours(Locale::Da, 180), "3");
        assert_eq!(format_hours(Locale::Da, 61_200), "1.020");
        assert_eq!(format_hours(Locale::Ar, 20), "0.3");
    }

    #[test]
    fn sizes_are_kilobytes_then_megabytes() {
        assert_eq!(format_size(Locale::Da, 1), "1 kB");
        assert_eq!(format_size(Locale::Da, 312 * 1024), "312 kB");
        assert_eq!(format_size(Locale::Da, 2_516_582), "2,4 MB");
        assert_eq!(format_size(Locale::En, 2_516_582), "2.4 MB");
        assert_eq!(format_size(Locale::Da, 10 * 1024 * 1024), "10,0 MB");
    }

    #[test]
    fn dates_are_local_copenhagen_time_across_daylight_saving() {
        let winter = Utc
            .with_ymd_and_hms(2026, 11, 26, 13, 0, 0)
            .single()
            .expect("valid");
        let summer = Utc
            .with_ymd_and_hms(2026, 7, 1, 12, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(format_time(Locale::Da, winter), "14.00");
        assert_eq!(format_time(Locale::Da, summer), "14.00");
        assert_eq!(format_time(Locale::En, summer), "14:00");
        assert!(format_datetime(Locale::Da, winter).contains("26. november 2026"));
        assert!(format_datetime(Locale::En, winter).contains("26 November 2026"));
        assert!(format_date(Locale::Ar, winter).contains("نوفمبر"));
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(format_integer(Locale::Da, 1_234_567), "1.234.567");
        assert_eq!(format_integer(Locale::En, 1_234), "1,234");
        assert_eq!(format_integer(Locale::Da, -5), "-5");
        assert_eq!(format_money(Locale::Da, 70_050), "700,50 kr.");
        assert_eq!(format_money(Locale::En, 150_000), "DKK 1,500.00");
    }

    #[test]
    fn unknown_key_falls_back_to_the_key() {
        assert_eq!(
            t(Locale::En, "no-such-key-anywhere"),
            "no-such-key-anywhere"
        );
    }
}

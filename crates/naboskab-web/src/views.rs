//! View models: the plain data some pages render and the state's caches keep between
//! requests (a computed calendar, filter choices). No behaviour and no dependency on the
//! request, so the state can hold them without knowing the pages.

use naboskab_store::join::Occurrence;

/// A choice in a filter.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Value sent.
    pub value: String,
    /// Label shown.
    pub label: String,
    /// Whether chosen.
    pub selected: bool,
}

/// One occurrence on a calendar.
#[derive(Debug, Clone)]
pub struct CalendarEntry {
    /// The occurrence.
    pub occ: Occurrence,
    /// The offer's title in the page's language.
    pub title: String,
    /// "14:00–16:00".
    pub time: String,
    /// Department or place.
    pub place: String,
    /// Free places when limited.
    pub places_left: Option<i64>,
    /// "3 ledige pladser", when limited.
    pub places_label: Option<String>,
}

/// One day of a calendar.
#[derive(Debug, Clone)]
pub struct CalendarDay {
    /// `2027-01-05`.
    pub iso: String,
    /// "tirsdag 5. januar".
    pub label: String,
    /// Whether it is today.
    pub today: bool,
    /// Whether it belongs to the month shown (month grid).
    pub in_month: bool,
    /// What happens that day.
    pub entries: Vec<CalendarEntry>,
}

/// A computed calendar, shared between requests for a moment (see [`crate::cache`]).
pub struct CalendarView {
    pub(crate) heading: String,
    pub(crate) month_view: bool,
    pub(crate) weekday_names: Vec<String>,
    pub(crate) days: Vec<CalendarDay>,
    pub(crate) prev_href: String,
    pub(crate) next_href: String,
    pub(crate) other_view_href: String,
    pub(crate) feed_href: Option<String>,
    pub(crate) programme_href: Option<String>,
    /// The filter form: its choices and the hidden scope and date.
    pub(crate) categories: Vec<Choice>,
    pub(crate) targets: Vec<Choice>,
    pub(crate) languages: Vec<Choice>,
    pub(crate) free: bool,
    pub(crate) accessible: bool,
    pub(crate) hidden: Vec<(&'static str, String)>,
    pub(crate) filtered: bool,
}

/// A distance for people: "400 m", "1,2 km" (Danish decimal comma) or "1.2 km".
pub fn format_distance(locale: naboskab_app::i18n::Locale, metres: i64) -> String {
    if metres < 1000 {
        format!("{} m", (metres + 5) / 10 * 10)
    } else {
        let tenths = (metres + 50) / 100;
        let sep = if locale == naboskab_app::i18n::Locale::Da {
            ','
        } else {
            '.'
        };
        format!("{}{sep}{} km", tenths / 10, tenths % 10)
    }
}

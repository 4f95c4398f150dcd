//! Volunteers who carry the activities: the roles an activity asks volunteers for, a
//! volunteer's standing (offered, then confirmed by the organisers), hours as whole minutes,
//! and the "carried by one person" rules: an activity whose host has no co-host, and a
//! volunteer who carries more activities than a limit.

use std::collections::BTreeMap;

named! {
    /// What a volunteer does on an activity.
    VolunteerRole {
        /// Runs it.
        Host = "host",
        /// Runs it with the host, and can take over.
        CoHost = "co_host",
        /// Welcomes newcomers and is their buddy the first times.
        Welcomer = "welcomer",
        /// Drives people who cannot come on their own.
        Driver = "driver",
        /// Cooks.
        Cook = "cook",
    }
}

named! {
    /// Where a volunteer stands.
    VolunteerStatus {
        /// Offered to help; the organisers have not confirmed yet.
        Offered = "offered",
        /// Confirmed by the organisers.
        Confirmed = "confirmed",
    }
}

impl VolunteerRole {
    /// Whether the role carries the activity (the activity stops without someone in it).
    pub fn carries(self) -> bool {
        matches!(self, VolunteerRole::Host | VolunteerRole::CoHost)
    }
}

/// How many activities one volunteer may carry before the platform flags it, unless an
/// installation says otherwise.
pub const DEFAULT_LOAD_LIMIT: usize = 3;

/// The most minutes one volunteer may record for one day.
pub const MAX_MINUTES_PER_DAY: i64 = 16 * 60;

/// A confirmed volunteer in a role on an activity, as the alerts read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carrier {
    /// The activity (offer).
    pub offer_id: i64,
    /// The volunteer (account).
    pub user_id: i64,
    /// The role.
    pub role: VolunteerRole,
}

/// The activities that stand on one person: a confirmed host and no confirmed co-host.
pub fn without_co_host(carriers: &[Carrier]) -> Vec<i64> {
    let mut by_offer: BTreeMap<i64, (bool, bool)> = BTreeMap::new();
    for c in carriers {
        let entry = by_offer.entry(c.offer_id).or_default();
        match c.role {
            VolunteerRole::Host => entry.0 = true,
            VolunteerRole::CoHost => entry.1 = true,
            _ => {}
        }
    }
    by_offer
        .into_iter()
        .filter(|(_, (host, co_host))| *host && !*co_host)
        .map(|(offer, _)| offer)
        .collect()
}

/// The volunteers who carry (host or co-host) more than `limit` activities, with how many,
/// the most loaded first.
pub fn over_limit(carriers: &[Carrier], limit: usize) -> Vec<(i64, usize)> {
    let mut offers_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for c in carriers.iter().filter(|c| c.role.carries()) {
        let offers = offers_of.entry(c.user_id).or_default();
        if !offers.contains(&c.offer_id) {
            offers.push(c.offer_id);
        }
    }
    let mut out: Vec<(i64, usize)> = offers_of
        .into_iter()
        .map(|(user, offers)| (user, offers.len()))
        .filter(|(_, n)| *n > limit)
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Hours as typed ("2", "1,5", "1.25", "2:30"), as whole minutes; `None` when it cannot be
/// read, is not positive, or is more than a day's [`MAX_MINUTES_PER_DAY`].
pub fn parse_hours(typed: &str) -> Option<i64> {
    let t = typed.trim();
    let minutes = if let Some((h, m)) = t.split_once(':') {
        let (h, m) = (h.trim().parse::<i64>().ok()?, m.trim().parse::<i64>().ok()?);
        if !(0..60).contains(&m) || h < 0 {
            return None;
        }
        h * 60 + m
    } else {
        let hours: f64 = t.replace(',', ".").parse().ok()?;
        if !hours.is_finite() {
            return None;
        }
        (hours * 60.0).round() as i64
    };
    (1..=MAX_MINUTES_PER_DAY)
        .contains(&minutes)
        .then_some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(offer_id: i64, user_id: i64, role: VolunteerRole) -> Carrier {
        Carrier {
            offer_id,
            user_id,
            role,
        }
    }

    #[test]
    fn an_activity_whose_host_has_no_co_host_stands_on_one_person() {
        let list = [
            c(1, 10, VolunteerRole::Host),
            c(2, 10, VolunteerRole::Host),
            c(2, 11, VolunteerRole::CoHost),
            c(3, 12, VolunteerRole::Cook),
            c(4, 13, VolunteerRole::Host),
            c(4, 14, VolunteerRole::Welcomer),
        ];
        assert_eq!(without_co_host(&list), vec![1, 4]);
    }

    #[test]
    fn a_volunteer_over_the_limit_is_named_with_the_count() {
        let mut list = vec![c(9, 20, VolunteerRole::Cook)];
        for offer in 1..=4 {
            list.push(c(offer, 10, VolunteerRole::Host));
        }
        list.push(c(1, 10, VolunteerRole::CoHost));
        for offer in 1..=3 {
            list.push(c(offer, 11, VolunteerRole::CoHost));
        }
        assert_eq!(over_limit(&list, 3), vec![(10, 4)]);
        assert_eq!(over_limit(&list, 2), vec![(10, 4), (11, 3)]);
        assert!(over_limit(&list, 4).is_empty());
    }

    #[test]
    fn hours_are_read_as_people_write_them() {
        assert_eq!(parse_hours("2"), Some(120));
        assert_eq!(parse_hours("1,5"), Some(90));
        assert_eq!(parse_hours(" 1.25 "), Some(75));
        assert_eq!(parse_hours("2:30"), Some(150));
        for bad in ["", "0", "-1", "to timer", "17", "1:75", "NaN", "inf"] {
            assert_eq!(parse_hours(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for r in VolunteerRole::ALL {
            assert_eq!(VolunteerRole::parse(r.as_str()), Some(*r));
        }
        assert!(VolunteerRole::Host.carries() && !VolunteerRole::Driver.carries());
    }
}

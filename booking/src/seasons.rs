//! A cabin's seasons: date ranges with their own nightly price and minimum stay, set by the
//! owner in the console. A season covers the nights from `first_night` to `last_night`, both
//! included (a night is the date it starts), exactly as the console and the `seasons` table
//! write them.
//!
//! Two rules live here and nowhere else: a night inside a season costs the season's price
//! ([`crate::pricing::quote`] applies the weekend multiplier on top, as it does for the base
//! price), and the season of a stay's *first* night decides its minimum stay (no season there:
//! any stay of at least one night). It never reads a database or the clock: the store loads a
//! cabin's seasons with the cabin, the console and the conversation decide with them.

use chrono::{Duration, NaiveDate};

use crate::{Money, StayDates};

/// One season of one cabin. A cabin's seasons never overlap (the table's exclusion
/// constraint), so a night belongs to at most one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceSeason {
    pub name: String,
    /// The first night priced by the season.
    pub first_night: NaiveDate,
    /// The last night priced by the season (included).
    pub last_night: NaiveDate,
    pub per_night: Money,
    /// At least 1.
    pub min_nights: u32,
}

impl PriceSeason {
    /// Whether the night starting on `night` is priced by this season.
    pub fn covers(&self, night: NaiveDate) -> bool {
        self.first_night <= night && night <= self.last_night
    }
}

/// The season pricing the night starting on `night`, if any.
pub fn season_of(seasons: &[PriceSeason], night: NaiveDate) -> Option<&PriceSeason> {
    seasons.iter().find(|s| s.covers(night))
}

/// A stay shorter than the minimum of the season its first night falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooShort<'a> {
    pub season: &'a PriceSeason,
    /// The shortest acceptable stay from the same check-in (the season's minimum).
    pub shortest: StayDates,
}

/// `Err` when the season of `stay`'s first night asks for more nights than `stay` has.
pub fn check_min_nights<'a>(
    seasons: &'a [PriceSeason],
    stay: &StayDates,
) -> Result<(), TooShort<'a>> {
    let Some(season) = season_of(seasons, stay.check_in()) else {
        return Ok(());
    };
    if stay.nights() >= i64::from(season.min_nights) {
        return Ok(());
    }
    let check_out = stay.check_in() + Duration::days(i64::from(season.min_nights));
    match StayDates::new(stay.check_in(), check_out) {
        Ok(shortest) => Err(TooShort { season, shortest }),
        // A minimum past the longest stay we take: nothing from that day is acceptable, and
        // the longest stay is what is closest.
        Err(_) => Err(TooShort {
            season,
            shortest: StayDates::new(
                stay.check_in(),
                stay.check_in() + Duration::days(crate::stay::MAX_NIGHTS),
            )
            .unwrap_or(*stay),
        }),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn high() -> Vec<PriceSeason> {
        vec![PriceSeason {
            name: "Verano".into(),
            first_night: d("2027-01-02"),
            last_night: d("2027-01-31"),
            per_night: Money::from_cents(10_000_000),
            min_nights: 3,
        }]
    }

    #[test]
    fn both_ends_of_a_season_are_its_nights() {
        let s = &high()[0];
        assert!(!s.covers(d("2027-01-01")));
        assert!(s.covers(d("2027-01-02")));
        assert!(s.covers(d("2027-01-31")));
        assert!(!s.covers(d("2027-02-01")));
    }

    #[test]
    fn the_first_night_s_season_decides_the_minimum() {
        let seasons = high();
        let stay = |a: &str, b: &str| StayDates::new(d(a), d(b)).unwrap();
        // Two nights starting inside: refused, the three-night stay from the same day offered.
        let refused = check_min_nights(&seasons, &stay("2027-01-10", "2027-01-12")).unwrap_err();
        assert_eq!(refused.season.name, "Verano");
        assert_eq!(refused.shortest, stay("2027-01-10", "2027-01-13"));
        // Exactly the minimum, or more: accepted.
        assert!(check_min_nights(&seasons, &stay("2027-01-10", "2027-01-13")).is_ok());
        assert!(check_min_nights(&seasons, &stay("2027-01-10", "2027-01-20")).is_ok());
        // Starting the night before the season: its minimum does not apply.
        assert!(check_min_nights(&seasons, &stay("2027-01-01", "2027-01-03")).is_ok());
        // Starting on its last night: it does.
        assert!(check_min_nights(&seasons, &stay("2027-01-31", "2027-02-01")).is_err());
        // No seasons at all: any stay.
        assert!(check_min_nights(&[], &stay("2027-01-10", "2027-01-11")).is_ok());
    }
}

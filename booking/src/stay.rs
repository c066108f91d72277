//! A stay: dates parsed once, valid by construction.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StayError {
    #[error("check-out must be after check-in")]
    NotAfter,
    #[error("a stay is at most {0} nights")]
    TooLong(i64),
    #[error("check-in is in the past")]
    InThePast,
    #[error("guests must be between 1 and {0}")]
    Guests(u16),
}

pub const MAX_NIGHTS: i64 = 60;
pub const MAX_GUESTS: u16 = 30;

/// Check-in and check-out, check-in < check-out, at most [`MAX_NIGHTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "(NaiveDate, NaiveDate)", into = "(NaiveDate, NaiveDate)")]
pub struct StayDates {
    check_in: NaiveDate,
    check_out: NaiveDate,
}

impl StayDates {
    pub fn new(check_in: NaiveDate, check_out: NaiveDate) -> Result<Self, StayError> {
        let nights = (check_out - check_in).num_days();
        if nights <= 0 {
            return Err(StayError::NotAfter);
        }
        if nights > MAX_NIGHTS {
            return Err(StayError::TooLong(MAX_NIGHTS));
        }
        Ok(StayDates {
            check_in,
            check_out,
        })
    }

    /// As [`new`](Self::new), refusing a check-in before `today`.
    pub fn from_today(
        check_in: NaiveDate,
        check_out: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, StayError> {
        if check_in < today {
            return Err(StayError::InThePast);
        }
        Self::new(check_in, check_out)
    }

    pub fn check_in(&self) -> NaiveDate {
        self.check_in
    }

    pub fn check_out(&self) -> NaiveDate {
        self.check_out
    }

    pub fn nights(&self) -> i64 {
        (self.check_out - self.check_in).num_days()
    }

    /// Each night, by the date it starts.
    pub fn each_night(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.nights()).map(move |i| self.check_in + Duration::days(i))
    }

    /// Whether the night starting on `date` is a weekend night (Friday or Saturday).
    pub fn is_weekend_night(date: NaiveDate) -> bool {
        matches!(date.weekday(), Weekday::Fri | Weekday::Sat)
    }

    pub fn shifted(&self, days: i64) -> StayDates {
        StayDates {
            check_in: self.check_in + Duration::days(days),
            check_out: self.check_out + Duration::days(days),
        }
    }
}

impl TryFrom<(NaiveDate, NaiveDate)> for StayDates {
    type Error = StayError;
    fn try_from((a, b): (NaiveDate, NaiveDate)) -> Result<Self, Self::Error> {
        StayDates::new(a, b)
    }
}

impl From<StayDates> for (NaiveDate, NaiveDate) {
    fn from(s: StayDates) -> Self {
        (s.check_in, s.check_out)
    }
}

/// How many people stay: 1 to [`MAX_GUESTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Guests(u16);

impl Guests {
    pub fn new(n: u16) -> Result<Self, StayError> {
        if (1..=MAX_GUESTS).contains(&n) {
            Ok(Guests(n))
        } else {
            Err(StayError::Guests(MAX_GUESTS))
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Guests {
    type Error = StayError;
    fn try_from(n: u16) -> Result<Self, Self::Error> {
        Guests::new(n)
    }
}

impl From<Guests> for u16 {
    fn from(g: Guests) -> u16 {
        g.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn stays_are_valid_by_construction() {
        assert_eq!(
            StayDates::new(d("2026-12-15"), d("2026-12-15")),
            Err(StayError::NotAfter)
        );
        assert_eq!(
            StayDates::new(d("2026-12-17"), d("2026-12-15")),
            Err(StayError::NotAfter)
        );
        assert_eq!(
            StayDates::new(d("2026-12-01"), d("2027-03-01")),
            Err(StayError::TooLong(60))
        );
        assert_eq!(
            StayDates::from_today(d("2026-12-01"), d("2026-12-03"), d("2026-12-02")),
            Err(StayError::InThePast)
        );
        let s = StayDates::new(d("2026-12-31"), d("2027-01-02")).unwrap();
        assert_eq!(s.nights(), 2);
        assert_eq!(
            s.each_night().collect::<Vec<_>>(),
            vec![d("2026-12-31"), d("2027-01-01")]
        );
        assert_eq!(Guests::new(0), Err(StayError::Guests(30)));
        assert!(Guests::new(4).is_ok());
    }

    #[test]
    fn friday_and_saturday_nights_are_the_weekend() {
        assert!(StayDates::is_weekend_night(d("2026-12-18"))); // Friday
        assert!(StayDates::is_weekend_night(d("2026-12-19"))); // Saturday
        assert!(!StayDates::is_weekend_night(d("2026-12-20"))); // Sunday
    }
}

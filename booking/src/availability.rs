//! What is free: accommodations with room for the guests and no live reservation or imported
//! block overlapping the stay; and, when none is, the nearest free stays of the same length
//! within a week either side. Decided from the nights already taken, which the store reads.

use chrono::NaiveDate;

use crate::{Accommodation, Guests, StayDates};

/// Nights an accommodation cannot sell: a live hold, a confirmed stay or an imported block,
/// `[check_in, check_out)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub accommodation_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
}

impl Taken {
    fn overlaps(&self, stay: &StayDates) -> bool {
        self.check_in < stay.check_out() && stay.check_in() < self.check_out
    }
}

/// A property's accommodations (cheapest first) and the nights taken around the dates asked
/// about. The store loads `taken` for [`Occupancy::window`] of those dates.
#[derive(Debug, Clone, Copy)]
pub struct Occupancy<'a> {
    pub accommodations: &'a [Accommodation],
    pub taken: &'a [Taken],
}

/// How far either side of a stay alternatives are looked for.
pub const ALTERNATIVE_DAYS: i64 = 7;

impl<'a> Occupancy<'a> {
    /// The nights whose reservations decide a question about `stay`: the stay and
    /// [`ALTERNATIVE_DAYS`] either side.
    pub fn window(stay: &StayDates) -> (NaiveDate, NaiveDate) {
        let days = chrono::Duration::days(ALTERNATIVE_DAYS);
        (stay.check_in() - days, stay.check_out() + days)
    }

    pub fn is_free(&self, accommodation_id: i64, stay: &StayDates) -> bool {
        !self
            .taken
            .iter()
            .any(|t| t.accommodation_id == accommodation_id && t.overlaps(stay))
    }

    /// Free accommodations for the stay with room for the guests, cheapest first.
    pub fn free(&self, stay: &StayDates, guests: Guests) -> Vec<&'a Accommodation> {
        self.accommodations
            .iter()
            .filter(|a| a.fits(guests.get()) && self.is_free(a.id, stay))
            .collect()
    }

    /// Up to `max` free stays of the same length, nearest first, shifted by 1..=7 days either
    /// way (never starting before `today`), each with its cheapest free accommodation.
    pub fn alternatives(
        &self,
        stay: &StayDates,
        guests: Guests,
        today: NaiveDate,
        max: usize,
    ) -> Vec<(StayDates, &'a Accommodation)> {
        let mut found = Vec::new();
        for distance in 1..=ALTERNATIVE_DAYS {
            for shift in [-distance, distance] {
                let candidate = stay.shifted(shift);
                if candidate.check_in() < today {
                    continue;
                }
                if let Some(first) = self.free(&candidate, guests).into_iter().next() {
                    found.push((candidate, first));
                    if found.len() == max {
                        return found;
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn cabin(id: i64, capacity: i32) -> Accommodation {
        Accommodation {
            id,
            property_id: 1,
            name: format!("Cabaña {id}"),
            description: String::new(),
            capacity,
            base_cents: 1_000_000 * id,
            weekend_bp: 10_000,
            deposit_bp: 3_000,
            photos: vec![],
            amenities: vec![],
            pets_allowed: false,
        }
    }

    #[test]
    fn taken_nights_and_small_cabins_are_not_free_and_back_to_back_stays_are() {
        let cabins = [cabin(1, 2), cabin(2, 4), cabin(3, 6)];
        let taken = [Taken {
            accommodation_id: 2,
            check_in: d("2026-12-10"),
            check_out: d("2026-12-15"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        let four = Guests::new(4).unwrap();
        let overlapping = StayDates::new(d("2026-12-14"), d("2026-12-16")).unwrap();
        let ids: Vec<i64> = o.free(&overlapping, four).iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![3]);
        let after = StayDates::new(d("2026-12-15"), d("2026-12-17")).unwrap();
        let ids: Vec<i64> = o.free(&after, four).iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![2, 3]);
    }

    #[test]
    fn alternatives_are_the_nearest_free_stays_never_in_the_past() {
        let cabins = [cabin(1, 2)];
        let taken = [Taken {
            accommodation_id: 1,
            check_in: d("2026-12-10"),
            check_out: d("2026-12-13"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        let stay = StayDates::new(d("2026-12-11"), d("2026-12-13")).unwrap();
        let two = Guests::new(2).unwrap();
        let found = o.alternatives(&stay, two, d("2026-12-09"), 3);
        let starts: Vec<NaiveDate> = found.iter().map(|(s, _)| s.check_in()).collect();
        // Earlier starts overlap the 10th–12th or fall before today (the 9th); later ones are
        // free from the 13th on, nearest first.
        let want = vec![d("2026-12-13"), d("2026-12-14"), d("2026-12-15")];
        assert_eq!(starts, want);
        // Two days later than asked, or three days earlier (the 8th), when today allows it.
        let found = o.alternatives(&stay, two, d("2026-12-07"), 3);
        let starts: Vec<NaiveDate> = found.iter().map(|(s, _)| s.check_in()).collect();
        let want = vec![d("2026-12-13"), d("2026-12-08"), d("2026-12-14")];
        assert_eq!(starts, want);
    }
}

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

/// How far either side of a stay alternatives are looked for first.
pub const ALTERNATIVE_DAYS: i64 = 7;

/// How far either side alternatives are looked for when nothing is free within
/// [`ALTERNATIVE_DAYS`] (a cabin booked for the whole month): the nearest free stay beyond.
pub const FARTHEST_ALTERNATIVE_DAYS: i64 = 42;

impl<'a> Occupancy<'a> {
    /// The nights whose reservations decide a question about `stay`: the stay and
    /// [`FARTHEST_ALTERNATIVE_DAYS`] either side.
    pub fn window(stay: &StayDates) -> (NaiveDate, NaiveDate) {
        let days = chrono::Duration::days(FARTHEST_ALTERNATIVE_DAYS);
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
    /// way (never starting before `today`), each with its cheapest free accommodation. When
    /// none is, the nearest farther away (up to [`FARTHEST_ALTERNATIVE_DAYS`]): the first
    /// distance with a free stay, either way.
    pub fn alternatives(
        &self,
        stay: &StayDates,
        guests: Guests,
        today: NaiveDate,
        max: usize,
    ) -> Vec<(StayDates, &'a Accommodation)> {
        let mut found = Vec::new();
        for distance in 1..=FARTHEST_ALTERNATIVE_DAYS {
            if distance > ALTERNATIVE_DAYS && !found.is_empty() {
                break;
            }
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

/// Most accommodations a group is split across: a small property's whole place (four cabins)
/// is still a booking a guest can make; more than this is an event, for a person.
pub const MAX_COMBINED: usize = 4;

impl<'a> Occupancy<'a> {
    /// For a group larger than any one accommodation: the free accommodations that together
    /// have room for everyone, fewest first, then cheapest base price (accommodations are
    /// cheapest first, so the first combination of a size found is the cheapest for ties of
    /// capacity). `None` when no free combination of up to [`MAX_COMBINED`] fits.
    pub fn combination(&self, stay: &StayDates, guests: Guests) -> Option<Vec<&'a Accommodation>> {
        let free: Vec<&'a Accommodation> = self
            .accommodations
            .iter()
            .filter(|a| a.capacity > 0 && self.is_free(a.id, stay))
            .collect();
        let need = i32::from(guests.get());
        for size in 2..=MAX_COMBINED.min(free.len()) {
            let best = subsets(free.len(), size)
                .into_iter()
                .map(|idx| idx.iter().map(|&i| free[i]).collect::<Vec<_>>())
                .filter(|set| set.iter().map(|a| a.capacity).sum::<i32>() >= need)
                .min_by_key(|set| set.iter().map(|a| a.base_cents).sum::<i64>());
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// The cheapest combination that gives each party its own accommodation ("dos familias de
    /// 4": two for four or more, not one for six and one for two), with the party each one
    /// takes, in listing order. `None` when no such combination is free.
    pub fn combination_for(
        &self,
        stay: &StayDates,
        parties: &[u16],
    ) -> Option<Vec<(&'a Accommodation, u16)>> {
        let free: Vec<&'a Accommodation> = self
            .accommodations
            .iter()
            .filter(|a| a.capacity > 0 && self.is_free(a.id, stay))
            .collect();
        if parties.is_empty() || parties.len() > free.len() {
            return None;
        }
        let mut wanted = parties.to_vec();
        wanted.sort_unstable_by(|a, b| b.cmp(a));
        // Largest party to the largest accommodation of the set: it fits, or no order does.
        let assign = |set: &[&'a Accommodation]| -> Option<Vec<(&'a Accommodation, u16)>> {
            let mut by_size = set.to_vec();
            by_size.sort_by_key(|a| std::cmp::Reverse(a.capacity));
            by_size
                .iter()
                .zip(&wanted)
                .all(|(a, p)| a.capacity >= i32::from(*p))
                .then(|| by_size.into_iter().zip(wanted.iter().copied()).collect())
        };
        let mut best = subsets(free.len(), parties.len())
            .into_iter()
            .map(|idx| idx.iter().map(|&i| free[i]).collect::<Vec<_>>())
            .filter_map(|set| assign(&set))
            .min_by_key(|pairs| pairs.iter().map(|(a, _)| a.base_cents).sum::<i64>())?;
        best.sort_by_key(|(a, _)| {
            self.accommodations
                .iter()
                .position(|o| o.id == a.id)
                .unwrap_or(usize::MAX)
        });
        Some(best)
    }

    /// The most people the property can take at once (every accommodation together, up to
    /// [`MAX_COMBINED`] of the largest).
    pub fn largest_party(&self) -> i32 {
        let mut caps: Vec<i32> = self.accommodations.iter().map(|a| a.capacity).collect();
        caps.sort_unstable_by(|a, b| b.cmp(a));
        caps.into_iter().take(MAX_COMBINED).sum()
    }

    /// The largest single accommodation.
    pub fn largest_single(&self) -> i32 {
        self.accommodations
            .iter()
            .map(|a| a.capacity)
            .max()
            .unwrap_or(0)
    }
}

/// Every `k`-subset of `0..n`, as index lists in lexicographic order.
fn subsets(n: usize, k: usize) -> Vec<Vec<usize>> {
    fn go(start: usize, n: usize, k: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if cur.len() == k {
            out.push(cur.clone());
            return;
        }
        for i in start..n {
            cur.push(i);
            go(i + 1, n, k, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    go(0, n, k, &mut Vec::new(), &mut out);
    out
}

/// How a group is spread over the accommodations of a combination: each filled up to its
/// capacity in order, leaving at least one person for each one after it, the last one taking
/// the rest.
pub fn split_guests(accommodations: &[&Accommodation], guests: u16) -> Vec<u16> {
    let mut left = guests;
    let mut out = Vec::with_capacity(accommodations.len());
    for (i, a) in accommodations.iter().enumerate() {
        let cap = u16::try_from(a.capacity.max(0)).unwrap_or(u16::MAX);
        let here = if i + 1 == accommodations.len() {
            left
        } else {
            // Someone left for each cabin after it: no cabin is held for nobody.
            let after = u16::try_from(accommodations.len() - i - 1).unwrap_or(u16::MAX);
            left.min(cap).min(left.saturating_sub(after).max(1))
        };
        out.push(here);
        left -= here;
    }
    out
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
            uploaded_photos: vec![],
            amenities: vec![],
            pets_allowed: false,
            seasons: vec![],
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

    #[test]
    fn a_month_taken_gets_the_nearest_free_stay_beyond_the_week() {
        let cabins = [cabin(1, 2)];
        let taken = [Taken {
            accommodation_id: 1,
            check_in: d("2027-01-02"),
            check_out: d("2027-01-28"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        let stay = StayDates::new(d("2027-01-10"), d("2027-01-15")).unwrap();
        let two = Guests::new(2).unwrap();
        let found = o.alternatives(&stay, two, d("2026-12-04"), 3);
        let starts: Vec<NaiveDate> = found.iter().map(|(s, _)| s.check_in()).collect();
        // Free from the 28th (18 days later); before the 2nd only by leaving on the 2nd, 13
        // days earlier (the 28th of December): the nearer one alone.
        assert_eq!(starts, vec![d("2026-12-28")]);
        // Taken six weeks and more on both sides: nothing.
        let taken = [Taken {
            accommodation_id: 1,
            check_in: d("2026-12-05"),
            check_out: d("2027-03-31"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        assert!(o.alternatives(&stay, two, d("2026-12-04"), 3).is_empty());
    }

    #[test]
    fn parties_that_travel_together_get_one_accommodation_each() {
        let cabins = [cabin(1, 2), cabin(2, 4), cabin(3, 4), cabin(4, 6)];
        let stay = StayDates::new(d("2026-12-11"), d("2026-12-13")).unwrap();
        let o = Occupancy {
            accommodations: &cabins,
            taken: &[],
        };
        let got = |parties: &[u16]| {
            o.combination_for(&stay, parties)
                .map(|v| v.iter().map(|(a, g)| (a.id, *g)).collect::<Vec<_>>())
        };
        // Two families of four: the two for four, not the six and the two.
        assert_eq!(got(&[4, 4]), Some(vec![(2, 4), (3, 4)]));
        // Five and three: the six for the five, a four for the three.
        assert_eq!(got(&[5, 3]), Some(vec![(2, 3), (4, 5)]));
        assert_eq!(got(&[7, 1]), None);
        let taken = [Taken {
            accommodation_id: 3,
            check_in: d("2026-12-10"),
            check_out: d("2026-12-12"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        let ids = o
            .combination_for(&stay, &[4, 4])
            .map(|v| v.iter().map(|(a, _)| a.id).collect::<Vec<_>>());
        assert_eq!(ids, Some(vec![2, 4]));
    }

    #[test]
    fn a_group_larger_than_any_cabin_gets_the_fewest_cheapest_free_cabins_that_fit() {
        let cabins = [cabin(1, 2), cabin(2, 4), cabin(3, 6)];
        let stay = StayDates::new(d("2026-12-11"), d("2026-12-13")).unwrap();
        let o = Occupancy {
            accommodations: &cabins,
            taken: &[],
        };
        let ids =
            |v: Option<Vec<&Accommodation>>| v.map(|v| v.iter().map(|a| a.id).collect::<Vec<_>>());
        assert_eq!(
            ids(o.combination(&stay, Guests::new(8).unwrap())),
            Some(vec![1, 3])
        );
        assert_eq!(
            ids(o.combination(&stay, Guests::new(10).unwrap())),
            Some(vec![2, 3])
        );
        assert_eq!(
            ids(o.combination(&stay, Guests::new(12).unwrap())),
            Some(vec![1, 2, 3])
        );
        assert_eq!(ids(o.combination(&stay, Guests::new(13).unwrap())), None);
        let taken = [Taken {
            accommodation_id: 3,
            check_in: d("2026-12-10"),
            check_out: d("2026-12-12"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        assert_eq!(ids(o.combination(&stay, Guests::new(8).unwrap())), None);
        assert_eq!(
            ids(o.combination(&stay, Guests::new(6).unwrap())),
            Some(vec![1, 2])
        );
        assert_eq!(o.largest_party(), 12);
        assert_eq!(o.largest_single(), 6);
        let set = [&cabins[0], &cabins[2]];
        assert_eq!(split_guests(&set, 8), vec![2, 6]);
        assert_eq!(split_guests(&set, 7), vec![2, 5]);
        assert_eq!(split_guests(&set, 2), vec![1, 1]);
    }

    #[test]
    fn a_group_that_fills_a_small_place_gets_every_cabin_and_one_more_is_too_many() {
        let cabins = [cabin(1, 2), cabin(2, 4), cabin(3, 4), cabin(4, 6)];
        let stay = StayDates::new(d("2026-12-11"), d("2026-12-13")).unwrap();
        let o = Occupancy {
            accommodations: &cabins,
            taken: &[],
        };
        let ids =
            |v: Option<Vec<&Accommodation>>| v.map(|v| v.iter().map(|a| a.id).collect::<Vec<_>>());
        assert_eq!(o.largest_party(), 16);
        assert_eq!(
            ids(o.combination(&stay, Guests::new(14).unwrap())),
            Some(vec![2, 3, 4])
        );
        for whole in [15, 16] {
            assert_eq!(
                ids(o.combination(&stay, Guests::new(whole).unwrap())),
                Some(vec![1, 2, 3, 4])
            );
        }
        assert_eq!(ids(o.combination(&stay, Guests::new(17).unwrap())), None);
        // One cabin taken: the other three are the most there is.
        let taken = [Taken {
            accommodation_id: 1,
            check_in: d("2026-12-11"),
            check_out: d("2026-12-12"),
        }];
        let o = Occupancy {
            accommodations: &cabins,
            taken: &taken,
        };
        assert_eq!(ids(o.combination(&stay, Guests::new(15).unwrap())), None);
    }
}

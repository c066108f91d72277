//! What a stay costs, night by night: the price of the night's season (`seasons`) or else the
//! base price, × the weekend multiplier on Friday and Saturday nights; the deposit (seña) is a
//! percentage of the total.

use super::{Money, StayDates, seasons::PriceSeason, seasons::season_of};

/// An accommodation's tariff, as stored (multipliers and percentages in basis points).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tariff {
    pub base_per_night: Money,
    /// 10_000 = ×1.00.
    pub weekend_multiplier_bp: i64,
    /// 3_000 = 30 %.
    pub deposit_bp: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub nights: i64,
    pub weekend_nights: i64,
    pub total: Money,
    pub deposit: Money,
}

/// The quote of `stay` at `tariff`, each night inside one of `seasons` at that season's price.
pub fn quote(tariff: &Tariff, seasons: &[PriceSeason], stay: &StayDates) -> Quote {
    let weekend_nights = stay
        .each_night()
        .filter(|n| StayDates::is_weekend_night(*n))
        .count() as i64;
    let total: Money = stay
        .each_night()
        .map(|n| {
            let price = season_of(seasons, n).map_or(tariff.base_per_night, |s| s.per_night);
            if StayDates::is_weekend_night(n) {
                price.times_basis_points(tariff.weekend_multiplier_bp)
            } else {
                price
            }
        })
        .sum();
    Quote {
        nights: stay.nights(),
        weekend_nights,
        total,
        deposit: total.times_basis_points(tariff.deposit_bp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekend_nights_cost_more_and_the_deposit_is_a_share_of_the_total() {
        let tariff = Tariff {
            base_per_night: Money::from_cents(6_000_000),
            weekend_multiplier_bp: 12_000,
            deposit_bp: 3_000,
        };
        // Thu 17 → Sun 20 Dec 2026: Thu (base), Fri and Sat (×1.2).
        let stay =
            StayDates::new("2026-12-17".parse().unwrap(), "2026-12-20".parse().unwrap()).unwrap();
        let q = quote(&tariff, &[], &stay);
        assert_eq!((q.nights, q.weekend_nights), (3, 2));
        assert_eq!(q.total, Money::from_cents(6_000_000 + 2 * 7_200_000));
        assert_eq!(q.deposit, Money::from_cents(6_120_000));
    }

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    fn stay(a: &str, b: &str) -> StayDates {
        StayDates::new(d(a), d(b)).unwrap()
    }

    /// Base $ 60.000, weekend ×1.2; "Verano" $ 100.000 the nights of 4–10 Jan 2027 (Mon–Sun).
    fn summer() -> (Tariff, Vec<PriceSeason>) {
        (
            Tariff {
                base_per_night: Money::from_cents(6_000_000),
                weekend_multiplier_bp: 12_000,
                deposit_bp: 3_000,
            },
            vec![PriceSeason {
                name: "Verano".into(),
                first_night: d("2027-01-04"),
                last_night: d("2027-01-10"),
                per_night: Money::from_cents(10_000_000),
                min_nights: 3,
            }],
        )
    }

    #[test]
    fn every_night_inside_a_season_costs_the_season_s_price() {
        let (tariff, seasons) = summer();
        // Mon 4 → Thu 7: three weekday nights, all in the season.
        let q = quote(&tariff, &seasons, &stay("2027-01-04", "2027-01-07"));
        assert_eq!(q.total, Money::from_cents(3 * 10_000_000));
        assert_eq!(q.deposit, Money::from_cents(9_000_000));
    }

    #[test]
    fn a_stay_across_a_season_s_edge_pays_each_night_its_own_price() {
        let (tariff, seasons) = summer();
        // Sat 2 and Sun 3 before the season (Sat is a weekend night), Mon 4 and Tue 5 in it.
        let q = quote(&tariff, &seasons, &stay("2027-01-02", "2027-01-06"));
        assert_eq!(
            q.total,
            Money::from_cents(7_200_000 + 6_000_000 + 2 * 10_000_000)
        );
        // Sun 10 is the season's last night, Mon 11 is past it.
        let q = quote(&tariff, &seasons, &stay("2027-01-10", "2027-01-12"));
        assert_eq!(q.total, Money::from_cents(10_000_000 + 6_000_000));
    }

    #[test]
    fn weekend_nights_inside_a_season_take_the_multiplier_on_the_season_s_price() {
        let (tariff, seasons) = summer();
        // Thu 7, Fri 8, Sat 9: one weekday and two weekend nights of the season.
        let q = quote(&tariff, &seasons, &stay("2027-01-07", "2027-01-10"));
        assert_eq!(q.weekend_nights, 2);
        assert_eq!(q.total, Money::from_cents(10_000_000 + 2 * 12_000_000));
    }
}

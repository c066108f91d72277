//! What a stay costs: base price per night, × the weekend multiplier on Friday and Saturday
//! nights; the deposit (seña) is a percentage of the total.

use super::{Money, StayDates};

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

pub fn quote(tariff: &Tariff, stay: &StayDates) -> Quote {
    let weekend_price = tariff
        .base_per_night
        .times_basis_points(tariff.weekend_multiplier_bp);
    let weekend_nights = stay
        .each_night()
        .filter(|n| StayDates::is_weekend_night(*n))
        .count() as i64;
    let total: Money = stay
        .each_night()
        .map(|n| {
            if StayDates::is_weekend_night(n) {
                weekend_price
            } else {
                tariff.base_per_night
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
        let q = quote(&tariff, &stay);
        assert_eq!((q.nights, q.weekend_nights), (3, 2));
        assert_eq!(q.total, Money::from_cents(6_000_000 + 2 * 7_200_000));
        assert_eq!(q.deposit, Money::from_cents(6_120_000));
    }
}

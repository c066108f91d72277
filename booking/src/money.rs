//! Pesos as integer cents, shown the Argentine way ("$ 123.456,50").

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Money(i64);

impl Money {
    pub const fn from_cents(cents: i64) -> Self {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// `self × basis_points / 10_000`, rounded half up (prices are never negative).
    pub fn times_basis_points(self, basis_points: i64) -> Money {
        Money((self.0 * basis_points + 5_000).div_euclid(10_000))
    }

    /// The amount as a decimal string for APIs: "12345.50".
    pub fn to_decimal(self) -> String {
        format!("{}.{:02}", self.0 / 100, (self.0 % 100).abs())
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money(0), |a, b| a + b)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pesos = self.0 / 100;
        let cents = self.0 % 100;
        let digits = pesos.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        if cents == 0 {
            write!(f, "$ {grouped}")
        } else {
            write!(f, "$ {grouped},{cents:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_pesos_the_argentine_way() {
        assert_eq!(Money::from_cents(12_345_600).to_string(), "$ 123.456");
        assert_eq!(Money::from_cents(12_345_650).to_string(), "$ 123.456,50");
        assert_eq!(Money::from_cents(90_000).to_string(), "$ 900");
        assert_eq!(Money::from_cents(100_000_000).to_string(), "$ 1.000.000");
        assert_eq!(Money::from_cents(12_345_650).to_decimal(), "123456.50");
    }

    #[test]
    fn basis_points_round_half_up() {
        assert_eq!(
            Money::from_cents(10_000).times_basis_points(3_000),
            Money::from_cents(3_000)
        );
        assert_eq!(
            Money::from_cents(333).times_basis_points(5_000),
            Money::from_cents(167)
        );
        assert_eq!(
            Money::from_cents(4_500_000).times_basis_points(12_000),
            Money::from_cents(5_400_000)
        );
    }
}

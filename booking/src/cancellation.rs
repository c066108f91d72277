//! A property's cancellation policy, and what it gives back to a guest who cancels a paid
//! reservation on a given day.
//!
//! What small cabin owners in Patagonia actually write on their pages, reduced to three typed
//! numbers: the whole deposit (seña) back when the guest cancels at least `full_refund_days`
//! before check-in; after that a share of it back (`late_refund_percent`, often 0); and, often,
//! what is kept may still be used for another date within `credit_months` (0: it may not).
//!
//! Pure: it never reads the clock (the property's "today" comes in) and never decides that a
//! reservation is cancelled: staff do, after the guest asks.

use chrono::NaiveDate;

/// How a property gives deposits back when a paid reservation is cancelled. Valid by
/// construction: a share is a percentage, a window fits in a year, a credit in two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CancellationPolicy {
    full_refund_days: u16,
    late_refund_percent: u8,
    credit_months: u8,
}

/// Why numbers are not a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    #[error("a refund share is a percentage (0 to 100), not {0}")]
    Percent(u8),
    #[error("a full-refund window of {0} days is longer than a year")]
    Days(u16),
    #[error("a credit of {0} months is longer than two years")]
    Months(u8),
}

impl CancellationPolicy {
    /// What a property has until its owner says otherwise (the migration's column defaults):
    /// the whole deposit back up to 15 days before check-in, nothing after.
    pub const DEFAULT: CancellationPolicy = CancellationPolicy {
        full_refund_days: 15,
        late_refund_percent: 0,
        credit_months: 0,
    };

    pub fn new(
        full_refund_days: u16,
        late_refund_percent: u8,
        credit_months: u8,
    ) -> Result<Self, PolicyError> {
        if late_refund_percent > 100 {
            return Err(PolicyError::Percent(late_refund_percent));
        }
        if full_refund_days > 365 {
            return Err(PolicyError::Days(full_refund_days));
        }
        if credit_months > 24 {
            return Err(PolicyError::Months(credit_months));
        }
        Ok(CancellationPolicy {
            full_refund_days,
            late_refund_percent,
            credit_months,
        })
    }

    /// Days before check-in up to which the whole deposit is given back (0: up to the day).
    pub fn full_refund_days(&self) -> u16 {
        self.full_refund_days
    }

    /// The share of the deposit given back for a later cancellation.
    pub fn late_share(&self) -> Share {
        Share::of(self.late_refund_percent)
    }

    /// Months within which what is kept may be used for another date (`None`: it may not).
    pub fn credit_months(&self) -> Option<u8> {
        (self.credit_months > 0).then_some(self.credit_months)
    }

    /// What cancelling a reservation that starts on `check_in` gives back when asked on
    /// `today` (the property's day).
    pub fn applied(&self, check_in: NaiveDate, today: NaiveDate) -> Refund {
        let days_left = (check_in - today).num_days();
        let share = if days_left >= i64::from(self.full_refund_days) {
            Share::Full
        } else {
            self.late_share()
        };
        Refund {
            days_left,
            share,
            credit_months: match share {
                Share::Full => None,
                _ => self.credit_months(),
            },
        }
    }
}

impl Default for CancellationPolicy {
    fn default() -> Self {
        CancellationPolicy::DEFAULT
    }
}

/// How much of the deposit comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    Full,
    /// This percentage (1 to 99).
    Part(u8),
    Nothing,
}

impl Share {
    /// The share that gives back `percent` of the deposit (100 or more: all of it).
    pub fn of(percent: u8) -> Share {
        match percent {
            0 => Share::Nothing,
            100.. => Share::Full,
            p => Share::Part(p),
        }
    }

    /// The percentage of the deposit given back.
    pub fn percent(self) -> u8 {
        match self {
            Share::Full => 100,
            Share::Part(p) => p,
            Share::Nothing => 0,
        }
    }
}

/// The policy applied to one reservation on one day: what the guest is told and what staff
/// are asked to give back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refund {
    /// Days from the day of asking to check-in (0: arriving today; negative: the stay began).
    pub days_left: i64,
    pub share: Share,
    /// What is kept may be used for another date within these months.
    pub credit_months: Option<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_whole_deposit_back_up_to_the_window_and_the_late_share_after() {
        let p = CancellationPolicy::new(15, 50, 6).unwrap();
        let check_in = d("2027-01-20");
        // Exactly 15 days before: still the whole deposit.
        let on_the_day = p.applied(check_in, d("2027-01-05"));
        assert_eq!(
            on_the_day,
            Refund {
                days_left: 15,
                share: Share::Full,
                credit_months: None
            }
        );
        let late = p.applied(check_in, d("2027-01-06"));
        assert_eq!(late.days_left, 14);
        assert_eq!(late.share, Share::Part(50));
        assert_eq!(late.credit_months, Some(6));
        // After arrival the late rule still applies; days go negative.
        assert_eq!(p.applied(check_in, d("2027-01-21")).days_left, -1);
    }

    #[test]
    fn shares_and_credits_read_as_owners_mean_them() {
        let none = CancellationPolicy::new(30, 0, 0).unwrap();
        let late = none.applied(d("2027-01-20"), d("2027-01-10"));
        assert_eq!((late.share, late.credit_months), (Share::Nothing, None));
        let always = CancellationPolicy::new(0, 0, 0).unwrap();
        assert_eq!(
            always.applied(d("2027-01-20"), d("2027-01-20")).share,
            Share::Full
        );
        let generous = CancellationPolicy::new(10, 100, 3).unwrap();
        let r = generous.applied(d("2027-01-20"), d("2027-01-19"));
        assert_eq!((r.share, r.credit_months), (Share::Full, None));
        assert_eq!(Share::Part(30).percent(), 30);
        assert_eq!(CancellationPolicy::default(), CancellationPolicy::DEFAULT);
    }

    #[test]
    fn numbers_that_are_no_policy_are_refused() {
        assert_eq!(
            CancellationPolicy::new(15, 101, 0),
            Err(PolicyError::Percent(101))
        );
        assert_eq!(
            CancellationPolicy::new(400, 0, 0),
            Err(PolicyError::Days(400))
        );
        assert_eq!(
            CancellationPolicy::new(15, 0, 30),
            Err(PolicyError::Months(30))
        );
    }
}

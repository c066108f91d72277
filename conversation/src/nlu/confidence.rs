//! Confidence: a number the conversation can act on. Below [`super::CONFIDENCE_THRESHOLD`]
//! the bot asks instead of guessing, so the number must fall exactly where a guess would be
//! risky. It is a sum of checkable parts, not a probability:
//!
//! | evidence for the intent                             | base |
//! |-----------------------------------------------------|------|
//! | a greeting alone                                    | 0.95 (0.80 with a typo) |
//! | a strong keyword ("disponibilidad", "cuánto sale")  | 0.90 |
//! | the same keyword matched only through a typo        | 0.75 |
//! | a bare strong agreement ("sí", "dale") → book       | 0.85 |
//! | a weak hint ("quiero ir", "sale", "info")           | 0.70 (0.55 with a typo) |
//! | a bare mild agreement ("ok", "perfecto") → book     | 0.70 |
//! | no verb, only dates/guests → availability, inferred | 0.70 with both dates, 0.60 with a check-in, 0.50 otherwise |
//! | nothing recognised → unknown                        | 0.20 (0.00 for an empty message), never above 0.30 |
//!
//! Adjustments: +0.05 when a stay request (availability, price, book) also has a clean
//! check-in and check-out; −0.20 when it names only a vague time ("la semana que viene", "en
//! algún momento"); −0.25 when a date phrase failed (31/02, "del 40 al 50", check-out before
//! check-in); −0.10 when the weekday contradicts the day ("viernes 5" that is a Saturday);
//! −0.05 when a strong cue for a different kind of request was overruled. The result is
//! clamped to 0..=1 and rounded to two decimals.

use super::{
    Intent,
    dates::DateInfo,
    intent::{Decision, Evidence, Strength},
    lexicon::Quality,
};

/// Unknown intent never claims more than this.
const UNKNOWN_CAP: f32 = 0.3;

pub(crate) fn score(d: &Decision, dates: &DateInfo, empty: bool) -> f32 {
    let both = dates.check_in.is_some() && dates.check_out.is_some();
    let mut c = base(d.evidence, dates, empty);
    let stay_request = matches!(
        d.intent,
        Intent::CheckAvailability | Intent::AskPrice | Intent::Book
    );
    if d.intent == Intent::Greeting {
        c += 0.05;
    }
    if stay_request && both && !dates.failed && d.evidence != Evidence::Inferred {
        c += 0.05;
    }
    if stay_request && dates.vague && dates.check_in.is_none() {
        c -= 0.20;
    }
    if dates.failed {
        c -= 0.25;
    }
    if dates.weekday_mismatch {
        c -= 0.10;
    }
    if d.contested {
        c -= 0.05;
    }
    if d.intent == Intent::Unknown {
        c = c.min(UNKNOWN_CAP);
    }
    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

fn base(evidence: Evidence, dates: &DateInfo, empty: bool) -> f32 {
    match evidence {
        Evidence::Cue(Strength::Strong, Quality::Exact) => 0.90,
        Evidence::Cue(Strength::Strong, Quality::Fuzzy) => 0.75,
        Evidence::Cue(Strength::Weak, Quality::Exact) => 0.70,
        Evidence::Cue(Strength::Weak, Quality::Fuzzy) => 0.55,
        Evidence::Agreement { strong: true } => 0.85,
        Evidence::Agreement { strong: false } => 0.70,
        Evidence::Inferred => match (dates.check_in, dates.check_out) {
            (Some(_), Some(_)) => 0.70,
            (Some(_), None) => 0.60,
            _ => 0.50,
        },
        Evidence::Nothing if empty => 0.0,
        Evidence::Nothing => 0.20,
    }
}

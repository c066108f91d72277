//! The decision: one intent from all the cues, by rank (see the module docs of `intent`), and
//! the kind of evidence behind it for the confidence.

use super::{Cue, Signals, Strength};
use crate::nlu::{Intent, lexicon::Quality};

use Strength::{Strong, Weak};

/// The kind of evidence behind the chosen intent (confidence is computed from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    Cue(Strength, Quality),
    /// A bare agreement, read as "book what you offered".
    Agreement {
        strong: bool,
    },
    /// Dates or guests with no verb: availability, inferred.
    Inferred,
    Nothing,
}

/// The chosen intent and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    pub(crate) intent: Intent,
    pub(crate) evidence: Evidence,
    /// A strong cue for a different kind of request was overruled (e.g. a pets question inside
    /// an availability question).
    pub(crate) contested: bool,
}

/// What else the message carries, for the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Context {
    pub(crate) has_dates: bool,
    pub(crate) has_entities: bool,
    pub(crate) agrees: bool,
    pub(crate) agrees_strongly: bool,
}

/// Rank of a bare agreement (book), between a weak booking hint and a weak availability hint.
const AGREEMENT_RANK: u8 = 48;
/// Rank of an availability question inferred from dates or guests.
const INFERRED_RANK: u8 = 30;

fn rank(c: &Cue, has_dates: bool) -> u8 {
    match (c.intent, c.strength) {
        (Intent::Human, _) => 100,
        (Intent::Cancel, Strong) => 90,
        (Intent::Book, Strong) => 80,
        (Intent::AskPrice, Strong) => 70,
        (Intent::AskInfo, Strong) if !has_dates => 65,
        (Intent::CheckAvailability, Strong) => 60,
        (Intent::AskPrice, Weak) => 58,
        (Intent::AskInfo, Strong) => 55,
        (Intent::Cancel, Weak) => 52,
        (Intent::Book, Weak) => 50,
        (Intent::CheckAvailability, Weak) => 45,
        // "info para el finde" is a stay request in disguise: below the inferred availability.
        (Intent::AskInfo, Weak) if has_dates => 25,
        (Intent::AskInfo, Weak) => 40,
        (Intent::Greeting, _) => 10,
        (Intent::Unknown, _) => 0,
    }
}

/// Requests that the conversation serves together (a price question answers availability).
fn group(intent: Intent) -> u8 {
    match intent {
        Intent::CheckAvailability | Intent::AskPrice | Intent::Book => 1,
        Intent::AskInfo => 2,
        Intent::Cancel => 3,
        Intent::Human => 4,
        Intent::Greeting | Intent::Unknown => 0,
    }
}

pub(crate) fn decide(signals: &Signals, ctx: Context) -> Decision {
    let best = signals.cues.iter().max_by_key(|c| {
        (
            rank(c, ctx.has_dates),
            std::cmp::Reverse(c.quality),
            std::cmp::Reverse(c.pos),
        )
    });
    let best_rank = best.map_or(0, |c| rank(c, ctx.has_dates));
    let (intent, evidence) = match best {
        Some(c) if best_rank > AGREEMENT_RANK => (c.intent, Evidence::Cue(c.strength, c.quality)),
        _ if ctx.agrees => (
            Intent::Book,
            Evidence::Agreement {
                strong: ctx.agrees_strongly,
            },
        ),
        Some(c) if best_rank > INFERRED_RANK => (c.intent, Evidence::Cue(c.strength, c.quality)),
        _ if ctx.has_entities => (Intent::CheckAvailability, Evidence::Inferred),
        Some(c) => (c.intent, Evidence::Cue(c.strength, c.quality)),
        None => (Intent::Unknown, Evidence::Nothing),
    };
    let contested = signals
        .cues
        .iter()
        .any(|c| c.strength == Strong && group(c.intent) != 0 && group(c.intent) != group(intent));
    Decision {
        intent,
        evidence,
        contested,
    }
}

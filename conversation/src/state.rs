//! Conversation state, stored as JSON on the conversation row, forgotten after 24 hours.
//!
//! Every field added after the first release has `#[serde(default)]`, so states stored by an
//! older build still read (a state that cannot be read starts afresh, never fails a turn).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Language;

/// How long a conversation remembers what was said.
pub const MEMORY_HOURS: i64 = 24;

/// What the guest was after when we had to ask for a missing slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Want {
    Availability,
    Price,
    Book,
}

/// One option of an offer, with what the guest may point at it by ("la más barata", "la
/// grande", "la que acepta perros").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferOption {
    pub accommodation_id: i64,
    pub name: String,
    #[serde(default)]
    pub total_cents: i64,
    #[serde(default)]
    pub capacity: i32,
    #[serde(default)]
    pub pets_allowed: bool,
    /// Its own dates, when the options are different stays (nearest free dates).
    #[serde(default)]
    pub stay: Option<(NaiveDate, NaiveDate)>,
    /// People in this accommodation, when the options are one combination for a group.
    #[serde(default)]
    pub guests: Option<u16>,
}

impl OfferOption {
    /// Check-in and check-out of this option: its own, or the offer's.
    pub fn dates(&self, offer: &Offer) -> (NaiveDate, NaiveDate) {
        self.stay.unwrap_or((offer.check_in, offer.check_out))
    }
}

/// What is on the table: "sí, dale" accepts option `chosen`, and only that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
    pub options: Vec<OfferOption>,
    /// The option a yes accepts: the first until the guest points at another.
    #[serde(default)]
    pub chosen: usize,
    /// The options are one combination for a group, accepted together.
    #[serde(default)]
    pub together: bool,
    /// Accepting moves this unpaid hold instead of placing a new one.
    #[serde(default)]
    pub replaces: Option<String>,
    /// The option the guest last asked a question about ("¿la segunda tiene parrilla?"): "esa"
    /// then points at it.
    #[serde(default)]
    pub asked: Option<usize>,
    /// The guest put the option in focus by pointing at it ("¿y la Coihue cuánto sale?"): the
    /// same option chosen again is a yes.
    #[serde(default)]
    pub focused: bool,
}

/// What this conversation asked to hold: the guest may say "dale" again, or cancel it, before
/// the hold shows up in the facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booked {
    pub accommodation: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationState {
    #[serde(default)]
    pub check_in: Option<NaiveDate>,
    #[serde(default)]
    pub check_out: Option<NaiveDate>,
    #[serde(default)]
    pub guests: Option<u16>,
    /// Parties that travel together but stay apart ("dos familias de 4"): each gets its own
    /// cabin when the party needs several. Empty when none was said.
    #[serde(default)]
    pub parties: Vec<u16>,
    /// The guest asked for cabins apart ("una para 4 y otra para 2", "dos cabañas"): a
    /// combination is offered even when one cabin would hold everyone.
    #[serde(default)]
    pub apart: bool,
    #[serde(default)]
    pub wants: Option<Want>,
    #[serde(default)]
    pub offer: Option<Offer>,
    #[serde(default)]
    pub needs_human: bool,
    /// Nights said before a check-in ("por 3 noches"): the check-out once the check-in comes.
    #[serde(default)]
    pub nights: Option<u32>,
    /// The accommodation the guest named last.
    #[serde(default)]
    pub accommodation: Option<String>,
    /// A pet comes along.
    #[serde(default)]
    pub pets: bool,
    /// The language the guest is answered in.
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub booked: Option<Booked>,
    /// A month the guest named without days ("queremos ir en marzo"): bare days said later
    /// ("del 16 al 18") fall in it.
    #[serde(default)]
    pub month: Option<u32>,
    /// The year said with that month ("January 2028"); the next such month's when none was.
    #[serde(default)]
    pub month_year: Option<i32>,
    /// The guest wants a weekend, its days not said yet ("un finde en marzo"): a bare day said
    /// next ("el del 12") is that day's weekend, Friday to Sunday.
    #[serde(default)]
    pub weekend_wanted: bool,
    /// The last reply asked for the code of the reservation to cancel: a code said next
    /// ("es la RES270101001") answers it.
    #[serde(default)]
    pub asked_code: bool,
    /// The cabin of the hold the guest last cancelled: "¿me la volvés a reservar?" books it
    /// again.
    #[serde(default)]
    pub cancelled: Option<String>,
    /// The last reply placed a hold (or only said it is held, right after placing it): a
    /// "mejor no" next calls it off.
    #[serde(default)]
    pub just_held: bool,
    /// The last reply moved the guest's hold to other dates or another cabin: "no, dejala
    /// como estaba" next moves it back to the stay it had.
    #[serde(default)]
    pub just_moved: bool,
    /// The last reply released the guest's unpaid hold at their asking: "no no, mejor no,
    /// dejala" next holds it again.
    #[serde(default)]
    pub just_released: bool,
    /// The last reply recorded the guest's request to cancel a paid stay: "mejor no, dejala,
    /// vamos igual" next keeps it, and a person is told.
    #[serde(default)]
    pub cancel_requested: bool,
    /// The guest's hold was placed or moved with no yes from them ("la Coihue", "mejor del 10
    /// al 12"): the first yes after it is the confirmation they think it needs, and is told the
    /// code again.
    #[serde(default)]
    pub held_without_yes: bool,
    /// The offer that pick was made from: "ah no, mejor la primera" moves the hold to another
    /// of its options.
    #[serde(default)]
    pub picked_from: Option<Offer>,
    /// What the guest's last question about the place asked ("¿la Ñire acepta perros?"): a
    /// "¿y la Lenga?" next asks the same about another cabin.
    #[serde(default)]
    pub last_asked: Option<Asked>,
    /// The stay talked about before the last change of dates: "mejor la primera fecha" goes
    /// back to it.
    #[serde(default)]
    pub earlier_stay: Option<(NaiveDate, NaiveDate)>,
    /// The last message changed only how many nights ("mejor 3 noches"): a number said alone
    /// next ("uh no, dejalo en 2") is nights again, not people.
    #[serde(default)]
    pub nights_changed_last: bool,
    /// The held cabin's nearest free stay, told by the last reply when the dates asked were
    /// taken ("la tengo libre del 10 al 13: si te sirve, decime esas fechas"): "dale, esas
    /// fechas" next moves the hold to it.
    #[serde(default)]
    pub free_instead: Option<(NaiveDate, NaiveDate)>,
    /// The cabins the guest named together ("¿la Coihue está libre? ¿y la Ñire?"): "¿cuál sale
    /// menos?" next asks among them.
    #[serde(default)]
    pub named: Vec<String>,
    /// The last reply passed a question no table knows to a person: an "ok" next acknowledges
    /// that, it does not accept an offer still on the table.
    #[serde(default)]
    pub handed_off: bool,
    /// The option proposed that the last reply said no for ("No, la Arrayán no tiene jacuzzi;
    /// la Ñire sí… ¿te la reservo?"), the one that has it now in focus: a yes "igual", "anyway"
    /// next takes the one doubted.
    #[serde(default)]
    pub doubted: Option<String>,
    /// The offer the last reply let go on a "no, gracias": "bueno, dale, reservala igual",
    /// "actually ok, let's do it", "pensando bem, pode reservar" next puts it back on the table
    /// and takes it.
    #[serde(default)]
    pub declined: Option<Offer>,
}

/// The topics and yes/no features a question about the place asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    #[serde(default)]
    pub topics: Vec<crate::nlu::InfoTopic>,
    #[serde(default)]
    pub features: Vec<crate::nlu::Feature>,
}

impl ConversationState {
    /// Reads a stored state; anything unreadable or older than [`MEMORY_HOURS`] starts afresh.
    pub fn from_stored(json: serde_json::Value, age_hours: f64) -> Self {
        if age_hours > MEMORY_HOURS as f64 {
            return ConversationState::default();
        }
        serde_json::from_value(json).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_stored_by_the_previous_build_still_reads() {
        let old = serde_json::json!({
            "check_in": "2026-12-15",
            "check_out": "2026-12-17",
            "guests": 2,
            "wants": "availability",
            "offer": {
                "check_in": "2026-12-15",
                "check_out": "2026-12-17",
                "guests": 2,
                "options": [{"accommodation_id": 1, "name": "Cabaña Arrayán"}]
            },
            "needs_human": false
        });
        let s = ConversationState::from_stored(old, 1.0);
        assert_eq!(s.guests, Some(2));
        let offer = s.offer.expect("the offer survives");
        assert_eq!(
            (offer.chosen, offer.together, offer.replaces),
            (0, false, None)
        );
        assert_eq!(s.language, Language::Es);
        assert_eq!(s.booked, None);
        let back = serde_json::to_value(ConversationState {
            language: Language::En,
            ..Default::default()
        })
        .expect("serializes");
        assert_eq!(back["language"], "en");
    }
}

//! The next step of a conversation, from what was said before and the new message. Pure: no
//! database, no clock (today is given), so every turn of a conversation is a plain test.

use chrono::NaiveDate;

use super::state::{ConversationState, Offer, Want};
use crate::{
    booking::{Guests, StayDates, StayError},
    nlu::{CONFIDENCE_THRESHOLD, InfoTopic, Intent, Understanding},
};

#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Greet,
    AskGuests,
    AskDates,
    /// Look up what is free for the stay; with `Want::Book`, book the first fitting option.
    Quote {
        stay: StayDates,
        guests: Guests,
        want: Want,
        accommodation: Option<String>,
    },
    /// "Sí, dale": book option `choice` of the last offer.
    BookOffer {
        offer: Offer,
        choice: usize,
    },
    Info {
        topic: InfoTopic,
        accommodation: Option<String>,
    },
    Cancel {
        code: Option<String>,
    },
    Human,
    Clarify,
    Invalid(StayError),
}

pub fn plan(
    prev: &ConversationState,
    u: &Understanding,
    today: NaiveDate,
) -> (Step, ConversationState) {
    let mut s = prev.clone();
    match u.intent {
        Intent::Human => {
            s.needs_human = true;
            return (Step::Human, s);
        }
        Intent::Cancel => {
            s.needs_human = true;
            return (
                Step::Cancel {
                    code: u.reservation_code.clone(),
                },
                s,
            );
        }
        // Questions without a known topic (refund policy, payment methods…) go to a person.
        Intent::AskInfo => {
            let Some(topic) = u.info_topic else {
                s.needs_human = true;
                return (Step::Human, s);
            };
            return (
                Step::Info {
                    topic,
                    accommodation: u.accommodation.clone(),
                },
                s,
            );
        }
        _ => {}
    }

    let new_dates = u.check_in.is_some();
    let new_guests = u.guests.is_some();
    if (u.intent == Intent::Book || u.affirmative)
        && !new_dates
        && !new_guests
        && let Some(offer) = prev.offer.clone()
    {
        let choice = u
            .accommodation
            .as_ref()
            .and_then(|name| offer.options.iter().position(|o| &o.name == name))
            .unwrap_or(0);
        s = ConversationState {
            needs_human: prev.needs_human,
            ..Default::default()
        };
        return (Step::BookOffer { offer, choice }, s);
    }

    if new_dates {
        s.check_in = u.check_in;
        s.check_out = u.check_out;
        s.offer = None;
    }
    if let Some(g) = u.guests {
        s.guests = Some(g);
        s.offer = None;
    }
    let want = match u.intent {
        // A guest who asked to book and now gives the dates still wants to book.
        Intent::CheckAvailability if prev.wants == Some(Want::Book) => Some(Want::Book),
        Intent::CheckAvailability => Some(Want::Availability),
        Intent::AskPrice => Some(Want::Price),
        Intent::Book => Some(Want::Book),
        Intent::Greeting if !new_dates && !new_guests => return (Step::Greet, s),
        // A message that only fills a slot continues what the guest wanted before.
        _ => prev
            .wants
            .or((new_dates || new_guests).then_some(Want::Availability)),
    };
    let fills_a_slot = new_dates || new_guests || u.affirmative;
    let Some(want) = want else {
        return (Step::Clarify, s);
    };
    if u.confidence < CONFIDENCE_THRESHOLD && !fills_a_slot {
        return (Step::Clarify, s);
    }
    s.wants = Some(want);

    let (Some(check_in), Some(check_out)) = (s.check_in, s.check_out) else {
        return (Step::AskDates, s);
    };
    let stay = match StayDates::from_today(check_in, check_out, today) {
        Ok(stay) => stay,
        Err(e) => {
            s.check_in = None;
            s.check_out = None;
            return (Step::Invalid(e), s);
        }
    };
    let Some(guests) = s.guests else {
        return (Step::AskGuests, s);
    };
    match Guests::new(guests) {
        Ok(guests) => (
            Step::Quote {
                stay,
                guests,
                want,
                accommodation: u.accommodation.clone(),
            },
            s,
        ),
        Err(e) => {
            s.guests = None;
            (Step::Invalid(e), s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{conversation::state::OfferOption, nlu::understand};

    const NAMES: &[&str] = &["Cabaña Arrayán", "Cabaña Coihue", "Cabaña Lenga"];

    fn today() -> NaiveDate {
        "2026-11-23".parse().unwrap()
    }

    fn turn(state: &ConversationState, text: &str) -> (Step, ConversationState) {
        plan(state, &understand(text, today(), NAMES), today())
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_full_question_is_quoted() {
        let (step, state) = turn(
            &ConversationState::default(),
            "¿Tenés lugar para 2 del 15 al 17 de diciembre?",
        );
        let Step::Quote {
            stay, guests, want, ..
        } = step
        else {
            panic!("{step:?}")
        };
        assert_eq!(
            (stay.check_in(), stay.check_out(), guests.get()),
            (d("2026-12-15"), d("2026-12-17"), 2)
        );
        assert_eq!(want, Want::Availability);
        assert_eq!(state.wants, Some(Want::Availability));
    }

    #[test]
    fn a_missing_slot_is_asked_for_and_the_answer_completes_the_request() {
        let (step, state) = turn(
            &ConversationState::default(),
            "hay disponibilidad del 15 al 17 de diciembre?",
        );
        assert_eq!(step, Step::AskGuests);
        let (step, _) = turn(&state, "somos 4");
        let Step::Quote { guests, stay, .. } = step else {
            panic!("{step:?}")
        };
        assert_eq!((guests.get(), stay.nights()), (4, 2));

        let (step, state) = turn(
            &ConversationState::default(),
            "quiero reservar para 2 personas",
        );
        assert_eq!(step, Step::AskDates);
        let (step, _) = turn(&state, "del 20 al 23 de diciembre");
        assert!(
            matches!(
                step,
                Step::Quote {
                    want: Want::Book,
                    ..
                }
            ),
            "{step:?}"
        );
    }

    #[test]
    fn yes_books_what_was_last_offered() {
        let offer = Offer {
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
            options: vec![
                OfferOption {
                    accommodation_id: 1,
                    name: "Cabaña Arrayán".into(),
                },
                OfferOption {
                    accommodation_id: 2,
                    name: "Cabaña Coihue".into(),
                },
            ],
        };
        let state = ConversationState {
            offer: Some(offer.clone()),
            ..Default::default()
        };
        let (step, after) = turn(&state, "sí, dale");
        assert_eq!(
            step,
            Step::BookOffer {
                offer: offer.clone(),
                choice: 0
            }
        );
        assert_eq!(after.offer, None);
        let (step, _) = turn(&state, "dale, reservame la coihue");
        assert_eq!(step, Step::BookOffer { offer, choice: 1 });
    }

    #[test]
    fn dates_in_the_past_or_reversed_are_refused_kindly() {
        let (step, state) = turn(
            &ConversationState::default(),
            "tenés lugar para 2 del 10/11/2026 al 12/11/2026?",
        );
        assert_eq!(step, Step::Invalid(StayError::InThePast));
        assert_eq!(state.check_in, None);
    }

    #[test]
    fn vague_or_unknown_messages_get_a_clarifying_question() {
        assert_eq!(
            turn(&ConversationState::default(), "asdf qwerty").0,
            Step::Clarify
        );
        assert_eq!(turn(&ConversationState::default(), "hola!").0, Step::Greet);
    }

    #[test]
    fn human_cancel_and_info_are_routed() {
        assert_eq!(
            turn(
                &ConversationState::default(),
                "quiero hablar con una persona"
            )
            .0,
            Step::Human
        );
        assert_eq!(
            turn(
                &ConversationState::default(),
                "quiero cancelar la reserva RES261201004"
            )
            .0,
            Step::Cancel {
                code: Some("RES261201004".into())
            }
        );
        assert!(matches!(
            turn(&ConversationState::default(), "tenés fotos?").0,
            Step::Info {
                topic: InfoTopic::Photos,
                ..
            }
        ));
    }
}

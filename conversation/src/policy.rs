//! The dialogue policy: from what the conversation remembers, what the guest sent and the
//! facts (today, the place, what is free), the new state and what to do. Pure: every turn of a
//! conversation is a plain test.
//!
//! A turn runs in two steps: [`plan`] picks the next [`Step`] and updates the slots; [`act`]
//! carries the step out against the facts (quotes, offers, bookings, answers).

use booking::{Accommodation, Guests, StayDates, StayError, availability::Occupancy};
use chrono::NaiveDate;

use super::state::{ConversationState, Offer, OfferOption, Want};
use crate::{
    Booking, Effect, Facts, Incoming, Refusal, Say, Turn, Wordless, info,
    nlu::{CONFIDENCE_THRESHOLD, InfoTopic, Intent, Understanding},
    texts::{self, OfferLine},
};

/// One turn of the conversation.
pub fn turn(prev: &ConversationState, incoming: Incoming<'_>, facts: &Facts<'_>) -> Turn {
    match incoming {
        Incoming::Wordless(kind) => Turn {
            state: prev.clone(),
            effects: vec![say(match kind {
                Wordless::Email => texts::EMAIL_WITHOUT_WORDS,
                Wordless::Media(_) => texts::UNSUPPORTED_MESSAGE,
            })],
        },
        Incoming::Words(u) => {
            let (step, mut state) = plan(prev, u, facts.today);
            let effects = act(step, &mut state, facts);
            Turn { state, effects }
        }
    }
}

/// The answer to a voice note that cannot be acted upon: a kind request to write.
pub fn unusable_note(why: Refusal) -> Vec<Effect> {
    vec![say(texts::audio_refusal(why))]
}

/// The stay a message asks about once it is read in the light of the conversation (new dates
/// replace remembered ones): the handler loads the nights taken around it before the turn.
pub fn dates_in_question(prev: &ConversationState, u: &Understanding) -> Option<StayDates> {
    let (check_in, check_out) = if u.check_in.is_some() {
        (u.check_in?, u.check_out?)
    } else {
        (prev.check_in?, prev.check_out?)
    };
    StayDates::new(check_in, check_out).ok()
}

fn say(text: impl Into<String>) -> Effect {
    Effect::Say(Say::Text(text.into()))
}

/// Carries a step out against the facts.
fn act(step: Step, memory: &mut ConversationState, facts: &Facts<'_>) -> Vec<Effect> {
    let accommodations = facts.accommodations();
    match step {
        Step::Greet => vec![say(texts::WELCOME)],
        Step::AskGuests => vec![say(texts::ASK_GUESTS)],
        Step::AskDates => match (memory.wants, memory.check_in, accommodations.first()) {
            (Some(Want::Price), None, Some(a)) => {
                vec![say(texts::price_from(&a.name, a.tariff().base_per_night))]
            }
            _ => vec![say(texts::ASK_DATES)],
        },
        Step::Clarify => vec![say(texts::CLARIFY)],
        Step::Human => vec![say(texts::HUMAN)],
        Step::Cancel { code } => vec![say(texts::cancel(code.as_deref()))],
        Step::Invalid(e) => vec![say(texts::invalid(&e))],
        Step::Info {
            topic,
            accommodation,
        } => info::answer(topic, facts.place, accommodations, accommodation.as_deref())
            .into_iter()
            .map(Effect::Say)
            .collect(),
        Step::BookOffer { offer, choice } => {
            match offer.options.get(choice).or(offer.options.first()) {
                Some(option) => vec![Effect::Book(Booking {
                    accommodation_id: option.accommodation_id,
                    check_in: offer.check_in,
                    check_out: offer.check_out,
                    guests: offer.guests,
                })],
                None => vec![say(texts::NO_ROOM)],
            }
        }
        Step::Quote {
            stay,
            guests,
            want,
            accommodation,
        } => quote(memory, facts, (stay, guests), want, accommodation),
    }
}

/// What is free for the stay: booked at once when the guest asked to book, else offered (the
/// named accommodation first); when nothing is, the nearest free stays.
fn quote(
    memory: &mut ConversationState,
    facts: &Facts<'_>,
    (stay, guests): (StayDates, Guests),
    want: Want,
    accommodation: Option<String>,
) -> Vec<Effect> {
    let occupancy: Occupancy<'_> = facts.occupancy;
    let free = occupancy.free(&stay, guests);
    if let Some(first) = free.first() {
        let named = accommodation
            .as_ref()
            .and_then(|n| free.iter().find(|a| &a.name == n).copied());
        if want == Want::Book {
            let chosen = named.unwrap_or(first);
            *memory = ConversationState {
                needs_human: memory.needs_human,
                ..Default::default()
            };
            return vec![Effect::Book(Booking {
                accommodation_id: chosen.id,
                check_in: stay.check_in(),
                check_out: stay.check_out(),
                guests: guests.get(),
            })];
        }
        let mut ordered: Vec<&Accommodation> = named.into_iter().collect();
        ordered.extend(
            free.iter()
                .copied()
                .filter(|a| Some(a.id) != named.map(|n| n.id))
                .take(3 - ordered.len()),
        );
        let lines: Vec<OfferLine<'_>> = ordered
            .iter()
            .map(|a| texts::offer_line(a, &stay))
            .collect();
        memory.offer = Some(Offer {
            check_in: stay.check_in(),
            check_out: stay.check_out(),
            guests: guests.get(),
            options: ordered.iter().map(|a| option(a)).collect(),
        });
        return vec![say(texts::offer(&stay, guests.get(), &lines))];
    }
    let alternatives: Vec<(StayDates, Accommodation)> = occupancy
        .alternatives(&stay, guests, facts.today, 3)
        .into_iter()
        .map(|(s, a)| (s, a.clone()))
        .collect();
    let Some((first_stay, first)) = alternatives.first() else {
        return vec![say(texts::NO_ROOM)];
    };
    memory.offer = Some(Offer {
        check_in: first_stay.check_in(),
        check_out: first_stay.check_out(),
        guests: guests.get(),
        options: vec![option(first)],
    });
    vec![say(texts::alternatives_for(
        &stay,
        guests.get(),
        &alternatives,
    ))]
}

/// What a guest who lost the nights to someone else is told: what is free for the same dates,
/// or the nearest free stays.
pub fn not_available(
    occupancy: &Occupancy<'_>,
    stay: &StayDates,
    guests: Guests,
    today: NaiveDate,
) -> String {
    let free_now = occupancy.free(stay, guests);
    let options: Vec<(StayDates, Accommodation)> = if free_now.is_empty() {
        occupancy
            .alternatives(stay, guests, today, 3)
            .into_iter()
            .map(|(s, a)| (s, a.clone()))
            .collect()
    } else {
        free_now
            .into_iter()
            .take(3)
            .map(|a| (*stay, a.clone()))
            .collect()
    };
    if options.is_empty() {
        return texts::NO_ROOM.into();
    }
    texts::alternatives_for(stay, guests.get(), &options)
}

fn option(a: &Accommodation) -> OfferOption {
    OfferOption {
        accommodation_id: a.id,
        name: a.name.clone(),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
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

fn plan(
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
    use crate::nlu::understand;

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

    /// `turn` end to end: state in, a message in, facts in; the new state and effects out.
    mod turns {
        use booking::availability::Taken;
        use chrono::NaiveTime;

        use super::*;
        use crate::{Place, Wordless};

        fn cabin(id: i64, name: &str, capacity: i32, pets: bool) -> Accommodation {
            Accommodation {
                id,
                property_id: 1,
                name: name.into(),
                description: format!("{name}, junto al lago"),
                capacity,
                base_cents: 4_500_000 * id,
                weekend_bp: 10_000,
                deposit_bp: 3_000,
                photos: vec![],
                amenities: vec!["wifi".into()],
                pets_allowed: pets,
            }
        }

        fn cabins() -> Vec<Accommodation> {
            vec![
                cabin(1, "Cabaña Arrayán", 2, false),
                cabin(2, "Cabaña Coihue", 4, true),
                cabin(3, "Cabaña Lenga", 6, true),
            ]
        }

        fn place() -> Place {
            Place {
                address: Some("Ruta 40 km 2010".into()),
                check_in_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                check_out_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            }
        }

        /// One turn on `state` with the nights in `taken` taken.
        fn run(state: &ConversationState, text: &str, taken: &[Taken]) -> Turn {
            let all = cabins();
            let place = place();
            let facts = Facts {
                today: today(),
                place: &place,
                occupancy: Occupancy {
                    accommodations: &all,
                    taken,
                },
            };
            let u = understand(text, today(), NAMES);
            super::super::turn(state, Incoming::Words(&u), &facts)
        }

        fn said(t: &Turn) -> String {
            t.effects
                .iter()
                .filter_map(|e| match e {
                    Effect::Say(Say::Text(t)) => Some(t.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("\n")
        }

        fn taken(id: i64, from: &str, to: &str) -> Taken {
            Taken {
                accommodation_id: id,
                check_in: d(from),
                check_out: d(to),
            }
        }

        #[test]
        fn a_quote_offers_what_is_free_and_remembers_the_offer() {
            let t = run(
                &ConversationState::default(),
                "¿tenés lugar para 4 del 15 al 17 de diciembre?",
                &[taken(2, "2026-12-14", "2026-12-16")],
            );
            let offer = t.state.offer.as_ref().expect("an offer on the table");
            let offered: Vec<i64> = offer.options.iter().map(|o| o.accommodation_id).collect();
            assert_eq!(
                offered,
                vec![3],
                "the Coihue is taken, the Arrayán too small"
            );
            assert!(said(&t).contains("Cabaña Lenga"), "{}", said(&t));
            assert!(!said(&t).contains("Coihue"), "{}", said(&t));
        }

        #[test]
        fn yes_books_the_offer_and_clears_it() {
            let first = run(
                &ConversationState::default(),
                "hay lugar para 2 del 15 al 17 de diciembre?",
                &[],
            );
            let t = run(&first.state, "dale", &[]);
            assert_eq!(
                t.effects,
                vec![Effect::Book(Booking {
                    accommodation_id: 1,
                    check_in: d("2026-12-15"),
                    check_out: d("2026-12-17"),
                    guests: 2,
                })]
            );
            assert_eq!(t.state.offer, None);
        }

        #[test]
        fn when_nothing_is_free_the_nearest_stay_is_offered() {
            let full = [
                taken(1, "2026-12-10", "2026-12-20"),
                taken(2, "2026-12-10", "2026-12-20"),
                taken(3, "2026-12-10", "2026-12-20"),
            ];
            let t = run(
                &ConversationState::default(),
                "tenés lugar para 2 del 15 al 17 de diciembre?",
                &full,
            );
            let offer = t.state.offer.expect("the alternative is on the table");
            assert_eq!(
                (offer.check_in, offer.check_out),
                (d("2026-12-20"), d("2026-12-22"))
            );
        }

        #[test]
        fn messages_without_words_are_answered_kindly_and_change_nothing() {
            let all = cabins();
            let place = place();
            let facts = Facts {
                today: today(),
                place: &place,
                occupancy: Occupancy {
                    accommodations: &all,
                    taken: &[],
                },
            };
            let state = ConversationState {
                guests: Some(3),
                ..Default::default()
            };
            for (incoming, text) in [
                (Wordless::Media("sticker"), texts::UNSUPPORTED_MESSAGE),
                (Wordless::Email, texts::EMAIL_WITHOUT_WORDS),
            ] {
                let t = super::super::turn(&state, Incoming::Wordless(incoming), &facts);
                assert_eq!(t.state, state);
                assert_eq!(t.effects, vec![Effect::Say(Say::Text(text.into()))]);
            }
        }

        #[test]
        fn the_dates_in_question_are_the_new_ones_or_the_remembered_ones() {
            let remembered = ConversationState {
                check_in: Some(d("2026-12-01")),
                check_out: Some(d("2026-12-03")),
                ..Default::default()
            };
            let new = understand("del 15 al 17 de diciembre", today(), NAMES);
            let stay = dates_in_question(&remembered, &new).unwrap();
            assert_eq!(stay.check_in(), d("2026-12-15"));
            let none = understand("somos 4", today(), NAMES);
            let stay = dates_in_question(&remembered, &none).unwrap();
            assert_eq!(stay.check_in(), d("2026-12-01"));
            assert!(dates_in_question(&ConversationState::default(), &none).is_none());
        }
    }
}

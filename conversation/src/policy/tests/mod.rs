//! Tables for the turn function: state in, a message in (read by `nlu`), facts in; the new
//! state and the effects out. Each behaviour is checked in several phrasings (typos, voseo, no
//! accents, speech-to-text, English and Portuguese).

use booking::{
    Accommodation, CancellationPolicy, PriceSeason,
    availability::{Occupancy, Taken},
};
use chrono::{NaiveDate, NaiveTime};

use super::turn;
use crate::{
    BalanceMethods, Booking, Effect, Facts, Held, Incoming, Language, Place, Say, Turn, Wordless,
    nlu::understand,
    state::{Booked, ConversationState, Offer},
    texts,
};

const NAMES: &[&str] = &["Cabaña Arrayán", "Cabaña Coihue", "Cabaña Lenga"];

fn today() -> NaiveDate {
    d("2026-11-23")
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn cabin(id: i64, name: &str, capacity: i32, pets: bool, amenities: &[&str]) -> Accommodation {
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
        uploaded_photos: vec![],
        amenities: amenities.iter().map(|a| (*a).to_owned()).collect(),
        pets_allowed: pets,
        seasons: vec![],
    }
}

fn cabins() -> Vec<Accommodation> {
    vec![
        cabin(1, "Cabaña Arrayán", 2, false, &["WiFi"]),
        cabin(2, "Cabaña Coihue", 4, true, &["WiFi", "Parrilla"]),
        cabin(
            3,
            "Cabaña Lenga",
            6,
            true,
            &[
                "WiFi",
                "Parrilla",
                "Pileta climatizada",
                "Calefacción a leña",
            ],
        ),
    ]
}

fn place() -> Place {
    Place {
        address: Some("Ruta 40 km 2010".into()),
        check_in_time: NaiveTime::from_hms_opt(14, 0, 0).expect("time"),
        check_out_time: NaiveTime::from_hms_opt(10, 0, 0).expect("time"),
        cancellation: CancellationPolicy::DEFAULT,
        balance: BalanceMethods::default(),
    }
}

/// The world a turn runs in.
#[derive(Default)]
struct World {
    taken: Vec<Taken>,
    held: Option<Held>,
    /// The guest's other live holds, latest first.
    others: Vec<Held>,
    policy: CancellationPolicy,
    /// How the property takes the balance (none said by default).
    balance: BalanceMethods,
    /// Seasons, by the id of the cabin they belong to.
    seasons: Vec<(i64, PriceSeason)>,
    /// Descriptions the owner wrote, by the id of the cabin (else "<name>, junto al lago").
    descriptions: Vec<(i64, &'static str)>,
}

impl World {
    fn run(&self, state: &ConversationState, text: &str) -> Turn {
        let u = understand(text, today(), NAMES);
        self.turn(state, Incoming::Words(&u))
    }

    /// A turn on what the guest sent, in this world.
    fn turn(&self, state: &ConversationState, incoming: Incoming<'_>) -> Turn {
        let mut all = cabins();
        for (id, season) in &self.seasons {
            if let Some(a) = all.iter_mut().find(|a| a.id == *id) {
                a.seasons.push(season.clone());
            }
        }
        for (id, description) in &self.descriptions {
            if let Some(a) = all.iter_mut().find(|a| a.id == *id) {
                a.description = (*description).to_owned();
            }
        }
        let place = Place {
            cancellation: self.policy,
            balance: self.balance,
            ..place()
        };
        let facts = Facts {
            today: today(),
            place: &place,
            occupancy: Occupancy {
                accommodations: &all,
                taken: &self.taken,
            },
            held: self.held.as_ref(),
            others: &self.others,
            public_base_url: "https://reservas.example",
        };
        turn(state, incoming, &facts)
    }

    /// A conversation: each message on the state the previous one left.
    fn talk(&self, messages: &[&str]) -> Turn {
        let mut state = ConversationState::default();
        let mut last = None;
        for m in messages {
            let t = self.run(&state, m);
            state = t.state.clone();
            last = Some(t);
        }
        last.expect("at least one message")
    }
}

fn run(state: &ConversationState, text: &str) -> Turn {
    World::default().run(state, text)
}

fn talk(messages: &[&str]) -> Turn {
    World::default().talk(messages)
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

/// The last cabin held over a whole conversation (a pick holds at once; the yes after it
/// only confirms).
fn held_over(messages: &[&str]) -> Option<Booking> {
    let world = World::default();
    let mut state = ConversationState::default();
    let mut last = None;
    for m in messages {
        let t = world.run(&state, m);
        last = booked(&t).or(last);
        state = t.state;
    }
    last
}

fn booked(t: &Turn) -> Option<Booking> {
    t.effects.iter().find_map(|e| match e {
        Effect::Book(b) => Some(*b),
        _ => None,
    })
}

/// The turn moved a hold.
fn moved(t: &Turn) -> bool {
    t.effects
        .iter()
        .any(|e| matches!(e, Effect::MoveHold { .. }))
}

/// The hold a turn moved: where it went.
fn moved_to(t: &Turn) -> Option<Booking> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some(*to),
        _ => None,
    })
}

/// The turn let a hold go.
fn released(t: &Turn) -> bool {
    t.effects
        .iter()
        .any(|e| matches!(e, Effect::ReleaseHold { .. }))
}

fn taken(id: i64, from: &str, to: &str) -> Taken {
    Taken {
        accommodation_id: id,
        check_in: d(from),
        check_out: d(to),
    }
}

/// An unpaid hold of the Coihue, 15–17 Dec, for 2.
fn coihue_hold(paid: bool) -> World {
    World {
        others: Vec::new(),
        taken: vec![taken(2, "2026-12-15", "2026-12-17")],
        held: Some(Held {
            code: "RES261215007".into(),
            accommodation_id: 2,
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
            paid,
            payment_link: Some("https://pago.example/RES261215007".into()),
            holds_until: (!paid).then(|| d("2026-11-23").and_hms_opt(18, 0, 0).expect("time")),
            group: None,
        }),
        // 22 days before the stay: late for this policy.
        policy: CancellationPolicy::new(30, 50, 6).expect("policy"),
        balance: BalanceMethods::default(),
        seasons: Vec::new(),
        descriptions: Vec::new(),
    }
}

/// The Coihue and the Lenga held as one group `group`, 15–17 Dec: `parts` each one's code
/// and party (the Coihue's first); the hold in the facts is `held_code`, on the Lenga. Unpaid,
/// it is kept until 18:00 and paid through the group's link.
fn coihue_and_lenga_group(
    group: &str,
    held_code: &str,
    parts: [(&str, u16); 2],
    paid: bool,
) -> World {
    let part = |(code, guests): (&str, u16), id: i64, name: &str| crate::HeldPart {
        code: code.into(),
        accommodation_id: id,
        accommodation: name.into(),
        check_in: d("2026-12-15"),
        check_out: d("2026-12-17"),
        guests,
    };
    World {
        taken: vec![
            taken(2, "2026-12-15", "2026-12-17"),
            taken(3, "2026-12-15", "2026-12-17"),
        ],
        held: Some(Held {
            code: held_code.into(),
            accommodation_id: 3,
            accommodation: "Cabaña Lenga".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: parts[1].1,
            paid,
            payment_link: (!paid).then(|| format!("https://pago.example/{group}")),
            holds_until: (!paid).then(|| d("2026-11-23").and_hms_opt(18, 0, 0).expect("time")),
            group: Some(crate::HeldGroup {
                code: group.into(),
                parts: vec![
                    part(parts[0], 2, "Cabaña Coihue"),
                    part(parts[1], 3, "Cabaña Lenga"),
                ],
            }),
        }),
        ..Default::default()
    }
}

/// The group hold a turn moved: its code and where its parts went.
fn moved_group(t: &Turn) -> Option<(String, Vec<Booking>)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveGroup { code, to } => Some((code.clone(), to.clone())),
        _ => None,
    })
}

fn after_hold() -> ConversationState {
    ConversationState {
        check_in: Some(d("2026-12-15")),
        check_out: Some(d("2026-12-17")),
        guests: Some(2),
        booked: Some(Booked {
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
        }),
        ..Default::default()
    }
}

/// The Lenga held for 6, from the state right after the hold.
fn lenga_for_six() -> (World, ConversationState) {
    let world = lenga_hold(6);
    let mut state = after_hold();
    state.guests = Some(6);
    state.booked = Some(Booked {
        accommodation: "Cabaña Lenga".into(),
        check_in: d("2026-12-15"),
        check_out: d("2026-12-17"),
        guests: 6,
    });
    (world, state)
}

/// The Lenga held unpaid for `guests`, 15–17 December (RES261215009), the other cabins free.
fn lenga_hold(guests: u16) -> World {
    World {
        taken: vec![taken(3, "2026-12-15", "2026-12-17")],
        held: Some(Held {
            code: "RES261215009".into(),
            accommodation_id: 3,
            accommodation: "Cabaña Lenga".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests,
            paid: false,
            payment_link: Some("https://pago.example/RES261215009".into()),
            holds_until: Some(d("2026-11-23").and_hms_opt(18, 0, 0).expect("time")),
            group: None,
        }),
        ..World::default()
    }
}

/// An unpaid hold of cabin `id` (`name`), 15–17 Dec, for 2, the Coihue free; and the state
/// right after it was placed.
fn unpaid_hold_of(id: i64, name: &str) -> (World, ConversationState) {
    let mut w = coihue_hold(false);
    w.taken = vec![taken(id, "2026-12-15", "2026-12-17")];
    if let Some(h) = w.held.as_mut() {
        h.accommodation_id = id;
        h.accommodation = name.into();
    }
    let mut state = after_hold();
    if let Some(b) = state.booked.as_mut() {
        b.accommodation = name.into();
    }
    (w, state)
}

const ASK_FOR_TWO: &str = "hay lugar para 2 del 15 al 17 de diciembre?";

mod apart;
mod conv100;
mod conv101;
mod conv102;
mod conv103;
mod conv104;
mod conv17;
mod conv20;
mod conv21;
mod conv22;
mod conv23;
mod conv24;
mod conv25;
mod conv26;
mod conv27;
mod conv28;
mod conv29;
mod conv30;
mod conv31;
mod conv32;
mod conv33;
mod conv34;
mod conv35;
mod conv36;
mod conv37;
mod conv38;
mod conv39;
mod conv40;
mod conv41;
mod conv42;
mod conv43;
mod conv44;
mod conv45;
mod conv46;
mod conv47;
mod conv48;
mod conv51;
mod conv52;
mod conv53;
mod conv54;
mod conv55;
mod conv56;
mod conv57;
mod conv58;
mod conv59;
mod conv60;
mod conv61;
mod conv62;
mod conv63;
mod conv64;
mod conv65;
mod conv67;
mod conv68;
mod conv69;
mod conv70;
mod conv71;
mod conv72;
mod conv73;
mod conv74;
mod conv75;
mod conv76;
mod conv77;
mod conv78;
mod conv79;
mod conv80;
mod conv81;
mod conv82;
mod conv83;
mod conv84;
mod conv85;
mod conv86;
mod conv87;
mod conv88;
mod conv89;
mod conv90;
mod conv91;
mod conv92;
mod conv93;
mod conv94;
mod conv95;
mod conv96;
mod conv97;
mod conv98;
mod conv99;
mod eighteenth;
mod eighth;
mod eleventh;
mod fifteenth;
mod fifth;
mod fourteenth;
mod fourth;
mod holds;
mod ninth;
mod offers;
mod paying;
mod probes;
mod questions;
mod seasons;
mod seventh;
mod sixteenth;
mod sixth;
mod slots;
mod stop28;
mod stop29;
mod stop30;
mod stop31;
mod stop32;
mod stop33;
mod stop34;
mod stop35;
mod stop36;
mod stop37;
mod stop38;
mod tenth;
mod third;
mod twelfth;

//! Runs a conversation table (`workers/tests/conversations/*.txt`) through the pure turn
//! function alone, with the fleet's four cabins and a rough stand-in for what the worker does
//! with the effects (a hold placed and its code said, a hold moved or released, a payment
//! confirmed with the voucher). Fast feedback while changing the NLU or the policy; the real
//! proof stays the fleet runner, which this only approximates.
//!
//! `cargo run -p conversation --example talk -- FILE [FILTER] [-v] [--today YYYY-MM-DD]`
//! (`-v` prints every conversation, not only the failing ones; `SHOW_NLU=1` each reading).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "../../workers/tests/conversations/script.rs"]
#[allow(dead_code)]
mod script;

use booking::{
    Accommodation, CancellationPolicy, Money,
    availability::{Occupancy, Taken},
};
use chrono::{NaiveDate, NaiveTime};
use conversation::{
    BalanceMethods, Effect, Facts, Held, HeldGroup, HeldPart, Incoming, Language, Place, Say, nlu,
    state::ConversationState, texts,
};
use script::{Setup, Stay};

const CABINS: [(&str, i32, i64, i64, bool, &str); 4] = [
    (
        "Cabaña Arrayán",
        2,
        45000,
        10_000,
        false,
        "Para dos, con hogar a leña y vista al lago.",
    ),
    (
        "Cabaña Coihue",
        4,
        60000,
        12_000,
        true,
        "Dos dormitorios, parrilla y deck con vista al bosque.",
    ),
    (
        "Cabaña Ñire",
        4,
        70000,
        12_000,
        false,
        "Dos dormitorios, jacuzzi y vista a la montaña.",
    ),
    (
        "Cabaña Lenga",
        6,
        85000,
        12_500,
        true,
        "Tres dormitorios, ideal para familias o grupos.",
    ),
];

struct Res {
    code: String,
    group: Option<String>,
    cabin: usize,
    check_in: NaiveDate,
    check_out: NaiveDate,
    guests: u16,
    status: &'static str,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().expect("a cases file");
    let filter = args.get(1).filter(|a| !a.starts_with("--")).cloned();
    let today = args
        .iter()
        .position(|a| a == "--today")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.parse().expect("--today YYYY-MM-DD"))
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"));
    let verbose = args.iter().any(|a| a == "-v");
    let text = std::fs::read_to_string(file).expect("read the table");
    let cases = script::parse(file, &text, today).expect("parse the table");
    let (mut passed, mut total) = (0, 0);
    for case in &cases {
        if let Some(f) = &filter
            && !case.id.contains(f.as_str())
            && !case.category.contains(f.as_str())
        {
            continue;
        }
        total += 1;
        let (ok, log) = run(case, today);
        if ok {
            passed += 1;
        }
        if !ok || verbose {
            println!(
                "── {} [{}] {}{}",
                case.id,
                case.category,
                if ok { "pass" } else { "FAIL" },
                case.gap
                    .as_deref()
                    .map(|g| format!(" (gap: {g})"))
                    .unwrap_or_default()
            );
            println!("{log}");
        }
    }
    println!("{passed}/{total} pass");
}

fn accommodations(case: &script::Case, today: NaiveDate) -> Vec<Accommodation> {
    let mut all: Vec<Accommodation> = CABINS
        .iter()
        .enumerate()
        .map(
            |(i, (name, cap, price, weekend, pets, desc))| Accommodation {
                id: i as i64 + 1,
                property_id: 1,
                name: (*name).to_owned(),
                description: (*desc).to_owned(),
                capacity: *cap,
                base_cents: price * 100,
                weekend_bp: *weekend,
                deposit_bp: 3_000,
                photos: vec![],
                uploaded_photos: vec![],
                amenities: ["WiFi", "Parrilla", "Estacionamiento", "Calefacción"]
                    .iter()
                    .map(|s| (*s).to_owned())
                    .collect(),
                pets_allowed: *pets,
                seasons: vec![],
            },
        )
        .collect();
    for s in &case.setup {
        match s {
            Setup::Amenity { cabin, text } => {
                if let Some(a) = all
                    .iter_mut()
                    .find(|a| script::fold(&a.name).contains(&script::fold(cabin)))
                {
                    a.amenities.push(text.clone());
                }
            }
            Setup::Season { .. }
            | Setup::Taken { .. }
            | Setup::Policy { .. }
            | Setup::Balance { .. } => {}
        }
    }
    let _ = today;
    all
}

fn run(case: &script::Case, today: NaiveDate) -> (bool, String) {
    let all = accommodations(case, today);
    let names: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
    let mut policy = CancellationPolicy::DEFAULT;
    let mut balance = BalanceMethods::default();
    let mut others: Vec<Taken> = Vec::new();
    for s in &case.setup {
        match s {
            Setup::Taken { cabin, stay } => {
                let (a, b) = script::stay(stay, today).unwrap();
                let id = all
                    .iter()
                    .find(|x| script::fold(&x.name).contains(&script::fold(cabin)))
                    .expect("cabin")
                    .id;
                others.push(Taken {
                    accommodation_id: id,
                    check_in: a,
                    check_out: b,
                });
            }
            Setup::Policy {
                days,
                percent,
                months,
            } => {
                policy = CancellationPolicy::new(
                    u16::try_from(*days).unwrap(),
                    u8::try_from(*percent).unwrap(),
                    u8::try_from(*months).unwrap(),
                )
                .expect("policy");
            }
            Setup::Balance {
                cash,
                transfer,
                card,
            } => {
                balance = BalanceMethods {
                    cash: *cash,
                    transfer: *transfer,
                    card: *card,
                };
            }
            _ => {}
        }
    }
    let place = Place {
        address: Some("Ruta 40 km 2010, San Martín de los Andes".into()),
        check_in_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        check_out_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        cancellation: policy,
        balance,
    };
    let mut res: Vec<Res> = Vec::new();
    let mut state = ConversationState::default();
    let mut log = String::new();
    let mut ok = true;
    let mut n = 0;
    for turn in &case.turns {
        let mut out: Vec<String> = Vec::new();
        let lang = state.language;
        match &turn.say {
            None => {
                log.push_str("  guest: <pay>\n");
                for r in res.iter_mut().filter(|r| r.status == "pre_reserved") {
                    r.status = "confirmed";
                    let a = &all[r.cabin];
                    let (total, deposit) = priced(a, r.check_in, r.check_out);
                    let v = texts::Voucher {
                        code: &r.code,
                        accommodation: &a.name,
                        check_in: r.check_in,
                        check_out: r.check_out,
                        guests: r.guests,
                        address: place.address.as_deref(),
                        check_in_time: place.check_in_time,
                        check_out_time: place.check_out_time,
                        total,
                        deposit_paid: deposit,
                        balance_ways: balance,
                    };
                    out.push(texts::voucher_text(lang, &v));
                }
            }
            Some(text) => {
                log.push_str(&format!("  guest: {text}\n"));
                let u = nlu::understand(text, today, &names);
                if std::env::var("SHOW_NLU").is_ok() {
                    log.push_str(&format!("    nlu: {u:?}\n"));
                }
                let held = held_of(&res, &all);
                let others_held = others_of(&res, &all, held.as_ref());
                let mut taken = others.clone();
                for r in res.iter().filter(|r| r.status != "cancelled") {
                    taken.push(Taken {
                        accommodation_id: all[r.cabin].id,
                        check_in: r.check_in,
                        check_out: r.check_out,
                    });
                }
                let facts = Facts {
                    today,
                    place: &place,
                    occupancy: Occupancy {
                        accommodations: &all,
                        taken: &taken,
                    },
                    held: held.as_ref(),
                    others: &others_held,
                    public_base_url: "https://reservas.example",
                };
                let t = conversation::turn(&state, Incoming::Words(&u), &facts);
                state = t.state.clone();
                let lang = state.language;
                for e in t.effects {
                    match e {
                        Effect::Say(Say::Text(s)) => out.push(s),
                        Effect::Say(Say::Image { caption, .. }) => {
                            out.push(format!("[foto] {caption}"))
                        }
                        Effect::Book(b) => {
                            n += 1;
                            let code = format!("RES27010100{n}");
                            out.push(hold_text(lang, &code, &all, &b, None));
                            res.push(Res {
                                code,
                                group: None,
                                cabin: (b.accommodation_id - 1) as usize,
                                check_in: b.check_in,
                                check_out: b.check_out,
                                guests: b.guests,
                                status: "pre_reserved",
                            });
                        }
                        Effect::BookTogether(bs) | Effect::MoveGroup { to: bs, .. } => {
                            // A move releases the old group (the only group a guest holds).
                            for r in res
                                .iter_mut()
                                .filter(|r| r.group.is_some() && r.status == "pre_reserved")
                            {
                                r.status = "cancelled";
                            }
                            n += 1;
                            let group = format!("GRP27010100{n}");
                            let dates = bs.first().map_or(String::new(), |b| {
                                format!(
                                    " · Entrada: {} · Salida: {}",
                                    b.check_in.format("%d/%m/%Y"),
                                    b.check_out.format("%d/%m/%Y")
                                )
                            });
                            out.push(format!("[group hold] Código: {group}{dates}"));
                            for b in bs {
                                n += 1;
                                res.push(Res {
                                    code: format!("RES27010100{n}"),
                                    group: Some(group.clone()),
                                    cabin: (b.accommodation_id - 1) as usize,
                                    check_in: b.check_in,
                                    check_out: b.check_out,
                                    guests: b.guests,
                                    status: "pre_reserved",
                                });
                            }
                        }
                        Effect::MoveHold { code, to } => {
                            // A member's code moves its whole group, as the fleet does.
                            let group = res
                                .iter()
                                .find(|r| r.code == code)
                                .and_then(|r| r.group.clone())
                                .unwrap_or_else(|| code.clone());
                            for r in res.iter_mut().filter(|r| {
                                r.code == code || r.group.as_deref() == Some(group.as_str())
                            }) {
                                r.status = "cancelled";
                            }
                            n += 1;
                            let new = format!("RES27010100{n}");
                            out.push(hold_text(lang, &new, &all, &to, Some(&code)));
                            res.push(Res {
                                code: new,
                                group: None,
                                cabin: (to.accommodation_id - 1) as usize,
                                check_in: to.check_in,
                                check_out: to.check_out,
                                guests: to.guests,
                                status: "pre_reserved",
                            });
                        }
                        Effect::ReleaseHold { code } => {
                            // A member's code releases its whole group, as the fleet does.
                            let group = res
                                .iter()
                                .find(|r| r.code == code)
                                .and_then(|r| r.group.clone())
                                .unwrap_or_else(|| code.clone());
                            for r in res.iter_mut().filter(|r| {
                                r.code == code || r.group.as_deref() == Some(group.as_str())
                            }) {
                                r.status = "cancelled";
                            }
                        }
                        Effect::RequestCancellation { code, .. } => {
                            out.push(format!("[cancellation request {code}]"));
                        }
                    }
                }
            }
        }
        let replies = out.join("\n\n");
        for line in replies.lines() {
            log.push_str(&format!("    bot: {line}\n"));
        }
        let wrong = script::check(&turn.expect, &replies);
        for w in &wrong {
            ok = false;
            log.push_str(&format!("    ✗ {w}\n"));
        }
    }
    let found: Vec<Stay> = res
        .iter()
        .map(|r| Stay {
            cabin: all[r.cabin].name.clone(),
            check_in: r.check_in,
            check_out: r.check_out,
            guests: i32::from(r.guests),
            status: r.status.to_owned(),
        })
        .collect();
    let live = |s: &str| matches!(s, "pre_reserved" | "confirmed");
    let mut live_found: Vec<&Stay> = found.iter().filter(|s| live(&s.status)).collect();
    for w in &case.left {
        let same = |g: &Stay| {
            script::fold(&g.cabin).contains(&script::fold(&w.cabin))
                && g.check_in == w.check_in
                && g.check_out == w.check_out
                && g.guests == w.guests
                && g.status == w.status
        };
        if live(&w.status) {
            match live_found.iter().position(|g| same(g)) {
                Some(p) => {
                    live_found.remove(p);
                }
                None => {
                    ok = false;
                    log.push_str(&format!("    ✗ missing {w:?}\n"));
                }
            }
        } else if !found.iter().any(same) {
            ok = false;
            log.push_str(&format!("    ✗ missing {w:?}\n"));
        }
    }
    for g in live_found {
        ok = false;
        log.push_str(&format!("    ✗ unexpected {g:?}\n"));
    }
    (ok, log)
}

fn hold_text(
    lang: Language,
    code: &str,
    all: &[Accommodation],
    b: &conversation::Booking,
    replaces: Option<&str>,
) -> String {
    let a = &all[(b.accommodation_id - 1) as usize];
    let (total, deposit) = priced(a, b.check_in, b.check_out);
    texts::hold_placed_in(
        lang,
        &texts::HoldLines {
            code,
            accommodation: &a.name,
            check_in: b.check_in,
            check_out: b.check_out,
            guests: b.guests,
            total,
            deposit,
            expires: "18:00",
            link: "https://pago.example/x",
            replaces,
        },
    )
}

/// The guest's other live holds, each on its own (not in a group), latest first.
fn others_of(res: &[Res], all: &[Accommodation], held: Option<&Held>) -> Vec<Held> {
    res.iter()
        .rev()
        .filter(|r| r.status != "cancelled" && r.group.is_none())
        .filter(|r| held.is_none_or(|h| h.code != r.code))
        .map(|r| held_as(r, all, None))
        .collect()
}

/// A reservation as the turn sees it, with its group.
fn held_as(r: &Res, all: &[Accommodation], group: Option<HeldGroup>) -> Held {
    Held {
        code: r.code.clone(),
        accommodation_id: all[r.cabin].id,
        accommodation: all[r.cabin].name.clone(),
        check_in: r.check_in,
        check_out: r.check_out,
        guests: r.guests,
        paid: r.status == "confirmed",
        payment_link: Some("https://pago.example/x".into()),
        holds_until: (r.status != "confirmed")
            .then(|| r.check_in.and_hms_opt(18, 0, 0))
            .flatten(),
        group,
    }
}

fn held_of(res: &[Res], all: &[Accommodation]) -> Option<Held> {
    let r = res.iter().rev().find(|r| r.status != "cancelled")?;
    let group = r.group.as_ref().map(|g| HeldGroup {
        code: g.clone(),
        parts: res
            .iter()
            .filter(|p| p.group.as_ref() == Some(g) && p.status != "cancelled")
            .map(|p| HeldPart {
                code: p.code.clone(),
                accommodation_id: all[p.cabin].id,
                accommodation: all[p.cabin].name.clone(),
                check_in: p.check_in,
                check_out: p.check_out,
                guests: p.guests,
            })
            .collect(),
    });
    Some(held_as(r, all, group))
}

/// What a stay costs and its deposit, as the worker prices a hold (weekend nights and seasons
/// included).
fn priced(a: &Accommodation, check_in: NaiveDate, check_out: NaiveDate) -> (Money, Money) {
    let stay = booking::StayDates::new(check_in, check_out).expect("a stay held has nights");
    let q = a.quote(&stay);
    (q.total, q.deposit)
}

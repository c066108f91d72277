//! What the bot says in a conversation, in the guest's language: Argentine Spanish (voseo,
//! the default), English and Portuguese. Friendly, short, never a technical word. Every text is
//! written here by people for the three languages side by side; nothing is translated at run
//! time.
//!
//! # Layout
//! - `prompts`: greetings, questions for a missing slot, clarifications, refusals.
//! - `offers`: what is free and what it costs, choices, combinations, assumed dates.
//! - `seasons`: a stay shorter than its season's minimum.
//! - `holds`: holds, changes, cancellations, payments and the voucher.
//! - `amenity_names`: the amenities owners write in Spanish, named in English and Portuguese.
//! - `answers`: answers about the place (amenities, pets, times, yes/no questions).
//! - `paying`: how the deposit and the balance are paid, yes or no to a way of paying.
//!
//! The Spanish constants and functions at the end of this file keep the words the workers
//! already send (payment, expiry, audio) under their old names.

mod amenity_names;
mod answers;
mod holds;
mod offers;
mod paying;
mod prompts;
mod seasons;

pub use amenity_names::*;
pub use answers::*;
pub use holds::*;
pub use offers::*;
pub use paying::*;
pub use prompts::*;
pub use seasons::*;

use booking::StayDates;
use chrono::NaiveDate;

use crate::Language;

/// A date as the guest reads it: 15/12/2026 (Spanish, Portuguese), Dec 15, 2026 (English).
pub fn day(lang: Language, d: NaiveDate) -> String {
    match lang {
        Language::En => d.format("%b %-d, %Y").to_string(),
        Language::Es | Language::Pt => d.format("%d/%m/%Y").to_string(),
    }
}

/// A date in Spanish (15/12/2026).
pub fn date(d: NaiveDate) -> String {
    day(Language::Es, d)
}

fn plural(n: i64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// "para 2 personas, del 15/12/2026 al 17/12/2026 (2 noches)".
pub fn stay_phrase(lang: Language, stay: &StayDates, guests: u16) -> String {
    let nights = stay.nights();
    let (a, b) = (day(lang, stay.check_in()), day(lang, stay.check_out()));
    let g = i64::from(guests);
    match lang {
        Language::Es => format!(
            "para {guests} {}, del {a} al {b} ({nights} {})",
            plural(g, "persona", "personas"),
            plural(nights, "noche", "noches")
        ),
        Language::En => format!(
            "for {guests} {}, from {a} to {b} ({nights} {})",
            plural(g, "guest", "guests"),
            plural(nights, "night", "nights")
        ),
        Language::Pt => format!(
            "para {guests} {}, de {a} a {b} ({nights} {})",
            plural(g, "pessoa", "pessoas"),
            plural(nights, "noite", "noites")
        ),
    }
}

/// "del 15/12/2026 al 17/12/2026".
pub fn range(lang: Language, from: NaiveDate, to: NaiveDate) -> String {
    let (a, b) = (day(lang, from), day(lang, to));
    match lang {
        Language::Es => format!("del {a} al {b}"),
        Language::En => format!("from {a} to {b}"),
        Language::Pt => format!("de {a} a {b}"),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Names joined the way the language lists them: "A, B y C".
pub fn list(lang: Language, names: &[&str]) -> String {
    let and = match lang {
        Language::Es => " y ",
        Language::En => " and ",
        Language::Pt => " e ",
    };
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// Names offered as alternatives: "A, B o C".
pub fn list_or(lang: Language, names: &[&str]) -> String {
    let or = match lang {
        Language::Es => " o ",
        Language::En => " or ",
        Language::Pt => " ou ",
    };
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{}{or}{last}", init.join(", ")),
    }
}

// The Spanish words under the names the workers use.

pub const ASK_GUESTS: &str = "¿Para cuántas personas sería? 😊";
pub const ASK_DATES: &str = "¿Para qué fechas querés venir? Decime el día de llegada y el de salida, por ejemplo «del 15 al 17 de diciembre» 📅";
pub const CLARIFY: &str = "Perdón, no te entendí bien 🙈 ¿Querés 1) consultar disponibilidad, 2) saber precios, 3) reservar o 4) hablar con una persona del equipo?";
pub const HUMAN: &str =
    "¡Claro! Le aviso a alguien del equipo para que te escriba por acá en cuanto pueda 🙌";
pub const NO_ROOM: &str =
    "Uy, para esas fechas no nos queda lugar 😕 ¿Querés probar con otras fechas?";
pub const WELCOME: &str = "¡Hola! 👋 Gracias por escribirnos. Contame qué fechas y para cuántas personas buscás, y te paso disponibilidad y precios.";
pub const AUDIO_NOT_YET: &str = "¡Gracias por tu audio! 🙌 Ahora no lo puedo escuchar, ¿me lo escribís en un mensajito así te respondo enseguida?";
pub const UNSUPPORTED_MESSAGE: &str = "¡Gracias por tu mensaje! 😊 Por ahora solo puedo leer texto y audios. ¿Me contás por escrito qué necesitás?";
/// An email with no words we can read (only attachments, or empty).
pub const EMAIL_WITHOUT_WORDS: &str = "¡Gracias por tu correo! 😊 No encontramos texto en el mensaje. ¿Nos contás por escrito qué fechas y para cuántas personas buscás?";

pub fn hold_placed(h: &HoldLines<'_>) -> String {
    hold_placed_in(Language::Es, h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use booking::Money;

    const ALL: [Language; 3] = [Language::Es, Language::En, Language::Pt];

    fn stay() -> StayDates {
        StayDates::new("2026-12-15".parse().unwrap(), "2026-12-17".parse().unwrap()).unwrap()
    }

    #[test]
    fn an_offer_reads_like_a_person_wrote_it() {
        let text = offer(
            Language::Es,
            &stay(),
            2,
            &[OfferLine {
                name: "Cabaña Arrayán",
                total: Money::from_cents(9_000_000),
                deposit: Money::from_cents(2_700_000),
            }],
        );
        assert_eq!(
            text,
            "¡Sí! 🙌 Para 2 personas, del 15/12/2026 al 17/12/2026 (2 noches), tenemos:\n• Cabaña Arrayán: $ 90.000 en total (seña $ 27.000)\n¿Te reservo Cabaña Arrayán? Respondé «dale», o decime cuál preferís."
        );
    }

    #[test]
    fn a_hold_that_replaces_another_says_the_old_code_no_longer_applies() {
        for lang in ALL {
            let lines = |replaces| HoldLines {
                code: "RES261215002",
                accommodation: "Cabaña Lenga",
                check_in: "2026-12-15".parse().unwrap(),
                check_out: "2026-12-18".parse().unwrap(),
                guests: 2,
                total: Money::from_cents(9_000_000),
                deposit: Money::from_cents(2_700_000),
                expires: "18:00",
                link: "https://pago.example/x",
                replaces,
            };
            let moved = hold_placed_in(lang, &lines(Some("RES261215001")));
            let new = hold_placed_in(lang, &lines(None));
            assert!(
                moved.contains("RES261215001") && moved.contains("RES261215002"),
                "{moved}"
            );
            assert!(!new.contains("RES261215001"), "{new}");
            assert_eq!(
                moved.lines().skip(1).collect::<Vec<_>>(),
                new.lines().skip(1).collect::<Vec<_>>()
            );
        }
    }

    /// Every text the guest may read, in each language: none is empty, none has a technical
    /// word, and the three languages differ.
    #[test]
    fn every_text_exists_in_three_languages_without_technical_words() {
        let line = OfferLine {
            name: "Cabaña Lenga",
            total: Money::from_cents(9_000_000),
            deposit: Money::from_cents(2_700_000),
        };
        let part = || OfferLine {
            name: "Cabaña Lenga",
            total: Money::from_cents(9_000_000),
            deposit: Money::from_cents(2_700_000),
        };
        let voucher = Voucher {
            code: "RES261215001",
            accommodation: "Cabaña Lenga",
            check_in: "2026-12-15".parse().unwrap(),
            check_out: "2026-12-17".parse().unwrap(),
            guests: 2,
            address: Some("Ruta 40 km 2010"),
            check_in_time: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            check_out_time: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            total: Money::from_cents(9_000_000),
            deposit_paid: Money::from_cents(2_700_000),
            balance_ways: crate::BalanceMethods::default(),
        };
        let policy = booking::CancellationPolicy::new(10, 50, 6).unwrap();
        let cabins = [
            GroupCabin {
                code: "RES1",
                accommodation: "Cabaña Lenga",
                guests: 6,
            },
            GroupCabin {
                code: "RES2",
                accommodation: "Cabaña Arrayán",
                guests: 2,
            },
        ];
        let group_hold = GroupHoldLines {
            code: "GRP1",
            cabins: &cabins,
            check_in: voucher.check_in,
            check_out: voucher.check_out,
            total: voucher.total,
            deposit: voucher.deposit_paid,
            expires: "12:00",
            link: "https://pago",
        };
        let group_voucher = GroupVoucher {
            code: "GRP1",
            cabins: &cabins,
            check_in: voucher.check_in,
            check_out: voucher.check_out,
            address: voucher.address,
            check_in_time: voucher.check_in_time,
            check_out_time: voucher.check_out_time,
            total: voucher.total,
            deposit_paid: voucher.deposit_paid,
            balance_ways: crate::BalanceMethods::default(),
        };
        let ways = crate::BalanceMethods {
            cash: true,
            transfer: false,
            card: true,
        };
        let every_way = [
            crate::nlu::PayMethod::Transfer,
            crate::nlu::PayMethod::Card,
            crate::nlu::PayMethod::Cash,
            crate::nlu::PayMethod::MercadoPago,
        ];
        let mut per_language: Vec<Vec<String>> = Vec::new();
        for lang in ALL {
            let texts = vec![
                welcome(lang).to_owned(),
                who_i_am(lang).to_owned(),
                discount_asked(lang).to_owned(),
                early_verdict(lang).to_owned(),
                cabin_in_detail(lang, 4, true, "Dos dormitorios.", &["WiFi".to_owned()]),
                ask_guests(lang).to_owned(),
                ask_dates(lang).to_owned(),
                clarify(lang).to_owned(),
                unanswered_with(lang, true).to_owned(),
                unanswered_with(lang, false).to_owned(),
                aside_for_a_person(lang).to_owned(),
                human(lang).to_owned(),
                no_room(lang).to_owned(),
                offer(lang, &stay(), 2, std::slice::from_ref(&line)),
                focus(lang, &line, &stay(), 2),
                voucher_text(lang, &voucher),
                payment_confirmed_in(lang, "RES1"),
                hold_released(lang, "RES1", "Cabaña Lenga"),
                cancel_not_held(
                    lang,
                    "Cabaña Lenga",
                    "Cabaña Arrayán",
                    "RES1",
                    "2026-12-15".parse().unwrap(),
                    "2026-12-17".parse().unwrap(),
                ),
                cancellation_requested(
                    lang,
                    "RES1",
                    &policy,
                    &policy.applied("2026-12-15".parse().unwrap(), "2026-12-10".parse().unwrap()),
                ),
                cancellation_policy(lang, &policy, None),
                group_hold_placed_in(lang, &group_hold),
                group_voucher_text(lang, &group_voucher),
                how_to_pay(lang, Some(30), ways),
                pick_confirmed(lang, "Cabaña Lenga", &stay(), "RES1", Some("https://pago")),
                recommended_for(lang, ("Cabaña Coihue", "Para cuatro."), 4, true),
                combination(lang, &stay(), 6, &[(part(), 4), (part(), 2)], false, 6),
                combination(lang, &stay(), 8, &[(part(), 6), (part(), 2)], false, 6),
                combination(lang, &stay(), 6, &[(part(), 4), (part(), 2)], true, 6),
                paying_the_hold(lang, ways),
                balance_due(lang, "Cabaña Lenga", voucher.balance(), ways),
                ways_asked(lang, &every_way, ways, false).unwrap(),
                ways_asked(lang, &every_way, crate::BalanceMethods::default(), true).unwrap(),
                already_held(
                    lang,
                    "Cabaña Lenga",
                    &stay(),
                    Some("RES1"),
                    Some("https://pago"),
                ),
                price_of_nights(
                    lang,
                    "Cabaña Lenga",
                    3,
                    Money::from_cents(25_500_000),
                    true,
                    None,
                ),
                price_of_nights(
                    lang,
                    "Cabaña Arrayán",
                    3,
                    Money::from_cents(13_500_000),
                    false,
                    Some(2),
                ),
                too_many(lang, 12, 12),
                too_many(lang, 16, 14),
                group_for_a_person(lang, 14),
                sleeping(lang, 5, &[("Cabaña Lenga", 6), ("Cabaña Ñire", 6)]),
                group_taken(lang).to_owned(),
                ask_nights(lang, "2026-12-15".parse().unwrap()),
                ask_guests_for(lang, &stay(), None),
                ask_guests_for(lang, &stay(), Some("Cabaña Lenga")),
                you_are_welcome(lang).to_owned(),
                offer_declined(lang).to_owned(),
                move_taken(lang, "Cabaña Lenga", "RES1", &stay()),
                free_at_instead(lang, "Cabaña Lenga", &stay()),
                held_takes_no_pets(lang, "Cabaña Lenga", "RES1"),
                largest_is(lang, "Cabaña Lenga", 6),
                feature_not_noted(
                    lang,
                    (crate::nlu::Feature::Kitchen, None),
                    Some("Cabaña Lenga"),
                ),
                feature_not_noted(lang, (crate::nlu::Feature::Linens, None), None),
                moving_hold(lang, "RES1", "Cabaña Lenga", &stay(), 2),
                hold_released(lang, "RES1", "Cabaña Lenga"),
                paid_change_requested(lang, "RES1", None),
                paid_change_requested(
                    lang,
                    "RES1",
                    Some(ChangeAsked::Guests {
                        cabin: "Cabaña Coihue",
                        guests: 4,
                        capacity: 4,
                    }),
                ),
                paid_change_requested(
                    lang,
                    "RES1",
                    Some(ChangeAsked::Guests {
                        cabin: "Cabaña Arrayán",
                        guests: 3,
                        capacity: 2,
                    }),
                ),
                paid_change_requested(
                    lang,
                    "RES1",
                    Some(ChangeAsked::Dates {
                        from: "2026-12-15".parse().unwrap(),
                        to: "2026-12-17".parse().unwrap(),
                    }),
                ),
                paid_change_requested(lang, "RES1", Some(ChangeAsked::Cabin("Cabaña Lenga"))),
                group_move_taken(lang, "GRP1"),
                deposit_refunded_in(lang, "RES1", Money::from_cents(2_700_000)),
                sticker_answer(lang).to_owned(),
                stay_moved_in(lang, "RES1", "Cabaña Lenga", &stay(), 2),
                cancelled_by_staff_in(
                    lang,
                    "RES1",
                    &policy.applied("2026-12-15".parse().unwrap(), "2026-12-10".parse().unwrap()),
                ),
                cancelled_by_staff_in(
                    lang,
                    "RES1",
                    &policy.applied("2026-12-15".parse().unwrap(), "2026-12-01".parse().unwrap()),
                ),
            ];
            for t in &texts {
                assert!(!t.trim().is_empty(), "{lang:?}");
                for word in ["error", "null", "None", "database", "Error", "Some("] {
                    assert!(!t.contains(word), "{lang:?}: {t}");
                }
            }
            per_language.push(texts);
        }
        let (es, en, pt) = (&per_language[0], &per_language[1], &per_language[2]);
        for ((es, en), pt) in es.iter().zip(en).zip(pt) {
            assert_ne!(es, en);
            assert_ne!(es, pt);
        }
    }
}

#[cfg(test)]
mod voucher_tests {
    use super::*;
    use booking::Money;

    #[test]
    fn the_confirmation_is_a_voucher() {
        let v = Voucher {
            code: "RES261215001",
            accommodation: "Cabaña Lenga",
            check_in: "2026-12-15".parse().unwrap(),
            check_out: "2026-12-18".parse().unwrap(),
            guests: 4,
            address: Some("Ruta 40 km 2010"),
            check_in_time: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            check_out_time: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            total: Money::from_cents(40_500_000),
            deposit_paid: Money::from_cents(12_150_000),
            balance_ways: crate::BalanceMethods {
                cash: true,
                transfer: true,
                card: false,
            },
        };
        let es = voucher_text(Language::Es, &v);
        for part in [
            "¡Pago confirmado!",
            "RES261215001",
            "Cabaña Lenga",
            "15/12/2026 desde las 14:00",
            "18/12/2026 hasta las 10:00",
            "(3 noches)",
            "Huéspedes: 4",
            "Ruta 40 km 2010",
            "Seña pagada: $ 121.500 de $ 405.000",
            "Saldo a pagar: $ 283.500 (al llegar, en efectivo o por transferencia)",
        ] {
            assert!(es.contains(part), "{part}: {es}");
        }
        let en = voucher_text(
            Language::En,
            &Voucher {
                balance_ways: crate::BalanceMethods::default(),
                ..v
            },
        );
        assert!(en.contains("Balance due: $ 283.500 (on arrival)"), "{en}");
        assert!(en.contains("Dec 15, 2026 from 14:00"), "{en}");
        let pt = voucher_text(Language::Pt, &Voucher { address: None, ..v });
        assert!(
            pt.contains("Enviamos por aqui antes da sua chegada"),
            "{pt}"
        );
        let paid = voucher_text(
            Language::Es,
            &Voucher {
                deposit_paid: v.total,
                ..v
            },
        );
        assert!(paid.contains("¡está todo pago!"), "{paid}");
    }
}

#[cfg(test)]
mod cancellation_tests {
    use super::*;
    use booking::CancellationPolicy;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_policy_is_told_in_plain_words_and_applied_to_the_guests_own_stay() {
        let p = CancellationPolicy::new(15, 0, 6).unwrap();
        let es = cancellation_policy(Language::Es, &p, None);
        assert!(
            es.starts_with("Si cancelás hasta 15 días antes de tu llegada, te devolvemos la seña completa. Si cancelás después, la seña no se devuelve, pero la podés usar para otra fecha dentro de los 6 meses."),
            "{es}"
        );
        let early = p.applied(d("2027-01-20"), d("2027-01-02"));
        let es = cancellation_requested(Language::Es, "RES270120001", &p, &early);
        assert!(
            es.contains("Como faltan 18 días para tu llegada, te devolvemos la seña completa."),
            "{es}"
        );
        assert!(es.contains("sigue en pie"), "{es}");
        assert!(es.contains("la cancelación y la devolución"), "{es}");
        let late = p.applied(d("2027-01-20"), d("2027-01-19"));
        // Nothing given back: no refund promised.
        let es = cancellation_requested(Language::Es, "RES270120001", &p, &late);
        assert!(
            es.contains("te confirma la cancelación por acá") && !es.contains("devolución"),
            "{es}"
        );
        let en = cancellation_policy(Language::En, &p, Some(("RES1", Some(&late))));
        assert!(
            en.contains("For your booking RES1: As you arrive in 1 day, the deposit isn't refunded, but you can use it for another date within 6 months."),
            "{en}"
        );
        let half = CancellationPolicy::new(7, 50, 0).unwrap();
        let pt = cancellation_requested(
            Language::Pt,
            "RES1",
            &half,
            &half.applied(d("2027-01-20"), d("2027-01-20")),
        );
        assert!(
            pt.contains("Como sua chegada é hoje, devolvemos 50 % do sinal."),
            "{pt}"
        );
        let unpaid = cancellation_policy(Language::Es, &half, Some(("RES1", None)));
        assert!(unpaid.contains("si la cancelás no pagás nada"), "{unpaid}");
        let anytime = cancellation_policy(
            Language::Es,
            &CancellationPolicy::new(0, 0, 0).unwrap(),
            None,
        );
        assert!(
            anytime.starts_with("Podés cancelar hasta el día de tu llegada")
                && !anytime.contains("después"),
            "{anytime}"
        );
    }

    #[test]
    fn staff_cancelling_or_moving_tells_the_guest_what_changed() {
        let p = CancellationPolicy::new(10, 0, 0).unwrap();
        let early = cancelled_by_staff_in(
            Language::Es,
            "RES1",
            &p.applied(d("2027-01-20"), d("2027-01-01")),
        );
        assert!(
            early.contains("Tu reserva RES1 quedó cancelada")
                && early.contains("te devolvemos la seña completa")
                && early.contains("coordinar la devolución"),
            "{early}"
        );
        let late = cancelled_by_staff_in(
            Language::En,
            "RES1",
            &p.applied(d("2027-01-20"), d("2027-01-19")),
        );
        assert!(
            late.contains("the deposit isn't refunded") && !late.contains("arrange the refund"),
            "{late}"
        );
        let stay = StayDates::new(d("2027-02-01"), d("2027-02-04")).unwrap();
        let moved = stay_moved_in(Language::Pt, "RES1", "Cabaña Lenga", &stay, 2);
        assert!(
            moved.contains("RES1")
                && moved.contains(
                    "Cabaña Lenga, para 2 pessoas, de 01/02/2027 a 04/02/2027 (3 noites)"
                ),
            "{moved}"
        );
    }

    #[test]
    fn a_group_hold_has_one_code_one_total_and_one_link_and_its_voucher_every_cabin() {
        let cabins = [
            GroupCabin {
                code: "RES270120001",
                accommodation: "Cabaña Lenga",
                guests: 6,
            },
            GroupCabin {
                code: "RES270120002",
                accommodation: "Cabaña Arrayán",
                guests: 2,
            },
        ];
        let es = group_hold_placed_in(
            Language::Es,
            &GroupHoldLines {
                code: "GRP270120003",
                cabins: &cabins,
                check_in: d("2027-01-20"),
                check_out: d("2027-01-22"),
                total: booking::Money::from_cents(26_000_000),
                deposit: booking::Money::from_cents(7_800_000),
                expires: "12:30 del 02/12",
                link: "https://pago/GRP270120003",
            },
        );
        for part in [
            "Código del grupo: GRP270120003",
            "• Cabaña Lenga (RES270120001): 6 huéspedes",
            "• Cabaña Arrayán (RES270120002): 2 huéspedes",
            "Total: $ 260.000 · Seña: $ 78.000",
            "en un solo pago acá: https://pago/GRP270120003",
        ] {
            assert!(es.contains(part), "{part}: {es}");
        }
        assert_eq!(es.matches("https://").count(), 1, "{es}");
        let v = group_voucher_text(
            Language::En,
            &GroupVoucher {
                code: "GRP270120003",
                cabins: &cabins,
                check_in: d("2027-01-20"),
                check_out: d("2027-01-22"),
                address: Some("Ruta 40 km 2010"),
                check_in_time: chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
                check_out_time: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                total: booking::Money::from_cents(26_000_000),
                deposit_paid: booking::Money::from_cents(7_800_000),
                balance_ways: crate::BalanceMethods::default(),
            },
        );
        for part in [
            "Group code: GRP270120003",
            "Cabaña Lenga (RES270120001): 6 guests",
            "Cabaña Arrayán (RES270120002): 2 guests",
            "Check-in: Jan 20, 2027 from 14:00 · Check-out: Jan 22, 2027 by 10:00 (2 nights)",
            "Guests: 8 in all",
            "Ruta 40 km 2010",
            "Deposit paid: $ 78.000 of $ 260.000 in total",
            "Balance due: $ 182.000 (on arrival)",
        ] {
            assert!(v.contains(part), "{part}: {v}");
        }
    }
}

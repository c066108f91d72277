//! What the blind sample of conv30 (English and Portuguese guests, WhatsApp and email) found:
//! what a cabin has, wished or asked with the stay ("con jacuzzi if possible", "¿alguna tiene
//! pileta?"), leads the offer, so a yes takes the cabin that has it; children asked about alone
//! after another question ("and kids?", "¿y los chicos?", "e as crianças?") get a yes or no; a
//! card asked about once the deposit is paid is about the balance, a yes or a no from what the
//! property takes.

use super::*;

#[test]
fn what_a_cabin_has_asked_with_the_stay_leads_the_offer() {
    for (text, yes) in [
        (
            "hola! we are 4 personas looking for a cabaña from December 15th to 17th, con pileta if possible",
            "perfecto, book it please",
        ),
        (
            "somos 4 del 15 al 17 de diciembre, ¿alguna tiene pileta?",
            "dale",
        ),
        (
            "somos 4 pessoas de 15 a 17 de dezembro, com piscina de preferência",
            "sim",
        ),
    ] {
        let world = World::default();
        let first = world.talk(&[text]);
        let out = said(&first);
        let lead = first
            .state
            .offer
            .as_ref()
            .and_then(|o| o.options.first())
            .map(|o| o.name.clone());
        assert_eq!(lead.as_deref(), Some("Cabaña Lenga"), "{text}: {out}");
        assert!(booked(&first).is_none(), "{text}: {out}");
        let t = world.run(&first.state, yes);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(3),
            "{text}: {}",
            said(&t)
        );
    }
    // What every cabin has keeps the cheapest first.
    let t = talk(&["somos 4 del 15 al 17 de diciembre, tienen wifi?"]);
    let lead = t.state.offer.as_ref().and_then(|o| o.options.first());
    assert_eq!(lead.map(|o| o.name.as_str()), Some("Cabaña Coihue"));
    // Booked at once with what it has: the cabin that has it.
    let b = booked(&talk(&[
        "reservame algo para 4 del 15 al 17 de diciembre con pileta",
    ]));
    assert_eq!(b.map(|b| b.accommodation_id), Some(3));
}

#[test]
fn children_asked_about_alone_get_a_yes_or_no() {
    for (first, then, yes) in [
        ("do you allow dogs?", "and kids? we have a 3 yo", "Yes"),
        ("¿aceptan perros?", "¿y los chicos?", "¡Sí!"),
        ("vocês aceitam cachorro?", "e as crianças?", "Sim"),
    ] {
        let out = said(&talk(&[first, then]));
        assert!(out.starts_with(yes), "{then}: {out}");
    }
}

#[test]
fn a_card_asked_about_once_paid_is_for_the_balance() {
    let cash_and_transfer = World {
        balance: BalanceMethods {
            cash: true,
            transfer: true,
            card: false,
        },
        ..coihue_hold(true)
    };
    for (text, words) in [
        (
            "O restante pagamos na chegada? Aceitam cartão?",
            vec!["No cartão não", "em dinheiro ou por transferência"],
        ),
        (
            "el saldo lo puedo pagar con tarjeta?",
            vec!["Con tarjeta no", "en efectivo o por transferencia"],
        ),
        (
            "can we pay the rest by card?",
            vec!["Not by card", "in cash or by bank transfer"],
        ),
    ] {
        let out = said(&cash_and_transfer.run(&after_hold(), text));
        for w in words {
            assert!(out.contains(w), "{text}: {w}: {out}");
        }
        assert!(!out.contains("Mercado Pago"), "{text}: {out}");
    }
    let with_card = World {
        balance: BalanceMethods {
            cash: true,
            transfer: false,
            card: true,
        },
        ..coihue_hold(true)
    };
    let out = said(&with_card.run(&after_hold(), "can we pay the rest by card?"));
    assert!(out.contains("You can pay the balance by card"), "{out}");
}

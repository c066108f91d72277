//! Turns a fifth, blind set of conversations found wrong: a group that asks to book gets its
//! cabins held together at once, "quiero la Coihue del … al …" books it, people joining after
//! a hold change the party, and a guest who needs to cancel a paid reservation and asks about
//! the deposit gets the request for staff, not only the policy.

use super::*;

#[test]
fn a_group_that_asks_to_book_gets_its_cabins_held_together_at_once() {
    for text in [
        "somos 8 del 15 al 17 de diciembre, reservame",
        "reservanos para 8 personas del 15 al 17 de diciembre",
        "please book for 8 people from December 15 to 17",
    ] {
        let t = talk(&[text]);
        let Some(Effect::BookTogether(all)) = t.effects.first() else {
            panic!("{text}: {:?}", t.effects)
        };
        assert_eq!(all.iter().map(|b| b.guests).sum::<u16>(), 8, "{text}");
    }
    // Asked, not ordered: the combination is offered first.
    let t = talk(&["somos 8 del 15 al 17 de diciembre, q hay?"]);
    assert!(t.state.offer.as_ref().is_some_and(|o| o.together));
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::BookTogether(_)))
    );
}

#[test]
fn a_cabin_wanted_by_name_with_its_dates_is_booked() {
    for text in [
        "quiero la coihue del 15 al 17 de diciembre para 4",
        "hola queremos la cabaña coihue del 15 al 17 de diciembre, somos 3",
    ] {
        let t = talk(&[text]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(2),
            "{text}: {}",
            said(&t)
        );
    }
    // Too small for the party: told, and the cabins that fit are offered instead.
    let t = talk(&["quiero la arrayan del 15 al 17 de diciembre para 4"]);
    assert_eq!(booked(&t), None, "{}", said(&t));
    assert!(said(&t).contains("Arrayán"), "{}", said(&t));
}

#[test]
fn people_joining_after_a_hold_change_the_party() {
    for text in [
        "ah se suman dos amigos somos 4",
        "se nos suman 2 amigos",
        "se suman dos mas",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert_eq!(t.state.guests, Some(4), "{text}: {}", said(&t));
        assert!(said(&t).contains('4'), "{text}: {}", said(&t));
    }
}

#[test]
fn needing_to_cancel_a_paid_reservation_asks_staff_even_with_a_question() {
    for text in [
        "necesito cancelar la reserva, me devuelven la seña?",
        "tenemos que cancelar, nos devuelven la seña?",
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::RequestCancellation { .. })),
            "{text}: {:?}",
            t.effects
        );
    }
    // Only the question: the policy, no request.
    let t = coihue_hold(true).run(&after_hold(), "si cancelo me devuelven la seña?");
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::RequestCancellation { .. })),
        "{:?}",
        t.effects
    );
}

#[test]
fn information_asked_for_in_general_is_answered_not_sent_to_a_person() {
    for text in [
        "hola! quisiera info",
        "queria informacion sobre las cabañas",
    ] {
        let t = talk(&[text]);
        assert!(!t.state.needs_human, "{text}: {}", said(&t));
        assert!(said(&t).contains("fechas"), "{text}: {}", said(&t));
    }
    // Information about something in particular is that answer (how to pay: the deposit
    // through the payment link), not the general one.
    let t = talk(&["info sobre formas de pago"]);
    assert!(said(&t).contains("Mercado Pago"), "{}", said(&t));
}

#[test]
fn two_cabins_compared_are_described_and_no_other() {
    for text in [
        "que diferencia hay entre la coihue y la lenga?",
        "que tienen la coihue y la lenga?",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        let text_said = said(&t);
        assert!(
            text_said.contains("Coihue") && text_said.contains("Lenga"),
            "{text}: {text_said}"
        );
        assert!(!text_said.contains("Arrayán"), "{text}: {text_said}");
        // What tells them apart: who fits and whether pets come.
        assert!(
            text_said.contains("hasta 4 personas"),
            "{text}: {text_said}"
        );
        assert!(
            text_said.contains("hasta 6 personas"),
            "{text}: {text_said}"
        );
        assert!(text_said.contains("acepta mascotas"), "{text}: {text_said}");
    }
}

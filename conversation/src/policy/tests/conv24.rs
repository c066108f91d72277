//! Turns a twenty-fourth, blind set of conversations (long emails in formal Spanish, English
//! and Portuguese) found wrong: an email's greeting ("Buenas noches, …") or its thanks for
//! the information hid the cabin chosen after it; a cabin chosen with a yes and a question
//! ("Dale, vamos con la Coihue. ¿La seña se puede con transferencia?") got only the answer;
//! "pode reservar" was no order; the details asked again after paying ("¿me mandás de nuevo
//! los datos de la reserva?", "resend the booking confirmation", "os dados da reserva e o
//! endereço") got a short status or only the address instead of the voucher; "¿me confirma el
//! total y el monto de la seña?" of a hold was read as a new stay, and its own hold made the
//! cabin look taken.

use super::*;

#[test]
fn a_cabin_chosen_after_an_emails_greeting_or_thanks_is_chosen() {
    for text in [
        "Buenas noches, gracias por la información. Quiero la Coihue.",
        "Buen día, elegimos la Coihue.",
        "Buenas tardes. Optamos por la Coihue, gracias.",
        "Hello, thanks for the info. We'd like the Coihue.",
        "Boa noite, obrigada pela informação. Escolhemos a Coihue.",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, 2, "{text}");
    }
    // Thanks for the information alone ask nothing.
    for text in ["Gracias por la información.", "Thanks for the info!"] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
    }
}

#[test]
fn a_cabin_chosen_with_a_yes_and_a_question_is_held_and_the_question_answered() {
    for text in [
        "Dale, quiero la Coihue. ¿La seña se puede pagar con transferencia?",
        "Sí, queremos la Coihue. ¿Cómo se paga la seña?",
        "Pode ser, quero a Coihue. Como pago o sinal?",
        "Dale, vamos con la Coihue. ¿La seña se puede pagar con transferencia?",
        "Sí, nos quedamos con la Coihue. ¿Aceptan tarjeta?",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, 2, "{text}");
    }
}

#[test]
fn pode_reservar_is_an_order() {
    for text in [
        "Fechado, pode reservar.",
        "Preferimos a Coihue. Pode reservar.",
    ] {
        let t = talk(&["tem vaga para 2 de 15 a 17 de dezembro?", text]);
        assert!(booked(&t).is_some(), "{text}: {}", said(&t));
    }
}

#[test]
fn the_details_asked_again_after_paying_are_the_voucher() {
    for (text, words) in [
        (
            "Hola, genial. ¿Me podés mandar de nuevo los datos de la reserva? Se me borró el mail.",
            &["Coihue", "Ruta 40"][..],
        ),
        (
            "¿Me reenvían la confirmación de la reserva, por favor?",
            &["Coihue", "Ruta 40"][..],
        ),
        (
            "Could you please resend the booking confirmation?",
            &["Coihue", "Ruta 40"][..],
        ),
        (
            "Pagamento feito. Pode me mandar de novo os dados da reserva? E qual é o endereço exato?",
            &["Coihue", "Ruta 40"][..],
        ),
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        let out = said(&t);
        for w in words {
            assert!(out.contains(w), "{text}: {out}");
        }
        assert!(booked(&t).is_none(), "{text}: {out}");
    }
}

#[test]
fn the_total_and_deposit_asked_of_a_hold_are_its_own() {
    for text in [
        "¿Me podría confirmar el total de la estadía y el monto de la seña?",
        "What's the total, and the deposit?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("Coihue"), "{text}: {out}");
        assert!(
            !out.contains("ocupada") && !out.contains("taken"),
            "{text}: {out}"
        );
        assert!(booked(&t).is_none(), "{text}: {out}");
    }
}

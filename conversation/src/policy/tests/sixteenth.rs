//! Turns a sixteenth, blind set of conversations (English and Portuguese guests) found wrong:
//! a mild "ok"/"great"/"tá bom" before a new stay booked it blind; English and Portuguese
//! put-offs ("let me check with the others", "vou falar com o pessoal") and yeses ("lock it
//! in", "bora") were not read; "What's the deposit?" about a hold was not understood; a pet
//! left at home ("sem cachorro") was read as a pet; "¿y acepta perros?" after a question about
//! one cabin answered for every cabin; "¿qué cabañas tienen?" and "the maximum per cabin" were
//! not understood.

use super::*;

#[test]
fn a_mild_word_before_a_new_stay_offers_and_books_nothing() {
    for (first, text) in [
        ("is there a pool?", "great. 2 people Dec 15-17?"),
        ("is there a pool?", "ok no worries. For 2 people Dec 15-17?"),
        (
            "tem piscina?",
            "tá bom. então quero de 15 a 17 de dezembro para 2",
        ),
        (
            "hay pileta?",
            "genial. 2 personas del 15 al 17 de diciembre?",
        ),
        ("hay pileta?", "perfecto, somos 2 del 15 al 17 de diciembre"),
        (
            "we're a party of two",
            "Great. What about Dec 15 to Dec 17?",
        ),
    ] {
        let t = talk(&[first, text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
        assert!(t.state.offer.is_some(), "{text}: {}", said(&t));
    }
    // Asked to book first, the dates after a mild word still book.
    let t = talk(&[
        "quiero reservar la Arrayán",
        "ok, del 15 al 17 de diciembre para 2",
    ]);
    assert!(booked(&t).is_some(), "{}", said(&t));
    // An offer on the table: "genial" still accepts it.
    let t = talk(&[ASK_FOR_TWO, "genial"]);
    assert!(booked(&t).is_some(), "{}", said(&t));
}

#[test]
fn english_and_portuguese_put_offs_book_nothing_and_their_yeses_book() {
    for text in [
        "ok, let me check with the others and I'll come back",
        "ok we'll discuss and get back",
        "great, I'll check with my wife first",
        "perfect, I need to talk to my partner",
        "sounds good, I'll confirm tomorrow",
        "tá, vou falar com o pessoal",
        "ok, vou ver com minha esposa e te falo",
        "beleza, depois eu volto",
        "perfeito, vou conversar com o grupo",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
    }
    for text in [
        "Lovely, lock it in",
        "lock it in please",
        "go for it",
        "count us in",
        "reserve it please",
        "bora",
        "manda ver",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(1),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn the_deposit_asked_about_a_hold_is_its_own() {
    for text in [
        "What's the deposit?",
        "what is the deposit?",
        "how much is the deposit?",
        "qual é o sinal?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("Coihue"), "{text}: {out}");
        assert!(!out.contains("1)"), "{text}: {out}");
    }
}

#[test]
fn a_pet_left_at_home_is_no_pet() {
    let t = talk(&[
        "¿aceptan perros?",
        "hay lugar para 2 del 15 al 17 de diciembre, sin perro",
    ]);
    assert!(!t.state.pets, "{}", said(&t));
    let t = talk(&[
        "aceita cachorro?",
        "quero para 2 de 15 a 17 de dezembro, sem cachorro",
    ]);
    assert!(!t.state.pets, "{}", said(&t));
    let t = talk(&["2 people Dec 15-17, without the dog"]);
    assert!(!t.state.pets, "{}", said(&t));
    // With the dog, a pet.
    let t = talk(&["2 people Dec 15-17, with our dog"]);
    assert!(t.state.pets, "{}", said(&t));
}

#[test]
fn a_question_that_goes_on_is_about_the_cabin_asked_before() {
    for (first, then, no) in [
        ("¿la Arrayán tiene wifi?", "¿y acepta perros?", "No"),
        (
            "Does the Arrayán have wifi?",
            "and does it take dogs?",
            "No",
        ),
        ("a Arrayán tem wifi?", "e aceita cachorro?", "Não"),
    ] {
        let t = talk(&[first, then]);
        let out = said(&t);
        assert!(out.starts_with(no), "{then}: {out}");
        assert!(out.contains("Arrayán"), "{then}: {out}");
    }
    // Without a cabin asked about, the answer is for every cabin.
    let t = talk(&["¿y aceptan perros?"]);
    assert!(said(&t).contains("Coihue"), "{}", said(&t));
}

#[test]
fn which_cabins_there_are_and_for_how_many() {
    for text in [
        "¿qué cabañas tienen?",
        "what cabins do you have?",
        "quais chalés vocês têm?",
        "qual o máximo por chalé?",
        "what's the maximum per cabin?",
        "¿cuál es el máximo de personas por cabaña?",
    ] {
        let out = said(&talk(&[text]));
        for name in ["Arrayán", "Coihue", "Lenga"] {
            assert!(out.contains(name), "{text}: {out}");
        }
        assert!(out.contains('6'), "{text}: {out}");
    }
    // With dates, the quote answers it.
    let t = talk(&["¿qué cabañas tienen libres del 15 al 17 de diciembre para 2?"]);
    assert!(t.state.offer.is_some(), "{}", said(&t));
    assert!(!said(&t).contains("hasta 6"), "{}", said(&t));
}

#[test]
fn the_payment_link_asked_again_in_any_language_is_sent() {
    for text in [
        "send me the payment link again please",
        "can you resend the link?",
        "where do I pay?",
        "me manda o link de pagamento de novo?",
        "pode reenviar o link?",
        "onde eu pago?",
        "mandame el link otra vez",
        "¿dónde pago?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("http"), "{text}: {out}");
        assert!(!t.state.needs_human, "{text}: {out}");
    }
}

//! What conv89's blind set (voice notes and emails) found: a party described in English with
//! an age before the kids ("my wife and I, plus our two teenage kids") was counted as two, and
//! "we don't have pets" narrowed the offer to the cabins that take them; "and the Arrayán?"
//! after a nightly price, with a party larger than it said before, got a capacity "no" and
//! another cabin's price instead of its own.

use super::*;

#[test]
fn a_family_with_its_kids_described_and_no_pets_is_offered_for_four_with_no_word_of_pets() {
    for text in [
        "My wife and I, plus our two teenage kids, would like to visit from June 7 to June 11. We don't have pets.",
        "my husband and I with our two little kids, june 7 to 11, we have no pets",
        "somos mi mujer y yo y nuestros dos hijos, del 7 al 11 de junio, no tenemos mascotas",
        "eu e minha esposa e nossos dois filhos, de 7 a 11 de junho, não temos animais",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña Coihue"), "{text}: {s}");
        assert!(!s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(!s.contains('🐶'), "{text}: {s}");
    }
}

#[test]
fn a_cabin_named_after_a_price_is_priced_even_when_the_party_outgrows_it() {
    for (first, then) in [
        (
            "Could you tell me the nightly price for the Lenga? We are a group of 6 adults.",
            "Thanks! And the Arrayan?",
        ),
        ("cuanto sale la noche en la lenga? somos 6", "y la arrayan?"),
        ("quanto custa a diária da lenga? somos 6", "e a arrayan?"),
    ] {
        let s = said(&talk(&[first, then]));
        assert!(s.contains("45.000"), "{then}: {s}");
        assert!(s.contains("2"), "{then}: {s}");
        assert!(s.contains("Cabaña Lenga"), "{then}: {s}");
    }
}

#[test]
fn the_party_asked_about_a_cabin_still_gets_whether_it_fits() {
    let s = said(&talk(&["cuanto sale la noche en la arrayan?", "y para 6?"]));
    assert!(s.starts_with("No,"), "{s}");
}

//! Turns a sixty-ninth set of conversations (English-speaking travellers from everywhere)
//! found wrong: "so is it confirmed now?" after a hold was read as a question about something
//! the cabin has; "is that in pesos or dollars?" got the price again; "which one has it?" after
//! a yes/no question was passed to the team; "the prices of your cabins for 4" named only the
//! cheapest.

use super::*;

#[test]
fn whether_the_hold_is_confirmed_is_answered_about_the_hold() {
    for text in [
        "so is it confirmed now?",
        "ok so is it confirmed then?",
        "entonces ya está confirmada?",
    ] {
        let t = coihue_hold(false).talk(&[text]);
        let out = said(&t).to_lowercase();
        assert!(
            out.contains("deposit") || out.contains("seña") || out.contains("pag"),
            "{text}: {out}"
        );
        assert!(!out.contains("noted"), "{text}: {out}");
    }
}

#[test]
fn the_currency_is_told() {
    for (text, words) in [
        ("is that in pesos or dollars?", "argentine pesos"),
        ("what currency are your prices in?", "argentine pesos"),
        ("are the prices in US dollars?", "argentine pesos"),
        ("es en pesos o dolares?", "pesos argentinos"),
        ("é em reais ou pesos?", "pesos argentinos"),
    ] {
        let t = talk(&[text]);
        assert!(
            said(&t).to_lowercase().contains(words),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn which_one_has_it_names_the_cabin_that_has_what_was_asked() {
    for (first, then) in [
        ("Is there a pool in the Coihue?", "which one has it?"),
        ("Does the Coihue have a pool?", "so which ones have it?"),
        ("la coihue tiene pileta?", "y cual la tiene?"),
        ("a Coihue tem piscina?", "e qual tem?"),
    ] {
        let t = talk(&[first, then]);
        assert!(said(&t).contains("Lenga"), "{then}: {}", said(&t));
        assert!(!t.state.needs_human, "{then}");
    }
}

#[test]
fn the_prices_of_the_cabins_for_a_party_name_each_that_fits() {
    for text in [
        "Could you send me the prices of your cabins for 4 people?",
        "precios de las cabañas para 4?",
        "qual o preço dos seus chalés pra 4 pessoas?",
    ] {
        let out = said(&talk(&[text]));
        for cabin in ["Coihue", "Lenga"] {
            assert!(out.contains(cabin), "{text}: {out}");
        }
        assert!(!out.contains("Arrayán"), "{text}: {out}");
    }
}

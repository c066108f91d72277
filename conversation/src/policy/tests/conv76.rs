//! Turns a seventy-sixth set of conversations (a generalist sample over every bullet, mostly
//! Argentine WhatsApp, some emails, English and Portuguese) found wrong: a part of a month said
//! before the days ("la segunda quincena de mayo, del 17 al 21") lost its month, so the stay
//! was read in this month; a question about the balance once paid, in other words than
//! "saldo" ("thanks! is the rest paid on arrival?", "lo que falta se paga allá?", "o resto é
//! pago na chegada?"), got only thanks.

use chrono::Datelike;

use super::*;

#[test]
fn the_balance_asked_in_other_words_after_paying_is_answered() {
    for (text, word) in [
        ("thanks! is the rest paid on arrival?", "arrival"),
        ("do we pay the remaining on arrival?", "arrival"),
        ("how do I pay the rest?", "arrival"),
        ("genial gracias! lo que falta se paga alla?", "llegar"),
        ("obrigado! o resto é pago na chegada?", "chegada"),
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
        assert!(
            said(&t).to_lowercase().contains(word),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_part_of_a_month_said_before_the_days_gives_them_its_month() {
    for text in [
        "hola, para la segunda quincena de mayo, del 17 al 21, somos 2",
        "hola, la primera semana de mayo, del 3 al 6, somos 2",
        "hi! late May, from the 17th to the 21st, 2 adults",
        "oi! na segunda quinzena de maio, de 17 a 21, somos 2",
    ] {
        let t = talk(&[text, "dale"]);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.check_in.month(), 5, "{text}");
    }
}

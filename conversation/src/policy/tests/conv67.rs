//! Turns a sixty-seventh set of conversations (groups and families) found wrong: a group asking
//! for one cabin for everyone was told "yes" without hearing how many the largest one sleeps;
//! a party told in households ("una para nosotros (somos 2) y otra para mis viejos", "nosotros
//! somos 6 y mis suegros 2, cada familia en su cabaña") was counted as the speaker's part
//! alone, and a cabin of the offer was held for nobody.

use super::*;

#[test]
fn a_group_larger_than_any_cabin_hears_how_many_the_largest_sleeps() {
    for (text, largest) in [
        (
            "Somos 9 personas y quisiéramos una sola cabaña para todos del 8 al 11 de abril",
            "la más grande es para 6 personas",
        ),
        (
            "We're 9, do you have one house for all of us from April 8 to 11?",
            "the largest sleeps 6",
        ),
        (
            "Somos 9, vocês têm um chalé só pra todos de 8 a 11 de abril?",
            "o maior é para 6 pessoas",
        ),
    ] {
        let t = talk(&[text]);
        assert!(said(&t).contains(largest), "{text}: {}", said(&t));
    }
}

#[test]
fn households_apart_are_all_counted_and_no_cabin_is_for_nobody() {
    for text in [
        "hola quiero dos cabañas del 5 al 8 de abril, una para nosotros (somos 2) y otra para mis viejos",
        "Hi, two cabins from April 5 to 8 please, one for us (we're 2) and another for my parents",
    ] {
        let t = talk(&[text]);
        assert_eq!(t.state.guests, Some(4), "{text}");
        assert_eq!(t.state.parties, vec![2, 2], "{text}");
        assert!(!said(&t).contains("(0 "), "{text}: {}", said(&t));
    }
    let t = talk(&[
        "Queremos ir dos familias del 15 al 18 de marzo: nosotros somos 6 (con mis 4 hijos) y mis suegros 2. Cada familia en su cabaña.",
    ]);
    assert_eq!(t.state.guests, Some(8), "{}", said(&t));
}

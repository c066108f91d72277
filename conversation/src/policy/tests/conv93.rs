//! What conv93's blind set (English-speaking and Brazilian guests over the bullets)
//! found: a Brazilian whose only Portuguese word was a number spelled out ("somos dois de 10/02
//! a 14/02") was answered in Spanish, and "pode levar criança?" was passed to staff instead of
//! answered as the question whether children are welcome.

use super::*;

#[test]
fn a_party_spelled_out_in_portuguese_is_answered_in_portuguese() {
    for text in [
        "somos dois de 10/02 a 14/02",
        "seremos quatro, 10/02 a 13/02",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña"), "{text}: {s}");
        assert!(s.contains("noites"), "{text}: {s}");
        assert!(!s.contains("noches"), "{text}: {s}");
    }
}

#[test]
fn a_child_asked_about_in_portuguese_is_welcome() {
    for text in [
        "pode levar criança?",
        "criança pode ir?",
        "podemos trazer as crianças?",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Crianças são bem-vindas"), "{text}: {s}");
        assert!(!s.contains("equipe"), "{text}: {s}");
    }
}

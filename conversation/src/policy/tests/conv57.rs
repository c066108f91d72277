//! Turns a fifty-seventh set of conversations (a ninth generalist sample in Argentine Spanish)
//! found wrong: a correction of the stay for a cabin the guest named and was quoted alone ("la
//! coihue 3 noches desde el 2 de diciembre" … "mejor 2 noches") listed every other free cabin
//! beside it.

use super::*;

#[test]
fn a_correction_for_the_cabin_named_quotes_it_alone_again() {
    for (first, fix, named, others) in [
        (
            "la coihue 3 noches desde el 2 de diciembre pa 4",
            "mejor q sean 2 noches nomas",
            "Coihue",
            &["Lenga"][..],
        ),
        (
            "cuanto sale la coihue del 10 al 13 de diciembre pa 3",
            "perdon es del 11 al 14",
            "Coihue",
            &["Lenga"],
        ),
        (
            "la lenga del 3 al 6 de diciembre pa 4",
            "uh no me equivoque, es del 4 al 7",
            "Lenga",
            &["Coihue"],
        ),
    ] {
        let s = said(&talk(&[first, fix]));
        assert!(s.contains(named), "{fix}: {s}");
        for o in others {
            assert!(!s.contains(o), "{fix}: no {o} in {s}");
        }
    }
}

#[test]
fn a_new_question_after_a_cabin_named_still_lists_what_is_free() {
    let s = said(&talk(&[
        "la coihue del 2 al 4 de diciembre pa 4",
        "otra consulta: tienen algo del 10 al 13 de diciembre para 4?",
    ]));
    assert!(s.contains("Coihue") && s.contains("Lenga"), "{s}");
}

//! Turns a fifty-fourth, blind set of conversations (guests as they really are: stories,
//! bursts of messages, voice notes, emails) found wrong: a child said with an article after the
//! count ("somos cuatro más el bebé") was left out of the party, and the child's age ("que tiene
//! un año") was answered as a question about what the cabins have; "los cuatro" closing a voice
//! note was no party, so the pick asked again how many; "de parte de mi papá … con mi mamá, los
//! dos solos" counted the one writing.

use super::*;

#[test]
fn a_child_said_with_its_article_joins_the_party_and_its_age_asks_nothing() {
    for text in [
        "hola buen día eh te quería consultar si tienen del quince al dieciocho de marzo somos cuatro más el bebé que tiene un año",
        "del 15 al 18 de marzo, somos 4 y el nene que tiene 3 años",
    ] {
        let t = talk(&[text]);
        assert!(said(&t).contains("5 personas"), "{text}: {}", said(&t));
        assert!(!said(&t).contains("WiFi"), "{text}: {}", said(&t));
    }
    let held = held_over(&[
        "del 15 al 18 de marzo somos cuatro más el bebé",
        "reservame la lenga",
    ]);
    assert_eq!(held.map(|b| b.guests), Some(5));
}

#[test]
fn the_party_said_as_los_n_is_the_party() {
    for text in [
        "eh y si vamos del once al catorce de marzo los cuatro está libre",
        "del 11 al 14 de marzo, los cuatro",
    ] {
        let t = talk(&[text]);
        assert!(
            !said(&t).contains("cuántas personas"),
            "{text}: {}",
            said(&t)
        );
    }
    let held = held_over(&[
        "les escribo de parte de mi papá. Él quiere ir con mi mamá, los dos solos, del 12 al 15 de abril",
        "reservale la arrayán",
    ]);
    assert_eq!(held.map(|b| (b.accommodation_id, b.guests)), Some((1, 2)));
}

//! What conv92's blind set (a generalist Argentine sample over the bullets) found: a
//! head count said with couples and their children not counted ("somos 8, dos parejas con sus
//! hijos") was read as the couples alone, so a group of eight was offered one cabin for four.

use super::*;

#[test]
fn a_group_said_as_couples_with_their_children_is_offered_for_the_whole_count() {
    let mut world = World::default();
    world.taken.push(taken(1, "2027-03-25", "2027-03-28"));
    for text in [
        "buenas! somos 8, dos parejas con sus hijos, del 25 al 28 de marzo",
        "we're 8, two couples with their kids, march 25 to 28",
        "somos 8, dois casais com os filhos, de 25 a 28 de março",
    ] {
        let s = said(&world.talk(&[text]));
        assert!(
            s.contains("Cabaña Coihue") && s.contains("Cabaña Lenga") && s.contains('8'),
            "{text}: {s}"
        );
    }
}

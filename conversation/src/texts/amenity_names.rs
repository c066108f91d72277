//! The amenities owners usually write in Spanish ("Parrilla", "Calefacción a leña"), named in
//! the guest's language when a reply lists them: a fixed table written by people, not a
//! translation. A name the table does not know is shown as the owner wrote it.

use std::borrow::Cow;

use crate::Language;

/// Folded Spanish name (lowercase, no accents), then its English and Portuguese names.
#[rustfmt::skip]
const NAMES: &[(&str, &str, &str)] = &[
    ("wifi", "WiFi", "WiFi"),
    ("wi-fi", "WiFi", "WiFi"),
    ("internet", "internet", "internet"),
    ("parrilla", "grill", "churrasqueira"),
    ("asador", "grill", "churrasqueira"),
    ("quincho", "BBQ area", "área de churrasqueira"),
    ("estacionamiento", "parking", "estacionamento"),
    ("cochera", "parking", "garagem"),
    ("cochera cubierta", "covered parking", "garagem coberta"),
    ("calefaccion", "heating", "aquecimento"),
    ("calefaccion central", "central heating", "aquecimento central"),
    ("calefaccion a lena", "wood heating", "aquecimento a lenha"),
    ("hogar", "fireplace", "lareira"),
    ("hogar a lena", "wood fireplace", "lareira a lenha"),
    ("salamandra", "wood stove", "salamandra"),
    ("chimenea", "fireplace", "lareira"),
    ("pileta", "pool", "piscina"),
    ("piscina", "pool", "piscina"),
    ("pileta climatizada", "heated pool", "piscina aquecida"),
    ("jacuzzi", "jacuzzi", "jacuzzi"),
    ("hidromasaje", "hot tub", "hidromassagem"),
    ("banera de hidromasaje", "hot tub", "banheira de hidromassagem"),
    ("cocina", "kitchen", "cozinha"),
    ("cocina equipada", "equipped kitchen", "cozinha equipada"),
    ("cocina completa", "full kitchen", "cozinha completa"),
    ("aire acondicionado", "air conditioning", "ar-condicionado"),
    ("tv", "TV", "TV"),
    ("smart tv", "smart TV", "smart TV"),
    ("television", "TV", "TV"),
    ("tv satelital", "satellite TV", "TV a cabo"),
    ("ropa de cama", "bed linen", "roupa de cama"),
    ("ropa blanca", "bed linen and towels", "roupa de cama e banho"),
    ("ropa de cama y toallas", "bed linen and towels", "roupa de cama e toalhas"),
    ("toallas", "towels", "toalhas"),
    ("desayuno", "breakfast", "café da manhã"),
    ("desayuno incluido", "breakfast included", "café da manhã incluído"),
    ("lavarropas", "washing machine", "máquina de lavar"),
    ("microondas", "microwave", "micro-ondas"),
    ("heladera", "fridge", "geladeira"),
    ("cafetera", "coffee maker", "cafeteira"),
    ("deck", "deck", "deck"),
    ("jardin", "garden", "jardim"),
    ("vista al lago", "lake view", "vista para o lago"),
    ("vista a la montana", "mountain view", "vista para a montanha"),
    ("cuna", "crib", "berço"),
    ("sauna", "sauna", "sauna"),
    ("gimnasio", "gym", "academia"),
    ("secador de pelo", "hair dryer", "secador de cabelo"),
    ("ropa de cama incluida", "bed linen included", "roupa de cama incluída"),
];

/// The amenity `name` as a guest writing `lang` reads it.
pub fn amenity(lang: Language, name: &str) -> Cow<'_, str> {
    if lang == Language::Es {
        return Cow::Borrowed(name);
    }
    let folded = crate::info::fold(name.trim());
    NAMES
        .iter()
        .find(|(es, _, _)| *es == folded)
        .map_or(Cow::Borrowed(name), |(_, en, pt)| {
            Cow::Borrowed(if lang == Language::En { en } else { pt })
        })
}

/// Every amenity of a list, as [`amenity`] names it.
pub fn amenity_list<S: AsRef<str>>(lang: Language, names: &[S]) -> Vec<Cow<'_, str>> {
    names.iter().map(|n| amenity(lang, n.as_ref())).collect()
}

/// The amenities as [`amenity`] names them, in a sentence's list ("grill, parking and heating").
pub fn amenities_listed<S: AsRef<str>>(lang: Language, names: &[S]) -> String {
    let named = amenity_list(lang, names);
    super::list(lang, &named.iter().map(AsRef::as_ref).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_amenities_are_named_in_the_guests_language_and_others_kept() {
        assert_eq!(amenity(Language::En, "Parrilla"), "grill");
        assert_eq!(
            amenity(Language::Pt, "Calefacción a leña"),
            "aquecimento a lenha"
        );
        assert_eq!(amenity(Language::En, " Pileta climatizada"), "heated pool");
        assert_eq!(amenity(Language::Es, "Parrilla"), "Parrilla");
        assert_eq!(
            amenity(Language::En, "Vista al volcán Lanín"),
            "Vista al volcán Lanín"
        );
        let owner = vec!["WiFi".to_owned(), "Estacionamiento".to_owned()];
        assert_eq!(
            amenity_list(Language::Pt, &owner),
            vec!["WiFi", "estacionamento"]
        );
        assert_eq!(amenities_listed(Language::En, &owner), "WiFi and parking");
    }
}

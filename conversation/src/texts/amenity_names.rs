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

/// The owner's description of a cabin ("Dos dormitorios, jacuzzi y vista a la montaña.") as a
/// guest writing `lang` reads it: in Spanish as the owner wrote it; in English or Portuguese
/// only what can be said in their language: the bedrooms and bathrooms counted ("2 bedrooms"),
/// the features the table above names ("jacuzzi", "wood fireplace"), the view ("a view of the
/// lake"), and nothing of the rest ("ideal para familias"): never Spanish words to them. Empty
/// when nothing of it can be said.
pub fn description_in(lang: Language, description: &str) -> String {
    if lang == Language::Es {
        return description.trim().trim_end_matches('.').to_owned();
    }
    let folded = crate::info::fold(description);
    let mut said: Vec<String> = Vec::new();
    for phrase in folded
        .split(['.', ',', ';', '!', '\n', '(', ')'])
        .flat_map(|p| p.split(" y "))
        .flat_map(|p| p.split(" con "))
    {
        let counted = phrase.trim().strip_prefix("con ").unwrap_or(phrase.trim());
        let phrase = ["con ", "un ", "una ", "el ", "la "]
            .iter()
            .fold(phrase.trim(), |p, lead| p.strip_prefix(lead).unwrap_or(p))
            .trim();
        let thing = rooms_counted(lang, counted)
            .or_else(|| {
                NAMES
                    .iter()
                    .find(|(es, _, _)| *es == phrase)
                    .map(|(_, en, pt)| (if lang == Language::En { *en } else { *pt }).to_owned())
            })
            .or_else(|| {
                phrase
                    .starts_with("vista")
                    .then(|| crate::info::scenery_named(phrase))
                    .flatten()
                    .map(|s| super::scenery_view(lang, s).to_owned())
            });
        if let Some(thing) = thing
            && !said.contains(&thing)
        {
            said.push(thing);
        }
    }
    said.join(", ")
}

/// "Dos dormitorios" as "2 bedrooms" ("2 quartos"); "un baño" as "1 bathroom".
fn rooms_counted(lang: Language, phrase: &str) -> Option<String> {
    let mut words = phrase.split_whitespace();
    let (count, room) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let n: u32 = match count {
        "un" | "una" | "uno" => 1,
        "dos" => 2,
        "tres" => 3,
        "cuatro" => 4,
        "cinco" => 5,
        "seis" => 6,
        n => n.parse().ok()?,
    };
    let (en, pt) = match room.trim_end_matches("es").trim_end_matches('s') {
        "dormitorio" | "habitacion" | "cuarto" => (("bedroom", "bedrooms"), ("quarto", "quartos")),
        "bano" => (("bathroom", "bathrooms"), ("banheiro", "banheiros")),
        _ => return None,
    };
    let (one, many) = if lang == Language::En { en } else { pt };
    Some(format!("{n} {}", if n == 1 { one } else { many }))
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

    #[test]
    fn a_description_is_said_in_the_guests_language_without_spanish_words() {
        let rows = [
            (
                "Dos dormitorios, jacuzzi y vista a la montaña.",
                "2 bedrooms, jacuzzi, mountain view",
                "2 quartos, jacuzzi, vista para a montanha",
            ),
            (
                "Para dos, con hogar a leña y vista al lago.",
                "wood fireplace, lake view",
                "lareira a lenha, vista para o lago",
            ),
            (
                "Dos dormitorios, parrilla y deck con vista al bosque.",
                "2 bedrooms, grill, deck, a view of the forest",
                "2 quartos, churrasqueira, deck, vista para a floresta",
            ),
            (
                "Tres dormitorios, ideal para familias o grupos.",
                "3 bedrooms",
                "3 quartos",
            ),
            (
                "Un dormitorio y un baño",
                "1 bedroom, 1 bathroom",
                "1 quarto, 1 banheiro",
            ),
            ("Ideal para desconectarse", "", ""),
        ];
        for (owner, en, pt) in rows {
            assert_eq!(description_in(Language::En, owner), en, "{owner}");
            assert_eq!(description_in(Language::Pt, owner), pt, "{owner}");
        }
        assert_eq!(
            description_in(Language::Es, "Tres dormitorios, ideal para familias."),
            "Tres dormitorios, ideal para familias"
        );
    }
}

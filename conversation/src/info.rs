//! `ask_info` answers from the accommodations' own data: photos (sent as WhatsApp images),
//! amenities, location, pets, capacity, check-in and check-out times, the cancellation policy
//! (applied to the guest's own reservation by the policy, which knows it), and yes/no questions
//! ("¿tienen pileta?") answered yes or no first, then what there is.
//!
//! Amenities are free text the owner wrote ("Pileta climatizada", "WiFi 300 MB"): a feature is
//! there when one of its words appears in an amenity or in the description ("Dos dormitorios,
//! jacuzzi y vista a la montaña"; not after "sin"), case and accents ignored. Pets come from
//! the accommodation's own flag; children are welcome unless an amenity says "solo adultos";
//! smoking is not allowed unless an amenity says it is.

use booking::Accommodation;
use chrono::{NaiveDate, Timelike};

use crate::{
    Language, Place, Say,
    nlu::{AskedTime, Feature, InfoTopic, PayMethod, Scenery},
    texts,
};

/// The cabins a question is about: the one named, else all.
fn about<'a>(all: &'a [Accommodation], named: Option<&str>) -> Vec<&'a Accommodation> {
    match named.and_then(|n| all.iter().find(|a| a.name == n)) {
        Some(a) => vec![a],
        None => all.iter().collect(),
    }
}

/// A few cabins compared ("¿qué diferencia hay entre la Coihue y la Ñire?"): each one's
/// capacity, pets, description (in the guest's language), amenities and price a night, then an invitation to ask more.
pub fn compared(lang: Language, cabins: &[Accommodation]) -> Say {
    let lines: Vec<(&str, String)> = cabins
        .iter()
        .map(|a| {
            let what = texts::cabin_in_detail(
                lang,
                a.capacity,
                a.pets_allowed,
                &a.description,
                &a.amenities,
            );
            // Its price a night too: "which is cheaper, the Lenga or the Coihue?" is a
            // comparison.
            let what = format!(
                "{what}. {}",
                texts::night_from(lang, a.tariff().base_per_night)
            );
            (a.name.as_str(), what)
        })
        .collect();
    Say::Text(texts::amenities(lang, &lines))
}

/// `public_base_url`: where uploaded photos are served (`<base>/photos/<name>`); `today`: from
/// when seasons count.
pub fn answer(
    lang: Language,
    topic: InfoTopic,
    property: &Place,
    (all, named): (&[Accommodation], Option<&str>),
    (public_base_url, today): (&str, NaiveDate),
) -> Vec<Say> {
    let chosen = about(all, named);
    let text = |t: String| vec![Say::Text(t)];
    match topic {
        InfoTopic::Photos => photos(lang, &chosen, named.is_some(), public_base_url),
        InfoTopic::Amenities => {
            let lines: Vec<(&str, String)> = chosen
                .iter()
                .map(|a| {
                    let what = if a.amenities.is_empty() {
                        texts::description_in(lang, &a.description)
                    } else {
                        texts::amenity_list(lang, &a.amenities).join(", ")
                    };
                    (a.name.as_str(), what)
                })
                .collect();
            text(texts::amenities(lang, &lines))
        }
        InfoTopic::Location => text(texts::location(lang, property.address.as_deref())),
        InfoTopic::Pets => text(pets(lang, all, named)),
        InfoTopic::CheckInTime => text(texts::times(
            lang,
            property.check_in_time,
            property.check_out_time,
        )),
        InfoTopic::Capacity => {
            let lines: Vec<(&str, i32)> = chosen
                .iter()
                .map(|a| (a.name.as_str(), a.capacity))
                .collect();
            text(texts::capacity(lang, &lines))
        }
        InfoTopic::Kids => yes_no(lang, Feature::Kids, property, all, named),
        InfoTopic::Smoking => yes_no(lang, Feature::Smoking, property, all, named),
        InfoTopic::Cancellation => text(texts::cancellation_policy(
            lang,
            &property.cancellation,
            None,
        )),
        InfoTopic::Payment => vec![payment(lang, property, (all, named), (&[], false))],
        InfoTopic::MinimumStay => text(texts::minimum_stay(lang, &season_minimums(&chosen, today))),
        InfoTopic::PriceBasis => text(texts::price_basis(lang).to_owned()),
        InfoTopic::Rooms => {
            let lines: Vec<(&str, &str, i32)> = chosen
                .iter()
                .map(|a| (a.name.as_str(), a.description.as_str(), a.capacity))
                .collect();
            text(texts::rooms(lang, &lines))
        }
        InfoTopic::View => views(lang, (all, named), None),
        InfoTopic::Currency => text(texts::currency(lang).to_owned()),
        InfoTopic::Keys => text(texts::keys(lang, property.check_in_time)),
    }
}

/// What the cabins look out on, from their descriptions ("… y vista al lago"): the cabin
/// named, yes or no first when a view is asked for ("¿la Coihue tiene vista al lago?"), else
/// those with that view, else each one's. No view written anywhere: a person answers.
pub fn views<'a>(
    lang: Language,
    (all, named): (&'a [Accommodation], Option<&str>),
    asked: Option<Scenery>,
) -> Vec<Say> {
    let seen: Vec<(&str, &str)> = all
        .iter()
        .filter_map(|a| Some((a.name.as_str(), view_of(&a.description)?)))
        .collect();
    let shows = |view: &str| asked.is_none_or(|s| looks_out_on(view, s));
    let with: Vec<(&str, &str)> = seen.iter().copied().filter(|(_, v)| shows(v)).collect();
    // Said in the guest's language: "vista al lago" is "a view of the lake" to an English guest.
    let said = |views: Vec<(&'a str, &'a str)>| -> Vec<(&'a str, String)> {
        views
            .into_iter()
            .map(|(n, v)| (n, view_in(lang, v)))
            .collect()
    };
    fn refs<'b>(views: &'b [(&str, String)]) -> Vec<(&'b str, &'b str)> {
        views.iter().map(|(n, v)| (*n, v.as_str())).collect()
    }
    let (seen, with) = (said(seen), said(with));
    let text = match named.and_then(|n| all.iter().find(|a| a.name == n)) {
        Some(a) => match view_of(&a.description) {
            Some(view) if shows(view) => {
                texts::view_of(lang, &a.name, &view_in(lang, view), asked.is_some())
            }
            Some(view) => {
                let elsewhere: Vec<(&str, &str)> = refs(&with)
                    .into_iter()
                    .filter(|(n, _)| *n != a.name)
                    .collect();
                texts::view_not(lang, &a.name, &view_in(lang, view), &elsewhere)
            }
            // No view written for it: not noted, and the cabins that have the one asked for.
            None if asked.is_some() && !with.is_empty() => {
                texts::view_unknown(lang, &a.name, &refs(&with))
            }
            None => texts::has_described(lang, &a.name, false, &a.description),
        },
        None if seen.is_empty() => texts::unanswered(lang).to_owned(),
        None if asked.is_some() && !with.is_empty() => texts::views_with(lang, &refs(&with)),
        None => texts::views(lang, &refs(&seen), asked.is_some()),
    };
    vec![Say::Text(text)]
}

/// A view as the owner wrote it, in the guest's language: in English or Portuguese the one
/// scenery it names ("vista al lago" is "a view of the lake", "vista para o lago"); in Spanish,
/// or naming no one scenery, as written.
fn view_in(lang: Language, view: &str) -> String {
    match (lang, scenery_named(view)) {
        (Language::En | Language::Pt, Some(one)) => texts::scenery_view(lang, one).to_owned(),
        _ => view.to_owned(),
    }
}

/// Whether the cabin's description names this view ("vista al lago" for a lake).
pub(crate) fn has_view(a: &Accommodation, scenery: Scenery) -> bool {
    view_of(&a.description).is_some_and(|v| looks_out_on(v, scenery))
}

/// The one scenery some words name ("forest view", "vista al lago"), if exactly one.
pub(crate) fn scenery_named(words: &str) -> Option<Scenery> {
    let named: Vec<Scenery> = Scenery::ALL
        .into_iter()
        .filter(|s| looks_out_on(words, *s))
        .collect();
    match named.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn looks_out_on(view: &str, scenery: Scenery) -> bool {
    fold(view)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| scenery.words().contains(&w))
}

/// The view a description names: from "vista" to the end of its phrase ("Dos dormitorios,
/// jacuzzi y vista a la montaña." gives "vista a la montaña").
fn view_of(description: &str) -> Option<&str> {
    let at = description
        .find("vista")
        .or_else(|| description.find("Vista"))?;
    let rest = &description[at..];
    let end = [".", ",", ";", "!", "\n", " y ", " and ", " e "]
        .iter()
        .filter_map(|stop| rest.find(stop))
        .min()
        .unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|v| v.len() > "vista".len())
}

/// How a stay is paid, the deposit's share of the cabins asked about, a yes or a no first to
/// each way of paying named ("¿aceptan transferencia?") that the property has said (`deposit`:
/// asked for the deposit).
pub fn payment(
    lang: Language,
    property: &Place,
    (all, named): (&[Accommodation], Option<&str>),
    (ways, deposit): (&[PayMethod], bool),
) -> Say {
    let mut percents: Vec<i64> = about(all, named)
        .iter()
        .map(|a| a.deposit_bp / 100)
        .collect();
    percents.sort_unstable();
    percents.dedup();
    let same = match percents.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let how = texts::how_to_pay(lang, same, property.balance);
    Say::Text(
        match texts::ways_asked(lang, ways, property.balance, deposit) {
            Some(lead) => format!("{lead} {how}"),
            None => how,
        },
    )
}

/// The coming seasons (some night from `today` on) that ask more than one night, each once
/// with the cabins it applies to (none named when it is all of `chosen`).
fn season_minimums<'a>(
    chosen: &[&'a Accommodation],
    today: NaiveDate,
) -> Vec<texts::SeasonMinimum<'a>> {
    let mut out: Vec<texts::SeasonMinimum<'a>> = Vec::new();
    for a in chosen {
        for s in a
            .seasons
            .iter()
            .filter(|s| s.min_nights > 1 && s.last_night >= today)
        {
            let same = out.iter_mut().find(|m| {
                m.season == s.name
                    && m.first_night == s.first_night
                    && m.last_night == s.last_night
                    && m.min_nights == s.min_nights
            });
            match same {
                Some(m) => m.cabins.push(&a.name),
                None => out.push(texts::SeasonMinimum {
                    season: &s.name,
                    first_night: s.first_night,
                    last_night: s.last_night,
                    min_nights: s.min_nights,
                    cabins: vec![&a.name],
                }),
            }
        }
    }
    for m in &mut out {
        if m.cabins.len() == chosen.len() {
            m.cabins.clear();
        }
    }
    out.sort_by_key(|m| m.first_night);
    out
}

/// Whether pets come along: for the cabin named, or for all. A named cabin that takes none is
/// a no for it, with the ones that do.
fn pets(lang: Language, all: &[Accommodation], named: Option<&str>) -> String {
    let chosen = about(all, named);
    let (yes, no) = pets_split(&chosen);
    if let ([], [one]) = (yes.as_slice(), no.as_slice())
        && named.is_some()
    {
        let others: Vec<&str> = all
            .iter()
            .filter(|a| a.pets_allowed)
            .map(|a| a.name.as_str())
            .collect();
        if !others.is_empty() {
            return texts::pets_named_no(lang, one, &others);
        }
    }
    texts::pets(lang, &yes, &no)
}

/// Names of the cabins that take pets, and of those that do not.
pub fn pets_split<'a>(chosen: &[&'a Accommodation]) -> (Vec<&'a str>, Vec<&'a str>) {
    let yes = chosen
        .iter()
        .filter(|a| a.pets_allowed)
        .map(|a| a.name.as_str())
        .collect();
    let no = chosen
        .iter()
        .filter(|a| !a.pets_allowed)
        .map(|a| a.name.as_str())
        .collect();
    (yes, no)
}

/// "¿Tienen pileta?": yes (and where) or no (and what there is).
pub fn yes_no(
    lang: Language,
    feature: Feature,
    property: &Place,
    all: &[Accommodation],
    named: Option<&str>,
) -> Vec<Say> {
    yes_no_at(lang, (feature, None), property, (all, named), None)
}

/// [`yes_no`], with the hour (or "late", "early") a check-in or check-out question asks about:
/// "¿puedo llegar a las 22?" is answered yes or no against the property's times first.
/// `word`: what the guest called the feature, said back.
pub fn yes_no_at(
    lang: Language,
    (feature, word): (Feature, Option<&str>),
    property: &Place,
    (all, named): (&[Accommodation], Option<&str>),
    asked: Option<AskedTime>,
) -> Vec<Say> {
    let chosen = about(all, named);
    let text = match feature {
        Feature::CheckIn | Feature::CheckOut => {
            let (arrive, leave) = (
                property.check_in_time.hour(),
                property.check_out_time.hour(),
            );
            // Arriving from the check-in hour on is fine, leaving by the check-out hour too.
            let verdict = match (feature, asked) {
                (Feature::CheckIn, Some(AskedTime::At(h))) => Some(h >= arrive),
                (Feature::CheckIn, Some(AskedTime::Late)) => Some(true),
                (Feature::CheckOut, Some(AskedTime::At(h))) => Some(h <= leave),
                _ => None,
            };
            // Early, or at an hour before the check-in: that it depends on the cabin being ready.
            let early = feature == Feature::CheckIn
                && match asked {
                    Some(AskedTime::Early) => true,
                    Some(AskedTime::At(h)) => h < arrive,
                    _ => false,
                };
            let times = if early {
                texts::early_check_in(lang, property.check_in_time, property.check_out_time)
            } else {
                texts::time_of(
                    lang,
                    feature,
                    property.check_in_time,
                    property.check_out_time,
                )
            };
            match verdict {
                Some(false) if early => format!("{}{times}", texts::early_verdict(lang)),
                Some(yes) => format!("{}{times}", texts::time_verdict(lang, yes)),
                None => times,
            }
        }
        Feature::Pets => pets(lang, all, named),
        _ => {
            let with: Vec<&str> = chosen
                .iter()
                .filter(|a| has(a, feature))
                .map(|a| a.name.as_str())
                .collect();
            // A kitchen, bed linen: nearly every cabin has them, so a list that does not name
            // them is no "no" (the owner may not have written it down).
            if with.is_empty() && matches!(feature, Feature::Kitchen | Feature::Linens) {
                let named = (chosen.len() == 1 && named.is_some()).then(|| chosen[0].name.as_str());
                return vec![Say::Text(texts::feature_not_noted(
                    lang,
                    (feature, word),
                    named,
                ))];
            }
            if with.is_empty() {
                let have = what_there_is(chosen.iter().copied());
                let named = (chosen.len() == 1 && named.is_some()).then(|| chosen[0].name.as_str());
                // "¿la Arrayán tiene jacuzzi?": not that one, but the guest may want the one
                // that has it, so say which.
                let elsewhere: Vec<&str> = all
                    .iter()
                    .filter(|a| named.is_some() && has(a, feature))
                    .map(|a| a.name.as_str())
                    .collect();
                if elsewhere.is_empty() {
                    texts::feature_no(lang, (feature, word), named, &have)
                } else {
                    texts::feature_elsewhere(lang, (feature, word), named, &elsewhere)
                }
            } else {
                let everywhere =
                    with.len() == chosen.len() && (chosen.len() > 1 || named.is_none());
                texts::feature_yes(lang, (feature, word), &with, everywhere)
            }
        }
    };
    vec![Say::Text(text)]
}

/// The amenities the cabins have, each once (case and accents aside), at most six: what
/// there is, said beside a "no".
pub(crate) fn what_there_is<'a>(
    cabins: impl IntoIterator<Item = &'a Accommodation>,
) -> Vec<&'a str> {
    let mut have: Vec<&str> = Vec::new();
    for a in cabins {
        for am in &a.amenities {
            if !have.iter().any(|h| fold(h) == fold(am)) {
                have.push(am);
            }
        }
    }
    have.truncate(6);
    have
}

/// Words of an amenity that show each feature.
fn words(feature: Feature) -> &'static [&'static str] {
    match feature {
        Feature::Pool => &["pileta", "piscina", "pool"],
        Feature::Wifi => &["wifi", "wi-fi", "wi fi", "internet"],
        Feature::Parking => &["cochera", "estacionamiento", "garage", "garaje", "parking"],
        Feature::Grill => &[
            "parrilla",
            "asador",
            "quincho",
            "grill",
            "bbq",
            "churrasqueira",
        ],
        Feature::Heating => &[
            "calefaccion",
            "estufa",
            "salamandra",
            "hogar",
            "losa radiante",
            "calefactor",
            "heating",
        ],
        Feature::AirConditioning => &["aire acondicionado", "aire", "a/c", "split"],
        Feature::Jacuzzi => &["jacuzzi", "hidromasaje"],
        Feature::Breakfast => &["desayuno", "breakfast"],
        Feature::Kitchen => &["cocina", "kitchenette", "anafe", "kitchen"],
        Feature::Tv => &["tv", "tele", "television", "netflix", "directv", "cable"],
        Feature::Linens => &["ropa de cama", "sabanas", "toallas", "blanqueria"],
        Feature::Laundry => &["lavarropas", "lavadero", "laundry"],
        Feature::Crib => &["cuna", "practicuna", "crib", "berco"],
        Feature::Sauna => &["sauna", "spa"],
        Feature::Gym => &["gimnasio", "gym", "academia"],
        Feature::Fireplace => &[
            "hogar",
            "chimenea",
            "salamandra",
            "lena",
            "fogon",
            "fireplace",
            "lareira",
        ],
        Feature::Smoking => &["fumadores", "se puede fumar", "smoking"],
        Feature::Kids => &["ninos", "chicos", "familias"],
        Feature::Pets | Feature::CheckIn | Feature::CheckOut => &[],
    }
}

/// Whether the accommodation's data shows the feature.
pub fn has(a: &Accommodation, feature: Feature) -> bool {
    let amenities: Vec<String> = a.amenities.iter().map(|s| fold(s)).collect();
    let mentions = |w: &str| amenities.iter().any(|am| am.contains(w));
    match feature {
        Feature::Pets => a.pets_allowed,
        Feature::Kids => ![
            "solo adultos",
            "adults only",
            "no se aceptan ninos",
            "sin ninos",
        ]
        .iter()
        .any(|w| mentions(w)),
        Feature::Smoking => words(feature).iter().any(|w| mentions(w)) && !mentions("no fumadores"),
        // "aire" alone is too loose for free text ("al aire libre").
        Feature::AirConditioning => words(feature).iter().any(|w| mentions(w)),
        _ => {
            words(feature).iter().any(|w| mentions(w))
                || words(feature)
                    .iter()
                    .any(|w| described(&fold(&a.description), w))
        }
    }
}

/// The cabin's description shows these words ("la que tiene vista al lago"), not denied.
/// The words asked of a cabin are in its description or one of its amenities.
pub(crate) fn has_words(a: &Accommodation, words: &str) -> bool {
    let folded = fold(words);
    // "2 dormitorios" as the owner writes it: "dos dormitorios".
    let spelled = folded
        .split_whitespace()
        .map(|w| match w {
            "1" => "un",
            "2" => "dos",
            "3" => "tres",
            "4" => "cuatro",
            "5" => "cinco",
            "6" => "seis",
            // "¿Tiene 3 habitaciones?" as the owner writes it: "tres dormitorios".
            "habitaciones" | "cuartos" | "piezas" | "quartos" => "dormitorios",
            "habitacion" | "cuarto" | "pieza" | "quarto" => "dormitorio",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ");
    [folded, spelled].iter().any(|words| {
        describes(a, words) || a.amenities.iter().any(|am| described(&fold(am), words))
    })
}

pub(crate) fn describes(a: &Accommodation, words: &str) -> bool {
    !words.is_empty() && described(&fold(&a.description), words)
}

/// The owner's description shows the word, not denied ("jacuzzi y vista a la montaña", not
/// "sin parrilla").
fn described(description: &str, word: &str) -> bool {
    description.match_indices(word).any(|(at, _)| {
        let before: Vec<&str> = description[..at].split_whitespace().rev().take(2).collect();
        let starts_a_word = description[..at]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        starts_a_word
            && !before
                .iter()
                .any(|w| matches!(*w, "sin" | "no" | "without"))
    })
}

/// Lowercase with the Spanish accents removed.
pub(crate) fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            _ => c,
        })
        .collect()
}

/// At most this many images answer one question.
const MAX_IMAGES: usize = 3;

/// A cabin's photo links, main first: the uploaded ones (served at `<base>/photos/<name>`),
/// then the addresses the owner typed.
fn links<'a>(a: &'a Accommodation, base: &'a str) -> impl Iterator<Item = String> + 'a {
    let base = base.trim_end_matches('/');
    a.uploaded_photos
        .iter()
        .map(move |name| format!("{base}/photos/{name}"))
        .chain(a.photos.iter().cloned())
}

/// Images of the cabins asked about: a cabin the guest named gets up to [`MAX_IMAGES`] of its
/// own; otherwise each cabin's main photo, [`MAX_IMAGES`] cabins at most. The first image of a
/// cabin carries its name and description. Words when none has any photo.
fn photos(lang: Language, chosen: &[&Accommodation], named: bool, base: &str) -> Vec<Say> {
    let per_cabin = if named && chosen.len() == 1 {
        MAX_IMAGES
    } else {
        1
    };
    let images: Vec<Say> = chosen
        .iter()
        .flat_map(|a| {
            links(a, base)
                .take(per_cabin)
                .enumerate()
                .map(|(i, link)| Say::Image {
                    link,
                    caption: if i == 0 {
                        format!(
                            "{}: {}",
                            a.name,
                            texts::description_in(lang, &a.description)
                        )
                    } else {
                        a.name.clone()
                    },
                })
        })
        .take(MAX_IMAGES)
        .collect();
    if !images.is_empty() {
        return images;
    }
    let described = chosen
        .iter()
        .map(|a| match lang {
            // In Spanish the owner's own words; else what can be said in the guest's language,
            // with how many it sleeps.
            Language::Es => format!("• {}: {}", a.name, a.description),
            _ => format!(
                "• {}: {}",
                a.name,
                texts::cabin_in_detail(
                    lang,
                    a.capacity,
                    a.pets_allowed,
                    &a.description,
                    &a.amenities
                )
            ),
        })
        .collect::<Vec<_>>()
        .join("\n");
    vec![Say::Text(texts::no_photos(lang, &described))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cabin(name: &str, uploaded: &[&str], typed: &[&str]) -> Accommodation {
        Accommodation {
            id: 1,
            property_id: 1,
            name: name.into(),
            description: "junto al lago".into(),
            capacity: 4,
            base_cents: 1,
            weekend_bp: 10_000,
            deposit_bp: 3_000,
            photos: typed.iter().map(|p| (*p).to_owned()).collect(),
            uploaded_photos: uploaded.iter().map(|p| (*p).to_owned()).collect(),
            seasons: vec![],
            amenities: vec![],
            pets_allowed: false,
        }
    }

    fn links(says: &[Say]) -> Vec<&str> {
        says.iter()
            .filter_map(|s| match s {
                Say::Image { link, .. } => Some(link.as_str()),
                Say::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_named_cabin_sends_its_uploaded_photos_first_as_public_links() {
        let a = cabin(
            "Lenga",
            &["ab12.png", "cd34.jpg"],
            &["https://fotos.test/1.jpg", "https://fotos.test/2.jpg"],
        );
        let b = cabin("Coihue", &["ef56.jpg"], &[]);
        let place = Place {
            address: None,
            check_in_time: chrono::NaiveTime::MIN,
            check_out_time: chrono::NaiveTime::MIN,
            cancellation: booking::CancellationPolicy::new(15, 0, 0).unwrap(),
            balance: crate::BalanceMethods::default(),
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let all = [a, b];
        let named = answer(
            Language::Es,
            InfoTopic::Photos,
            &place,
            (&all, Some("Lenga")),
            ("https://r.test/", day),
        );
        assert_eq!(
            links(&named),
            [
                "https://r.test/photos/ab12.png",
                "https://r.test/photos/cd34.jpg",
                "https://fotos.test/1.jpg"
            ]
        );
        let every = answer(
            Language::Es,
            InfoTopic::Photos,
            &place,
            (&all, None),
            ("https://r.test", day),
        );
        assert_eq!(
            links(&every),
            [
                "https://r.test/photos/ab12.png",
                "https://r.test/photos/ef56.jpg"
            ]
        );
        let only = [all[0].clone()];
        let unnamed = answer(
            Language::Es,
            InfoTopic::Photos,
            &place,
            (&only, None),
            ("https://r.test", day),
        );
        assert_eq!(
            links(&unnamed),
            ["https://r.test/photos/ab12.png"],
            "the main photo only"
        );
        let none = [cabin("Lenga", &[], &[])];
        let words = answer(
            Language::Es,
            InfoTopic::Photos,
            &place,
            (&none, None),
            ("https://r.test", day),
        );
        assert!(links(&words).is_empty() && words.len() == 1);
    }
}

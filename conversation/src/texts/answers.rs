//! Answers about the place, from its data: amenities, location, pets, times, capacity, and
//! yes/no questions answered yes or no first.

use chrono::{NaiveDate, NaiveTime};

use super::list;
use crate::{
    Language,
    nlu::{Feature, Scenery},
};

fn more(lang: Language) -> &'static str {
    match lang {
        Language::Es => "¿Querés saber algo más? 😊",
        Language::En => "Anything else you'd like to know? 😊",
        Language::Pt => "Quer saber mais alguma coisa? 😊",
    }
}

/// "• Cabaña Lenga: wifi, parrilla" lines, then an invitation to ask more.
pub fn amenities(lang: Language, lines: &[(&str, String)]) -> String {
    let body: Vec<String> = lines
        .iter()
        .map(|(n, what)| format!("• {n}: {what}"))
        .collect();
    format!("{}\n{}", body.join("\n"), more(lang))
}

/// What one cabin is, for a guest comparing a few: "hasta 4 personas, acepta mascotas. Dos
/// dormitorios, jacuzzi… (WiFi, Parrilla)".
pub fn cabin_in_detail(
    lang: Language,
    capacity: i32,
    pets: bool,
    description: &str,
    amenities: &[String],
) -> String {
    let who = match (lang, pets) {
        (Language::Es, true) => format!("hasta {capacity} personas, acepta mascotas"),
        (Language::Es, false) => format!("hasta {capacity} personas, sin mascotas"),
        (Language::En, true) => format!("up to {capacity} guests, pets welcome"),
        (Language::En, false) => format!("up to {capacity} guests, no pets"),
        (Language::Pt, true) => format!("até {capacity} pessoas, aceita pets"),
        (Language::Pt, false) => format!("até {capacity} pessoas, sem pets"),
    };
    let mut out = who;
    let said = super::description_in(lang, description);
    if !said.is_empty() {
        out.push_str(". ");
        out.push_str(&sentence(&said));
    }
    if !amenities.is_empty() {
        out.push_str(&format!(
            " ({})",
            super::amenity_list(lang, amenities).join(", ")
        ));
    }
    out
}

pub fn location(lang: Language, address: Option<&str>) -> String {
    match (lang, address) {
        (Language::Es, Some(a)) => format!("Estamos en {a} 📍 ¿Querés que te pase cómo llegar?"),
        (Language::Es, None) => {
            "Te pasamos la ubicación exacta apenas confirmes la reserva 📍".to_owned()
        }
        (Language::En, Some(a)) => format!("We're at {a} 📍 Would you like directions?"),
        (Language::En, None) => {
            "We'll send you the exact location as soon as your booking is confirmed 📍".to_owned()
        }
        (Language::Pt, Some(a)) => format!("Estamos em {a} 📍 Quer que eu te passe como chegar?"),
        (Language::Pt, None) => {
            "Passamos a localização exata assim que a reserva for confirmada 📍".to_owned()
        }
    }
}

/// Pets, for the cabins asked about.
pub fn pets(lang: Language, yes: &[&str], no: &[&str]) -> String {
    let (y, n) = (list(lang, yes), list(lang, no));
    match (lang, yes.is_empty(), no.is_empty()) {
        (Language::Es, false, true) => format!("¡Sí! Tu mascota es bienvenida 🐶 ({y})"),
        (Language::Es, true, _) => "No, por ahora no aceptamos mascotas 😕".to_owned(),
        (Language::Es, false, false) => format!("¡Sí! En {y} aceptamos mascotas 🐶; en {n}, no."),
        (Language::En, false, true) => format!("Yes! Your pet is welcome 🐶 ({y})"),
        (Language::En, true, _) => "No, we don't accept pets for now 😕".to_owned(),
        (Language::En, false, false) => format!("Yes! Pets are welcome at {y} 🐶; not at {n}."),
        (Language::Pt, false, true) => format!("Sim! Seu pet é bem-vindo 🐶 ({y})"),
        (Language::Pt, true, _) => "Não, por enquanto não aceitamos pets 😕".to_owned(),
        (Language::Pt, false, false) => format!("Sim! Em {y} aceitamos pets 🐶; em {n}, não."),
    }
}

/// "¿Entramos 5 en la Coihue?": yes, or no and which cabins fit.
pub fn fits(lang: Language, name: &str, capacity: i32, guests: u16, others: &[&str]) -> String {
    if i32::from(guests) > capacity {
        let no = match lang {
            Language::Es | Language::En => "No",
            Language::Pt => "Não",
        };
        return format!("{no}, {}", too_small(lang, name, capacity, guests, others));
    }
    match lang {
        Language::Es => format!("¡Sí! {name} es para hasta {capacity} personas, así que entran 👍"),
        Language::En => format!("Yes! {name} sleeps up to {capacity} people, so you'll fit 👍"),
        Language::Pt => format!("Sim! {name} é para até {capacity} pessoas, então cabem 👍"),
    }
}

/// "And the Arrayán?" after a price, the party larger than it: a word of warning after its
/// price, how many it sleeps and which cabins fit.
pub fn mind_too_small(
    lang: Language,
    name: &str,
    capacity: i32,
    guests: u16,
    others: &[&str],
) -> String {
    let mind = match lang {
        Language::Es => "Ojo",
        Language::En => "Mind you",
        Language::Pt => "Atenção",
    };
    format!(
        "{mind}: {}",
        too_small(lang, name, capacity, guests, others)
    )
}

/// How many a cabin too small for the party sleeps, and which cabins fit them (or two
/// together, when none alone does).
fn too_small(lang: Language, name: &str, capacity: i32, guests: u16, others: &[&str]) -> String {
    let o = list(lang, others);
    match (lang, others.is_empty()) {
        (Language::Es, false) => {
            format!("{name} es para hasta {capacity} personas 😕 Para {guests} te queda bien {o}.")
        }
        (Language::Es, true) => format!(
            "{name} es para hasta {capacity} personas 😕 Para {guests} podemos darles dos cabañas juntas."
        ),
        (Language::En, false) => {
            format!("{name} sleeps up to {capacity} people 😕 For {guests}, {o} would work.")
        }
        (Language::En, true) => format!(
            "{name} sleeps up to {capacity} people 😕 For {guests} we can give you two cabins together."
        ),
        (Language::Pt, false) => {
            format!("{name} é para até {capacity} pessoas 😕 Para {guests}, {o} serve.")
        }
        (Language::Pt, true) => format!(
            "{name} é para até {capacity} pessoas 😕 Para {guests} podemos dar dois chalés juntos."
        ),
    }
}

/// The cabin asked about takes no pets, but others do: no for that one, and which do.
pub fn pets_named_no(lang: Language, name: &str, others: &[&str]) -> String {
    let o = list(lang, others);
    match lang {
        Language::Es => format!("No, {name} no acepta mascotas 😕 Las que sí: {o} 🐶"),
        Language::En => format!("No, {name} doesn't allow pets 😕 These do: {o} 🐶"),
        Language::Pt => format!("Não, {name} não aceita pets 😕 Os que aceitam: {o} 🐶"),
    }
}

pub fn times(lang: Language, check_in: NaiveTime, check_out: NaiveTime) -> String {
    let (i, o) = (check_in.format("%H:%M"), check_out.format("%H:%M"));
    match lang {
        Language::Es => {
            format!("El check-in es a partir de las {i} y el check-out hasta las {o} 🕑")
        }
        Language::En => format!("Check-in is from {i} and check-out is by {o} 🕑"),
        Language::Pt => format!("O check-in é a partir das {i} e o check-out até as {o} 🕑"),
    }
}

/// A yes/no question about a time: the time first.
/// Yes or no before the times, to "¿puedo llegar a las 22?", "can we check out at 12?".
pub fn time_verdict(lang: Language, yes: bool) -> &'static str {
    match (lang, yes) {
        (Language::Es, true) => "¡Sí! ",
        (Language::Es, false) => "No, a esa hora no 😕 ",
        (Language::En, true) => "Yes! ",
        (Language::En, false) => "Not at that time, sorry 😕 ",
        (Language::Pt, true) => "Sim! ",
        (Language::Pt, false) => "Não nesse horário 😕 ",
    }
}

/// "¿Puedo llegar a las 10?" before the check-in hour: not as a rule, and why it may be.
pub fn early_verdict(lang: Language) -> &'static str {
    match lang {
        Language::Es => "Normalmente a esa hora todavía no 😕 ",
        Language::En => "Usually not that early, sorry 😕 ",
        Language::Pt => "Normalmente nesse horário ainda não 😕 ",
    }
}

pub fn time_of(
    lang: Language,
    feature: Feature,
    check_in: NaiveTime,
    check_out: NaiveTime,
) -> String {
    let (i, o) = (check_in.format("%H:%M"), check_out.format("%H:%M"));
    match (lang, feature) {
        (Language::Es, Feature::CheckOut) => format!(
            "El check-out es hasta las {o} 🕑 (el check-in, desde las {i}). Si necesitás salir más tarde, consultanos y vemos."
        ),
        (Language::Es, _) => format!(
            "El check-in es a partir de las {i} 🕑 (el check-out, hasta las {o}). Si llegás más tarde no hay problema, avisanos."
        ),
        (Language::En, Feature::CheckOut) => format!(
            "Check-out is by {o} 🕑 (check-in from {i}). If you need a late check-out, ask us and we'll see."
        ),
        (Language::En, _) => format!(
            "Check-in is from {i} 🕑 (check-out by {o}). Arriving later is fine, just let us know."
        ),
        (Language::Pt, Feature::CheckOut) => format!(
            "O check-out é até as {o} 🕑 (o check-in, a partir das {i}). Se precisar sair mais tarde, consulte a gente."
        ),
        (Language::Pt, _) => format!(
            "O check-in é a partir das {i} 🕑 (o check-out, até as {o}). Se chegar mais tarde não tem problema, é só avisar."
        ),
    }
}

/// "¿Podemos entrar más temprano?": the check-in hour, and that earlier depends on the day.
pub fn early_check_in(lang: Language, check_in: NaiveTime, check_out: NaiveTime) -> String {
    let (i, o) = (check_in.format("%H:%M"), check_out.format("%H:%M"));
    match lang {
        Language::Es => format!(
            "El check-in es a partir de las {i} 🕑 (el check-out, hasta las {o}). Entrar antes depende de si la cabaña queda libre la noche anterior: avisanos a qué hora llegan y te confirmamos ese día."
        ),
        Language::En => format!(
            "Check-in is from {i} 🕑 (check-out by {o}). An earlier check-in depends on whether the cabin is free the night before: tell us when you arrive and we'll confirm on the day."
        ),
        Language::Pt => format!(
            "O check-in é a partir das {i} 🕑 (o check-out, até as {o}). Entrar antes depende de o chalé estar livre na noite anterior: avise a que horas vocês chegam e confirmamos no dia."
        ),
    }
}

pub fn capacity(lang: Language, lines: &[(&str, i32)]) -> String {
    let body: Vec<String> = lines
        .iter()
        .map(|(n, c)| match lang {
            Language::Es => format!("• {n}: hasta {c} personas"),
            Language::En => format!("• {n}: up to {c} people"),
            Language::Pt => format!("• {n}: até {c} pessoas"),
        })
        .collect();
    // Every cabin listed: how many they host together ("¿cuántos entran como máximo?").
    let whole: i32 = lines.iter().map(|(_, c)| c).sum();
    let together = match lang {
        _ if lines.len() < 2 => String::new(),
        Language::Es => format!("\nEntre todas, hasta {whole} personas."),
        Language::En => format!("\nAll together, up to {whole} people."),
        Language::Pt => format!("\nTodos juntos, até {whole} pessoas."),
    };
    format!("{}{together}\n{}", body.join("\n"), more(lang))
}

/// How each cabin's rooms are laid out: its own description (as the property wrote it) and how
/// many it sleeps.
pub fn rooms(lang: Language, lines: &[(&str, &str, i32)]) -> String {
    let body: Vec<String> = lines
        .iter()
        .map(|(n, d, c)| {
            let d = sentence(&super::description_in(lang, d));
            let d = if d.is_empty() { d } else { format!(" {d}.") };
            match lang {
                Language::Es => format!("• {n}:{d} Hasta {c} personas."),
                Language::En => format!("• {n}:{d} Sleeps up to {c}."),
                Language::Pt => format!("• {n}:{d} Até {c} pessoas."),
            }
        })
        .collect();
    format!("{}\n{}", body.join("\n"), more(lang))
}

pub fn no_photos(lang: Language, described: &str) -> String {
    match lang {
        Language::Es => {
            format!("Todavía no tengo fotos para mandarte 🙈 Te cuento cómo son:\n{described}")
        }
        Language::En => {
            format!("I don't have photos to send you yet 🙈 Here's what they're like:\n{described}")
        }
        Language::Pt => {
            format!("Ainda não tenho fotos para te mandar 🙈 Te conto como são:\n{described}")
        }
    }
}

/// The feature as a guest names it.
pub fn feature_name(lang: Language, f: Feature) -> &'static str {
    match (lang, f) {
        (Language::Es, Feature::Pool) => "pileta",
        (Language::Es, Feature::Wifi) => "wifi",
        (Language::Es, Feature::Parking) => "estacionamiento",
        (Language::Es, Feature::Grill) => "parrilla",
        (Language::Es, Feature::Heating) => "calefacción",
        (Language::Es, Feature::AirConditioning) => "aire acondicionado",
        (Language::Es, Feature::Jacuzzi) => "jacuzzi",
        (Language::Es, Feature::Breakfast) => "desayuno",
        (Language::Es, Feature::Kitchen) => "cocina",
        (Language::Es, Feature::Tv) => "tele",
        (Language::Es, Feature::Linens) => "ropa de cama y toallas",
        (Language::Es, Feature::Laundry) => "lavarropas",
        (Language::Es, Feature::Crib) => "cuna",
        (Language::Es, Feature::Sauna) => "sauna",
        (Language::Es, Feature::Gym) => "gimnasio",
        (Language::Es, Feature::Fireplace) => "hogar a leña",
        (Language::Es, Feature::Smoking) => "lugar para fumar",
        (Language::Es, Feature::Kids) => "chicos",
        (Language::Es, Feature::Pets) => "mascotas",
        (Language::Es, Feature::CheckIn) => "check-in",
        (Language::Es, Feature::CheckOut) => "check-out",
        (Language::En, Feature::Pool) => "a pool",
        (Language::En, Feature::Wifi) => "wifi",
        (Language::En, Feature::Parking) => "parking",
        (Language::En, Feature::Grill) => "a grill",
        (Language::En, Feature::Heating) => "heating",
        (Language::En, Feature::AirConditioning) => "air conditioning",
        (Language::En, Feature::Jacuzzi) => "a jacuzzi",
        (Language::En, Feature::Breakfast) => "breakfast",
        (Language::En, Feature::Kitchen) => "a kitchen",
        (Language::En, Feature::Tv) => "a TV",
        (Language::En, Feature::Linens) => "bed linen and towels",
        (Language::En, Feature::Laundry) => "a washing machine",
        (Language::En, Feature::Crib) => "a crib",
        (Language::En, Feature::Sauna) => "a sauna",
        (Language::En, Feature::Gym) => "a gym",
        (Language::En, Feature::Fireplace) => "a wood fireplace",
        (Language::En, Feature::Smoking) => "a smoking area",
        (Language::En, Feature::Kids) => "children",
        (Language::En, Feature::Pets) => "pets",
        (Language::En, Feature::CheckIn) => "check-in",
        (Language::En, Feature::CheckOut) => "check-out",
        (Language::Pt, Feature::Pool) => "piscina",
        (Language::Pt, Feature::Wifi) => "wi-fi",
        (Language::Pt, Feature::Parking) => "estacionamento",
        (Language::Pt, Feature::Grill) => "churrasqueira",
        (Language::Pt, Feature::Heating) => "aquecimento",
        (Language::Pt, Feature::AirConditioning) => "ar-condicionado",
        (Language::Pt, Feature::Jacuzzi) => "hidromassagem",
        (Language::Pt, Feature::Breakfast) => "café da manhã",
        (Language::Pt, Feature::Kitchen) => "cozinha",
        (Language::Pt, Feature::Tv) => "TV",
        (Language::Pt, Feature::Linens) => "roupa de cama e toalhas",
        (Language::Pt, Feature::Laundry) => "máquina de lavar",
        (Language::Pt, Feature::Crib) => "berço",
        (Language::Pt, Feature::Sauna) => "sauna",
        (Language::Pt, Feature::Gym) => "academia",
        (Language::Pt, Feature::Fireplace) => "lareira a lenha",
        (Language::Pt, Feature::Smoking) => "área para fumantes",
        (Language::Pt, Feature::Kids) => "crianças",
        (Language::Pt, Feature::Pets) => "pets",
        (Language::Pt, Feature::CheckIn) => "check-in",
        (Language::Pt, Feature::CheckOut) => "check-out",
    }
}

/// The feature as the guest called it (`word`, when they did), else as a guest names it.
fn called(lang: Language, f: Feature, word: Option<&str>) -> &str {
    word.unwrap_or_else(|| feature_name(lang, f))
}

/// Yes: which cabins have it (all of them when `everywhere`); `word`, what the guest called
/// it.
pub fn feature_yes(
    lang: Language,
    (f, word): (Feature, Option<&str>),
    names: &[&str],
    everywhere: bool,
) -> String {
    let what = called(lang, f, word);
    let where_ = list(lang, names);
    let many = names.len() > 1;
    let (tiene, has, tem) = if many {
        ("tienen", "have", "têm")
    } else {
        ("tiene", "has", "tem")
    };
    match (lang, f, everywhere) {
        (Language::Es, Feature::Kids, _) => "¡Sí! Los chicos son bienvenidos 👨‍👩‍👧 Contame cuántos vienen así te digo qué cabaña les queda mejor.".to_owned(),
        (Language::En, Feature::Kids, _) => "Yes! Children are welcome 👨‍👩‍👧 Tell me how many are coming and I'll tell you which cabin suits you best.".to_owned(),
        (Language::Pt, Feature::Kids, _) => "Sim! Crianças são bem-vindas 👨‍👩‍👧 Me conta quantas vêm que te digo qual chalé fica melhor.".to_owned(),
        // Every cabin has it: said so ("¿cuál tiene parrilla?" is answered too).
        (Language::Es, _, true) if many => format!("¡Sí! Todas las cabañas tienen {what} ✅"),
        (Language::Es, _, true) => format!("¡Sí! Tenemos {what} ✅"),
        (Language::Es, _, false) => format!("¡Sí! {where_} {tiene} {what} ✅"),
        (Language::En, _, true) if many => format!("Yes! All our cabins have {what} ✅"),
        (Language::En, _, true) => format!("Yes! We have {what} ✅"),
        (Language::En, _, false) => format!("Yes! {where_} {has} {what} ✅"),
        (Language::Pt, _, true) if many => format!("Sim! Todos os chalés têm {what} ✅"),
        (Language::Pt, _, true) => format!("Sim! Temos {what} ✅"),
        (Language::Pt, _, false) => format!("Sim! {where_} {tem} {what} ✅"),
    }
}

/// A kitchen or bed linen the owner's list does not name: not said no, asked to the team.
pub fn feature_not_noted(
    lang: Language,
    (f, word): (Feature, Option<&str>),
    named: Option<&str>,
) -> String {
    let what = called(lang, f, word);
    match (lang, named) {
        (Language::Es, Some(n)) => format!(
            "No tengo anotado si {n} tiene {what} 🤔 Si querés, le pregunto a alguien del equipo y te confirma por acá."
        ),
        (Language::Es, None) => format!(
            "No tengo anotado lo de {what} 🤔 Si querés, le pregunto a alguien del equipo y te confirma por acá."
        ),
        (Language::En, Some(n)) => format!(
            "I don't have it noted whether {n} has {what} 🤔 If you like, I'll ask someone from the team to confirm here."
        ),
        (Language::En, None) => format!(
            "I don't have {what} noted 🤔 If you like, I'll ask someone from the team to confirm here."
        ),
        (Language::Pt, Some(n)) => format!(
            "Não tenho anotado se {n} tem {what} 🤔 Se quiser, pergunto para alguém da equipe e te confirmo por aqui."
        ),
        (Language::Pt, None) => format!(
            "Não tenho anotado sobre {what} 🤔 Se quiser, pergunto para alguém da equipe e te confirmo por aqui."
        ),
    }
}

/// No for the cabin asked about, and which have it ("No, Cabaña Arrayán no tiene hidromasaje
/// 😕 Cabaña Ñire sí tiene hidromasaje 🙌").
pub fn feature_elsewhere(
    lang: Language,
    (f, word): (Feature, Option<&str>),
    named: Option<&str>,
    elsewhere: &[&str],
) -> String {
    let no = feature_no(lang, (f, word), named, &[]);
    let what = called(lang, f, word);
    let there = list(lang, elsewhere);
    let many = elsewhere.len() > 1;
    match lang {
        Language::Es => format!(
            "{no} {there} sí {} {what} 🙌",
            if many { "tienen" } else { "tiene" }
        ),
        Language::En => format!(
            "{no} {there} {} {what} 🙌",
            if many { "have" } else { "has" }
        ),
        Language::Pt => format!(
            "{no} {there} {} {what} 🙌",
            if many { "têm" } else { "tem" }
        ),
    }
}

/// No, and what there is instead (`have` lists the amenities there are).
pub fn feature_no(
    lang: Language,
    (f, word): (Feature, Option<&str>),
    named: Option<&str>,
    have: &[&str],
) -> String {
    let what = called(lang, f, word);
    let there = super::amenities_listed(lang, have);
    let no = match (lang, f, named) {
        (Language::Es, Feature::Smoking, _) => {
            "No, no se puede fumar adentro de las cabañas 🚭".to_owned()
        }
        (Language::En, Feature::Smoking, _) => {
            "No, smoking isn't allowed inside the cabins 🚭".to_owned()
        }
        (Language::Pt, Feature::Smoking, _) => {
            "Não, não é permitido fumar dentro dos chalés 🚭".to_owned()
        }
        (Language::Es, Feature::Kids, _) => "No, el lugar es solo para adultos 😕".to_owned(),
        // A cot is easy to bring: say so rather than only no.
        (Language::Es, Feature::Crib, _) => {
            "Cuna no tenemos por ahora 😕 Si la necesitás, podés traer la tuya 👶".to_owned()
        }
        (Language::En, Feature::Crib, _) => {
            "We don't have a crib for now 😕 If you need one, you're welcome to bring yours 👶"
                .to_owned()
        }
        (Language::Pt, Feature::Crib, _) => {
            "Berço não temos por enquanto 😕 Se precisar, pode trazer o seu 👶".to_owned()
        }
        (Language::En, Feature::Kids, _) => "No, the place is adults only 😕".to_owned(),
        (Language::Pt, Feature::Kids, _) => "Não, o lugar é só para adultos 😕".to_owned(),
        (Language::Es, _, Some(n)) => format!("No, {n} no tiene {what} 😕"),
        (Language::Es, _, None) => format!("No, no tenemos {what} 😕"),
        (Language::En, _, Some(n)) => format!("No, {n} doesn't have {what} 😕"),
        (Language::En, _, None) => format!("No, we don't have {what} 😕"),
        (Language::Pt, _, Some(n)) => format!("Não, {n} não tem {what} 😕"),
        (Language::Pt, _, None) => format!("Não, não temos {what} 😕"),
    };
    // Smoking and children are rules, not amenities: no list of what there is.
    if have.is_empty() || matches!(f, Feature::Smoking | Feature::Kids | Feature::Crib) {
        return no;
    }
    match lang {
        Language::Es => format!("{no} Lo que sí hay: {there}."),
        Language::En => format!("{no} What we do have: {there}."),
        Language::Pt => format!("{no} O que temos: {there}."),
    }
}

/// A season with a minimum stay, as [`minimum_stay`] tells it.
pub struct SeasonMinimum<'a> {
    pub season: &'a str,
    pub first_night: NaiveDate,
    pub last_night: NaiveDate,
    pub min_nights: u32,
    /// The cabins it applies to; empty when it is all of those asked about.
    pub cabins: Vec<&'a str>,
}

/// The shortest stay: one night, except in the seasons that ask more (coming ones only).
pub fn minimum_stay(lang: Language, seasons: &[SeasonMinimum<'_>]) -> String {
    if seasons.is_empty() {
        return match lang {
            Language::Es => {
                "No hay mínimo de noches: podés venir desde una sola noche 🙂".to_owned()
            }
            Language::En => {
                "There's no minimum stay: you can come for just one night 🙂".to_owned()
            }
            Language::Pt => {
                "Não tem mínimo de noites: você pode vir por uma noite só 🙂".to_owned()
            }
        };
    }
    let lines: Vec<String> = seasons
        .iter()
        .map(|m| {
            let when = super::range(lang, m.first_night, m.last_night);
            let (n, season) = (m.min_nights, m.season);
            let which = if m.cabins.is_empty() {
                String::new()
            } else {
                format!(" ({})", list(lang, &m.cabins))
            };
            match lang {
                Language::Es => format!("• Temporada «{season}», {when}: mínimo {n} noches{which}"),
                Language::En => format!("• «{season}» season, {when}: at least {n} nights{which}"),
                Language::Pt => {
                    format!("• Temporada «{season}», {when}: mínimo de {n} noites{which}")
                }
            }
        })
        .collect();
    let body = lines.join("\n");
    match lang {
        Language::Es => {
            format!("Podés venir desde una sola noche, salvo en estas temporadas 🙂\n{body}")
        }
        Language::En => {
            format!("You can come for just one night, except in these seasons 🙂\n{body}")
        }
        Language::Pt => {
            format!("Você pode vir por uma noite só, exceto nestas temporadas 🙂\n{body}")
        }
    }
}

/// Prices are for the whole cabin a night, whoever comes.
pub fn price_basis(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "Los precios son por cabaña y por noche, no por persona: es el mismo precio vengan los que vengan, mientras entren 😊"
        }
        Language::En => {
            "Prices are per cabin per night, not per person: the same price however many of you come, as long as you fit 😊"
        }
        Language::Pt => {
            "Os preços são por chalé e por noite, não por pessoa: o mesmo preço para quantos vierem, desde que caibam 😊"
        }
    }
}

/// What currency prices are in and the deposit is paid in: Argentine pesos, a foreign card
/// converted by the guest's bank; another currency for the balance is the team's to say.
pub fn currency(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "Los precios están en pesos argentinos (ARS) 💵 La seña se paga en pesos con el link de Mercado Pago (si pagás con una tarjeta del exterior, tu banco hace la conversión). Si querés pagar el saldo en otra moneda, decime y lo consulto con alguien del equipo 😊"
        }
        Language::En => {
            "Our prices are in Argentine pesos (ARS) 💵 The deposit is paid in pesos through the Mercado Pago link (with a foreign card, your bank does the conversion). If you'd like to pay the balance in another currency, tell me and I'll check with someone from the team 😊"
        }
        Language::Pt => {
            "Os preços são em pesos argentinos (ARS) 💵 O sinal é pago em pesos pelo link do Mercado Pago (com um cartão do exterior, o seu banco faz a conversão). Se quiser pagar o saldo em outra moeda, me diga que eu consulto alguém da equipe 😊"
        }
    }
}

/// The keys and who lets the guest in: a person coordinates the arrival with them here.
pub fn keys(lang: Language, check_in: NaiveTime) -> String {
    let i = check_in.format("%H:%M");
    match lang {
        Language::Es => format!(
            "La entrega de las llaves la coordina alguien del equipo con vos por acá antes de que llegues (también si llegás tarde): ya le aviso 🙌 El check-in es a partir de las {i} 🕑"
        ),
        Language::En => format!(
            "Someone from our team will arrange the keys with you here before you arrive (a late arrival too): I'm letting them know 🙌 Check-in is from {i} 🕑"
        ),
        Language::Pt => format!(
            "A entrega das chaves alguém da equipe combina com você por aqui antes da chegada (mesmo se chegar tarde): já aviso 🙌 O check-in é a partir das {i} 🕑"
        ),
    }
}

/// A receipt or an invoice asked for: Mercado Pago's receipt of the deposit, and the invoice
/// made by someone from the team, with the details it needs.
pub fn invoice(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "El comprobante del pago de la seña te lo manda Mercado Pago por mail cuando pagás 🧾 Si necesitás factura (a tu nombre o de una empresa), le paso el pedido a alguien del equipo para que te la haga llegar por acá: pasame el nombre o la razón social y el CUIT o DNI 🙌"
        }
        Language::En => {
            "Mercado Pago emails you a receipt for the deposit when you pay 🧾 If you need an invoice (in your name or a company's), I'll pass the request on to someone from our team, who'll send it to you here: just send me the name or company name and the tax ID it should go under 🙌"
        }
        Language::Pt => {
            "O comprovante do pagamento do sinal o Mercado Pago te manda por e-mail quando você paga 🧾 Se precisar de recibo ou nota fiscal (no seu nome ou de uma empresa), passo o pedido para alguém da equipe, que te envia por aqui: me mande o nome ou a razão social e o documento (CPF, CNPJ ou passaporte) 🙌"
        }
    }
}

/// "¿La Arrayán tiene vista al lago?": yes when the owner wrote it, else that it is not noted,
/// with what the cabin is.
/// "¿Tienen cabañas con dos dormitorios?": yes, these, each with what the owner wrote of it.
pub fn which_have(lang: Language, cabins: &[(&str, &str)]) -> String {
    let lines: Vec<String> = cabins
        .iter()
        .map(|(name, description)| {
            let said = super::description_in(lang, description);
            if said.is_empty() || lang == Language::Es {
                format!("• {name}: {description}")
            } else {
                format!("• {name}: {}", sentence(&said))
            }
        })
        .collect();
    let lead = match lang {
        Language::Es => "¡Sí! 😊",
        Language::En => "Yes! 😊",
        Language::Pt => "Sim! 😊",
    };
    format!("{lead}\n{}\n{}", lines.join("\n"), more(lang))
}

/// "¿La Coihue tiene vista al lago?" when the owner wrote it of `others` and not of `name`: no
/// first, what `name` is like, and which have it.
pub fn has_described_elsewhere(
    lang: Language,
    name: &str,
    description: &str,
    others: &str,
) -> String {
    let like = what_its_like(lang, description);
    match lang {
        Language::Es => {
            format!("No, eso no lo tiene {name} 😕{like} Lo que buscás lo tenés en {others} 😊")
        }
        Language::En => {
            format!("No, {name} doesn't have that 😕{like} You'll find it at {others} 😊")
        }
        Language::Pt => {
            format!("Não, {name} não tem isso 😕{like} O que você procura tem em {others} 😊")
        }
    }
}

/// " Te cuento cómo es: …" with the description as the guest reads it ([`said_of`]), or
/// nothing when none of it can be said in their language.
fn what_its_like(lang: Language, description: &str) -> String {
    let said = said_of(lang, description);
    if said.trim().is_empty() {
        return String::new();
    }
    match lang {
        Language::Es => format!(" Te cuento cómo es: {said}"),
        Language::En => format!(" Here's what it's like: {said}"),
        Language::Pt => format!(" Te conto como é: {said}"),
    }
}

/// "¿Tienen microondas?" when no cabin's description or amenities say it: not noted, what
/// there is, and the question passed on to the team.
pub fn none_noted(lang: Language, words: &str, have: &str) -> String {
    match lang {
        Language::Es => format!(
            "No tengo anotado {words} en ninguna de las cabañas 🤔 Lo que sí hay: {have}. Le paso tu consulta a alguien del equipo para que te confirme por acá 🙌"
        ),
        Language::En => format!(
            "I don't have {words} noted for any of the cabins 🤔 What we do have: {have}. I'm passing your question on to someone from the team to confirm here 🙌"
        ),
        Language::Pt => format!(
            "Não tenho {words} anotado em nenhum dos chalés 🤔 O que temos: {have}. Vou passar sua dúvida para alguém da equipe te confirmar por aqui 🙌"
        ),
    }
}

pub fn has_described(lang: Language, name: &str, yes: bool, description: &str) -> String {
    let said = said_of(lang, description);
    let like = what_its_like(lang, description);
    match (lang, yes) {
        (Language::Es, true) => format!("¡Sí! {name}: {said} 😊"),
        (Language::Es, false) => format!(
            "Eso no lo tengo anotado para {name} 🤔{like} Si querés, le pregunto a alguien del equipo."
        ),
        (Language::En, true) if said.is_empty() => format!("Yes! {name} has it 😊"),
        (Language::En, true) => format!("Yes! {name}: {said} 😊"),
        (Language::En, false) => format!(
            "I don't have that noted for {name} 🤔{like} If you like, I'll ask someone from the team."
        ),
        (Language::Pt, true) if said.is_empty() => format!("Sim! {name} tem 😊"),
        (Language::Pt, true) => format!("Sim! {name}: {said} 😊"),
        (Language::Pt, false) => format!(
            "Isso eu não tenho anotado para {name} 🤔{like} Se quiser, pergunto para alguém da equipe."
        ),
    }
}

/// "Cabaña Ñire tiene vista a la montaña".
fn looks_out_on(lang: Language, name: &str, view: &str) -> String {
    match lang {
        Language::Es => format!("{name} tiene {view}"),
        Language::En => format!("{name} has {view}"),
        Language::Pt => format!("{name} tem {view}"),
    }
}

fn yes(lang: Language) -> &'static str {
    match lang {
        Language::Es => "¡Sí!",
        Language::En => "Yes!",
        Language::Pt => "Sim!",
    }
}

/// A scenery a cabin looks out on, said in English or Portuguese (Spanish keeps the owner's
/// own words).
pub fn scenery_view(lang: Language, scenery: Scenery) -> &'static str {
    match (lang, scenery) {
        (Language::Pt, Scenery::Lake) => "vista para o lago",
        (Language::Pt, Scenery::Mountains) => "vista para as montanhas",
        (Language::Pt, Scenery::Forest) => "vista para a floresta",
        (Language::Pt, Scenery::River) => "vista para o rio",
        (Language::Pt, Scenery::Sea) => "vista para o mar",
        (_, Scenery::Lake) => "a view of the lake",
        (_, Scenery::Mountains) => "a view of the mountains",
        (_, Scenery::Forest) => "a view of the forest",
        (_, Scenery::River) => "a view of the river",
        (_, Scenery::Sea) => "a view of the sea",
    }
}

/// The view of the cabin asked about (`asked`: a view was named and this is it: a yes first).
pub fn view_of(lang: Language, name: &str, view: &str, asked: bool) -> String {
    let it = looks_out_on(lang, name, view);
    if asked {
        format!("{} {it} 😊", yes(lang))
    } else {
        format!("{it} 😊")
    }
}

/// The cabin asked about has another view than the one asked for; `elsewhere`: the cabins
/// with that one.
pub fn view_not(lang: Language, name: &str, view: &str, elsewhere: &[(&str, &str)]) -> String {
    let no = match lang {
        Language::Pt => "Não",
        _ => "No",
    };
    let no = format!("{no}, {}.", looks_out_on(lang, name, view));
    if elsewhere.is_empty() {
        no
    } else {
        let others: Vec<String> = elsewhere
            .iter()
            .map(|(n, v)| looks_out_on(lang, n, v))
            .collect();
        format!("{no} {} 😊", others.join("; "))
    }
}

/// The cabin asked about has no view written; `elsewhere`: the cabins with the one asked for
/// ("¿la Lenga tiene vista al lago?": not noted for the Lenga, the Arrayán has it).
pub fn view_unknown(lang: Language, name: &str, elsewhere: &[(&str, &str)]) -> String {
    let others: Vec<String> = elsewhere
        .iter()
        .map(|(n, v)| looks_out_on(lang, n, v))
        .collect();
    let others = others.join("; ");
    match lang {
        Language::Es => format!(
            "Para {name} no tengo anotada esa vista 🤔 {others} 😊 Si querés, le pregunto a alguien del equipo por la de {name}."
        ),
        Language::En => format!(
            "I don't have that view noted for {name} 🤔 {others} 😊 If you like, I'll ask someone from the team about {name}'s."
        ),
        Language::Pt => format!(
            "Para {name} não tenho essa vista anotada 🤔 {others} 😊 Se quiser, pergunto para alguém da equipe sobre a vista de {name}."
        ),
    }
}

/// The cabins with the view asked for ("¿cuál tiene vista al lago?").
pub fn views_with(lang: Language, with: &[(&str, &str)]) -> String {
    let each: Vec<String> = with.iter().map(|(n, v)| looks_out_on(lang, n, v)).collect();
    format!("{} {} 😊", yes(lang), each.join("; "))
}

/// Each cabin's view (`none_asked_for`: the view asked for is none of them).
pub fn views(lang: Language, seen: &[(&str, &str)], none_asked_for: bool) -> String {
    let lead = match (lang, none_asked_for) {
        (Language::Es, true) => "Esa vista no la tenemos anotada 🤔 Te cuento la de cada una:",
        (Language::Es, false) => "Te cuento la vista de cada una 😊",
        (Language::En, true) => "We don't have that view noted 🤔 Here's each one's:",
        (Language::En, false) => "Here's the view from each one 😊",
        (Language::Pt, true) => "Essa vista não temos anotada 🤔 Te conto a de cada uma:",
        (Language::Pt, false) => "Te conto a vista de cada uma 😊",
    };
    let body: Vec<String> = seen.iter().map(|(n, v)| format!("• {n}: {v}")).collect();
    format!("{lead}\n{}\n{}", body.join("\n"), more(lang))
}

/// A description said to the guest inside a sentence: the owner's words in Spanish; in English
/// or Portuguese what [`super::description_in`] can say of it, as a sentence ("2 bedrooms,
/// jacuzzi, mountain view."), or nothing.
fn said_of(lang: Language, description: &str) -> String {
    if lang == Language::Es {
        return description.to_owned();
    }
    let said = sentence(&super::description_in(lang, description));
    if said.is_empty() {
        said
    } else {
        format!("{said}.")
    }
}

/// Words with their first letter in capitals ("2 bedrooms" stays, "jacuzzi" is "Jacuzzi").
pub fn sentence(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

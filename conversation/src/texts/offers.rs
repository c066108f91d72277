//! What is free and what it costs: offers, a pick among them, the nearest free dates, a
//! combination for a large group, and the dates assumed from a holiday period.

use booking::{Accommodation, Money, StayDates, holidays::Season};

use super::{capitalize, day, list, range, stay_phrase};
use crate::{
    Language,
    nlu::{Period, PeriodMention},
};

/// One line of an offer.
pub struct OfferLine<'a> {
    pub name: &'a str,
    pub total: Money,
    pub deposit: Money,
}

/// The offer line of an accommodation for a stay, priced.
pub fn offer_line<'a>(accommodation: &'a Accommodation, stay: &StayDates) -> OfferLine<'a> {
    let q = accommodation.quote(stay);
    OfferLine {
        name: &accommodation.name,
        total: q.total,
        deposit: q.deposit,
    }
}

/// A price asked with dates but no people: the cabin's total for the stay and its deposit; `from` (the
/// cheapest cabin's capacity) when no cabin was named and the price is where it starts.
pub fn stay_price(
    lang: Language,
    stay: &StayDates,
    line: &OfferLine<'_>,
    from: Option<i32>,
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    let nights = stay.nights();
    let (name, total, deposit) = (line.name, line.total, line.deposit);
    match (lang, from) {
        (Language::Es, None) => format!(
            "{name}, {when} ({nights} {}): {total} en total (seña {deposit}) 😊",
            super::plural(nights, "noche", "noches")
        ),
        (Language::Es, Some(c)) => format!(
            "{} ({nights} {}) arranca en {total} en total ({name}, para hasta {c} personas) 😊",
            capitalize(&when),
            super::plural(nights, "noche", "noches")
        ),
        (Language::En, None) => format!(
            "{name}, {when} ({nights} {}): {total} in total (deposit {deposit}) 😊",
            super::plural(nights, "night", "nights")
        ),
        (Language::En, Some(c)) => format!(
            "{} ({nights} {}) it starts at {total} in total ({name}, up to {c} people) 😊",
            capitalize(&when),
            super::plural(nights, "night", "nights")
        ),
        (Language::Pt, None) => format!(
            "{name}, {when} ({nights} {}): {total} no total (sinal {deposit}) 😊",
            super::plural(nights, "noite", "noites")
        ),
        (Language::Pt, Some(c)) => format!(
            "{} ({nights} {}) começa em {total} no total ({name}, para até {c} pessoas) 😊",
            capitalize(&when),
            super::plural(nights, "noite", "noites")
        ),
    }
}

pub fn offer(lang: Language, stay: &StayDates, guests: u16, lines: &[OfferLine<'_>]) -> String {
    let phrase = capitalize(&stay_phrase(lang, stay, guests));
    let head = match lang {
        Language::Es => format!("¡Sí! 🙌 {phrase}, tenemos:\n"),
        Language::En => format!("Yes! 🙌 {phrase}, we have:\n"),
        Language::Pt => format!("Sim! 🙌 {phrase}, temos:\n"),
    };
    priced(lang, head, lines)
}

/// The offer after saying the cabin asked for cannot be had.
pub fn offer_instead(
    lang: Language,
    stay: &StayDates,
    guests: u16,
    lines: &[OfferLine<'_>],
) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    let head = match lang {
        Language::Es => format!("En cambio, {phrase}, tenemos:\n"),
        Language::En => format!("Instead, {phrase}, we have:\n"),
        Language::Pt => format!("Em vez disso, {phrase}, temos:\n"),
    };
    priced(lang, head, lines)
}

fn priced(lang: Language, head: String, lines: &[OfferLine<'_>]) -> String {
    let first = lines.first().map_or("", |l| l.name);
    let mut text = head;
    for l in lines {
        text.push_str(&match lang {
            Language::Es => format!("• {}: {} en total (seña {})\n", l.name, l.total, l.deposit),
            Language::En => format!(
                "• {}: {} in total (deposit {})\n",
                l.name, l.total, l.deposit
            ),
            Language::Pt => format!("• {}: {} no total (sinal {})\n", l.name, l.total, l.deposit),
        });
    }
    text.push_str(&match lang {
        Language::Es => format!("¿Te reservo {first}? Respondé «dale», o decime cuál preferís."),
        Language::En => {
            format!("Shall I book {first} for you? Reply «yes», or tell me which one you prefer.")
        }
        Language::Pt => {
            format!("Reservo {first} para você? Responda «sim», ou me diga qual prefere.")
        }
    });
    text
}

/// The guest pointed at one option: it is now the one a yes books.
pub fn focus(lang: Language, line: &OfferLine<'_>, stay: &StayDates, guests: u16) -> String {
    let opener = match lang {
        Language::Es => "¡Buena elección! 😊",
        Language::En => "Good choice! 😊",
        Language::Pt => "Boa escolha! 😊",
    };
    format!("{opener} {}", focus_line(lang, line, stay, guests))
}

/// The option pointed at by "¿algo más económico?" is the cheapest for those dates.
pub fn cheapest_is(lang: Language, name: &str) -> String {
    match lang {
        Language::Es => format!("La más económica que tengo para esas fechas es {name} 😊"),
        Language::En => format!("The most affordable I have for those dates is {name} 😊"),
        Language::Pt => format!("O mais econômico que tenho para essas datas é {name} 😊"),
    }
}

/// How many the option asked about sleeps, and each other option offered.
pub fn sizes(lang: Language, (name, capacity): (&str, i32), others: &[(&str, i32)]) -> String {
    let others: Vec<String> = others
        .iter()
        .map(|(n, c)| match lang {
            Language::Es => format!("{n}, hasta {c}"),
            Language::En => format!("{n}, up to {c}"),
            Language::Pt => format!("{n}, até {c}"),
        })
        .collect();
    let others = if others.is_empty() {
        String::new()
    } else {
        format!(" ({})", others.join("; "))
    };
    match lang {
        Language::Es => format!("{name} es para hasta {capacity} personas{others} 😊"),
        Language::En => format!("{name} sleeps up to {capacity}{others} 😊"),
        Language::Pt => format!("{name} é para até {capacity} pessoas{others} 😊"),
    }
}

/// The option in focus, its price and the question whether to book it, without an opener
/// (after a recommendation).
pub fn focus_line(lang: Language, line: &OfferLine<'_>, stay: &StayDates, guests: u16) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    let (name, total, deposit) = (line.name, line.total, line.deposit);
    match lang {
        Language::Es => format!(
            "{name} {phrase}: {total} en total (seña {deposit}). ¿Te la reservo? Respondé «dale»."
        ),
        Language::En => format!(
            "{name} {phrase}: {total} in total (deposit {deposit}). Shall I book it? Reply «yes»."
        ),
        Language::Pt => format!(
            "{name} {phrase}: {total} no total (sinal {deposit}). Reservo para você? Responda «sim»."
        ),
    }
}

/// The guest pointed at something the offer does not have ("la tercera" of two).
pub fn not_in_offer(lang: Language, options: &[&str]) -> String {
    let names = super::list(lang, options);
    match lang {
        Language::Es => {
            format!("Perdón, no sé bien cuál decís 🙈 Te ofrecí: {names}. ¿Cuál preferís?")
        }
        Language::En => format!(
            "Sorry, I'm not sure which one you mean 🙈 I offered: {names}. Which one do you prefer?"
        ),
        Language::Pt => {
            format!("Desculpa, não entendi qual 🙈 Te ofereci: {names}. Qual você prefere?")
        }
    }
}

/// Why an option is recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Why {
    /// It sleeps exactly the party.
    pub fits_exactly: Option<u16>,
    /// The cheapest of the options.
    pub cheapest: bool,
    /// It takes the guest's pets.
    pub pets: bool,
}

/// "¿Cuál me recomendás?": the option and why, in one sentence.
pub fn recommend(lang: Language, name: &str, why: Why) -> String {
    let mut reasons: Vec<String> = Vec::new();
    if let Some(n) = why.fits_exactly {
        reasons.push(match lang {
            Language::Es => format!("es justo para {n}"),
            Language::En => format!("it's just right for {n}"),
            Language::Pt => format!("é certinho para {n}"),
        });
    }
    if why.cheapest {
        reasons.push(
            match lang {
                Language::Es => "es la más económica",
                Language::En => "it's the best value",
                Language::Pt => "é o mais econômico",
            }
            .to_owned(),
        );
    }
    if why.pets {
        reasons.push(
            match lang {
                Language::Es => "acepta mascotas 🐶",
                Language::En => "pets are welcome 🐶",
                Language::Pt => "aceita pets 🐶",
            }
            .to_owned(),
        );
    }
    let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
    let because = super::list(lang, &reasons);
    match (lang, reasons.is_empty()) {
        (Language::Es, true) => format!("Te recomiendo {name} 😊"),
        (Language::Es, false) => format!("Te recomiendo {name} 😊: {because}."),
        (Language::En, true) => format!("I'd recommend {name} 😊"),
        (Language::En, false) => format!("I'd recommend {name} 😊: {because}."),
        (Language::Pt, true) => format!("Eu recomendo {name} 😊"),
        (Language::Pt, false) => format!("Eu recomendo {name} 😊: {because}."),
    }
}

/// One cabin of a comparison.
pub struct Compared<'a> {
    pub name: &'a str,
    pub capacity: i32,
    pub pets: bool,
    /// Its amenities the others compared lack.
    pub extras: Vec<&'a str>,
    /// Its total for the stay on the table, when there is one.
    pub total: Option<Money>,
    /// Its price a night (base), said when there is no total.
    pub per_night: Money,
}

/// "¿Cuál es la diferencia?": each cabin's size, pets, what only it has and its total; what
/// all have; and, with options on the table, which one the guest prefers.
pub fn comparison(lang: Language, rows: &[Compared<'_>], shared: &[&str], ask: bool) -> String {
    let mut out = String::from(match lang {
        Language::Es => "Te cuento la diferencia 👇",
        Language::En => "Here's the difference 👇",
        Language::Pt => "Te conto a diferença 👇",
    });
    for r in rows {
        let mut parts = vec![match lang {
            Language::Es => format!("hasta {} personas", r.capacity),
            Language::En => format!("sleeps up to {}", r.capacity),
            Language::Pt => format!("até {} pessoas", r.capacity),
        }];
        if !r.extras.is_empty() {
            let extras = super::amenities_listed(lang, &r.extras);
            parts.push(match lang {
                Language::Es => format!("con {extras}"),
                Language::En => format!("with {extras}"),
                Language::Pt => format!("com {extras}"),
            });
        }
        parts.push(
            match (lang, r.pets) {
                (Language::Es, true) => "acepta mascotas 🐶",
                (Language::Es, false) => "sin mascotas",
                (Language::En, true) => "pets welcome 🐶",
                (Language::En, false) => "no pets",
                (Language::Pt, true) => "aceita pets 🐶",
                (Language::Pt, false) => "sem pets",
            }
            .to_owned(),
        );
        parts.push(match (lang, r.total) {
            (Language::Es, Some(total)) => format!("{total} en total"),
            (Language::En, Some(total)) => format!("{total} in total"),
            (Language::Pt, Some(total)) => format!("{total} no total"),
            (Language::Es, None) => format!("desde {} la noche", r.per_night),
            (Language::En, None) => format!("from {} a night", r.per_night),
            (Language::Pt, None) => format!("a partir de {} a diária", r.per_night),
        });
        out.push_str(&format!("\n• {}: {}", r.name, parts.join(", ")));
    }
    if !shared.is_empty() {
        let all = super::amenities_listed(lang, shared);
        out.push_str(&match lang {
            Language::Es => format!("\nTodas tienen {all}."),
            Language::En => format!("\nThey all have {all}."),
            Language::Pt => format!("\nTodos têm {all}."),
        });
    }
    if ask {
        out.push_str(match lang {
            Language::Es => "\n¿Cuál preferís?",
            Language::En => "\nWhich one do you prefer?",
            Language::Pt => "\nQual você prefere?",
        });
    }
    out
}

/// Why a cabin with the feature the guest chose by is not among the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotOffered {
    /// The guest brings pets and it takes none.
    Pets,
    /// It sleeps fewer than the party.
    Small(i32),
    /// Its nights are taken.
    Taken,
}

/// "La que tiene pileta" when no option has it: whether a cabin does (and why it is not on the
/// table) or none does, then the options again.
pub fn none_offered_has(
    lang: Language,
    (f, asked): (crate::nlu::Feature, bool),
    elsewhere: Option<(&str, NotOffered)>,
    options: &[&str],
) -> String {
    let what = super::feature_name(lang, f);
    let first = match elsewhere {
        None => super::feature_no(lang, (f, None), None, &[]),
        // "Is there a fireplace?": no among those offered, first.
        Some((n, why)) if asked => {
            let why = why_not_offered(lang, why);
            match lang {
                Language::Es => {
                    format!("No, ninguna de las que te ofrecí tiene {what} 😕 {n} sí tiene{why}")
                }
                Language::En => {
                    format!("No, none of the ones I offered has {what} 😕 {n} does{why}")
                }
                Language::Pt => {
                    format!("Não, nenhum dos que te ofereci tem {what} 😕 {n} tem{why}")
                }
            }
        }
        Some((n, why)) => {
            let has = match lang {
                Language::Es => "tiene",
                Language::En => "has",
                Language::Pt => "tem",
            };
            format!("{n} {has} {what}{}", why_not_offered(lang, why))
        }
    };
    offered_again(lang, &first, options)
}

/// "La que tiene vista al lago", pointing at what only a cabin not offered has (`elsewhere`,
/// and why it is not on the table): said so, and which of the `options` then.
pub fn none_offered_described(
    lang: Language,
    elsewhere: Option<(&str, NotOffered)>,
    options: &[&str],
) -> String {
    let first = match (lang, elsewhere) {
        (Language::Es, None) => "Ninguna de las que te ofrecí tiene eso 🙈".to_owned(),
        (Language::En, None) => "None of the ones I offered has that 🙈".to_owned(),
        (Language::Pt, None) => "Nenhum dos que te ofereci tem isso 🙈".to_owned(),
        (Language::Es, Some((n, why))) => format!("Eso lo tiene {n}{}", why_not_offered(lang, why)),
        (Language::En, Some((n, why))) => format!("{n} has that{}", why_not_offered(lang, why)),
        (Language::Pt, Some((n, why))) => format!("{n} tem isso{}", why_not_offered(lang, why)),
    };
    offered_again(lang, &first, options)
}

/// Why a cabin with what the guest wants is not among the options: ", pero no acepta
/// mascotas 🐶".
fn why_not_offered(lang: Language, why: NotOffered) -> String {
    match (lang, why) {
        (Language::Es, NotOffered::Pets) => ", pero no acepta mascotas 🐶".to_owned(),
        (Language::Es, NotOffered::Small(c)) => {
            format!(", pero es para {c} personas como máximo 🙈")
        }
        (Language::Es, NotOffered::Taken) => ", pero no está libre esas fechas 😕".to_owned(),
        (Language::En, NotOffered::Pets) => ", but it doesn't take pets 🐶".to_owned(),
        (Language::En, NotOffered::Small(c)) => format!(", but it sleeps {c} at most 🙈"),
        (Language::En, NotOffered::Taken) => ", but it isn't free on those dates 😕".to_owned(),
        (Language::Pt, NotOffered::Pets) => ", mas não aceita pets 🐶".to_owned(),
        (Language::Pt, NotOffered::Small(c)) => format!(", mas é para no máximo {c} pessoas 🙈"),
        (Language::Pt, NotOffered::Taken) => ", mas não está livre nessas datas 😕".to_owned(),
    }
}

/// What was said, then the options offered again and which one.
fn offered_again(lang: Language, first: &str, options: &[&str]) -> String {
    let names = super::list(lang, options);
    match lang {
        Language::Es => format!("{first} Te ofrecí: {names}. ¿Cuál preferís?"),
        Language::En => format!("{first} I offered: {names}. Which one do you prefer?"),
        Language::Pt => format!("{first} Te ofereci: {names}. Qual você prefere?"),
    }
}

/// "Esa no": the other options, and which one the guest prefers.
pub fn which_instead(lang: Language, others: &[&str]) -> String {
    let names = super::list_or(lang, others);
    match lang {
        Language::Es => format!("¡Dale! 👌 ¿Cuál preferís entonces: {names}?"),
        Language::En => format!("Sure! 👌 Which one would you prefer then: {names}?"),
        Language::Pt => format!("Claro! 👌 Qual você prefere então: {names}?"),
    }
}

/// "No room for that stay, but these nearby ones are free", priced.
pub fn alternatives_for(
    stay: &StayDates,
    guests: u16,
    options: &[(StayDates, Accommodation)],
) -> String {
    alternatives_for_in(Language::Es, stay, guests, options)
}

pub fn alternatives_for_in(
    lang: Language,
    stay: &StayDates,
    guests: u16,
    options: &[(StayDates, Accommodation)],
) -> String {
    let lines: Vec<(StayDates, OfferLine<'_>)> = options
        .iter()
        .map(|(s, a)| (*s, offer_line(a, s)))
        .collect();
    alternatives(lang, stay, guests, &lines)
}

pub fn alternatives(
    lang: Language,
    stay: &StayDates,
    guests: u16,
    options: &[(StayDates, OfferLine<'_>)],
) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    let text = match lang {
        Language::Es => format!("Uy, {phrase} no nos queda lugar 😕 Pero tenemos:\n"),
        Language::En => format!("Oh, {phrase} we have nothing left 😕 But we do have:\n"),
        Language::Pt => format!("Puxa, {phrase} não temos lugar 😕 Mas temos:\n"),
    };
    dated_options(lang, text, options)
}

/// "¿Cuándo está libre la Arrayán?" when it is taken on the dates asked: its nearest free
/// stays of as many nights.
pub fn free_near(lang: Language, name: &str, options: &[(StayDates, OfferLine<'_>)]) -> String {
    let text = match lang {
        Language::Es => {
            format!(
                "{name} no está libre en esas fechas 😕 Las más cercanas en que la tengo libre:\n"
            )
        }
        Language::En => {
            format!("{name} isn't free on those dates 😕 The nearest dates it's free:\n")
        }
        Language::Pt => {
            format!(
                "{name} não está livre nessas datas 😕 As datas mais próximas em que está livre:\n"
            )
        }
    };
    dated_options(lang, text, options)
}

/// `text`, then a line for each option on its own dates, then which one a yes books.
fn dated_options(
    lang: Language,
    mut text: String,
    options: &[(StayDates, OfferLine<'_>)],
) -> String {
    for (alt, l) in options {
        let when = range(lang, alt.check_in(), alt.check_out());
        text.push_str(&match lang {
            Language::Es => format!("• {when}: {}, {} en total\n", l.name, l.total),
            Language::En => format!("• {when}: {}, {} in total\n", l.name, l.total),
            Language::Pt => format!("• {when}: {}, {} no total\n", l.name, l.total),
        });
    }
    let one = options.len() == 1;
    text.push_str(match (lang, one) {
        (Language::Es, false) => "¿Te sirve la primera? Respondé «dale» y te la reservo.",
        (Language::Es, true) => "¿Te sirve? Respondé «dale» y te la reservo.",
        (Language::En, false) => "Does the first one work for you? Reply «yes» and I'll book it.",
        (Language::En, true) => "Does that work for you? Reply «yes» and I'll book it.",
        (Language::Pt, false) => "A primeira serve? Responda «sim» que eu reservo.",
        (Language::Pt, true) => "Serve para você? Responda «sim» que eu reservo.",
    });
    text
}

/// One line per cabin of a group: its name, the people it takes and its price.
fn cabin_lines(lang: Language, parts: &[(OfferLine<'_>, u16)]) -> String {
    parts
        .iter()
        .map(|(l, people)| match lang {
            Language::Es => format!("• {} ({people} personas): {}\n", l.name, l.total),
            Language::En => format!("• {} ({people} guests): {}\n", l.name, l.total),
            Language::Pt => format!("• {} ({people} pessoas): {}\n", l.name, l.total),
        })
        .collect()
}

/// A group's total and deposit over its cabins.
fn sums(parts: &[(OfferLine<'_>, u16)]) -> (Money, Money) {
    (
        parts.iter().map(|(l, _)| l.total).sum(),
        parts.iter().map(|(l, _)| l.deposit).sum(),
    )
}

/// A group larger than any one cabin, in several cabins at once.
pub fn combination(
    lang: Language,
    stay: &StayDates,
    guests: u16,
    parts: &[(OfferLine<'_>, u16)],
    asked_apart: bool,
    largest: u16,
) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    let (total, deposit) = sums(parts);
    let mut text = match lang {
        // "Una para 4 y otra para 2": the cabins apart were asked for, none is missing.
        Language::Es if asked_apart => {
            format!("¡Sí! 🙌 {}, en cabañas separadas:\n", capitalize(&phrase))
        }
        Language::En if asked_apart => {
            format!("Yes! 🙌 {}, in separate cabins:\n", capitalize(&phrase))
        }
        Language::Pt if asked_apart => {
            format!("Sim! 🙌 {}, em chalés separados:\n", capitalize(&phrase))
        }
        // "¿Tienen una sola cabaña para 9?": the largest one is said, then the cabins together.
        Language::Es if guests > largest => format!(
            "¡Sí, hay lugar! 🙌 No tenemos una sola cabaña tan grande (la más grande es para {largest} personas), pero {phrase} podemos darles juntas:\n"
        ),
        Language::En if guests > largest => format!(
            "Yes, we have room! 🙌 We don't have one cabin that big (the largest sleeps {largest}), but {phrase} we can give you these together:\n"
        ),
        Language::Pt if guests > largest => format!(
            "Sim, temos lugar! 🙌 Não temos um chalé tão grande (o maior é para {largest} pessoas), mas {phrase} podemos oferecer juntos:\n"
        ),
        Language::Es => format!(
            "¡Sí! 🙌 No tenemos una sola cabaña tan grande, pero {phrase} podemos darles juntas:\n"
        ),
        Language::En => format!(
            "Yes! 🙌 We don't have one cabin that big, but {phrase} we can give you these together:\n"
        ),
        Language::Pt => format!(
            "Sim! 🙌 Não temos um chalé tão grande, mas {phrase} podemos oferecer juntos:\n"
        ),
    };
    text.push_str(&combination_lines(lang, parts, (&total, &deposit)));
    text
}

/// A party one cabin would fit when none that fits is free on its dates (`taken`, those that
/// would): cabins together on those dates, and, when there is one, the nearest stay of as many
/// nights in one cabin.
pub fn combination_none_alone(
    lang: Language,
    (stay, guests): (&StayDates, u16),
    taken: &[&str],
    parts: &[(OfferLine<'_>, u16)],
    alone: Option<(StayDates, OfferLine<'_>)>,
) -> String {
    let phrase = capitalize(&stay_phrase(lang, stay, guests));
    let names = list(lang, taken);
    let one = taken.len() == 1;
    let (total, deposit) = sums(parts);
    let mut text = match (lang, one) {
        (Language::Es, true) => {
            format!("{phrase}, {names} ya está ocupada 😕 Pero podemos darles estas juntas:\n")
        }
        (Language::Es, false) => {
            format!("{phrase}, {names} ya están ocupadas 😕 Pero podemos darles estas juntas:\n")
        }
        (Language::En, true) => {
            format!("{phrase}, {names} is already taken 😕 But we can give you these together:\n")
        }
        (Language::En, false) => {
            format!("{phrase}, {names} are already taken 😕 But we can give you these together:\n")
        }
        (Language::Pt, true) => {
            format!("{phrase}, {names} já está ocupado 😕 Mas podemos oferecer estes juntos:\n")
        }
        (Language::Pt, false) => {
            format!("{phrase}, {names} já estão ocupados 😕 Mas podemos oferecer estes juntos:\n")
        }
    };
    text.push_str(&combination_lines(lang, parts, (&total, &deposit)));
    if let Some((at, line)) = alone {
        let when = range(lang, at.check_in(), at.check_out());
        text.push_str(&match lang {
            Language::Es => format!(
                "\nSi prefieren estar todos en una, {} está libre {when} ({} en total).",
                line.name, line.total
            ),
            Language::En => format!(
                "\nIf you'd rather all stay in one, {} is free {when} ({} in total).",
                line.name, line.total
            ),
            Language::Pt => format!(
                "\nSe preferirem ficar todos em um, {} está livre {when} ({} no total).",
                line.name, line.total
            ),
        });
    }
    text
}

/// Cabins apart offered instead of those named, one of which is taken (said before it).
pub fn combination_instead(
    lang: Language,
    stay: &StayDates,
    guests: u16,
    parts: &[(OfferLine<'_>, u16)],
) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    let (total, deposit) = sums(parts);
    let mut text = match lang {
        Language::Es => format!("En cambio, {phrase}, en cabañas separadas:\n"),
        Language::En => format!("Instead, {phrase}, in separate cabins:\n"),
        Language::Pt => format!("Em vez disso, {phrase}, em chalés separados:\n"),
    };
    text.push_str(&combination_lines(lang, parts, (&total, &deposit)));
    text
}

/// The cabins of a combination, their total and deposit, and the question to book them.
fn combination_lines(
    lang: Language,
    parts: &[(OfferLine<'_>, u16)],
    (total, deposit): (&Money, &Money),
) -> String {
    let mut text = cabin_lines(lang, parts);
    text.push_str(&match lang {
        Language::Es => {
            format!("Total {total} (seña {deposit}). ¿Te las reservo juntas? Respondé «dale».")
        }
        Language::En => {
            format!("Total {total} (deposit {deposit}). Shall I book them together? Reply «yes».")
        }
        Language::Pt => format!("Total {total} (sinal {deposit}). Reservo juntos? Responda «sim»."),
    });
    text
}

/// A group that does not fit in what is free for its dates: the most the free cabins host
/// together, offered as one request; other dates may fit everyone.
pub fn group_max(
    lang: Language,
    stay: &StayDates,
    guests: u16,
    max: u16,
    parts: &[(OfferLine<'_>, u16)],
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    let (total, deposit) = sums(parts);
    // One cabin free: the most it sleeps, in it.
    if let [(line, _)] = parts {
        let mut text = match lang {
            Language::Es => format!(
                "Uy, {when} no nos queda lugar para {guests} personas 😕 Lo máximo que podemos recibir esas fechas son {max} personas, en la única cabaña libre:\n"
            ),
            Language::En => format!(
                "Oh, {when} we don't have room for {guests} people 😕 The most we can host on those dates is {max} people, in the only cabin free:\n"
            ),
            Language::Pt => format!(
                "Puxa, {when} não temos lugar para {guests} pessoas 😕 O máximo que podemos receber nessas datas são {max} pessoas, no único chalé livre:\n"
            ),
        };
        text.push_str(&cabin_lines(lang, parts));
        let name = &line.name;
        text.push_str(&match lang {
            Language::Es => format!(
                "Seña {deposit}. Si les sirve, respondé «dale» y te reservo {name}; si no, decime otras fechas."
            ),
            Language::En => format!(
                "Deposit {deposit}. If that works, reply «yes» and I'll book {name}; if not, tell me other dates."
            ),
            Language::Pt => format!(
                "Sinal {deposit}. Se servir, responda «sim» que reservo {name}; se não, me diga outras datas."
            ),
        });
        return text;
    }
    let mut text = match lang {
        Language::Es => format!(
            "Uy, {when} no nos queda lugar para {guests} personas 😕 Lo máximo que podemos recibir esas fechas son {max} personas, con estas cabañas juntas:\n"
        ),
        Language::En => format!(
            "Oh, {when} we don't have room for {guests} people 😕 The most we can host on those dates is {max} people, in these cabins together:\n"
        ),
        Language::Pt => format!(
            "Puxa, {when} não temos lugar para {guests} pessoas 😕 O máximo que podemos receber nessas datas são {max} pessoas, nestes chalés juntos:\n"
        ),
    };
    text.push_str(&cabin_lines(lang, parts));
    text.push_str(&match lang {
        Language::Es => format!(
            "Total {total} (seña {deposit}). Si les sirve, respondé «dale» y te las reservo juntas; si no, decime otras fechas."
        ),
        Language::En => format!(
            "Total {total} (deposit {deposit}). If that works, reply «yes» and I'll book them together; if not, tell me other dates."
        ),
        Language::Pt => format!(
            "Total {total} (sinal {deposit}). Se servir, responda «sim» que reservo juntos; se não, me diga outras datas."
        ),
    });
    text
}

/// More people than the whole place holds.
/// A group larger than any one cabin, before the dates are known: several together.
/// "¿Tienen cabañas para 5?" before any dates: the cabins that sleep them, with how many each
/// sleeps.
pub fn sleeping(lang: Language, guests: u16, cabins: &[(&str, i32)]) -> String {
    let each: Vec<String> = cabins
        .iter()
        .map(|(name, cap)| match lang {
            Language::Es => format!("{name} (hasta {cap})"),
            Language::En => format!("{name} (sleeps {cap})"),
            Language::Pt => format!("{name} (até {cap})"),
        })
        .collect();
    let all = super::list(lang, &each.iter().map(String::as_str).collect::<Vec<_>>());
    match lang {
        Language::Es => format!("¡Sí! Para {guests} personas tenemos {all} 🙌"),
        Language::En => format!("Yes! For {guests} guests we have {all} 🙌"),
        Language::Pt => format!("Sim! Para {guests} pessoas temos {all} 🙌"),
    }
}

pub fn group_ahead(lang: Language, largest: i32) -> String {
    match lang {
        Language::Es => format!(
            "Nuestra cabaña más grande es para {largest} personas, pero podemos darles varias juntas 🙌"
        ),
        Language::En => {
            format!("Our largest cabin sleeps {largest}, but we can give you several together 🙌")
        }
        Language::Pt => format!(
            "Nosso maior chalé é para {largest} pessoas, mas podemos oferecer vários juntos 🙌"
        ),
    }
}

/// "¿Todos en una?" for a party no cabin sleeps: the largest and how many it sleeps, and the
/// cabins offered together stay on the table.
pub fn largest_is(lang: Language, name: &str, capacity: i32) -> String {
    match lang {
        Language::Es => format!(
            "En una sola no se puede 😕 La más grande es {name}, para hasta {capacity} personas. Por eso te propongo reservar varias juntas. ¿Te las reservo? Respondé «dale»."
        ),
        Language::En => format!(
            "Not in just one, sorry 😕 The largest is {name}, for up to {capacity} people. That's why I suggest cabins together. Shall I book them? Reply «yes»."
        ),
        Language::Pt => format!(
            "Num só não dá 😕 O maior é {name}, para até {capacity} pessoas. Por isso sugiro chalés juntos. Reservo para você? Responda «sim»."
        ),
    }
}

/// A group the place could sleep only as an event (more cabins than one request takes): a
/// person arranges it.
pub fn group_for_a_person(lang: Language, most: i32) -> String {
    match lang {
        Language::Es => format!(
            "¡Qué lindo grupo! 🙌 Para más de {most} personas lo coordina alguien del equipo: le aviso para que te escriba por acá en cuanto pueda 😊"
        ),
        Language::En => format!(
            "What a lovely group! 🙌 For more than {most} people someone from our team arranges it: I'll ask them to write to you here as soon as they can 😊"
        ),
        Language::Pt => format!(
            "Que grupo legal! 🙌 Para mais de {most} pessoas, alguém da equipe organiza: vou pedir para te escreverem por aqui assim que puderem 😊"
        ),
    }
}

/// A party larger than the whole place (`max`) sleeps; `most`: the largest party one request
/// books here (a larger one is arranged by a person).
pub fn too_many(lang: Language, max: i32, most: i32) -> String {
    let fewer = match (lang, most < max) {
        (Language::Es, false) => "Si quieren venir menos, ¡los esperamos!".to_owned(),
        (Language::Es, true) => format!(
            "Si vienen menos, contame cuántos son: hasta {most} te lo reservo por acá, y más que eso lo coordina alguien del equipo 😊"
        ),
        (Language::En, false) => "If fewer of you can come, we'd love to have you!".to_owned(),
        (Language::En, true) => format!(
            "If fewer of you come, tell me how many: up to {most} I can book here, and for more someone from our team arranges it 😊"
        ),
        (Language::Pt, false) => "Se vierem menos, será um prazer!".to_owned(),
        (Language::Pt, true) => format!(
            "Se vierem menos, me diga quantos são: até {most} reservo por aqui, e mais que isso alguém da equipe organiza 😊"
        ),
    };
    match lang {
        Language::Es => format!(
            "Uy, somos un lugar chiquito 😅 Entre todas las cabañas podemos recibir hasta {max} personas. {fewer}"
        ),
        Language::En => format!(
            "Oh, we're a small place 😅 All our cabins together host up to {max} people. {fewer}"
        ),
        Language::Pt => format!(
            "Puxa, somos um lugar pequeno 😅 Somando todos os chalés recebemos até {max} pessoas. {fewer}"
        ),
    }
}

/// The cabin the guest named is taken for the stay.
pub fn named_not_free(lang: Language, name: &str) -> String {
    match lang {
        Language::Es => format!("{name} ya está ocupada para esas fechas 😕 "),
        Language::En => format!("{name} is already taken for those dates 😕 "),
        Language::Pt => format!("{name} já está ocupado para essas datas 😕 "),
    }
}

/// Several cabins named at once, those of them that are taken for the dates asked ("la Ñire o
/// la Coihue"): one, as `named_not_free`; more, all of them together.
pub fn several_not_free(lang: Language, names: &[&str]) -> String {
    if let [one] = names {
        return named_not_free(lang, one);
    }
    let names = list(lang, names);
    match lang {
        Language::Es => format!("{names} ya están ocupadas para esas fechas 😕 "),
        Language::En => format!("{names} are already taken for those dates 😕 "),
        Language::Pt => format!("{names} já estão ocupados para essas datas 😕 "),
    }
}

/// "¿La Lenga está libre del 8 al 11?" before the people are said: yes for the cabins `free`
/// (each with how many it sleeps), no for those `taken`.
pub fn named_free(lang: Language, free: &[(&str, i32)], taken: &[&str]) -> String {
    let sleeps = |(name, cap): &(&str, i32)| match lang {
        Language::Es => format!("{name} (para hasta {cap} personas)"),
        Language::En => format!("{name} (sleeps up to {cap})"),
        Language::Pt => format!("{name} (para até {cap} pessoas)"),
    };
    let free_list: Vec<String> = free.iter().map(sleeps).collect();
    let free_refs: Vec<&str> = free_list.iter().map(String::as_str).collect();
    let free_text = list(lang, &free_refs);
    let taken_text = list(lang, taken);
    let many = free.len() > 1;
    let many_taken = taken.len() > 1;
    match (lang, free.is_empty(), taken.is_empty()) {
        (Language::Es, false, true) if many => {
            format!("¡Sí! {free_text} están libres esas fechas 🙌")
        }
        (Language::Es, false, true) => format!("¡Sí! {free_text} está libre esas fechas 🙌"),
        (Language::Es, true, _) if many_taken => {
            format!("No, {taken_text} ya están ocupadas esas fechas 😕")
        }
        (Language::Es, true, _) => format!("No, {taken_text} ya está ocupada esas fechas 😕"),
        (Language::Es, false, false) => format!(
            "{free_text} sí está libre esas fechas 🙌; {taken_text}, no: ya está ocupada 😕"
        ),
        (Language::En, false, true) if many => {
            format!("Yes! {free_text} are free on those dates 🙌")
        }
        (Language::En, false, true) => format!("Yes! {free_text} is free on those dates 🙌"),
        (Language::En, true, _) => format!("No, {taken_text} is already taken on those dates 😕"),
        (Language::En, false, false) => format!(
            "{free_text} is free on those dates 🙌; {taken_text} isn't, it's already taken 😕"
        ),
        (Language::Pt, false, true) if many => {
            format!("Sim! {free_text} estão livres nessas datas 🙌")
        }
        (Language::Pt, false, true) => format!("Sim! {free_text} está livre nessas datas 🙌"),
        (Language::Pt, true, _) => format!("Não, {taken_text} já está ocupado nessas datas 😕"),
        (Language::Pt, false, false) => {
            format!("{free_text} está livre nessas datas 🙌; {taken_text}, não: já está ocupado 😕")
        }
    }
}

/// The cabin the guest named takes no pets and a pet comes along.
pub fn named_no_pets(lang: Language, name: &str) -> String {
    match lang {
        Language::Es => format!("{name} no acepta mascotas 🐶😕 "),
        Language::En => format!("{name} doesn't allow pets 🐶😕 "),
        Language::Pt => format!("{name} não aceita pets 🐶😕 "),
    }
}

/// The cabin the guest named is too small for the group.
pub fn named_too_small(lang: Language, name: &str, capacity: i32) -> String {
    match lang {
        Language::Es => format!("{name} es para hasta {capacity} personas 😕 "),
        Language::En => format!("{name} sleeps up to {capacity} people 😕 "),
        Language::Pt => format!("{name} é para até {capacity} pessoas 😕 "),
    }
}

pub fn price_from(name: &str, per_night: Money) -> String {
    price_from_in(Language::Es, name, per_night)
}

/// The nightly price of a cabin when no dates are known yet.
pub fn price_from_in(lang: Language, name: &str, per_night: Money) -> String {
    price_for(lang, name, per_night, None)
}

/// What is still missing for an exact total: the dates, and the people when not said yet.
fn ask_for_the_total(lang: Language, guests: Option<u16>) -> &'static str {
    match (lang, guests) {
        (Language::Es, None) => "Decime fechas y cuántas personas y te paso el total exacto 😊",
        (Language::Es, Some(_)) => "Decime las fechas y te paso el total exacto 😊",
        (Language::En, None) => {
            "Tell me your dates and how many people and I'll send you the exact total 😊"
        }
        (Language::En, Some(_)) => "Tell me your dates and I'll send you the exact total 😊",
        (Language::Pt, None) => "Me diga as datas e quantas pessoas que te passo o total exato 😊",
        (Language::Pt, Some(_)) => "Me diga as datas que te passo o total exato 😊",
    }
}

/// The nightly price of a cabin when no dates are known yet; what is still missing is asked
/// for (the people only when not said yet).
pub fn price_for(lang: Language, name: &str, per_night: Money, guests: Option<u16>) -> String {
    let ask = ask_for_the_total(lang, guests);
    match lang {
        Language::Es => format!(
            "La noche en {name} arranca en {per_night} (viernes y sábados un poquito más). {ask}"
        ),
        Language::En => format!(
            "A night at {name} starts at {per_night} (a little more on Fridays and Saturdays). {ask}"
        ),
        Language::Pt => format!(
            "A diária em {name} começa em {per_night} (sextas e sábados um pouquinho mais). {ask}"
        ),
    }
}

/// The price of some nights at a cabin when no dates are known yet ("¿cuánto me sale 3 noches
/// en la Arrayán?"): from the weekday price, more on weekends when the cabin charges more
/// then; the dates (and the people, when not said) asked for.
pub fn price_of_nights(
    lang: Language,
    name: &str,
    nights: u32,
    total: Money,
    weekends_more: bool,
    guests: Option<u16>,
) -> String {
    let ask = ask_for_the_total(lang, guests);
    match (lang, weekends_more) {
        (Language::Es, true) => format!(
            "{nights} noches en {name} arrancan en {total} en total (si incluyen viernes o sábado, un poquito más). {ask}"
        ),
        (Language::Es, false) => format!("{nights} noches en {name} salen {total} en total. {ask}"),
        (Language::En, true) => format!(
            "{nights} nights at {name} start at {total} in total (a little more with a Friday or Saturday). {ask}"
        ),
        (Language::En, false) => {
            format!("{nights} nights at {name} come to {total} in total. {ask}")
        }
        (Language::Pt, true) => format!(
            "{nights} diárias em {name} começam em {total} no total (com sexta ou sábado, um pouquinho mais). {ask}"
        ),
        (Language::Pt, false) => {
            format!("{nights} diárias em {name} ficam {total} no total. {ask}")
        }
    }
}

/// The prices of several cabins the guest named, one per line.
pub fn prices_for(lang: Language, cabins: &[(&str, Money)], guests: Option<u16>) -> String {
    let lines: Vec<String> = cabins
        .iter()
        .map(|(name, per_night)| format!("• {name}: {per_night}"))
        .collect();
    let ask = ask_for_the_total(lang, guests);
    let head = match lang {
        Language::Es => "La noche arranca en (viernes y sábados un poquito más):",
        Language::En => "A night starts at (a little more on Fridays and Saturdays):",
        Language::Pt => "A diária começa em (sextas e sábados um pouquinho mais):",
    };
    format!("{head}\n{}\n{ask}", lines.join("\n"))
}

fn period_name(lang: Language, p: Period) -> &'static str {
    match (lang, p) {
        (Language::Es, Period::LongWeekend) => "el finde largo",
        (Language::Es, Period::Carnival) => "el finde largo de Carnaval",
        (Language::Es, Period::HolyWeek) => "Semana Santa",
        (Language::Es, Period::YearEnd) => "fin de año",
        (Language::Es, Period::Christmas) => "Navidad",
        (Language::En, Period::Christmas) => "Christmas",
        (Language::Pt, Period::Christmas) => "o Natal",
        (Language::Es, Period::WinterHolidays) => "las vacaciones de invierno",
        (Language::Es, Period::Festive) => "las fiestas",
        (Language::En, Period::Festive) => "the holidays",
        (Language::Pt, Period::Festive) => "as festas",
        (Language::En, Period::LongWeekend) => "the long weekend",
        (Language::En, Period::Carnival) => "the Carnival long weekend",
        (Language::En, Period::HolyWeek) => "Easter",
        (Language::En, Period::YearEnd) => "New Year's",
        (Language::En, Period::WinterHolidays) => "the winter holidays",
        (Language::Pt, Period::LongWeekend) => "o feriado prolongado",
        (Language::Pt, Period::Carnival) => "o feriado de Carnaval",
        (Language::Pt, Period::HolyWeek) => "a Semana Santa",
        (Language::Pt, Period::YearEnd) => "o Réveillon",
        (Language::Pt, Period::WinterHolidays) => "as férias de inverno",
    }
}

/// Which dates were taken from a holiday period, said before the offer.
pub fn period_assumed(lang: Language, p: &PeriodMention, stay: &StayDates) -> String {
    let name = period_name(lang, p.period);
    let when = range(lang, stay.check_in(), stay.check_out());
    match lang {
        Language::Es => format!("Para {name} tomé {when} 📅 (si preferís otros días, decime)."),
        Language::En => format!("For {name} I took {when} 📅 (if you prefer other days, tell me)."),
        Language::Pt => {
            format!("Para {name} considerei {when} 📅 (se preferir outros dias, me diga).")
        }
    }
}

/// A month's name (1 = January), as the guest reads it.
pub fn month_name(lang: Language, month: u32) -> &'static str {
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const PT: [&str; 12] = [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Language::Es => ES[i],
        Language::En => EN[i],
        Language::Pt => PT[i],
    }
}

/// A long weekend asked for in a month that has none: say so, and ask which days.
/// `holidays`: the days off of that month, said so the guest can plan around them.
pub fn no_long_weekend_in(lang: Language, month: u32, holidays: &[chrono::NaiveDate]) -> String {
    let m = month_name(lang, month);
    let days: Vec<String> = holidays
        .iter()
        .map(|d| match lang {
            Language::Es => format!("el {}", day(lang, *d)),
            _ => day(lang, *d),
        })
        .collect();
    let days: Vec<&str> = days.iter().map(String::as_str).collect();
    let on = (!days.is_empty()).then(|| super::list(lang, &days));
    let many = days.len() > 1;
    match (lang, on) {
        (Language::Es, on) => format!(
            "El próximo {m} no tiene fin de semana largo 🙁{} ¿Qué días de {m} te gustaría venir? Decime el día de llegada y el de salida 📅",
            on.map(|d| if many {
                format!(" (los feriados caen {d})")
            } else {
                format!(" (el feriado cae {d})")
            })
            .unwrap_or_default()
        ),
        (Language::En, on) => format!(
            "There's no long weekend next {m} 🙁{} Which days in {m} would you like to come? Tell me the arrival and departure days 📅",
            on.map(|d| format!(" (the holidays fall on {d})"))
                .unwrap_or_default()
        ),
        (Language::Pt, on) => format!(
            "O próximo {m} não tem feriado prolongado 🙁{} Quais dias de {m} você gostaria de vir? Me diga o dia de chegada e o de saída 📅",
            on.map(|d| format!(" (os feriados caem em {d})"))
                .unwrap_or_default()
        ),
    }
}

/// Winter holidays differ by province: say the usual dates and ask which days. "Las fiestas"
/// are Christmas or New Year's: say the dates of each and ask which.
/// `cabin`: the one the guest named, kept in the question ("¿Qué días querés venir a Cabaña
/// Lenga?").
pub fn which_days_of(lang: Language, p: &PeriodMention, cabin: Option<&str>) -> String {
    if p.period == Period::Festive {
        // From the evening before its first day off: Christmas Eve.
        let from = p.first_day_off.pred_opt().unwrap_or(p.first_day_off);
        let christmas = Season::Christmas.next(from).map(|d| d.stay());
        let year_end = Season::YearEnd.next(from).map(|d| d.stay());
        if let (Some((a, b)), Some((c, d))) = (christmas, year_end) {
            let (xmas, new_year) = (range(lang, a, b), range(lang, c, d));
            return match lang {
                Language::Es => format!(
                    "¿Para las fiestas pensás en Navidad ({xmas}) o en Año Nuevo ({new_year})? ¿O las dos? 🎄 Decime qué días querés venir."
                ),
                Language::En => format!(
                    "For the holidays, are you thinking of Christmas ({xmas}) or New Year's ({new_year})? Or both? 🎄 Tell me which days you'd like to come."
                ),
                Language::Pt => format!(
                    "Para as festas, você pensa no Natal ({xmas}) ou no Réveillon ({new_year})? Ou os dois? 🎄 Me diga quais dias quer vir."
                ),
            };
        }
    }
    let name = period_name(lang, p.period);
    let (a, b) = (day(lang, p.first_day_off), day(lang, p.last_day_off));
    let to = |word: &str| cabin.map(|c| format!(" {word} {c}")).unwrap_or_default();
    match lang {
        Language::Es => format!(
            "En Buenos Aires {name} son del {a} al {b} (cambian según la provincia) ❄️ ¿Qué días querés venir{}?",
            to("a")
        ),
        Language::En => format!(
            "In Buenos Aires {name} run from {a} to {b} (they vary by province) ❄️ Which days would you like to come{}?",
            to("to")
        ),
        Language::Pt => format!(
            "Em Buenos Aires {name} vão de {a} a {b} (mudam conforme a província) ❄️ Quais dias você quer vir{}?",
            to("para")
        ),
    }
}

/// "Para las fiestas": Christmas and New Year's stays, each with the cabins free for the
/// people said (`None` when they are not known yet), and which one?
pub fn festive_which(
    lang: Language,
    christmas: (&StayDates, Option<&[&str]>),
    year_end: (&StayDates, Option<&[&str]>),
) -> String {
    let part = |(stay, free): (&StayDates, Option<&[&str]>)| {
        let when = range(lang, stay.check_in(), stay.check_out());
        let free = match free {
            None => String::new(),
            Some([]) => match lang {
                Language::Es => " (ya no nos queda lugar)".to_owned(),
                Language::En => " (we're fully booked)".to_owned(),
                Language::Pt => " (já não temos lugar)".to_owned(),
            },
            Some(names) => match lang {
                Language::Es => format!(" (libre: {})", super::list(lang, names)),
                Language::En => format!(" (free: {})", super::list(lang, names)),
                Language::Pt => format!(" (livre: {})", super::list(lang, names)),
            },
        };
        format!("{when}{free}")
    };
    let (c, y) = (part(christmas), part(year_end));
    match lang {
        Language::Es => format!(
            "Para las fiestas 🎄 Navidad sería {c} y Año Nuevo {y}. ¿Para cuál querés venir?"
        ),
        Language::En => format!(
            "For the holidays 🎄 Christmas would be {c} and New Year's {y}. Which one would you like?"
        ),
        Language::Pt => format!(
            "Para as festas 🎄 o Natal seria {c} e o Réveillon {y}. Para qual você quer vir?"
        ),
    }
}

/// A stretch of time the guest asked about without days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// "en marzo".
    Month(u32),
    /// "la semana que viene": next Monday to Sunday.
    NextWeek,
}

/// "¿Qué tenés libre en marzo?", "¿algo libre la semana que viene?": the free nights of the
/// span, cabin by cabin (each run as check-in and check-out; a cabin free the whole span, "todo
/// el mes"), then which days. No cabin with a free night: say so and ask for other dates.
pub fn span_free(
    lang: Language,
    span: Span,
    (first, last): (chrono::NaiveDate, chrono::NaiveDate),
    cabins: &[(String, Vec<(chrono::NaiveDate, chrono::NaiveDate)>)],
    guests: Option<u16>,
) -> String {
    /// Runs shown per cabin.
    const SHOWN: usize = 3;
    let lead = match (lang, span) {
        (Language::Es, Span::Month(m)) => format!("En {}", month_name(lang, m)),
        (Language::En, Span::Month(m)) => format!("In {}", month_name(lang, m)),
        (Language::Pt, Span::Month(m)) => format!("Em {}", month_name(lang, m)),
        (Language::Es, Span::NextWeek) => "La semana que viene".to_owned(),
        (Language::En, Span::NextWeek) => "Next week".to_owned(),
        (Language::Pt, Span::NextWeek) => "Na semana que vem".to_owned(),
    };
    let whole_span = match (lang, span) {
        (Language::Es, Span::Month(_)) => "libre todo el mes",
        (Language::En, Span::Month(_)) => "free all month",
        (Language::Pt, Span::Month(_)) => "livre o mês todo",
        (Language::Es, Span::NextWeek) => "libre toda la semana",
        (Language::En, Span::NextWeek) => "free all week",
        (Language::Pt, Span::NextWeek) => "livre a semana toda",
    };
    let whole = |runs: &[(chrono::NaiveDate, chrono::NaiveDate)]| matches!(runs, [(a, b)] if *a == first && b.pred_opt() == Some(last));
    let lines: Vec<String> = cabins
        .iter()
        .filter(|(_, runs)| !runs.is_empty())
        .map(|(name, runs)| {
            let when = if whole(runs) {
                whole_span.to_owned()
            } else {
                let mut parts: Vec<String> = runs
                    .iter()
                    .take(SHOWN)
                    .map(|(a, b)| range(lang, *a, *b))
                    .collect();
                if runs.len() > SHOWN {
                    parts.push(
                        match lang {
                            Language::Es => "y algunos días más",
                            Language::En => "and a few more days",
                            Language::Pt => "e mais alguns dias",
                        }
                        .to_owned(),
                    );
                }
                parts.join(", ")
            };
            format!("• {name}: {when}")
        })
        .collect();
    let people = guests.map(|g| match lang {
        Language::Es => format!(" para {g} {}", if g == 1 { "persona" } else { "personas" }),
        Language::En => format!(" for {g} {}", if g == 1 { "guest" } else { "guests" }),
        Language::Pt => format!(" para {g} {}", if g == 1 { "pessoa" } else { "pessoas" }),
    });
    let people = people.unwrap_or_default();
    if lines.is_empty() {
        return match lang {
            Language::Es => {
                format!("{lead} ya no nos queda lugar{people} 😕 ¿Te sirven otras fechas?")
            }
            Language::En => {
                format!("{lead} we're fully booked{people} 😕 Would other dates work for you?")
            }
            Language::Pt => format!("{lead} já não temos lugar{people} 😕 Outras datas te servem?"),
        };
    }
    let list = lines.join("\n");
    match lang {
        Language::Es => format!(
            "{lead} tenemos libre{people}:\n{list}\n¿Qué días querés venir? Decime las fechas de llegada y salida 📅"
        ),
        Language::En => format!(
            "{lead} we have free{people}:\n{list}\nWhich days would you like to come? Tell me your arrival and departure dates 📅"
        ),
        Language::Pt => format!(
            "{lead} temos livre{people}:\n{list}\nQuais dias você quer vir? Me diga as datas de chegada e saída 📅"
        ),
    }
}

/// A pet comes along: which of the offered cabins take it.
pub fn pets_for_offer(lang: Language, yes: &[&str], no: &[&str]) -> String {
    let (y, n) = (super::list(lang, yes), super::list(lang, no));
    match (lang, yes.is_empty(), no.is_empty()) {
        (Language::Es, false, true) => format!("🐶 ¡Sí! Tu mascota es bienvenida en {y}."),
        (Language::Es, true, _) => format!("🐶 No, {n} no acepta mascotas 😕"),
        (Language::Es, false, false) => format!("🐶 Con mascota: {y} sí; {n}, no."),
        (Language::En, false, true) => format!("🐶 Yes! Your pet is welcome at {y}."),
        (Language::En, true, _) => format!("🐶 No, {n} doesn't allow pets 😕"),
        (Language::En, false, false) => format!("🐶 With a pet: {y} yes; {n}, no."),
        (Language::Pt, false, true) => format!("🐶 Sim! Seu pet é bem-vindo em {y}."),
        (Language::Pt, true, _) => format!("🐶 Não, {n} não aceita pets 😕"),
        (Language::Pt, false, false) => format!("🐶 Com pet: {y} sim; {n}, não."),
    }
}

/// The held cabin is taken for the new dates: the hold stays while the guest decides.
pub fn move_taken(lang: Language, name: &str, code: &str, new: &StayDates) -> String {
    let when = range(lang, new.check_in(), new.check_out());
    match lang {
        Language::Es => format!(
            "Uy, {name} no está libre {when} 😕 Tu reserva {code} sigue guardada con las fechas de antes mientras decidís."
        ),
        Language::En => format!(
            "Oh, {name} isn't free {when} 😕 Your booking {code} stays on hold with the previous dates while you decide."
        ),
        Language::Pt => format!(
            "Puxa, {name} não está livre {when} 😕 Sua reserva {code} continua guardada com as datas anteriores enquanto você decide."
        ),
    }
}

/// After a move to taken dates: the same cabin's nearest free stay.
pub fn free_at_instead(lang: Language, name: &str, at: &StayDates) -> String {
    let when = range(lang, at.check_in(), at.check_out());
    match lang {
        Language::Es => format!(
            "{name} la tengo libre {when}: si te sirve, decime esas fechas y te paso la reserva."
        ),
        Language::En => format!(
            "{name} is free {when}: if that works for you, tell me those dates and I'll move your booking."
        ),
        Language::Pt => format!(
            "{name} está livre {when}: se servir, me diga essas datas e eu passo a reserva."
        ),
    }
}

/// The guest gave the check-in only: until when?
pub fn ask_nights(lang: Language, check_in: chrono::NaiveDate) -> String {
    let d = day(lang, check_in);
    match lang {
        Language::Es => {
            format!("¡Genial, llegando el {d}! 📅 ¿Hasta qué día te quedarías, o cuántas noches?")
        }
        Language::En => format!(
            "Great, arriving on {d}! 📅 Until which day would you stay, or how many nights?"
        ),
        Language::Pt => {
            format!("Ótimo, chegando em {d}! 📅 Até que dia você ficaria, ou quantas noites?")
        }
    }
}

/// A pet said after holding a cabin that takes none: the hold stays while the guest decides.
pub fn held_takes_no_pets(lang: Language, name: &str, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "Uy, en {name} no se admiten mascotas 😕 Tu reserva {code} sigue guardada como estaba mientras decidís."
        ),
        Language::En => format!(
            "Oh no, pets aren't allowed at {name} 😕 Your booking {code} stays on hold as it was while you decide."
        ),
        Language::Pt => format!(
            "Ah, no {name} não são permitidos animais 😕 Sua reserva {code} continua guardada como estava enquanto você decide."
        ),
    }
}

/// The held cabin is too small for the new head count: the hold stays while the guest decides.
pub fn move_too_small(lang: Language, name: &str, capacity: i32, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "{name} es para hasta {capacity} personas 😕 Tu reserva {code} sigue guardada como estaba mientras decidís."
        ),
        Language::En => format!(
            "{name} sleeps up to {capacity} people 😕 Your booking {code} stays on hold as it was while you decide."
        ),
        Language::Pt => format!(
            "{name} é para até {capacity} pessoas 😕 Sua reserva {code} continua guardada como estava enquanto você decide."
        ),
    }
}

/// A hold with a pet moved to a cabin that takes none: it stays as it was.
pub fn move_no_pets(lang: Language, name: &str, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "{name} no acepta mascotas 🐶😕 Tu reserva {code} sigue guardada como estaba mientras decidís."
        ),
        Language::En => format!(
            "{name} doesn't take pets 🐶😕 Your booking {code} stays on hold as it was while you decide."
        ),
        Language::Pt => format!(
            "{name} não aceita animais de estimação 🐶😕 Sua reserva {code} continua guardada como estava enquanto você decide."
        ),
    }
}

/// One option's price a night, for [`night_prices`].
pub struct NightPrice<'a> {
    pub name: &'a str,
    pub per_night: Money,
    /// Every night of the stay costs `per_night` (else it is the lowest, "from").
    pub exact: bool,
    pub total: Money,
    pub nights: i64,
}

/// "How much is it per night?" about the options on the table: one line each, and the offer's
/// question again (none when `chosen` is empty).
pub fn night_prices(lang: Language, rows: &[NightPrice<'_>], chosen: &str) -> String {
    let mut text = match lang {
        Language::Es => "El precio por noche:\n",
        Language::En => "The price per night:\n",
        Language::Pt => "O valor da diária:\n",
    }
    .to_owned();
    for r in rows {
        let (name, night, total, n) = (r.name, r.per_night, r.total, r.nights);
        text.push_str(&match (lang, r.exact) {
            (Language::Es, true) => {
                format!("• {name}: {night} la noche ({total} en total por {n} noches)\n")
            }
            (Language::Es, false) => {
                format!("• {name}: desde {night} la noche ({total} en total por {n} noches)\n")
            }
            (Language::En, true) => {
                format!("• {name}: {night} a night ({total} in total for {n} nights)\n")
            }
            (Language::En, false) => {
                format!("• {name}: from {night} a night ({total} in total for {n} nights)\n")
            }
            (Language::Pt, true) => {
                format!("• {name}: {night} a diária ({total} no total por {n} noites)\n")
            }
            (Language::Pt, false) => format!(
                "• {name}: a partir de {night} a diária ({total} no total por {n} noites)\n"
            ),
        });
    }
    // Without a cabin in focus (the offer just said, its question with it) the lines alone.
    if chosen.is_empty() {
        return text.trim_end().to_owned();
    }
    text.push_str(&match lang {
        Language::Es => format!("¿Te reservo {chosen}? Respondé «dale», o decime cuál preferís."),
        Language::En => {
            format!("Shall I book {chosen} for you? Reply «yes», or tell me which one you prefer.")
        }
        Language::Pt => {
            format!("Reservo {chosen} para você? Responda «sim», ou me diga qual prefere.")
        }
    });
    text
}

/// "¿Tenés otra?": the options besides `chosen`, the first of them `proposed` for a yes, or that
/// it is the only one free.
pub fn other_options(
    lang: Language,
    chosen: &str,
    others: &[OfferLine<'_>],
    proposed: Option<&str>,
) -> String {
    if others.is_empty() {
        return match lang {
            Language::Es => format!(
                "Para esas fechas {chosen} es la única que nos queda libre 😕 ¿Te la reservo, o probamos con otras fechas?"
            ),
            Language::En => format!(
                "For those dates {chosen} is the only one we have free 😕 Shall I book it, or shall we try other dates?"
            ),
            Language::Pt => format!(
                "Para essas datas {chosen} é o único que temos livre 😕 Reservo para você, ou tentamos outras datas?"
            ),
        };
    }
    let mut text = match lang {
        Language::Es => format!("Además de {chosen}, para esas fechas tenemos:\n"),
        Language::En => format!("Besides {chosen}, for those dates we have:\n"),
        Language::Pt => format!("Além de {chosen}, para essas datas temos:\n"),
    };
    for l in others {
        text.push_str(&match lang {
            Language::Es => format!("• {}: {} en total (seña {})\n", l.name, l.total, l.deposit),
            Language::En => format!(
                "• {}: {} in total (deposit {})\n",
                l.name, l.total, l.deposit
            ),
            Language::Pt => format!("• {}: {} no total (sinal {})\n", l.name, l.total, l.deposit),
        });
    }
    text.push_str(&match (lang, proposed) {
        (Language::Es, Some(p)) => format!(
            "Esas son todas las que quedan libres. ¿Te reservo {p}? Respondé «dale», o decime cuál preferís."
        ),
        (Language::En, Some(p)) => format!(
            "That's everything we have free. Shall I book {p} for you? Reply «yes», or tell me which one you prefer."
        ),
        (Language::Pt, Some(p)) => format!(
            "É tudo o que temos livre. Reservo {p} para você? Responda «sim», ou me diga qual prefere."
        ),
        (Language::Es, None) => "Esas son todas las que quedan libres. ¿Cuál preferís?".to_owned(),
        (Language::En, None) => {
            "That's everything we have free. Which one do you prefer?".to_owned()
        }
        (Language::Pt, None) => "É tudo o que temos livre. Qual você prefere?".to_owned(),
    });
    text
}

/// The cabin recommended for a party before any dates: its name and what it is like (and that
/// it takes the pet), then the dates asked.
pub fn recommended_for(
    lang: Language,
    (name, description): (&str, &str),
    guests: u16,
    pets: bool,
) -> String {
    let said = super::description_in(lang, description);
    let mut about = if said.is_empty() {
        String::new()
    } else if lang == Language::Es {
        format!(" {}", description.trim())
    } else {
        format!(" {}.", super::sentence(&said))
    };
    if pets {
        about.push_str(match lang {
            Language::Es => " Y acepta mascotas 🐶",
            Language::En => " And pets are welcome 🐶",
            Language::Pt => " E aceita pets 🐶",
        });
    }
    match lang {
        Language::Es => format!(
            "Para {guests} {} te recomiendo {name} 😊{about} ¿Para qué fechas querés venir? Te paso el precio exacto 📅",
            if guests == 1 { "persona" } else { "personas" }
        ),
        Language::En => format!(
            "For {guests} {} I'd recommend {name} 😊{about} Which dates would you like to come? I'll send you the exact price 📅",
            if guests == 1 { "guest" } else { "guests" }
        ),
        Language::Pt => format!(
            "Para {guests} {} eu recomendo {name} 😊{about} Para quais datas vocês querem vir? Te passo o preço exato 📅",
            if guests == 1 { "pessoa" } else { "pessoas" }
        ),
    }
}

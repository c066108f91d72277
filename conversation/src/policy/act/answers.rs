//! Questions about the place answered from the property's own data (`info`): yes or no
//! first, for the cabin named, pointed at or just offered; what a description says.

use crate::policy::{holds, say};
use crate::{
    Effect, Facts, info,
    nlu::{AskedTime, Choice, Feature, InfoTopic, PayMethod, Scenery, Understanding},
    state::ConversationState,
    texts,
};

/// What a message asks about the place: topics, yes/no features, the time asked about
/// ("¿se puede entrar a las 11?"), the ways of paying named.
#[derive(Clone, Copy)]
pub(super) struct Questions<'a> {
    topics: &'a [InfoTopic],
    features: &'a [Feature],
    time: Option<AskedTime>,
    ways: &'a [PayMethod],
    /// The ways are asked for the deposit, not the balance.
    deposit: bool,
    /// The view asked about ("¿cuál tiene vista al lago?").
    scenery: Option<Scenery>,
    /// A thing no feature knows, asked beside the rest ("¿tiene deck? ¿y parrilla?").
    described: Option<&'a str>,
    /// What the guest called each feature, said back.
    words: &'a [(Feature, &'static str)],
    /// A spa asked about: the jacuzzi and the sauna only as far as there are.
    spa: bool,
}

impl<'a> Questions<'a> {
    pub(super) fn of(u: &'a Understanding) -> Self {
        Questions {
            topics: &u.topics,
            features: &u.features,
            time: u.asked_time,
            ways: &u.pay_methods,
            deposit: u.pays_deposit,
            scenery: u.scenery,
            described: u.also_described.as_deref(),
            words: &u.feature_words,
            spa: u.spa,
        }
    }
}

/// The answers to what the message asks about the place besides what a hold's own answer
/// already says (`said`: those topics, and the check-in and check-out times with them).
pub(super) fn asked_besides(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    said: &[InfoTopic],
) -> Vec<Effect> {
    let times_said = said.contains(&InfoTopic::CheckInTime);
    let topics: Vec<InfoTopic> = u
        .topics
        .iter()
        .copied()
        .filter(|t| !said.contains(t))
        .collect();
    let features: Vec<Feature> = u
        .features
        .iter()
        .copied()
        .filter(|f| !(times_said && matches!(f, Feature::CheckIn | Feature::CheckOut)))
        .collect();
    if topics.is_empty() && features.is_empty() {
        return Vec::new();
    }
    let asked = Questions {
        topics: &topics,
        features: &features,
        ..Questions::of(u)
    };
    // About the cabin held, when the message names none ("¿tiene wifi?").
    let held = crate::policy::plan::held(facts, u)
        .filter(|h| h.group.is_none())
        .map(|h| h.accommodation.as_str());
    let named = u.accommodation.as_deref().or(held);
    answers(s, (named, &u.accommodations), facts, asked, None)
}

/// "Me gusta la del jacuzzi, ¿tiene wifi?", "la que acepta perros, ¿tiene parrilla?": an
/// option pointed at by what it has, with a question about the place besides, answered for
/// that cabin `name` (what pointed at it is no question).
pub(super) fn asked_of_pointed(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    name: &str,
) -> Vec<Effect> {
    let by = match u.choice {
        Some(Choice::Having(f)) => f,
        Some(Choice::PetFriendly) => Feature::Pets,
        _ => return Vec::new(),
    };
    let features: Vec<Feature> = u.features.iter().copied().filter(|f| *f != by).collect();
    if features.is_empty()
        && u.topics
            .iter()
            .all(|t| matches!(t, InfoTopic::Amenities | InfoTopic::Pets))
    {
        return Vec::new();
    }
    let topics: Vec<InfoTopic> = u
        .topics
        .iter()
        .copied()
        .filter(|t| !(by == Feature::Pets && *t == InfoTopic::Pets))
        .filter(|t| !features.is_empty() || *t != InfoTopic::Amenities)
        .collect();
    let asked = Questions {
        topics: &topics,
        features: &features,
        ..Questions::of(u)
    };
    answers(s, (Some(name), &[]), facts, asked, None)
}

/// "¿La Arrayán tiene wifi? ¿y cuánto sale la noche?" with options offered: the yes/no
/// questions (and a thing only the description has) answered for the option asked about,
/// `name`, beside its price (the pets line, when the option shows it, is not said twice).
pub(super) fn yes_no_of(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    name: &str,
) -> Vec<Effect> {
    let features: Vec<Feature> = u
        .features
        .iter()
        .copied()
        .filter(|f| !(s.pets && *f == Feature::Pets))
        .collect();
    if features.is_empty() && u.also_described.is_none() {
        return Vec::new();
    }
    let asked = Questions {
        topics: &[],
        features: &features,
        ..Questions::of(u)
    };
    answers(s, (Some(name), &[]), facts, asked, None)
}

/// Answers to the questions about the place a message asks, for the cabins it names (or the
/// ones just offered, when a quote came first). A yes/no question is answered first.
pub(super) fn answers(
    s: &ConversationState,
    (named, several): (Option<&str>, &[String]),
    facts: &Facts<'_>,
    asked: Questions<'_>,
    offered: Option<&[i64]>,
) -> Vec<Effect> {
    let Questions {
        topics,
        features,
        time: asked,
        ways,
        deposit,
        scenery,
        described,
        words,
        spa,
    } = asked;
    let lang = s.language;
    // "¿Qué diferencia hay entre la Coihue y la Ñire?": the cabins named, not all of them.
    let compared: Vec<booking::Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| several.len() > 1 && several.contains(&a.name))
        .cloned()
        .collect();
    let all = if compared.len() > 1 {
        &compared[..]
    } else {
        facts.accommodations()
    };
    let spa_features = spa.then(|| spa_answered(features, all, named));
    let features = spa_features.as_deref().unwrap_or(features);
    let answer = |t: InfoTopic| -> Vec<Effect> {
        let said = if t == InfoTopic::View {
            info::views(lang, (all, named), scenery)
        } else if t == InfoTopic::Payment {
            vec![info::payment(
                lang,
                facts.place,
                (all, named),
                (ways, deposit),
            )]
        } else {
            info::answer(
                lang,
                t,
                facts.place,
                (all, named),
                (facts.public_base_url, facts.today),
            )
        };
        said.into_iter().map(Effect::Say).collect()
    };
    let yes_no = |f: Feature| {
        let word = words.iter().find(|(g, _)| *g == f).map(|(_, w)| *w);
        info::yes_no_at(lang, (f, word), facts.place, (all, named), asked)
            .into_iter()
            .map(Effect::Say)
    };
    let mut out: Vec<Effect> = Vec::new();
    if let Some(offered) = offered {
        // After a quote: the pets line for the cabins offered; other topics as usual.
        let shown: Vec<&booking::Accommodation> =
            all.iter().filter(|a| offered.contains(&a.id)).collect();
        let pets_asked = s.pets || topics.contains(&InfoTopic::Pets);
        if pets_asked && !shown.is_empty() {
            let (yes, no) = info::pets_split(&shown);
            // None of those offered takes the pet: which others do, for as many people.
            let others: Vec<&str> = facts
                .accommodations()
                .iter()
                .filter(|a| {
                    a.pets_allowed && !offered.contains(&a.id) && s.guests.is_none_or(|g| a.fits(g))
                })
                .map(|a| a.name.as_str())
                .collect();
            if yes.is_empty() && !others.is_empty() {
                let no = texts::list(lang, &no);
                out.push(say(texts::pets_named_no(lang, &no, &others)));
            } else {
                out.push(say(texts::pets_for_offer(lang, &yes, &no)));
            }
        }
        for f in features.iter().filter(|f| **f != Feature::Pets) {
            out.extend(yes_no(*f));
        }
        for t in topics {
            if matches!(t, InfoTopic::Pets) || covered(features, *t) {
                continue;
            }
            out.extend(answer(*t));
        }
        return out;
    }
    for f in features {
        // "¿La Lenga tiene jacuzzi? ¿y la Ñire?": a no for each cabin named that lacks it (which
        // says the ones that have it), not only the yes of the one that has it.
        let each = named.is_none() && *f != Feature::Pets && f.of_the_cabin();
        let lacking: Vec<&booking::Accommodation> = compared
            .iter()
            .filter(|a| each && !info::has(a, *f))
            .collect();
        if lacking.is_empty() || lacking.len() == compared.len() {
            out.extend(yes_no(*f));
            continue;
        }
        let word = words.iter().find(|(g, _)| g == f).map(|(_, w)| *w);
        for a in lacking {
            out.extend(
                info::yes_no_at(lang, (*f, word), facts.place, (all, Some(&a.name)), asked)
                    .into_iter()
                    .map(Effect::Say),
            );
        }
    }
    if let Some(words) = described {
        out.extend(described_beside(lang, facts, named, words));
    }
    for t in topics {
        if covered(features, *t) {
            continue;
        }
        // Cabins asked about by name: what each one is, not only the amenities all share.
        let described: Vec<booking::Accommodation> = if compared.len() > 1 {
            compared.clone()
        } else {
            all.iter()
                .filter(|a| named == Some(a.name.as_str()))
                .cloned()
                .collect()
        };
        if *t == InfoTopic::Amenities && !described.is_empty() {
            out.push(Effect::Say(info::compared(lang, &described)));
            continue;
        }
        if *t == InfoTopic::Cancellation {
            out.push(say(holds::policy(s, facts)));
            continue;
        }
        out.extend(answer(*t));
    }
    out
}

/// "¿La Coihue tiene deck? ¿y parrilla?": the thing no feature knows, answered from what the
/// owner wrote of the cabin named (else which cabins have it; nothing when none notes it, the
/// rest of the message is answered).
fn described_beside(
    lang: crate::Language,
    facts: &Facts<'_>,
    named: Option<&str>,
    words: &str,
) -> Vec<Effect> {
    let accommodations = facts.accommodations();
    if let Some(a) = named.and_then(|n| facts.accommodation(n)) {
        let yes = info::has_words(a, words);
        let others: Vec<&str> = accommodations
            .iter()
            .filter(|o| o.name != a.name && info::has_words(o, words))
            .map(|o| o.name.as_str())
            .collect();
        let text = if !yes && !others.is_empty() {
            texts::has_described_elsewhere(
                lang,
                &a.name,
                &a.description,
                &texts::list(lang, &others),
            )
        } else {
            texts::has_described(lang, &a.name, yes, &a.description)
        };
        return vec![say(text)];
    }
    // "Any cabins with a view of the mountains?": those with it, in the guest's language.
    if let Some(scenery) = info::scenery_named(words)
        && accommodations.iter().any(|a| info::has_view(a, scenery))
    {
        return info::views(lang, (accommodations, None), Some(scenery))
            .into_iter()
            .map(Effect::Say)
            .collect();
    }
    let lines: Vec<(&str, &str)> = accommodations
        .iter()
        .filter(|a| info::has_words(a, words))
        .map(|a| (a.name.as_str(), a.description.as_str()))
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    vec![say(texts::which_have(lang, &lines))]
}

/// A topic a yes/no answer already covers ("¿tienen pileta?" needs no amenities list).
/// "¿Tienen spa?", "is there a spa?": the jacuzzi when there is one, the sauna when there is
/// one, and a single no (the sauna's) when neither is.
fn spa_answered(
    features: &[Feature],
    all: &[booking::Accommodation],
    named: Option<&str>,
) -> Vec<Feature> {
    let have = |f: Feature| {
        all.iter()
            .filter(|a| named.is_none_or(|n| a.name == n))
            .any(|a| info::has(a, f))
    };
    let jacuzzi = have(Feature::Jacuzzi);
    let sauna = have(Feature::Sauna);
    features
        .iter()
        .copied()
        .filter(|f| match f {
            Feature::Jacuzzi => jacuzzi,
            Feature::Sauna => sauna || !jacuzzi,
            _ => true,
        })
        .collect()
}

fn covered(features: &[Feature], t: InfoTopic) -> bool {
    features.iter().any(|f| match f {
        Feature::Pets => t == InfoTopic::Pets,
        Feature::CheckIn | Feature::CheckOut => t == InfoTopic::CheckInTime,
        Feature::Kids => t == InfoTopic::Kids,
        Feature::Smoking => t == InfoTopic::Smoking,
        _ => t == InfoTopic::Amenities,
    })
}

/// Whether the cabin named has what the guest asked, from what the owner wrote of it.
pub(super) fn has_described(
    s: &ConversationState,
    facts: &Facts<'_>,
    name: String,
    words: String,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    match facts.accommodation(&name) {
        // "¿La Coihue tiene vista al lago?" when the owner wrote it of other cabins and
        // not of this one: no, and which have it.
        Some(a) if !info::has_words(a, &words) => {
            let others: Vec<&str> = accommodations
                .iter()
                .filter(|o| o.name != a.name && info::has_words(o, &words))
                .map(|o| o.name.as_str())
                .collect();
            if others.is_empty() {
                vec![say(texts::has_described(
                    lang,
                    &a.name,
                    false,
                    &a.description,
                ))]
            } else {
                vec![say(texts::has_described_elsewhere(
                    lang,
                    &a.name,
                    &a.description,
                    &texts::list(lang, &others),
                ))]
            }
        }
        Some(a) => vec![say(texts::has_described(
            lang,
            &a.name,
            true,
            &a.description,
        ))],
        None => vec![say(texts::clarify(lang))],
    }
}

/// The cabins whose description has what the guest asked, or what there is.
pub(super) fn which_have(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    words: String,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    // "Is there one with a forest view?": the cabins with that view, said in the guest's
    // language (not the owner's whole description).
    if let Some(scenery) = info::scenery_named(&words)
        && accommodations.iter().any(|a| info::has_view(a, scenery))
    {
        return info::views(lang, (accommodations, None), Some(scenery))
            .into_iter()
            .map(Effect::Say)
            .collect();
    }
    let having: Vec<&booking::Accommodation> = accommodations
        .iter()
        .filter(|a| info::has_words(a, &words))
        .collect();
    if having.is_empty() {
        s.needs_human = true;
        // What there is, so a "no" can be read in it; the team confirms the rest.
        let have = info::what_there_is(accommodations);
        if have.is_empty() {
            vec![say(texts::unanswered(lang))]
        } else {
            // Named in the guest's language ("grill, parking", not "Parrilla, Estacionamiento").
            vec![say(texts::none_noted(
                lang,
                &words,
                &texts::amenities_listed(lang, &have),
            ))]
        }
    } else {
        let lines: Vec<(&str, &str)> = having
            .iter()
            .map(|a| (a.name.as_str(), a.description.as_str()))
            .collect();
        vec![say(texts::which_have(lang, &lines))]
    }
}

/// A question about the place, answered for the cabin named (if any).
pub(super) fn info(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    topics: Vec<InfoTopic>,
    features: Vec<Feature>,
    named: Option<String>,
) -> Vec<Effect> {
    let lang = s.language;
    let asked = Questions {
        topics: &topics[..],
        features: &features[..],
        ..Questions::of(u)
    };
    let out = answers(s, (named.as_deref(), &u.accommodations), facts, asked, None);
    if out.is_empty() {
        vec![say(texts::clarify(lang))]
    } else {
        out
    }
}

//! A stay shorter than the minimum of its season: the minimum and the season named, then the
//! shortest stay that is free from the same day, priced, or a question for more nights.

use booking::StayDates;

use super::{OfferLine, range};
use crate::Language;

fn minimum(lang: Language, season: &str, min: u32) -> String {
    match lang {
        Language::Es => {
            format!(
                "Para esas fechas (temporada «{season}») la estadía mínima es de {min} noches 🙂"
            )
        }
        Language::En => {
            format!("For those dates («{season}» season) the minimum stay is {min} nights 🙂")
        }
        Language::Pt => {
            format!("Para essas datas (temporada «{season}») a estadia mínima é de {min} noites 🙂")
        }
    }
}

/// The minimum, and the shortest acceptable stay from the guest's check-in, priced: a yes
/// books it.
pub fn min_nights_offer(
    lang: Language,
    season: &str,
    min: u32,
    shortest: &StayDates,
    line: &OfferLine<'_>,
) -> String {
    let head = minimum(lang, season, min);
    let when = range(lang, shortest.check_in(), shortest.check_out());
    let (name, total, deposit) = (line.name, line.total, line.deposit);
    match lang {
        Language::Es => format!(
            "{head}\nTe puedo ofrecer {when}: {name}, {total} en total (seña {deposit}). ¿Te la reservo? Respondé «dale», o decime otras fechas."
        ),
        Language::En => format!(
            "{head}\nI can offer you {when}: {name}, {total} in total (deposit {deposit}). Shall I book it? Reply «yes», or tell me other dates."
        ),
        Language::Pt => format!(
            "{head}\nPosso te oferecer {when}: {name}, {total} no total (sinal {deposit}). Reservo para você? Responda «sim», ou me diga outras datas."
        ),
    }
}

/// The minimum, and a question for a longer stay (the shortest one is not free).
pub fn min_nights_ask(lang: Language, season: &str, min: u32) -> String {
    let head = minimum(lang, season, min);
    match lang {
        Language::Es => format!(
            "{head}\n¿Podés quedarte {min} noches o más? Decime las fechas y te paso el precio."
        ),
        Language::En => format!(
            "{head}\nCould you stay {min} nights or more? Tell me the dates and I'll send you the price."
        ),
        Language::Pt => format!(
            "{head}\nVocê pode ficar {min} noites ou mais? Me diga as datas que eu passo o preço."
        ),
    }
}

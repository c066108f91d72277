//! Greetings, questions for what is missing, clarifications and kind refusals.

use booking::{Money, StayError};

use super::{ASK_DATES, ASK_GUESTS, CLARIFY, HUMAN, NO_ROOM, WELCOME};
use crate::{Language, Refusal};

/// "¿Tienen descuento?": a person answers; the rest of the message is answered below it.
pub fn discount_asked(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "Lo de un descuento lo ve alguien del equipo: ya le paso tu consulta y te responde por acá 🙌"
        }
        Language::En => {
            "Someone from our team handles discounts: I'm passing your question on and they'll answer you here 🙌"
        }
        Language::Pt => {
            "Desconto é com alguém da equipe: já passo sua pergunta e te respondem por aqui 🙌"
        }
    }
}

/// "Do you speak English?", "¿hablan español?", "falam português?": yes, first, in the language
/// asked for.
pub fn language_yes(lang: Language) -> &'static str {
    match lang {
        Language::Es => "¡Sí, claro! Te escribo en español 😊",
        Language::En => "Yes, of course! We can write in English 😊",
        Language::Pt => "Sim, claro! Podemos falar em português 😊",
    }
}

/// "¿Sos un bot?": yes, the property's assistant; a person whenever the guest wants one.
pub fn who_i_am(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "¡Sí! Soy el asistente virtual de las cabañas 🤖 Te ayudo con disponibilidad, precios y reservas a cualquier hora. Si preferís hablar con una persona del equipo, decime y le aviso 😊"
        }
        Language::En => {
            "Yes! I'm the cabins' virtual assistant 🤖 I can help you with availability, prices and bookings at any time. If you'd rather talk to someone from the team, just tell me and I'll let them know 😊"
        }
        Language::Pt => {
            "Sim! Sou o assistente virtual dos chalés 🤖 Te ajudo com disponibilidade, preços e reservas a qualquer hora. Se preferir falar com alguém da equipe, é só me dizer que eu aviso 😊"
        }
    }
}

pub fn welcome(lang: Language) -> &'static str {
    match lang {
        Language::Es => WELCOME,
        Language::En => {
            "Hi! 👋 Thanks for writing to us. Tell me your dates and how many people are coming, and I'll send you availability and prices."
        }
        Language::Pt => {
            "Olá! 👋 Obrigado por escrever. Me conta as datas e quantas pessoas são, que eu te passo a disponibilidade e os preços."
        }
    }
}

pub fn ask_guests(lang: Language) -> &'static str {
    match lang {
        Language::Es => ASK_GUESTS,
        Language::En => "How many people would it be for? 😊",
        Language::Pt => "Para quantas pessoas seria? 😊",
    }
}

pub fn ask_dates(lang: Language) -> &'static str {
    match lang {
        Language::Es => ASK_DATES,
        Language::En => {
            "Which dates would you like to come? Tell me the arrival and departure days, for example «December 15 to 17» 📅"
        }
        Language::Pt => {
            "Para quais datas? Me diz o dia de chegada e o de saída, por exemplo «de 15 a 17 de dezembro» 📅"
        }
    }
}

/// Asks for the people, saying first the dates understood (and the cabin talked about, when
/// the guest named it before: "¿cuánto sale la Ñire?" … "¿y del 10 al 12?").
pub fn ask_guests_for(lang: Language, stay: &booking::StayDates, cabin: Option<&str>) -> String {
    let when = super::range(lang, stay.check_in(), stay.check_out());
    let when = match cabin {
        Some(name) => format!("{name}, {when}"),
        None => when,
    };
    match lang {
        Language::Es => format!("¡Perfecto, {when}! 📅 ¿Para cuántas personas sería?"),
        Language::En => format!("Great, {when}! 📅 How many people would it be for?"),
        Language::Pt => format!("Perfeito, {when}! 📅 Para quantas pessoas seria?"),
    }
}

/// The nights said are noted and the day of arrival asked ("somos 4" … "2"), in the month the
/// guest named when they named one ("a principios de marzo, 4 noches": "¿Qué día de marzo…?"),
/// so they see it was understood.
pub fn ask_arrival_for_nights(lang: Language, nights: u32, month: Option<u32>) -> String {
    let noted = match (lang, nights) {
        (Language::Es, 1) => "¡Dale, 1 noche! 📅".to_owned(),
        (Language::Es, n) => format!("¡Dale, {n} noches! 📅"),
        (Language::En, 1) => "Great, 1 night! 📅".to_owned(),
        (Language::En, n) => format!("Great, {n} nights! 📅"),
        (Language::Pt, 1) => "Ótimo, 1 noite! 📅".to_owned(),
        (Language::Pt, n) => format!("Ótimo, {n} noites! 📅"),
    };
    let month = month.map(|m| super::month_name(lang, m));
    let ask = match (lang, month) {
        (Language::Es, None) => "¿Qué día sería la llegada?".to_owned(),
        (Language::Es, Some(m)) => format!("¿Qué día de {m} sería la llegada?"),
        (Language::En, None) => "Which day would you arrive?".to_owned(),
        (Language::En, Some(m)) => format!("Which day in {m} would you arrive?"),
        (Language::Pt, None) => "Qual seria o dia de chegada?".to_owned(),
        (Language::Pt, Some(m)) => format!("Qual seria o dia de chegada em {m}?"),
    };
    format!("{noted} {ask}")
}

/// The cabin the guest named, noted before asking for what is still missing.
pub fn noted_cabin(lang: Language, name: &str) -> String {
    match lang {
        Language::Es => format!("Anoto {name} 📝"),
        Language::En => format!("Noted: {name} 📝"),
        Language::Pt => format!("Anotado: {name} 📝"),
    }
}

/// The cabin that answers a description with no dates yet ("¿algo más barato para 4?"): its
/// size and price a night.
pub fn suggested_cabin(lang: Language, name: &str, capacity: i32, per_night: Money) -> String {
    match lang {
        Language::Es => format!(
            "Te sugiero {name}: para hasta {capacity} personas, la noche arranca en {per_night} 😊"
        ),
        Language::En => {
            format!(
                "I'd suggest {name}: it sleeps up to {capacity}, a night starts at {per_night} 😊"
            )
        }
        Language::Pt => {
            format!("Sugiro {name}: para até {capacity} pessoas, a diária começa em {per_night} 😊")
        }
    }
}

/// A cabin's price a night before any dates: "desde $ 60.000 la noche".
pub fn night_from(lang: Language, per_night: Money) -> String {
    match lang {
        Language::Es => format!("Desde {per_night} la noche"),
        Language::En => format!("From {per_night} a night"),
        Language::Pt => format!("Diária a partir de {per_night}"),
    }
}

/// Asks for dates, saying first what was understood ("¡Genial, 4 personas!").
pub fn ask_dates_for(lang: Language, guests: Option<u16>) -> String {
    match guests {
        None => ask_dates(lang).to_owned(),
        Some(g) => {
            let noted = match lang {
                Language::Es => format!(
                    "¡Genial, {g} {}! ",
                    if g == 1 { "persona" } else { "personas" }
                ),
                Language::En => format!("Great, {g} {}! ", if g == 1 { "guest" } else { "guests" }),
                Language::Pt => {
                    format!("Ótimo, {g} {}! ", if g == 1 { "pessoa" } else { "pessoas" })
                }
            };
            noted + ask_dates(lang)
        }
    }
}

pub fn clarify(lang: Language) -> &'static str {
    match lang {
        Language::Es => CLARIFY,
        Language::En => {
            "Sorry, I didn't quite get that 🙈 Would you like to 1) check availability, 2) know prices, 3) book or 4) talk to someone from our team?"
        }
        Language::Pt => {
            "Desculpa, não entendi bem 🙈 Você quer 1) consultar disponibilidade, 2) saber preços, 3) reservar ou 4) falar com alguém da equipe?"
        }
    }
}

pub fn human(lang: Language) -> &'static str {
    match lang {
        Language::Es => HUMAN,
        Language::En => {
            "Of course! I'll ask someone from our team to write to you here as soon as they can 🙌"
        }
        Language::Pt => {
            "Claro! Vou pedir para alguém da equipe te escrever por aqui assim que puder 🙌"
        }
    }
}

/// A question about the place the bot has no answer for: a person will answer it.
pub fn unanswered(lang: Language) -> &'static str {
    unanswered_with(lang, false)
}

/// [`unanswered`]; `going_on`: an offer or a hold is already on the table, so the dates and
/// people are not asked for again.
pub fn unanswered_with(lang: Language, going_on: bool) -> &'static str {
    match (lang, going_on) {
        (Language::Es, true) => {
            "Buena pregunta 🤔 Eso no lo tengo a mano: le paso tu consulta a alguien del equipo para que te responda por acá en cuanto pueda 🙌"
        }
        (Language::En, true) => {
            "Good question 🤔 I don't have that at hand: I'm passing it on to someone from our team, who'll answer you here as soon as they can 🙌"
        }
        (Language::Pt, true) => {
            "Boa pergunta 🤔 Não tenho essa informação à mão: vou passar sua dúvida para alguém da equipe, que te responde por aqui assim que puder 🙌"
        }
        (_, false) => unanswered_first(lang),
    }
}

/// A question beside the rest of the message that no table answers: passed to a person.
pub fn aside_for_a_person(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "Lo otro que me preguntaste no lo tengo a mano: le paso tu consulta a alguien del equipo para que te responda por acá en cuanto pueda 🙌"
        }
        Language::En => {
            "Your other question I don't have at hand: I'm passing it on to someone from our team, who'll answer you here as soon as they can 🙌"
        }
        Language::Pt => {
            "A sua outra pergunta eu não tenho à mão: vou passar para alguém da equipe, que te responde por aqui assim que puder 🙌"
        }
    }
}

fn unanswered_first(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "Buena pregunta 🤔 Eso no lo tengo a mano: le paso tu consulta a alguien del equipo para que te responda por acá en cuanto pueda 🙌 Mientras, si querés, decime fechas y cuántas personas y te paso disponibilidad."
        }
        Language::En => {
            "Good question 🤔 I don't have that at hand: I'm passing it on to someone from our team, who'll answer you here as soon as they can 🙌 Meanwhile, tell me your dates and how many people and I'll check availability."
        }
        Language::Pt => {
            "Boa pergunta 🤔 Não tenho essa informação à mão: vou passar sua dúvida para alguém da equipe, que te responde por aqui assim que puder 🙌 Enquanto isso, me diga as datas e quantas pessoas que eu vejo a disponibilidade."
        }
    }
}

pub fn no_room(lang: Language) -> &'static str {
    match lang {
        Language::Es => NO_ROOM,
        Language::En => {
            "Oh, we have nothing left for those dates 😕 Would you like to try other dates?"
        }
        Language::Pt => "Puxa, para essas datas não temos mais lugar 😕 Quer tentar outras datas?",
    }
}

pub fn invalid(e: &StayError) -> String {
    invalid_in(Language::Es, e)
}

pub fn invalid_in(lang: Language, e: &StayError) -> String {
    match (lang, e) {
        (Language::Es, StayError::NotAfter) => "Me parece que las fechas quedaron al revés 🙃 ¿Me decís de nuevo el día de llegada y el de salida?".into(),
        (Language::Es, StayError::TooLong(_)) => "Para estadías tan largas te conviene hablar con alguien del equipo 🙌 ¿Querés que te escriban?".into(),
        (Language::Es, StayError::InThePast) => "¡Esa fecha ya pasó! 😅 ¿Para qué fechas sería?".into(),
        (Language::Es, StayError::Guests(max)) => format!("¿Cuántas personas serían? Podemos recibir grupos de hasta {max}."),
        (Language::En, StayError::NotAfter) => "It looks like the dates got swapped 🙃 Could you tell me the arrival and departure days again?".into(),
        (Language::En, StayError::TooLong(_)) => "For such a long stay it's best to talk to someone from our team 🙌 Would you like them to write to you?".into(),
        (Language::En, StayError::InThePast) => "That date has already passed! 😅 Which dates would it be?".into(),
        (Language::En, StayError::Guests(max)) => format!("How many people would it be? We can host groups of up to {max}."),
        (Language::Pt, StayError::NotAfter) => "Parece que as datas ficaram invertidas 🙃 Pode me dizer de novo o dia de chegada e o de saída?".into(),
        (Language::Pt, StayError::TooLong(_)) => "Para estadias tão longas é melhor falar com alguém da equipe 🙌 Quer que te escrevam?".into(),
        (Language::Pt, StayError::InThePast) => "Essa data já passou! 😅 Para quais datas seria?".into(),
        (Language::Pt, StayError::Guests(max)) => format!("Quantas pessoas seriam? Recebemos grupos de até {max}."),
    }
}

pub fn email_without_words(lang: Language) -> &'static str {
    match lang {
        Language::Es => super::EMAIL_WITHOUT_WORDS,
        Language::En => {
            "Thanks for your email! 😊 We found no text in it. Could you tell us in writing which dates and how many people you're looking for?"
        }
        Language::Pt => {
            "Obrigado pelo seu e-mail! 😊 Não encontramos texto na mensagem. Pode nos contar por escrito as datas e quantas pessoas são?"
        }
    }
}

/// A sticker: a friendly word back and a way forward, never "I can only read text".
pub fn sticker_answer(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "😊 ¡Gracias por el sticker! Si querés consultar disponibilidad, contame las fechas y cuántos son."
        }
        Language::En => {
            "😊 Thanks for the sticker! If you'd like to check availability, just tell me the dates and how many you are."
        }
        Language::Pt => {
            "😊 Obrigado pela figurinha! Se quiser consultar disponibilidade, me conta as datas e quantas pessoas são."
        }
    }
}

pub fn unsupported_message(lang: Language) -> &'static str {
    match lang {
        Language::Es => super::UNSUPPORTED_MESSAGE,
        Language::En => {
            "Thanks for your message! 😊 For now I can only read text and voice notes. Could you tell me in writing what you need?"
        }
        Language::Pt => {
            "Obrigado pela mensagem! 😊 Por enquanto só consigo ler texto e áudios. Pode me contar por escrito o que você precisa?"
        }
    }
}

/// The answer to a voice note we cannot act upon: always kind, always with a way forward
/// (writing), never a technical word.
pub fn audio_refusal(why: Refusal) -> &'static str {
    match why {
        Refusal::Unclear => {
            "¡Gracias por tu audio! 🙌 No llegué a entenderlo bien, ¿me lo escribís en un mensajito así te respondo enseguida?"
        }
        Refusal::Silent => {
            "Me llegó tu audio pero no se escucha nada 🙈 ¿Me lo mandás de nuevo o me lo escribís?"
        }
        Refusal::Unreadable => {
            "¡Gracias por tu audio! 😊 No lo pude abrir, ¿me lo mandás de nuevo como nota de voz o me lo escribís?"
        }
        Refusal::NotAudio => {
            "¡Gracias! 😊 Eso que me mandaste no parece un audio. ¿Me contás por escrito qué necesitás?"
        }
        Refusal::TooLarge | Refusal::TooLong => {
            "¡Gracias por tu audio! 🙌 Es un poquito largo para mí, ¿me lo resumís en un mensaje o en un audio más cortito?"
        }
        // The words the fleet used before it could listen.
        Refusal::NoModel => super::AUDIO_NOT_YET,
    }
}

pub fn cancel(code: Option<&str>) -> String {
    match code {
        Some(code) => cancel_received(Language::Es, code),
        None => ask_code(Language::Es).to_owned(),
    }
}

/// A cancellation for a code we cannot see in this conversation: staff confirm it.
pub fn cancel_received(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "Recibimos tu pedido para cancelar la reserva {code}. Alguien del equipo te lo confirma por acá en breve 🙌"
        ),
        Language::En => format!(
            "We got your request to cancel booking {code}. Someone from our team will confirm it here shortly 🙌"
        ),
        Language::Pt => format!(
            "Recebemos seu pedido para cancelar a reserva {code}. Alguém da equipe confirma por aqui em breve 🙌"
        ),
    }
}

pub fn ask_code(lang: Language) -> &'static str {
    match lang {
        Language::Es => "¿Me pasás el código de la reserva que querés cancelar? Empieza con RES 🙂",
        Language::En => {
            "Could you send me the code of the booking you want to cancel? It starts with RES 🙂"
        }
        Language::Pt => {
            "Pode me passar o código da reserva que você quer cancelar? Começa com RES 🙂"
        }
    }
}

/// The guest drops an offer before anything was held.
pub fn offer_dropped(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "¡Listo, no te reservo nada! 😊 Si querés ver otras fechas u otra cabaña, decime."
        }
        Language::En => {
            "Sure, I won't book anything! 😊 If you'd like other dates or another cabin, just tell me."
        }
        Language::Pt => {
            "Tudo bem, não reservo nada! 😊 Se quiser ver outras datas ou outro chalé, é só me dizer."
        }
    }
}

/// The guest says no to the offer.
pub fn offer_declined(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "¡Está bien! 😊 Si querés ver otras fechas u otra cabaña, decime y lo vemos."
        }
        Language::En => "No problem! 😊 If you'd like other dates or another cabin, just tell me.",
        Language::Pt => "Tudo bem! 😊 Se quiser ver outras datas ou outro chalé, é só me dizer.",
    }
}

/// "Gracias": a kind word back, and the door open.
/// The guest will think about it: no rush, nothing is booked.
pub fn take_your_time(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "¡Dale, tranqui! 😊 Cuando lo decidas, escribime y lo vemos. Mientras tanto no reservo nada."
        }
        Language::En => {
            "Sure, take your time! 😊 Write to me whenever you decide. I won't book anything meanwhile."
        }
        Language::Pt => {
            "Claro, sem pressa! 😊 Quando decidir, me escreve. Enquanto isso não reservo nada."
        }
    }
}

/// The guest gave their name: thanked by it; `ask` asks what they need (nothing else follows).
pub fn name_noted(lang: Language, name: &str, ask: bool) -> String {
    match (lang, ask) {
        (Language::Es, false) => format!("¡Gracias, {name}! 😊"),
        (Language::Es, true) => format!("¡Gracias, {name}! 😊 ¿En qué te puedo ayudar?"),
        (Language::En, false) => format!("Thanks, {name}! 😊"),
        (Language::En, true) => format!("Thanks, {name}! 😊 How can I help you?"),
        (Language::Pt, false) => format!("Obrigado, {name}! 😊"),
        (Language::Pt, true) => format!("Obrigado, {name}! 😊 Como posso te ajudar?"),
    }
}

pub fn you_are_welcome(lang: Language) -> &'static str {
    match lang {
        Language::Es => "¡Gracias a vos! 😊 Cualquier cosa que necesites, escribime por acá.",
        Language::En => "Thank you! 😊 If you need anything else, just write to me here.",
        Language::Pt => "Obrigado a você! 😊 Se precisar de algo, é só me escrever por aqui.",
    }
}

/// "¿La Lenga tiene pileta? si tiene, reservala" answered no: nothing booked; the cabin asked
/// about is still on the table if the guest wants it anyway.
pub fn if_not_still(lang: Language, name: &str) -> String {
    match lang {
        Language::Es => {
            format!(
                "Así que todavía no te reservé nada 😊 ¿Querés {name} igual? Respondé «dale», o decime cuál preferís."
            )
        }
        Language::En => {
            format!(
                "So I haven't booked anything yet 😊 Would you like {name} anyway? Reply «yes», or tell me which one you prefer."
            )
        }
        Language::Pt => {
            format!(
                "Então ainda não reservei nada 😊 Quer {name} mesmo assim? Responda «sim», ou me diga qual prefere."
            )
        }
    }
}

//! What a guest asks or says about the hold they already have: until when it is kept, that
//! they paid, that the payment link did not come or does not work, whether it still stands.
//! Read only from the words (Portuguese "não" is bridged to "no" by then); whether there is a
//! hold to speak of is the policy's business.

use super::{AboutHold, lexicon, normalize::Token};

/// Until when the hold is kept.
#[rustfmt::skip]
const DEADLINE: &[&str] = &[
    "hasta cuando tengo", "hasta que hora tengo", "cuanto tiempo tengo", "hasta cuando puedo pagar",
    "hasta que hora puedo pagar", "hasta cuando me la", "hasta cuando me lo", "hasta cuando la guardan",
    "hasta cuando la guardas", "hasta cuando la tenes", "hasta cuando tenemos", "cuando vence",
    "se vence", "hasta cuando vale", "how long do i have", "how long do we have",
    "how long will you hold", "how long is it held", "when does it expire", "when does the hold expire",
    "until when", "ate quando", "quanto tempo tenho", "quanto tempo temos", "quando vence",
    // Paying later asked: until when it is kept says whether that is in time.
    "pagar manana", "pagar la sena manana", "pagarla manana", "pago manana", "pagamos manana",
    "pagar despues", "pagar mas tarde", "pagar a la noche", "pago a la noche", "pay tomorrow",
    "pay later", "pay manana", "pay it manana", "pagar amanha", "pagar depois", "pagar mais tarde",
    // Not paying in time asked ("si no pago hoy, ¿se cae?", "what if I don't pay today?", "se
    // eu não pagar hoje, perco?"): until when it is kept answers it. English and Portuguese
    // reach here bridged ("until when" is "hasta when", "até quando" "hasta quando").
    "hasta when", "hasta quando", "hasta cuando esta", "hasta cuando queda", "hasta cuando sigue",
    "hasta cuando dura", "hasta cuando se", "hasta cuando me", "hasta cuando lo", "hasta cuando la",
    "se cae la reserva", "se me cae la reserva", "la reserva se cae", "pierdo la reserva", "perdemos la reserva",
    "la pierdo", "la perdemos", "se pierde la reserva", "se libera la reserva", "la liberan",
    "la liberas",
    "si no pago", "si no la pago", "si no pagamos", "si no llego a pagar", "if i don t pay",
    "if we don t pay", "if i do not pay", "lose the booking", "lose my booking", "lose the reserva",
    "lose mi reserva", "does it expire", "will it expire", "when does it expire", "se no pagar",
    "se yo no pagar", "se a gente no pagar", "perco a reserva", "cai a reserva", "a reserva cai",
    // "¿Cuál es el plazo para pagar la seña?", "what's the deadline to pay?", "qual o prazo pra
    // pagar o sinal?", "by when do I need to pay?".
    "plazo para pagar", "plazo para la sena", "plazo para el pago", "plazo de pago",
    "plazo pra pagar", "prazo para pagar", "prazo pra pagar", "prazo do sinal", "prazo para o sinal",
    "prazo pro sinal", "prazo de pagamento", "deadline to pay", "deadline for the deposit",
    "deadline for paying", "deadline for payment", "payment deadline", "deadline for the payment",
    "by when do i", "by when do we", "by when should i", "by when should we", "by when must i",
    "by when must we", "by when can i", "cuanto tempo tenho", "cuanto tempo temos", "deadline",
];

/// The guest says they paid.
#[rustfmt::skip]
const PAID: &[&str] = &[
    "ya pague", "ya te pague", "ya les pague", "ya pagamos", "ya esta pago", "ya esta pagado",
    "ya esta pagada", "ya transferi", "ya te transferi", "ya les transferi", "ya hice la transferencia",
    "ya te hice la transferencia", "ya te mande el pago", "ya pague la sena", "ya te deposite",
    "ya esta la sena", "ya esta senada", "ya esta senado", "ya hice el pago", "ya sene", "ya senamos", "pago hecho",
    "listo pague", "recien pague", "acabo de pagar", "acabamos de pagar", "ya abone", "i paid",
    "i ve paid", "i have paid", "we paid", "we ve paid", "just paid", "payment done",
    "payment made", "already paid", "already made the payment", "ja paguei", "acabei de pagar", "ja fiz o pagamento", "pagamento feito",
    "ja pagamos",
    // A Pix or a transfer made: "fiz um pix do sinal", "mandei o pix", "já transferi".
    "fiz um pix", "fiz o pix", "fiz pix", "mandei o pix", "mandei um pix", "ja fiz o pix",
    "ja mandei o pix", "fiz a transferencia", "fiz uma transferencia", "ja transferi",
    "fiz un pix", "mandei un pix", "ja fiz un pix", "te hice un pix", "hice un pix", "hice el pix", "mande el pix", "mande un pix", "hice la transferencia", "hice una transferencia", "sent a transfer",
    "sent you a transfer", "sent a bank transfer", "sent you a bank transfer", "made a transfer",
    "made a bank transfer", "did a bank transfer", "wired the deposit", "wired you",
];

/// The payment link did not arrive or does not work.
#[rustfmt::skip]
const LINK_MISSING: &[&str] = &[
    "no me llego el link", "no me llego el enlace", "no me llego el mail", "no me llego nada",
    "no recibi el link", "no tengo el link", "no veo el link", "no encuentro el link",
    "el link no funciona", "el link no anda", "el link no abre", "el link no me deja",
    "el link no me abre", "no me abre el link", "no abre el link", "el link da error",
    "el link no carga", "no me carga el link", "el link esta vencido", "el link no sirve",
    "link isn t opening", "link won t open", "o link nao abre", "o link da erro",
    "no me anda el link", "no me funciona el link", "no puedo pagar", "no me deja pagar",
    "reenviame el link", "mandame el link de nuevo", "pasame el link de nuevo",
    "mandame de nuevo el link", "pasame de nuevo el link", "me reenvias el link",
    "didn t get the link", "did not get the link", "didn t receive the link", "link doesn t work",
    "link is not working", "link isn t working", "can t pay", "cannot pay",
    "send me the link again", "send the link again", "no recebi o link", "o link no funciona",
    "no consigo pagar", "manda o link de novo", "me manda o link de novo",
    // The link asked again ("send me the payment link again", "pode reenviar o link?",
    // "¿dónde pago?").
    "send me the payment link", "send the payment link", "resend the link",
    "resend the payment link", "send me the link", "link again", "where do i pay",
    "where can i pay", "me manda o link", "manda o link", "reenviar o link", "reenvia o link",
    "link de pagamento de novo", "onde yo pago", "onde pago", "onde posso pagar", "resend it",
    "resend me the link", "resend",
    "mandame el link", "pasame el link", "me pasas el link", "me mandas el link", "donde pago",
    "donde puedo pagar",
];

/// Whether the hold or reservation still stands.
#[rustfmt::skip]
const STATUS: &[&str] = &[
    "sigue en pie", "sigue vigente", "esta confirmada", "esta confirmado", "quedo confirmada",
    "quedo confirmado", "quedo reservada", "quedo reservado", "esta reservada", "esta reservado",
    "tengo la reserva", "tenemos la reserva", "se hizo la reserva", "is my booking confirmed",
    "is the booking confirmed", "is it confirmed", "is my reservation confirmed", "are we booked",
    "ficou confirmada", "ficou reservada", "a reserva esta", "minha reserva esta",
    "sigue guardada", "sigue reservada", "sigue valiendo", "sigue activa", "sigue firme",
    "todavia la tenes", "todavia esta guardada", "todavia esta reservada", "todavia esta vigente",
    "la seguis teniendo", "still on hold", "still el hold",
    "still held", "still valid", "still stands", "still standing", "still reservada",
    "still reserved", "still booked", "still good", "still mi reserva", "still have mi reserva",
    // Firm, in order, all set: "¿quedó firme la reserva?", "¿está todo en orden?", "¿me
    // confirman que quedó?".
    "quedo firme", "quedo en firme", "esta firme", "esta en firme", "queda firme", "todo en orden",
    "esta todo ok", "quedo todo ok", "esta todo bien con la reserva", "quedo todo bien",
    "quedo todo listo", "esta todo listo", "salio todo bien", "me confirman la reserva",
    "me confirmas la reserva", "me confirman que quedo", "me confirmas que quedo",
    "me confirman que esta", "me confirmas que esta", "me confirman que la reserva",
    "me confirmas que la reserva", "esta todo correcto", "all set", "are we all set",
    "ficou tudo ok", "esta tudo ok", "ta tudo ok",
    "de pe", "ainda esta guardada", "ainda esta reservada", "ainda esta valendo", "ainda vale", "continua valendo", "segue valendo", "ainda guardada",
];

/// The link named with a verb of sending it or of its not arriving, anywhere in the message
/// ("¿me podés mandar el link de nuevo? no me llegó", "¿me lo pasás otra vez, el link?").
fn link_asked_again(tokens: &[Token]) -> bool {
    const LINK: &[&str] = &["link", "enlace", "linck", "links"];
    #[rustfmt::skip]
    const SEND_OR_MISSING: &[&str] = &[
        "mandar", "mandame", "mandas", "mandes", "pasar", "pasame", "pasas", "pases", "enviar",
        "enviame", "envias", "reenviar", "reenviame", "reenvias", "llego", "llegaba", "recibi",
        "send", "resend", "sent", "reenvia", "chegou", "recebi",
    ];
    tokens.iter().any(|t| t.is_any(LINK)) && tokens.iter().any(|t| t.is_any(SEND_OR_MISSING))
}

/// The guest says they paid in words no fixed phrase lists: a past "I paid" verb not led by a
/// word that makes it a subjunctive ("pagué recién", "les transferí la seña", but not "cuando
/// pague", "¿querés que pague ahora?"); "I made/sent the payment" ("realicé el pago", "les
/// mandé el comprobante de la transferencia"); or whether the payment arrived ("¿les llegó el
/// pago?", "¿se acreditó la seña?", "did you receive the payment?", "caiu o pagamento?").
fn says_paid(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const PAID_VERB: &[&str] = &[
        "pague", "abone", "transferi", "transferimos", "deposite", "depositamos", "sene",
        "senamos", "gire", "giramos", "paguei", "depositei",
    ];
    /// Before a paying verb, what makes it a wish, a future or not done ("cuando pague", "que
    /// pague", "todavía no pagué").
    #[rustfmt::skip]
    const NOT_DONE: &[&str] = &[
        "cuando", "si", "que", "apenas", "cuanto", "para", "antes", "hasta", "no", "nunca",
        "nao", "not",
    ];
    #[rustfmt::skip]
    const MADE: &[&str] = &[
        "realice", "realizamos", "hice", "hicimos", "efectue", "efectuamos", "mande", "mandamos",
        "envie", "enviamos", "fiz", "fizemos", "mandei", "enviei", "made", "sent",
    ];
    #[rustfmt::skip]
    const PAYMENT: &[&str] = &[
        "pago", "transferencia", "sena", "deposito", "plata", "comprobante", "pagamento", "sinal",
        "payment", "deposit", "transfer",
    ];
    #[rustfmt::skip]
    const ARRIVED: &[&str] = &[
        "llego", "llegaron", "recibieron", "recibiste", "recibio", "acredito", "acreditaron",
        "acreditado", "acreditada", "impacto", "entro", "recebeu", "receberam", "caiu", "chegou",
        "received", "receive", "arrived", "went",
    ];
    // "Hice una transferencia", "fiz um pix": a payment made is named with "un" too.
    const ARTICLE: &[&str] = &[
        "el", "la", "mi", "nuestra", "nuestro", "o", "a", "meu", "my", "the", "our", "un", "una",
        "um", "uma",
    ];
    let done = |i: usize| i == 0 || !tokens[i - 1].is_any(NOT_DONE);
    let paid_verb = tokens
        .iter()
        .enumerate()
        .any(|(i, t)| t.is_any(PAID_VERB) && done(i));
    // A payment named as a thing: with its article ("el pago", "la seña"), so "lo pago
    // cuando llego" (I pay it when I arrive) names none.
    let payment_at: Vec<usize> = (1..tokens.len())
        .filter(|&i| tokens[i].is_any(PAYMENT) && tokens[i - 1].is_any(ARTICLE))
        .collect();
    let near = |words: &[&str], before: usize, after: usize| {
        payment_at.iter().any(|&p| {
            let from = p.saturating_sub(before);
            let to = (p + after).min(tokens.len() - 1);
            (from..=to).any(|j| j != p && tokens[j].is_any(words) && done(j))
        })
    };
    // "¿Cómo les mando el pago?", "where do I send the payment?" ask how, not say it is done.
    let link = tokens
        .iter()
        .any(|t| t.is_any(&["link", "enlace", "como", "donde", "how", "where"]));
    paid_verb || !link && (near(MADE, 3, 0) || near(ARRIVED, 3, 3))
}

/// Whether the payment arrived, asked: a payment named with a verb of its arriving ("¿les llegó
/// la seña?", "¿ya se acreditó el pago?", "¿recibieron la transferencia?", "did you get my
/// payment?", "vocês receberam o pagamento?"). Read as "I paid": confirmed when it is, else
/// not seen yet.
fn payment_arrival_asked(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const PAYMENT: &[&str] = &[
        "pago", "sena", "transferencia", "deposito", "plata", "payment", "deposit", "transfer",
        "money", "pagamento", "sinal", "pix", "dinheiro",
    ];
    #[rustfmt::skip]
    const ARRIVED: &[&str] = &[
        "llegaron", "recibieron", "recibiste", "recibio", "recibido", "recibida", "acredito",
        "acreditado", "acreditada", "acreditaron", "impactado", "impactada", "got", "received",
        "receive", "arrived", "chegou", "receberam", "recebeu", "recebido", "recebida", "caiu",
        "compensou", "creditado", "creditada", "processed", "cleared",
    ];
    // "Llegó", "entró", "impactó" are the payment's only said of it ("¿les llegó la seña?",
    // "¿ya entró el pago?"), not of the guest ("el resto lo pago cuando llego").
    // "Did you get my payment?": "get" said of the place.
    const OF_IT: &[&str] = &["llego", "entro", "impacto", "get"];
    const BEFORE: &[&str] = &["les", "te", "le", "ya", "se", "nos", "me", "you"];
    let of_it = |i: usize| {
        i.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| p.is_any(BEFORE))
            || tokens
                .get(i + 1)
                .is_some_and(|a| a.is_any(&["la", "el", "mi", "nuestra", "nuestro"]))
                && tokens.get(i + 2).is_some_and(|t| t.is_any(PAYMENT))
    };
    // "No me llegó el link de pago": the link, not the payment; a refund is no payment made.
    !tokens.iter().any(|t| {
        t.is_any(&[
            "link",
            "enlace",
            "mail",
            "email",
            "voucher",
            "comprobante",
            "refund",
            "devuelven",
            "devolucion",
            "reembolso",
            "back",
        ])
    }) && tokens.iter().any(|t| t.is_any(PAYMENT))
        && tokens
            .iter()
            .enumerate()
            .any(|(i, t)| t.is_any(ARRIVED) || (t.is_any(OF_IT) && of_it(i)))
}

/// "¿Ya se acreditó el pago?", "¿la seña ya está acreditada?": whether the payment arrived is
/// about the hold (confirmed, or not seen yet), not a question about how paying works or about
/// a cabin's description.
pub(super) fn payment_arrival_read(
    mut u: super::Understanding,
    tokens: &[Token],
) -> super::Understanding {
    if u.about_hold != Some(AboutHold::Paid)
        || !payment_arrival_asked(tokens)
        || u.check_in.is_some()
        || u.accommodation.is_some()
    {
        return u;
    }
    u.topics.retain(|t| *t != super::InfoTopic::Payment);
    u.info_topic = u.topics.first().copied();
    if u.intent == super::Intent::AskInfo && u.topics.is_empty() {
        u.intent = super::Intent::Unknown;
    }
    u.asked_of = None;
    u.asked_words = None;
    u.also_described = None;
    u.pay_methods.clear();
    u
}

/// The first of these the message says, in this order of precedence: a guest who says they
/// paid and asks whether it is confirmed is answered about the payment.
pub(super) fn detect(tokens: &[Token]) -> Option<AboutHold> {
    let says = |list: &[&str]| lexicon::says_any(tokens, list);
    if says(PAID) || says_paid(tokens) || payment_arrival_asked(tokens) {
        Some(AboutHold::Paid)
    } else if says(LINK_MISSING) || link_asked_again(tokens) {
        Some(AboutHold::LinkMissing)
    } else if says(DEADLINE)
        // "¿Cuál es el plazo para cancelar?", "the cancellation deadline": the policy's.
        && !tokens.iter().any(|t| {
            t.is_any(&[
                "cancelar", "cancel", "cancellation", "cancelamento", "cancelacion", "cancelling",
                "canceling",
            ])
        })
    {
        Some(AboutHold::Deadline)
    } else if says(STATUS) {
        Some(AboutHold::Status)
    } else {
        None
    }
}

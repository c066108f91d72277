//! Behaviour beyond the examples table: reservation codes, accommodation names, agreement,
//! info topics, the confidence ordering, the JSON line, and that no input can make
//! `understand` panic.

use chrono::NaiveDate;

use super::{
    AboutHold, CONFIDENCE_THRESHOLD, Choice, Feature, InfoTopic, Intent, PayMethod, Understanding,
    examples::NAMES, to_json_line, understand,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 10).expect("valid test date")
}

fn read(text: &str) -> Understanding {
    understand(text, today(), NAMES)
}

#[test]
fn reservation_codes_anywhere_in_any_case() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "quiero cancelar la reserva RES2512150001",
            Some("RES2512150001"),
        ),
        ("res251215001", Some("RES251215001")),
        (
            "mi código es Res261201004, a qué hora es el check in?",
            Some("RES261201004"),
        ),
        ("RES-251215001", Some("RES251215001")),
        ("es la RES 251215 001", Some("RES251215001")),
        ("(RES251215001)", Some("RES251215001")),
        ("cancelá RES251215001 y RES251216002", Some("RES251215001")),
        ("RES12", None),
        ("PRES251215001", None),
        ("reserva 251215001", None),
        ("hola", None),
    ];
    for (text, want) in cases {
        assert_eq!(read(text).reservation_code.as_deref(), *want, "{text}");
    }
}

#[test]
fn a_code_is_never_read_as_a_date_or_guests() {
    let u = read("cancelar RES261201004");
    assert_eq!(
        (u.intent, u.check_in, u.guests),
        (Intent::Cancel, None, None)
    );
    let u = read("RES251215001 somos 3");
    assert_eq!(u.guests, Some(3));
}

#[test]
fn accommodation_names() {
    let cases: &[(&str, Option<&str>)] = &[
        ("reservame la del lago", Some("Cabaña del Lago")),
        ("dale, reservame la coihue", Some("Cabaña Coihue")),
        ("la COIHUE tiene parrilla?", Some("Cabaña Coihue")),
        ("cabaña lenga del 3 al 5", Some("Cabaña Lenga")),
        ("la lenga", Some("Cabaña Lenga")),
        ("la arrayan tiene wifi", Some("Cabaña Arrayán")),
        ("la Arrayán", Some("Cabaña Arrayán")),
        ("fotos de la cabaña del lago", Some("Cabaña del Lago")),
        ("la coigue", Some("Cabaña Coihue")),
        ("tenés una cabaña libre?", None),
        ("la de la montaña", None),
        ("hola", None),
    ];
    for (text, want) in cases {
        assert_eq!(read(text).accommodation.as_deref(), *want, "{text}");
    }
    assert_eq!(understand("la del lago", today(), &[]).accommodation, None);
    let twins = ["Lago Grande", "Lago Chico"];
    assert_eq!(
        understand("la del lago", today(), &twins).accommodation,
        None
    );
    assert_eq!(
        understand("la del lago chico", today(), &twins)
            .accommodation
            .as_deref(),
        Some("Lago Chico")
    );
}

#[test]
fn agreement() {
    let yes = [
        "sí",
        "si",
        "Sí!",
        "siii",
        "si, dale",
        "dale",
        "dale!!",
        "de una",
        "DE UNA",
        "ok",
        "okey",
        "👍",
        "perfecto",
        "perfecto, reservala",
        "confirmo",
        "reservá",
        "dale, reservá",
        "lo tomo",
        "joya",
        "barbaro",
        "listo",
        "genial, dale",
        "sí, la coihue",
        "bueno",
    ];
    for text in yes {
        assert!(read(text).affirmative, "{text} should agree");
    }
    let no = [
        "no",
        "no, gracias",
        "mejor no",
        "si tenés lugar para el finde avisame",
        "ok gracias",
        "perfecto, lo pienso",
        "listo, te aviso",
        "te confirmo a la noche",
        "hola",
        "cuánto sale?",
        "bueno, y cuánto sale?",
        "",
    ];
    for text in no {
        assert!(!read(text).affirmative, "{text} should not agree");
    }
}

#[test]
fn a_bare_yes_is_a_booking_without_dates() {
    for text in ["sí", "dale", "de una", "ok", "confirmo"] {
        let u = read(text);
        assert_eq!(
            (u.intent, u.affirmative, u.check_in, u.check_out),
            (Intent::Book, true, None, None),
            "{text}"
        );
        assert!(u.confidence >= CONFIDENCE_THRESHOLD, "{text}");
    }
}

#[test]
fn info_topics() {
    let cases: &[(&str, Option<InfoTopic>)] = &[
        ("tenés fotos?", Some(InfoTopic::Photos)),
        ("mandame imagenes de la cabaña", Some(InfoTopic::Photos)),
        ("tiene wifi?", Some(InfoTopic::Amenities)),
        ("tiene parrilla?", Some(InfoTopic::Amenities)),
        ("hay pileta?", Some(InfoTopic::Amenities)),
        ("dónde queda?", Some(InfoTopic::Location)),
        ("cómo llego?", Some(InfoTopic::Location)),
        ("como se llega desde bariloche", Some(InfoTopic::Location)),
        ("puedo llevar a mi perro", Some(InfoTopic::Pets)),
        ("aceptan mascotas?", Some(InfoTopic::Pets)),
        ("a qué hora es el check in?", Some(InfoTopic::CheckInTime)),
        ("hora de entrada/salida", Some(InfoTopic::CheckInTime)),
        ("podemos llegar tarde?", Some(InfoTopic::CheckInTime)),
        (
            "cual es la política de cancelación?",
            Some(InfoTopic::Cancellation),
        ),
    ];
    for (text, want) in cases {
        let u = read(text);
        assert_eq!((u.intent, u.info_topic), (Intent::AskInfo, *want), "{text}");
    }
    // The topic is only given with ask_info.
    assert_eq!(read("hay lugar el finde? aceptan perros?").info_topic, None);
}

#[test]
fn confidence_orders_clear_above_vague() {
    let clear = [
        "hola",
        "¿tenés lugar para 2 del 15 al 17 de diciembre?",
        "cuánto sale para 2 del 3 al 5?",
        "quiero reservar",
        "tenés fotos?",
        "quiero cancelar la reserva RES2512150001",
        "quiero hablar con una persona",
        "hay dispnibilidad para el finde?",
        "dale",
    ];
    for text in clear {
        let c = read(text).confidence;
        assert!(c >= CONFIDENCE_THRESHOLD, "{text}: {c}");
    }
    let vague = [
        "quiero ir en algún momento",
        "queremos ir en el verano",
        "somos 4",
        "asdf qwerty",
        "gracias",
        "jajaja",
        "",
        "🙂",
    ];
    for text in vague {
        let c = read(text).confidence;
        assert!(c < CONFIDENCE_THRESHOLD, "{text}: {c}");
    }
}

#[test]
fn confidence_reflects_what_went_wrong() {
    let c = |text: &str| read(text).confidence;
    // A typo costs, a clean full request earns.
    assert!(c("hay dispnibilidad el finde?") < c("hay disponibilidad el finde?"));
    assert!(c("hay disponibilidad el finde?") > c("hay disponibilidad?") - 0.001);
    // An impossible date costs.
    assert!(c("hay lugar el 31/02?") < c("hay lugar el 28/02?"));
    assert!(c("hay lugar del 40 al 50?") < c("hay lugar del 4 al 5?"));
    // A weekday that contradicts the day costs ("domingo 4": the next 4ths are Fri, Mon, Thu).
    assert!(c("hay lugar el domingo 4?") < c("hay lugar el viernes 4?"));
    // Inferred is below explicit; a vague time is below a date.
    assert!(c("del 15 al 17 de diciembre") < c("hay lugar del 15 al 17 de diciembre?"));
    assert!(c("tenés lugar la semana que viene?") < c("tenés lugar el finde?"));
    // Unknown never claims much.
    for text in ["asdf", "123", "qwerty uiop", "🙂"] {
        assert!(c(text) <= 0.3, "{text}");
    }
    assert_eq!(c(""), 0.0);
}

#[test]
fn confidence_stays_in_range_and_rounded() {
    for (today, text, ..) in super::examples::EXAMPLES {
        let today: NaiveDate = today.parse().expect("valid date");
        let c = understand(text, today, NAMES).confidence;
        assert!((0.0..=1.0).contains(&c), "{text}: {c}");
        assert!(
            ((c * 100.0).round() - c * 100.0).abs() < 1e-3,
            "{text}: {c}"
        );
    }
}

#[test]
fn json_line() {
    let u = read("tenés lugar para 2 del 15 al 17 de diciembre?");
    assert_eq!(
        to_json_line(&u),
        r#"{"intent":"check_availability","check_in":"2026-12-15","check_out":"2026-12-17","guests":2,"confidence":0.95,"language":"es"}"#
    );
    let u = read("hola");
    assert_eq!(
        to_json_line(&u),
        r#"{"intent":"greeting","check_in":null,"check_out":null,"guests":null,"confidence":0.95,"language":"es"}"#
    );
    let line = to_json_line(&read("asdf"));
    let v: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
    assert_eq!(v["intent"], "unknown");
    assert!(!line.contains('\n'));
}

#[test]
fn intents_serialize_in_snake_case() {
    let all = [
        Intent::Greeting,
        Intent::CheckAvailability,
        Intent::AskPrice,
        Intent::Book,
        Intent::AskInfo,
        Intent::Cancel,
        Intent::Human,
        Intent::Unknown,
    ];
    for intent in all {
        assert_eq!(
            serde_json::to_value(intent).expect("serializes"),
            intent.as_str()
        );
    }
    assert_eq!(
        serde_json::to_value(InfoTopic::CheckInTime).expect("serializes"),
        "check_in_time"
    );
    let u = serde_json::to_value(read("tenés fotos?")).expect("serializes");
    assert_eq!(
        (u["intent"].as_str(), u["info_topic"].as_str()),
        (Some("ask_info"), Some("photos"))
    );
}

#[test]
fn check_out_is_always_after_check_in() {
    for (today, text, ..) in super::examples::EXAMPLES {
        let today: NaiveDate = today.parse().expect("valid date");
        let u = understand(text, today, NAMES);
        if let Some(out) = u.check_out {
            assert!(u.check_in.is_some_and(|i| i < out), "{text}: {u:?}");
        }
    }
}

/// Odd inputs: nothing may panic, and the answer must stay sane.
#[test]
fn nothing_panics_on_arbitrary_input() {
    let long_words = "hola tenés lugar del 15 al 17 de diciembre para 2 ".repeat(250);
    let long_digits = "1234567890/".repeat(1000);
    let long_emoji = "🙂".repeat(10_000);
    let long_code = format!("RES{}", "9".repeat(5000));
    let mut odd: Vec<String> = [
        "",
        " ",
        "\n\t",
        "🙂🙂🙂",
        "👍👍",
        "31/02",
        "del 40 al 50",
        "00/00/0000",
        "99/99/99",
        "1/1/1",
        "0",
        "-1",
        "//",
        "--",
        "..",
        "1-2-3-4-5",
        "15/12-",
        "-15/12",
        "15//12",
        "15/12/",
        "del al",
        "del",
        "al 5",
        "el",
        "de de de",
        "del 31 al 31 de febrero",
        "el 29/02/2027",
        "el 29/02/2028",
        "por 0 noches",
        "por 999 noches",
        "por 99999999999999999999 noches",
        "somos 0",
        "somos 99999",
        "para -3",
        "treinta y",
        "veinti",
        "veinti veinti dos",
        "y y y",
        "RES",
        "RES-",
        "res 1 2 3 4 5 6 7 8 9",
        "ÑÑÑ",
        "ΑΒΓ",
        "مرحبا",
        "你好",
        "İstanbul",
        "e\u{301}",
        "\u{200b}\u{200d}",
        "\u{0}",
        "a\u{308}\u{308}\u{308}",
        "𝔥𝔬𝔩𝔞",
        "x".repeat(5000).as_str(),
        "finde finde finde",
        "del viernes al viernes",
        "el viernes 31 de febrero",
        "pasado",
        "mañana mañana mañana",
        "del 1 al 2 del 3 al 4 del 5 al 6",
        "el 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
        "cuatro cinco seis siete",
        "hay lugar el finde del 31 de febrero?",
        "2 2 2 2 2 2 personas personas",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    odd.extend([long_words, long_digits, long_emoji, long_code]);
    let days = [
        today(),
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(2028, 2, 29).expect("leap day"),
        NaiveDate::from_ymd_opt(2026, 12, 31).expect("new year's eve"),
    ];
    for day in days {
        for text in &odd {
            let u = understand(text, day, NAMES);
            assert!((0.0..=1.0).contains(&u.confidence), "{text:?}");
            if let (Some(i), Some(o)) = (u.check_in, u.check_out) {
                assert!(i < o, "{text:?}");
            }
            assert!(u.check_out.is_none() || u.check_in.is_some(), "{text:?}");
            assert!(u.guests.is_none_or(|g| (1..=60).contains(&g)), "{text:?}");
            let _ = to_json_line(&u);
        }
    }
}

#[test]
fn invalid_dates_give_no_date_and_less_confidence() {
    for text in [
        "hay lugar el 31/02?",
        "hay lugar del 40 al 50?",
        "hay lugar el 31 de abril?",
        "hay lugar del 30 al 31 de febrero?",
    ] {
        let u = read(text);
        assert_eq!((u.check_in, u.check_out), (None, None), "{text}");
        assert!(u.confidence < 0.9, "{text}: {}", u.confidence);
    }
}

#[test]
fn day_numbers_and_nights_are_not_guests() {
    let cases: &[(&str, Option<u16>)] = &[
        ("del 2 al 4 para 3", Some(3)),
        ("del 2 al 4", None),
        ("por 3 noches", None),
        ("el 20", None),
        ("para el 5", None),
        ("para 5", Some(5)),
        ("3 noches para 2", Some(2)),
        ("para dos noches", None),
    ];
    for (text, want) in cases {
        assert_eq!(read(text).guests, *want, "{text}");
    }
}

type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<u16>,
);

fn check_rows(rows: &[Row], language: Option<crate::Language>) {
    let date = |s: &str| s.parse::<NaiveDate>().expect("row date");
    let mut failures = Vec::new();
    for (text, intent, check_in, check_out, guests) in rows {
        let u = read(text);
        let got = (u.intent.as_str(), u.check_in, u.check_out, u.guests);
        let want = (*intent, check_in.map(date), check_out.map(date), *guests);
        if got != want || (language.is_some() && u.language != language) {
            failures.push(format!(
                "{text:?}\n    want {want:?} {language:?}\n    got  {got:?} {:?}",
                u.language
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// English: intents, dates in English forms ("Jan 3-7", "March 1st to 4th", "12/20"), guests.
#[rustfmt::skip]
#[test]
fn english_messages() {
    let rows: &[Row] = &[
        ("Do you have availability for 2 people from April 15 to 17?", "check_availability", Some("2027-04-15"), Some("2027-04-17"), Some(2)),
        ("Hi, is there any room for 4 this weekend?", "check_availability", Some("2026-11-13"), Some("2026-11-15"), Some(4)),
        ("How much is it per night?", "ask_price", None, None, None),
        ("how much for 2 nights from Jan 3-7?", "ask_price", Some("2027-01-03"), Some("2027-01-07"), None),
        ("We'd like to book the Lenga for March 1st to 4th", "book", Some("2027-03-01"), Some("2027-03-04"), None),
        ("I want to book for 2 adults and 1 kid, Dec 20 to 23", "book", Some("2026-12-20"), Some("2026-12-23"), Some(3)),
        ("We are 4, March 1st to 4th, do you have room?", "check_availability", Some("2027-03-01"), Some("2027-03-04"), Some(4)),
        ("Can I bring my dog?", "ask_info", None, None, None),
        ("Do you allow pets?", "ask_info", None, None, None),
        ("Where are you located?", "ask_info", None, None, None),
        ("Do you have photos of the cabins?", "ask_info", None, None, None),
        ("What time is check-in?", "ask_info", None, None, None),
        ("I need to cancel my reservation RES261201004", "cancel", None, None, None),
        ("Can I talk to a real person?", "human", None, None, None),
        ("Hello!", "greeting", None, None, None),
        ("Good morning, do you have availability on December 15th?", "check_availability", Some("2026-12-15"), None, None),
        ("Is there wifi?", "ask_info", None, None, None),
        ("Yes please, book it", "book", None, None, None),
        ("We are 6 people, from the 20th to the 23rd of December", "check_availability", Some("2026-12-20"), Some("2026-12-23"), Some(6)),
        ("available from 12/20 to 12/23 for 2?", "check_availability", Some("2026-12-20"), Some("2026-12-23"), Some(2)),
        ("any vacancy for tonight? we are 2", "check_availability", Some("2026-11-10"), Some("2026-11-11"), Some(2)),
        ("what's the price for 3 nights from december 10?", "ask_price", Some("2026-12-10"), Some("2026-12-13"), None),
        ("is the Coihue free from Jan 3 to Jan 7?", "check_availability", Some("2027-01-03"), Some("2027-01-07"), None),
        ("between Jan 3 and Jan 7 for 2 people", "check_availability", Some("2027-01-03"), Some("2027-01-07"), Some(2)),
        ("checking in Jan 3, checking out Jan 7", "check_availability", Some("2027-01-03"), Some("2027-01-07"), None),
        ("any room for the long weekend in December?", "check_availability", Some("2026-12-04"), Some("2026-12-08"), None),
        ("can we change the dates to January 11 to 15?", "check_availability", Some("2027-01-11"), Some("2027-01-15"), None),
    ];
    check_rows(rows, Some(crate::Language::En));
}

/// Portuguese: intents, "de 5 a 9 de janeiro", "do dia 10 ao dia 12", guests.
#[rustfmt::skip]
#[test]
fn portuguese_messages() {
    let rows: &[Row] = &[
        ("Olá, vocês têm vaga de 5 a 9 de janeiro?", "check_availability", Some("2027-01-05"), Some("2027-01-09"), None),
        ("Quanto custa a diária?", "ask_price", None, None, None),
        ("quero reservar para 2 pessoas do dia 10 ao dia 12 de dezembro", "book", Some("2026-12-10"), Some("2026-12-12"), Some(2)),
        ("Aceitam cachorro?", "ask_info", None, None, None),
        ("Tem piscina?", "ask_info", None, None, None),
        ("Oi, boa tarde! Tem disponibilidade para o fim de semana?", "check_availability", Some("2026-11-13"), Some("2026-11-15"), None),
        ("Quero cancelar minha reserva", "cancel", None, None, None),
        ("Quero falar com uma pessoa", "human", None, None, None),
        ("Onde fica?", "ask_info", None, None, None),
        ("Tem fotos?", "ask_info", None, None, None),
        ("sim, pode reservar", "book", None, None, None),
        ("de 20 a 23 de dezembro para um casal", "check_availability", Some("2026-12-20"), Some("2026-12-23"), Some(2)),
        ("Qual o valor para 3 noites a partir de 15 de janeiro?", "ask_price", Some("2027-01-15"), Some("2027-01-18"), None),
        ("entrada dia 5 e saída dia 9 de janeiro, somos 3", "check_availability", Some("2027-01-05"), Some("2027-01-09"), Some(3)),
        ("tem vaga para a páscoa?", "check_availability", Some("2027-03-25"), Some("2027-03-28"), None),
        ("bom dia, tem vaga para 4 pessoas de 2 a 6 de fevereiro?", "check_availability", Some("2027-02-02"), Some("2027-02-06"), Some(4)),
    ];
    check_rows(rows, Some(crate::Language::Pt));
}

/// Chat shorthand and holiday periods in Spanish.
#[rustfmt::skip]
#[test]
fn shorthand_and_holidays() {
    let rows: &[Row] = &[
        ("tenes lugar pa 6 el finde?", "check_availability", Some("2026-11-13"), Some("2026-11-15"), Some(6)),
        ("hay lugar del 3 al 5 d mayo?", "check_availability", Some("2027-05-03"), Some("2027-05-05"), None),
        ("q precio tiene x noche", "ask_price", None, None, None),
        ("somos 4 y un perro, hay lugar del 20 al 22 d diciembre", "check_availability", Some("2026-12-20"), Some("2026-12-22"), Some(4)),
        ("hay lugar para fin de año?", "check_availability", Some("2026-12-30"), Some("2027-01-02"), None),
        ("tenes lugar para semana santa pa 2", "check_availability", Some("2027-03-25"), Some("2027-03-28"), Some(2)),
        ("hay lugar para pascuas?", "check_availability", Some("2027-03-25"), Some("2027-03-28"), None),
        ("hay lugar para carnaval?", "check_availability", Some("2027-02-05"), Some("2027-02-09"), None),
        ("hay lugar el finde largo de diciembre?", "check_availability", Some("2026-12-04"), Some("2026-12-08"), None),
        ("hay lugar en las vacaciones de invierno?", "check_availability", None, None, None),
        ("no era el 15, era el 16 de diciembre", "check_availability", Some("2026-12-16"), None, None),
        ("no es del 15 al 17, es del 16 al 18 de diciembre", "check_availability", Some("2026-12-16"), Some("2026-12-18"), None),
        ("en vez del 15, el 16 de diciembre", "check_availability", Some("2026-12-16"), None, None),
        ("tienen lugar para navidad?", "check_availability", Some("2026-12-24"), Some("2026-12-26"), None),
        ("la podemos pasar al 20 de noviembre?", "check_availability", Some("2026-11-20"), None, None),
        ("pasala al 16/12 porfa", "check_availability", Some("2026-12-16"), None, None),
    ];
    check_rows(rows, Some(crate::Language::Es));
}

#[test]
fn the_json_line_says_the_language() {
    let line = to_json_line(&read(
        "Do you have availability for 2 people from April 15 to 17?",
    ));
    assert!(
        line.ends_with(r#""confidence":0.95,"language":"en"}"#),
        "{line}"
    );
    let line = to_json_line(&read("Tem piscina?"));
    assert!(line.ends_with(r#""language":"pt"}"#), "{line}");
}

/// Intents of English and Portuguese messages, with their language.
#[rustfmt::skip]
#[test]
fn english_and_portuguese_intents() {
    let rows: &[(&str, &str)] = &[
        ("Hello there", "greeting"),
        ("Good evening!", "greeting"),
        ("Hey, how are you?", "greeting"),
        ("Do you have any vacancies for next weekend?", "check_availability"),
        ("Is the cabin available on December 20th?", "check_availability"),
        ("Any availability in January for 4?", "check_availability"),
        ("Are there any cabins free from the 3rd to the 5th?", "check_availability"),
        ("We're looking for a place for 2 nights, Dec 27-29", "check_availability"),
        ("Do you have room for a family of 5?", "check_availability"),
        ("What are your rates?", "ask_price"),
        ("How much does a cabin cost per night?", "ask_price"),
        ("What's the price for the weekend?", "ask_price"),
        ("How much would it be for 3 nights?", "ask_price"),
        ("Is there a discount for a week?", "ask_price"),
        ("I want to book the Coihue", "book"),
        ("Please book it for us", "book"),
        ("I'd like to reserve a cabin for Dec 20-22", "book"),
        ("Can you hold it for me?", "book"),
        ("Let's book it", "book"),
        ("Do you have wifi?", "ask_info"),
        ("Are pets allowed?", "ask_info"),
        ("What time is check-out?", "ask_info"),
        ("Can you send me some pictures?", "ask_info"),
        ("Where exactly are you?", "ask_info"),
        ("Is there parking?", "ask_info"),
        ("Do you have a grill?", "ask_info"),
        ("Is breakfast included?", "ask_info"),
        ("I need to cancel my booking", "cancel"),
        ("Please cancel my reservation", "cancel"),
        ("We can't make it, cancel please", "cancel"),
        ("Can I speak to a human?", "human"),
        ("I want to talk to the owner", "human"),
        ("Please have someone call me", "human"),
        ("Olá, boa noite", "greeting"),
        ("Oi, tudo bem?", "greeting"),
        ("Vocês têm disponibilidade para o fim de semana?", "check_availability"),
        ("Tem lugar para 3 pessoas em janeiro?", "check_availability"),
        ("Está disponível de 10 a 15 de fevereiro?", "check_availability"),
        ("Tem vaga para o carnaval?", "check_availability"),
        ("Qual é o preço da diária?", "ask_price"),
        ("Quanto fica para 2 noites?", "ask_price"),
        ("Quanto custa o chalé?", "ask_price"),
        ("Quero reservar o chalé Lenga", "book"),
        ("Gostaria de fazer uma reserva para 2 pessoas", "book"),
        ("Pode reservar para nós", "book"),
        ("Tem wi-fi?", "ask_info"),
        ("Aceitam animais?", "ask_info"),
        ("Qual o horário de check-in?", "ask_info"),
        ("Vocês têm fotos?", "ask_info"),
        ("Onde fica a pousada?", "ask_info"),
        ("Tem estacionamento?", "ask_info"),
        ("Preciso cancelar minha reserva", "cancel"),
        ("Quero cancelar a reserva", "cancel"),
        ("Quero falar com um atendente", "human"),
        ("Posso falar com alguém?", "human"),
    ];
    let portuguese = ["Oi", "Olá", "Quero", "Tem", "Qual", "Quanto", "Gostaria", "Pode", "Aceitam", "Onde", "Preciso", "Posso", "Vocês", "Está"];
    let mut misses = Vec::new();
    for (text, intent) in rows {
        let u = read(text);
        let want_language = if portuguese.iter().any(|w| text.starts_with(w)) {
            crate::Language::Pt
        } else {
            crate::Language::En
        };
        if u.intent.as_str() != *intent || u.language != Some(want_language) {
            misses.push(format!("{text}: {} {:?}", u.intent.as_str(), u.language));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn days_without_a_month_are_flagged_and_de_n_a_m_is_a_range() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "perdón, es del 16 al 18",
        "perdon es de 16 a 18",
        "desculpa, é de 16 a 18",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out, u.day_only),
            (Some(d("2026-11-16")), Some(d("2026-11-18")), true),
            "{text}"
        );
    }
    let u = read("del 16 al 18 de marzo");
    assert!(!u.day_only);
    for text in ["somos de 4 a 6", "de 2 a 4 personas"] {
        assert_eq!(read(text).check_in, None, "{text}");
    }
    assert_eq!(read("queremos ir en marzo").month, Some(3));
    for text in [
        "cuanto sale la lenga para el fin de semana del trece al quince de noviembre somos seis",
        "el finde del 13 al 15 de noviembre",
        "para el fin de semana de 13 a 15 de noviembre",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-13")), Some(d("2026-11-15"))),
            "{text}"
        );
    }
    assert_eq!(read("2").bare_number, Some(2));
    assert_eq!(read("cuatro nomás").bare_number, Some(4));
    assert_eq!(read("Consulta\n2").bare_number, Some(2));
    assert_eq!(read("Consulta\n3\n\nSaludos, Ana").bare_number, Some(3));
    assert_eq!(read("2 adultos").bare_number, None);
    assert_eq!(read("Consulta\n2 del 5 al 8").bare_number, None);
}

#[test]
fn numbers_in_words_in_english_and_portuguese() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out, guests) in [
        (
            "two adults, june tenth to twelfth",
            "2027-06-10",
            "2027-06-12",
            2,
        ),
        (
            "we are four people from june 10 to 12",
            "2027-06-10",
            "2027-06-12",
            4,
        ),
        (
            "from june twenty first to twenty third for two",
            "2027-06-21",
            "2027-06-23",
            2,
        ),
        (
            "de cinco a nove de janeiro para duas pessoas",
            "2027-01-05",
            "2027-01-09",
            2,
        ),
        (
            "dois adultos e uma criança, de 3 a 5 de março",
            "2027-03-03",
            "2027-03-05",
            3,
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out, u.guests),
            (Some(d(check_in)), Some(d(check_out)), Some(guests)),
            "{text}"
        );
    }
    for (text, guests) in [
        ("just me", 1),
        ("it's just the two of us", 2),
        ("a family of four", 4),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
}

#[test]
fn month_typos_after_a_day_and_two_nights_said_as_nights() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "tenen lugar del 3 al 5 de marso",
            "2027-03-03",
            "2027-03-05",
        ),
        (
            "del 10 al 12 de novienbre para 2",
            "2026-11-10",
            "2026-11-12",
        ),
        ("del 10 al 12 de agsoto", "2027-08-10", "2027-08-12"),
        ("las noches del 3 y 4 de marzo", "2027-03-03", "2027-03-05"),
        ("noches 3 y 4 de marzo para 2", "2027-03-03", "2027-03-05"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
    // "Mayor" is a word, not a month.
    assert_eq!(read("5 de mayor").check_in, None);
}

#[test]
fn voseo_with_clitics_moves_the_stay() {
    for text in ["pasámela al 20", "cambiámela al 20", "pásenla al 20"] {
        let u = read(text);
        assert_eq!(
            (u.check_in.map(|d| d.to_string()), u.until),
            (Some("2026-11-20".to_owned()), None),
            "{text}"
        );
    }
}

#[test]
fn pointing_and_capacity_in_english_and_portuguese() {
    use super::Choice;
    for text in [
        "a que aceita cachorro",
        "the one that takes dogs",
        "la que acepta perros",
    ] {
        assert_eq!(read(text).choice, Some(Choice::PetFriendly), "{text}");
    }
    let u = read("how many people fit in the Coihue?");
    assert!(u.topics.contains(&InfoTopic::Capacity), "{u:?}");
    let u = read("do 5 of us fit in the Coihue?");
    assert_eq!(u.guests, Some(5));
    assert!(u.topics.contains(&InfoTopic::Capacity), "{u:?}");
}

#[test]
fn two_days_joined_by_y_are_their_nights_and_a_range_is_not() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        ("el 3 y 4 de marzo", "2027-03-03", "2027-03-05"),
        (
            "el 3 y 4 de marzo para 2 personas",
            "2027-03-03",
            "2027-03-05",
        ),
        (
            "hay lugar el 3 y el 4 de marzo?",
            "2027-03-03",
            "2027-03-05",
        ),
        ("3 y 4 de marzo somos 2", "2027-03-03", "2027-03-05"),
        ("o 3 e 4 de março", "2027-03-03", "2027-03-05"),
        ("del 3 al 4 de marzo", "2027-03-03", "2027-03-04"),
        ("entre el 3 y el 4 de marzo", "2027-03-03", "2027-03-04"),
        ("el 3 y 5 de marzo", "2027-03-03", "2027-03-05"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
    // Guests joined by "y" are no days.
    assert_eq!(read("somos 3 y 4 chicos").check_in, None);
}

#[test]
fn a_head_count_before_a_month_with_its_own_range_is_people() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "pa 6 d mayo del 3 al 5",
        "pa' 6 de mayo del 3 al 5",
        "para 6 de mayo, del 3 al 5",
        "somos 6 de mayo del 3 al 5",
        "para 6 de mayo desde el 3 hasta el 5",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out, u.guests),
            (Some(d("2027-05-03")), Some(d("2027-05-05")), Some(6)),
            "{text}"
        );
    }
    // Without a range of its own, "para el 6 de mayo" is a day.
    let u = read("para el 6 de mayo");
    assert_eq!((u.check_in, u.guests), (Some(d("2027-05-06")), None));
}

#[test]
fn things_counted_are_not_people() {
    for text in [
        "tienen estacionamiento para 2 autos?",
        "hay lugar para 2 coches?",
        "vamos con 2 perros",
        "necesitamos 3 camas",
    ] {
        assert_eq!(read(text).guests, None, "{text}");
    }
    assert_eq!(read("somos 4 con 2 perros").guests, Some(4));
    for (text, guests) in [
        ("availability next weekend? 2 of us", 2),
        ("there will be 5 of us", 5),
        ("for the three of us", 3),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
}

#[test]
fn a_month_after_in_is_a_month_even_when_the_word_is_ambiguous() {
    for (text, month) in [
        ("queremos ir em março, somos 2", 3),
        ("vamos em marco", 3),
        ("we'd like to come in May", 5),
        ("somewhere in march", 3),
    ] {
        assert_eq!(read(text).month, Some(month), "{text}");
    }
    // "may" the verb and "marco" the name stay words.
    assert_eq!(read("may I bring my dog?").month, None);
    assert_eq!(read("hola soy marco").month, None);
}

#[test]
fn the_option_for_that_many_people_is_a_pick_not_the_party() {
    use super::Choice;
    for (text, n) in [
        ("la de 6", 6),
        ("la de 4 personas", 4),
        ("prefiero la para 6", 6),
        ("the one for 6", 6),
        ("a de 6 pessoas", 6),
    ] {
        let u = read(text);
        assert_eq!(
            (u.choice, u.guests),
            (Some(Choice::Sleeps(n)), None),
            "{text}"
        );
    }
    assert_eq!(read("la de 6 de mayo").choice, None);
}

#[test]
fn english_children_and_dates_written_day_first() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, guests) in [
        ("Hi! Two adults and one child, 3 nights starting April 2", 3),
        ("2 adults and a baby", 3),
        ("we are two adults, a teenager and a toddler", 4),
        ("one adult and one kid", 2),
        ("somos em 5", 5),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
    for (text, check_in, check_out) in [
        ("10/03 to 14/03", "2027-03-10", "2027-03-14"),
        ("from 14/3 to 16/3 please", "2027-03-14", "2027-03-16"),
        ("3/10 to 3/14", "2027-03-10", "2027-03-14"),
        // A range written without spaces: each side read as the message writes its dates.
        ("hi 2 of us, 3/16-3/19", "2027-03-16", "2027-03-19"),
        ("2 of us, 3/16-19", "2027-03-16", "2027-03-19"),
        ("we are 4, 4/5-4/8", "2027-04-05", "2027-04-08"),
        ("2 of us, 12/28-1/2", "2026-12-28", "2027-01-02"),
        ("2 of us 16/3-19/3", "2027-03-16", "2027-03-19"),
        ("we are 2, 3/3-7/3", "2027-03-03", "2027-03-07"),
        ("somos 2, 3/16-3/19", "2027-03-16", "2027-03-19"),
        ("somos 2, 16/03-19/03", "2027-03-16", "2027-03-19"),
        ("somos 2, 4/5-8/5", "2027-05-04", "2027-05-08"),
        // An arrival day "for the weekend": through that weekend's Sunday.
        (
            "we'll be 5 people, arriving Friday April 16 for the weekend",
            "2027-04-16",
            "2027-04-18",
        ),
        (
            "somos 5, llegamos el viernes 16 de abril por el finde",
            "2027-04-16",
            "2027-04-18",
        ),
        (
            "chegamos sexta 16 de abril para o fim de semana",
            "2027-04-16",
            "2027-04-18",
        ),
        (
            "somos 2, chegamos dia 15 de abril pro fim de semana",
            "2027-04-15",
            "2027-04-18",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

#[test]
fn people_added_are_not_a_party_of_that_many() {
    for (text, delta) in [
        ("se suma una persona mas", 1),
        ("somos uno mas", 1),
        ("al final se suman 2 amigos mas", 2),
        ("one more person", 1),
        ("another guest is coming", 1),
        ("mais uma pessoa", 1),
        ("somos uno menos", -1),
        ("ah y viene mi suegra tambien", 1),
        ("se suma mi hermano", 1),
        ("al final vienen mis viejos", 2),
        ("mi vieja viene tambien", 1),
        ("my sister is coming too", 1),
        ("vem minha mae tambem", 1),
        // "A third person": one more, not the third option.
        ("we'd like to bring a third person, is that ok?", 1),
        ("se puede sumar una tercera persona?", 1),
        ("podemos levar uma terceira pessoa?", 1),
    ] {
        let u = read(text);
        assert_eq!((u.extra_guests, u.guests), (Some(delta), None), "{text}");
        assert_eq!(u.choice, None, "{text}");
    }
    for (text, guests) in [
        ("somos 2 mas un bebe", 3),
        ("somos 4 personas mas el perro", 4),
        ("somos 2 adultos mas 2 chicos", 4),
    ] {
        let u = read(text);
        assert_eq!((u.extra_guests, u.guests), (None, Some(guests)), "{text}");
    }
    assert_eq!(read("una noche mas").extra_guests, None);
}

#[test]
fn a_number_cut_off_by_a_comma_is_not_the_day_of_the_month_after_it() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "hi! we're 2, March 10-12, how much?",
        "somos 2, marzo 10-12",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out, u.guests),
            (Some(d("2027-03-10")), Some(d("2027-03-12")), Some(2)),
            "{text}"
        );
    }
}

#[test]
fn a_holiday_with_a_year_is_that_years() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    // Carnival 2028: Monday 28 and Tuesday 29 February; Holy Week 2028: Good Friday 14 April.
    // Each stay starts the evening before its first day off.
    for (text, check_in) in [
        ("carnaval 2028 para 2", "2028-02-25"),
        ("semana santa de 2028", "2028-04-13"),
        ("fin de año 2027", "2027-12-30"),
        ("año nuevo 2028", "2027-12-30"),
    ] {
        assert_eq!(read(text).check_in, Some(d(check_in)), "{text}");
    }
}

#[test]
fn more_ways_to_cancel_and_to_ask_about_children() {
    for text in [
        "ya no viajamos",
        "che, se nos complico, no vamos a poder viajar",
        "no podremos ir, disculpá",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    // Not being able to do something else is no cancellation.
    for text in [
        "no vamos a poder llegar antes de las 14, a que hora es el check in?",
        "ya no vamos con el perro",
    ] {
        assert_ne!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in ["se puede ir con bebes?", "podemos venir con bebe?"] {
        assert_eq!(read(text).feature, Some(super::Feature::Kids), "{text}");
    }
}

#[test]
fn english_and_portuguese_weekdays_partners_and_the_first_of_a_month() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    // Tuesday 10 November 2026: the coming weekend is 13 to 15.
    for text in [
        "Friday to Sunday",
        "from Friday to Sunday",
        "de sexta a domingo",
        "de sexta-feira a domingo",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-13")), Some(d("2026-11-15"))),
            "{text}"
        );
    }
    assert_eq!(
        read("from tomorrow until Sunday").check_out,
        Some(d("2026-11-15"))
    );
    for text in ["me and my wife", "with my husband", "my girlfriend and I"] {
        assert_eq!(read(text).guests, Some(2), "{text}");
    }
    let u = read("del primero al tres de marzo");
    assert_eq!((u.check_in, u.choice), (Some(d("2027-03-01")), None));
    assert_eq!(read("la primera").choice, Some(super::Choice::Position(1)));
    // "a quinta" stays a pick word, not Thursday.
    assert_eq!(read("a quinta").check_in, None);
}

#[test]
fn portuguese_amenities_and_english_partners_after_the_noun() {
    let u = read("e tem hidromassagem?");
    assert_eq!(
        (u.feature, u.language),
        (Some(super::Feature::Jacuzzi), Some(crate::Language::Pt))
    );
    for text in ["a cabin for my wife and me", "my husband and me"] {
        assert_eq!(read(text).guests, Some(2), "{text}");
    }
}

#[test]
fn tem_lugar_asks_for_availability() {
    for text in ["a Lenga tem lugar?", "tem lugar dia 10 de março?"] {
        assert_eq!(read(text).intent, Intent::CheckAvailability, "{text}");
    }
}

/// Phrasings a third set of conversations found: people said as "para mí y mi pareja", "y si
/// fuéramos 4", "just me and my wife", "4 ppl", "we r 2"; "de 3 a 6/2" (a range whose end
/// carries the month); a yes/no question with no cue word ("¿hay lugar para estacionar?", "¿se
/// admiten niños?") is a question about the place, not availability.
#[rustfmt::skip]
#[test]
fn third_set_people_ranges_and_questions_without_a_cue() {
    let rows: &[Row] = &[
        ("la arrayan esta disponible del 2 al 5 de marzo para mi y mi pareja?", "check_availability", Some("2027-03-02"), Some("2027-03-05"), Some(2)),
        ("y si fueramos 4?", "check_availability", None, None, Some(4)),
        ("just me and my wife", "check_availability", None, None, Some(2)),
        ("Jan 10-14, 4 ppl, how much?", "ask_price", Some("2027-01-10"), Some("2027-01-14"), Some(4)),
        ("hola! we r 2, from 3 to 5 april, got anything?", "check_availability", Some("2027-04-03"), Some("2027-04-05"), Some(2)),
        ("oi, tem chalé pra 2 de 3 a 6/2?", "check_availability", Some("2027-02-03"), Some("2027-02-06"), Some(2)),
        ("3 al 6/2 somos 2", "check_availability", Some("2027-02-03"), Some("2027-02-06"), Some(2)),
        ("hay lugar para estacionar el auto?", "ask_info", None, None, None),
        ("hay donde estacionar?", "ask_info", None, None, None),
        ("se admiten niños?", "ask_info", None, None, None),
        ("los nenes pueden ir?", "ask_info", None, None, None),
        ("Can we bring our kids?", "ask_info", None, None, None),
        ("we are 2 couples looking for a place", "check_availability", None, None, Some(4)),
        ("Hi, any availability for Easter? We'd be 5", "check_availability", Some("2027-03-25"), Some("2027-03-28"), Some(5)),
        ("my wife, me and our two kids", "check_availability", None, None, Some(4)),
        ("me, my husband and 3 kids", "check_availability", None, None, Some(5)),
        ("eu, minha esposa e nossa filha", "check_availability", None, None, Some(3)),
        ("vamos em 4", "check_availability", None, None, Some(4)),
        ("somos 2 casais", "check_availability", None, None, Some(4)),
        ("tienen algo p 2 del 1 al 3 de agosto", "check_availability", Some("2027-08-01"), Some("2027-08-03"), Some(2)),
        ("se puede hacer el check in a las 11?", "ask_info", None, None, None),
        // How to pay: a question for a person (no topic of its own).
        ("que formas de pago aceptan?", "ask_info", None, None, None),
        ("Can I pay the deposit by card?", "ask_info", None, None, None),
        ("aceitam cartão?", "ask_info", None, None, None),
    ];
    check_rows(rows, None);
    assert_eq!(read("se admiten niños?").feature, Some(super::Feature::Kids));
    assert_eq!(read("hay lugar para estacionar el auto?").feature, Some(super::Feature::Parking));
    assert!(read("no, esa no").not_this_one);
    // The stay moved, or made longer, by days.
    for (text, shift) in [
        ("al final llegamos un dia despues", Some(1)),
        ("can we push it one day later?", Some(1)),
        ("la podemos adelantar un dia?", Some(-1)),
        ("um dia depois", Some(1)),
        ("si cancelo 2 dias antes me devuelven la seña?", Some(-2)),
        ("nos quedamos 2 dias mas", None),
        ("y una semana despues?", Some(7)),
        ("what about a week later?", Some(7)),
    ] {
        assert_eq!(read(text).shift_days, shift, "{text}");
    }
    assert_eq!(read("nos quedamos 2 dias mas").extra_nights, Some(2));
    for text in ["sacale un dia", "sacale una noche", "quitale un dia", "sacame 2 noches"] {
        assert!(read(text).extra_nights.is_some_and(|n| n < 0), "{text}");
    }
    for text in [
        "queria una cabaña",
        "hola quiero una cabana",
        "necesitamos una cabaña",
        "quisiera una cabaña para el finde",
    ] {
        assert_eq!(read(text).intent, Intent::CheckAvailability, "{text}");
    }
    assert_eq!(read("y una semana despues?").nights, None);
    assert_eq!(read("queremos ir 3 dias mas o menos").extra_nights, None);
    assert_eq!(read("nos quedamos hasta el domingo").until_weekday, Some(chrono::Weekday::Sun));
    for (text, want) in [
        ("se puede hacer el check in a las 11?", Some(super::AskedTime::At(11))),
        ("podemos llegar a las 23:30?", Some(super::AskedTime::At(23))),
        ("can we check in at 10pm?", Some(super::AskedTime::At(22))),
        ("posso fazer check-in às 20h?", Some(super::AskedTime::At(20))),
        ("puedo llegar tarde?", Some(super::AskedTime::Late)),
        ("a que hora es el check in?", None),
        // An hour without a check-in or check-out question is nobody's business here.
        ("nos vemos a las 10", None),
    ] {
        assert_eq!(read(text).asked_time, want, "{text}");
    }
    assert!(!read("no, gracias").not_this_one);
}

/// "El finde largo de mayo" when May has none in the coming year (the 1st on a Saturday, the
/// 25th fixed on a Tuesday, in 2027): no dates, the month reported so the bot can say so.
#[test]
fn a_long_weekend_in_a_month_without_one_sets_no_dates() {
    let u = read("hola, para el finde largo de mayo tienen lugar? somos 2");
    assert_eq!(
        (u.check_in, u.no_long_weekend_in, u.month, u.guests),
        (None, Some(5), Some(5), Some(2))
    );
    // A month that has one still gives its dates.
    let u = read("el fin de semana largo de octubre");
    assert!(u.check_in.is_some() && u.no_long_weekend_in.is_none());
    // "El finde largo del <day>": the long weekend of that day, even when its holiday moved
    // to the Monday before (12 October 2027, a Tuesday) or Easter comes two days after.
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, a, b) in [
        ("el finde largo del 9 de julio", "2027-07-08", "2027-07-11"),
        (
            "el fin de semana largo del 12 de octubre para 2",
            "2027-10-08",
            "2027-10-11",
        ),
        ("el finde largo del 24 de marzo", "2027-03-25", "2027-03-28"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(a)), Some(d(b))),
            "{text}"
        );
    }
    // 25 May 2027 is a Tuesday, a fixed holiday: no long weekend.
    assert_eq!(
        read("el finde largo del 25 de mayo").no_long_weekend_in,
        Some(5)
    );
}

/// "May 5th-8th", "5th-8th May": English ordinals joined by a dash are a range; "la primera
/// semana de febrero", "la segunda quincena de enero": that part of the month.
#[rustfmt::skip]
#[test]
fn ordinal_ranges_and_parts_of_a_month() {
    let rows: &[Row] = &[
        ("May 5th-8th", "check_availability", Some("2027-05-05"), Some("2027-05-08"), None),
        ("5th-8th May, 2 adults", "check_availability", Some("2027-05-05"), Some("2027-05-08"), Some(2)),
        ("estamos buscando cabaña para la primera semana de febrero, somos 4", "check_availability", Some("2027-02-01"), Some("2027-02-08"), Some(4)),
        ("la segunda semana de marzo", "check_availability", Some("2027-03-08"), Some("2027-03-15"), None),
        ("la ultima semana de enero para 2", "check_availability", Some("2027-01-25"), Some("2027-02-01"), Some(2)),
        ("la primera quincena de enero", "check_availability", Some("2027-01-01"), Some("2027-01-15"), None),
        ("la segunda quincena de febrero somos 5", "check_availability", Some("2027-02-16"), Some("2027-02-28"), Some(5)),
        ("la 1ra semana de marzo", "check_availability", Some("2027-03-01"), Some("2027-03-08"), None),
    ];
    check_rows(rows, None);
    // "La primera" alone still points at an option.
    assert_eq!(read("la primera").choice, Some(super::Choice::Position(1)));
}

/// Agreement as English and Portuguese guests write it.
#[test]
fn agreement_in_english_and_portuguese_words() {
    for text in [
        "cool",
        "awesome",
        "works for me",
        "that works",
        "beleza",
        "fechou!",
        "certo",
        "vamos nessa",
        "combinado",
        "ótimo",
    ] {
        assert!(read(text).affirmative, "{text}");
    }
    assert!(!read("beleza, vou pensar").affirmative);
}

/// Pointing in English with ordinals and comparatives; a fireplace; cancelling in words the
/// third set used.
#[test]
fn english_comparatives_fireplaces_and_more_ways_to_cancel() {
    use super::Choice;
    for (text, want) in [
        ("the 3rd one", Choice::Position(3)),
        ("option 2 please", Choice::Position(2)),
        ("the cheaper one", Choice::Cheapest),
        ("the bigger one", Choice::Largest),
        ("the most expensive one", Choice::Priciest),
    ] {
        let u = read(text);
        assert_eq!((u.choice, u.check_in), (Some(want), None), "{text}");
    }
    for text in [
        "tem lareira?",
        "tienen chimenea?",
        "do you have a fireplace?",
    ] {
        // A fireplace is asked as such ("hogar a leña"), not as heating in general.
        assert_eq!(
            read(text).feature,
            Some(super::Feature::Fireplace),
            "{text}"
        );
    }
    for text in [
        "bajá la reserva",
        "ya no necesitamos la cabaña",
        "não vamos mais, desculpa",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    assert_ne!(read("ya no vamos con el perro").intent, Intent::Cancel);
}

/// What the fourth blind set (cases_fourth.txt) found misread.
#[test]
fn fourth_set_people_agreement_and_changes_of_mind() {
    // People: children as the whole party after "somos", the formal couple, Portuguese "nós",
    // the count said after a change of mind, a pet after "+".
    for (text, guests) in [
        (
            "boludo q onda, somos 3 pibes, tenes algo pal 5 al 7 de junio?",
            Some(2 + 1),
        ),
        ("vamos 4 chicas", Some(4)),
        ("vamos con 3 chicos", None),
        (
            "quisiera consultar si disponen de una cabaña para mi señora y para mí",
            Some(2),
        ),
        ("reserva pra nós 2 de 15 a 17 de abril", Some(2)),
        ("mmm y para 4? o mejor 3... no, somos 2 nomas", Some(2)),
        ("somos 4, no 5", Some(4)),
        ("we're 2 + a small dog, from Apr 10 to 12", Some(2)),
    ] {
        assert_eq!(read(text).guests, guests, "{text}");
    }
    // "de una" before a noun is an article, not "at once"; formal and English agreement.
    for (text, yes) in [
        (
            "quisiera consultar si disponen de una cabaña para dos",
            false,
        ),
        ("para una noche de una semana", false),
        ("de una!", true),
        ("de una dale", true),
        ("Le agradezco, proceda con la reserva por favor", true),
        ("sounds lovely, let's do it", true),
    ] {
        assert_eq!(read(text).affirmative, yes, "{text}");
    }
    // Two names in one message: the one named after the change of mind.
    for (text, cabin) in [
        ("la coihue... no, mejor la lenga", Some("Cabaña Lenga")),
        (
            "la lenga, bah, prefiero la del lago",
            Some("Cabaña del Lago"),
        ),
        ("no la lenga ni la coihue", None),
        ("la lenga y la coihue cuanto salen", None),
    ] {
        assert_eq!(read(text).accommodation.as_deref(), cabin, "{text}");
    }
    // "¿la lenga no está libre?" asks about it; it does not turn an option down.
    assert!(!read("y la lenga no esta libre?").not_this_one);
    assert!(!read("la lenga no está disponible?").not_this_one);
    assert!(read("no, esta no").not_this_one);
}

#[test]
fn an_arrival_said_alone_is_marked_as_only_the_arrival() {
    for (text, arrival_only) in [
        ("sorry, we can only arrive on the 4th", true),
        ("recién llegamos el 4", true),
        ("podemos llegar el 11?", true),
        ("del 4 al 6", false),
        ("llegamos el 4, 2 noches", false),
        ("mejor el 4", false),
    ] {
        assert_eq!(read(text).arrival_only, arrival_only, "{text}");
    }
}

#[test]
fn a_weekend_said_alone_is_marked() {
    for (text, bare) in [
        ("finde?", true),
        ("tenés algo para el finde?", true),
        ("el finde del 14", false),
        ("el próximo finde", false),
        ("del 4 al 6", false),
    ] {
        assert_eq!(read(text).bare_weekend, bare, "{text}");
    }
}

/// What the fifth blind set (cases_fifth.txt) found misread.
#[test]
fn fifth_set_pointing_adding_people_and_wanting_to_cancel() {
    use super::Choice;
    // "bueno" with only the one pointed at accepts it; as a filler it does not.
    for (text, yes) in [
        ("bueno esa", true),
        ("bueno, esa entonces", true),
        ("bueno", true),
        ("bueno, y cuánto sale?", false),
        ("bueno la pienso", false),
    ] {
        assert_eq!(read(text).affirmative, yes, "{text}");
    }
    assert_eq!(read("bueno esa").choice, Some(Choice::ThatOne));
    // Whichever is on the table.
    for (text, yes) in [
        ("bueno entonces la q tengas", true),
        ("cualquiera", true),
        ("me da igual, la que sea", true),
        ("cualquier cosa te aviso", false),
        ("cualquier consulta te escribo", false),
        ("whatever you have is fine", true),
        ("either one", true),
        ("qualquer uma", true),
        ("tanto faz", true),
    ] {
        assert_eq!(read(text).affirmative, yes, "{text}");
    }
    // English: booking the one pointed at books it; taking it points at it, as in Spanish.
    for text in [
        "book the one with the jacuzzi please",
        "book the cheapest one",
        "please book the one that takes dogs",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}");
        assert!(u.choice.is_some(), "{text}");
    }
    assert!(matches!(
        read("we'll take the one with the jacuzzi").choice,
        Some(Choice::Having(_))
    ));
    assert_eq!(
        read("I'll take the cheapest one").choice,
        Some(Choice::Cheapest)
    );
    // People joining are added; said with the whole party, the party wins.
    for (text, guests, extra) in [
        ("ah se suman dos amigos", None, Some(2)),
        ("se nos suman 2 amigos", None, Some(2)),
        ("se suma uno", None, Some(1)),
        ("se agregan dos primos mas", None, Some(2)),
        ("ah se suman dos amigos somos 4", Some(4), None),
        ("se suma mi hermana, seriamos 3", Some(3), None),
        ("somos 2 amigos", Some(2), None),
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.extra_guests), (guests, extra), "{text}");
    }
    // Saying one needs or wants to cancel cancels, even when asking about the deposit too;
    // with an "if" it is only the question.
    for (text, intent) in [
        (
            "necesito cancelar la reserva, me devuelven la seña?",
            Intent::Cancel,
        ),
        ("quiero cancelar, me devuelven la plata?", Intent::Cancel),
        (
            "tenemos que cancelar, nos devuelven la seña?",
            Intent::Cancel,
        ),
        ("si cancelo me devuelven la seña?", Intent::AskInfo),
        (
            "si tengo que cancelar, me devuelven la seña?",
            Intent::AskInfo,
        ),
        (
            "necesito saber si cancelo me devuelven la seña",
            Intent::AskInfo,
        ),
    ] {
        assert_eq!(read(text).intent, intent, "{text}");
    }
    // Forgetting the booking cancels it.
    for text in [
        "olvidalo, no vamos",
        "olvidalo nomas",
        "al final no vamos mas",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    assert_ne!(
        read("ah me olvidaba, vamos con una perrita").intent,
        Intent::Cancel
    );
    // Information asked for in general is not a question for a person.
    for (text, general) in [
        ("hola! quisiera info", true),
        ("queria informacion sobre las cabañas", true),
        ("buenas me pasas info?", true),
        ("info sobre formas de pago", false),
        ("quiero info de pago con tarjeta", false),
        ("info de la pileta", false),
    ] {
        assert_eq!(read(text).general_info, general, "{text}");
    }
    // Two cabins compared: what they have.
    for text in [
        "que diferencia hay entre la coihue y la lenga?",
        "que tienen la coihue y la lenga?",
        "en que se diferencian la coihue y la lenga",
        "entre la coihue y la lenga cual me recomendas?",
        "la coihue o la lenga?",
    ] {
        let u = read(text);
        assert_eq!(u.info_topic, Some(InfoTopic::Amenities), "{text}");
        assert_eq!(u.accommodations.len(), 2, "{text}");
    }
    // "uy no era del 20 al 22" with nothing else: "no, era…" without its comma; with the
    // right dates said after, the denied ones are dropped.
    for (text, check_in) in [
        ("uy no era del 20 al 22", Some(day("2026-11-20"))),
        ("no era del 20 al 22", Some(day("2026-11-20"))),
        (
            "uy no era del 15 al 17 es del 16 al 18",
            Some(day("2026-11-16")),
        ),
        ("me dijiste que no era el 15", None),
    ] {
        assert_eq!(read(text).check_in, check_in, "{text}");
    }
    // The jacuzzi as guests write it.
    for text in ["la q tiene hidro", "la del yacusi", "tienen jacusi?"] {
        assert_eq!(read(text).features, vec![super::Feature::Jacuzzi], "{text}");
    }
    // A cabin named right after "quiero la", with dates, is wanted: a booking.
    for (text, intent) in [
        ("quiero la coihue del 2 al 4 de abril para 4", Intent::Book),
        (
            "hola quiero la cabaña lenga del 5 al 8 de mayo",
            Intent::Book,
        ),
        ("queremos la arrayan del 10 al 12", Intent::Book),
        (
            "quiero la info de la coihue del 2 al 4",
            Intent::CheckAvailability,
        ),
        (
            "quiero ir a la coihue del 2 al 4",
            Intent::CheckAvailability,
        ),
    ] {
        assert_eq!(read(text).intent, intent, "{text}");
    }
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("a test date")
}
#[test]
fn sixth_set_wanting_a_named_place_orders_and_english_and_portuguese_words() {
    // A verb of wanting right before a named place, with dates: a request to hold it, in every
    // language; a question about it or a want without dates stays a question.
    for (text, intent) in [
        (
            "quero o chalé Coihue de 2 a 5 de junho, somos 3",
            Intent::Book,
        ),
        ("quero o Arrayán de 12 a 15 de janeiro", Intent::Book),
        ("queremos a cabana Lenga de 3 a 6 de maio", Intent::Book),
        (
            "quiero la coihue del 2 al 5 de junio, somos 3",
            Intent::Book,
        ),
        (
            "I'd like the Coihue from June 2 to 5, 3 of us",
            Intent::Book,
        ),
        ("we would like the Lenga, May 3-6", Intent::Book),
        (
            "quiero saber si la coihue está libre del 2 al 5 de junio",
            Intent::CheckAvailability,
        ),
        ("la coihue del 2 al 5 de junio?", Intent::CheckAvailability),
        // "¿Qué tienen?": what there is for the stay.
        ("que tienen?", Intent::CheckAvailability),
        ("y que opciones hay", Intent::CheckAvailability),
        (
            "que me ofrecen para esas fechas?",
            Intent::CheckAvailability,
        ),
        ("what do you have?", Intent::CheckAvailability),
        ("what options do you have", Intent::CheckAvailability),
        ("o que vocês têm?", Intent::CheckAvailability),
        ("quais opções vocês têm?", Intent::CheckAvailability),
        (
            "tem o chalé Coihue de 2 a 5 de junho?",
            Intent::CheckAvailability,
        ),
        // Without dates: the same request, its dates still to come.
        ("quero o chalé Arrayán", Intent::Book),
        ("I want the Lenga", Intent::Book),
        ("quiero saber de la lenga", Intent::Unknown),
    ] {
        assert_eq!(read(text).intent, intent, "{text}");
    }
    // "Book …" opening the message (or after "please") orders, even with a question after it.
    for text in [
        "Book the Coihue for 4 from Feb 1 to 4, and can we bring our dog?",
        "please book the Lenga for 6, May 3-6, is there a grill?",
        "Reservar la Lenga del 3 al 6 de mayo, tienen parrilla?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}");
        assert!(u.check_in.is_some(), "{text}");
    }
    assert_ne!(
        read("is there a fee to book the Coihue, and can we bring our dog?").intent,
        Intent::Book
    );
    // Leaving on a day: the check-out alone, for a correction.
    for text in [
        "can we stay one more night? we'd leave on the 13th",
        "we leave on the 13th",
        "we'll depart on the 13th",
        "da pra sair dia 13?",
        "saimos dia 13",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}");
        assert_eq!(
            u.until,
            Some(NaiveDate::from_ymd_opt(2026, 11, 13).unwrap()),
            "{text}"
        );
    }
    // A mild word said of something else, negated, is no yes.
    for (text, yes) in [
        ("Sorry, my Spanish is not great. How much per night?", false),
        ("the wifi was not great last time", false),
        ("great, book it", true),
        ("perfecto", true),
    ] {
        assert_eq!(read(text).affirmative, yes, "{text}");
    }
    // Portuñol: as many Portuguese words as Spanish ones is Portuguese.
    for text in ["tem piscina? y parrilla?", "voce tem lugar y parrilla"] {
        assert_eq!(read(text).language, Some(crate::Language::Pt), "{text}");
    }
    assert_eq!(
        read("tienen pileta y parrilla?").language,
        Some(crate::Language::Es)
    );
    // A price a night, not the stay's total.
    for (text, per_night) in [
        ("how much is it per night?", true),
        ("how much a night?", true),
        ("qual o valor da diária?", true),
        ("quanto custa a diaria?", true),
        ("cuánto sale la noche?", true),
        ("how much is that in total?", false),
        ("cuánto sale del 3 al 5?", false),
        ("hay lugar esta noche?", false),
    ] {
        assert_eq!(read(text).per_night, per_night, "{text}");
    }
    // Portuguese comparatives point at an option.
    for (text, choice) in [
        ("o maior", super::Choice::Largest),
        ("o menor", super::Choice::Smallest),
        ("o mais caro", super::Choice::Priciest),
    ] {
        assert_eq!(read(text).choice, Some(choice), "{text}");
    }
}

#[test]
fn seventh_set_flows_that_go_where_the_guest_takes_them() {
    // A whole party and its parts in one message count once.
    for (text, guests) in [
        (
            "te queria consultar si tenes una cabaña para cuatro personas del 16 al 19 de abril somos dos adultos y dos nenes",
            Some(4),
        ),
        ("somos 5 personas, 3 adultos y 2 chicos", Some(5)),
        ("dos adultos y dos nenes", Some(4)),
        (
            "Estimados:\nSomos un contingente de nueve jubilados del Centro de Jubilados de Tandil. Quisiéramos alojarnos del 5 al 8 de mayo.",
            Some(9),
        ),
    ] {
        assert_eq!(read(text).guests, guests, "{text}");
    }
}

#[test]
fn seventh_set_a_cancellation_asked_for_as_a_noun_cancels() {
    for (text, intent) in [
        (
            "Solicito la cancelación de la reserva y quisiera saber qué sucede con la seña abonada.",
            Intent::Cancel,
        ),
        (
            "Por la presente solicitamos la anulación de nuestra reserva",
            Intent::Cancel,
        ),
        (
            "quisiera pedir la cancelación de mi reserva",
            Intent::Cancel,
        ),
        (
            "Gostaria de solicitar o cancelamento da reserva",
            Intent::Cancel,
        ),
        (
            "Dear team, I would like to request the cancellation of my booking. Kind regards",
            Intent::Cancel,
        ),
        ("necesito la baja de la reserva", Intent::Cancel),
        // A question about the policy, not an order.
        ("¿cómo es la cancelación?", Intent::AskInfo),
        (
            "quisiera saber la cancelación cómo funciona",
            Intent::AskInfo,
        ),
        ("¿cuál es la política de cancelación?", Intent::AskInfo),
    ] {
        assert_eq!(read(text).intent, intent, "{text}");
    }
}

#[test]
fn seventh_set_a_month_set_aside_gives_no_date() {
    let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2027, m, day);
    for (text, check_in, check_out) in [
        (
            "y si en vez de junio vamos en julio, del 19 al 21?",
            d(7, 19),
            d(7, 21),
        ),
        (
            "en lugar de marzo mejor abril, del 3 al 5",
            d(4, 3),
            d(4, 5),
        ),
        (
            "en vez del 5 al 8 de junio, del 12 al 15 de junio",
            d(6, 12),
            d(6, 15),
        ),
        ("em vez de junho, de 19 a 21 de julho", d(7, 19), d(7, 21)),
        // Nothing set aside: the month said apart still gives its month.
        ("junio, del 19 al 21", d(6, 19), d(6, 21)),
    ] {
        let u = read(text);
        assert_eq!((u.check_in, u.check_out), (check_in, check_out), "{text}");
    }
}

#[test]
fn seventh_set_a_named_place_described_is_wanted_not_asked_about() {
    // "La ñire que tiene jacuzzi": why the guest wants it, not a question whether it has it.
    for text in [
        "y mejor cambiame a la arrayan q tiene parrilla",
        "prefiero la lenga que tiene parrilla",
        "pasame a la coihue que acepta perros",
    ] {
        let u = read(text);
        assert_ne!(u.intent, Intent::AskInfo, "{text}");
        assert!(u.accommodation.is_some(), "{text}");
    }
    // Questions stay questions.
    for text in [
        "la arrayan tiene jacuzzi?",
        "cual es la que tiene jacuzzi, la arrayan?",
        "la lenga, tiene parrilla?",
    ] {
        assert_eq!(read(text).intent, Intent::AskInfo, "{text}");
    }
}

#[test]
fn seventh_set_what_becomes_of_the_deposit_asks_about_the_policy() {
    for (text, intent) in [
        ("y la seña que onda?", Intent::AskInfo),
        ("y si cancelo, la plata la pierdo?", Intent::AskInfo),
        ("what happens to my deposit if we cancel?", Intent::AskInfo),
        ("do I lose the deposit?", Intent::AskInfo),
        ("si lo cancelamos nos devuelven la seña?", Intent::AskInfo),
        ("que pasa con la seña si no vamos?", Intent::AskInfo),
        // With an order to cancel, the order stands.
        ("cancelo la reserva. la plata la pierdo?", Intent::Cancel),
        (
            "che quiero cancelar, me devuelven la plata?",
            Intent::Cancel,
        ),
        // The deposit's amount is a price.
        ("cuanto es la seña?", Intent::AskPrice),
    ] {
        let u = read(text);
        assert_eq!(u.intent, intent, "{text}");
        if intent == Intent::AskInfo {
            assert_eq!(u.info_topic, Some(InfoTopic::Cancellation), "{text}");
        }
    }
}

#[test]
fn seventh_set_how_the_cabins_differ() {
    for (text, compares) in [
        ("cual es la diferencia entre las dos?", true),
        ("que diferencias hay entre la coihue y la ñire", true),
        ("what's the difference?", true),
        ("qual a diferença?", true),
        ("que tiene de distinto la lenga?", true),
        ("cual me recomendas?", false),
        ("tienen pileta?", false),
    ] {
        assert_eq!(read(text).compares, compares, "{text}");
    }
}

#[test]
fn seventh_set_when_there_is_room_asks_for_availability() {
    for text in [
        "y vos para cuando tenes?",
        "para cuando tienen lugar en la lenga?",
        "que fechas tenes libres en marzo?",
        "cuando hay lugar?",
        "quando tem vaga?",
    ] {
        assert_eq!(read(text).intent, Intent::CheckAvailability, "{text}");
    }
}

#[test]
fn seventh_set_a_jacuzzi_in_short_and_winter_holidays_in_other_words() {
    for text in [
        "la ñire tiene hidro?",
        "tienen yacuzzi?",
        "la ñire tiene jacuzi",
    ] {
        assert_eq!(
            read(text).features.first(),
            Some(&super::Feature::Jacuzzi),
            "{text}"
        );
    }
    for text in [
        "en las vacaciones de julio somos 5",
        "para el receso de invierno",
    ] {
        assert_eq!(
            read(text).period.map(|p| p.period),
            Some(super::Period::WinterHolidays),
            "{text}"
        );
    }
}

#[test]
fn seventh_set_the_following_week() {
    for (text, following) in [
        ("se puede pasar al finde siguiente?", true),
        ("y la semana siguiente?", true),
        ("el fin de semana que sigue", true),
        ("the following weekend", true),
        ("el finde", false),
        ("la semana que viene", false),
    ] {
        assert_eq!(read(text).following_week, following, "{text}");
    }
}

#[test]
fn seventh_set_which_one_we_recommend() {
    for (text, asks) in [
        ("vos cual me recomendas?", true),
        ("cual nos conviene?", true),
        ("which one would you recommend?", true),
        ("qual você recomenda?", true),
        ("cual es mas linda?", true),
        ("cual tiene parrilla?", false),
        ("me la recomendó un amigo", false),
    ] {
        assert_eq!(read(text).asks_recommendation, asks, "{text}");
    }
}

#[test]
fn seventh_set_an_option_described_in_words_no_feature_names() {
    for (text, words) in [
        ("si, la que tiene vista al lago", Some("vista al lago")),
        ("la del deck", Some("deck")),
        // A known feature is a choice by it, not words to look for.
        ("la que tiene pileta", None),
        ("dale", None),
    ] {
        assert_eq!(read(text).described.as_deref(), words, "{text}");
    }
}

#[test]
fn ninth_set_a_move_to_a_place_pointed_at_is_no_question() {
    // The pets or the feature say why the guest moves; said as no question, it chooses.
    for text in [
        "cambiame a la coihue que vamos con el perro",
        "che mejor la del jacuzzi",
        "mejor pasame a la del hidromasaje",
        "pasame a la que acepta perros",
        "mejor la que tiene jacuzzi",
        "can we switch to the pet friendly one?",
        "actually the one with the jacuzzi instead",
        "melhor o que aceita cachorro",
        "pode trocar para o que tem hidromassagem?",
    ] {
        assert_ne!(read(text).intent, Intent::AskInfo, "{text}");
    }
    // Questions stay questions.
    for text in [
        "¿mejor la del jacuzzi?",
        "mejor cual tiene jacuzzi",
        "mejor la coihue tiene parrilla?",
        "which one has a jacuzzi?",
        "o chalé Ñire aceita cachorro?",
    ] {
        assert_eq!(read(text).intent, Intent::AskInfo, "{text}");
    }
}

#[test]
fn ninth_set_a_range_of_days_after_the_month_is_its_own_not_the_party_before() {
    for (text, guests, from, to) in [
        (
            "Hi, do you have a cabin for 2 Jan 18-21?",
            2,
            "2027-01-18",
            "2027-01-21",
        ),
        ("for 2 Jan 18 to 21", 2, "2027-01-18", "2027-01-21"),
        ("we are 4 March 1st to 4th", 4, "2027-03-01", "2027-03-04"),
        ("somos 2 marzo 10-12", 2, "2027-03-10", "2027-03-12"),
        ("we're 2, Jan 5 - 8 please", 2, "2027-01-05", "2027-01-08"),
        ("2 guests, March 3 – 6", 2, "2027-03-03", "2027-03-06"),
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(guests), "{text}");
        assert_eq!(
            u.check_in,
            Some(from.parse::<NaiveDate>().expect("date")),
            "{text}"
        );
        assert_eq!(
            u.check_out,
            Some(to.parse::<NaiveDate>().expect("date")),
            "{text}"
        );
    }
    // A day before the month is still its day.
    let u = read("from 2 March to 5 March");
    assert_eq!(
        u.check_in,
        Some("2027-03-02".parse::<NaiveDate>().expect("date"))
    );
    // A day and then the people or the nights: no range.
    let u = read("March 3 2 people");
    assert_eq!(u.guests, Some(2));
    assert_eq!(u.check_out, None);
    let u = read("march 10 4 nights");
    assert_eq!(
        u.check_out,
        Some("2027-03-14".parse::<NaiveDate>().expect("date"))
    );
}

#[test]
fn eleventh_set_letting_a_hold_go_in_english_and_portuguese() {
    for text in [
        "esquece a reserva, obrigado",
        "pode esquecer a reserva",
        "esquece, não vamos mais",
        "forget the booking",
        "please forget my reservation",
        "never mind, forget it",
        "olvidate de la reserva",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn eleventh_set_whether_children_may_come() {
    for text in [
        "are kids ok? we have a 2 year old",
        "are kids okay?",
        "are children welcome?",
        "is it ok with kids?",
        "crianças podem ir?",
        "¿aceptan chicos?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert!(u.features.contains(&Feature::Kids), "{text}");
        assert!(!u.affirmative, "{text}");
    }
}

#[test]
fn eleventh_set_a_family_without_its_article() {
    for (text, n) in [
        ("We want to spend New Year's Eve there, family of 4", 4),
        ("family of five, May 3 to 6", 5),
        ("we're a family of 3", 3),
        ("família de 4 pessoas", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
}

#[test]
fn eleventh_set_an_option_pointed_at_by_what_it_has_in_english_and_portuguese() {
    for text in [
        "quero a da hidromassagem",
        "quero a com hidromassagem",
        "o da hidromassagem",
        "can we switch to one with a hot tub?",
        "dá pra trocar pra uma com hidromassagem?",
        "can we move to one with a jacuzzi please",
    ] {
        assert_eq!(
            read(text).choice,
            Some(Choice::Having(Feature::Jacuzzi)),
            "{text}"
        );
    }
    // A move to one with it is no question.
    for text in [
        "can we switch to one with a hot tub?",
        "dá pra trocar pra uma com hidromassagem?",
    ] {
        assert_ne!(read(text).intent, Intent::AskInfo, "{text}");
    }
    // "Is there one with a tub?" asks about the jacuzzi; it stays a question.
    for text in [
        "tem alguma com banheira?",
        "any with a bathtub?",
        "¿tienen alguna con jacuzzi?",
        "¿alguna tiene bañera?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert_eq!(u.feature, Some(Feature::Jacuzzi), "{text}");
    }
}

#[test]
fn eleventh_set_that_is_it_agrees_and_how_to_pay() {
    for text in ["isso", "isso mesmo", "exato", "eso"] {
        assert!(read(text).affirmative, "{text}");
    }
    // "Isso" inside a sentence is no yes.
    assert!(!read("isso é caro?").affirmative);
    for text in [
        "how do I pay the deposit?",
        "how can we pay?",
        "como faço para pagar o sinal?",
        "¿cómo pago la seña?",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn eleventh_set_an_order_opening_a_sentence_books() {
    for text in [
        "we're 4 with our dog, April 5-8, do you have parking? book the pet friendly one if it's free",
        "4 of us April 5-8. Book the one with the jacuzzi",
        "somos 4 del 5 al 8 de abril, tienen estacionamiento? reservar la que acepta perros",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn eleventh_set_a_bigger_one() {
    for text in [
        "is there a bigger one? we'd like more space",
        "tem uma maior?",
        "¿hay una más grande?",
    ] {
        assert_eq!(read(text).choice, Some(Choice::Largest), "{text}");
    }
}

#[test]
fn conv29_more_room_points_at_the_largest() {
    for text in [
        "la q tenga mas lugar",
        "cualquiera de las dos, la q tenga mas lugar",
        "la de mas espacio porfa",
        "cual tiene mas dormitorios?",
        "la que tenga mas habitaciones",
        "eh la que tenga mas cuartos",
    ] {
        assert_eq!(read(text).choice, Some(Choice::Largest), "{text}");
    }
    for (text, choice) in [
        ("la mas cara", Choice::Priciest),
        ("la mas barata", Choice::Cheapest),
    ] {
        assert_eq!(read(text).choice, Some(choice), "{text}");
    }
}

#[test]
fn eleventh_set_portuguese_weekdays_that_are_also_ordinals() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
    for (text, from, to) in [
        (
            "semana que vem, de segunda a quarta, para 2",
            "2026-12-07",
            "2026-12-09",
        ),
        ("de quarta até sexta pra 2", "2026-12-09", "2026-12-11"),
        ("de terça a quinta, somos 2", "2026-12-08", "2026-12-10"),
    ] {
        let u = understand(text, today, NAMES);
        assert_eq!(u.check_in, Some(from.parse().expect("date")), "{text}");
        assert_eq!(u.check_out, Some(to.parse().expect("date")), "{text}");
        assert_eq!(u.language, Some(crate::Language::Pt), "{text}");
    }
    // Alone they are still picks.
    assert_eq!(read("quero a segunda").choice, Some(Choice::Position(2)));
}

#[test]
fn eleventh_set_a_hold_no_longer_wanted_and_a_night_longer() {
    for text in [
        "não quero mais a reserva",
        "ya no quiero la reserva",
        "no quiero más la reserva",
        "please drop the reservation",
        "I need to call it off, sorry",
        "we don't want the booking anymore",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    for (text, n) in [
        ("oh and we'll be 1 night longer", 1),
        ("can we stay 2 nights longer", 2),
        ("we'd like an extra night", 1),
    ] {
        let u = read(text);
        assert_eq!(u.extra_nights, Some(n), "{text}");
        assert_eq!(u.check_out, None, "{text}");
    }
}

#[test]
fn eleventh_set_days_after_a_move_and_a_couple() {
    for text in ["pode mudar pra 11 a 14?", "cambiala para 11 a 14"] {
        let u = read(text);
        assert_eq!(u.guests, None, "{text}");
        assert_eq!(
            u.check_in,
            Some("2026-11-11".parse().expect("date")),
            "{text}"
        );
        assert_eq!(
            u.check_out,
            Some("2026-11-14".parse().expect("date")),
            "{text}"
        );
    }
    // Without a move, "para 4 a 6" is still about people.
    assert_eq!(read("para 4 a 6 personas").check_in, None);
    assert_eq!(read("couple, March 10-12").guests, Some(2));
    assert_eq!(read("we are a couple").guests, Some(2));
    // "A couple of nights" is no party of two.
    assert_eq!(read("a couple of nights in March").guests, None);
}

#[test]
fn eleventh_set_a_number_after_a_month_and_a_comma_is_not_its_day() {
    for text in [
        "We'd love to come in March, 2 of us",
        "Hi! We'd love to come for a long weekend in May, 2 of us",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}");
        assert_eq!(u.guests, Some(2), "{text}");
    }
    // A range after the comma is still the month's.
    let u = read("March, 10 to 12");
    assert_eq!(u.check_in, Some("2027-03-10".parse().expect("date")));
}

#[test]
fn eleventh_set_tonight_in_portuguese() {
    for text in [
        "hoje à noite pra 2?",
        "tem vaga essa noite?",
        "esta noite, casal",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, Some(today()), "{text}");
        assert_eq!(u.check_out, today().succ_opt(), "{text}");
    }
}

#[test]
fn eleventh_set_portuguese_masculine_picks() {
    assert_eq!(read("quero o primeiro").choice, Some(Choice::Position(1)));
    assert_eq!(
        read("fico com o terceiro").choice,
        Some(Choice::Position(3))
    );
    assert_eq!(read("fico com o último").choice, Some(Choice::Last));
    // "O primeiro de maio" is still a day.
    let u = read("chegamos o primeiro de maio");
    assert_eq!(u.check_in, Some("2027-05-01".parse().expect("date")));
}

#[test]
fn email_addresses_and_links_are_no_words_of_the_message() {
    // "com" is Portuguese, "23" could be people: neither is in an address.
    let u = read("te paso mi mail para la reserva: juan23@gmail.com");
    assert_eq!(u.language, Some(crate::Language::Es));
    assert_eq!(u.guests, None);
    let u = read("mirá esto https://www.instagram.com/p/12345 somos 4");
    assert_eq!(u.guests, Some(4));
    // A bare "@" is not an address.
    assert_eq!(read("somos 4 @ la cabaña").guests, Some(4));
}

#[test]
fn everyday_spanish_is_spanish() {
    for s in [
        "la verdad que no se todavia",
        "llegamos en auto desde cordoba",
        "tengo una duda con el pago",
        "podemos llevar a la abuela?",
        "se puede hacer fuego?",
        "perfecto, ahora te transfiero",
    ] {
        assert_eq!(read(s).language, Some(crate::Language::Es), "{s}");
    }
}

#[test]
fn questions_about_paying_the_shortest_stay_and_the_price_basis_have_topics() {
    for (text, topic) in [
        ("como se paga?", InfoTopic::Payment),
        ("aceptan tarjeta de credito?", InfoTopic::Payment),
        ("como es el tema del pago?", InfoTopic::Payment),
        ("can I pay by card?", InfoTopic::Payment),
        ("hay minimo de noches?", InfoTopic::MinimumStay),
        ("what's the minimum stay?", InfoTopic::MinimumStay),
        ("el precio es por persona?", InfoTopic::PriceBasis),
        ("a cuanto estan del centro?", InfoTopic::Location),
    ] {
        let u = read(text);
        assert_eq!(u.topics.first(), Some(&topic), "{text}: {:?}", u.topics);
        assert!(
            !u.topics.contains(&InfoTopic::Photos),
            "{text}: {:?}",
            u.topics
        );
    }
}

#[test]
fn an_arrival_said_from_now_and_one_night_of_a_day() {
    // today() is 2026-11-10.
    let d = |s: &str| Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date"));
    for (text, check_in, check_out) in [
        (
            "dentro de dos semanas, 3 noches",
            "2026-11-24",
            Some("2026-11-27"),
        ),
        ("en 10 dias para 2", "2026-11-20", None),
        (
            "in two weeks for 3 nights",
            "2026-11-24",
            Some("2026-11-27"),
        ),
        (
            "daqui a uma semana, 2 noites",
            "2026-11-17",
            Some("2026-11-19"),
        ),
        (
            "la noche del 31 de diciembre",
            "2026-12-31",
            Some("2027-01-01"),
        ),
        (
            "la noche del 24 de diciembre somos 2",
            "2026-12-24",
            Some("2026-12-25"),
        ),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, d(check_in), "{text}");
        assert_eq!(u.check_out, check_out.and_then(d), "{text}");
    }
    // "Dos semanas" alone is still how long.
    assert_eq!(read("queremos ir dos semanas").nights, Some(14));
    // "En" before no span of time is no date.
    assert_eq!(read("somos 4 en 2 cabañas").check_in, None);
}

#[test]
fn a_pet_after_a_plus_is_no_guest_and_an_english_family_counts() {
    for (text, guests, pets) in [
        ("para 4 personas + mascota", Some(4), true),
        ("somos 3 + perro", Some(3), true),
        ("family of 4", Some(4), false),
        ("we are a family of five, march 3-6", Some(5), false),
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.pets), (guests, pets), "{text}");
    }
}

#[test]
fn portuguese_do_after_a_word_is_portuguese_and_english_place_questions_are_read() {
    assert_eq!(
        read("Qual o horário do check-out?").language,
        Some(crate::Language::Pt)
    );
    assert_eq!(
        read("do you have wifi?").language,
        Some(crate::Language::En)
    );
    for (text, topic) in [
        ("Do you accept credit cards?", InfoTopic::Payment),
        ("how far is it from town?", InfoTopic::Location),
        ("is it far from the center?", InfoTopic::Location),
        ("Qual o valor do sinal?", InfoTopic::Payment),
    ] {
        let u = read(text);
        assert!(u.topics.contains(&topic), "{text}: {:?}", u.topics);
    }
    assert_eq!(
        read("Can we arrive late at night, around 11pm?")
            .features
            .first(),
        Some(&super::Feature::CheckIn)
    );
}

#[test]
fn the_guests_own_days_around_a_holiday_say_more_than_the_holiday() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    // From Tuesday 10 November 2026: Carnival 2027 is 6 to 9 February (stay 5 to 9), Holy
    // Week 25 to 28 March, the October long weekend 9 to 11 (the 12th moved to Monday 11th).
    for (text, check_in, check_out) in [
        // Weekdays said with a period are its days.
        (
            "llegamos el jueves antes de carnaval y nos vamos el martes, somos 2",
            "2027-02-04",
            "2027-02-09",
        ),
        (
            "para carnaval llegamos el viernes y nos vamos el lunes",
            "2027-02-05",
            "2027-02-08",
        ),
        (
            "el finde largo de octubre pero llegamos un dia antes, el jueves",
            "2027-10-07",
            "2027-10-11",
        ),
        (
            "para semana santa llegamos el miercoles",
            "2027-03-24",
            "2027-03-28",
        ),
        (
            "el finde largo de agosto, pero nos vamos el martes",
            "2027-08-13",
            "2027-08-17",
        ),
        // A holiday's day said by name.
        (
            "llegamos el viernes santo y nos quedamos hasta el lunes",
            "2027-03-26",
            "2027-03-29",
        ),
        (
            "del jueves santo al domingo de pascua",
            "2027-03-25",
            "2027-03-28",
        ),
        (
            "llegamos el lunes de carnaval y nos vamos el jueves",
            "2027-02-08",
            "2027-02-11",
        ),
        // A whole stay of the guest's own is the stay.
        (
            "queremos pasar navidad y año nuevo, del 24 al 2 de enero",
            "2026-12-24",
            "2027-01-02",
        ),
        (
            "despues de año nuevo, del 1 al 3 de enero",
            "2027-01-01",
            "2027-01-03",
        ),
        (
            "para carnaval, del 6 al 9 de febrero",
            "2027-02-06",
            "2027-02-09",
        ),
        // A check-in alone before the period runs through it.
        (
            "desde el 20 de diciembre hasta año nuevo",
            "2026-12-20",
            "2027-01-02",
        ),
        ("para año nuevo llegamos el 29", "2026-12-29", "2027-01-02"),
        // The period's stay stretched at the end the guest names.
        (
            "el finde largo de octubre pero llegamos un dia antes",
            "2027-10-07",
            "2027-10-11",
        ),
        (
            "para el finde largo de agosto llegamos dos dias antes",
            "2027-08-11",
            "2027-08-16",
        ),
        (
            "para carnaval, nos quedamos una noche mas",
            "2027-02-05",
            "2027-02-10",
        ),
        (
            "semana santa, nos vamos un dia despues",
            "2027-03-25",
            "2027-03-29",
        ),
        (
            "the long weekend in October but we arrive one day earlier",
            "2027-10-07",
            "2027-10-11",
        ),
        // Days of its own are not stretched again.
        (
            "el finde largo de octubre pero llegamos un dia antes, el jueves",
            "2027-10-07",
            "2027-10-11",
        ),
        // A weekend of a day, then the range: the range, in the weekend's month.
        (
            "el finde del 25 de mayo, del sabado 22 al martes 25",
            "2027-05-22",
            "2027-05-25",
        ),
        (
            "el feriado del 17 de agosto que cae lunes, somos 2",
            "2027-08-13",
            "2027-08-16",
        ),
        (
            "el finde largo de agosto, que cae el lunes",
            "2027-08-13",
            "2027-08-16",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
    // The period alone is still its stay, said as assumed.
    let u = read("hay lugar para carnaval?");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d("2027-02-05")), Some(d("2027-02-09")))
    );
    assert!(u.period.is_some());
    // Dates of their own: nothing assumed.
    assert!(
        read("para carnaval, del 6 al 9 de febrero")
            .period
            .is_none()
    );
}

#[test]
fn las_fiestas_are_christmas_or_new_years_and_asked() {
    for text in [
        "para las fiestas hay lugar? somos 2",
        "do you have room over the holidays?",
        "vocês têm vaga para as festas?",
    ] {
        let u = read(text);
        assert_eq!(
            u.period.map(|p| p.period),
            Some(super::Period::Festive),
            "{text}"
        );
        assert_eq!(u.check_in, None, "{text}");
    }
    assert_eq!(read("se pueden hacer fiestas en la cabaña?").period, None);
}

#[test]
fn ustedes_and_usted_orders_to_book() {
    for text in [
        "Nos quedamos con la Ñire, resérvenla por favor.",
        "resérvenmela",
        "Perfecto, resérvela por favor",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}");
        assert!(u.affirmative, "{text}");
    }
}
#[test]
fn a_head_count_after_a_month_is_no_day_of_it() {
    for text in [
        "el finde largo de julio, 6 personas",
        "the long weekend in July, 6 guests",
        "para marzo, 6 personas",
    ] {
        assert_eq!(read(text).guests, Some(6), "{text}");
    }
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    assert_eq!(read("July 6 to 9 for 2").check_in, Some(d("2027-07-06")));
}

/// What the tenth blind set (cases_conv10.txt) found misread: a cot, a fireplace or firewood, a
/// motorbike to park; a yes said as no question.
#[test]
fn tenth_set_extras_and_plain_yes() {
    use super::Feature;
    for (text, want) in [
        ("tienen cuna para el bebe?", Feature::Crib),
        ("si dale pero con cuna para el bebe", Feature::Crib),
        ("do you have a crib?", Feature::Crib),
        ("vocês têm berço?", Feature::Crib),
        ("el arrayan tiene hogar?", Feature::Fireplace),
        ("hay leña o la traemos?", Feature::Fireplace),
        ("is there firewood?", Feature::Fireplace),
        ("is there a fireplace?", Feature::Fireplace),
        ("tem lareira?", Feature::Fireplace),
        ("puedo llevar la moto?", Feature::Parking),
        ("hay donde dejar la moto?", Feature::Parking),
        ("tiene calefaccion?", Feature::Heating),
    ] {
        let u = read(text);
        assert!(u.features.contains(&want), "{text}: {:?}", u.features);
        assert!(
            !u.features.contains(&Feature::Kids) || want != Feature::Crib,
            "{text}"
        );
    }
    assert!(read("si dale pero con cuna para el bebe").plain_yes);
    assert!(!read("dale, tiene wifi?").plain_yes);
    assert!(!read("tiene wifi").plain_yes);
}

/// Nights said with a part of a month ("una semana en la primera quincena de enero", "5
/// noches en la segunda quincena"): the nights from that part's first day, not all of it.
#[test]
fn nights_within_a_part_of_a_month() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "somos 4, una semana en la primera quincena de enero",
            "2027-01-01",
            "2027-01-08",
        ),
        (
            "la primera quincena de enero, una semana",
            "2027-01-01",
            "2027-01-08",
        ),
        (
            "5 noches en la segunda quincena de febrero",
            "2027-02-16",
            "2027-02-21",
        ),
        (
            "uma semana na primeira quinzena de janeiro",
            "2027-01-01",
            "2027-01-08",
        ),
        (
            "la primera semana de febrero, 3 noches",
            "2027-02-01",
            "2027-02-04",
        ),
        (
            "a week in the first half of January",
            "2027-01-01",
            "2027-01-08",
        ),
        // The part alone is all of it.
        (
            "somos 4, la primera quincena de enero",
            "2027-01-01",
            "2027-01-15",
        ),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, Some(d(check_in)), "{text}");
        assert_eq!(u.check_out, Some(d(check_out)), "{text}");
    }
}

/// The shortest stay asked with the count first ("¿cuántas noches mínimo?", "how many nights
/// minimum?", "quantas noites no mínimo?"), never a stay said with a minimum ("nos quedamos 3
/// noches al menos"); heating asked as "heated" or "aquecido".
#[test]
fn minimum_nights_asked_count_first_and_heating_by_other_words() {
    use super::{Feature, InfoTopic};
    for text in [
        "cuantas noches minimo?",
        "cuántas noches como mínimo hay que reservar?",
        "minimo cuantas noches?",
        "cuantas noches hay que quedarse?",
        "how many nights minimum?",
        "how many nights at least do we need to book?",
        "quantas noites no minimo?",
        "quantas noites pelo menos?",
    ] {
        assert!(
            read(text).topics.contains(&InfoTopic::MinimumStay),
            "{text}"
        );
    }
    for text in [
        "nos quedamos 3 noches al menos",
        "we will stay 3 nights at least",
        "ficamos 3 noites pelo menos",
        "queremos 4 noches como minimo",
    ] {
        assert!(
            !read(text).topics.contains(&InfoTopic::MinimumStay),
            "{text}"
        );
    }
    for text in [
        "Are the cabins heated?",
        "os chalés são aquecidos?",
        "tem aquecedor?",
    ] {
        assert!(read(text).features.contains(&Feature::Heating), "{text}");
    }
}

/// Bed linen and towels as Argentines name them ("ropa blanca", "blanquería", "toallones")
/// are the linens asked about, in the three languages.
#[test]
fn linens_by_their_local_names() {
    use super::Feature;
    for text in [
        "hay que llevar ropa blanca?",
        "incluye blanquería?",
        "hay toallones?",
        "dan toalla y acolchado?",
        "tem roupa de cama e toalha?",
        "do you provide sheets?",
        "bed linen included?",
    ] {
        assert!(read(text).features.contains(&Feature::Linens), "{text}");
    }
}

/// What the twelfth blind set (cases_twelfth.txt) found misread.
#[test]
fn twelfth_set_not_coming_keeping_and_only_so_many() {
    for text in [
        "ya no vamos, perdon",
        "ya no vamos",
        "al final no viajamos, disculpá",
        "finalmente no voy, gracias igual",
        "we can't make it anymore, sorry",
        "we cannot make it",
        "sorry, we're not coming anymore",
        "não poderemos ir",
        "desistimos",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in [
        "ya no vamos con el perro",
        "ya no vamos a llevar la camioneta",
        "no vamos, vamos el 16",
    ] {
        assert_ne!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in [
        "dejala como estaba",
        "ok then keep the original dates",
        "leave it as it was",
        "deixa como estava",
        "mantenela",
    ] {
        assert!(read(text).keeps_as_is, "{text}");
    }
    for text in ["como estaba la cabaña?", "keep me posted"] {
        assert!(!read(text).keeps_as_is, "{text}");
    }
    for (text, n) in [
        ("agora somos só 2, tudo bem?", 2),
        ("ahora somos solo 3", 3),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    assert!(read("the Coihue then").settles);
    assert!(!read("la coihue entonces?").settles);
}

/// A stay besides the one held, for others: "y la Arrayán las mismas fechas para mis viejos";
/// and a cabin taken out of what is held.
#[test]
fn twelfth_set_another_party_and_a_cabin_taken_out() {
    let u = read("y la arrayan las mismas fechas para mis viejos");
    assert!(u.also && u.same_dates, "{u:?}");
    assert_eq!(u.guests, Some(2));
    assert_eq!(read("and the Arrayán for my parents").guests, Some(2));
    assert_eq!(read("vamos con mis viejos, somos 4").guests, Some(4));
    for text in [
        "saca la arrayan",
        "borrá la Lenga porfa",
        "remove the Arrayán",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in ["sacale un dia", "sacale una noche a la coihue"] {
        assert_ne!(read(text).intent, Intent::Cancel, "{text}");
    }
    assert!(read("y también del 22 al 24").also);
    assert!(!read("cambiala al 22 y también somos 3").also);
}

#[test]
fn the_first_one_in_spanish_masculine_is_the_first_option_unless_a_month_follows() {
    for text in [
        "me quedo con el primero",
        "quiero el primero",
        "prefiero el primero",
    ] {
        let u = read(text);
        assert_eq!(u.choice, Some(super::Choice::Position(1)), "{text}");
        assert_eq!(u.check_in, None, "{text}");
    }
    let u = read("me quedo con el primero de marzo al 3");
    assert_eq!(u.check_in, Some("2027-03-01".parse().expect("date")));
}

#[test]
fn chat_shorthand_reads_like_the_words_it_stands_for() {
    let u = read("bn dia, sms 2 y qrms la arrayan del 9 al 11 d junio");
    assert_eq!(u.guests, Some(2));
    assert!(u.check_in.is_some());
    assert!(read("k precio x noche?").per_night);
    assert!(read("dsp t confirmo").defers);
    assert!(read("dps te confirmo").defers);
    assert!(!read("sip dale").defers);
}

#[test]
fn a_nudge_is_only_a_greeting_and_a_question_mark() {
    for text in [
        "?",
        "hola??",
        "??",
        "hello?",
        "oi?",
        "hola? hay alguien?",
        "y?",
    ] {
        assert!(read(text).nudge, "{text}");
    }
    for text in [
        "hola",
        "hola, somos 2?",
        "cuanto sale?",
        "dale",
        "hola tienen lugar?",
    ] {
        assert!(!read(text).nudge, "{text}");
    }
}

#[test]
fn another_couple_comes_along_in_three_languages() {
    for (text, n) in [
        ("somos 2 y otra pareja, del 10 al 12 de marzo", 4),
        ("vamos con otra pareja de amigos", 4),
        ("my wife and I with another couple", 4),
        ("we are 2 plus another couple", 4),
        ("somos 2 e outro casal", 4),
        ("a couple and two friends", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
}

#[test]
fn a_day_said_before_its_long_weekend_is_that_long_weekend() {
    // Today is 2026-11-10; 2027's 9 de julio is a Friday, its 25 de mayo a Tuesday (no long
    // weekend).
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for text in [
        "para el 9 de julio finde largo hay lugar? somos 2",
        "el 9 de julio, que es finde largo, tienen algo para 2?",
        "para el 9 de julio que es feriado, somos 2",
        "el finde largo del 9 de julio para 2",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(2027, 7, 8)), Some(d(2027, 7, 11))),
            "{text}"
        );
        assert_eq!(
            u.period.map(|p| p.period),
            Some(crate::nlu::Period::LongWeekend),
            "{text}"
        );
    }
    // No long weekend near the day: never a date in the past; the month is said instead.
    let u = read("para el 24 de mayo finde largo tenes algo? vamos 2");
    assert_eq!(u.check_in, None);
    assert_eq!(u.no_long_weekend_in, Some(5));
}

#[test]
fn a_day_far_from_a_period_is_the_guests_own_arrival() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Today is 2026-11-10: the next long weekend is in November, the 24th of May far from it.
    let u = read("finde largo, llegamos el 24 de mayo, somos 2");
    assert_eq!(u.check_in, Some(d(2027, 5, 24)));
    assert_eq!(u.period, None);
    // Near the period it is the arrival for it.
    let u = read("para año nuevo llegamos el 29 de diciembre");
    assert_eq!(u.check_in, Some(d(2026, 12, 29)));
    assert!(u.check_out.is_some_and(|out| out > d(2027, 1, 1)));
    let u = read("desde el 20 hasta año nuevo");
    assert_eq!(u.check_in, Some(d(2026, 12, 20)));
}

#[test]
fn a_pet_left_at_home_and_which_cabins_there_are() {
    for text in [
        "quiero la Lenga para 2, sin perro",
        "quero a Lenga para 2, sem cachorro",
        "the Lenga for 2, without the dog",
        "for 2 without our dog",
    ] {
        let u = read(text);
        assert!(u.no_pets && !u.pets, "{text}: {u:?}");
        assert!(!u.features.contains(&Feature::Pets), "{text}: {u:?}");
        assert!(!u.topics.contains(&InfoTopic::Pets), "{text}: {u:?}");
    }
    for text in [
        "con perro",
        "vamos com o cachorro",
        "with our dog",
        "¿no aceptan perros?",
    ] {
        assert!(!read(text).no_pets, "{text}");
    }
    for text in [
        "¿qué cabañas tienen?",
        "what cabins do you have?",
        "quais chalés vocês têm?",
        "qual o máximo por chalé?",
        "what's the maximum per cabin?",
    ] {
        assert_eq!(read(text).info_topic, Some(InfoTopic::Capacity), "{text}");
    }
    let u = read("¿qué cabañas tienen libres del 3 al 5 de marzo para 2?");
    assert!(!u.topics.contains(&InfoTopic::Capacity), "{u:?}");
    for (text, on) in [
        ("¿y acepta perros?", true),
        ("and does it take dogs?", true),
        ("e aceita cachorro?", true),
        ("ela tem wifi?", true),
        ("what about the Lenga?", true),
        ("how about the Coihue?", true),
        ("what do you have about March?", false),
        ("¿aceptan perros?", false),
    ] {
        assert_eq!(read(text).follows_on, on, "{text}");
    }
}

#[test]
fn which_cabins_have_words_no_feature_knows() {
    for (text, words) in [
        ("tienen cabañas con 2 dormitorios?", "2 dormitorios"),
        ("hay alguna con vista al lago?", "vista al lago"),
        ("tienen alguna cabaña con deck?", "deck"),
        // A view read up to the scenery it names, however many words the bridge made of it.
        (
            "any cabins with a view of the mountains?",
            "vista a la montana",
        ),
        ("hay alguna con vista a la montaña?", "vista a la montana"),
    ] {
        assert_eq!(read(text).described.as_deref(), Some(words), "{text}");
    }
}

#[test]
fn a_week_from_a_day_is_seven_nights() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Today is 2026-11-10.
    for (text, from) in [
        (
            "hola quiero saber si tienen para la semana del 18 de enero 2 personas",
            d(2027, 1, 18),
        ),
        ("una semana desde el 3 de febrero", d(2027, 2, 3)),
        ("la semana del 20, somos 4", d(2026, 11, 20)),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, Some(from), "{text}");
        assert_eq!(
            u.check_out,
            from.checked_add_days(chrono::Days::new(7)),
            "{text}"
        );
    }
    // A range said in full is the range.
    let u = read("la semana del 8 al 15 de febrero");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d(2027, 2, 8)), Some(d(2027, 2, 15)))
    );
    assert!(read("semana santa").check_in.is_some());
}

#[test]
fn days_named_by_their_name_are_that_date() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for (text, day) in [
        (
            "hola, tenes la del jacuzzi libre para san valentin?",
            d(2027, 2, 14),
        ),
        ("para el día de los enamorados", d(2027, 2, 14)),
        ("do you have something for valentines day?", d(2027, 2, 14)),
    ] {
        assert_eq!(read(text).check_in, Some(day), "{text}");
    }
}

#[test]
fn a_cabin_described_in_english_or_portuguese_is_pointed_at() {
    use crate::nlu::{Choice, Feature};
    for (text, choice) in [
        ("hi! how much is the big cabin per night?", Choice::Largest),
        ("is the large cabin free on Feb 3?", Choice::Largest),
        (
            "quanto custa a diária do chalé com hidromassagem?",
            Choice::Having(Feature::Jacuzzi),
        ),
        (
            "cuánto sale la cabaña con jacuzzi?",
            Choice::Having(Feature::Jacuzzi),
        ),
    ] {
        assert_eq!(read(text).choice, Some(choice), "{text}");
    }
}

#[test]
fn a_no_that_opens_a_question_is_no_refusal() {
    for text in [
        "no hay forma de estar todos en una?",
        "no tienen otra?",
        "no hay problema, dale",
    ] {
        assert!(!read(text).declines, "{text}");
    }
    assert!(read("no, gracias").declines);
    assert!(read("no hay forma de estar todos en una?").all_in_one);
}

#[test]
fn parties_that_stay_apart_are_read() {
    for (text, guests, parties) in [
        (
            "hola, somos dos familias de 4, del 5 al 8 de marzo",
            8,
            vec![4, 4],
        ),
        ("somos una familia de 4 y otra de 3", 7, vec![4, 3]),
        ("we are two families of four", 8, vec![4, 4]),
        ("somos duas famílias de 4 pessoas", 8, vec![4, 4]),
        // Cabins each for that many: "each" says the number is per cabin.
        (
            "Do you have 2 cabins for 4 each, May 3 to 6?",
            8,
            vec![4, 4],
        ),
        ("necesito dos cabañas para 4 cada una", 8, vec![4, 4]),
        ("duas cabanas pra 4 pessoas cada", 8, vec![4, 4]),
        ("3 cabins for 2 people each", 6, vec![2, 2, 2]),
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.parties), (Some(guests), parties), "{text}");
    }
    assert!(read("somos una familia de 5").parties.is_empty());
    // Without "each" the number is the whole party.
    assert_eq!(read("dos cabañas para 6").guests, Some(6));
}

#[test]
fn a_stay_moved_in_the_first_person_plural_keeps_its_nights() {
    for (text, days) in [
        ("corrámosla una semana", 7),
        ("movámosla un día", 1),
        ("adelantémosla dos días", -2),
        ("posterguemos una semana la reserva", 7),
    ] {
        let u = read(text);
        assert_eq!((u.shift_days, u.nights), (Some(days), None), "{text}");
    }
}

#[test]
fn a_cabin_turned_down_by_name_is_never_the_one_named() {
    for (text, down, named) in [
        ("la coihue no, la otra", "Cabaña Coihue", None),
        (
            "la coihue no, mejor la lenga",
            "Cabaña Coihue",
            Some("Cabaña Lenga"),
        ),
        ("no quiero la arrayan, tenes otra?", "Cabaña Arrayán", None),
        ("la lenga no me convence", "Cabaña Lenga", None),
        ("la Arrayán tampoco", "Cabaña Arrayán", None),
        ("the coihue no, the other one", "Cabaña Coihue", None),
        (
            "not the coihue, the lenga",
            "Cabaña Coihue",
            Some("Cabaña Lenga"),
        ),
    ] {
        let u = read(text);
        assert_eq!(u.turned_down, vec![down.to_owned()], "{text}");
        assert_eq!(u.accommodation.as_deref(), named, "{text}");
        assert!(!u.accommodations.iter().any(|a| a == down), "{text}");
    }
    // Questions about a cabin, and a "no" that answers the bot before naming one, turn none
    // down.
    for (text, named) in [
        ("¿la lenga no está libre?", "Cabaña Lenga"),
        ("la coihue no tiene parrilla?", "Cabaña Coihue"),
        ("no, la coihue", "Cabaña Coihue"),
        ("y la coihue no? prefiero esa", "Cabaña Coihue"),
        ("y la lenga no?", "Cabaña Lenga"),
    ] {
        let u = read(text);
        assert!(u.turned_down.is_empty(), "{text}: {:?}", u.turned_down);
        assert_eq!(u.accommodation.as_deref(), Some(named), "{text}");
    }
}

#[test]
fn which_one_allows_with_nothing_after_asks_about_pets() {
    for text in [
        "y cual acepta?",
        "¿cuáles aceptan?",
        "ok y cual si acepta",
        "e qual aceita?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert_eq!(u.info_topic, Some(InfoTopic::Pets), "{text}");
    }
    assert_ne!(
        read("cual acepta tarjeta?").info_topic,
        Some(InfoTopic::Pets)
    );
}

#[test]
fn which_ones_yes_with_nothing_else_said() {
    for text in [
        "y a cual si?",
        "¿cuáles sí?",
        "ah y en cuales si",
        "cual si",
        "e qual sim?",
        "which ones do?",
    ] {
        assert!(read(text).which_yes, "{text}");
    }
    for text in [
        "si",
        "cual es la mas barata?",
        "cual si tiene lugar el 5?",
        "y la coihue si?",
    ] {
        assert!(!read(text).which_yes, "{text}");
    }
}

#[test]
fn a_cabin_wanted_on_dates_with_a_question_besides_is_a_booking() {
    for text in [
        "queremos la Coihue del 24 al 27 de abril para 3. ¿Tiene parrilla?",
        "quiero la lenga del 2 al 5 de mayo para 6, cuanto sale?",
        "Hola, queremos la Arrayán del 3 al 5 de marzo para 2. ¿Cómo se paga la seña?",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    // Without dates, a question about the cabin stays a question.
    assert_eq!(read("la coihue tiene parrilla?").intent, Intent::AskInfo);
}

#[test]
fn which_is_the_cheapest_asks_a_price() {
    for text in [
        "cual es la mas barata?",
        "¿cuál sale menos?",
        "which one is the cheapest?",
        "y cual es la mas cara?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskPrice, "{text}");
    }
}

#[test]
fn arriving_past_midnight_is_late_not_early() {
    use crate::nlu::{AskedTime, Feature};
    for text in [
        "could we arrive around midnight?",
        "llegamos a medianoche, hay problema?",
        "podemos llegar a las 24?",
        "llegamos a las 2 de la mañana",
    ] {
        let u = read(text);
        assert!(u.features.contains(&Feature::CheckIn), "{text}");
        assert_eq!(u.asked_time, Some(AskedTime::Late), "{text}");
    }
    assert_eq!(
        read("puedo llegar a las 23?").asked_time,
        Some(AskedTime::At(23))
    );
}

#[test]
fn the_language_asked_for_is_read() {
    use crate::Language;
    for (text, lang) in [
        ("sorry, do you speak English?", Language::En),
        ("¿hablan inglés?", Language::En),
        ("english please", Language::En),
        ("vocês falam português?", Language::Pt),
        ("em português, por favor", Language::Pt),
        ("can you write in Spanish?", Language::Es),
    ] {
        assert_eq!(read(text).language_asked, Some(lang), "{text}");
    }
    assert_eq!(read("somos 2 ingleses").language_asked, None);
}

#[test]
fn when_the_guest_pays_or_answers_is_no_stay_date() {
    for text in [
        "puedo pagar la seña mañana?",
        "mañana te confirmo",
        "hoy transfiero la seña",
        "can I pay tomorrow?",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}");
    }
    assert!(read("hay lugar para mañana?").check_in.is_some());
    assert_eq!(
        read("el link no me abre").about_hold,
        Some(crate::nlu::AboutHold::LinkMissing)
    );
}

#[test]
fn paying_later_asks_until_when_the_hold_is_kept() {
    for text in [
        "puedo pagar la seña mañana?",
        "la puedo pagar más tarde?",
        "can I pay tomorrow?",
        "posso pagar amanhã?",
    ] {
        assert_eq!(
            read(text).about_hold,
            Some(crate::nlu::AboutHold::Deadline),
            "{text}"
        );
    }
}

#[test]
fn a_portuguese_arrival_alone_is_an_arrival() {
    for text in [
        "na verdade vamos chegar dia 11",
        "só conseguimos chegar no dia 11",
    ] {
        let u = read(text);
        assert!(u.arrival_only, "{text}");
    }
}

#[test]
fn the_nth_weekend_of_a_month_is_its_friday_to_sunday() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Today is 2026-11-10; February 2027 starts on a Monday (Fridays 5, 12, 19, 26).
    for (text, from) in [
        ("primer finde de febrero para 4", d(2027, 2, 5)),
        ("el segundo fin de semana de febrero", d(2027, 2, 12)),
        ("el último finde de febrero, somos 2", d(2027, 2, 26)),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(from), Some(from + chrono::Duration::days(2))),
            "{text}"
        );
    }
}

#[test]
fn a_three_letter_name_with_its_enye_is_that_cabin() {
    let names = ["Cabaña Arrayán", "Cabaña Ñire", "Cabaña Lenga"];
    let read = |text: &str| understand(text, today(), &names).accommodation;
    assert_eq!(
        read("hola quisera la ñre para 3").as_deref(),
        Some("Cabaña Ñire")
    );
    // Without the "ñ", three letters are too short to be a name.
    assert_eq!(read("la nre para 3"), None);
}

/// A date taken back in the middle of a sentence, as voice notes and hurried guests say it:
/// the date after the correction is the stay, and keeps the month of the one it replaces.
#[test]
fn a_date_taken_back_mid_sentence_gives_way_to_the_next() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "hola queria la arrayan del diez no perdon del once al catorce de marzo para dos",
            "2027-03-11",
            "2027-03-14",
        ),
        (
            "del 10, perdón, del 11 al 14 de marzo",
            "2027-03-11",
            "2027-03-14",
        ),
        (
            "tienen lugar del 20 al 23 de marzo eh no mejor dicho del 21 al 24 somos dos",
            "2027-03-21",
            "2027-03-24",
        ),
        (
            "del 20 al 23 de marzo, quiero decir del 21 al 24",
            "2027-03-21",
            "2027-03-24",
        ),
        // A start said instead keeps the end said before.
        (
            "del 20 al 25 de enero somos 3, bah, en realidad del 21",
            "2027-01-21",
            "2027-01-25",
        ),
        (
            "del 20 al 25 de enero para 3, o sea, del 21 al 25",
            "2027-01-21",
            "2027-01-25",
        ),
        (
            "Jan 20 to 25 for 3, actually from the 21st",
            "2027-01-21",
            "2027-01-25",
        ),
        (
            "de 20 a 25 de janeiro para 3, na verdade de 21 a 25",
            "2027-01-21",
            "2027-01-25",
        ),
        (
            "el 20 de enero me equivoqué el 21 de enero hasta el 25 para 3",
            "2027-01-21",
            "2027-01-25",
        ),
        (
            "quiero la ñire para el 3 de mayo digo el 4 de mayo hasta el 7 somos 4",
            "2027-05-04",
            "2027-05-07",
        ),
        (
            "llegamos el 3 de mayo y nos vamos el 6 perdon el 7",
            "2027-05-03",
            "2027-05-07",
        ),
        (
            "do you have something for two from march 8 sorry march 9 to march 12",
            "2027-03-09",
            "2027-03-12",
        ),
        (
            "from March 8, I mean March 9, to March 12",
            "2027-03-09",
            "2027-03-12",
        ),
        (
            "de 8 de março, desculpa, de 9 a 12 de março",
            "2027-03-09",
            "2027-03-12",
        ),
        (
            "de 8 a 10 de março ou melhor de 9 a 12",
            "2027-03-09",
            "2027-03-12",
        ),
        (
            "del veinte al veintidos no mejor al veintitres de marzo para dos",
            "2027-03-20",
            "2027-03-23",
        ),
        (
            "para 2 del 10 al 13 de marzo, no, del 11 al 14",
            "2027-03-11",
            "2027-03-14",
        ),
        (
            "para 2 del 10 al 13 de marzo no del 11 al 14",
            "2027-03-11",
            "2027-03-14",
        ),
        ("del 10 al 13 de marzo no al 14", "2027-03-10", "2027-03-14"),
        // No correction: the two dates are the stay.
        (
            "del 15 al 18 de marzo y si no del 20 al 23",
            "2027-03-15",
            "2027-03-18",
        ),
        (
            "del 15 al 18 de marzo, perdón la hora",
            "2027-03-15",
            "2027-03-18",
        ),
        ("perdón, del 15 al 18 de marzo", "2027-03-15", "2027-03-18"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

/// "Dez" is ten in Portuguese, December only after a day.
#[test]
fn portuguese_ten_in_words() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "oi queria saber se tem lugar pra duas pessoas de dez a treze de abril",
            "2027-04-10",
            "2027-04-13",
        ),
        ("do dia dez ao dia doze de maio", "2027-05-10", "2027-05-12"),
        ("de 15 de dez a 18 de dez", "2026-12-15", "2026-12-18"),
        ("de 15 dez a 3 jan", "2026-12-15", "2027-01-03"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

/// "A fin de mes", "a principios de mes": the month meant (this one while that part is ahead,
/// else the next), no day, so the guest is asked which days.
#[test]
fn a_part_of_the_month_said_without_its_name() {
    // Today is 10 November.
    for (text, month) in [
        ("queremos ir a fin de mes", 11),
        ("a fines de mes somos 4", 11),
        ("para mediados de mes", 11),
        ("a principios de mes", 11),
        ("a principios del mes que viene", 12),
        ("para fin del mes que viene", 12),
    ] {
        let u = read(text);
        assert_eq!((u.month, u.check_in), (Some(month), None), "{text}");
    }
}

#[test]
fn a_second_choice_of_arrival_is_no_check_out() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let u = read("para el 20 de enero... o el 21, 3 noches, 2 personas");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d(2027, 1, 20)), Some(d(2027, 1, 23)))
    );
    // A range is still a range.
    let u = read("del 20 al 23 de enero");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d(2027, 1, 20)), Some(d(2027, 1, 23)))
    );
}

#[test]
fn how_the_deposit_works_is_a_payment_question_not_photos() {
    use crate::nlu::InfoTopic;
    for text in [
        "del 15 al 18 de enero para 6, con 2 perros, cómo es el tema de la seña?",
        "como es lo de la seña?",
        "cómo son las formas de pago?",
        "como es para reservar?",
    ] {
        let u = read(text);
        assert!(
            u.topics.contains(&InfoTopic::Payment),
            "{text}: {:?}",
            u.topics
        );
        assert!(
            !u.topics.contains(&InfoTopic::Photos),
            "{text}: {:?}",
            u.topics
        );
    }
}

#[test]
fn tomorrow_and_the_day_after_are_two_nights() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Today is 2026-11-10.
    let u = read("tienen lugar mañana y pasado? somos 2");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d(2026, 11, 11)), Some(d(2026, 11, 13)))
    );
    // "Pasado mañana" alone is still the day after tomorrow.
    assert_eq!(
        read("llegamos pasado mañana").check_in,
        Some(d(2026, 11, 12))
    );
}

#[test]
fn to_before_a_verb_is_no_until() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for text in [
        "we'd like to come Jan 30 - Feb 2, 4 people",
        "we would like to stay Jan 30 - Feb 2",
        "we want to go from Jan 30 to Feb 2",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(2027, 1, 30)), Some(d(2027, 2, 2))),
            "{text}"
        );
    }
}

#[test]
fn one_night_only_is_one_night() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Today is 2026-11-10, a Tuesday: this Saturday is the 14th.
    for text in [
        "any chance you have something for this Saturday night only?",
        "do you have anything this Saturday for one night only?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(2026, 11, 14)), Some(d(2026, 11, 15))),
            "{text}"
        );
    }
}

// conv26: a second generalist sample in English and Brazilian Portuguese.

#[test]
fn portuguese_fechar_books_and_spanish_fecha_stays_a_date() {
    for text in [
        "blz, fecha a coihue entao",
        "blz, fecha",
        "fecha a Lenga pra gente",
        "ok, fecha a Coihue de 12 a 15 de fevereiro pra 3 pessoas",
        "pode fechar",
        "vamos fechar a Lenga",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    for text in [
        "¿qué fecha tienen libre?",
        "fecha de ingreso 3/1",
        "la fecha, del 3 al 5",
        "cambio la fecha",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn the_total_and_the_daily_rate_asked_are_price_questions() {
    for text in [
        "what's the total now?",
        "cool, what's the total now?",
        "qual o total?",
        "qual a diária?",
        "¿cuál es el total?",
        "Is the deposit 30%?",
    ] {
        assert_eq!(read(text).intent, Intent::AskPrice, "{text}");
    }
    assert!(read("qual a diária?").per_night);
    assert!(
        read("Is the deposit 30%?")
            .topics
            .contains(&InfoTopic::Payment)
    );
}

#[test]
fn children_included_are_among_the_people_said() {
    for (text, n) in [
        ("6 of us incl. 2 kids", 6),
        ("we are 4 including 2 children", 4),
        ("somos 5 incluindo 2 crianças", 5),
        ("somos 4 incluyendo 2 nenes", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
}

#[test]
fn the_two_of_an_offer_is_no_date() {
    for text in [
        "Which of the two is cheaper?",
        "which one of the two?",
        "book the two please",
    ] {
        assert_eq!(read(text).check_in, None, "{text}");
    }
    assert_eq!(
        read("Which of the two is cheaper?").choice,
        Some(Choice::Cheapest)
    );
}

#[test]
fn confirm_the_time_is_a_question_not_a_yes() {
    for text in [
        "Could you also confirm the check-in time?",
        "can you confirm the check-out time?",
    ] {
        let u = read(text);
        assert!(!u.affirmative, "{text}");
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
    }
    assert!(read("can you confirm my booking?").affirmative);
}

#[test]
fn a_portuguese_pet_question_is_portuguese() {
    for text in ["a Arrayán aceita pet?", "aceitam pets?"] {
        assert_eq!(read(text).language, Some(crate::Language::Pt), "{text}");
    }
}

#[test]
fn what_each_cabin_sleeps_is_capacity() {
    for text in ["what would each cabin sleep?", "how many does it sleep?"] {
        assert!(read(text).topics.contains(&InfoTopic::Capacity), "{text}");
    }
}

#[test]
fn which_dates_asked_without_any() {
    for text in [
        "which dates would that be exactly?",
        "quais datas seriam?",
        "¿qué fechas serían?",
    ] {
        assert!(read(text).asks_dates, "{text}");
    }
    assert!(!read("which dates are free in March?").asks_dates);
    assert!(!read("tenés lugar del 3 al 5?").asks_dates);
}

#[test]
fn what_if_we_were_more_is_the_party_again() {
    for text in [
        "What if we came with 12 then?",
        "what if we were 12?",
        "e se formos 12?",
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(12), "{text}");
        assert!(!u.affirmative, "{text}");
    }
}

#[test]
fn cancel_one_cabin_and_book_another_is_a_move_to_it() {
    for text in [
        "hmm actually cancel the Coihue and book the Arrayán instead, same dates",
        "cancelá la Coihue y reservame la Arrayán",
        "cancela a Coihue e reserva a Arrayán no lugar",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}");
        assert_eq!(u.accommodation.as_deref(), Some("Cabaña Arrayán"), "{text}");
    }
    // One cabin cancelled alone stays a cancellation.
    let u = read("pensando bem cancela a Arrayán, meus pais não vão mais");
    assert_eq!(u.intent, Intent::Cancel);
}

#[test]
fn we_would_like_it_for_books_the_cabin_talked_about() {
    let u = read(
        "How much is the Lenga per night, and do you allow dogs? If so we'd like it for 5 people from Jan 24 to 27",
    );
    assert_eq!(u.intent, Intent::Book);
    assert!(u.night_price_too);
    assert_ne!(read("I'd like it to be quiet").intent, Intent::Book);
}

#[test]
fn after_a_hold_words_conv25() {
    // Until when the hold is kept, or whether paying late loses it.
    for text in [
        "si no pago hoy, ¿se cae la reserva?",
        "Is my booking still on hold? Until when?",
        "a reserva ainda está de pé? até quando?",
        "what if I don't pay today?",
        "se eu não pagar hoje, perco a reserva?",
    ] {
        assert_eq!(read(text).about_hold, Some(AboutHold::Deadline), "{text}");
    }
    for text in ["¿sigue guardada la reserva?", "is it still valid?"] {
        assert_eq!(read(text).about_hold, Some(AboutHold::Status), "{text}");
    }
    for text in ["¿todavía está libre la Lenga?", "ainda está disponível?"] {
        assert_eq!(read(text).about_hold, None, "{text}");
    }
    // The hold kept as it was.
    for text in [
        "bueno, dejá la que tenía entonces",
        "seguimos con la anterior",
        "no la cambies",
        "ok keep what I had",
        "never mind the change",
        "fica a que eu tinha",
    ] {
        assert!(read(text).keeps_as_is, "{text}");
    }
    // A move said with a verb is a correction, not another stay.
    for text in [
        "pasala del 9 al 11 de junio",
        "movela al 20",
        "can you move the booking to June 9?",
        "muda para 9 a 11 de junho",
    ] {
        assert!(read(text).correction, "{text}");
    }
    // Another stay besides the one held.
    for text in [
        "queremos volver en julio, del 12 al 15",
        "we'd love to come back in July",
        "quero fazer outra reserva em agosto",
        "queremos voltar em agosto",
        "another stay in July",
    ] {
        assert!(read(text).also, "{text}");
    }
    for text in [
        "¿me la volvés a reservar?",
        "la podés volver a reservar del 12 al 15?",
    ] {
        assert!(!read(text).also, "{text}");
    }
    // What is left to pay.
    for text in [
        "¿y el resto cómo lo pago?",
        "cuánto me falta pagar?",
        "how do I pay the balance?",
        "what's left to pay?",
        "quanto falta pagar?",
        "o saldo se paga na chegada?",
        "y cuanto queda para pagar al llegar?",
        "cuánto tengo que pagar cuando lleguemos?",
        "how much do we pay on arrival?",
        "quanto a gente paga na chegada?",
    ] {
        assert!(read(text).asks_balance, "{text}");
    }
    for text in [
        "y el resto de las cabañas?",
        "el resto bien, gracias",
        "cuánto sale? llegamos el 3",
    ] {
        assert!(!read(text).asks_balance, "{text}");
    }
}

#[test]
fn information_thanked_for_is_not_asked_for() {
    for text in [
        "Gracias por la información.",
        "muchas gracias por la info",
        "Thanks for the info!",
        "Obrigada pela informação.",
    ] {
        assert_ne!(read(text).intent, Intent::AskInfo, "{text}");
    }
    assert_eq!(read("¿Me podrían dar información?").intent, Intent::AskInfo);
}

#[test]
fn a_cabin_chosen_is_a_booking_even_after_a_greeting() {
    for text in [
        "Buenas noches, quiero la Coihue.",
        "Elegimos la Coihue.",
        "Optamos por la Coihue.",
        "Nos decidimos por la Coihue.",
        "Escolhemos a Coihue.",
        "Pode reservar.",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    // Going there, or a preference, is no order by itself.
    for text in ["vamos a la coihue el sábado", "prefiero la Coihue"] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn the_booking_details_asked_again_ask_the_voucher() {
    for text in [
        "¿Me podés mandar de nuevo los datos de la reserva?",
        "¿Me reenvían la confirmación de la reserva?",
        "Could you please resend the booking confirmation?",
        "Pode me mandar de novo os dados da reserva?",
    ] {
        assert!(read(text).asks_voucher, "{text}");
    }
}

#[test]
fn the_ways_of_paying_asked_about_are_read_in_order_and_for_what() {
    use crate::nlu::PayMethod::{Card, Cash, MercadoPago, Transfer};
    for (text, ways, deposit) in [
        ("aceptan tarjeta?", vec![Card], false),
        (
            "se puede pagar con tarjeta o transferencia?",
            vec![Card, Transfer],
            false,
        ),
        ("el saldo lo pago en efectivo?", vec![Cash], false),
        ("la seña se puede transferir?", vec![Transfer], true),
        ("puedo pagar la seña en efectivo?", vec![Cash], true),
        ("do you take cash or credit cards?", vec![Cash, Card], false),
        (
            "can I pay the deposit by bank transfer?",
            vec![Transfer],
            true,
        ),
        ("vocês aceitam dinheiro?", vec![Cash], false),
        ("aceitam cartão?", vec![Card], false),
        ("se paga por mercado pago?", vec![MercadoPago], false),
        ("como se paga?", vec![], false),
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::Payment), "{text}: {u:?}");
        assert_eq!(u.pay_methods, ways, "{text}");
        assert_eq!(
            u.pays_deposit && !u.pay_methods.is_empty(),
            deposit,
            "{text}"
        );
    }
    // A view is no card; nothing about paying, no way of paying.
    let u = read("la cabaña con vista al lago tiene parrilla?");
    assert!(u.pay_methods.is_empty(), "{u:?}");
    // The balance asked when and how.
    for text in [
        "y el resto cuando lo pago?",
        "el saldo como se paga?",
        "when do I pay the balance?",
        "quando pago o restante?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Payment), "{text}");
    }
}

#[test]
fn cabins_apart_are_read_with_each_party() {
    for (text, parties) in [
        ("una para 4 y otra para 2", vec![4, 2]),
        ("necesito una cabaña de 4 y otra de 2", vec![4, 2]),
        ("one cabin for 4 and another for 2", vec![4, 2]),
        ("uma pra 4 e outra pra 2", vec![4, 2]),
        ("dos cabañas para 6", vec![]),
        // The party said by who it is: "nosotros 4", a pair of relatives.
        (
            "somos 6, queremos una cabaña para nosotros 4 y otra aparte para los abuelos",
            vec![4, 2],
        ),
        ("una para los 4 y otra para mis viejos", vec![4, 2]),
        (
            "one cabin for us 4 and another one for my parents",
            vec![4, 2],
        ),
        ("uma pra nós 4 e outra pros avós", vec![4, 2]),
        ("una para mis suegros y otra para nosotros 4", vec![2, 4]),
    ] {
        let u = read(text);
        assert!(u.apart, "{text}");
        assert_eq!(u.parties, parties, "{text}");
        assert_eq!(u.guests, Some(6), "{text}");
    }
    for text in ["somos 6", "una cabaña para 6", "la segunda para 4"] {
        assert!(!read(text).apart, "{text}");
    }
}

#[test]
fn a_whole_party_said_after_its_parts_and_dates_said_against_others() {
    for (text, guests) in [
        ("viajan también nuestros dos hijos, seríamos 4 personas", 4),
        ("se suman dos amigos, seriamos 6", 6),
        ("somos 2 adultos y 2 chicos", 4),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
    // "Son del 9 al 12, no del 8 al 11": the dates after the "no" are the ones that are not.
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, a, b) in [
        (
            "me equivoqué con las fechas: son del 9 al 12 de marzo, no del 8 al 11",
            "2027-03-09",
            "2027-03-12",
        ),
        (
            "del 10 al 13 de marzo, no, del 11 al 14",
            "2027-03-11",
            "2027-03-14",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(a)), Some(d(b))),
            "{text}"
        );
    }
    // A liking is said, not asked.
    let u = read("y la ñire se puede? nos encanta el jacuzzi");
    assert!(u.features.is_empty(), "{u:?}");
    assert!(!read("la ñire tiene jacuzzi?").features.is_empty());
}

/// conv27: how many go in each cabin named ("5 en la Lenga y 2 en el Arrayán"); a dog said to
/// stay home; a singular "¿tiene…?" that follows on; a greeting before a yes/no question; the
/// words asked of the cabin talked about.
#[test]
fn conv27_parties_placed_pets_left_and_questions_that_follow_on() {
    for (text, placed) in [
        (
            "ponenos 5 en la lenga y 2 en la arrayan",
            vec![("Cabaña Lenga", 5), ("Cabaña Arrayán", 2)],
        ),
        (
            "dale, 6 en la lenga y 3 en la coihue",
            vec![("Cabaña Lenga", 6), ("Cabaña Coihue", 3)],
        ),
        (
            "la coihue para 4 y la arrayan para 2",
            vec![("Cabaña Coihue", 4), ("Cabaña Arrayán", 2)],
        ),
        (
            "4 in the Coihue and 2 in the Arrayán",
            vec![("Cabaña Coihue", 4), ("Cabaña Arrayán", 2)],
        ),
        ("somos 5 en la lenga", vec![]),
        ("la lenga y la arrayan", vec![]),
    ] {
        let u = read(text);
        let want: Vec<(String, u16)> = placed.iter().map(|(n, g)| ((*n).to_owned(), *g)).collect();
        assert_eq!(u.placed, want, "{text}");
    }
    assert_eq!(read("la coihue para 4 y la arrayan para 2").guests, Some(6));
    for text in [
        "bueno no, al final el perro se queda. volvemos a la ñire",
        "no llevamos al perro",
        "el perro no viene",
        "sin perro",
        "the dog stays home",
    ] {
        let u = read(text);
        assert!(
            !u.pets && u.no_pets && u.features.is_empty(),
            "{text}: {u:?}"
        );
    }
    assert!(read("vamos con el perro").pets);
    for (text, on) in [
        ("tiene jacuzzi?", true),
        ("tmb tiene wifi?", true),
        ("¿acepta gatos?", true),
        ("¿tienen jacuzzi?", false),
        ("¿aceptan perros?", false),
    ] {
        assert_eq!(read(text).follows_on, on, "{text}");
    }
    for text in [
        "hola! la arrayan tiene hogar?",
        "buenas! la coihue tiene parrilla?",
    ] {
        assert_eq!(read(text).intent, Intent::AskInfo, "{text}");
    }
    for (text, words) in [
        ("tiene deck?", Some("deck")),
        ("y deck?", Some("deck")),
        ("¿y el deck?", Some("deck")),
        ("como llego?", None),
        ("la coihue tiene deck?", None),
    ] {
        assert_eq!(read(text).asked_words.as_deref(), words, "{text}");
    }
}

#[test]
fn conv28_journeys_greetings_confirmations_cars_hours_and_parties() {
    // A greeting's "va" is no yes.
    for text in ["hola! cómo va?", "buenas, qué tal va?"] {
        assert!(!read(text).affirmative, "{text}");
    }
    // The confirmation asked to be sent again, and what is left to do: the voucher.
    for text in [
        "me reenviás la confirmación?",
        "pasame la confirmación porfa",
        "could you send me the confirmation again?",
        "qué más tenemos que hacer?",
        "anything else we need to do?",
        "o que mais temos que fazer?",
    ] {
        assert!(read(text).asks_voucher, "{text}");
    }
    assert!(!read("quiero confirmar la reserva").asks_voucher);
    // The car and where to leave it: the parking.
    for text in [
        "llegamos en auto, hay donde dejarlo?",
        "where can we leave the car?",
    ] {
        assert!(read(text).features.contains(&Feature::Parking), "{text}");
    }
    // Arriving at an hour: the check-in asked about; a day is no hour.
    for text in [
        "podemos llegar después de las 21?",
        "can we arrive after 9pm?",
    ] {
        assert!(read(text).features.contains(&Feature::CheckIn), "{text}");
    }
    assert!(
        !read("llegamos el 15 de marzo")
            .features
            .contains(&Feature::CheckIn)
    );
    // "We're actually 3": the party corrected.
    for text in ["oh wait, we're actually 3", "we are actually 3"] {
        assert_eq!(read(text).guests, Some(3), "{text}");
    }
}

#[test]
fn a_party_counted_then_taken_back_is_the_count_said_after() {
    for (text, want) in [
        (
            "queria saber si tienen lugar del 15 al 18 de febrero para cinco personas eh no perdon somos cuatro",
            Some(4),
        ),
        ("para 3 personas, bah 4", Some(4)),
        ("somos 5 personas, no, 4", Some(4)),
        ("para 6 personas digo 5", Some(5)),
        ("we are 5 people, sorry, 4", Some(4)),
        ("somos 5 pessoas, desculpa, 4", Some(4)),
        ("somos 2 parejas eh no perdon 3 parejas", Some(6)),
        // No correction: a "no" about something else, or "4, not 5".
        ("somos 4 personas, no fumamos", Some(4)),
        ("somos 4 adultos no tenemos chicos", Some(4)),
        ("somos 4, no 5", Some(4)),
    ] {
        assert_eq!(read(text).guests, want, "{text}");
    }
}

#[test]
fn the_option_for_that_many_with_why_after_it() {
    for text in [
        "la de 6 asi estamos mas comodos",
        "la de 6 porfa",
        "la de 6 q asi entramos todos",
        "the one for 6 please",
    ] {
        assert_eq!(read(text).choice, Some(Choice::Sleeps(6)), "{text}");
    }
    // A date or nights after the number are no pick.
    assert_eq!(read("la de 6 noches").choice, None);
}

#[test]
fn whether_a_party_fits_in_english_and_portuguese_words() {
    for text in [
        "does the Lenga sleep 6?",
        "a Lenga cabe 6?",
        "cabem 6 na Lenga?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.guests, u.accommodation.as_deref()),
            (Some(6), Some("Cabaña Lenga")),
            "{text}"
        );
        assert!(u.topics.contains(&InfoTopic::Capacity), "{text}");
    }
}

#[test]
fn a_long_weekend_named_again_by_its_holiday_is_the_same_stay() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for (text, stay) in [
        (
            "somos diez personas y queriamos ir el finde largo de julio el del 9 de julio",
            (d(2027, 7, 8), d(2027, 7, 11)),
        ),
        (
            "para el finde largo de julio, el 9 de julio",
            (d(2027, 7, 8), d(2027, 7, 11)),
        ),
        (
            "el finde largo de agosto, el del 16 de agosto",
            (d(2027, 8, 13), d(2027, 8, 16)),
        ),
        // An arrival said is the guest's own.
        (
            "el finde largo de julio, desde el 9",
            (d(2027, 7, 9), d(2027, 7, 11)),
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(stay.0), Some(stay.1)),
            "{text}"
        );
    }
}

#[test]
fn whether_children_or_a_baby_pay_asks_the_price_basis() {
    for text in [
        "el bebé paga?",
        "los chicos pagan?",
        "y los nenes pagan aparte?",
        "pagan los menores de 5?",
        "les cobran a los chicos?",
        "do kids pay?",
        "do you charge for children?",
        "criança paga?",
        "as crianças pagam?",
    ] {
        let u = read(text);
        assert!(
            u.topics.contains(&InfoTopic::PriceBasis),
            "{text}: {:?}",
            u.topics
        );
    }
}

#[test]
fn how_many_rooms_or_which_beds_asks_about_the_rooms() {
    for text in [
        "cuantas habitaciones tiene?",
        "cuántos dormitorios tiene la lenga?",
        "y qué camas tiene?",
        "tiene cama matrimonial o camas separadas?",
        "how many bedrooms does it have?",
        "quantos quartos tem o chalé?",
    ] {
        let u = read(text);
        assert_eq!(
            u.topics.first(),
            Some(&InfoTopic::Rooms),
            "{text}: {:?}",
            u.topics
        );
    }
    // A cabin pointed at by its rooms is no question about them.
    assert!(
        !read("la de dos dormitorios")
            .topics
            .contains(&InfoTopic::Rooms)
    );
}

#[test]
fn months_shortened_as_people_write_them_after_a_day() {
    for (text, check_in, check_out) in [
        ("del 3 al 5 de mzo", (3, 3), (3, 5)),
        ("del 10 al 12 de agos", (8, 10), (8, 12)),
        ("10 al 14 febr", (2, 10), (2, 14)),
    ] {
        let u = read(text);
        let md = |d: Option<chrono::NaiveDate>| {
            d.map(|d| (chrono::Datelike::month(&d), chrono::Datelike::day(&d)))
        };
        assert_eq!(md(u.check_in), Some(check_in), "{text}");
        assert_eq!(md(u.check_out), Some(check_out), "{text}");
    }
}

#[test]
fn a_stay_between_two_days_and_a_party_between_two_counts() {
    let md = |d: Option<chrono::NaiveDate>| {
        d.map(|d| (chrono::Datelike::month(&d), chrono::Datelike::day(&d)))
    };
    for text in [
        "entre 3 marzo y 7",
        "entre el 3 de marzo y 7",
        "between March 3 and 7",
        "between 3 and 4 people from March 3 to 7",
    ] {
        let u = read(text);
        assert_eq!(md(u.check_in), Some((3, 3)), "{text}");
        assert_eq!(md(u.check_out), Some((3, 7)), "{text}");
    }
    for text in ["entre 3 y 4 personas", "something between 2 and 4 people"] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}: a head count, not days");
        assert_eq!(u.guests, Some(4), "{text}");
    }
}

#[test]
fn the_earlier_dates_named() {
    for text in [
        "mejor la primera fecha",
        "volvamos a las fechas de antes",
        "actually the first dates are better",
        "let's go back to the original dates",
        "melhor as primeiras datas",
    ] {
        let u = read(text);
        assert!(u.earlier_dates, "{text}: {u:?}");
        assert_eq!(u.choice, None, "{text}");
    }
}

#[test]
fn a_move_by_days_said_of_one_end_names_that_end() {
    use super::StayEnd::{Arrival, Departure};
    for (text, days, end) in [
        ("che llegamos un dia antes, se puede?", -1, Some(Arrival)),
        ("al final llegamos un dia despues", 1, Some(Arrival)),
        ("we'll arrive a day earlier", -1, Some(Arrival)),
        ("vamos chegar um dia depois", 1, Some(Arrival)),
        ("salimos un dia antes", -1, Some(Departure)),
        ("nos vamos un día después", 1, Some(Departure)),
        ("we'll have to leave a day later", 1, Some(Departure)),
        ("volvemos un dia antes", -1, Some(Departure)),
        // The whole booking moved.
        ("corrámosla un día", 1, None),
        ("can we push it one day later?", 1, None),
        ("la podemos adelantar un dia?", -1, None),
        ("llegamos y nos vamos un dia despues", 1, None),
    ] {
        let u = read(text);
        assert_eq!((u.shift_days, u.shift_end), (Some(days), end), "{text}");
    }
    // The day said with a departure moved is the check-out.
    let u = read("we'll have to leave a day earlier, on the 8th");
    assert_eq!(u.check_in, None);
    assert_eq!(u.until.map(|d| chrono::Datelike::day(&d)), Some(8));
    // An arrival moved with its day keeps the day as the check-in, the end said.
    let u = read("ah no, espera, llegamos un dia antes, el 19");
    assert_eq!(u.check_in.map(|d| chrono::Datelike::day(&d)), Some(19));
    assert_eq!(u.shift_end, Some(Arrival));
}

#[test]
fn a_trip_called_off_in_words_of_its_own_cancels() {
    for text in [
        "nah olvidate, no va a poder ser",
        "olvidate",
        "olvidalo nomas",
        "al final no se va a poder, perdon",
        "no vamos a poder, disculpa",
        "no se nos va a dar, gracias igual",
        "che no va a ser posible",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in [
        "olvidate, dejala como estaba",
        "olvidate del cambio",
        "no va a poder ser el 10, puede ser el 11?",
        "no vamos a poder llegar antes de las 14",
        "me olvidé, llevamos el perro",
    ] {
        assert_ne!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn a_lone_day_denied_after_a_whole_stay_is_the_one_left_behind() {
    let md =
        |d: Option<NaiveDate>| d.map(|d| (chrono::Datelike::month(&d), chrono::Datelike::day(&d)));
    for (text, check_in, check_out) in [
        (
            "al final cambiamos la fecha o sea vamos del 26 al 28 de abril no del 12 perdon",
            (4, 26),
            (4, 28),
        ),
        ("son del 26 al 28 de abril, no del 12", (4, 26), (4, 28)),
        ("mejor del 3 al 5 de mayo no el 10", (5, 3), (5, 5)),
        // A whole stay after the "no" is the one said instead; a "no" with a comma after it too.
        (
            "buenas somos 4 del 10 al 13 de abril no del 11 al 14",
            (4, 11),
            (4, 14),
        ),
        ("del 20 al 25 de marzo, no, del 21", (3, 21), (3, 25)),
    ] {
        let u = read(text);
        assert_eq!(
            (md(u.check_in), md(u.check_out)),
            (Some(check_in), Some(check_out)),
            "{text}"
        );
    }
}

/// conv32: who the party is said between its noun and its count ("un grupo de amigos de 9")
/// still counts it; an age after it ("un grupo de chicos de 10 años") does not.
#[test]
fn a_party_noun_with_its_members_before_the_count() {
    for (text, want) in [
        (
            "buenas! un grupo de amigos de 9, del 20 al 23 de abril",
            Some(9),
        ),
        ("somos un grupo de amigas de 7", Some(7)),
        ("grupo de compañeros de 12 para marzo", Some(12)),
        ("um grupo de amigos de 8, de 3 a 6 de maio", Some(8)),
        ("un grupo de amigos de 9 personas", Some(9)),
        ("somos un grupo de 9", Some(9)),
        ("un grupo de chicos de 10 años", None),
        ("somos 2 adultos y un grupo de chicos de 10 años", Some(2)),
    ] {
        assert_eq!(read(text).guests, want, "{text}");
    }
}

/// conv32: couples that restate the party counted before ("somos 8 amigos, 4 parejas") are the
/// same people; joined to it ("y 4 parejas") they are more.
#[test]
fn couples_restating_the_party_are_not_added_to_it() {
    for (text, want) in [
        ("somos 8 amigos, 4 parejas, del 15 al 18 de abril", Some(8)),
        ("vamos 6 amigos, o sea 3 parejas", Some(6)),
        ("somos 2 adultos y 2 parejas", Some(6)),
        ("4 parejas", Some(8)),
        ("somos 8 amigos y 4 parejas", Some(16)),
    ] {
        assert_eq!(read(text).guests, want, "{text}");
    }
    // The most the place hosts, asked in English.
    for text in [
        "what's the max number of guests you can host?",
        "max number of people?",
        "cual es el maximo de personas que pueden recibir?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Capacity), "{text}");
    }
}

#[test]
fn a_night_added_before_the_arrival_or_a_check_in_a_day_early_moves_the_check_in() {
    for text in [
        "sumamos una noche mas al principio",
        "agregame una noche antes",
        "we want to add a night before",
        "can we check in a day early?",
        "podemos hacer el check in un dia antes?",
        "podemos entrar un dia antes?",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}: no date of its own");
        assert_eq!(u.shift_days, Some(-1), "{text}");
        assert_eq!(u.shift_end, Some(crate::nlu::StayEnd::Arrival), "{text}");
        assert_eq!(u.extra_nights, None, "{text}");
    }
    // At the end, as before.
    assert_eq!(read("agregame una noche mas").extra_nights, Some(1));
    assert_eq!(read("add a night please").extra_nights, Some(1));
}

#[test]
fn the_speakers_own_people_told_apart_are_the_party_counted() {
    for text in [
        "My wife and I and our two kids (8 and 11) are planning a trip. Do you have a cabin for the four of us?",
        "mi señora y yo y nuestros dos hijos, buscamos algo para 4 personas",
        "yo, mi marido y los 2 nenes: 4 personas",
    ] {
        assert_eq!(read(text).guests, Some(4), "{text}");
    }
    // Friends besides the couple still add up.
    assert_eq!(read("mi señora y yo y 2 amigos").guests, Some(4));
    assert_eq!(read("somos 4 personas y 2 chicos").guests, Some(6));
}

#[test]
fn a_party_and_a_pet_joined_with_a_plus_is_the_party() {
    for (text, guests) in [
        ("it's 2 of us + our dog", 2),
        ("somos 2 + nuestros perros", 2),
        ("we are 3 plus our dog", 3),
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.extra_guests), (Some(guests), None), "{text}");
        assert!(u.pets, "{text}");
    }
}

#[test]
fn children_asked_about_alone_after_a_question_about_the_place() {
    for text in [
        "and kids? we have a 3 yo",
        "what about children?",
        "¿y los chicos?",
        "y nenes?",
        "e as crianças?",
        "e crianças? temos uma de 3 anos",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert!(u.features.contains(&Feature::Kids), "{text}: {u:?}");
    }
    // A party with children is no question about them.
    for text in ["somos 2 adultos y chicos", "2 adultos y 2 chicos"] {
        assert!(!read(text).features.contains(&Feature::Kids), "{text}");
    }
}

#[test]
fn a_booking_asked_with_a_modal_verb_and_a_question_besides() {
    for text in [
        "Could we book the Coihue for 2 from the 15th to the 18th of April? Also, does it have a grill?",
        "Could I book the Lenga for 5, May 3 to 6? Is there parking?",
        "May we reserve the Coihue from March 1st to 4th? Do you allow dogs?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}");
        assert!(u.accommodation.is_some() && u.check_in.is_some(), "{text}");
        assert!(!u.features.is_empty(), "{text}");
    }
}

#[test]
fn go_ahead_in_portuguese_confirms() {
    for text in [
        "isso, pode confirmar",
        "pode confirmar",
        "ok, podem confirmar",
    ] {
        let u = read(text);
        assert!(u.affirmative, "{text}: {u:?}");
        assert_eq!(u.intent, Intent::Book, "{text}");
    }
}

#[test]
fn conv33_location_instalments_hold_and_liked_options_are_read() {
    use crate::nlu::{Choice, Feature, InfoTopic, Intent};
    for text in [
        "vcs mandam a localização?",
        "qual a localizacao de vcs",
        "send me the location please",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Location), "{text}");
    }
    for text in [
        "dá pra parcelar?",
        "posso pagar parcelado?",
        "em quantas parcelas?",
        "se puede pagar en cuotas?",
        "can I pay in installments?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Payment), "{text}");
    }
    for text in [
        "Hi, please hold the Lenga for 5 people June 20-24",
        "can you hold a cabin for 2 from May 3 to 6?",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    for text in [
        "gostei da que tem banheira, tem wifi?",
        "fico com a que tem hidro",
    ] {
        assert_eq!(
            read(text).choice,
            Some(Choice::Having(Feature::Jacuzzi)),
            "{text}"
        );
    }
    assert!(read("gostei da lenga, tem wifi?").named_apart);
    assert!(read("I like the Lenga, does it have wifi?").named_apart);
    assert!(!read("la lenga, tiene wifi?").named_apart);
    assert!(!read("a Lenga tem wifi?").named_apart);
}

/// conv34: "¿y cuál tiene vista al lago?" asks which cabins have it (not the one talked about);
/// "uh, ¿y cuál acepta?" is the pets question after an interjection.
#[test]
fn which_one_has_words_asks_across_the_cabins() {
    for (text, words) in [
        ("y cual tiene deck?", "deck"),
        ("che cual de las cabañas tiene deck?", "deck"),
        ("cual es la que tiene terraza cubierta?", "terraza cubierta"),
        ("qual tem deck?", "deck"),
    ] {
        let u = read(text);
        assert_eq!(u.described.as_deref(), Some(words), "{text}");
        assert_eq!(u.asked_words, None, "{text}");
    }
    // A view is the view's own question.
    assert_eq!(read("y cual tiene vista al lago?").described, None);
    for text in [
        "cual tiene lugar del 5 al 8?",
        "cual tiene mas lugar?",
        "cual tiene jacuzzi?",
        "cual tiene para 6?",
    ] {
        assert_eq!(read(text).described, None, "{text}");
    }
    for text in [
        "uh y cual acepta?",
        "uy y cuales aceptan?",
        "che cual acepta?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert_eq!(u.info_topic, Some(InfoTopic::Pets), "{text}");
    }
    for text in ["uh y a cual si?", "uy cuales si?", "eh which ones do?"] {
        assert!(read(text).which_yes, "{text}");
    }
}

#[test]
fn nights_named_by_their_weekdays_are_both_nights() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "las noches del sabado 14 y domingo 15",
            "2026-11-14",
            "2026-11-16",
        ),
        (
            "queremos las noches del viernes 12 y el sábado 13 de marzo",
            "2027-03-12",
            "2027-03-14",
        ),
        // Without "noches", two weekdays are the arrival and the departure.
        (
            "queremos el viernes 12 y el sábado 13 de marzo",
            "2027-03-12",
            "2027-03-13",
        ),
        // The weekday picks the month: the next Friday the 11th.
        (
            "las noches del viernes 11 y sabado 12",
            "2026-12-11",
            "2026-12-13",
        ),
        // Said as a range, the second day is the check-out.
        (
            "del viernes 12 al domingo 14 de marzo",
            "2027-03-12",
            "2027-03-14",
        ),
        (
            "llegamos el sabado 14 y nos vamos el domingo 15",
            "2026-11-14",
            "2026-11-15",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

#[test]
fn a_view_asked_about_and_what_it_is_of() {
    use super::Scenery;
    for (text, scenery) in [
        ("cual tiene vista al lago?", Some(Scenery::Lake)),
        ("which one has the best view?", None),
        (
            "qual tem vista para as montanhas?",
            Some(Scenery::Mountains),
        ),
        ("se ve el cerro desde la cabaña?", Some(Scenery::Mountains)),
        ("que vista tiene la coihue", None),
        ("does it have a forest view?", Some(Scenery::Forest)),
    ] {
        let u = read(text);
        assert!(
            u.topics.contains(&InfoTopic::View),
            "{text}: {:?}",
            u.topics
        );
        assert_eq!(u.scenery, scenery, "{text}");
    }
    assert!(
        !read("hay lugar para 2 del 3 al 5?")
            .topics
            .contains(&InfoTopic::View)
    );
}

#[test]
fn conv36_changes_of_mind_read() {
    // Weekdays said with the weekend of a day are its days.
    let u = read("tenes libre el finde del 12 de febrero? viernes a domingo");
    assert_eq!(
        (u.check_in, u.check_out),
        (
            NaiveDate::from_ymd_opt(2027, 2, 12),
            NaiveDate::from_ymd_opt(2027, 2, 14)
        )
    );
    // A range said in full after a loose weekend or week is the stay.
    for text in [
        "no no perdon, al final la semana del 20 esta bien pero 2 noches nomas, del 20 al 22",
        "ay no, me confundi, era el finde siguiente, del 20 al 22",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (
                NaiveDate::from_ymd_opt(2026, 11, 20),
                NaiveDate::from_ymd_opt(2026, 11, 22)
            ),
            "{text}"
        );
    }
    // "Entramos el 5": the day they arrive, not how many fit.
    let u = read("hola, 2 personas, entramos el 5 de marzo y nos quedamos 2 noches");
    assert!(!u.topics.contains(&InfoTopic::Capacity), "{u:?}");
    assert!(
        read("entramos todos el 5 de marzo?")
            .topics
            .contains(&InfoTopic::Capacity)
    );
    // A mild word before a question is no yes.
    assert!(!read("joya, cuanto seria en total?").affirmative);
    // A reason for a choice is no question about it.
    let u = read("che y la ñire? la quiero por el jacuzzi");
    assert_eq!(u.intent, Intent::Book, "{u:?}");
}

#[test]
fn a_number_settled_on_anywhere_is_a_number_said_alone() {
    for (text, n) in [
        (
            "uh no, mi novia dice que 2 nomas jaja, dejalo en 2",
            Some(2),
        ),
        ("bueno que sean 3 entonces", Some(3)),
        ("ponele 4", Some(4)),
        ("ok make it 2", Some(2)),
        // With its unit, it is that unit's, read elsewhere.
        ("dejalo en 2 noches", None),
        ("que sean 3 personas", None),
    ] {
        assert_eq!(read(text).bare_number, n, "{text}");
    }
}

#[test]
fn a_cabin_name_as_speech_to_text_writes_it_is_the_cabin() {
    for (text, name) in [
        (
            "hola quiero la koi hue del 12 al 14 de abril",
            Some("Cabaña Coihue"),
        ),
        ("la coi hue tiene parrilla", Some("Cabaña Coihue")),
        ("la a rayan tiene hogar", Some("Cabaña Arrayán")),
        ("cuanto sale la arra yan", Some("Cabaña Arrayán")),
        ("la ñi re tiene jacuzzi", Some("Cabaña Ñire")),
        ("cuanto sale la noche en la lengua", Some("Cabaña Lenga")),
        ("la lengua acepta perros", Some("Cabaña Lenga")),
        ("la len ga para 6", Some("Cabaña Lenga")),
        // A language is still a language.
        ("en que lengua hablan", None),
        ("hablan otra lengua ademas del español?", None),
    ] {
        let cabins = &[
            "Cabaña Arrayán",
            "Cabaña Coihue",
            "Cabaña Ñire",
            "Cabaña Lenga",
        ];
        let u = understand(text, today(), cabins);
        assert_eq!(u.accommodation.as_deref(), name, "{text}");
    }
}

#[test]
fn or_how_does_it_go_closing_a_question_asks_nothing_of_photos() {
    for text in [
        "eh dale buenisimo y eh el resto se paga alla cuando llegamos o como es",
        "se paga con transferencia o como es?",
        "la seña se paga por mercado pago o como es la cosa",
    ] {
        let u = read(text);
        assert!(!u.topics.contains(&InfoTopic::Photos), "{text}: {u:?}");
    }
    for text in [
        "y la lenga como es?",
        "como es la cabaña?",
        "como son las cabañas",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Photos), "{text}");
    }
}

#[test]
fn a_night_more_said_with_a_filler_after_it_is_still_a_night_more() {
    assert_eq!(
        read("eh nos podemos quedar una noche mas o sea hasta el once").extra_nights,
        Some(1)
    );
    assert_eq!(read("son 3 dias mas o menos").extra_nights, None);
}

#[test]
fn argentine_go_aheads_are_a_yes() {
    for text in ["hacelo", "hacela porfa", "metele nomas", "trato hecho"] {
        assert!(read(text).affirmative, "{text}");
    }
    assert!(!read("mandale fotos a mi mujer").affirmative);
}

#[test]
fn the_balance_said_to_be_sent_is_about_paying() {
    use crate::nlu::PayMethod;
    for (text, way) in [
        ("te transfiero el resto", Some(PayMethod::Transfer)),
        ("les giro la plata por mp", Some(PayMethod::MercadoPago)),
        (
            "el resto te lo transfiero antes de llegar",
            Some(PayMethod::Transfer),
        ),
        ("te deposito lo que falta", None),
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::Payment), "{text}: {u:?}");
        if let Some(w) = way {
            assert!(u.pay_methods.contains(&w), "{text}: {u:?}");
        }
    }
}

#[test]
fn conv35_english_and_brazilian_guests_read() {
    let date = |m: u32, day: u32| NaiveDate::from_ymd_opt(2027, m, day);
    // The friends counted and the speaker with them.
    for (text, n) in [
        ("me and 3 friends", 4),
        ("me and my 3 friends", 4),
        ("I'm coming with 3 friends", 4),
        ("yo y 3 amigos", 4),
        ("voy con 3 amigas", 4),
        ("eu e 3 amigos", 4),
        ("vou com 3 amigos", 4),
        ("yo y 3 amigos, 4 personas", 4),
        ("vamos con 3 amigos", 3),
        ("somos 4 amigos", 4),
        ("mi novia y yo con 2 amigos", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    // A comma ends a count: the word after it counts nothing.
    for (text, n) in [
        ("Feb 8-10 for 2, dog friendly please", Some(2)),
        ("para 2, perro chico", Some(2)),
        ("somos 2 adultos, 2 chicos", Some(4)),
        ("para 2 perros", None),
    ] {
        assert_eq!(read(text).guests, n, "{text}");
    }
    // Two numeric dates of one month, written day first in English.
    for text in [
        "from 3/3 to 7/3",
        "arriving 3/3, leaving 7/3",
        "from 3/3 to 3/7",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (date(3, 3), date(3, 7)),
            "{text}"
        );
    }
    // A week from a day: seven nights. "Xmas" is Christmas.
    for text in [
        "for a week from Feb 10",
        "a week starting Feb 10",
        "one week starting Feb 10",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (date(2, 10), date(2, 17)),
            "{text}"
        );
    }
    assert!(read("anything free over xmas?").check_in.is_some());
    // Prices and availability asked with the cabins are no feature to look for.
    for text in [
        "Hi, can you show me all your cabins with prices?",
        "mostrame las cabañas con precios",
        "me mostra as cabanas com preços e fotos",
    ] {
        let u = read(text);
        assert_eq!((u.intent, u.described), (Intent::AskPrice, None), "{text}");
    }
    assert_eq!(
        read("alguna con vista al lago?").described.as_deref(),
        Some("vista al lago")
    );
    // The hold given up by a pronoun, another cabin named after it: a move there.
    for (text, name) in [
        ("cancel that one and book the Lenga instead", "Cabaña Lenga"),
        (
            "change of plans, cancel that and give us the Coihue for the same dates",
            "Cabaña Coihue",
        ),
        ("cancelala y reservame la Lenga, somos 6", "Cabaña Lenga"),
        (
            "cancela essa e me passa pra Coihue nas mesmas datas",
            "Cabaña Coihue",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.intent, u.accommodation.as_deref(), u.correction),
            (Intent::Book, Some(name), true),
            "{text}"
        );
    }
    for text in [
        "cancelame la reserva de la lenga porfa",
        "please cancel my booking, we'll book the Coihue next year",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    // The language the guest cannot read is not asked for.
    for (text, asked) in [
        ("Hola, I don't speak Spanish, sorry", None),
        ("não falo espanhol", None),
        ("I can't speak spanish", None),
        (
            "no hablo bien español, do you speak English?",
            Some(crate::Language::En),
        ),
        (
            "sorry my spanish is not good, english please",
            Some(crate::Language::En),
        ),
        ("hablan portugues?", Some(crate::Language::Pt)),
    ] {
        assert_eq!(read(text).language_asked, asked, "{text}");
    }
}

#[test]
fn conv35_the_deadline_to_pay_asked_in_any_language() {
    for text in [
        "qual o prazo pra pagar o sinal?",
        "quanto tempo tenho pra pagar o sinal?",
        "cual es el plazo para pagar la seña?",
        "what's the deadline to pay the deposit?",
        "by when do I need to pay?",
    ] {
        assert_eq!(read(text).about_hold, Some(AboutHold::Deadline), "{text}");
    }
    for text in [
        "qual o prazo de cancelamento?",
        "what's the cancellation deadline?",
    ] {
        assert_eq!(read(text).about_hold, None, "{text}");
    }
}

#[test]
fn conv35_the_cancellation_deadline_and_a_want_pointed_at() {
    for text in [
        "qual o prazo de cancelamento?",
        "cual es el plazo para cancelar?",
        "what's the cancellation deadline?",
        "what's the deadline to cancel?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.intent, u.info_topic),
            (Intent::AskInfo, Some(InfoTopic::Cancellation)),
            "{text}"
        );
    }
    assert_eq!(read("the cheapr one pls").choice, Some(Choice::Cheapest));
    for text in [
        "hmm actually we want the one with the jacuzzi",
        "en realidad queremos la del jacuzzi",
    ] {
        let u = read(text);
        assert_eq!(
            (u.intent, u.choice),
            (Intent::Unknown, Some(Choice::Having(Feature::Jacuzzi))),
            "{text}"
        );
    }
}

#[test]
fn conv35_brazilian_shorthand_the_month_corrected_and_a_baby_among_the_party() {
    // "Errei o mês, é março": the month said alone, as what the month is.
    assert_eq!(read("errei o mês, é março").month, Some(3));
    assert_eq!(read("o mês é março, não fevereiro").month, Some(3));
    assert_eq!(read("el marco de la puerta").month, None);
    // "blz" agrees; "valeu", "vlw" thank.
    assert!(read("blz").affirmative);
    for text in ["valeu!", "vlw", "obg"] {
        assert!(read(text).thanks, "{text}");
    }
    // One of the party told apart is not one more.
    for (text, n) in [
        ("for 4 people, one of us is a baby", 4),
        ("para 4 personas, uno es un bebé", 4),
        ("we're 5, two of them are kids", 5),
        ("para 2 personas y un bebé", 3),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
}

#[test]
fn conv35_the_first_two_options_are_no_date() {
    for text in [
        "what's the difference between the first two?",
        "I like the first two",
        "the first 2 look nice, what's the difference?",
    ] {
        assert_eq!(read(text).check_in, None, "{text}");
    }
    assert!(read("what's the difference between the first two?").compares);
}

#[test]
fn conv35_a_comma_after_the_party_ends_it_before_the_days() {
    let u = read("reserva a Coihue pra 4, dia 12 ao 15");
    assert_eq!(
        (u.guests, u.check_in, u.check_out),
        (
            Some(4),
            NaiveDate::from_ymd_opt(2026, 11, 12),
            NaiveDate::from_ymd_opt(2026, 11, 15)
        )
    );
    assert_eq!(read("para 4, 3 noches").nights, Some(3));
    for text in [
        "is it possible to cancel?",
        "é possível cancelar depois?",
        "dá pra cancelar?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.intent, u.info_topic),
            (Intent::AskInfo, Some(InfoTopic::Cancellation)),
            "{text}"
        );
    }
}

#[test]
fn tonight_and_tomorrow_are_two_nights() {
    let today = today();
    let two_nights = (Some(today), today.checked_add_days(chrono::Days::new(2)));
    for text in [
        "do you have a cabin for tonight and tomorrow night?",
        "tienen algo para esta noche y mañana a la noche?",
        "para hoy y mañana, 2 noches",
        "hoy y mañana para 2",
        "tem vaga pra hoje e amanhã?",
    ] {
        let u = read(text);
        assert_eq!((u.check_in, u.check_out), two_nights, "{text}");
    }
}

#[test]
fn the_weekend_after_next_is_the_other_weekend() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "do you have something for the weekend after next for 2?",
        "el otro finde para 2",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-20")), Some(d("2026-11-22"))),
            "{text}"
        );
    }
}

#[test]
fn english_weekday_abbreviations_are_weekdays() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        ("from Mon to Thu next week", "2026-11-16", "2026-11-19"),
        ("Fri to Sun, 2 people", "2026-11-13", "2026-11-15"),
        ("Sat to Mon for 4", "2026-11-14", "2026-11-16"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
    assert_eq!(read("we love the sun and the lake").check_in, None);
}

/// The stay of each message, as (check-in, check-out) said "YYYY-MM-DD".
fn conv41_stays(cases: &[(&str, Option<(&str, &str)>)]) {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, want) in cases {
        let u = read(text);
        let want = want.map(|(i, o)| (Some(d(i)), Some(d(o))));
        let got = (u.check_in, u.check_out);
        match want {
            Some(w) => assert_eq!(got, w, "{text}"),
            None => assert_eq!(got.0, None, "{text}"),
        }
    }
}

#[test]
fn conv41_a_national_holiday_said_by_name_is_its_long_weekend() {
    conv41_stays(&[
        (
            "para el fin de semana largo del dia de la bandera",
            Some(("2027-06-18", "2027-06-21")),
        ),
        (
            "el finde largo de la bandera, somos 2",
            Some(("2027-06-18", "2027-06-21")),
        ),
        (
            "el feriado de san martin somos 4",
            Some(("2027-08-13", "2027-08-16")),
        ),
        (
            "finde largo de la independencia",
            Some(("2027-07-08", "2027-07-11")),
        ),
        (
            "para el día de la independencia, somos 2",
            Some(("2027-07-08", "2027-07-11")),
        ),
        (
            "para el feriado de malvinas",
            Some(("2027-04-01", "2027-04-04")),
        ),
        (
            "finde largo del dia de la raza",
            Some(("2027-10-08", "2027-10-11")),
        ),
        // No long weekend in 2027: the day itself.
        (
            "para el dia del trabajador somos 2, 2 noches",
            Some(("2027-05-01", "2027-05-03")),
        ),
        // A town, not the holiday.
        ("estamos en san martin de los andes, somos 2", None),
    ]);
}

#[test]
fn conv41_the_day_a_long_weekend_is_named_after_said_again_is_the_same_weekend() {
    conv41_stays(&[
        (
            "buenas, para el finde largo de julio, el del 9, tienen algo para 6?",
            Some(("2027-07-08", "2027-07-11")),
        ),
        (
            "hay lugar para el fin de semana largo de agosto el del diecisiete somos cuatro",
            Some(("2027-08-13", "2027-08-16")),
        ),
        (
            "el finde largo de agosto, el 17 de agosto",
            Some(("2027-08-13", "2027-08-16")),
        ),
        // A range of the guest's own after it is the stay.
        (
            "el finde largo de octubre del 9 al 12",
            Some(("2027-10-09", "2027-10-12")),
        ),
    ]);
}

#[test]
fn conv41_a_holiday_set_aside_gives_no_date() {
    conv41_stays(&[
        (
            "ah no pará en vez de carnaval el finde largo de julio",
            Some(("2027-07-08", "2027-07-11")),
        ),
        (
            "en vez de semana santa, carnaval",
            Some(("2027-02-05", "2027-02-09")),
        ),
        (
            "mejor en lugar de la semana santa, carnaval",
            Some(("2027-02-05", "2027-02-09")),
        ),
        (
            "en vez del finde largo de julio, el finde largo de agosto",
            Some(("2027-08-13", "2027-08-16")),
        ),
    ]);
}

#[test]
fn conv41_a_day_said_in_passing_yields_to_the_range_said_after_it() {
    conv41_stays(&[
        (
            "el 24 de marzo cae miércoles y se pega con semana santa. queremos ir del 24 de marzo al 28, somos 2",
            Some(("2027-03-24", "2027-03-28")),
        ),
        (
            "el 1 de mayo cae sabado, queremos ir del 30 de abril al 2 de mayo",
            Some(("2027-04-30", "2027-05-02")),
        ),
        (
            "el 15 es el cumple, vamos del 14 al 16 de enero",
            Some(("2027-01-14", "2027-01-16")),
        ),
        (
            "el 20 de enero, del 20 al 23",
            Some(("2027-01-20", "2027-01-23")),
        ),
        // An arrival on a holiday is the guest's own.
        (
            "llegamos el 24 de marzo que es feriado y nos vamos el 28",
            Some(("2027-03-24", "2027-03-28")),
        ),
    ]);
}

#[test]
fn conv41_going_back_to_what_was_said_before() {
    for text in [
        "ah que macana, entonces dejamos la que teniamos",
        "bueno dejemos lo que habiamos dicho",
        "entonces nos quedamos con las del principio",
        "entonces dejalo como lo teniamos",
        "ah bueno, entonces las que te dije primero",
    ] {
        assert!(read(text).keeps_as_is, "{text}");
    }
}

#[test]
fn conv39_a_thing_asked_beside_others_and_a_choice_on_a_condition() {
    // A thing no feature knows, asked in a clause of its own beside other questions.
    for (text, words) in [
        ("la coihue tiene deck? y parrilla?", Some("deck")),
        (
            "hola! la coihue tiene deck? y parrilla? cuanto sale la noche?",
            Some("deck"),
        ),
        ("la coihue tiene deck no? y parrilla?", Some("deck")),
        ("la lenga tiene jacuzzi? y deck?", Some("deck")),
        ("che la lenga tiene wifi, parrilla y deck?", Some("deck")),
        ("la lenga tiene jacuzzi? si tiene dale", None),
        ("does the Coihue have a deck? and wifi?", Some("deck")),
        ("la coihue tiene parrilla? y wifi?", None),
        ("la coihue esta libre del 3 al 5? y tiene wifi?", None),
        ("tienen algo para 4? y wifi?", None),
    ] {
        assert_eq!(read(text).also_described.as_deref(), words, "{text}");
    }
    // A choice made on the answer: the cabin asked about, the other one named, booked or
    // only put in focus.
    for (text, subject, otherwise, books) in [
        (
            "la lenga tiene parrilla? si tiene, reservala",
            Some("Cabaña Lenga"),
            None,
            true,
        ),
        (
            "la coihue tiene pileta? si es asi la quiero",
            Some("Cabaña Coihue"),
            None,
            true,
        ),
        (
            "la coihue acepta perros? si acepta quiero la coihue, sino la lenga",
            Some("Cabaña Coihue"),
            Some("Cabaña Lenga"),
            true,
        ),
        (
            "does the Lenga allow dogs? if so we'll take it",
            Some("Cabaña Lenga"),
            None,
            true,
        ),
        (
            "a Lenga tem churrasqueira? se tiver, pode reservar",
            Some("Cabaña Lenga"),
            None,
            true,
        ),
        (
            "¿la Lenga tiene jacuzzi? Si es así vamos con esa.",
            Some("Cabaña Lenga"),
            None,
            false,
        ),
    ] {
        let c = read(text).if_so.unwrap_or_else(|| panic!("{text}"));
        assert_eq!(c.subject.as_deref(), subject, "{text}");
        assert_eq!(c.otherwise.as_deref(), otherwise, "{text}");
        assert_eq!(c.books, books, "{text}");
    }
    // "¿Cuál sale menos?": the cheapest asked for.
    for text in [
        "cual sale menos?",
        "which one costs less?",
        "qual custa menos?",
    ] {
        assert_eq!(read(text).choice, Some(Choice::Cheapest), "{text}");
    }
    // "Está livre?", "disponível": Portuguese.
    for text in [
        "a Lenga está livre de 10 a 13 de abril?",
        "A Lenga está disponível de 10 a 13 de abril?",
    ] {
        assert_eq!(read(text).language, Some(crate::Language::Pt), "{text}");
    }
    // "Livre", "disponível" ask whether it is free, as "libre" does; "já reserva" orders it.
    for (text, intent) in [
        (
            "a Lenga está livre nas férias de inverno?",
            Intent::CheckAvailability,
        ),
        (
            "a Lenga está disponível em julho?",
            Intent::CheckAvailability,
        ),
        (
            "a ñire ta livre de 15 a 18 de janeiro pra 3? se tiver ja reserva pra mim",
            Intent::Book,
        ),
    ] {
        assert_eq!(read(text).intent, intent, "{text}");
    }
    // A question, not a condition: "saber si tiene…", "si" that agrees, nothing chosen.
    for text in [
        "queria saber si la lenga tiene parrilla y si acepta perros porque queremos reservar",
        "si, la lenga tiene parrilla?",
        "la lenga tiene parrilla? si tiene me avisas",
        "tienen lugar del 3 al 5? si tienen, somos 4",
    ] {
        assert!(read(text).if_so.is_none(), "{text}");
    }
}

#[test]
fn a_long_weekend_of_a_month_written_with_a_bare_d() {
    for text in [
        "tenes lugar pa 6 el finde largo d agosto?",
        "el finde largo de agosto",
        "para el fin de semana largo d agosto somos 2",
    ] {
        let u = read(text);
        assert_eq!(
            u.check_in.map(|d| d.format("%m").to_string()).as_deref(),
            Some("08"),
            "{text}: {u:?}"
        );
    }
}

#[test]
fn conv41_the_weekend_said_instead_and_the_day_it_is_not() {
    conv41_stays(&[
        // Today is a Tuesday: "este finde" is 13–15 November.
        (
            "no es este finde, es el que viene",
            Some(("2026-11-20", "2026-11-22")),
        ),
        (
            "no este finde sino el siguiente, para 2",
            Some(("2026-11-20", "2026-11-22")),
        ),
        (
            "este finde o el que viene?",
            Some(("2026-11-13", "2026-11-15")),
        ),
        (
            "llegamos el 16, no el 15, nos vamos el 18 de diciembre",
            Some(("2026-12-16", "2026-12-18")),
        ),
    ]);
}

#[test]
fn paying_written_as_abonar() {
    for text in [
        "¿Cómo se abona la seña?",
        "como abono?",
        "me pasas el cbu?",
        "como hago para pagar la seña",
        "como les abono el resto?",
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::Payment), "{text}: {u:?}");
    }
}

#[test]
fn a_part_of_a_month_in_english_and_portuguese() {
    for (text, from, to) in [
        ("the last week of february", "2027-02-22", "2027-03-01"),
        ("the 2nd week of january", "2027-01-08", "2027-01-15"),
        ("2nd week of january please", "2027-01-08", "2027-01-15"),
        ("the last weekend of march", "2027-03-26", "2027-03-28"),
        ("a primeira semana de março", "2027-03-01", "2027-03-08"),
        ("a segunda semana de março", "2027-03-08", "2027-03-15"),
        ("la segunda semana de marzo", "2027-03-08", "2027-03-15"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (from.parse().ok(), to.parse().ok()),
            "{text}: {u:?}"
        );
    }
    // A month after a part of it is that month, also "março" (else a frame, "marco").
    for (text, month) in [
        ("meados de março", 3),
        ("mid january", 1),
        ("early february", 2),
    ] {
        assert_eq!(read(text).month, Some(month), "{text}");
    }
}

#[test]
fn conv38_a_trip_that_has_to_be_called_off_cancels_over_the_refund_question() {
    for text in [
        "Por un tema de salud tenemos que suspender el viaje. ¿Cómo hago para cancelar? ¿Me devuelven la seña?",
        "vamos a tener que suspender el viaje, me devuelven la seña?",
        "necesito suspender la reserva, devuelven la seña?",
        "tuvimos que suspender el viaje, que pasa con la plata?",
        "debemos suspender la estadia. hay reintegro?",
        "tengo que cancelar, me devuelven la seña?",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    // Supposed, not said: the policy.
    for text in [
        "si tenemos que suspender el viaje, devuelven la seña?",
        "en caso de tener que suspender, me devuelven la seña?",
        "¿Cómo hago para cancelar? ¿Me devuelven la seña?",
    ] {
        assert_eq!(read(text).intent, Intent::AskInfo, "{text}");
    }
}

#[test]
fn conv38_a_balance_cancelled_is_a_balance_paid() {
    // Río de la Plata: "cancelar" a sum is paying it off.
    for text in [
        "hay que cancelar el saldo en efectivo?",
        "el saldo se cancela al llegar o antes?",
        "como cancelo el saldo?",
        "lo que falta lo cancelamos por transferencia",
        "se puede cancelar en efectivo?",
        "el resto lo cancelamos en efectivo al llegar?",
        "podemos cancelar lo que resta con tarjeta?",
    ] {
        let u = read(text);
        assert_ne!(u.intent, Intent::Cancel, "{text}");
        assert!(
            u.topics.contains(&InfoTopic::Payment) || u.asks_balance,
            "{text}: {u:?}"
        );
    }
    assert_ne!(
        read("cancelamos la diferencia cuando lleguemos").intent,
        Intent::Cancel
    );
    // The stay, the reservation, everything, the other cabins: cancelled.
    for text in [
        "quiero cancelar la reserva",
        "cancela el resto",
        "cancelá todo",
        "cancelamos, el saldo no lo vamos a pagar",
        "cancelen la reserva y devuelvan el saldo",
        "el resto del grupo no puede, cancelamos",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn conv38_a_question_of_it_is_told_from_one_of_the_place_or_of_any() {
    for text in [
        "tiene jacuzzi?",
        "y tiene parrilla?",
        "acepta perros?",
        "tmb tiene wifi?",
        "does it have a grill?",
        "ela tem wifi?",
    ] {
        assert!(read(text).of_it, "{text}");
    }
    for text in [
        "tienen jacuzzi?",
        "alguna tiene jacuzzi?",
        "cual tiene jacuzzi?",
        "hay parrilla?",
        "does any of them have a grill?",
        "la lenga tiene pileta?",
    ] {
        assert!(!read(text).of_it, "{text}");
    }
}

#[test]
fn conv38_a_value_given_up_with_its_unit_is_not_the_one_read() {
    for (text, nights) in [
        ("y si en vez de 3 noches son 4?", 4),
        ("en lugar de 2 noches, 3", 3),
        ("en vez de 3 noches mejor 4", 4),
        ("en vez de 2 noches nos quedamos 3", 3),
        ("en vez de tres noches que sean cuatro", 4),
        ("en vez de 2 noches 3 noches", 3),
        ("que sean 4 noches en vez de 3", 4),
        ("instead of 2 nights, 3 please", 3),
        ("em vez de 3 noites, 4", 4),
    ] {
        let u = read(text);
        assert_eq!(u.nights, Some(nights), "{text}");
        assert_eq!(u.guests, None, "{text}");
    }
    for text in [
        "en vez de 4 personas somos 5",
        "en vez de 4 somos 5",
        "somos 5 en vez de 4",
    ] {
        assert_eq!(read(text).guests, Some(5), "{text}");
    }
}

#[test]
fn the_other_one_and_the_feature_one_point_at_an_option() {
    for (text, choice) in [
        ("the other one", Some(Choice::Other)),
        ("nah too pricey, the other one", Some(Choice::Other)),
        ("a outra", Some(Choice::Other)),
        ("prefiro a outra", Some(Choice::Other)),
        ("o outro chalé", Some(Choice::Other)),
        ("la otra", Some(Choice::Other)),
        ("the other day I asked you", None),
        ("la otra semana", None),
        ("a outra semana", None),
        ("the jacuzzi one", Some(Choice::Having(Feature::Jacuzzi))),
        ("the grill one pls", Some(Choice::Having(Feature::Grill))),
        ("the dog friendly one", Some(Choice::PetFriendly)),
        ("the pet one", Some(Choice::PetFriendly)),
    ] {
        assert_eq!(read(text).choice, choice, "{text}");
    }
}

#[test]
fn what_else_asks_for_other_options() {
    for text in [
        "ok what else do you have then",
        "what else have you got?",
        "what else is available?",
        "any others?",
        "other cabins?",
        "tem alguma outra?",
        "mais alguma opção?",
        "outros chalés?",
        "¿qué más hay?",
        "¿alguna otra?",
    ] {
        assert!(read(text).asks_other, "{text}");
    }
    assert!(!read("what time is check in?").asks_other);
}

#[test]
fn having_to_cancel_cancels_even_with_a_question_of_the_policy() {
    for text in [
        "I'm afraid we must cancel our booking. What is your refund policy?",
        "we have to cancel, whats the refund policy?",
        "I've got to cancel, do I get the deposit back?",
        "temos que cancelar, qual a politica?",
        "devemos cancelar a reserva, como funciona o reembolso?",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in [
        "do we have to cancel 30 days before?",
        "what happens if we have to cancel?",
        "if we have to cancel what happens with the deposit?",
    ] {
        assert_eq!(read(text).intent, Intent::AskInfo, "{text}");
    }
}

#[test]
fn coming_with_that_many_is_the_party() {
    for text in [
        "vamos con 14",
        "venimos con 6",
        "we come with 14",
        "ok, what if we come with 8?",
        "vamos com 8",
    ] {
        let u = read(text);
        assert!(
            matches!(u.guests, Some(6 | 8 | 14)),
            "{text}: {:?}",
            u.guests
        );
    }
    assert_eq!(read("vamos con 2 perros").guests, None);
}

#[test]
fn postponing_or_bringing_forward_a_day_moves_the_stay() {
    for (text, by) in [
        ("da pra adiar um dia?", 1),
        ("podemos adiar 2 dias?", 2),
        ("can we postpone it a day?", 1),
        ("could we delay it by one day", 1),
        ("dá pra antecipar um dia?", -1),
        ("queremos adiantar um dia", -1),
    ] {
        assert_eq!(read(text).shift_days, Some(by), "{text}");
    }
}

#[test]
fn scrapping_or_unscheduling_the_booking_cancels() {
    for text in [
        "scrap that booking",
        "please scrap the reservation",
        "pode desmarcar",
        "desmarca a reserva por favor",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn a_month_said_as_the_right_one_is_a_month_even_may() {
    for text in [
        "sorry wrong month, I meant May",
        "I meant May not April",
        "sorry, it's May not April",
        "wrong month, May",
    ] {
        assert_eq!(read(text).month, Some(5), "{text}");
    }
    assert_eq!(read("may I bring a dog?").month, None);
    assert_eq!(read("we may come with 4").month, None);
}

#[test]
fn a_month_before_long_weekend_is_that_months_long_weekend() {
    let u = read("any cabin for 2 on the October long weekend?");
    assert_eq!(u.check_in.map(|d| chrono::Datelike::month(&d)), Some(10));
    let u = read("the August long weekend for 4");
    assert_eq!(u.check_in.map(|d| chrono::Datelike::month(&d)), Some(8));
}

#[test]
fn a_couple_joining_adds_two_unless_the_whole_party_is_said() {
    for text in [
        "se prende otra pareja",
        "viene otra pareja mas",
        "vai mais um casal",
        "vem outro casal",
        "another couple is joining",
        "one more couple is coming",
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.extra_guests), (None, Some(2)), "{text}");
    }
    for (text, whole) in [
        ("se suma otra pareja, somos 6 ahora", 6),
        ("another couple is joining, so we're 6 now", 6),
        ("vem outro casal, agora somos 6", 6),
        ("somos 4 y se suma otra pareja", 6),
        ("somos 2 y otra pareja", 4),
        ("vamos con otra pareja", 4),
    ] {
        assert_eq!(read(text).guests, Some(whole), "{text}");
    }
}

#[test]
fn mates_are_friends_not_tuesday() {
    let u = read("hi mates, 2 of us from the 10th to the 13th of April, what's the damage?");
    assert_eq!(
        (u.check_in, u.check_out),
        (
            NaiveDate::from_ymd_opt(2027, 4, 10),
            NaiveDate::from_ymd_opt(2027, 4, 13)
        )
    );
}

#[test]
fn not_wanting_the_stay_any_more_cancels_but_wanting_nothing_more_does_not() {
    for text in [
        "mudamos de ideia, não queremos mais",
        "não quero mais a reserva",
        "we don't want it anymore",
        "we no longer need it, sorry",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    for text in [
        "não quero mais nada, obrigado",
        "não queremos mais, obrigado",
    ] {
        assert_ne!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn the_week_after_is_the_following_week() {
    for text in [
        "what about the week after?",
        "and the weekend after?",
        "e a semana depois?",
    ] {
        assert!(read(text).following_week, "{text}");
    }
}

#[test]
fn a_party_before_next_week_is_no_count_of_weeks() {
    for text in [
        "tem vaga pra 2 semana que vem?",
        "hay lugar para 2 semana que viene?",
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.nights), (Some(2), None), "{text}: {u:?}");
    }
    assert_eq!(read("queremos 2 semanas en enero").nights, Some(14));
}

#[test]
fn english_saturday_and_sunday_shortened_and_a_gf_are_read() {
    let u = read("yo! any cabins for this sat? just me and my gf");
    assert_eq!(u.guests, Some(2), "{u:?}");
    assert_eq!(
        u.check_in.map(|d| d.format("%a").to_string()).as_deref(),
        Some("Sat"),
        "{u:?}"
    );
    assert_eq!(read("me and my bf, fri to sun").guests, Some(2));
    // "sun" alone is the sun.
    assert!(read("is the sun nice there?").check_in.is_none());
}

#[test]
fn the_option_offered_taken_in_other_words_is_a_yes() {
    for text in [
        "Muchas gracias. Nos quedamos con la opción que nos ofrecieron.",
        "nos quedamos con esa opcion",
        "aceptamos la propuesta",
        "me quedo con lo que me ofreciste",
    ] {
        let u = read(text);
        assert!(u.affirmative, "{text}: {u:?}");
    }
}

#[test]
fn a_bare_day_after_the_check_out_word_ends_the_stay() {
    for text in [
        "check in 15 de enero check out 18",
        "entrada 15 de enero salida 18",
    ] {
        let u = read(text);
        assert_eq!(
            u.check_out
                .map(|d| d.format("%m-%d").to_string())
                .as_deref(),
            Some("01-18"),
            "{text}: {u:?}"
        );
    }
    // Alone, "check out 11" is the hour asked about, no day.
    assert!(read("a que hora es el check out? 11?").check_in.is_none());
}

#[test]
fn a_cabin_on_its_dates_with_a_please_is_asked_for() {
    for text in [
        "hola la lenga del 1 al 3 de junio para 6 porfa",
        "hola, la coihue para 3 del 5 al 7 de mayo porfa, vamos con el perro",
        "la coihue del 10 al 12 de marzo para 2 x fa",
        "la lenga del 8 al 11 de abril para 5 por favor",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}: {u:?}");
        assert!(u.pleaded, "{text}");
    }
    // A question, or words that ask about the stay, still ask.
    for text in [
        "la lenga del 1 al 3 de junio para 6 porfa?",
        "me pasas el precio de la lenga del 1 al 3 de junio para 6 porfa",
        "quiero saber si la lenga esta libre del 1 al 3 de junio porfa",
        "la lenga del 1 al 3 de junio para 6",
    ] {
        let u = read(text);
        assert_ne!(u.intent, Intent::Book, "{text}: {u:?}");
        assert!(!u.pleaded, "{text}");
    }
}

#[test]
fn a_bare_have_asks_whether_the_stay_talked_about_is_free() {
    for text in [
        "tienen?",
        "hay?",
        "y? tienen para esas fechas?",
        "che tenes para esos dias?",
        "habra?",
    ] {
        assert_eq!(read(text).intent, Intent::CheckAvailability, "{text}");
    }
    // Something named after it is what is asked about.
    assert_ne!(read("hay pileta?").intent, Intent::CheckAvailability);
    assert_ne!(read("tienen wifi?").intent, Intent::CheckAvailability);
}

#[test]
fn arriving_on_a_day_with_nights_and_people_asks_nothing_about_the_place() {
    for text in [
        "entramos el 20 de mayo, tres noches, somos 2",
        "entramos el 20 de mayo x 3 noches, somos 4",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::CheckAvailability, "{text}: {u:?}");
        assert!(u.guests.is_some(), "{text}");
    }
}

#[test]
fn another_cabin_after_a_sigh_follows_on() {
    for text in [
        "uh q pena. y la coihue?",
        "ah ok, y la lenga?",
        "pucha, y la coihue?",
        "uh y la lenga?",
        "oh what a pity, and the Lenga?",
    ] {
        let u = read(text);
        assert!(u.follows_on, "{text}");
        assert_eq!(u.also_described, None, "{text}");
    }
    // A sigh alone, or words after it that are no "y", follow on nothing.
    assert!(!read("uh q pena").follows_on);
    assert!(!read("ah ok, la lenga entonces").follows_on);
}

#[test]
fn families_before_a_range_of_days_are_no_party_size() {
    for (text, guests) in [
        ("Oi! somos 12, três famílias, de 20 a 23 de fevereiro", 12),
        ("we are 9, three families, from 20 to 23 Feb", 9),
        ("somos 10, dos familias, del 5 al 8 de marzo", 10),
        ("2 familias de 4, del 20 al 23 de febrero", 8),
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(guests), "{text}");
        assert!(u.check_in.is_some() && u.check_out.is_some(), "{text}");
    }
    // No head count besides: the days are the stay, not the families' size.
    let u = read("somos 2 familias de 10 al 14 de marzo");
    assert_ne!(u.guests, Some(20), "{u:?}");
    assert!(u.check_in.is_some(), "{u:?}");
}

#[test]
fn another_cabin_after_an_emails_subject_or_a_greeting_follows_on() {
    for text in [
        "Consulta\nAnd the Coihue?\nJack",
        "Consulta\nE a Lenga?\nAbs, Marcos",
        "Hi,\nwhat about the Ñire?",
        "Consulta\nHello again,\nand the Lenga?\nAnn",
        "hola, y la lenga?",
        "Oi! e a Coihue?",
    ] {
        assert!(read(text).follows_on, "{text}");
    }
    // A greeting before a cabin named alone asks nothing of the last question.
    assert!(!read("Consulta\nHi, the Coihue please").follows_on);
    assert!(!read("hola, la lenga").follows_on);
}

#[test]
fn photos_asked_with_a_greeting_are_no_thing_a_cabin_has() {
    for text in [
        "hola!! tienen fotos de la coihue?",
        "buenas! hay fotos de la lenga?",
        "hola, tenes fotos de la coihue?",
    ] {
        let u = read(text);
        assert_eq!(u.also_described, None, "{text}");
        assert!(u.topics.contains(&InfoTopic::Photos), "{text}: {u:?}");
    }
}

#[test]
fn info_asked_of_one_cabin_asks_what_it_has() {
    for text in [
        "info de la lenga",
        "pasame info de la coihue",
        "quiero info de la lenga porfa",
        "contame de la coihue",
        "hablame sobre la lenga",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}: {u:?}");
        assert_eq!(u.topics, vec![InfoTopic::Amenities], "{text}");
        assert!(!u.general_info, "{text}");
    }
    // Of no cabin, it is still the general question.
    assert!(read("hola, queria info").general_info);
}

#[test]
fn all_of_it_asked_to_be_sent_again_is_the_voucher() {
    for text in [
        "ahi pague, me pasas todo?",
        "me pasas todo de nuevo x fa",
        "me reenvias la info?",
        "mandame los datos de nuevo",
    ] {
        assert!(read(text).asks_voucher, "{text}");
    }
    assert!(!read("pasame info de la lenga").asks_voucher);
    assert!(!read("me pasas los precios?").asks_voucher);
}

#[test]
fn a_pet_said_by_its_breed_or_a_pet_name_is_a_pet() {
    for text in [
        "there'll be 4 of us + our kelpie",
        "we're bringing our pup",
        "can we bring our 2 puppies?",
        "our doggo comes too",
        "we have a labrador",
        "levamos nosso doguinho",
        "vamos com a cadelinha",
        "vamos con nuestra caniche",
        "llevamos al labrador",
    ] {
        assert!(read(text).pets, "{text}");
    }
}

#[test]
fn chat_shorthand_of_english_and_portuguese_guests_is_read() {
    // "qnto fica?", "qto é a diária?": the price asked.
    for text in ["qnto fica no total?", "qto fica?", "qnt custa a diaria?"] {
        assert_eq!(read(text).intent, Intent::AskPrice, "{text}");
    }
    // "esse fds", "this wknd", "tmrw": the days said.
    for text in [
        "esse fds tem vaga pra 2?",
        "this wknd for 2?",
        "tmrw for 2 nites",
    ] {
        assert!(read(text).check_in.is_some(), "{text}");
    }
    // Spanish "u" ("7 u 8") is no "you".
    assert_eq!(read("somos 7 u 8").guests.map(|g| g >= 7), Some(true));
}

#[test]
fn that_one_said_with_more_words_points_at_it() {
    for text in [
        "essa mesmo, pode fechar",
        "essa msm",
        "that one then",
        "this one please",
        "essa aí",
        "esa nomás",
    ] {
        assert_eq!(read(text).choice, Some(Choice::ThatOne), "{text}");
    }
    // "Essa reserva" is the booking, no option pointed at.
    assert_eq!(read("quero cancelar essa reserva").choice, None);
}

#[test]
fn options_pointed_at_by_price_size_or_place_in_other_words() {
    for (text, choice) in [
        ("a mais em conta", Choice::Cheapest),
        ("o mais econômico", Choice::Cheapest),
        ("the most affordable one", Choice::Cheapest),
        ("the least expensive", Choice::Cheapest),
        ("the priciest", Choice::Priciest),
        ("quanto custa o chalé maior?", Choice::Largest),
        ("the roomiest one", Choice::Largest),
        ("the middle one", Choice::Middle),
        ("a do meio", Choice::Middle),
    ] {
        assert_eq!(read(text).choice, Some(choice), "{text}");
    }
}

#[test]
fn a_spa_is_the_hot_tub_when_pointed_at_and_both_when_asked() {
    let u = read("the one with the spa");
    assert_eq!(u.choice, Some(Choice::Having(Feature::Jacuzzi)), "{u:?}");
    assert_eq!(u.features, vec![Feature::Jacuzzi], "{u:?}");
    for text in ["is there a spa?", "tem spa?", "tienen spa?"] {
        let u = read(text);
        assert_eq!(u.features, vec![Feature::Jacuzzi, Feature::Sauna], "{text}");
    }
    for text in [
        "any with a spa bath?",
        "is there a whirlpool?",
        "tem ofurô?",
    ] {
        assert_eq!(read(text).feature, Some(Feature::Jacuzzi), "{text}");
    }
}

#[test]
fn cancel_that_is_an_order_and_can_we_cancel_a_question() {
    for text in [
        "sorry can we cancel that, found somewhere else",
        "could u cancel this one pls",
        "pls cancel our booking",
        "cancela essa pfv",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    let u = read("can we cancel?");
    assert_eq!(u.info_topic, Some(InfoTopic::Cancellation), "{u:?}");
}

#[test]
fn holidays_and_parking_in_english_and_portuguese_words() {
    use super::Period;
    for (text, period) in [
        ("NYE for 2?", Period::YearEnd),
        ("virada do ano pra 2", Period::YearEnd),
        ("vamos passar a virada ai, somos 4", Period::YearEnd),
        ("no próximo feriado pra 2", Period::LongWeekend),
        ("el proximo feriado para 2", Period::LongWeekend),
        ("next bank holiday for 2", Period::LongWeekend),
        ("férias de julho pra 4", Period::WinterHolidays),
    ] {
        let u = read(text);
        assert_eq!(u.period.map(|p| p.period), Some(period), "{text}: {u:?}");
    }
    for text in ["is there somewhere to park?", "tem vaga de garagem?"] {
        assert_eq!(read(text).feature, Some(Feature::Parking), "{text}");
    }
    // "Vaga" alone is still a room free.
    assert_eq!(
        read("tem vaga pra 2 de 3 a 5 de jan?").intent,
        Intent::CheckAvailability
    );
}

/// The forty-fifth blind set (English-speaking and Brazilian guests) and the probing around it.
#[test]
fn english_and_brazilian_ways_found_by_the_forty_fifth_set() {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    // A typographic dash joins two days as a hyphen does.
    for text in [
        "10–13 March for 4",
        "10—13 March for 4",
        "March 10 – 13 for 4",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (day("2027-03-10"), day("2027-03-13")),
            "{text}"
        );
    }
    // "w/" is "with"; a couple said the British way.
    for text in [
        "a little getaway w/ my wife",
        "w/ my bf, feb 15 to 18",
        "the wife and I",
        "me and the missus",
    ] {
        assert_eq!(read(text).guests, Some(2), "{text}");
    }
    assert_ne!(read("2 adults w/o kids").guests, Some(3));
    // Asked to tell about one cabin.
    for text in [
        "tell me about the Lenga",
        "can you tell me a bit more about the Coihue?",
        "what's the Lenga like?",
        "Hi! What is the Lenga cabin like?",
        "good morning, what does the Coihue look like?",
        "hello there, whats the arrayan like",
        "describe the Arrayán please",
        "me fala mais sobre a Lenga",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert_eq!(u.info_topic, Some(InfoTopic::Amenities), "{text}");
    }
    // The party as it is now wins over the people who left; a count with more added is not
    // the whole party.
    for (text, guests) in [
        ("duas pessoas desistiram, agora somos 6", 6),
        ("2 people dropped out, now we are 6", 6),
        ("two friends cancelled, so we're 6 now", 6),
        ("dos personas se bajaron, ahora somos 6", 6),
        ("ahora somos 4 y 2 chicos", 6),
        (
            "our friends are joining, we're now 5. can we move to the Lenga?",
            5,
        ),
        ("we are now 3", 3),
        ("se suman unos amigos, somos ahora 5", 5),
        ("agora somos 5", 5),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
    // Praise is a mild yes; "show me" stays English.
    for text in [
        "show",
        "show!",
        "show, pode reservar",
        "massa",
        "top",
        "sweet",
        "lovely",
    ] {
        assert!(read(text).affirmative, "{text}");
    }
    assert!(!read("show me the photos of the Lenga").affirmative);
    // "Cancel that and put us in the Lenga": a move, not a cancellation.
    assert_eq!(
        read("can you cancel that and put us in the Lenga instead?").intent,
        Intent::Book
    );
    // One end of the stay changed by its name.
    for (text, arrival) in [
        ("can we change the check-in to the 14th?", true),
        ("dá pra mudar a entrada pro dia 14?", true),
        ("can we change the check-out to the 18th?", false),
        ("pode mudar a saída pro dia 18?", false),
    ] {
        let u = read(text);
        assert_eq!(u.arrival_only, arrival, "{text}: {u:?}");
        assert_eq!(u.until.is_some(), !arrival, "{text}: {u:?}");
    }
    // A foreigner's "feriado", and "AC".
    use super::Period;
    for text in [
        "the next feriado, 2 people",
        "for the feriado weekend, 2 of us",
    ] {
        let u = read(text);
        assert_eq!(
            u.period.map(|p| p.period),
            Some(Period::LongWeekend),
            "{text}"
        );
    }
    assert_eq!(read("is there AC?").feature, Some(Feature::AirConditioning));
    // Settled on a cabin, said as no question: booked.
    for text in [
        "we'll take the Coihue instead",
        "then we'll take the Coihue",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn the_pet_left_at_home_unnamed_after_it_was_talked_about() {
    for text in [
        "tudo bem, vamos sem ele. pode reservar a Arrayán",
        "bueno vamos sin él, reservame la arrayan",
        "ok, vamos sin ella entonces",
        "fine, we'll come without him",
        "ok we will go without her. book it",
        "dale, al final vamos sin el",
    ] {
        assert!(read(text).no_pets, "{text}");
    }
    for text in [
        "sin el jacuzzi no me interesa",
        "la del jacuzzi, sin el desayuno",
        "vamos con el perro",
        "sin problema, reservala",
    ] {
        assert!(!read(text).no_pets, "{text}");
    }
}

#[test]
fn only_the_other_choice_said_after_a_question_is_a_condition() {
    for (text, subject, otherwise) in [
        (
            "la lenga tiene jacuzzi? si no la arrayan",
            "Cabaña Lenga",
            "Cabaña Arrayán",
        ),
        (
            "¿La Arrayán acepta perros? Sino, la Coihue.",
            "Cabaña Arrayán",
            "Cabaña Coihue",
        ),
        (
            "la lenga tiene parrilla si no la coihue",
            "Cabaña Lenga",
            "Cabaña Coihue",
        ),
        (
            "does the arrayan take dogs? if not the coihue",
            "Cabaña Arrayán",
            "Cabaña Coihue",
        ),
        (
            "Does the Lenga have a pool? Otherwise the Coihue.",
            "Cabaña Lenga",
            "Cabaña Coihue",
        ),
        (
            "a lenga tem hidromassagem? se não, a coihue",
            "Cabaña Lenga",
            "Cabaña Coihue",
        ),
        (
            "a coihue aceita cachorro? senão a lenga",
            "Cabaña Coihue",
            "Cabaña Lenga",
        ),
    ] {
        let c = read(text).if_so.unwrap_or_else(|| panic!("{text}"));
        assert_eq!(c.subject.as_deref(), Some(subject), "{text}");
        assert_eq!(c.otherwise.as_deref(), Some(otherwise), "{text}");
        assert!(!c.books, "{text}");
    }
    // No question before it, or no other cabin after it: no condition.
    for text in [
        "si no la lenga entonces la coihue",
        "la lenga tiene jacuzzi? si no, no importa",
        "tiene jacuzzi la lenga? si no tiene no pasa nada",
    ] {
        assert!(read(text).if_so.is_none(), "{text}");
    }
}

#[test]
fn which_cabin_has_something_asks_for_a_cabin() {
    for text in [
        "cual es la que tiene jacuzzi?",
        "cual tiene hogar?",
        "y cuál de las cabañas tiene pileta?",
        "which one has a fireplace?",
        "which cabin has the hot tub?",
        "qual tem lareira?",
        "cual acepta perros?",
    ] {
        assert!(read(text).asks_which, "{text}");
    }
    for text in [
        "tienen jacuzzi?",
        "la ñire tiene jacuzzi?",
        "does it have a fireplace?",
        "tem piscina?",
        "cual es el precio?",
    ] {
        assert!(!read(text).asks_which, "{text}");
    }
}

#[test]
fn a_question_no_table_knows_beside_a_stay_is_an_aside() {
    for text in [
        "hola! somos 2 del 10 al 12 de marzo. hay señal de celular?",
        "somos 4 del 10 al 12 de marzo, tienen lugar? tienen generador?",
        "Hi, we are 4 people, March 10-12. Is there a grocery store nearby?",
        "Buenas tardes,\nQuisiera disponibilidad para 4 del 10 al 12 de marzo.\n¿Tienen lavavajillas?",
        "oi, somos 2 de 10 a 12 de março, tem gerador?",
        "aceptan perros? hay señal?",
    ] {
        let u = read(text);
        assert!(u.aside_question, "{text}");
        assert!(!u.unknown_question, "{text}");
    }
    // What the bot answers, or asks after the booking itself, is no aside.
    for text in [
        "Hello, we are 2 adults, March 1st to 4th, is there room?",
        "llevamos al perro, hay problema?",
        "hmm not that one, do you have something else?",
        "somos 4, se puede cambiar la fecha? del 9 al 12 de mayo",
        "somos 2 del 10 al 12 de marzo, hay wifi? tienen parrilla?",
        "somos 2 del 10 al 12 de marzo, hay lugar?",
        "somos 4 del 3 al 5, queda cerca del centro?",
        "hay señal?",
    ] {
        assert!(!read(text).aside_question, "{text}");
    }
}

#[test]
fn english_and_portuguese_features_are_said_back_in_the_guests_words() {
    for (text, feature, word) in [
        (
            "does the Nire have a hot tub?",
            Feature::Jacuzzi,
            "a hot tub",
        ),
        ("is there a bbq?", Feature::Grill, "a BBQ"),
        (
            "do you have a swimming pool?",
            Feature::Pool,
            "a swimming pool",
        ),
        ("is there a cot for the baby?", Feature::Crib, "a cot"),
        ("tem garagem?", Feature::Parking, "garagem"),
        ("a Ñire tem ofurô?", Feature::Jacuzzi, "ofurô"),
    ] {
        let u = read(text);
        assert!(u.features.contains(&feature), "{text}");
        assert_eq!(u.feature_words, vec![(feature, word)], "{text}");
    }
    // Said as the bot names it anyway: nothing to say back.
    assert!(read("is there wifi?").feature_words.is_empty());
}

/// conv44: a booking written to ("les escribo para reservar…") with questions after it, a
/// sum a stay "comes to" ("¿cuánto queda la seña?"), a cabin concluded on after asking about
/// it ("ok, entonces la Lenga del 12 al 15…"), an option pointed at by its price, and who
/// stays behind ("el perro se queda con mi hermana") counted as no guest and no pet.
#[test]
fn written_to_book_sums_concluded_on_priced_and_left_behind() {
    for text in [
        "Les escribo para reservar la cabaña Lenga del 8 al 12 de marzo para seis personas. ¿Podrían confirmarme el valor total y el monto de la seña?",
        "Me comunico con ustedes para reservar la Coihue del 3 al 6 de mayo para 4 personas. ¿Cuál sería la seña?",
        "Hi, I'm writing to book the Lenga from March 8 to 12 for 6. What would the total be?",
        "Olá, escrevo para reservar a Lenga de 8 a 12 de março para 6 pessoas. Qual seria o valor total?",
        "ok, entonces la lenga del 12 al 15 de abril, somos 4 con 2 perros",
        "bueno entonces la coihue del 3 al 6 de junio para 3 con el perro",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    // A question whether it is free, or about it, still asks.
    for text in [
        "¿entonces la coihue del 3 al 6 de mayo está libre?",
        "entonces la coihue tiene parrilla?",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
    for text in [
        "y cuanto queda la seña ahora?",
        "cuanto queda la seña?",
        "y la seña cuanto queda?",
        "cuanto queda el saldo?",
    ] {
        assert_eq!(read(text).intent, Intent::AskPrice, "{text}");
    }
    // How far or how long is no price.
    assert_ne!(read("a cuanto queda el centro?").intent, Intent::AskPrice);
    for (text, pesos) in [
        ("la de 70 lucas", 70_000),
        ("me quedo con la de 210 mil", 210_000),
        ("la de $70.000", 70_000),
        ("the one for 70k", 70_000),
    ] {
        assert_eq!(read(text).choice, Some(Choice::Priced(pesos)), "{text}");
    }
    assert_eq!(read("la de 6").choice, Some(Choice::Sleeps(6)));
    let u = read("Genial. Al final el perro se queda con mi hermana, así que reservame la Lenga.");
    assert_eq!((u.guests, u.pets), (None, false), "{u:?}");
    let u = read("el perro lo dejamos con mi mama, somos 3");
    assert_eq!((u.guests, u.pets), (Some(3), false), "{u:?}");
    // Whoever comes with the guest still counts.
    assert_eq!(read("vamos con mi hermana").guests, Some(2));
}

#[test]
fn when_a_cabin_is_free_is_asked_in_many_ways() {
    for text in [
        "y la arrayan cuando esta libre?",
        "y cuando la tenés libre?",
        "lo más cercano que tengas",
        "¿qué fechas tenés libres cerca de esas?",
        "what's the closest you have?",
        "when is it free then?",
        "when is the Lenga available?",
        "next available dates?",
        "quando fica livre a Lenga?",
        "quais datas estão livres?",
        "uh, y que otras fechas tenes cerca?",
        "¿Qué fechas tienen para la Lenga cerca de esas?",
        "any other dates close to those?",
        "tem outras datas perto dessas?",
    ] {
        let u = read(text);
        assert!(u.asks_when_free, "{text}");
        assert_eq!(u.intent, Intent::CheckAvailability, "{text}");
        // Other dates, not another cabin for these.
        assert!(!u.asks_other, "{text}");
    }
    for text in [
        "when is the check in?",
        "¿qué fechas tienen libres en marzo?",
        "cuando llegamos te aviso",
        "queda cerca del centro?",
    ] {
        assert!(!read(text).asks_when_free, "{text}");
    }
}

#[test]
fn parts_of_a_month_in_portuguese() {
    for (text, from, to) in [
        ("primeira semana de fevereiro", "2027-02-01", "2027-02-08"),
        ("a segunda quinzena de janeiro", "2027-01-16", "2027-01-31"),
        ("a primeira quinzena de março", "2027-03-01", "2027-03-15"),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, from.parse().ok(), "{text}");
        assert_eq!(u.check_out, to.parse().ok(), "{text}");
        assert_eq!(u.choice, None, "{text}");
    }
}

#[test]
fn companions_who_come_along_or_drop_out_change_the_party_by_that_many() {
    for (text, delta) in [
        ("esqueci de falar, vamos com nossos 2 filhos", 2),
        ("ah me olvide, vamos con los 2 nenes", 2),
        ("vienen tambien mis dos hijas", 2),
        ("ah y traemos a los 3 nenes", 3),
        ("sorry, forgot to mention we're bringing our 2 kids", 2),
        ("one more friend is joining us", 1),
        ("uno de nosotros no va a poder ir", -1),
        ("una de las chicas no viene", -1),
        ("mi cuñado al final no puede venir", -1),
        ("al final no viene mi suegra", -1),
        ("se nos bajó una pareja", -2),
        ("one of us can't make it, so it's 3 now", -1),
        ("my brother just told me he can't make it", -1),
        ("my sister is not coming anymore", -1),
        ("two of us cant make it", -2),
        ("um de nós não vai poder ir", -1),
    ] {
        let u = read(text);
        assert_eq!((u.extra_guests, u.guests), (Some(delta), None), "{text}");
        assert_ne!(u.intent, Intent::Cancel, "{text}");
    }
    // A whole party said wins; a member who cannot make it on a day moves the stay; the
    // booking called off is still a cancellation.
    assert_eq!(read("somos 2 adultos con 2 nenes").guests, Some(4));
    assert_eq!(
        read("mi novia no puede llegar antes de las 8").extra_guests,
        None
    );
    assert_eq!(read("we can't make it").intent, Intent::Cancel);
    let u = read("mi novia no puede viajar, cancelá la reserva");
    assert_eq!(u.intent, Intent::Cancel);
}

#[test]
fn nights_taken_or_added_with_the_verb_and_its_pronoun() {
    for (text, n) in [
        ("podemos sacarle una noche?", -1),
        ("saquemos un dia", -1),
        ("can we drop a night?", -1),
        ("one fewer night please", -1),
        ("uma noite a menos", -1),
        ("podemos agregarle una noche?", 1),
        ("se puede sumarle 2 noches?", 2),
    ] {
        let u = read(text);
        assert_eq!((u.extra_nights, u.nights), (Some(n), None), "{text}");
    }
}

#[test]
fn a_number_with_its_correction_after_it_is_a_number_said_alone() {
    for (text, n) in [
        ("sorry, 10 actually", 10),
        ("perdon, 10 en realidad", 10),
        ("5 entonces", 5),
    ] {
        assert_eq!(read(text).bare_number, Some(n), "{text}");
    }
}

#[test]
fn families_counted_are_parties_not_people() {
    for (text, guests) in [
        (
            "buenas, somos 2 familias, una de 5 y otra de 4, del 6 al 9 de abril",
            Some(9),
        ),
        ("somos dos familias, una de 4 y otra de 3", Some(7)),
        ("somos 2 familias de 4", Some(8)),
        ("somos 2 familias del 6 al 9", None),
        ("somos 2 parejas", Some(4)),
    ] {
        assert_eq!(read(text).guests, guests, "{text}");
    }
}

#[test]
fn the_cabin_given_up_instead_of_another_and_the_one_chosen_by_what_it_has() {
    for text in [
        "en vez de la coihue, la lenga",
        "podria ser la lenga en lugar de la coihue?",
        "could we have the Lenga instead of the Coihue?",
        "em vez da Coihue, pode ser a Lenga?",
    ] {
        let u = read(text);
        assert_eq!(u.accommodation.as_deref(), Some("Cabaña Lenga"), "{text}");
        assert_eq!(u.turned_down, vec!["Cabaña Coihue".to_owned()], "{text}");
    }
    // "La del X" after a cabin chosen is its reason; asked with its verb it stays a question.
    let u = read("che y si mejor la lenga? la de la pileta");
    assert!(u.features.is_empty(), "{u:?}");
    assert!(!read("la lenga tiene pileta?").features.is_empty());
}

#[test]
fn the_dates_just_proposed_pointed_at() {
    for text in [
        "dale, esas fechas",
        "bueno dale, pasala a esas",
        "si, me sirve",
        "ok, let's do those dates then",
        "works for me",
        "pode ser, muda pra essas datas",
    ] {
        assert!(read(text).those_dates, "{text}");
    }
    for text in ["y otra cabaña para esas fechas?", "tienen algo esos dias?"] {
        assert!(!read(text).those_dates, "{text}");
    }
}

#[test]
fn a_month_denied_gives_way_to_the_one_said_after_it() {
    for (text, month) in [
        ("uh perdon, no es abril, es mayo", Some(5)),
        ("abril no, mayo", Some(5)),
        ("queremos ir en abril", Some(4)),
    ] {
        assert_eq!(read(text).month, month, "{text}");
    }
    assert_eq!(
        read("uh no, el 6 es de mayo no de abril").check_in,
        NaiveDate::from_ymd_opt(2027, 5, 6)
    );
}

#[test]
fn still_being_so_many_is_the_party() {
    assert_eq!(read("ah no, dejalo, seguimos siendo 4").guests, Some(4));
}

#[test]
fn of_several_cabins_named_the_one_after_the_verb_of_cancelling_is_cancelled() {
    let u = read("cancela la coihue nomas, nos arreglamos en la lenga, somos 6");
    assert_eq!(u.intent, Intent::Cancel);
    assert_eq!(u.accommodation.as_deref(), Some("Cabaña Coihue"));
    assert_eq!(u.guests, Some(6));
}

#[test]
fn the_party_as_it_now_stands_and_joining_without_a_too() {
    for (text, guests) in [
        ("vai mais 2, ficamos em 10", Some(10)),
        ("quedamos en 10", Some(10)),
        ("nos quedamos en 3 noches", None),
    ] {
        assert_eq!(read(text).guests, guests, "{text}");
    }
    for (text, delta) in [
        ("turns out my parents are joining us", 2),
        ("y se puede sumar uno mas?", 1),
    ] {
        assert_eq!(read(text).extra_guests, Some(delta), "{text}");
    }
}

#[test]
fn is_it_the_one_with_a_thing_asks_it_even_beside_a_choice() {
    let u = read("¿La Lenga es la que tiene parrilla? En ese caso, preferimos esa.");
    assert!(u.features.contains(&Feature::Grill), "{u:?}");
    let u = read("is the Lenga the one that has a grill? if so we prefer that one");
    assert!(u.features.contains(&Feature::Grill), "{u:?}");
    // Said as the reason for a choice, it is no question.
    let u = read("mejor la Lenga, la que tiene parrilla");
    assert!(u.features.is_empty(), "{u:?}");
}

#[test]
fn praise_of_a_cabin_asks_after_no_thing() {
    let u =
        read("hola buenas! vi la lenga en instagram, esta divina. tienen lugar en semana santa?");
    assert_eq!(u.also_described, None, "{u:?}");
    assert_eq!(u.intent, Intent::CheckAvailability);
}

#[test]
fn not_coming_after_an_if_is_supposed_not_said() {
    for text in [
        "puedo cancelar despues si al final no vamos?",
        "y si al final no vamos, me devuelven la plata?",
        "si finalmente no viajamos que pasa?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert_eq!(u.info_topic, Some(InfoTopic::Cancellation), "{text}");
    }
    for text in ["al final no vamos, perdon", "ya no vamos"] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn a_mild_word_then_and_a_question_acknowledges_and_asks_on() {
    for text in [
        "ah ok. y pasan a buscar por el aeropuerto?",
        "perfecto. y el desayuno esta incluido?",
        "genial, y aceptan tarjeta?",
        "ok and do you allow pets?",
    ] {
        assert!(!read(text).affirmative, "{text}");
    }
    // No question: "ok y mandame el link" still says yes; a strong word always does.
    for text in ["ok y mandame el link", "dale y a que hora es el check in?"] {
        assert!(read(text).affirmative, "{text}");
    }
}

#[test]
fn a_service_asked_after_an_acknowledgement_is_for_a_person() {
    for text in [
        "ah ok. y pasan a buscar por el aeropuerto?",
        "alquilan bicis?",
        "ok y ofrecen excursiones?",
        "vocês alugam caiaque?",
        "genial. organizan cabalgatas?",
    ] {
        assert!(read(text).unknown_question, "{text}");
    }
}

#[test]
fn a_cabin_settled_on_with_then_and_its_dates_is_a_booking() {
    for text in [
        "bueno entonces la lenga del 12 al 15 de abril, somos 5 con el perro",
        "entonces la coihue del 10 al 12 de mayo para 2",
        "então a Lenga de 3 a 6 de maio pra 5",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    for text in [
        "entonces la lenga del 12 al 15 de abril esta libre?",
        "entonces la lenga del 12 al 15 de abril cuanto sale",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn not_coming_or_cancelling_supposed_asks_the_policy_in_every_language() {
    for text in [
        "si al final no vamos que pasa?",
        "¿y si no podemos ir?",
        "what if we don't go?",
        "and if we can't come?",
        "e se a gente não for?",
        "e se cancelarmos?",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}");
        assert!(u.topics.contains(&InfoTopic::Cancellation), "{text}");
    }
    for text in ["ya no vamos, cancelala", "we can't make it, please cancel"] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn couples_are_parties_of_two_and_separate_cabins_are_apart() {
    for text in [
        "somos 2 parejas",
        "2 couples, March 10-13",
        "somos dois casais",
    ] {
        assert_eq!(read(text).parties, vec![2, 2], "{text}");
    }
    for text in [
        "preferimos dos cabañas separadas",
        "ideally separate cabins",
        "una cabaña para cada pareja",
        "queremos cabañas separadas",
        "chalés separados",
    ] {
        assert!(read(text).apart, "{text}");
    }
    for text in [
        "somos 4",
        "la cabaña separada del resto?",
        "separate the bill please",
    ] {
        assert!(!read(text).apart, "{text}");
    }
}

#[test]
fn conv49_the_coming_holiday_said_loosely_is_the_next_long_weekend() {
    let weekend = read("para el finde largo somos 2");
    assert!(weekend.check_in.is_some());
    for text in [
        "hola! para el feriado tienen algo para 2?",
        "este feriado tienen lugar? somos 2",
        "q tienen pal feriado",
        "el proximo feriado hay algo?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (weekend.check_in, weekend.check_out),
            "{text}"
        );
    }
    // A day said to be a holiday is no stay of its own.
    for text in ["abren los feriados?", "que dias son feriado?"] {
        assert_eq!(read(text).check_in, None, "{text}");
    }
}

#[test]
fn conv49_a_small_pet_is_no_question_about_children() {
    for text in [
        "aceptan perros chicos?",
        "se puede llevar un perrito chico?",
    ] {
        let u = read(text);
        assert!(u.features.contains(&Feature::Pets), "{text}");
        assert!(!u.features.contains(&Feature::Kids), "{text}");
    }
    // Children asked about besides, apart from the pet: both.
    let u = read("aceptan perros chicos? y los chicos?");
    assert!(u.features.contains(&Feature::Pets));
    assert!(u.features.contains(&Feature::Kids));
}

/// conv50: a cabin asked for on its dates with a verb of asking for it, the pet said as who
/// comes along ("reserva a Coihue … vamos com cachorro", "we would like the Coihue … with our
/// dog"), is a booking with pets; a question whether it takes pets stays a question.
#[test]
fn a_cabin_requested_with_the_pet_along_is_a_booking() {
    for text in [
        "Olá, reserva a Coihue pra 4 de 9 a 12 de abril, vamos com cachorro",
        "We are 4 with our dog and would like the Coihue from March 5 to 8.",
        "Consulta\nHello,\nWe are 4 with our dog and would like the Coihue from March 5 to 8.\nBest,\nSusan",
        "quero a Lenga de 2 a 5 de maio pra 5, levamos 2 cachorros",
        "we want the Lenga from May 2 to 5 for 5, bringing our dog",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}");
        assert!(u.pets, "{text}");
    }
    for text in [
        "a Coihue aceita cachorro de 9 a 12 de abril?",
        "I would like to know if the Coihue takes dogs from March 5 to 8",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
}

/// conv50: "isso"/"exato" with only a go-ahead after it confirms what was put to the guest
/// ("isso, pode trocar", "exato, pode reservar"); with a question after it, it does not.
#[test]
fn that_is_it_with_a_go_ahead_is_a_yes() {
    for text in [
        "isso, pode trocar",
        "exato, pode reservar",
        "isso",
        "eso, cambiala nomás",
    ] {
        assert!(read(text).affirmative, "{text}");
    }
    for text in ["isso, quanto custa?", "isso é caro?", "exato, e tem wifi?"] {
        assert!(!read(text).affirmative, "{text}");
    }
}

/// conv54: a child said with its article after the count ("somos cuatro más el bebé", "4 y la
/// nena") is one more; "con el bebé" is among them; the child's age after "que tiene(n)" asks
/// nothing about the cabins.
#[test]
fn a_child_with_its_article_is_one_more_and_its_age_no_question() {
    for (text, n) in [
        ("somos cuatro más el bebé que tiene un año", 5),
        ("somos 4 mas el bebe", 5),
        ("somos 2 y la nena", 3),
        ("somos dos más la nena", 3),
        ("somos 3 y el nene que tiene 2 años", 4),
        ("somos 4 con el bebé", 4),
        ("somos 2 adultos y el bebé", 3),
        ("2 adultos más la nena", 3),
        ("3 adultos más mi suegra", 4),
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(n), "{text}");
        assert!(!u.topics.contains(&InfoTopic::Amenities), "{text}");
    }
    for text in ["¿qué tiene la Lenga?", "que tiene la Coihue?"] {
        assert!(read(text).topics.contains(&InfoTopic::Amenities), "{text}");
    }
}

/// conv54: "los N" closing what is said ("del 11 al 14 los cuatro", "los cuatro, está libre?")
/// and "los dos solos" (the whole party, even when who writes names others) are the party; "los
/// 2 días", "los 15 de mi hija" and "las dos" (both cabins) are not.
#[test]
fn los_n_closing_the_sentence_is_the_party() {
    for (text, n) in [
        (
            "eh y si vamos del once al catorce de marzo los cuatro está libre",
            4,
        ),
        ("del 11 al 14 de marzo los cuatro", 4),
        ("del 3 al 6 de abril, los dos", 2),
        (
            "les escribo de parte de mi papá. Él quiere ir con mi mamá, los dos solos, del 12 al 15 de abril",
            2,
        ),
        ("vamos nosotros tres solos del 2 al 5 de mayo", 3),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    for text in [
        "del 11 al 14 de marzo, los 2 días con sol",
        "queremos festejar los 15 de mi hija",
        "dale, las dos",
    ] {
        assert_eq!(read(text).guests, None, "{text}");
    }
}

#[test]
fn a_payment_made_or_arrived_and_a_firm_hold_in_any_words_conv51() {
    // A past paying verb, a payment made or sent, a payment that arrived.
    for text in [
        "Ya realicé el pago de la seña. ¿Me confirman que la reserva quedó firme?",
        "pague recien, me confirman?",
        "hoy a la mañana les transferí la seña",
        "ya efectuamos el pago",
        "les mandé el comprobante de la transferencia",
        "¿les llegó el pago?",
        "¿se acreditó la seña?",
        "recibieron la transferencia?",
        "el pago llegó bien?",
        "did you receive the payment?",
        "o pagamento caiu?",
    ] {
        assert_eq!(read(text).about_hold, Some(AboutHold::Paid), "{text}");
    }
    // Firm, in order, all set.
    for text in [
        "¿quedó firme la reserva?",
        "¿está todo en orden con la reserva?",
        "me confirman la reserva?",
        "ficou tudo certo?",
    ] {
        assert_eq!(read(text).about_hold, Some(AboutHold::Status), "{text}");
    }
    // Paying later, not yet, or asked how: no payment made.
    for text in [
        "cuando pague la seña me mandan el voucher?",
        "todavía no pagué",
        "¿cómo les mando el pago?",
        "el saldo lo pago cuando llego",
        "el pago lo hago cuando llego",
        "la seña se paga por transferencia?",
        "¿quieren que pague ahora?",
    ] {
        assert_ne!(read(text).about_hold, Some(AboutHold::Paid), "{text}");
    }
}

#[test]
fn a_weekday_arrival_and_a_want_said_in_the_past_conv51() {
    // An arrival said as a weekday alone is flagged for the conversation to re-read.
    for text in [
        "podemos llegar el miercoles?",
        "could we arrive on Wednesday?",
    ] {
        let u = read(text);
        assert!(u.weekday_only && u.arrival_only, "{text}: {u:?}");
    }
    for text in ["del miércoles al domingo", "llegamos el 24"] {
        assert!(!read(text).weekday_only, "{text}");
    }
    // "Quería la del jacuzzi": a choice, not a question about the jacuzzi.
    for text in [
        "perdón, quería la del jacuzzi",
        "me confundí, queríamos la que tiene jacuzzi",
    ] {
        assert_ne!(read(text).intent, Intent::AskInfo, "{text}");
    }
    assert_eq!(
        read("quería saber si la Ñire tiene jacuzzi").intent,
        Intent::AskInfo
    );
}

/// conv53: comparatives point at an option by price or size as the superlatives do ("actually
/// the pricier one" after a yes moves the hold to the dearest option); after a hold, "la
/// segunda", "mejor la otra", "na verdade a segunda" still read as picks.
#[test]
fn comparatives_and_picks_after_a_change_of_mind_point_at_an_option() {
    for (text, choice) in [
        ("the pricier one", Choice::Priciest),
        ("actually the pricier one", Choice::Priciest),
        ("the more expensive one please", Choice::Priciest),
        ("the more expensive", Choice::Priciest),
        ("the dearer one", Choice::Priciest),
        ("the smaller one", Choice::Smallest),
        ("hmm the smaller one", Choice::Smallest),
        ("uh no perdon, la segunda", Choice::Position(2)),
        ("no no, la tercera", Choice::Position(3)),
        ("na verdade a segunda", Choice::Position(2)),
        ("mejor la otra", Choice::Other),
        ("no, mejor la mas cara", Choice::Priciest),
    ] {
        assert_eq!(read(text).choice, Some(choice), "{text}");
    }
}

/// conv53: whether the payment arrived, asked ("¿les llegó la seña?", "¿ya se acreditó el
/// pago?", "did you get my payment?", "o pix caiu?"), is about the hold, read as "I paid"; a
/// question about how to pay, the guest's own arrival or a refund is not.
#[test]
fn the_payment_asked_whether_it_arrived_is_about_the_hold() {
    for text in [
        "y la seña ya está acreditada?",
        "ya se acreditó el pago?",
        "les llegó la seña?",
        "hola! ya les llegó la plata de la seña?",
        "recibieron el pago?",
        "ya les impactó la transferencia?",
        "ya entró el pago?",
        "did you get my payment?",
        "did you receive the deposit?",
        "vocês receberam o pagamento?",
        "o pix caiu?",
    ] {
        let u = read(text);
        assert_eq!(u.about_hold, Some(AboutHold::Paid), "{text}");
        assert!(!u.topics.contains(&InfoTopic::Payment), "{text}");
        assert!(u.asked_words.is_none() && u.asked_of.is_none(), "{text}");
    }
    for text in [
        "el resto lo pago cuando llego?",
        "cuando llego pago el saldo en efectivo?",
        "can I pay the deposit through bank transfer?",
        "when do I get my deposit back?",
        "no me llegó el link de pago",
        "me devuelven la seña si cancelo?",
    ] {
        assert_ne!(read(text).about_hold, Some(AboutHold::Paid), "{text}");
    }
}

/// conv53: an invoice asked or requested ("necesito la factura a nombre de mi empresa", "can I
/// get an invoice?", "preciso de nota fiscal") is for a person, alone or beside a stay asked.
#[test]
fn an_invoice_asked_for_is_for_a_person() {
    for text in [
        "necesito la factura a nombre de mi empresa",
        "me hacen factura A?",
        "can I get an invoice for my company?",
        "preciso de nota fiscal, pode emitir?",
        "le paso el cuit para la factura",
    ] {
        assert!(read(text).unknown_question, "{text}");
    }
    let u = read("hola somos 4 del 8 al 11 de marzo, hacen factura?");
    assert!(u.aside_question, "{u:?}");
    assert_eq!(u.guests, Some(4));
}

/// Whether the place sells something ("¿venden leña?", "do you sell firewood?") is for a person,
/// alone or beside a stay, and the fireplace the word names is no feature asked about; a
/// fireplace asked about still is.
#[test]
fn what_the_place_sells_is_asked_of_a_person_not_a_feature() {
    for text in [
        "¿venden leña?",
        "hola! venden leña ahí?",
        "do you sell firewood?",
        "vocês vendem lenha?",
        "¿se puede comprar leña ahí?",
    ] {
        let u = read(text);
        assert!(u.unknown_question, "{text}: {u:?}");
        assert_ne!(u.intent, Intent::AskInfo, "{text}");
    }
    let u = read("hola, del 10 al 12 de marzo para 2, ¿venden leña?");
    assert!(u.aside_question, "{u:?}");
    assert!(u.features.is_empty(), "{u:?}");
    assert_eq!(u.guests, Some(2));
    let u = read("¿tienen hogar a leña?");
    assert_eq!(u.intent, Intent::AskInfo);
    assert!(!u.features.is_empty());
}

/// A month denied and another put in its place, in English and Portuguese as in Spanish ("not
/// April, May", "not april but may", "não é abril, é maio"): the month kept is the second; "may"
/// there is the month, not the verb.
#[test]
fn a_month_denied_for_another_in_every_language() {
    for text in [
        "no es abril, es mayo",
        "abril no, mayo",
        "sorry not April, May",
        "not april but may",
        "sorry, it is May not April",
        "não é abril, é maio",
        "não abril, maio",
        "sorry not April, June",
    ] {
        let month = read(text).month;
        assert!(month == Some(5) || month == Some(6), "{text}: {month:?}");
    }
    assert_eq!(read("I may not come in April, may we talk?").month, Some(4));
}

/// "¿Y entre semana?", "what about weekdays?", "e durante a semana?": the stay wanted on
/// weekdays; not beside a weekend said or denied.
#[test]
fn weekdays_asked_for_instead_of_a_weekend() {
    for text in [
        "¿y entre semana?",
        "y si vamos entre semana?",
        "¿y durante la semana cuánto sale?",
        "what about weekdays?",
        "and midweek?",
        "e durante a semana, sai mais barato?",
        "e no meio da semana?",
    ] {
        assert!(read(text).midweek, "{text}");
    }
    for text in [
        "trabajamos entre semana, así que sería el finde",
        "entre semana no podemos",
        "we work during the week, so the weekend",
        "¿tienen lugar el fin de semana?",
    ] {
        assert!(!read(text).midweek, "{text}");
    }
}

/// A cabin placed for a couple named by who they are ("la Arrayán para mis viejos", "the
/// Arrayán for my parents", "a Arrayán para meus pais"): two people in it.
#[test]
fn a_cabin_for_a_couple_named_by_who_they_are() {
    for text in [
        "del 10 al 12 de marzo, reservame la Coihue para 4 y la Arrayán para mis viejos",
        "March 10 to 12, please book the Coihue for 4 and the Arrayán for my parents",
        "de 10 a 12 de março, quero a Coihue para 4 e a Arrayán para meus pais",
    ] {
        let placed = read(text).placed;
        assert_eq!(
            placed,
            vec![
                ("Cabaña Coihue".to_owned(), 4),
                ("Cabaña Arrayán".to_owned(), 2)
            ],
            "{text}"
        );
    }
}

/// Who is coming, said by who they are and by the dozen (conv59): a pair of relatives named
/// with "mis" is two besides the speaker ("vamos con mi novia y mis viejos": 4), a dozen is
/// twelve, and an English ordinal after "a" is one more person, not a day.
#[test]
fn parties_said_by_who_comes_and_by_the_dozen() {
    for (text, guests) in [
        ("vamos con mi novia y mis viejos del 20 al 23 de abril", 4),
        ("vamos con mis viejos", 3),
        ("vamos con mis viejos y mis 2 hijos", 5),
        ("yo con mis suegros y mi marido", 4),
        ("lo dejamos con mis viejos, somos 2", 2),
        ("somos mi marido yo y mis papas", 4),
        ("my wife and I with my parents", 4),
        ("me and my parents", 3),
        ("eu e minha esposa com meus pais", 4),
        ("vou com meus pais", 3),
        ("para mis viejos", 2),
        (
            "We are a dozen friends planning a trip from May 20 to May 23",
            12,
        ),
        ("somos una docena", 12),
        ("half a dozen of us", 6),
        ("somos uma duzia de amigos", 12),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
    for text in [
        "A fourth guest is joining us, is that ok?",
        "a fifth person is coming",
    ] {
        let u = read(text);
        assert_eq!((u.extra_guests, u.guests), (Some(1), None), "{text}");
        assert_eq!(u.check_in, None, "{text}");
    }
    assert!(read("the fourth of may").check_in.is_some());
}

#[test]
fn both_cabins_named_are_wanted_together_not_one_or_the_other() {
    for text in [
        "nos sirve la coihue y la arrayan juntas",
        "si dale las dos",
        "reservame ambas",
        "book both of them please",
        "pode reservar as duas",
    ] {
        assert!(read(text).both_named, "{text}");
    }
    for text in [
        "la coihue o la lenga",
        "las dos noches",
        "somos las dos parejas",
        "queremos ir las 2 de la tarde",
    ] {
        assert!(!read(text).both_named, "{text}");
    }
}

/// conv61, guests as they really write: a stay told in a story (the arrival and the departure
/// said as a plan, "llegaríamos el 19 y nos volvemos el 22", over the occasion's date said
/// before them), and a stay said in full beside a holiday it falls near, which keeps its own
/// month ("del 5 al 8 de abril, que cae justo después de Semana Santa": April, not March).
#[test]
fn conv61_the_stay_told_in_a_story() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    for text in [
        "es el cumple de mi mujer el 20 de enero. llegariamos el 19 y nos volvemos el 22",
        "el cumple es el 20 de enero, llegaríamos el 19 y nos iríamos el 22",
        "el 20 de enero es el aniversario, llegaremos el 19 y volveríamos el 22",
        "my wife's birthday is on January 20th, we'd arrive on the 19th and leave on the 22nd",
        "o aniversário dela é dia 20 de janeiro, chegaríamos dia 19 e voltamos dia 22",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (d(2027, 1, 19), d(2027, 1, 22)),
            "{text}"
        );
    }
    for text in [
        "del 5 al 8 de abril, que cae justo después de Semana Santa",
        "del 5 al 8 de abril, justo después de carnaval",
        "de 5 a 8 de abril, logo depois da Páscoa",
        "from April 5 to 8, right after Easter",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (d(2027, 4, 5), d(2027, 4, 8)),
            "{text}"
        );
    }
    // A range said without a month still takes the period's ("año nuevo, del 30 al 2").
    let u = read("para año nuevo, del 30 al 2");
    assert_eq!((u.check_in, u.check_out), (d(2026, 12, 30), d(2027, 1, 2)));
}

/// conv61: the party of another time said as such ("somos las mismas 6"), and a companion named
/// in passing ("vamos con mi vieja, que es friolenta"): two at least, marked so that a larger
/// party said before still holds; a couple said outright, or "solo con", is no such mention.
#[test]
fn conv61_the_same_party_and_a_companion_in_passing() {
    for (text, n) in [
        ("somos las mismas 6, del 22 al 25 de enero", 6),
        ("seriamos los mismos 4", 4),
        ("somos os mesmos 5", 5),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    for text in [
        "la coihue, tiene calefaccion? xq vamos con mi vieja que es friolenta",
        "tiene parrilla? vamos con mi marido que es re asador",
        "tem aquecimento? vou com minha mãe",
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(2), "{text}");
        assert!(u.by_companion, "{text}");
    }
    for text in [
        "mi señora y yo",
        "yo y mi novia",
        "vamos solo con mi vieja",
        "somos 2, voy con mi novia",
    ] {
        assert!(!read(text).by_companion, "{text}");
    }
}

/// conv61: the pet not brought, said with a pronoun after it was talked about ("entonces no
/// lo llevamos", "não vamos levar ele", "we won't bring her"): no pets after all.
#[test]
fn conv61_the_pet_not_brought_said_with_a_pronoun() {
    for text in [
        "ah bueno entonces no lo llevamos, dale reservame la de dos",
        "no la vamos a llevar",
        "então não vamos levar ele",
        "ok then we won't bring her, book the one for two",
        "mejor lo dejamos en casa",
    ] {
        assert!(read(text).no_pets, "{text}");
    }
    for text in [
        "no, lo llevamos",
        "no lo sé",
        "¿no lo puedo llevar?",
        "el auto lo dejamos en la calle",
    ] {
        assert!(!read(text).no_pets, "{text}");
    }
}

/// conv61: an option pointed at in a clause of its own before the question ("la segunda,
/// ¿tiene parrilla?", "a mais barata, tem churrasqueira?", "the one with the jacuzzi, does it
/// have parking?", "la Lenga, ¿tiene wifi?"); not a whole question, nor "esa" alone.
#[test]
fn conv61_an_option_pointed_at_before_the_question() {
    for text in [
        "la segunda, tiene parrilla?",
        "la primera, ¿tiene wifi?",
        "a mais barata, tem churrasqueira?",
        "the one with the jacuzzi, does it have parking?",
        "the cheapest one, is there heating?",
        "la lenga, tiene wifi?",
        "la coihue, tiene calefaccion? xq vamos con mi vieja",
    ] {
        assert!(read(text).pointed_first, "{text}");
    }
    for text in [
        "¿la segunda tiene parrilla?",
        "la segunda tiene parrilla?",
        "esa, tiene wifi?",
        "hola, tiene wifi?",
        "buenas tardes, queria saber si la lenga tiene wifi?",
    ] {
        assert!(!read(text).pointed_first, "{text}");
    }
}

#[test]
fn sixty_second_set_what_a_price_is_for_things_counted_and_the_cheapest_asked() {
    // Asked alone about a price already said: a price question about a night, or about the
    // stay's total, not an unknown handed to a person.
    for text in [
        "is that per night?",
        "per night?",
        "that's per night right?",
        "eso es por noche?",
        "es por noche?",
        "isso é por noite?",
        "é por noite?",
    ] {
        let u = read(text);
        assert_eq!((u.intent, u.per_night), (Intent::AskPrice, true), "{text}");
    }
    for text in [
        "is that for the whole stay?",
        "eso es por toda la estadía?",
        "é pela estadia inteira?",
    ] {
        let u = read(text);
        assert_eq!((u.intent, u.per_night), (Intent::AskPrice, false), "{text}");
    }
    assert!(!read("hay lugar esta noche?").per_night);
    // Cars, vehicles, bikes and trucks a number counts are no guests, in any language.
    for text in [
        "does it have parking for two cars?",
        "parking for 2 cars?",
        "is there room for 3 vehicles?",
        "we bring 2 bikes",
        "we're coming with 2 motorbikes",
        "we have 2 trucks",
        "estacionamento pra 2 veículos?",
        "tienen estacionamiento para 2 autos?",
    ] {
        assert_eq!(read(text).guests, None, "{text}");
    }
    assert_eq!(read("we are 4 and come by car").guests, Some(4));
    assert!(
        read("is there room for 3 vehicles?").intent != Intent::CheckAvailability,
        "room for vehicles is no stay"
    );
    // "Which is your largest cabin…": the size is a choice, no thing the cabin has.
    let u = read("Which is your largest cabin, and does it have parking for two cars?");
    assert_eq!(u.also_described, None, "{u:?}");
    assert_eq!(u.choice, Some(Choice::Largest));
    assert_eq!(u.features, [Feature::Parking]);
    // "What's your cheapest cabin?": a price question, as "which is the cheapest?" is.
    for text in [
        "whats your cheapest cabin?",
        "what's the cheapest option?",
        "which is the cheapest cabin?",
        "cuál es la más barata?",
        "qual é a mais barata?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.intent, u.choice),
            (Intent::AskPrice, Some(Choice::Cheapest)),
            "{text}"
        );
    }
}

#[test]
fn a_party_told_in_households_apart_is_all_of_them() {
    for (text, guests, parties) in [
        (
            "quiero dos cabañas, una para nosotros (somos 2) y otra para mis viejos",
            4,
            vec![2, 2],
        ),
        (
            "we want two cabins, one for us (we're 2) and another for my parents",
            4,
            vec![2, 2],
        ),
        (
            "queremos dos familias: nosotros somos 6 (con mis 4 hijos) y mis suegros 2. Cada familia en su cabaña",
            8,
            vec![6, 2],
        ),
        (
            "Somos duas famílias: nós somos 4 e meus pais, cada família no seu chalé",
            6,
            vec![4, 2],
        ),
        (
            "two families, we're 4 and my parents, we'd like separate cabins",
            6,
            vec![4, 2],
        ),
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.parties), (Some(guests), parties), "{text}");
    }
    // Without families or cabins apart, the relatives may be the party said.
    for text in [
        "somos 4 con mis viejos",
        "somos 4, yo, mi mujer y mis viejos",
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(4), "{text}");
        assert!(u.parties.is_empty(), "{text}");
    }
}

/// The Spanish of guests from other countries (conv66), read as the Argentine words: holds
/// asked with "apartar", "separar", "¿me regala la …?", "la cogemos" and "agéndeme"; yes said
/// with "vale", "sale", "órale", "hágale", "bacán po"; the deposit asked as "el anticipo" or
/// "por adelantado"; parking, bedrooms and children by their local names. A price asked with
/// "¿cuánto vale?", "¿cuánto sale?" and what "¿me regala…?" only asks for stay what they are.
#[test]
fn the_spanish_of_other_countries_reads_as_argentine() {
    for text in [
        "quiero apartar la coihue del 11 al 14 de enero para 4",
        "apartemela por favor, la coihue del 11 al 14 de enero para 4",
        "me la aparta la coihue del 11 al 14 de enero para 4?",
        "quiero separar la coihue del 11 al 14 de enero para 4",
        "me puede separar la coihue del 11 al 14 de enero? somos 4",
        "me regala la coihue del 11 al 14 de enero para 4?",
        "me regalan la lenga del 4 al 7 de febrero? somos 6",
        "agendeme la coihue del 11 al 14 de enero para 4",
        "quisiera hacer una reservacion de la coihue del 11 al 14 de enero para 4",
        "quisieramos coger la coihue del 11 al 14 de enero, somos 4",
    ] {
        assert_eq!(read(text).intent, Intent::Book, "{text}");
    }
    for text in [
        "vale, la cogemos",
        "vale",
        "sale, apartemela por favor",
        "orale, esa",
        "hagale",
        "andale pues",
        "sale y vale",
        "bacan po",
        "chevere, la reservamos",
        "ya pe",
        "bueno ya",
    ] {
        assert!(read(text).affirmative, "{text} should agree");
    }
    for text in ["cuanto vale la noche?", "cuanto sale la coihue?"] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskPrice, "{text}");
        assert!(!u.affirmative, "{text}");
    }
    for text in [
        "me regala el precio de la coihue?",
        "me regala la informacion de la lenga?",
        "me regala la disponibilidad para enero?",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
    for text in [
        "como le hago para pagar el anticipo?",
        "cuanto se abona de seña?",
        "hay que pagar por adelantado?",
        "como os pago la señal?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Payment), "{text}");
    }
    for text in ["teneis aparcamiento?", "tienen parqueadero?"] {
        assert!(read(text).features.contains(&Feature::Parking), "{text}");
    }
    assert!(
        read("cuantas recamaras tiene la lenga?")
            .topics
            .contains(&InfoTopic::Rooms)
    );
    for (text, guests) in [
        ("somos 2 adultos y 2 crios", 4),
        ("somos mi esposa, yo y dos chamacos", 4),
        ("vamos 2 adultos con 2 cabros chicos", 4),
        ("vamos con los 2 chiquillos, mi señora y yo", 4),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
}

#[test]
fn wandering_guests_party_again_rebooking_and_comparisons_after_a_greeting() {
    // "Back to 2": the party said again, no day of the month.
    for text in [
        "nah, she's not coming, back to 2. the Arrayán is fine",
        "al final no viene, de vuelta a 2",
        "ela não vem mais, de volta a 2",
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.check_out), (Some(2), None), "{text}");
    }
    // The pronoun on the verb: the hold cancelled, booked again.
    for text in [
        "perdon, me arrepenti, volvela a reservar igual",
        "volvémela a reservar porfa",
    ] {
        assert!(read(text).refers_back, "{text}");
    }
    // A greeting, then a question comparing two cabins: the question.
    for text in [
        "Olá! A Lenga e a Coihue são do mesmo tamanho?",
        "hola! la lenga y la coihue son del mismo tamaño?",
        "Hi! Are the Lenga and the Coihue the same size?",
    ] {
        assert_eq!(read(text).intent, Intent::AskInfo, "{text}");
    }
    assert!(read("cual es la cabaña mas grande q tienen?").which_one);
    assert!(!read("tienen lugar del 3 al 5?").which_one);
}

#[test]
fn currency_invoices_keys_and_payments_by_hand_are_read() {
    for text in [
        "en que moneda estan los precios?",
        "se puede pagar en dolares?",
        "what currency are your prices in?",
        "can I pay in US dollars?",
        "vocês aceitam reais ou só pesos?",
        "qual a moeda?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Currency), "{text}");
    }
    for text in [
        "me podes hacer factura A?",
        "necesito el recibo de pago",
        "could you send me a receipt?",
        "do you issue invoices?",
        "vocês emitem nota fiscal?",
        "preciso de um recibo do pagamento",
    ] {
        assert!(read(text).asks_papers, "{text}");
    }
    for text in [
        "como hacemos con las llaves?",
        "hay alguien para recibirnos?",
        "will someone be there to let us in?",
        "how do we get the keys?",
        "como pegamos as chaves?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Keys), "{text}");
    }
    // The invoice's name is not the guest's.
    assert_eq!(
        read("send me an invoice in the name of ACME Ltd").name_given,
        None
    );
    for text in [
        "ya te transferi la seña",
        "te hice una transferencia recien",
        "fiz um pix do sinal agora",
        "mandei o pix",
        "I sent you a bank transfer",
    ] {
        let u = read(text);
        assert_eq!(u.about_hold, Some(AboutHold::Paid), "{text}");
        assert!(u.pay_methods.contains(&PayMethod::Transfer), "{text}");
    }
    for text in ["quiero hacer una transferencia", "puedo hacer un pix?"] {
        assert_eq!(read(text).about_hold, None, "{text}");
    }
    // Saying they paid puts nothing off.
    let u = read("che ya hice el pago por mercado pago recien te aviso");
    assert_eq!(u.about_hold, Some(AboutHold::Paid));
    assert!(!u.defers);
}

#[test]
fn brazilian_nights_parties_and_deposit_questions() {
    for (text, nights_out) in [
        (
            "queria 2 pernoites na Ñire, chegando dia 20 de março",
            "2027-03-22",
        ),
        ("um pernoite a partir de 20 de março", "2027-03-21"),
    ] {
        let u = read(text);
        assert_eq!(
            u.check_out.map(|d| d.to_string()).as_deref(),
            Some(nights_out),
            "{text}"
        );
    }
    for text in [
        "3 diárias a partir de 5 de fevereiro, pra mim e minha namorada",
        "só pra mim e meu marido, de 5 a 8 de fevereiro",
    ] {
        assert_eq!(read(text).guests, Some(2), "{text}");
    }
    for text in [
        "quanto preciso pagar de sinal pra reservar?",
        "qual o valor do sinal?",
        "y la seña cuanto es?",
        "the deposit, how much is it?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Payment), "{text}");
    }
    for text in [
        "quero ela de 3 a 6 de fevereiro",
        "fico com ela",
        "quiero esa",
    ] {
        assert!(read(text).refers_back, "{text}");
    }
}

#[test]
fn conv69_travelling_alone_a_weekday_before_its_day_and_questions_read() {
    for text in [
        "Hello, I am travelling alone, I need a cabin for 4 nights starting March 2",
        "I'm travelling solo, March 2 to 5",
        "I'm coming alone, March 2 to 5",
        "by myself, march 2 to 5",
        "just myself, march 2 to 5",
        "vou sozinho de 2 a 5 de março",
        "estou viajando sozinha de 2 a 5 de março",
        "viajo sola del 2 al 5 de marzo",
    ] {
        assert_eq!(read(text).guests, Some(1), "{text}");
    }
    // "Friday the 8th": a word between the weekday and its day.
    for text in [
        "arriving Friday the 8th of January, leaving Monday",
        "arriving Friday the 8th, leaving Monday",
        "chegamos sexta dia 8 de janeiro e saímos na segunda",
        "llegamos el viernes 8 de enero y nos vamos el lunes",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, NaiveDate::from_ymd_opt(2027, 1, 8), "{text}");
        assert_eq!(u.check_out, NaiveDate::from_ymd_opt(2027, 1, 11), "{text}");
    }
    for text in [
        "is that in pesos or dollars?",
        "what currency are your prices in?",
        "es en pesos o dolares?",
        "é em reais ou pesos?",
    ] {
        assert!(read(text).topics.contains(&InfoTopic::Currency), "{text}");
    }
    for text in ["which one has it?", "y cual la tiene?", "e qual tem?"] {
        assert!(read(text).which_yes, "{text}");
    }
    let u = read("so is it confirmed now?");
    assert!(u.about_hold.is_some());
    assert!(!u.unknown_question && u.asked_words.is_none());
    for text in [
        "Could you send me the prices of your cabins for 4 people?",
        "precios de las cabañas para 4?",
    ] {
        assert!(read(text).each_cabin, "{text}");
    }
}

#[test]
fn a_service_asked_beside_another_question_or_a_stay_is_a_question_aside() {
    for text in [
        "hola, tienen wifi? y alquilan kayaks?",
        "do you have parking? do you rent bikes?",
        "tem wifi? vocês alugam bicicleta?",
        "somos 2 del 3 al 5 de marzo, ofrecen excursiones?",
        "Somos 2 de 8 a 10 de março. Vocês fazem transfer do aeroporto?",
        "we are 2 from march 3 to 5, do you offer airport pickup?",
    ] {
        assert!(read(text).aside_question, "{text}");
    }
    for text in [
        "tienen wifi? y parrilla?",
        "somos 2 del 3 al 5 de marzo, tienen wifi?",
    ] {
        assert!(!read(text).aside_question, "{text}");
    }
    // A yes or a request before the cabin, then a question: the cabin chosen.
    for text in [
        "dale la coihue, a q hora podemos llegar?",
        "yes the Coihue, what time is check-in?",
        "quero a Lenga, tem wifi?",
    ] {
        assert!(read(text).named_apart, "{text}");
    }
    assert!(!read("la coihue, tiene wifi?").named_apart);
}

#[test]
fn conv70_a_day_said_instead_of_another_and_forget_it_with_a_number() {
    use chrono::Datelike;
    // "The 20th not the 19th": the day said instead is the arrival; the one denied is no
    // check-out.
    for (text, day) in [
        ("no wait, the 20th not the 19th", 20),
        ("the 20th, not the 19th", 20),
        ("perdon, era el 16 no el 15", 16),
        ("el 20 no el 19", 20),
        ("na verdade é dia 20, não dia 19", 20),
    ] {
        let u = read(text);
        assert_eq!(u.check_in.map(|d| d.day()), Some(day), "{text}: {u:?}");
        assert_eq!(u.check_out, None, "{text}: {u:?}");
    }
    // "Forget it" with a number after it takes a change back; alone it calls the trip off.
    for text in [
        "não, esquece, somos 6 mesmo",
        "no, olvidate, somos 6 nomas",
        "no, forget it, we're 6 after all",
    ] {
        let u = read(text);
        assert_ne!(u.intent, Intent::Cancel, "{text}: {u:?}");
        assert_eq!(u.guests, Some(6), "{text}: {u:?}");
    }
    for text in [
        "forget it, thanks",
        "olvidalo",
        "esquece",
        "olvidate, no va a poder ser",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn conv72_an_end_of_the_stay_alone_a_size_pointed_at_and_the_party_settled() {
    // One end of the stay named alone after "y", "and", "e": its time asked.
    for (text, feature) in [
        ("y la salida?", Feature::CheckOut),
        ("ok, y el egreso?", Feature::CheckOut),
        ("genial y la salida cual es?", Feature::CheckOut),
        ("e a saída?", Feature::CheckOut),
        ("and departure?", Feature::CheckOut),
        ("y la entrada?", Feature::CheckIn),
        ("e a chegada?", Feature::CheckIn),
        ("what about arrival time?", Feature::CheckIn),
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskInfo, "{text}: {u:?}");
        assert_eq!(u.info_topic, Some(InfoTopic::CheckInTime), "{text}: {u:?}");
        assert_eq!(u.features, vec![feature], "{text}: {u:?}");
    }
    // Not with anything else said of it.
    for text in ["y la entrada para el auto?", "y la salida el 10?"] {
        assert_ne!(
            read(text).info_topic,
            Some(InfoTopic::CheckInTime),
            "{text}"
        );
    }
    // An option pointed at by its size, no question mark: no question about the cabins.
    for (text, choice) in [
        ("la que tiene mas lugar", Choice::Largest),
        ("la de mas capacidad", Choice::Largest),
        ("the one with more room", Choice::Largest),
        ("the one with the most space", Choice::Largest),
        ("a que tem mais espaço", Choice::Largest),
        ("la que tiene menos lugar", Choice::Smallest),
    ] {
        let u = read(text);
        assert_eq!(u.choice, Some(choice), "{text}: {u:?}");
        assert!(u.topics.is_empty(), "{text}: {u:?}");
        assert_ne!(u.intent, Intent::AskInfo, "{text}: {u:?}");
    }
    for text in ["la que sale mas", "la que cuesta más", "a que custa mais"] {
        assert_eq!(read(text).choice, Some(Choice::Priciest), "{text}");
    }
    assert_eq!(read("cual sale mas barato?").choice, Some(Choice::Cheapest));
    // "Quedamos 4": the party as it now stands; "nos quedamos 3" is no party.
    for (text, n) in [
        ("quedamos 4", 4),
        ("nos vamos a tener que bajar 2, quedamos 4", 4),
        ("al final quedamos cuatro", 4),
        ("quedamos en 5", 5),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    for text in ["nos quedamos 3", "quedamos 3 noches"] {
        assert_eq!(read(text).guests, None, "{text}");
    }
    // "We're only 5 now": the party in English with "only".
    for (text, n) in [
        ("sorry, we're only 5 now", 5),
        ("we are only 4", 4),
        ("we'll only be 3", 3),
        ("there are only 3 of us", 3),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    assert_eq!(read("we are only staying 2 nights").guests, None);
}

#[test]
fn conv73_a_cabin_price_asked_in_other_words_and_one_night_with_its_article() {
    // What a cabin charges, in words the price tables had not: "charge", "pricey", "go for a
    // night", "run a night"; one night said with "una"/"uma" is the nightly price.
    for (text, night) in [
        ("what do you charge for the Lenga?", false),
        ("what do you guys charge for the Coihue?", false),
        ("how pricey is the Arrayán?", false),
        ("how expensive is the Coihue?", false),
        ("what does the Coihue go for a night?", true),
        ("what does the Lenga run a night?", true),
        ("quanto custa uma noite na Coihue?", true),
        ("¿cuánto sale una noche en la Lenga?", true),
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::AskPrice, "{text}: {u:?}");
        assert_eq!(u.per_night, night, "{text}: {u:?}");
        assert!(u.accommodation.is_some(), "{text}: {u:?}");
    }
    // With dates in the same message the price question stays a nightly one.
    let u =
        read("g'day! what does the Coihue go for a night? 4 of us plus the dog, March 1st to 4th");
    assert!(u.per_night || u.night_price_too, "{u:?}");
    assert_eq!(u.guests, Some(4), "{u:?}");
    // "Go for" the cabin is a pick, never a price.
    assert_ne!(read("we'll go for the Coihue").intent, Intent::AskPrice);
}

#[test]
fn conv73_yes_words_of_english_speakers_and_brazilians_and_yes_words_only_alone() {
    for text in [
        "absolutely",
        "definitely!",
        "certainly",
        "yup",
        "yea",
        "you bet",
        "all right",
        "righto",
        "too easy",
        "let's go",
        "please do",
        "it's a deal",
        "com certeza",
        "partiu",
        "demorou",
        "aham",
        "uhum",
        "pode",
        "pode mandar",
        "quero",
        "vamos",
        "deal",
        "do it",
        "why not",
        "por favor",
        "ya",
    ] {
        assert!(read(text).affirmative, "{text}");
    }
    // The words that are a yes only alone say something else in a longer message.
    for text in [
        "pode levar cachorro?",
        "preciso de um recibo do pagamento, pode mandar?",
        "ya reservé la semana pasada",
        "why not the Coihue?",
        "any deal for a week?",
    ] {
        assert!(!read(text).affirmative, "{text}");
    }
}

#[test]
fn conv73_a_cabin_asked_whether_dear_and_what_it_goes_for() {
    for text in [
        "is the Lenga expensive?",
        "is it pricey?",
        "¿es cara la Lenga?",
        "la Coihue es muy cara?",
        "a Lenga é cara?",
        "what does the Lenga go for?",
        "what do the cabins go for?",
    ] {
        assert_eq!(read(text).intent, Intent::AskPrice, "{text}");
    }
    // A pick, a comparison, advice or a complaint is no price question.
    assert_eq!(
        read("the most expensive one please").choice,
        Some(Choice::Priciest)
    );
    for text in [
        "which one should we go for?",
        "what would you go for?",
        "we'll go for the Coihue",
        "es re caro",
        "it's too expensive",
    ] {
        assert_ne!(read(text).intent, Intent::AskPrice, "{text}");
    }
}

#[test]
fn conv73_a_party_said_with_only_or_just() {
    for (text, n) in [
        ("wait, we're only 3", 3),
        ("we're just 3", 3),
        ("we are only two", 2),
        ("it's just us two", 2),
        ("we'll only be 4", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    assert_eq!(read("we are just looking").guests, None);
}

#[test]
fn conv73_goodbyes_a_confirmation_missing_and_a_payment_gone_through() {
    for text in [
        "see you then!",
        "see you soon",
        "bye!",
        "nos vemos!",
        "hasta pronto",
        "até lá!",
        "tchau",
    ] {
        assert!(read(text).thanks, "{text}");
    }
    for text in [
        "I lost the confirmation",
        "perdi a confirmação",
        "no encuentro la confirmación",
        "I never got the confirmation",
        "não recebi a confirmação",
    ] {
        assert!(read(text).asks_voucher, "{text}");
    }
    for text in [
        "Recebi a confirmação, obrigado!",
        "got the confirmation, thanks",
    ] {
        assert!(!read(text).asks_voucher, "{text}");
    }
    for text in [
        "did the payment go through?",
        "has the deposit gone through?",
    ] {
        assert_eq!(read(text).about_hold, Some(AboutHold::Paid), "{text}");
    }
    // "Through" between two days is still the end of a stay.
    let u = read("the 5th through the 9th of March, 2 of us");
    assert!(u.check_in.is_some() && u.check_out.is_some(), "{u:?}");
}

#[test]
fn conv74_left_for_later_a_check_out_alone_brackets_and_a_bare_wish() {
    // A stay left for later is no yes, whatever mild words come with it; "adelante" alone is.
    for text in [
        "Muchas gracias por la respuesta. Por ahora lo vamos a dejar, quizás más adelante.",
        "ok gracias, quizás más adelante",
        "perfecto, será en otra oportunidad",
        "Perfect, thanks, maybe next time!",
        "Ok thanks, maybe some other time",
        "Obrigado, mas vamos ficar para uma próxima vez",
        "Beleza, quem sabe mais pra frente",
    ] {
        let u = read(text);
        assert!(!u.affirmative, "{text}: {u:?}");
        assert!(u.defers, "{text}: {u:?}");
    }
    for text in ["sí, adelante", "adelante, reservala"] {
        assert!(read(text).affirmative, "{text}");
    }
    // Saying they will not book is a polite no, no order to book.
    for text in [
        "Muchas gracias, por el momento no vamos a reservar.",
        "al final no reservamos, gracias",
        "Obrigada pelo retorno, por enquanto não vamos reservar.",
        "we will not book for now, thanks",
        "thanks, we won't be booking",
        "Thank you for your reply. We have decided not to go ahead for now.",
    ] {
        let u = read(text);
        assert_ne!(u.intent, Intent::Book, "{text}: {u:?}");
        assert!(!u.affirmative && u.defers, "{text}: {u:?}");
    }
    assert_eq!(read("no la reserves").intent, Intent::Cancel);
    // Coming back to what was offered.
    for text in ["hi again, we'd like to go ahead", "we want to go ahead"] {
        assert!(read(text).affirmative, "{text}");
    }
    // Not left for later: a time said after it, or a question asked on.
    assert!(!read("perfecto, para la próxima semana entonces").defers);
    assert!(
        !read("gracias! y la lenga cuanto sale? para la proxima vamos con toda la familia").defers
    );
    // "al 7" is the day the stay ends, not a number answered; "al final 3" still corrects.
    let u = read("al 7");
    assert_eq!(u.bare_number, None, "{u:?}");
    assert!(u.until.is_some(), "{u:?}");
    assert_eq!(read("ah no, al final 3").bare_number, Some(3));
    // A party told apart in brackets is counted once.
    for (text, n) in [
        ("somos 6 (4 grandes y 2 nenes)", 6),
        ("somos 6, 4 grandes y 2 chicos", 6),
        ("somos 2 grandes y 2 chicos", 4),
        ("we are 5 (3 grown-ups and 2 kids)", 5),
        ("una cabaña grande para 4", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    // A stay wished for with nothing said yet.
    for text in [
        "Looking for a cabin",
        "we are looking for a cabin",
        "estou procurando um chalé",
    ] {
        assert_eq!(read(text).intent, Intent::CheckAvailability, "{text}");
    }
}

#[test]
fn conv73_a_cancellation_asked_of_the_place_or_said_in_other_words() {
    for text in [
        "can you cancel the booking?",
        "could you cancel the Coihue?",
        "release the hold please",
        "unfortunately we have to call off the trip",
        "we're not going anymore",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    // Whether one may cancel is still a question about the policy.
    for text in ["can we cancel?", "can I cancel if it rains?"] {
        assert_ne!(read(text).intent, Intent::Cancel, "{text}");
    }
}

#[test]
fn conv73_an_option_by_its_number_in_english_and_portuguese() {
    for (text, n) in [
        ("number 3", 3),
        ("2nd one", 2),
        ("the 2nd one", 2),
        ("opção 2", 2),
        ("a opção 2", 2),
        ("la opción 2", 2),
    ] {
        assert_eq!(read(text).choice, Some(Choice::Position(n)), "{text}");
    }
    // A count after a label is no option.
    for text in ["guests number: 3", "huéspedes número: 3"] {
        assert_eq!(read(text).choice, None, "{text}");
    }
}

#[test]
fn conv75_a_change_ordered_alone_agrees_and_a_cancellation_taken_back() {
    // A change ordered and nothing else ("pode trocar", "cambiala", "switch it") is a yes to
    // the switch put to the guest; the same verb with more said is no yes.
    for text in [
        "pode trocar",
        "pode mudar então",
        "cambiala",
        "sí, pasala nomás",
        "switch it",
        "go ahead and change it",
    ] {
        let u = read(text);
        assert!(u.affirmative, "{text}: {u:?}");
    }
    for text in [
        "quiero cambiar las fechas",
        "puedo cambiar?",
        "can we change the dates to march?",
    ] {
        assert!(!read(text).affirmative, "{text}");
    }
    // A cancellation taken back, in words; not a bare "no" nor "no, gracias".
    for text in [
        "no no, mejor no, dejala como está",
        "mejor no, dejala, vamos igual",
        "uh no, mejor no la canceles",
        "wait no, don't cancel, keep it",
        "never mind, we're going after all",
        "não, melhor não, deixa ela, vamos sim",
        "não cancela não, mantém a reserva",
    ] {
        assert!(read(text).withdraws_cancel, "{text}");
    }
    for text in [
        "no",
        "no, gracias",
        "no thanks",
        "gracias igual, saludos",
        "dale",
    ] {
        assert!(!read(text).withdraws_cancel, "{text}");
    }
    // The offered cabin turned down before its name ("não curti a Coihue", "I don't like the
    // Coihue", "no me gusta la Coihue", "não gostei da Coihue").
    for text in [
        "não curti a Coihue, tem outra?",
        "não gostei da Coihue, qual mais vocês têm?",
        "I don't like the Coihue, anything else?",
        "no me gusta la Coihue, tenés otra?",
    ] {
        let u = read(text);
        assert_eq!(
            u.turned_down,
            vec!["Cabaña Coihue".to_owned()],
            "{text}: {u:?}"
        );
        assert_eq!(u.accommodation, None, "{text}: {u:?}");
    }
}

/// conv79: the whole party said with its verb and then who drops out ("al final somos 10, no
/// vienen los de la cabaña chiquita") is the party, not that many fewer; the whole party said
/// and then described by its parts ("somos 8, dos parejas y una familia de 4", "8 of us, two
/// couples and a family of 4") is the whole, not the parts counted again or one of them.
#[test]
fn conv79_a_whole_party_said_then_described_or_with_who_drops_out() {
    for (text, n) in [
        (
            "che al final somos 10, no vienen los de la cabaña chiquita",
            10,
        ),
        ("somos 10 personas, no vienen los chicos", 10),
        ("al final seríamos 8, no vienen mis suegros", 8),
        ("al final quedamos 9, no viene mi cuñado", 9),
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(n), "{text}: {u:?}");
        assert_eq!(u.extra_guests, None, "{text}: {u:?}");
    }
    // Who drops out said alone is still that many fewer.
    for (text, n) in [
        ("uno no viene", -1),
        ("2 no vienen", -2),
        ("se bajaron 2 amigos", -2),
    ] {
        assert_eq!(read(text).extra_guests, Some(n), "{text}");
    }
    for (text, n) in [
        (
            "hi, 8 of us, two couples and a family of 4, April 12 to 14",
            8,
        ),
        ("somos 8, dos parejas y una familia de 4", 8),
        ("somos 8 personas, dos parejas y una familia de 4", 8),
        ("we are 8, two couples and a family of four", 8),
        ("somos 9: 4 adultos y 5 chicos", 9),
        ("somos 10, una familia de 6 y otra de 4", 10),
        ("somos 6, dos parejas y una familia de 2", 6),
        // The parts said to join the party still add to it.
        ("somos 2 y otra pareja", 4),
    ] {
        let u = read(text);
        assert_eq!(u.guests, Some(n), "{text}: {u:?}");
    }
}

fn conv76_d(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

#[test]
fn conv76_a_part_of_a_month_gives_its_month_to_the_days_after_it() {
    for (text, check_in, check_out) in [
        (
            "Quería saber si tienen disponibilidad para la segunda quincena de mayo, del 17 al 21.",
            "2027-05-17",
            "2027-05-21",
        ),
        (
            "la primera quincena de mayo, del 3 al 6",
            "2027-05-03",
            "2027-05-06",
        ),
        (
            "la primera semana de abril, del 3 al 6",
            "2027-04-03",
            "2027-04-06",
        ),
        (
            "la segunda quincena de mayo, de 17 a 21",
            "2027-05-17",
            "2027-05-21",
        ),
        (
            "na segunda quinzena de maio, de 17 a 21",
            "2027-05-17",
            "2027-05-21",
        ),
        (
            "a primeira quinzena de maio, de 3 a 6",
            "2027-05-03",
            "2027-05-06",
        ),
        (
            "in the second half of May, from the 17th to the 21st",
            "2027-05-17",
            "2027-05-21",
        ),
        ("late May, 27 to 30", "2027-05-27", "2027-05-30"),
        (
            "end of May, from the 27th to the 30th",
            "2027-05-27",
            "2027-05-30",
        ),
        (
            "mid May, from the 14th to the 17th",
            "2027-05-14",
            "2027-05-17",
        ),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, Some(conv76_d(check_in)), "{text}: {u:?}");
        assert_eq!(u.check_out, Some(conv76_d(check_out)), "{text}: {u:?}");
    }
    // The part alone is still the whole part; "na segunda" alone is still Monday; "may" alone
    // is still a verb.
    let u = read("la segunda quincena de mayo");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(conv76_d("2027-05-16")), Some(conv76_d("2027-05-31")))
    );
    assert!(
        read("5 noches en la segunda quincena de marzo").check_out == Some(conv76_d("2027-03-21"))
    );
    assert!(read("we may come late").check_in.is_none());
}

#[test]
fn conv76_the_balance_asked_in_other_words_is_the_payment() {
    for text in [
        "thanks! is the rest paid on arrival?",
        "do we pay the remaining on arrival?",
        "the remainder is paid there?",
        "what about the rest of the money?",
        "gracias! y lo que falta se paga alla?",
        "la diferencia la pagamos al llegar?",
        "o resto é pago na chegada?",
        "obrigado! o resto a gente paga aí?",
        "o que falta eu pago quando?",
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::Payment), "{text}: {u:?}");
        assert_ne!(u.intent, Intent::Book, "{text}: {u:?}");
    }
    assert!(
        !read("the rest of us arrive later")
            .topics
            .contains(&InfoTopic::Payment)
    );
}

#[test]
fn conv77_a_count_of_nights_denied_and_a_holiday_said_as_its_bridge() {
    // "No son 3 noches, son 4": the nights said after the ones denied, never a head count.
    for (text, nights) in [
        ("Perdona, que no son 3 noches, son 4", 4),
        ("no son 3 noches sino 4", 4),
        ("perdón, no eran 2 noches, eran 3", 3),
        ("en vez de 3 noches, 4", 4),
        ("sorry, not 3 nights, 4", 4),
        ("not 3 nights but 4 nights", 4),
        ("desculpa, não são 3 noites, são 4", 4),
    ] {
        let u = read(text);
        assert_eq!(u.nights, Some(nights), "{text}: {u:?}");
        assert_eq!(u.guests, None, "{text}: {u:?}");
    }
    // A head count after the nights denied stays one; nights said plainly stay as they were.
    let u = read("no son 3 noches, son 4 personas");
    assert_eq!(u.guests, Some(4), "{u:?}");
    assert_eq!(read("son 4 noches").nights, Some(4));
    assert_eq!(read("somos 4, 3 noches").guests, Some(4));
    // A holiday's bridge or day off ("el puente de carnaval", "el feriado de semana santa") is
    // that holiday, not the next long weekend; Uruguay's "Semana de Turismo" is Holy Week.
    for (text, period) in [
        (
            "¿Qué tenéis para el puente de carnaval? Somos 6",
            super::Period::Carnival,
        ),
        (
            "tienen lugar el feriado de carnaval?",
            super::Period::Carnival,
        ),
        (
            "tem vaga no feriado de carnaval? somos 4",
            super::Period::Carnival,
        ),
        ("el puente de semana santa somos 2", super::Period::HolyWeek),
        ("para el feriado de pascuas", super::Period::HolyWeek),
        (
            "¿tienen lugar para la Semana de Turismo? Somos 3",
            super::Period::HolyWeek,
        ),
        ("en semana criolla vamos 4", super::Period::HolyWeek),
        ("el puente de fin de año", super::Period::YearEnd),
    ] {
        assert_eq!(read(text).period.map(|p| p.period), Some(period), "{text}");
    }
    assert_eq!(
        read("hay lugar para el puente?").period.map(|p| p.period),
        Some(super::Period::LongWeekend)
    );
}

#[test]
fn conv80_options_by_place_payment_asked_and_travellers_yes_words() {
    // An option by its place with "option" or "choice" after it is never a date ("the first"
    // alone reads the 1st); a date said with "the first of" still is.
    for (text, n) in [
        ("The first option would suit us well. Please reserve it.", 1),
        ("the first option please", 1),
        ("the first choice", 1),
        ("the 2nd option", 2),
        ("the second choice would be great", 2),
        ("the 3rd option", 3),
    ] {
        let u = read(text);
        assert_eq!(u.choice, Some(Choice::Position(n)), "{text}: {u:?}");
        assert_eq!(u.check_in, None, "{text}: {u:?}");
    }
    assert_eq!(
        read("the first of March").check_in,
        NaiveDate::from_ymd_opt(2027, 3, 1)
    );
    // How to pay, asked in Portuguese and English ("como é" alone asks what a cabin looks like).
    for text in [
        "como faço o pagamento?",
        "como é o pagamento?",
        "como fica o pagamento?",
        "como faz pra pagar?",
        "how does the payment work?",
        "how do I make the payment?",
    ] {
        assert!(
            read(text).topics.contains(&InfoTopic::Payment),
            "{text}: {:?}",
            read(text)
        );
    }
    // A non-native "we take it", a Dutch or German "prima", "ja graag", "ja gerne": yes.
    for text in [
        "prima, we take it",
        "we take it",
        "I take it",
        "we will take it",
        "prima!",
        "ja graag",
        "ja gerne",
    ] {
        assert!(read(text).affirmative, "{text}: {:?}", read(text));
    }
    // "Prima" is a cousin inside a sentence, and "ja" alone a laugh.
    for text in ["vamos con mi prima", "vou com minha prima", "ja"] {
        assert!(!read(text).affirmative, "{text}");
    }
}

#[test]
fn conv78_how_to_get_there_said_with_make_or_as_directions() {
    for text in [
        "como faço pra chegar aí?",
        "como faço para chegar?",
        "como fazemos pra chegar na cabana?",
        "¿cómo hago para llegar?",
        "como hacemos para llegar desde Bariloche?",
        "how do we get to the cabins?",
        "how do I get to your place?",
        "how to get there from the airport?",
        "how can we get there?",
        "what is the best way to get there? any directions?",
        "what's the best way to get to you from the airport?",
        "qual a melhor forma de chegar até vocês?",
        "cuál es la mejor manera de llegar?",
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::Location), "{text}: {u:?}");
    }
    // Arriving late or early stays the check-in's question, not the address.
    for text in [
        "llegamos tarde, tipo 22, hay problema?",
        "can we arrive early?",
    ] {
        let u = read(text);
        assert!(!u.topics.contains(&InfoTopic::Location), "{text}: {u:?}");
    }
}

#[test]
fn conv84_the_party_said_with_coming_verbs() {
    for (text, want) in [
        ("uh al final venimos 4, se prenden unos amigos", 4),
        ("al final venimos 5", 5),
        ("venimos 3 nomás", 3),
        ("al final vendremos 6", 6),
        ("iremos 4 al final", 4),
    ] {
        let got = read(text).guests;
        assert_eq!(got, Some(want), "{text}");
    }
}

#[test]
fn conv84_who_left_or_joined_is_no_party() {
    for (text, want) in [
        ("somos 5 nomas al final, uno se bajo", 5),
        ("somos 5 al final, uno no viene", 5),
        ("al final somos 3, una se enfermó", 3),
        ("somos 4 al final, dos se bajaron", 4),
        ("al final, somos 6, dos se suman", 6),
        ("somos 5 agora, um desistiu", 5),
        ("no final somos 3, uma não vai poder ir", 3),
        ("we're 5 in the end, one dropped out", 5),
        ("we'll be 3 after all, one can't make it", 3),
    ] {
        let got = read(text).guests;
        assert_eq!(got, Some(want), "{text}");
    }
    // A count said alone after the change of mind still replaces the one before, and a count
    // with a verb that is no one leaving is the party.
    for (text, want) in [
        ("somos 4, bah, 5", 5),
        ("para 3, perdón, 4", 4),
        ("la lenga del 9 al 12 de abril para 6 se puede?", 6),
        ("para 4 se puede llevar perro?", 4),
        ("somos 4 no 5", 4),
    ] {
        assert_eq!(read(text).guests, Some(want), "{text}");
    }
}

#[test]
fn conv84_second_thoughts_back_to_a_yes() {
    for text in [
        "pensandolo bien, dale",
        "bueno sí, reservala",
        "cambié de idea, la quiero",
        "ok fine, book it",
        "on second thought, yes please",
        "I changed my mind, let's book it",
        "pensando bem, pode reservar",
        "mudei de ideia, quero sim",
    ] {
        let u = read(text);
        assert!(
            u.thinks_again && (u.affirmative || u.intent == Intent::Book),
            "{text}: {u:?}"
        );
    }
    for text in ["dale", "sí", "yes please", "pode reservar", "no gracias"] {
        assert!(!read(text).thinks_again, "{text}");
    }
}

#[test]
fn the_weekend_after_this_one_starts_on_a_friday_whatever_the_weekday() {
    let d = |s: &str| s.parse::<NaiveDate>().expect("a test date");
    // "Este finde no, el que viene" and its kin in the three languages: the weekend after
    // "este finde", Friday to Sunday, also on a Saturday (when "este finde" runs from today)
    // and on a Sunday (when "este finde" is already next week's).
    let after = [
        "hola, este finde no, el otro, somos 4",
        "no perdón, este finde no, el que viene",
        "para este finde no, el siguiente",
        "not this weekend, the next one",
        "this weekend no, the following one",
        "este fim de semana não, o outro",
        "esse fim de semana não, o próximo",
    ];
    for (today, friday, sunday) in [
        ("2026-12-03", "2026-12-11", "2026-12-13"),
        ("2026-12-04", "2026-12-11", "2026-12-13"),
        ("2026-12-05", "2026-12-11", "2026-12-13"),
        ("2026-12-06", "2026-12-18", "2026-12-20"),
    ] {
        for text in after {
            let u = understand(text, d(today), NAMES);
            assert_eq!(
                (u.check_in, u.check_out),
                (Some(d(friday)), Some(d(sunday))),
                "{text} on {today}"
            );
        }
    }
    // "O fim de semana que vem" is "el finde que viene".
    for text in ["el finde que viene", "o fim de semana que vem"] {
        let u = understand(text, d("2026-12-05"), NAMES);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-12-11")), Some(d("2026-12-13"))),
            "{text}"
        );
    }
}

#[test]
fn conv81_a_name_in_a_signature_asks_nothing() {
    // "Horacio" is one letter from "horario": signed under a message it is a name, not a
    // question about the check-in times.
    for text in [
        "Estimados,\nQuisiéramos pasar las fiestas de fin de año con la familia, somos seis.\nSaludos,\nHoracio Medina",
        "Perfecto, por favor resérvenla.\nHoracio",
        "Somos 4 del 10 al 13 de marzo. Gracias, Mariano",
        "Hi, 2 of us from March 3 to 6.\nCheers,\nClaire",
    ] {
        let u = read(text);
        assert!(!u.topics.contains(&InfoTopic::CheckInTime), "{text}: {u:?}");
        assert_ne!(u.info_topic, Some(InfoTopic::CheckInTime), "{text}: {u:?}");
    }
    // The schedule itself, even misspelt, still asks it.
    for text in ["cual es el horario?", "q horaro tienen de entrada?"] {
        assert!(
            read(text).topics.contains(&InfoTopic::CheckInTime),
            "{text}: {:?}",
            read(text)
        );
    }
}

#[test]
fn conv81_the_portuguese_is_joins_no_clause() {
    // "é" (is) folds to "e" (and) but asks no thing of its own: "qual" is no amenity.
    for text in [
        "e qual é a mais barata?",
        "e qual é a maior?",
        "qual é o preço da Coihue?",
    ] {
        let u = read(text);
        assert_eq!(u.also_described, None, "{text}: {u:?}");
    }
    // The "e" that joins still asks the thing after it.
    let u = read("a Lenga tem wifi? e deck?");
    assert_eq!(u.also_described.as_deref(), Some("deck"), "{u:?}");
}

#[test]
fn conv81_a_booking_asked_as_a_question_with_the_pet_coming_along() {
    // The booking ordered politely, the pet said as who comes: a booking, the pet noted.
    for text in [
        "hola, me reservas la coihue del 10 al 13 de abril para 4? vamos con el perro",
        "me podés reservar la Lenga del 1 al 4 de junio? somos 5, llevamos a la perra",
        "can you book the Lenga for us, June 1 to 4? 5 people, we're bringing our dog",
        "pode reservar a Coihue de 10 a 13 de abril pra 4? vamos com o cachorro",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}: {u:?}");
        assert!(u.pets, "{text}: {u:?}");
    }
    // Whether the pet may come, asked: a question still.
    for text in [
        "se puede llevar perro a la coihue del 10 al 13 de abril? hacen reservas? somos 4",
        "la coihue del 10 al 13 de abril acepta perros? somos 4",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}: {:?}", read(text));
    }
}

#[test]
fn conv82_people_described_one_by_one_count_each() {
    for (text, n) in [
        (
            "hi, me, my partner and our toddler, March 8 to 11, what do you have?",
            3,
        ),
        ("my partner, me and our baby", 3),
        ("my wife, me and our son", 3),
        ("yo, mi pareja y nuestro bebé", 3),
        ("voy yo, mi señora y el nene", 3),
        ("eu, meu marido e nosso bebê", 3),
        (
            "oi gente! eu, meu marido, minha sogra e as 3 crianças, 20 a 23 de março",
            6,
        ),
        ("eu, meu namorado e minha irmã", 3),
        ("eu, minha esposa e meu irmão", 3),
        ("my husband, our 2 kids and me", 4),
        ("me, my husband and my mom", 3),
        (
            "We are a choir of 25 singers looking for lodging from 10 to 13 May",
            25,
        ),
        ("somos un coro de 30 personas", 30),
        ("uma turma de 12 alunos, de 5 a 8 de maio", 12),
        ("a team of 8 from work", 8),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    // A pet, or a child's age, is no one more.
    assert_eq!(read("yo, mi pareja y nuestro perro").guests, Some(2));
    assert_eq!(read("un grupo de chicos de 10 años").guests, None);
}

#[test]
fn conv82_a_cabin_wanted_by_what_it_has_on_dates_is_booked() {
    for text in [
        "We are two couples travelling together and we want the cabin with the jacuzzi from 15 to 18 March.",
        "we'd like the cabin with the jacuzzi from 15 to 18 March, 4 people",
        "queremos la cabaña con jacuzzi del 15 al 18 de marzo, somos 4",
        "queremos la que tiene jacuzzi del 15 al 18 de marzo, somos 4",
        "queremos a cabana com jacuzzi de 15 a 18 de março, somos 4",
        "quero a cabana com lareira de 10 a 13 de abril, somos 2",
        "we want the pet friendly one from April 2 to 5, 4 of us",
    ] {
        let u = read(text);
        assert_eq!(u.intent, Intent::Book, "{text}: {u:?}");
        assert!(u.choice.is_some(), "{text}: {u:?}");
    }
    // Asked, or without dates, it stays a question or a pick.
    for text in [
        "¿queremos la del jacuzzi del 15 al 18, está libre?",
        "which one has the jacuzzi from 15 to 18 March?",
        "queremos la del jacuzzi",
    ] {
        assert_ne!(read(text).intent, Intent::Book, "{text}");
    }
}

#[test]
fn conv83_years_said_with_holidays_long_weekends_and_dates() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    for (text, from, to) in [
        // two-digit years after "del", never a day
        (
            "para el 24 de marzo del 27, 2 noches",
            "2027-03-24",
            "2027-03-26",
        ),
        (
            "una semana desde el 25 de mayo del 27, somos 6",
            "2027-05-25",
            "2027-06-01",
        ),
        (
            "semana santa del 28 tienen algo para 2?",
            "2028-04-13",
            "2028-04-16",
        ),
        (
            "finde largo del dia de la bandera del 27, somos 4",
            "2027-06-18",
            "2027-06-21",
        ),
        // a long weekend of a month in the year said, before or after it
        (
            "el finde largo de agosto del 2028 tienen algo?",
            "2028-08-18",
            "2028-08-21",
        ),
        (
            "tem vaga pro feriadão de novembro de 2028?",
            "2028-11-17",
            "2028-11-20",
        ),
        (
            "the October 2027 long weekend, 4 friends",
            "2027-10-08",
            "2027-10-11",
        ),
        (
            "San Martin long weekend in August 2028, 2 of us",
            "2028-08-18",
            "2028-08-21",
        ),
        (
            "fin de semana largo de octubre de 2028, somos 6",
            "2028-10-13",
            "2028-10-16",
        ),
        // a season in the year said with "in", "en"
        ("when is carnival in 2028?", "2028-02-25", "2028-02-29"),
        (
            "cuando es semana santa en 2028?",
            "2028-04-13",
            "2028-04-16",
        ),
        // a year said apart from the dates
        (
            "Navidad del año que viene (2027), del 24 al 26 de diciembre. Somos 6",
            "2027-12-24",
            "2027-12-26",
        ),
        // nights counted from a holiday: its day off (San Martín moved to Monday the 16th)
        (
            "3 noches desde el feriado del 9 de julio 2027, somos 2",
            "2027-07-09",
            "2027-07-12",
        ),
        (
            "4 noches desde el feriado de san martin del 2027",
            "2027-08-16",
            "2027-08-20",
        ),
        (
            "3 noches desde el dia de la memoria del 2027",
            "2027-03-24",
            "2027-03-27",
        ),
        (
            "2 noites a partir do feriado de 20 de junho de 2028",
            "2028-06-20",
            "2028-06-22",
        ),
        (
            "We'd arrive on Malvinas Day 2027 and stay 2 nights",
            "2027-04-02",
            "2027-04-04",
        ),
        // a long weekend named by its holiday's legal date or its English name
        (
            "tienen lugar para el finde del 17 de agosto? somos 4",
            "2027-08-13",
            "2027-08-16",
        ),
        (
            "the Malvinas Day long weekend in April 2027 (we understand April 2 is a Friday)",
            "2027-04-01",
            "2027-04-04",
        ),
        (
            "the Malvinas Day long weekend in April 2027 (April 2 is a Friday that year)",
            "2027-04-01",
            "2027-04-04",
        ),
        (
            "for the Flag Day long weekend in 2027",
            "2027-06-18",
            "2027-06-21",
        ),
        (
            "el finde largo de junio? el del dia de la bandera. somos 2",
            "2027-06-18",
            "2027-06-21",
        ),
    ] {
        let u = read(text);
        assert_eq!((u.check_in, u.check_out), (d(from), d(to)), "{text}");
    }
    // A year said alone, for the stay talked about; days with their weekdays, flagged.
    assert_eq!(read("actually, the 2028 one").year, Some(2028));
    assert_eq!(read("mejor el del año que viene").year, Some(2027));
    assert!(read("del viernes 19 al domingo 21, somos 2").weekday_day_only);
    // Not years: a range's end, a day with its month, a price.
    for (text, from, to) in [
        ("del 24 de marzo al 27", "2027-03-24", "2027-03-27"),
        ("del 27 de marzo al 29", "2027-03-27", "2027-03-29"),
        (
            "del 28 de diciembre al 2 de enero",
            "2026-12-28",
            "2027-01-02",
        ),
    ] {
        let u = read(text);
        assert_eq!((u.check_in, u.check_out), (d(from), d(to)), "{text}");
    }
    assert_eq!(read("cuesta 2000 pesos?").year, None);
}

#[test]
fn a_day_said_with_its_holiday_and_nights_is_the_check_in() {
    let d = |s: &str| s.parse::<NaiveDate>().expect("a test date");
    let today = d("2026-12-03");
    // The day the guest said, then the holiday it is, then the nights: the day and the nights
    // are the stay, not the long weekend around it.
    for (text, from, to) in [
        (
            "para el 24 de marzo, el feriado, 3 noches",
            "2027-03-24",
            "2027-03-27",
        ),
        (
            "el 24 de marzo que es feriado, 2 noches",
            "2027-03-24",
            "2027-03-26",
        ),
        (
            "for the March 24 holiday, 3 nights",
            "2027-03-24",
            "2027-03-27",
        ),
        (
            "chegamos dia 24 de março, o feriado, 3 noites",
            "2027-03-24",
            "2027-03-27",
        ),
        (
            "el feriado del 9 de julio, 2 noches",
            "2027-07-09",
            "2027-07-11",
        ),
    ] {
        let u = understand(text, today, NAMES);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(from)), Some(d(to))),
            "{text}"
        );
    }
}

#[test]
fn conv85_a_party_said_after_a_going_verb_is_read() {
    for (text, n) in [
        ("Hola queremos ir 2 del 21 al 24 de junio, que tienen", 2),
        ("queriamos ir 4 en marzo", 4),
        ("vamos a ir 3 del 5 al 8 de abril", 3),
        ("pensabamos viajar 6 para semana santa", 6),
        ("queremos ir em 4 de 10 a 13 de maio", 4),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
    // A date's day after the verb is no party.
    for text in ["queremos ir 2 de junio", "queremos ir el 2 de junio"] {
        assert_eq!(read(text).guests, None, "{text}");
    }
}

#[test]
fn a_cabins_size_asked_is_how_many_it_sleeps() {
    for text in [
        "la Coihue es grande?",
        "que tan grande es la Lenga?",
        "la Ñire es amplia?",
        "es espaciosa la Coihue?",
        "how big is the Coihue?",
        "is it big enough for 6?",
        "a Coihue é grande?",
        "a Lenga é espaçosa?",
    ] {
        assert!(
            read(text).topics.contains(&InfoTopic::Capacity),
            "{text}: {:?}",
            read(text)
        );
    }
    // A thing asked beside a cabin named is asked of it: no question passed to a person.
    for text in [
        "para cuantos es la Coihue? tiene deck?",
        "la Coihue es grande? tiene deck?",
    ] {
        assert!(!read(text).aside_question, "{text}: {:?}", read(text));
    }
}

#[test]
fn a_portuguese_household_counts_its_children_with_their_articles() {
    for (text, n) in [
        ("pra mim, minha esposa e o bebê", 3),
        ("eu, meu marido e a nossa filha", 3),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
}

/// conv87: a day said in words right after a month ("april second to april fifth", "june ten
/// to june thirteen"), as speech-to-text writes it, is that day; a count after the month is no
/// day ("in march two adults").
#[test]
fn a_day_in_words_after_its_month_is_that_day() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "we are two adults and two teenagers from april second to april fifth",
            "2027-04-02",
            "2027-04-05",
        ),
        (
            "six friends from june ten to june thirteen",
            "2027-06-10",
            "2027-06-13",
        ),
        (
            "from january twenty first to january twenty fourth for 2",
            "2027-01-21",
            "2027-01-24",
        ),
        (
            "march first to march third, 4 of us",
            "2027-03-01",
            "2027-03-03",
        ),
        (
            "july ten to july twelve, 2 of us",
            "2027-07-10",
            "2027-07-12",
        ),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, Some(d(check_in)), "{text}: {u:?}");
        assert_eq!(u.check_out, Some(d(check_out)), "{text}: {u:?}");
    }
    for (text, guests) in [
        ("in march two adults", 2),
        ("sometime in april four people", 4),
    ] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}: {u:?}");
        assert_eq!(u.guests, Some(guests), "{text}: {u:?}");
    }
}

#[test]
fn a_verb_of_keeping_with_the_stay_as_it_was_keeps_it_as_is() {
    for text in [
        "ah bueno entonces dejamos las fechas que teniamos",
        "no bueno deja la reserva como estaba",
        "mantené las fechas originales",
        "ok then keep the dates we had",
        "fine, leave the booking as it was",
        "então deixa as datas que a gente tinha",
        "mantém a reserva como estava",
    ] {
        assert!(read(text).keeps_as_is, "{text}");
    }
    // Leaving a day before, staying one more night: no stay kept as it was.
    for text in [
        "nos quedamos una noche mas",
        "we leave the day before",
        "dejamos el auto en la entrada?",
    ] {
        assert!(!read(text).keeps_as_is, "{text}");
    }
}

#[test]
fn nights_said_with_a_holiday_are_the_stay_from_its_arrival() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "para navidad, 3 noches, somos 2",
            "2026-12-24",
            "2026-12-27",
        ),
        (
            "for christmas, 3 nights, 2 of us",
            "2026-12-24",
            "2026-12-27",
        ),
        ("pro natal, 3 noites", "2026-12-24", "2026-12-27"),
        ("semana santa 2 noches somos 4", "2027-03-25", "2027-03-27"),
        ("para fin de año 5 noches", "2026-12-30", "2027-01-04"),
        (
            "para año nuevo llegamos el 29, 4 noches",
            "2026-12-29",
            "2027-01-02",
        ),
        (
            "finde largo de agosto, 4 noches",
            "2027-08-13",
            "2027-08-17",
        ),
        // Nights that fit in a long weekend's days off start on its first day off; more
        // start the evening before.
        ("carnaval 3 noches", "2027-02-06", "2027-02-09"),
        ("carnaval 4 noches", "2027-02-05", "2027-02-09"),
        ("finde largo de julio, 2 noches", "2027-07-09", "2027-07-11"),
        // Nights added stretch the holiday's stay instead.
        (
            "para carnaval, nos quedamos una noche mas",
            "2027-02-05",
            "2027-02-10",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

#[test]
fn an_option_preferred_by_its_place_is_a_pick_by_position() {
    for (text, n) in [
        ("Hola,\nPrefiero la segunda opción.\nDiego", 2),
        ("prefiero la segunda opcion", 2),
        ("Hi, I'd rather take the second option", 2),
        ("Oi, prefiro a segunda opção", 2),
        ("la primera", 1),
    ] {
        assert_eq!(
            read(text).choice,
            Some(crate::nlu::Choice::Position(n)),
            "{text}"
        );
    }
}

#[test]
fn nights_said_right_after_a_month_are_no_day_of_it() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "el finde largo de junio 3 noches para 4",
            "2027-06-18",
            "2027-06-21",
        ),
        (
            "finde largo de julio 2 noches para 4",
            "2027-07-09",
            "2027-07-11",
        ),
        (
            "el finde largo de agosto 1 noche",
            "2027-08-14",
            "2027-08-15",
        ),
        (
            "the long weekend in june 3 nights for 4",
            "2027-06-18",
            "2027-06-21",
        ),
        (
            "feriado prolongado de junho 3 noites para 4",
            "2027-06-18",
            "2027-06-21",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out, u.no_long_weekend_in),
            (Some(d(check_in)), Some(d(check_out)), None),
            "{text}"
        );
    }
    // A day after the month is still its day: "junio 3 al 6".
    let u = read("junio 3 al 6 para 2");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d("2027-06-03")), Some(d("2027-06-06")))
    );
}

#[test]
fn an_arrival_said_after_a_holiday_starts_its_stay() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "el feriado de la diversidad cultural llegamos el viernes 8, 3 noches, somos 2",
            "2027-10-08",
            "2027-10-11",
        ),
        (
            "para el feriado del 12 de octubre llegamos el 8, 3 noches",
            "2027-10-08",
            "2027-10-11",
        ),
        (
            "feriado de carnaval llegamos un dia antes el viernes 5 y son 4 noches",
            "2027-02-05",
            "2027-02-09",
        ),
        (
            "para carnaval llegamos un dia antes, 4 personas",
            "2027-02-04",
            "2027-02-09",
        ),
        (
            "nas férias de julho, de 10 a 15, somos 4",
            "2027-07-10",
            "2027-07-15",
        ),
        (
            "vacaciones de julio del 10 al 15",
            "2027-07-10",
            "2027-07-15",
        ),
        // A holiday named with nights and no arrival said: from its day.
        (
            "el feriado del 9 de julio 3 noches",
            "2027-07-09",
            "2027-07-12",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

#[test]
fn a_holiday_named_on_its_long_weekends_monday_with_nights_is_that_long_weekend() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "el feriado de san martin 2 noches",
            "2027-08-14",
            "2027-08-16",
        ),
        (
            "el feriado de guemes dos noches para 4",
            "2027-06-19",
            "2027-06-21",
        ),
        (
            "feriado de 1 de maio de 2028, 2 noites",
            "2028-04-29",
            "2028-05-01",
        ),
        (
            "3 noches desde el feriado de san martin",
            "2027-08-16",
            "2027-08-19",
        ),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
}

#[test]
fn conv89_a_day_said_in_words_before_an_ambiguous_month_is_that_months_day() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for (text, check_in, check_out) in [
        (
            "quero a arrayan do dia dez ao dia doze de marco pra dois",
            "2027-03-10",
            "2027-03-12",
        ),
        ("de onze a treze de marco", "2027-03-11", "2027-03-13"),
        (
            "do dia vinte ao dia vinte e dois de marco",
            "2027-03-20",
            "2027-03-22",
        ),
        ("del diez al doce de marzo", "2027-03-10", "2027-03-12"),
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{text}"
        );
    }
    // A name is still a name.
    assert_eq!(read("hola soy marco").month, None);
    assert_eq!(read("el marco de la puerta").month, None);
}

#[test]
fn conv89_kids_with_their_age_before_them_count() {
    for (text, guests) in [
        ("my wife and I, plus our two teenage kids, june 7 to 11", 4),
        ("my wife and I plus our two little kids, june 7 to 11", 4),
        (
            "my husband and I with our three young children, june 7 to 11",
            5,
        ),
        ("me and my wife and our two small kids, june 7 to 11", 4),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
}

#[test]
fn conv89_no_pets_had_is_no_pets_and_no_question_about_them() {
    for text in [
        "We don't have pets. june 7 to 11, we are 4",
        "we have no pets, june 7 to 11, we are 4",
        "no pets. june 7 to 11, we are 4",
        "no tenemos mascotas. del 7 al 11 de junio, somos 4",
        "no tengo perro, somos 4 del 7 al 11 de junio",
        "não temos animais, somos 4 de 7 a 11 de junho",
    ] {
        let u = read(text);
        assert!(u.no_pets, "{text}: {u:?}");
        assert_ne!(u.info_topic, Some(InfoTopic::Pets), "{text}");
    }
    // A pet had, or asked about, stays one.
    for text in [
        "tenemos un perro, somos 4",
        "do you allow pets? we are 4",
        "¿no aceptan mascotas?",
    ] {
        assert!(!read(text).no_pets, "{text}");
    }
}

#[test]
fn a_cabin_with_the_verb_alone_goes_on_with_the_last_question() {
    for text in [
        "a Lenga aceita?",
        "el arrayan acepta?",
        "y la lenga tiene?",
        "does the Lenga?",
        "the Coihue has?",
        "e a Arrayán tem?",
    ] {
        assert!(read(text).follows_on, "{text}");
    }
    for text in ["la lenga tiene pileta?", "reservame la lenga"] {
        assert!(!read(text).follows_on, "{text}");
    }
}

#[test]
fn a_booking_after_si_no_is_the_other_choice() {
    let u = read(
        "el arrayan acepta mascotas? si no, reservame la coihue del 3 al 6 de mayo para 2 con mi perro",
    );
    let c = u.if_so.expect("a condition");
    assert_eq!(c.subject.as_deref(), Some("Cabaña Arrayán"));
    assert_eq!(c.otherwise.as_deref(), Some("Cabaña Coihue"));
}

#[test]
fn a_head_count_said_with_couples_and_children_not_counted_is_the_party() {
    for (text, guests) in [
        (
            "buenas! somos 8, dos parejas con sus hijos, del 25 al 28 de marzo",
            8,
        ),
        ("somos 10, tres parejas con los chicos", 10),
        ("somos 7, 2 matrimonios con los nenes", 7),
        ("we're 8, two couples with their kids, march 25 to 28", 8),
        ("somos 8, dois casais com os filhos, de 25 a 28 de março", 8),
        ("somos 6, 4 adultos y los chicos", 6),
        // Children counted: as before ("dos parejas con sus hijos" alone says no head count).
        ("somos 2 parejas con 3 chicos", 7),
        ("somos 8 amigos, 4 parejas", 8),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
}

#[test]
fn portuguese_numbers_spelled_out_say_the_message_is_portuguese() {
    for text in [
        "somos dois de 10/02 a 14/02",
        "seremos oito de 3/3 a 6/3",
        "somos quatro, 10/02 a 13/02",
    ] {
        assert_eq!(read(text).language, Some(crate::Language::Pt), "{text}");
    }
}

#[test]
fn a_child_asked_about_in_portuguese_is_the_kids_question() {
    for text in [
        "pode levar criança?",
        "da pra levar as crianças?",
        "posso trazer as crianças?",
        "criança pode ir?",
    ] {
        assert_eq!(read(text).feature, Some(Feature::Kids), "{text}");
    }
}

#[test]
fn a_pick_by_price_said_with_the_stay_is_read_with_it() {
    for text in [
        "mmm la mas barata de las dos entonces somos 4 del 3 al 6 de mayo",
        "the cheapest one then, 4 of us from May 3 to May 6",
        "a mais barata entao, somos 4 de 3 a 6 de maio",
    ] {
        let u = read(text);
        assert_eq!(u.choice, Some(Choice::Cheapest), "{text}");
        assert_eq!(u.guests, Some(4), "{text}");
        assert!(u.check_in.is_some(), "{text}");
    }
}

#[test]
fn the_weekend_after_this_one_is_the_other_weekend_in_every_language() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "do you have anything for 2 the weekend after this one?",
        "anything for 2 the weekend after this?",
        "anything for 2 not this weekend but the one after?",
        "tienen algo para 2 el finde despues de este?",
        "hay algo para 2 el fin de semana siguiente a este?",
        "tem algo pra 2 no fim de semana depois desse?",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-20")), Some(d("2026-11-22"))),
            "{text}"
        );
    }
}

#[test]
fn the_weekend_after_this_one_said_on_a_saturday_starts_next_friday() {
    let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).expect("date");
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "do you have anything for 2 the weekend after this one?",
        "el finde despues de este para 2",
        "o fim de semana depois deste, pra 2",
    ] {
        let u = understand(text, saturday, NAMES);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-12-11")), Some(d("2026-12-13"))),
            "{text}"
        );
    }
}

#[test]
fn a_pet_not_brought_with_a_verb_of_going_to_is_no_pet() {
    for text in [
        "no vamos a llevar al perro",
        "al final no vamos a llevar a la perrita",
        "we won't be bringing a dog",
        "we will not be bringing our dog",
        "we're not going to bring the dog",
        "não vamos levar o cachorro",
    ] {
        let u = read(text);
        assert!(!u.pets, "{text}");
        assert!(!u.features.contains(&Feature::Pets), "{text}");
    }
    // A pet brought, or asked about, stays one.
    for text in [
        "vamos a llevar al perro",
        "we're bringing our dog",
        "¿puedo llevar al perro?",
    ] {
        assert!(read(text).pets, "{text}");
    }
}

#[test]
fn may_with_its_day_in_words_is_the_month_inside_a_range() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "may ten to may twelve for 2",
        "from may ten to twelve",
        "may ten to twelve please",
        "between may ten and may twelve",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2027-05-10")), Some(d("2027-05-12"))),
            "{text}"
        );
    }
    // The verb keeps its number: a head count, no date.
    let u = read("may two of us come?");
    assert_eq!((u.check_in, u.guests), (None, Some(2)));
}

#[test]
fn couples_with_their_children_uncounted_leave_the_party_untold() {
    for text in [
        "somos dos parejas con sus hijos, del 3 al 5 de marzo",
        "dos parejas y los chicos",
        "two couples with their kids, march 3 to 5",
        "we are two couples with the kids",
        "dois casais com os filhos",
    ] {
        assert_eq!(read(text).guests, None, "{text}");
    }
    // Counted children, or the whole said, count.
    for (text, guests) in [
        ("somos 8, dos parejas con sus hijos", 8),
        ("dos parejas con sus hijos, 9 en total", 9),
        ("dos parejas con 3 chicos", 7),
        ("somos 2 parejas", 4),
        ("mi esposa y yo con nuestros dos hijos", 4),
    ] {
        assert_eq!(read(text).guests, Some(guests), "{text}");
    }
}

#[test]
fn the_other_weekend_is_a_date_and_another_weekend_the_one_after_the_stay() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "how about the other weekend?",
        "tem vaga no outro fim de semana pra 2?",
        "o outro final de semana",
        "el otro finde",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-20")), Some(d("2026-11-22"))),
            "{text}"
        );
    }
    for text in [
        "y otro finde?",
        "another weekend?",
        "e outro fim de semana?",
        "¿y otra semana?",
    ] {
        let u = read(text);
        assert_eq!(u.check_in, None, "{text}");
        assert!(u.following_week, "{text}");
    }
}

#[test]
fn entering_at_an_hour_asks_the_check_in_time_not_how_many_fit() {
    for text in [
        "a q hora entramos?",
        "y a que hora entramos?",
        "desde que hora entran los huespedes?",
        "a partir de q hora entramos a la cabaña?",
        "me reenvias la direccion y a q hora entramos",
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::CheckInTime), "{text}: {u:?}");
        assert!(!u.topics.contains(&InfoTopic::Capacity), "{text}: {u:?}");
    }
    for text in [
        "entramos 5 en la coihue?",
        "cuantos entran en la lenga?",
        "entramos todos en la lenga?",
    ] {
        let u = read(text);
        assert!(u.topics.contains(&InfoTopic::Capacity), "{text}: {u:?}");
    }
}

#[test]
fn a_weekend_refused_with_its_reason_gives_way_to_the_other_one() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "este finde no puedo pero el otro finde somos 4",
        "el finde no podemos, el otro si, somos 2",
        "este fin de semana no nos sirve, el otro si",
        "este finde no me sirve, el que viene si, somos 2",
        "esse fim de semana não dá, mas o outro sim, somos 2",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-20")), Some(d("2026-11-22"))),
            "{text}"
        );
    }
}

#[test]
fn dates_or_a_holiday_refused_give_way_to_the_ones_said_after_them() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "del 8 al 10 de marzo no podemos, pero del 15 al 17 si, somos 2",
        "de 8 a 10 de março não dá, mas de 15 a 17 sim, somos 2",
        "el 8 de marzo no puedo, mejor del 15 al 17",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2027-03-15")), Some(d("2027-03-17"))),
            "{text}"
        );
    }
    for text in [
        "carnaval no podemos, semana santa si, somos 4",
        "el finde largo de carnaval no, el de semana santa, somos 2",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2027-03-25")), Some(d("2027-03-28"))),
            "{text}"
        );
        assert_eq!(
            u.period.map(|p| p.period),
            Some(super::Period::HolyWeek),
            "{text}"
        );
    }
}

#[test]
fn dates_refused_with_nothing_said_instead_are_kept() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let u = read("del 8 al 10 de marzo no podemos pagar todo junto, se puede en cuotas?");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d("2027-03-08")), Some(d("2027-03-10")))
    );
    let u = read("llegamos el 8 de marzo, no? y nos vamos el 10");
    assert_eq!(
        (u.check_in, u.check_out),
        (Some(d("2027-03-08")), Some(d("2027-03-10")))
    );
}

#[test]
fn a_yes_set_against_a_no_says_which_one_and_agrees_to_nothing() {
    for text in [
        "esse fim de semana não dá, mas o outro sim",
        "este finde no puedo, el otro sí",
        "la Ñire no, la Coihue sí",
    ] {
        assert!(!read(text).affirmative, "{text} should not agree");
    }
    for text in ["sí, dale", "sim, pode reservar", "la Coihue, sí"] {
        assert!(read(text).affirmative, "{text} should agree");
    }
}

#[test]
fn a_count_said_again_is_the_party_not_people_added() {
    for text in [
        "al final somos 4 otra vez",
        "somos 4 otra vez",
        "so 4 again",
        "ok we are 4 again, the one with the jacuzzi",
        "são 4 de novo",
        "somos 4 outra vez",
    ] {
        let u = read(text);
        assert_eq!((u.guests, u.extra_guests), (Some(4), None), "{text}");
    }
    // People added are still added.
    assert_eq!(read("somos 2 mas").extra_guests, Some(2));
}

#[test]
fn the_booking_erased_is_a_cancel() {
    for text in [
        "hola de nuevo mira surgio un problema en el laburo asi que borrame la reserva porfa",
        "eliminá mi reserva porfa",
        "borren la reserva por favor",
        "pode apagar a minha reserva",
        "please delete my booking",
        "can you remove my reservation?",
    ] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    assert_ne!(read("borrá el mensaje anterior").intent, Intent::Cancel);
}

#[test]
fn an_ordinal_turned_down_points_at_the_next() {
    for text in [
        "la primera no, la segunda",
        "la primera no la segunda",
        "not the first one, the second",
        "a primeira não, a segunda",
    ] {
        assert_eq!(read(text).choice, Some(Choice::Position(2)), "{text}");
    }
    assert_eq!(
        read("la primera no tiene jacuzzi?").choice,
        Some(Choice::Position(1))
    );
}

#[test]
fn the_booking_taken_away_is_a_cancel() {
    for text in ["sacame la reserva porfa", "che, saca mi reserva"] {
        assert_eq!(read(text).intent, Intent::Cancel, "{text}");
    }
    assert_ne!(
        read("quiero sacar una reserva para marzo").intent,
        Intent::Cancel
    );
}

#[test]
fn a_whole_party_told_apart_with_children_uncounted_is_the_whole() {
    for text in [
        "Somos dez pessoas (três casais e dois amigos com filhos) e queremos ir de 10 a 13 de maio",
        "somos 10 personas (3 parejas y 2 amigos con sus hijos), del 10 al 13 de mayo",
        "We are 10 people (3 couples and 2 friends with their kids), May 10 to 13",
    ] {
        assert_eq!(read(text).guests, Some(10), "{text}");
    }
    // Children counted still add to the parties told apart from no whole.
    assert_eq!(read("somos 2 parejas y 3 chicos").guests, Some(7));
}

#[test]
fn whether_they_can_host_the_party_is_no_question_about_the_keys() {
    for text in [
        "Vocês conseguem nos receber?",
        "podem receber a gente de 10 a 13 de maio?",
        "¿pueden recibirnos del 10 al 13 de mayo? somos 10",
    ] {
        assert_ne!(read(text).info_topic, Some(InfoTopic::Keys), "{text}");
    }
    for text in [
        "¿quién nos recibe cuando llegamos?",
        "las llaves donde las retiramos?",
    ] {
        assert_eq!(read(text).info_topic, Some(InfoTopic::Keys), "{text}");
    }
}

#[test]
fn a_feature_wished_for_in_the_conditional_is_wanted() {
    for text in [
        "We're 4, Feb 16 to 19, and we'd love a hot tub if you have one",
        "we would love a jacuzzi",
        "I'd like a cabin with a jacuzzi",
    ] {
        assert!(read(text).features.contains(&Feature::Jacuzzi), "{text}");
    }
}

#[test]
fn pets_and_a_size_together_pick_by_the_size() {
    for text in [
        "the one that takes dogs and is bigger",
        "la que acepta perros y es mas grande",
        "a que aceita cachorro e é maior",
    ] {
        assert_eq!(read(text).choice, Some(Choice::Largest), "{text}");
    }
    assert_eq!(
        read("la que acepta perros").choice,
        Some(Choice::PetFriendly)
    );
}

#[test]
fn we_now_go_from_one_day_to_another_is_a_stay_not_a_head_count() {
    for text in [
        "mudou, agora vamos de 10 a 13",
        "ahora vamos de 10 a 13",
        "al final vamos de 10 a 13",
    ] {
        let u = read(text);
        let day = |d: Option<NaiveDate>| d.map(|d| chrono::Datelike::day(&d));
        assert_eq!(day(u.check_in), Some(10), "{text}");
        assert_eq!(day(u.check_out), Some(13), "{text}");
    }
    // Said alone, a range after "vamos de" stays how many they may be.
    assert_eq!(read("vamos de 10 a 13").check_in, None);
}

#[test]
fn parties_sized_with_each_are_told_apart() {
    for text in [
        "We are 2 families, 4 people each, Jan 22 to 25",
        "somos duas famílias, 4 pessoas cada, de 22 a 25 de janeiro",
        "somos 2 familias, 4 personas cada una, del 22 al 25 de enero",
    ] {
        let u = read(text);
        assert_eq!(u.parties, vec![4, 4], "{text}");
        assert_eq!(u.guests, Some(8), "{text}");
    }
}

#[test]
fn a_child_joined_to_a_couple_counts_one_more() {
    for text in [
        "we're a couple and our baby, Jan 9 to 12",
        "we're a couple and our son",
        "somos una pareja y nuestro bebe, del 9 al 12 de enero",
        "somos um casal e nosso bebê, de 9 a 12 de janeiro",
        "we are a couple plus our baby",
    ] {
        assert_eq!(read(text).guests, Some(3), "{text}");
    }
    assert_eq!(read("we're a couple and our 2 kids").guests, Some(4));
}

/// A voice note's yes: "si" after the fillers speech-to-text keeps ("eh si", "o sea si"), and
/// a conditional "si" after them still no yes.
#[test]
fn a_yes_after_spoken_fillers() {
    for text in [
        "eh si",
        "o sea si",
        "mmm si dale",
        "bueno nada si",
        "este si",
    ] {
        assert!(read(text).affirmative, "{text} should agree");
    }
    for text in [
        "eh si tienen lugar para el 5?",
        "o sea si hay algo mas barato mejor",
    ] {
        assert!(!read(text).affirmative, "{text} should not agree");
    }
    for text in ["dejame pensarlo", "dejenme ver", "mmm lo tengo que pensar"] {
        let u = read(text);
        assert!(u.defers && !u.affirmative, "{text}");
    }
}

/// "Ok what about the Lenga?", "cool, how about the Coihue?", "joya, y la lenga?": a nod, then a
/// cabin asked about as the last question was.
#[test]
fn a_cabin_asked_on_after_a_nod() {
    for text in [
        "ok what about the Lenga",
        "cool, how about the Coihue?",
        "alright and the Ñire?",
        "joya, y la lenga?",
        "tá certo, e a Lenga?",
    ] {
        assert!(read(text).follows_on, "{text}");
    }
    assert!(!read("ok what do you have for March?").follows_on);
}

#[test]
fn a_message_that_only_hesitates_or_asks_for_time_in_portuguese_puts_off() {
    for text in [
        "mmm",
        "hmm",
        "ehh",
        "mmm no se",
        "hmmm não sei",
        "mm a ver",
        "deixa eu pensar",
        "deixa eu ver e te aviso",
    ] {
        let u = read(text);
        assert!(u.defers, "{text}");
        assert!(!u.affirmative, "{text}");
    }
    // A hesitation before a yes or a question is that yes or question.
    for text in ["hm dale", "mmm y la lenga?", "meh", "no se puede?"] {
        assert!(!read(text).defers, "{text}");
    }
    for text in ["mmm si", "mmmm si", "ehh si", "hmmm ok"] {
        assert!(read(text).affirmative, "{text}");
    }
}

#[test]
fn the_party_said_with_a_gente_is_counted() {
    for (text, n) in [
        ("tem algo pro ano novo? a gente é em 2", 2),
        ("a gente é 4, de 3 a 6 de março", 4),
        ("reserva a arrayan pra gente, dois, de 6 a 9 de março", 2),
        ("a gente vai ser em cinco", 5),
        ("tem vaga para a gente? três pessoas", 3),
    ] {
        assert_eq!(read(text).guests, Some(n), "{text}");
    }
}

#[test]
fn one_guests_own_departure_day_ends_the_stay() {
    for text in [
        "chego dia 10 de dezembro e saio dia 13",
        "llego el 10 de diciembre y salgo el 13",
        "chego dia 10 de dezembro e volto dia 13",
        "llego el 10 de diciembre, vuelvo el 13",
    ] {
        let u = read(text);
        let day = |d: Option<NaiveDate>| d.map(|d| chrono::Datelike::day(&d));
        assert_eq!(day(u.check_in), Some(10), "{text}");
        assert_eq!(day(u.check_out), Some(13), "{text}");
    }
}

#[test]
fn a_weekend_the_guest_cannot_reach_gives_way_to_the_other_one() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    for text in [
        "este finde no llegamos, el otro finde somos 4",
        "este finde no alcanzamos pero el otro si, somos 2",
        "esse fim de semana não chegamos, mas o outro sim, somos 2",
    ] {
        let u = read(text);
        assert_eq!(
            (u.check_in, u.check_out),
            (Some(d("2026-11-20")), Some(d("2026-11-22"))),
            "{text}"
        );
    }
}

#[test]
fn a_month_said_with_its_year_keeps_the_year() {
    for (text, year) in [
        ("we are planning a trip for January 2028", 2028),
        ("queremos ir en marzo 2028", 2028),
        ("vamos em maio de 2028", 2028),
    ] {
        let u = read(text);
        assert!(u.month.is_some(), "{text}: {u:?}");
        assert_eq!(u.month_year, Some(year), "{text}");
    }
    assert_eq!(read("queremos ir en marzo").month_year, None);
}

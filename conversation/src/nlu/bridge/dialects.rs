//! The Spanish of guests from other countries, read as the Argentine words the parsers know:
//! a Mexican "sale, apártemela", a Spaniard's "vale, la cogemos", a Colombian "¿me regala la
//! Arrayán del 8 al 10?" or "¿cómo le hago para pagar el anticipo?" book and ask as "dale,
//! reservámela" does.
//!
//! Rules:
//! - plain words and phrases are in the bridge's table (`words.rs`, "Spanish of other
//!   countries"): "apartar" is "reservar", "aparcamiento" "estacionamiento", "recámaras"
//!   "dormitorios";
//! - here are the words that need their neighbours: "vale", "sale", "va" and "okey" say yes
//!   only where they open the message or a clause and end it ("vale, reservadla"; "¿cuánto
//!   vale?" and "¿cuánto sale?" stay prices); "hágale", "ándale" and "órale" say it wherever
//!   they open one ("órale, me late la del jacuzzi");
//! - a Chilean "po", a Peruvian "pe" and a closing "pues" end a clause without adding to it
//!   ("bacán po", "ándale pues"): dropped; after a "ya" alone they make it a yes ("ya po",
//!   "ya pe"), which "ya" alone is not (it is "already" too);
//! - "separar" books after a verb of wanting or asking ("quisiera separar la Coihue", "¿me
//!   puede separar…?"); "separar las camas" stays;
//! - "me regala la …" books a cabin, but "me regala la información", "el precio" only ask for
//!   it.

use super::{super::normalize::Token, word};

/// Words that say yes where they open a clause and stand alone in it.
/// "Prima" is a Dutch or German traveller's "fine" ("prima, we take it").
const YES: &[&str] = &[
    "vale", "sale", "va", "okey", "oki", "okis", "sipo", "sipi", "prima",
];

/// Words that say yes wherever they open a clause ("hágale con la Coihue").
const GO_AHEAD: &[&str] = &["hagale", "andale", "orale", "hagamosle", "dele"];

/// Tags that close a clause and add nothing to it.
const TAGS: &[&str] = &["po", "pe", "pues", "pos"];

/// Verbs before "separar" that make it holding a cabin.
#[rustfmt::skip]
const ASK_TO: &[&str] = &[
    "quiero", "quisiera", "queremos", "quisieramos", "queria", "queriamos", "deseo", "deseamos",
    "gustaria", "necesito", "necesitamos", "puede", "pueden", "podria", "podrian", "podes",
    "podeis", "puedes", "podemos", "puedo", "vamos", "voy",
];

/// What a guest asks to be given ("¿me regala la información?"): asked for, never booked.
#[rustfmt::skip]
const ASKED: &[&str] = &[
    "informacion", "info", "disponibilidad", "direccion", "ubicacion", "tarifa", "tarifas",
    "precio", "precios", "valor", "valores", "cotizacion", "foto", "fotos", "numero", "mail",
    "correo", "dato", "datos", "link", "enlace", "hora", "horario", "horarios", "clave",
    "contrasena", "ubicacion", "cuenta", "sena", "factura", "comprobante", "respuesta",
];

/// The verbs of "¿me regala…?", "¿me regalan…?", "¿nos regalaría…?".
const GIVE: &[&str] = &[
    "regala",
    "regalas",
    "regalan",
    "regalaria",
    "regalarian",
    "regale",
    "regalen",
];

/// Rewrites the tokens; see the module docs.
pub(super) fn read(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let opens = i == 0 || tokens[i - 1].punct_after;
        let ends = tokens[i].punct_after || i + 1 == tokens.len();
        // "bacán po", "ya pe", "ándale pues": the tag's clause ends on the word before it.
        // A "ya" alone before it is a Chilean or Peruvian yes ("ya po", "ya pe", "ya pues").
        if i > 0 && ends && tokens[i].is_any(TAGS) {
            let ya_alone = tokens[i - 1].is("ya") && (i == 1 || tokens[i - 2].punct_after);
            if let Some(last) = out.last_mut() {
                if ya_alone {
                    *last = word("dale", last.punct_after);
                }
                last.punct_after |= tokens[i].punct_after;
            }
            i += 1;
            continue;
        }
        let says_yes = (ends && tokens[i].is_any(YES)) || tokens[i].is_any(GO_AHEAD);
        if opens && says_yes {
            out.push(word("dale", tokens[i].punct_after));
            i += 1;
            continue;
        }
        let separar = [
            "separar",
            "separarla",
            "separarlo",
            "separarme",
            "separarnos",
        ];
        // "quiero separar la Coihue", "¿me la puede separar?", "¿nos podría separar…?"
        let asked_to = |k: usize| i >= k && tokens[i - k].is_any(ASK_TO);
        let clitic = i >= 1 && tokens[i - 1].is_any(&["la", "lo", "me", "nos", "le"]);
        if tokens[i].is_any(&separar) && (asked_to(1) || clitic && asked_to(2)) {
            let text = tokens[i].text.replacen("separar", "reservar", 1);
            out.push(word(&text, tokens[i].punct_after));
            i += 1;
            continue;
        }
        // "me regala la Arrayán del 8 al 10": "reservame la Arrayán …".
        let gives = tokens[i].is_any(&["me", "nos"])
            && tokens.get(i + 1).is_some_and(|t| t.is_any(GIVE))
            && tokens.get(i + 2).is_some_and(|t| t.is_any(&["la", "el"]))
            && tokens.get(i + 3).is_some_and(|t| !t.is_any(ASKED));
        if gives {
            out.push(word("reservame", false));
            i += 2;
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

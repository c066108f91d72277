//! `ask_info` answers from the accommodations' own data: photos (sent as WhatsApp images),
//! amenities, location, pets, check-in and check-out times.

use booking::Accommodation;

use crate::{Place, Say, nlu::InfoTopic};

fn text(t: String) -> Say {
    Say::Text(t)
}

pub fn answer(
    topic: InfoTopic,
    property: &Place,
    all: &[Accommodation],
    named: Option<&str>,
) -> Vec<Say> {
    let chosen: Vec<&Accommodation> = match named.and_then(|n| all.iter().find(|a| a.name == n)) {
        Some(a) => vec![a],
        None => all.iter().collect(),
    };
    match topic {
        InfoTopic::Photos => photos(&chosen),
        InfoTopic::Amenities => vec![text(
            chosen
                .iter()
                .map(|a| {
                    if a.amenities.is_empty() {
                        format!("• {}: {}", a.name, a.description)
                    } else {
                        format!("• {}: {}", a.name, a.amenities.join(", "))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n¿Querés saber algo más? 😊",
        )],
        InfoTopic::Location => vec![text(match &property.address {
            Some(address) => format!("Estamos en {address} 📍 ¿Querés que te pase cómo llegar?"),
            None => "Te pasamos la ubicación exacta apenas confirmes la reserva 📍".to_owned(),
        })],
        InfoTopic::Pets => {
            let (yes, no): (Vec<&&Accommodation>, Vec<&&Accommodation>) =
                chosen.iter().partition(|a| a.pets_allowed);
            let names = |v: &[&&Accommodation]| {
                v.iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            vec![text(match (yes.is_empty(), no.is_empty()) {
                (false, true) => format!("¡Sí! Tu mascota es bienvenida 🐶 ({})", names(&yes)),
                (true, _) => "Uy, por ahora no aceptamos mascotas 😕".to_owned(),
                (false, false) => format!(
                    "En {} aceptamos mascotas 🐶; en {}, no.",
                    names(&yes),
                    names(&no)
                ),
            })]
        }
        InfoTopic::CheckInTime => vec![text(format!(
            "El check-in es a partir de las {} y el check-out hasta las {} 🕑",
            property.check_in_time.format("%H:%M"),
            property.check_out_time.format("%H:%M")
        ))],
    }
}

/// One image per accommodation that has photos; a text answer when none has any.
fn photos(chosen: &[&Accommodation]) -> Vec<Say> {
    let images: Vec<Say> = chosen
        .iter()
        .filter_map(|a| {
            a.photos.first().map(|link| Say::Image {
                link: link.clone(),
                caption: format!("{}: {}", a.name, a.description),
            })
        })
        .take(3)
        .collect();
    if !images.is_empty() {
        return images;
    }
    let described = chosen
        .iter()
        .map(|a| format!("• {}: {}", a.name, a.description))
        .collect::<Vec<_>>()
        .join("\n");
    vec![text(format!(
        "Todavía no tengo fotos para mandarte 🙈 Te cuento cómo son:\n{described}"
    ))]
}

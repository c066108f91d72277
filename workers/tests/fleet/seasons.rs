//! Seasons in the console (owners only) and in the bot's quotes: an owner adds a season to a
//! cabin over HTTP (signed in, with the form token); a guest on WhatsApp asking for nights
//! inside it is quoted the season's price, and a stay shorter than its minimum gets the
//! minimum-nights answer naming the season; staff booking by hand get the season's price and
//! may book fewer nights. Wrong fields, an overlap, a forged form, a staff account and another
//! property's owner change nothing.

use chrono::{Duration, NaiveDate};
use reqwest::StatusCode;

use crate::{
    console::{
        Cast, Http, add_staff, audited, code_in, graph_worker_and_console, nonce_of,
        owner_staff_and_another_property,
    },
    support::*,
};

const PHONE_NUMBER_ID: &str = "106540352242922";

fn season_form<'a>(
    token: &'a str,
    from: &'a str,
    to: &'a str,
    price: &'a str,
    min: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", token),
        ("name", "Temporada alta"),
        ("from", from),
        ("to", to),
        ("price", price),
        ("min_nights", min),
    ]
}

async fn seasons_of(fleet: &Fleet, cabin: i64) -> Vec<(String, NaiveDate, NaiveDate, f64, i32)> {
    sqlx::query_as(
        "SELECT name, starts_on, ends_on, price_per_night::float8, min_nights FROM seasons
         WHERE accommodation_id = $1 ORDER BY id",
    )
    .bind(cabin)
    .fetch_all(&fleet.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn an_owner_adds_a_season_and_the_bot_quotes_its_price_and_minimum() {
    let fleet = Fleet::new().await;
    let Cast {
        property,
        cabin,
        theirs,
        other,
    } = owner_staff_and_another_property(&fleet).await;
    add_staff(&fleet, other, "dueno@otro.test", "owner");
    let (graph, _w, base) = graph_worker_and_console(&fleet, "parse_intent,send_reply").await;

    // The season: 40 to 60 days from the property's today, $ 120.000 a night, 3 nights at least.
    let today = today_at(&fleet, property).await;
    let first = today + Duration::days(40);
    let last = today + Duration::days(60);
    let (from, to) = (first.to_string(), last.to_string());
    let add = format!("/admin/setup/cabins/{cabin}/seasons");

    // Staff are not owners: refused, nothing saved.
    let mut staff = Http::new(&base);
    let staff_token = staff.sign_in("ana@lago.test").await;
    let refused = staff
        .post(&add, &season_form(&staff_token, &from, &to, "120000", "3"))
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    // A forged form, wrong fields and another property's cabin: nothing saved.
    let forged = owner
        .post(&add, &season_form("", &from, &to, "120000", "3"))
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    for (form, code) in [
        (
            season_form(&token, &to, &from, "120000", "3"),
            "temporada-orden",
        ),
        (
            season_form(&token, &from, &to, "0", "3"),
            "temporada-precio",
        ),
        (
            season_form(&token, &from, &to, "120000", "0"),
            "temporada-minimo",
        ),
    ] {
        let wrong = owner.post(&add, &form).await;
        assert_eq!(
            wrong.location.as_deref(),
            Some(format!("/admin/setup?aviso={code}#seasons-{cabin}").as_str())
        );
    }
    let foreign = owner
        .post(
            &format!("/admin/setup/cabins/{theirs}/seasons"),
            &season_form(&token, &from, &to, "1", "1"),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    assert!(seasons_of(&fleet, cabin).await.is_empty());
    assert!(seasons_of(&fleet, theirs).await.is_empty());

    // Saved, then an overlapping one refused.
    let saved = owner
        .post(&add, &season_form(&token, &from, &to, "120.000", "3"))
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("/admin/setup?aviso=temporada-guardada#seasons-{cabin}").as_str())
    );
    let overlap_from = (last - Duration::days(1)).to_string();
    let overlap_to = (last + Duration::days(5)).to_string();
    let overlap = owner
        .post(
            &add,
            &season_form(&token, &overlap_from, &overlap_to, "90000", "2"),
        )
        .await;
    assert_eq!(
        overlap.location.as_deref(),
        Some(format!("/admin/setup?aviso=temporada-superpuesta#seasons-{cabin}").as_str())
    );
    let notice = owner
        .get("/admin/setup?aviso=temporada-superpuesta")
        .await
        .body;
    assert!(
        notice.contains("se superpone con otra temporada"),
        "{notice}"
    );
    assert_eq!(
        seasons_of(&fleet, cabin).await,
        vec![("Temporada alta".to_owned(), first, last, 120_000.0, 3)]
    );
    let page = owner.get("/admin/setup").await.body;
    assert!(
        page.contains("Temporada alta") && page.contains("120.000"),
        "{page}"
    );
    let season_id: i64 = sqlx::query_scalar("SELECT id FROM seasons WHERE accommodation_id = $1")
        .bind(cabin)
        .fetch_one(&fleet.db)
        .await
        .unwrap();

    // Another property's owner cannot remove it.
    let mut stranger = Http::new(&base);
    let their_token = stranger.sign_in("dueno@otro.test").await;
    let removed = stranger
        .post(
            &format!("/admin/setup/seasons/{season_id}/remove"),
            &[("csrf", their_token.as_str())],
        )
        .await;
    assert_eq!(removed.status, StatusCode::NOT_FOUND);
    assert_eq!(seasons_of(&fleet, cabin).await.len(), 1);

    // A guest asks for three nights inside it: three at the season's price (the cabin's
    // weekend multiplier is ×1.00), not the base $ 50.000.
    let day = |d: NaiveDate| d.format("%d/%m").to_string();
    let check_in = first + Duration::days(5);
    let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5491166000888", WA_SECRET);
    guest
        .say(&format!(
            "hola! tenés lugar del {} al {} para 2?",
            day(check_in),
            day(check_in + Duration::days(3))
        ))
        .await
        .unwrap();
    let replies = sent_texts_when(&graph, 1).await;
    assert!(replies[0].contains("360.000"), "{replies:?}");
    assert!(!replies[0].contains("150.000"), "{replies:?}");

    // Another asks for two: the minimum, the season, and the three nights from that day.
    let short = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5491166000999", WA_SECRET);
    short
        .say(&format!(
            "hola! tenés lugar del {} al {} para 2?",
            day(check_in),
            day(check_in + Duration::days(2))
        ))
        .await
        .unwrap();
    let replies = sent_texts_when(&graph, 2).await;
    let answer = &replies[1];
    assert!(
        answer.contains("mínima es de 3 noches") && answer.contains("Temporada alta"),
        "{answer}"
    );
    assert!(answer.contains("360.000"), "{answer}");

    // Staff book two nights by hand, under the minimum (which binds guests only), priced at
    // the season's price like the bot's quotes.
    let nonce = nonce_of(&staff.get("/admin/reservations/new").await.body);
    let (by_hand_in, by_hand_out) = (
        (first + Duration::days(12)).to_string(),
        (first + Duration::days(14)).to_string(),
    );
    let cabin_id = cabin.to_string();
    let made = staff
        .post(
            "/admin/reservations/new",
            &[
                ("csrf", staff_token.as_str()),
                ("nonce", &nonce),
                ("accommodation", &cabin_id),
                ("check_in", &by_hand_in),
                ("check_out", &by_hand_out),
                ("guests", "2"),
                ("name", "Teresa Teléfono"),
                ("hold_hours", "24"),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let total: f64 =
        sqlx::query_scalar("SELECT total_amount::float8 FROM reservations WHERE code = $1")
            .bind(code_in(made.location.as_deref()))
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    assert_eq!(total, 240_000.0);

    // The owner removes it: audited once each; the other property's attempt left no row.
    let gone = owner
        .post(
            &format!("/admin/setup/seasons/{season_id}/remove"),
            &[("csrf", token.as_str())],
        )
        .await;
    assert_eq!(
        gone.location.as_deref(),
        Some(format!("/admin/setup?aviso=temporada-borrada#seasons-{cabin}").as_str())
    );
    assert!(seasons_of(&fleet, cabin).await.is_empty());
    assert_eq!(audited(&fleet, "setup_season_add").await, 1);
    assert_eq!(audited(&fleet, "setup_season_remove").await, 1);
    fleet.drop_db().await;
}

//! The property's setup in the console (owners only): a cabin's price changed there is the
//! price the bot quotes to the next guest; the ways the balance is taken are what the bot
//! answers yes or no to; a cabin added is offered; wrong fields save nothing;
//! staff, forged forms and another property's cabin are refused; a description is shown as
//! text.

use reqwest::StatusCode;

use crate::{
    console::{Cast, Http, audited, graph_worker_and_console, owner_staff_and_another_property},
    support::*,
};

const PHONE_NUMBER_ID: &str = "106540352242922";

fn cabin_form<'a>(token: &'a str, name: &'a str, price: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", token),
        ("name", name),
        ("capacity", "4"),
        ("description", "Vista al lago <script>alert(1)</script>"),
        ("amenities", "WiFi, Parrilla"),
        ("pets", "si"),
        ("base_price", price),
        ("weekend_multiplier", "1"),
        ("deposit_percent", "30"),
        ("photos", ""),
        ("active", "si"),
    ]
}

async fn price_of(fleet: &Fleet, cabin: i64) -> f64 {
    sqlx::query_scalar("SELECT base_price_per_night::float8 FROM accommodations WHERE id = $1")
        .bind(cabin)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_owner_changes_a_cabin_and_the_bot_quotes_the_new_price() {
    let fleet = Fleet::new().await;
    let Cast { cabin, theirs, .. } = owner_staff_and_another_property(&fleet).await;
    let (graph, _w, base) = graph_worker_and_console(&fleet, "parse_intent,send_reply").await;

    let mut staff = Http::new(&base);
    let staff_token = staff.sign_in("ana@lago.test").await;
    assert_eq!(
        staff.get("/admin/setup").await.status,
        StatusCode::NOT_FOUND
    );
    let refused = staff
        .post(
            &format!("/admin/setup/cabins/{cabin}"),
            &cabin_form(&staff_token, "Cabaña Coihue", "99.999"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    let page = owner.get("/admin/setup").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Cabaña Coihue"), "{}", page.body);
    let before = price_of(&fleet, cabin).await;

    // Forged, wrong, and another property's: nothing changes.
    let forged = owner
        .post(
            &format!("/admin/setup/cabins/{cabin}"),
            &cabin_form("", "Cabaña Coihue", "99.999"),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let mut wrong = cabin_form(&token, "Cabaña Coihue", "99.999");
    wrong[2] = ("capacity", "0");
    let wrong = owner
        .post(&format!("/admin/setup/cabins/{cabin}"), &wrong)
        .await;
    assert_eq!(
        wrong.location.as_deref(),
        Some("/admin/setup?aviso=capacidad")
    );
    let other = owner
        .post(
            &format!("/admin/setup/cabins/{theirs}"),
            &cabin_form(&token, "Tomada", "1"),
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert_eq!(price_of(&fleet, cabin).await, before);
    assert_eq!(price_of(&fleet, theirs).await, 50_000.0);

    // The new price, then the bot quotes it.
    let saved = owner
        .post(
            &format!("/admin/setup/cabins/{cabin}"),
            &cabin_form(&token, "Cabaña Coihue", "99.999"),
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some("/admin/setup?aviso=guardado")
    );
    assert_eq!(price_of(&fleet, cabin).await, 99_999.0);
    let shown = owner.get("/admin/setup").await.body;
    assert!(
        shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !shown.contains("<script>"),
        "the description is text"
    );

    // A second cabin, and a duplicate name refused.
    let added = owner
        .post(
            "/admin/setup/cabins/new",
            &cabin_form(&token, "Cabaña Maitén", "70000"),
        )
        .await;
    assert_eq!(
        added.location.as_deref(),
        Some("/admin/setup?aviso=guardado")
    );
    let twice = owner
        .post(
            "/admin/setup/cabins/new",
            &cabin_form(&token, "Cabaña Maitén", "70000"),
        )
        .await;
    assert_eq!(
        twice.location.as_deref(),
        Some("/admin/setup?aviso=nombre-repetido")
    );

    let url = base.clone();
    let guest = Guest::whatsapp(&url, PHONE_NUMBER_ID, "5491166000777", WA_SECRET);
    let check_in = (chrono::Utc::now() + chrono::Duration::days(40)).date_naive();
    guest
        .say(&format!(
            "hola! cuanto sale la noche en la coihue del {} al {} para 2?",
            check_in.format("%d/%m"),
            (check_in + chrono::Duration::days(2)).format("%d/%m")
        ))
        .await
        .unwrap();
    let replies = sent_texts_when(&graph, 1).await;
    assert!(
        replies[0].contains("99.999") || replies[0].contains("199.998"),
        "{replies:?}"
    );
    assert_eq!(
        audited(&fleet, "setup_cabin").await,
        2,
        "each save audited, refusals not"
    );
    fleet.drop_db().await;
}

fn property_form(token: &str, transfer: bool) -> Vec<(&str, &str)> {
    let mut form = vec![
        ("csrf", token),
        ("address", "Ruta 40 km 2010"),
        ("check_in_time", "14:00"),
        ("check_out_time", "10:00"),
        ("full_refund_days", "15"),
        ("late_refund_percent", "0"),
        ("credit_months", "0"),
        ("balance_cash", "si"),
    ];
    if transfer {
        form.push(("balance_transfer", "si"));
    }
    form
}

#[tokio::test]
async fn an_owner_says_how_the_balance_is_paid_and_the_bot_answers_yes_or_no() {
    let fleet = Fleet::new().await;
    owner_staff_and_another_property(&fleet).await;
    let (graph, _w, base) = graph_worker_and_console(&fleet, "parse_intent,send_reply").await;
    // Staff may not change the property; the owner may, and the page shows what was ticked.
    let mut staff = Http::new(&base);
    let staff_token = staff.sign_in("ana@lago.test").await;
    let refused = staff
        .post("/admin/setup/property", &property_form(&staff_token, true))
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    let saved = owner
        .post("/admin/setup/property", &property_form(&token, false))
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some("/admin/setup?aviso=guardado")
    );
    let page = owner.get("/admin/setup").await.body;
    assert!(
        page.contains(r#"name="balance_cash" value="si" checked"#)
            && !page.contains(r#"name="balance_transfer" value="si" checked"#),
        "{page}"
    );

    let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5491166000778", WA_SECRET);
    guest.say("hola! aceptan transferencia?").await.unwrap();
    let replies = sent_texts_when(&graph, 1).await;
    assert!(
        replies[0].starts_with("Por transferencia no") && replies[0].contains("en efectivo"),
        "{replies:?}"
    );

    // Transfer ticked too: the next question is answered yes.
    owner
        .post("/admin/setup/property", &property_form(&token, true))
        .await;
    guest.say("y en efectivo se puede?").await.unwrap();
    let replies = sent_texts_when(&graph, 2).await;
    assert!(
        replies[1].starts_with("¡Sí!") && replies[1].contains("en efectivo o por transferencia"),
        "{replies:?}"
    );
    assert_eq!(
        audited(&fleet, "setup_property").await,
        2,
        "each save audited"
    );
    fleet.drop_db().await;
}

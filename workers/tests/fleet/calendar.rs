//! The console's calendar against the real ingress, PostgreSQL, Redis and a worker: dates
//! staff block are refused to a WhatsApp guest by the bot and carried by the iCal export until
//! they are unblocked; the month grid shows holds, stays and blocks; a block over a stay is
//! refused with nothing written; another property gets 404; a POST without its form token
//! changes nothing.

use chrono::{Datelike, Duration as Days, NaiveDate, Utc};
use reqwest::StatusCode;
use wiremock::MockServer;

use crate::{
    console::{
        Http, PHONE_NUMBER_ID, add_staff, audit_actions, cabin_of, graph_fake, other_property,
        property, status_of,
    },
    support::*,
};

pub(crate) const SECRET: &str = "test-ical-export-secret-0123456789";

pub(crate) async fn staff_blocks(fleet: &Fleet) -> Vec<(i64, String, String)> {
    sqlx::query_as(
        "SELECT id, code, status::text FROM reservations WHERE channel_source = 'staff_block' ORDER BY id",
    )
    .fetch_all(&fleet.db)
    .await
    .unwrap()
}

fn day(d: NaiveDate) -> String {
    d.to_string()
}

/// Posts the block form.
async fn block(
    http: &mut Http,
    token: &str,
    cabin: i64,
    (from, to): (&str, &str),
) -> crate::console::Answer {
    http.post(
        "/admin/calendar/block",
        &[
            ("csrf", token),
            ("cabin", &cabin.to_string()),
            ("from", from),
            ("to", to),
            ("note", "pintura <b>del</b> deck"),
        ],
    )
    .await
}

/// Posts the unblock button of `block_id`.
async fn unblock(http: &mut Http, token: &str, block_id: i64) -> crate::console::Answer {
    http.post(
        &format!("/admin/calendar/unblock/{block_id}"),
        &[("csrf", token)],
    )
    .await
}

/// What the bot answers a guest asking for two nights from `check_in`, once it is the
/// `total`-th reply.
pub(crate) async fn ask(
    guest: &Guest,
    graph: &MockServer,
    check_in: NaiveDate,
    total: usize,
) -> String {
    let text = format!(
        "¿Tenés lugar para 2 del {} al {}?",
        check_in.format("%d/%m"),
        (check_in + Days::days(2)).format("%d/%m")
    );
    guest.say(&text).await.unwrap();
    sent_texts_when(graph, total).await[total - 1].clone()
}

#[tokio::test]
async fn calendar_blocked_dates_are_refused_by_the_bot_and_exported_until_unblocked() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    let cabin = cabin_of(&fleet, property).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    let graph = graph_fake().await;
    let mp = mercadopago_fake().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let base = fleet
        .spawn_ingress_with(|c| {
            c.console.cookie_secure = false;
            c.ical_export_secret = Some(secrecy::SecretString::from(SECRET));
        })
        .await;
    let mut http = Http::new(&base);
    let token = http.sign_in("ana@lago.test").await;
    let check_in = (Utc::now() + Days::days(45)).date_naive();
    let nights = (day(check_in), day(check_in + Days::days(2)));

    // Without the form token: refused, nothing blocked.
    let forged = block(&mut http, &"0".repeat(64), cabin, (&nights.0, &nights.1)).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(staff_blocks(&fleet).await.is_empty());

    let done = block(&mut http, &token, cabin, (&nights.0, &nights.1)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let back = done.location.unwrap();
    assert!(
        back.contains(&format!("cabin={cabin}")) && back.ends_with("aviso=bloqueado"),
        "{back}"
    );
    let blocks = staff_blocks(&fleet).await;
    assert_eq!(blocks.len(), 1);
    let (block_id, code, status) = blocks[0].clone();
    assert!(
        code.starts_with("BLK") && status == "confirmed",
        "{code} {status}"
    );
    let page = http.get(&back).await;
    assert!(page.body.contains("Fechas bloqueadas"), "{}", page.body);
    assert!(page.body.contains("«pintura &lt;b&gt;del&lt;/b&gt; deck»"));

    // The bot does not offer the blocked nights of the property's only cabin.
    let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5491166660001", WA_SECRET);
    let refused = ask(&guest, &graph, check_in, 1).await;
    assert!(refused.contains("no nos queda lugar"), "{refused}");

    // The export carries the block as a busy event, for Airbnb and Booking.
    let export_url = calendar::token::url(&base, SECRET.as_bytes(), cabin);
    let export = reqwest::get(&export_url)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        export.contains(&format!("UID:{code}@booking-fleet")),
        "{export}"
    );
    assert!(
        export.contains(&format!("DTSTART;VALUE=DATE:{}", check_in.format("%Y%m%d"))),
        "{export}"
    );

    // A block is not a guest's reservation: not listed, no page of its own.
    assert!(!http.get("/admin/reservations").await.body.contains(&code));
    let page = http.get(&format!("/admin/reservations/{code}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);

    // Unblocked without the token: refused, still blocked.
    let forged = http
        .post(&format!("/admin/calendar/unblock/{block_id}"), &[])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&fleet, &code).await, "confirmed");
    let done = unblock(&mut http, &token, block_id).await;
    assert!(
        done.location
            .as_deref()
            .unwrap()
            .ends_with("aviso=desbloqueado"),
        "{:?}",
        done.location
    );
    assert_eq!(status_of(&fleet, &code).await, "cancelled");
    let again = unblock(&mut http, &token, block_id).await;
    assert!(again.location.unwrap().ends_with("aviso=ya-libre"));

    // Free again: offered to the guest, gone from the export.
    let offered = ask(&guest, &graph, check_in, 2).await;
    assert!(
        offered.contains("Cabaña Coihue") && !offered.contains("no nos queda lugar"),
        "{offered}"
    );
    let export = reqwest::get(&export_url)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!export.contains(&code), "{export}");
    assert_eq!(audit_actions(&fleet).await, ["sign_in", "block", "unblock"]);
    fleet.drop_db().await;
}

#[tokio::test]
async fn calendar_grid_shows_stays_and_blocks_refuses_bad_blocks_and_other_properties_get_404() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    let cabin = cabin_of(&fleet, property).await;
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let (other, _) = other_property(&fleet).await;
    add_staff(&fleet, other, "otro@refugio.test", "owner");
    // A month two months ahead: a hold on the 5th and 6th, a paid stay on the 10th and 11th.
    let month = (Utc::now() + Days::days(62))
        .date_naive()
        .with_day(1)
        .unwrap();
    let on = |d: u32| month.with_day(d).unwrap();
    sqlx::query(
        "INSERT INTO reservations (code, accommodation_id, guest_name, check_in, check_out, guests, status, channel_source, expires_at)
         VALUES ('RESHOLD001', $1, 'Hilda Hold', $2, $3, 2, 'pre_reserved', 'whatsapp', now() + interval '30 minutes'),
                ('RESCONF001', $1, 'Carla Confirmada', $4, $5, 2, 'confirmed', 'whatsapp', NULL)",
    )
    .bind(cabin)
    .bind(on(5))
    .bind(on(7))
    .bind(on(10))
    .bind(on(12))
    .execute(&fleet.db)
    .await
    .unwrap();
    let stay_id: i64 = sqlx::query_scalar("SELECT id FROM reservations WHERE code = 'RESCONF001'")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut http = Http::new(&base);
    let token = http.sign_in("ana@lago.test").await;

    let done = block(&mut http, &token, cabin, (&day(on(20)), &day(on(22)))).await;
    assert!(done.location.unwrap().ends_with("aviso=bloqueado"));
    let (block_id, code, _) = staff_blocks(&fleet).await[0].clone();

    // The grid: each night by what holds it; the stay links to its page.
    let page_url = format!(
        "/admin/calendar?cabin={cabin}&month={}",
        month.format("%Y-%m")
    );
    let page = http.get(&page_url).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    let cell = |class: &str, d: u32| format!("<td class=\"{class}\" data-date=\"{}\">", on(d));
    for (class, d) in [
        ("hold", 5),
        ("hold", 6),
        ("free", 7),
        ("confirmed", 10),
        ("confirmed", 11),
        ("blocked", 20),
        ("blocked", 21),
        ("free", 22),
    ] {
        assert!(html.contains(&cell(class, d)), "{class} {d}: {html}");
    }
    assert!(html.contains("href=\"/admin/reservations/RESCONF001\""));
    assert!(html.contains(&format!("action=\"/admin/calendar/unblock/{block_id}\"")));
    assert!(html.contains("href=\"/admin/calendar\"") && html.contains("Calendario"));
    let next = month.checked_add_months(chrono::Months::new(1)).unwrap();
    assert!(html.contains(&format!("month={}&amp;cabin={cabin}", next.format("%Y-%m"))));

    // A block over the paid stay's nights: refused by the constraint, nothing written.
    let over = block(&mut http, &token, cabin, (&day(on(9)), &day(on(11)))).await;
    assert!(over.location.as_deref().unwrap().ends_with("aviso=ocupado"));
    let shown = http.get(&over.location.unwrap()).await;
    assert!(shown.body.contains("No se bloqueó nada"), "{}", shown.body);
    // Bad dates: a notice each, nothing written.
    let today = (Utc::now() - Days::days(2)).date_naive();
    for ((from, to), notice) in [
        ((day(on(15)), day(on(15))), "al-reves"),
        ((day(on(16)), day(on(14))), "al-reves"),
        ((day(today), day(on(3))), "pasado"),
        (("mañana".to_owned(), day(on(3))), "fechas-invalidas"),
    ] {
        let a = block(&mut http, &token, cabin, (&from, &to)).await;
        let at = a.location.unwrap_or_default();
        assert!(
            at.ends_with(&format!("aviso={notice}")),
            "{from} {to}: {at}"
        );
    }
    assert_eq!(staff_blocks(&fleet).await.len(), 1);
    // A guest's stay is not a block: unblocking it is a 404.
    let not_a_block = unblock(&mut http, &token, stay_id).await;
    assert_eq!(not_a_block.status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&fleet, "RESCONF001").await, "confirmed");

    // Another property's owner: this cabin's calendar, this block and this cabin are 404s.
    let mut theirs = Http::new(&base);
    let their_token = theirs.sign_in("otro@refugio.test").await;
    assert_eq!(theirs.get(&page_url).await.status, StatusCode::NOT_FOUND);
    let all = theirs.get("/admin/calendar").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(!all.body.contains("RESCONF001") && !all.body.contains("Cabaña Coihue"));
    let unblock = unblock(&mut theirs, &their_token, block_id).await;
    assert_eq!(unblock.status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&fleet, &code).await, "confirmed");
    let blocked = block(
        &mut theirs,
        &their_token,
        cabin,
        (&day(on(25)), &day(on(27))),
    )
    .await;
    assert_eq!(blocked.status, StatusCode::NOT_FOUND);
    assert_eq!(staff_blocks(&fleet).await.len(), 1);
    assert_eq!(audit_actions(&fleet).await, ["sign_in", "block", "sign_in"]);
    fleet.drop_db().await;
}

//! A cabin's iCal calendars on the setup page (owners only): an owner adds a feed by its
//! address over HTTP (signed in, with the form token) and sees it listed; a failed sync shows
//! its last good sync in the property's time and the error in words; a wrong address, a staff
//! account and another property's owner change nothing; the owner removes it (its imported
//! stay cancelled, the nights free again); and the export
//! address the page shows serves the cabin's calendar.

use reqwest::StatusCode;
use secrecy::SecretString;

use crate::{
    console::{
        Cast, Http, add_staff, audited, owner_staff_and_another_property, property, reservation,
        status_of,
    },
    support::*,
};

const FEED: &str = "https://www.airbnb.com/calendar/ical/123.ics?s=abc&t=1";

async fn feeds_of(fleet: &Fleet, cabin: i64) -> Vec<(i64, String, bool)> {
    sqlx::query_as("SELECT id, url, active FROM ical_feeds WHERE accommodation_id = $1 ORDER BY id")
        .bind(cabin)
        .fetch_all(&fleet.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_owner_adds_sees_and_removes_a_feed_and_pastes_the_export_address() {
    let fleet = Fleet::new().await;
    let Cast {
        cabin,
        theirs,
        other,
        ..
    } = owner_staff_and_another_property(&fleet).await;
    add_staff(&fleet, other, "dueno@otro.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| {
            c.console.cookie_secure = false;
            c.ical_export_secret = Some(SecretString::from("export-secret-for-tests"));
        })
        .await;

    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    let add = format!("/admin/setup/cabins/{cabin}/feeds");

    // A wrong address: a notice, nothing stored.
    for wrong in ["ftp://x.example/a.ics", "airbnb.com/a.ics", "https://a b/"] {
        let refused = owner.post(&add, &[("csrf", &token), ("url", wrong)]).await;
        assert_eq!(refused.status, StatusCode::SEE_OTHER);
        assert!(
            refused
                .location
                .as_deref()
                .is_some_and(|l| l.contains("aviso=calendario-direccion")),
            "{:?}",
            refused.location
        );
    }
    let page = owner.get("/admin/setup?aviso=calendario-direccion").await;
    assert!(
        page.body.contains("No se guardó el calendario"),
        "{}",
        page.body
    );
    assert!(feeds_of(&fleet, cabin).await.is_empty());

    // Staff, a forged form and another property's cabin: nothing stored.
    let mut staff = Http::new(&base);
    let staff_token = staff.sign_in("ana@lago.test").await;
    let by_staff = staff
        .post(&add, &[("csrf", &staff_token), ("url", FEED)])
        .await;
    assert_eq!(by_staff.status, StatusCode::NOT_FOUND);
    let forged = owner.post(&add, &[("csrf", ""), ("url", FEED)]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let elsewhere = owner
        .post(
            &format!("/admin/setup/cabins/{theirs}/feeds"),
            &[("csrf", &token), ("url", FEED)],
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    assert!(feeds_of(&fleet, cabin).await.is_empty());
    assert!(feeds_of(&fleet, theirs).await.is_empty());

    // The owner adds it: stored, audited, listed (escaped), not synced yet.
    let added = owner.post(&add, &[("csrf", &token), ("url", FEED)]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(
        added.location.as_deref(),
        Some(format!("/admin/setup?aviso=calendario-guardado#feeds-{cabin}").as_str())
    );
    let stored = feeds_of(&fleet, cabin).await;
    assert_eq!(stored.len(), 1);
    let (feed, url, active) = stored[0].clone();
    assert_eq!((url.as_str(), active), (FEED, true));
    assert_eq!(audited(&fleet, "setup_feed_add").await, 1);
    let page = owner.get("/admin/setup").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Calendarios (iCal)"), "{}", page.body);
    assert!(
        page.body.contains(&FEED.replace('&', "&amp;")),
        "{}",
        page.body
    );
    assert!(page.body.contains("todavía no"));

    // A sync that failed after a good one: the last good sync in the property's time, the
    // error in words; the empty-feed guard's date too.
    sqlx::query(
        "UPDATE ical_feeds SET last_synced_at = '2026-11-20 15:30:00+00', last_error = 'HTTP 404',
             last_error_kind = 'http_4xx', last_error_at = now(),
             empty_since = '2026-11-21 10:05:00+00'
         WHERE id = $1",
    )
    .bind(feed)
    .execute(&fleet.db)
    .await
    .unwrap();
    let (synced, empty): (String, String) = sqlx::query_as(
        "SELECT to_char(f.last_synced_at AT TIME ZONE p.time_zone, 'DD/MM/YYYY HH24:MI'),
                to_char(f.empty_since AT TIME ZONE p.time_zone, 'DD/MM/YYYY HH24:MI')
         FROM ical_feeds f JOIN accommodations a ON a.id = f.accommodation_id
         JOIN properties p ON p.id = a.property_id WHERE f.id = $1",
    )
    .bind(feed)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let page = owner.get("/admin/setup").await.body;
    assert!(page.contains(&synced), "{synced} in {page}");
    assert!(page.contains("el sitio rechazó la dirección"), "{page}");
    assert!(page.contains(&format!("vacío desde {empty}")), "{page}");
    assert!(
        !page.contains("HTTP 404"),
        "the stored message stays out of the page"
    );

    // The export address on the page serves the cabin's calendar.
    let marker = format!("/ical/{cabin}/");
    let at = page.find(&marker).expect("the export address");
    let start = page[..at].rfind("http").expect("an absolute address");
    let end = at + page[at..].find(".ics").unwrap() + ".ics".len();
    let export = &page[start..end];
    assert!(export.starts_with(&base), "{export} under {base}");
    let served = reqwest::get(export).await.unwrap();
    assert_eq!(served.status(), StatusCode::OK);
    assert!(served.text().await.unwrap().contains("BEGIN:VCALENDAR"));

    // The feed holds nights: an imported stay it placed.
    let block = reservation(&fleet, cabin, "ICS9001", "Airbnb", "", 10, 0, "confirmed").await;
    sqlx::query(
        "UPDATE reservations SET channel_source = 'ical_import', external_uid = 'uid-1',
             ical_feed_id = $2 WHERE id = $1",
    )
    .bind(block)
    .bind(feed)
    .execute(&fleet.db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO ical_events (ical_feed_id, uid, check_in, check_out, placement, reservation_ids)
         SELECT $1, 'uid-1', check_in, check_out, 'blocked', ARRAY[id] FROM reservations WHERE id = $2",
    )
    .bind(feed)
    .bind(block)
    .execute(&fleet.db)
    .await
    .unwrap();

    // Another property's owner and staff cannot remove it.
    let remove = format!("/admin/setup/feeds/{feed}/remove");
    let mut them = Http::new(&base);
    let their_token = them.sign_in("dueno@otro.test").await;
    let not_theirs = them.post(&remove, &[("csrf", &their_token)]).await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND);
    let by_staff = staff.post(&remove, &[("csrf", &staff_token)]).await;
    assert_eq!(by_staff.status, StatusCode::NOT_FOUND);
    assert!(feeds_of(&fleet, cabin).await[0].2);

    // The owner removes it: inactive, audited, no longer listed; a second time is a 404.
    let removed = owner.post(&remove, &[("csrf", &token)]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(!feeds_of(&fleet, cabin).await[0].2);
    assert_eq!(audited(&fleet, "setup_feed_remove").await, 1);
    assert_eq!(
        status_of(&fleet, "ICS9001").await,
        "cancelled",
        "its nights are free again"
    );
    let page = owner.get("/admin/setup").await.body;
    assert!(!page.contains("airbnb.com/calendar"), "{page}");
    assert_eq!(
        owner.post(&remove, &[("csrf", &token)]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn without_an_export_secret_the_page_says_the_export_is_off() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| {
            c.console.cookie_secure = false;
            c.ical_export_secret = None;
        })
        .await;
    let mut owner = Http::new(&base);
    owner.sign_in("duena@lago.test").await;
    let page = owner.get("/admin/setup").await.body;
    assert!(page.contains("exportación desactivada"), "{page}");
    assert!(!page.contains("/ical/"), "{page}");
}

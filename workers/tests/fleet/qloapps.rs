//! A property whose bookings live in QloApps, against a QloApps webservice faked on loopback
//! from its real payloads (`testkit::qloapps`): the whole booking through it; QloApps down; a
//! QloApps refusal after the local hold.

use std::time::Duration;

use chrono::{Duration as Days, NaiveDate, Utc};
use jobs::{EnqueueOptions, backend::NewJob, domain::IdempotencyKey, payloads::ExpireHolds};
use testkit::qloapps::{self, QloappsFake};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{method, path},
};

use crate::{console::audit_rows, support::*};

const HOTEL: i64 = 1;
const ROOM_TYPE: i64 = 11;
const LENGA: i64 = 12;

/// The seeded property (one cabin) switched to QloApps: hotel 1, the cabin room type 11.
async fn qloapps_property(fleet: &Fleet) -> i64 {
    let cabin = fleet.seed_property().await;
    let property = property_of(fleet, cabin).await;
    sqlx::query("UPDATE properties SET qloapps_hotel_id = $2 WHERE id = $1")
        .bind(property)
        .bind(HOTEL)
        .execute(&fleet.db)
        .await
        .unwrap();
    sqlx::query("UPDATE accommodations SET qloapps_room_type_id = $2 WHERE id = $1")
        .bind(cabin)
        .bind(ROOM_TYPE)
        .execute(&fleet.db)
        .await
        .unwrap();
    sqlx::query("INSERT INTO property_flags (property_id, pms) VALUES ($1, 'qloapps')")
        .bind(property)
        .execute(&fleet.db)
        .await
        .unwrap();
    cabin
}

struct Setup {
    fleet: Fleet,
    hotel: QloappsFake,
    graph: MockServer,
    mp: MockServer,
    guest: Guest,
    _workers: Reaper,
}

async fn setup(phone: &str, extra: &[(&str, &str)]) -> Setup {
    setup_with(phone, extra, false).await
}

/// With `lenga`, a second cabin for six, Cabaña Lenga, mapped to room type [`LENGA`].
async fn setup_with(phone: &str, extra: &[(&str, &str)], lenga: bool) -> Setup {
    let fleet = Fleet::new().await;
    let coihue = qloapps_property(&fleet).await;
    let mut room_types = vec![(ROOM_TYPE, "Cabaña Coihue", 1)];
    if lenga {
        sqlx::query(
            "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night, qloapps_room_type_id)
             SELECT property_id, 'Cabaña Lenga', 6, 60000, $2 FROM accommodations WHERE id = $1",
        )
        .bind(coihue)
        .bind(LENGA)
        .execute(&fleet.db)
        .await
        .unwrap();
        room_types.push((LENGA, "Cabaña Lenga", 1));
    }
    let hotel = QloappsFake::start(HOTEL, &room_types).await;
    let (graph, mp) = (graph_accepting_all().await, mercadopago_fake().await);
    let mut env = fleet.worker_env(&mp.uri(), &graph.uri());
    env.push(("QLOAPPS_URL".into(), hotel.uri()));
    env.push(("QLOAPPS_API_KEY".into(), qloapps::KEY.into()));
    let workers = Reaper(vec![fleet.spawn_worker(WORKER, &env, extra)]);
    let url = fleet.spawn_ingress().await;
    let guest = Guest::whatsapp(&url, "106540352242922", phone, WA_SECRET)
        .with_mercadopago_secret(MP_SECRET);
    Setup {
        fleet,
        hotel,
        graph,
        mp,
        guest,
        _workers: workers,
    }
}

async fn say_and_wait(s: &Setup, text: &str, total: usize) -> Vec<String> {
    s.guest.say(text).await.unwrap();
    sent_texts_when(&s.graph, total).await
}

fn ask(check_in: NaiveDate, nights: i64) -> String {
    format!(
        "¿Tenés lugar para 2 del {} al {}?",
        check_in.format("%d/%m"),
        (check_in + Days::days(nights)).format("%d/%m")
    )
}

/// The guest asks for `check_in` and is offered the cabin; `yes` is answered with the kind "I
/// cannot finish the booking, nothing was charged" (no technical word), the hold released and
/// no payment link made.
async fn offered_then_released_kindly(s: &Setup, check_in: NaiveDate, yes: &str) {
    let replies = say_and_wait(s, &ask(check_in, 2), 1).await;
    assert!(replies[0].contains("Cabaña Coihue"), "{replies:?}");
    let replies = say_and_wait(s, yes, 2).await;
    assert!(
        replies[1].contains("no puedo terminar la reserva")
            && replies[1].contains("No se te cobró nada"),
        "{replies:?}"
    );
    assert!(replies.iter().all(|r| plain(r)), "{replies:?}");
    let live = count(
        &s.fleet.db,
        "SELECT count(*) FROM reservations WHERE status IN ('pre_reserved', 'confirmed')",
    )
    .await;
    assert_eq!(live, 0, "the hold was released");
    assert!(preferences(&s.mp).await.is_empty(), "no payment link made");
}

/// Words a guest must never read.
fn plain(reply: &str) -> bool {
    let lower = reply.to_lowercase();
    [
        "qloapps", "error", "500", "http", "breaker", "pms", "api", "timeout",
    ]
    .iter()
    .all(|w| !lower.contains(w))
}

/// Asks, is offered the cabin (QloApps asked for its nights), says "dale": held here and booked
/// in QloApps under the reservation's code; pays: confirmed here and completed in QloApps.
#[tokio::test]
async fn a_whole_booking_goes_through_qloapps() {
    let s = setup("5491166660001", &[]).await;
    let check_in = (Utc::now() + Days::days(45)).date_naive();

    let replies = say_and_wait(&s, &ask(check_in, 2), 1).await;
    assert!(
        replies[0].contains("Cabaña Coihue") && replies[0].contains("$ 100.000"),
        "{replies:?}"
    );
    assert!(
        s.hotel.availability_calls().await >= 1,
        "QloApps was asked for the nights"
    );
    let replies = say_and_wait(&s, "dale, reservá", 2).await;
    assert!(
        replies[1].contains("Código: RES") && replies[1].contains("mercadopago.com.ar"),
        "{replies:?}"
    );
    let (code, booking_id): (String, Option<i64>) = sqlx::query_as(
        "SELECT code, qloapps_booking_id FROM reservations WHERE status = 'pre_reserved'",
    )
    .fetch_one(&s.fleet.db)
    .await
    .unwrap();
    let booked = s.hotel.bookings();
    assert_eq!(booked.len(), 1, "{booked:?}");
    assert_eq!(booked[0].remark, format!("fleet:{code}"));
    assert_eq!(
        (
            booked[0].room_type_id,
            booked[0].check_in,
            booked[0].check_out
        ),
        (ROOM_TYPE, check_in, check_in + Days::days(2))
    );
    assert_eq!(booking_id, Some(booked[0].id));

    Mock::given(method("GET"))
        .and(path("/v1/payments/7001"))
        .respond_with(ResponseTemplate::new(200).set_body_json(approved_payment(7001, &code)))
        .mount(&s.mp)
        .await;
    s.guest.notify_payment("7001").await.unwrap();
    let replies = sent_texts_when(&s.graph, 3).await;
    assert!(
        replies[2].contains("¡Pago confirmado!") && replies[2].contains(&code),
        "{replies:?}"
    );
    assert!(
        eventually(Duration::from_secs(15), || async {
            s.hotel.bookings().first().map(|b| b.status) == Some(2)
        })
        .await,
        "QloApps was told the booking is paid: {:?}",
        s.hotel.bookings()
    );
    assert_eq!(
        s.hotel.bookings().len(),
        1,
        "one booking in QloApps, not two"
    );
    s.fleet.drop_db().await;
}

/// QloApps answers 500 to everything: the guest is still offered the cabin on the fleet's own
/// nights, the breaker opens, and the "dale" ends with the hold released and a kind word (no
/// technical one); nothing booked anywhere, and no call reaches QloApps while it is open.
#[tokio::test]
async fn qloapps_down_opens_the_breaker_and_the_guest_is_told_kindly() {
    let s = setup(
        "5491166660002",
        &[
            ("BREAKER_FAILURE_THRESHOLD", "2"),
            ("BREAKER_COOL_DOWN_SECS", "120"),
            ("FLEET_RETRY_BASE_MS", "50"),
        ],
    )
    .await;
    s.hotel.set_down(true);
    let check_in = (Utc::now() + Days::days(45)).date_naive();

    offered_then_released_kindly(&s, check_in, "dale, reservá").await;
    assert!(s.hotel.bookings().is_empty());
    let calls = s.hotel.calls().await;
    // Asked again while the breaker is open: answered from the fleet's nights, QloApps untouched.
    let replies = say_and_wait(&s, &ask(check_in + Days::days(7), 2), 3).await;
    assert!(replies[2].contains("Cabaña Coihue"), "{replies:?}");
    assert_eq!(
        s.hotel.calls().await,
        calls,
        "no call while the breaker is open"
    );
    s.fleet.drop_db().await;
}

/// QloApps refuses the booking (its room was sold at the front desk meanwhile): the local hold
/// is released, no payment link is made, the guest is told the cabin was just taken.
#[tokio::test]
async fn a_booking_qloapps_refuses_after_the_hold_releases_it_and_tells_the_guest() {
    let s = setup("5491166660003", &[]).await;
    let check_in = (Utc::now() + Days::days(45)).date_naive();
    let replies = say_and_wait(&s, &ask(check_in, 2), 1).await;
    assert!(replies[0].contains("Cabaña Coihue"), "{replies:?}");
    s.hotel.refuse_bookings(true);
    let replies = say_and_wait(&s, "dale", 2).await;
    assert!(
        replies[1].contains("se ocupó Cabaña Coihue") && replies[1].contains("No se te cobró nada"),
        "{replies:?}"
    );
    assert!(plain(&replies[1]), "{replies:?}");
    assert_eq!(
        count(
            &s.fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &s.fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'cancelled'"
        )
        .await,
        1,
        "the hold was placed, then released"
    );
    assert!(s.hotel.bookings().is_empty());
    assert!(preferences(&s.mp).await.is_empty(), "no payment link made");
    s.fleet.drop_db().await;
}

/// Nights sold at the hotel's front desk (only QloApps knows them) are not offered.
#[tokio::test]
async fn nights_booked_in_qloapps_are_not_offered() {
    let s = setup("5491166660004", &[]).await;
    let check_in = (Utc::now() + Days::days(45)).date_naive();
    s.hotel.book_at_desk(
        ROOM_TYPE,
        check_in + Days::days(1),
        check_in + Days::days(2),
    );
    let replies = say_and_wait(&s, &ask(check_in, 2), 1).await;
    assert!(
        replies[0].contains("no nos queda lugar"),
        "the cabin is not offered for nights QloApps has sold: {replies:?}"
    );
    // The nearest free stays around the sold night are offered instead.
    let before = format!(
        "del {} al {}",
        (check_in - Days::days(1)).format("%d/%m/%Y"),
        (check_in + Days::days(1)).format("%d/%m/%Y")
    );
    assert!(replies[0].contains(&before), "{replies:?}");
    assert!(plain(&replies[0]), "{replies:?}");
    s.fleet.drop_db().await;
}

/// QloApps makes the booking but its answer is lost (a 500 after the order was made): the retry
/// finds that booking by the reservation's code in its remark and makes no second one.
#[tokio::test]
async fn a_booking_whose_answer_was_lost_is_found_not_made_twice() {
    let s = setup("5491166660005", &[]).await;
    let check_in = (Utc::now() + Days::days(45)).date_naive();
    say_and_wait(&s, &ask(check_in, 2), 1).await;
    s.hotel.lose_next_answer();
    let replies = say_and_wait(&s, "dale", 2).await;
    assert!(replies[1].contains("Código: RES"), "{replies:?}");
    let (code, booking_id): (String, Option<i64>) = sqlx::query_as(
        "SELECT code, qloapps_booking_id FROM reservations WHERE status = 'pre_reserved'",
    )
    .fetch_one(&s.fleet.db)
    .await
    .unwrap();
    let booked = s.hotel.bookings();
    assert_eq!(booked.len(), 1, "one booking, not two: {booked:?}");
    assert_eq!(booked[0].remark, format!("fleet:{code}"));
    assert_eq!(booking_id, Some(booked[0].id));
    s.fleet.drop_db().await;
}

/// The expiry tick (what the schedule enqueues every minute) at `ms`.
async fn tick(fleet: &Fleet, ms: i64) {
    fleet
        .queue
        .push_many(vec![
            NewJob::new(
                &ExpireHolds { tick_ms: ms },
                EnqueueOptions::keyed(IdempotencyKey::namespaced("tick", &ms.to_string()).unwrap()),
            )
            .unwrap(),
        ])
        .await
        .unwrap();
}

/// A hold booked in QloApps that the guest gives up is released here at once and cancelled in
/// QloApps by the next expiry tick, so the room is sold again there.
#[tokio::test]
async fn a_hold_the_guest_gives_up_is_cancelled_in_qloapps() {
    let s = setup("5491166660006", &[]).await;
    let check_in = (Utc::now() + Days::days(45)).date_naive();
    say_and_wait(&s, &ask(check_in, 2), 1).await;
    let replies = say_and_wait(&s, "dale", 2).await;
    assert!(replies[1].contains("Código: RES"), "{replies:?}");
    assert_eq!(s.hotel.bookings().len(), 1);
    let replies = say_and_wait(&s, "mejor cancelala", 3).await;
    assert!(replies[2].contains("cancelé tu reserva"), "{replies:?}");
    assert_eq!(s.hotel.bookings()[0].status, 1, "not told before the tick");
    tick(&s.fleet, Utc::now().timestamp_millis()).await;
    assert!(
        eventually(Duration::from_secs(15), || async {
            s.hotel.bookings()[0].status == 3
        })
        .await,
        "cancelled in QloApps: {:?}",
        s.hotel.bookings()
    );
    // QloApps has the cancellation before the worker records it: wait for the record.
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(
                &s.fleet.db,
                "SELECT count(*) FROM reservations WHERE qloapps_cancelled_at IS NOT NULL",
            )
            .await
                == 1
        })
        .await,
        "the cancellation told to QloApps was not recorded"
    );
    s.fleet.drop_db().await;
}

/// A group's cabins are booked in QloApps one by one before its one payment link; when QloApps
/// refuses one (sold at the desk meanwhile), the whole group is released here, the guest told,
/// no link made, and the cabin QloApps had booked is cancelled there by the next tick.
#[tokio::test]
async fn a_group_qloapps_refuses_in_part_is_released_whole() {
    let s = setup_with("5491166660007", &[], true).await;
    let check_in = (Utc::now() + Days::days(50)).date_naive();
    let ask8 = format!(
        "¿Tenés lugar para 8 del {} al {}?",
        check_in.format("%d/%m"),
        (check_in + Days::days(2)).format("%d/%m")
    );
    let replies = say_and_wait(&s, &ask8, 1).await;
    assert!(
        replies[0].contains("juntas") && replies[0].contains("Cabaña Lenga"),
        "{replies:?}"
    );
    s.hotel
        .book_at_desk(LENGA, check_in, check_in + Days::days(2));
    let replies = say_and_wait(&s, "dale", 2).await;
    assert!(
        replies[1].contains("no pude reservarlas juntas"),
        "{replies:?}"
    );
    assert!(plain(&replies[1]), "{replies:?}");
    assert_eq!(
        count(
            &s.fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'"
        )
        .await,
        0,
        "the whole group released"
    );
    assert!(preferences(&s.mp).await.is_empty(), "no payment link made");
    let fleet_made = |h: &QloappsFake| {
        h.bookings()
            .into_iter()
            .filter(|b| b.remark.starts_with("fleet:"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fleet_made(&s.hotel).len(),
        1,
        "Coihue was booked before Lenga was refused"
    );
    tick(&s.fleet, Utc::now().timestamp_millis()).await;
    assert!(
        eventually(Duration::from_secs(15), || async {
            fleet_made(&s.hotel).iter().all(|b| b.status == 3)
        })
        .await,
        "the booking QloApps made for the group is cancelled: {:?}",
        s.hotel.bookings()
    );
    s.fleet.drop_db().await;
}

/// A group booked in QloApps (each cabin its booking, before the one link) and paid at once:
/// each of its QloApps bookings is marked completed.
#[tokio::test]
async fn a_group_paid_at_once_completes_each_of_its_qloapps_bookings() {
    let s = setup_with("5491166660008", &[], true).await;
    let check_in = (Utc::now() + Days::days(50)).date_naive();
    let ask8 = format!(
        "¿Tenés lugar para 8 del {} al {}?",
        check_in.format("%d/%m"),
        (check_in + Days::days(2)).format("%d/%m")
    );
    say_and_wait(&s, &ask8, 1).await;
    let replies = say_and_wait(&s, "dale", 2).await;
    let group: String = sqlx::query_scalar("SELECT code FROM reservation_groups")
        .fetch_one(&s.fleet.db)
        .await
        .unwrap();
    assert!(
        replies[1].contains(&group) && replies[1].contains("mercadopago.com.ar"),
        "{replies:?}"
    );
    let booked = s.hotel.bookings();
    let mut room_types: Vec<i64> = booked.iter().map(|b| b.room_type_id).collect();
    room_types.sort_unstable();
    assert_eq!(room_types, vec![ROOM_TYPE, LENGA], "{booked:?}");

    Mock::given(method("GET"))
        .and(path("/v1/payments/7008"))
        .respond_with(ResponseTemplate::new(200).set_body_json(approved_payment(7008, &group)))
        .mount(&s.mp)
        .await;
    s.guest.notify_payment("7008").await.unwrap();
    assert!(
        eventually(Duration::from_secs(15), || async {
            s.hotel.bookings().iter().all(|b| b.status == 2)
        })
        .await,
        "every QloApps booking of the group completed: {:?}",
        s.hotel.bookings()
    );
    s.fleet.drop_db().await;
}

/// An operator names a property's QloApps hotel and its cabins' room types with `fleetctl`
/// (all or none, each change audited), and the adapter's mapping reads what was set.
#[tokio::test]
async fn fleetctl_maps_a_property_to_its_qloapps_hotel_and_refuses_a_cabin_it_lacks() {
    let fleet = Fleet::new().await;
    let cabin = fleet.seed_property().await;
    let property = property_of(&fleet, cabin).await;
    let id = property.to_string();
    let qloapps = |args: &[&str]| {
        let mut all = vec!["qloapps"];
        all.extend_from_slice(args);
        fleet.fleetctl(FLEETCTL, &all)
    };

    // Refused, nothing written: a cabin the property lacks (even beside a good change), a bad
    // id, a bad argument, nothing to do.
    for (args, says) in [
        (
            vec![
                "map",
                "--property",
                &id,
                "--hotel",
                "1",
                "--room",
                "Cabaña Lenga=3",
            ],
            "has no accommodation called \"Cabaña Lenga\"",
        ),
        (
            vec!["map", "--property", &id, "--hotel", "0"],
            "is not a QloApps id",
        ),
        (
            vec!["map", "--property", &id, "--room", "Cabaña Coihue"],
            "is not cabin=room type id",
        ),
        (vec!["map", "--property", &id], "nothing to map"),
        (
            vec!["show", "--property", "Hotel Inexistente"],
            "there is no property",
        ),
    ] {
        let (ok, out) = qloapps(&args);
        assert!(!ok, "{args:?} succeeded: {out}");
        assert!(out.contains(says), "{args:?}: {out}");
    }
    let mut conn = fleet.db.acquire().await.unwrap();
    assert_eq!(
        store::pms::mapping(&mut *conn, property).await.unwrap(),
        None
    );
    assert!(audit_rows(&fleet, "qloapps_map").await.is_empty());

    // Mapped by the property's name, the cabin's name in any case.
    let (ok, out) = qloapps(&[
        "map",
        "--property",
        "Cabañas del Lago",
        "--hotel",
        "7",
        "--room",
        "cabaña coihue=31",
    ]);
    assert!(ok, "{out}");
    assert!(
        out.contains("QloApps hotel 7") && out.contains("Cabaña Coihue: room type 31"),
        "{out}"
    );
    assert_eq!(
        store::pms::mapping(&mut *conn, property).await.unwrap(),
        Some(store::pms::Mapping {
            hotel_id: 7,
            room_types: vec![(cabin, 31)],
        })
    );
    // Unmapping the cabin: the hotel stays, no room type is left.
    let (ok, out) = qloapps(&["map", "--property", &id, "--room", "Cabaña Coihue=none"]);
    assert!(ok, "{out}");
    let (ok, out) = qloapps(&["show", "--property", &id]);
    assert!(ok, "{out}");
    assert!(out.contains("Cabaña Coihue: room type not mapped"), "{out}");
    assert_eq!(
        audit_rows(&fleet, "qloapps_map").await,
        vec![
            (
                None,
                "hotel".to_owned(),
                serde_json::json!({ "by": "fleetctl", "old": null, "new": 7 })
            ),
            (
                None,
                "room_type:Cabaña Coihue".to_owned(),
                serde_json::json!({ "by": "fleetctl", "old": null, "new": 31 })
            ),
            (
                None,
                "room_type:Cabaña Coihue".to_owned(),
                serde_json::json!({ "by": "fleetctl", "old": 31, "new": null })
            ),
        ]
    );
}

/// An owner switches the property to QloApps before it is set up (no hotel mapped): guests are
/// still answered on the fleet's own nights, and a "dale" is released and told kindly instead of
/// a dead letter and silence.
#[tokio::test]
async fn a_property_switched_to_qloapps_before_it_is_set_up_still_answers_kindly() {
    let s = setup("5491166660009", &[]).await;
    sqlx::query("UPDATE properties SET qloapps_hotel_id = NULL")
        .execute(&s.fleet.db)
        .await
        .unwrap();
    let check_in = (Utc::now() + Days::days(45)).date_naive();
    offered_then_released_kindly(&s, check_in, "dale").await;
    assert_eq!(s.hotel.calls().await, 0, "QloApps never asked");
    s.fleet.drop_db().await;
}

//! The console's reservation, payment and calendar flows in a real headless Chromium, against
//! the real ingress, workers, PostgreSQL and Redis, with Mercado Pago and the Graph API faked
//! over HTTP: staff press the buttons and fill the forms the pages show, and the outcome is
//! checked where it lands (the database, the fakes, the iCal export). The same flows over plain
//! HTTP, with their refusals, are in console.rs, refunds.rs and calendar.rs; this file must not
//! repeat those, only prove the pages carry them. Screenshots of the main pages are kept as
//! test artifacts (see [`screenshot`]).

use std::time::Duration;

use chrono::{Duration as Days, Utc};
use fantoccini::{Client, Locator};
use serde_json::json;
use wiremock::{
    Mock, ResponseTemplate,
    matchers::{header, method, path},
};

use crate::{
    calendar::{SECRET, ask, staff_blocks},
    console::{
        Driver, PHONE_NUMBER_ID, add_staff, cabin_of, graph_fake, graph_worker_and_console,
        notice_says, property, reservation, screenshot, sign_in_browser, status_of, stay_of,
        text_of,
    },
    refunds::{cancelled_with_deposit_due, reaches},
    support::*,
};

/// Sets the field `css` of the page to `value`: a date input's typing depends on the browser's
/// locale, its value does not.
async fn set(browser: &Client, css: &str, value: &str) {
    browser
        .execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; return e.value;",
            vec![json!(css), json!(value)],
        )
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
}

async fn click(browser: &Client, css: &str) {
    browser
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn type_into(browser: &Client, css: &str, text: &str) {
    browser
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .send_keys(text)
        .await
        .unwrap();
}

/// The reservation code in the browser's address (`/admin/reservations/CODE`).
async fn code_shown(browser: &Client) -> String {
    let url = browser.current_url().await.unwrap();
    url.path()
        .strip_prefix("/admin/reservations/")
        .unwrap_or_else(|| panic!("not on a reservation: {url}"))
        .to_owned()
}

#[tokio::test]
async fn in_a_browser_staff_confirm_a_hold_create_move_and_cancel_reservations() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let cabin = cabin_of(&fleet, property).await;
    reservation(
        &fleet,
        cabin,
        "RES3000001",
        "Hilda Hold",
        "5492944333001",
        40,
        30_000,
        "pre_reserved",
    )
    .await;
    // A month away: the seeded policy gives the whole deposit back.
    reservation(
        &fleet,
        cabin,
        "RES3000002",
        "Carla Lejos",
        "5492944333002",
        30,
        30_000,
        "confirmed",
    )
    .await;
    let (graph, _w, base) = graph_worker_and_console(&fleet, "confirm_payment,send_reply").await;
    let today = store::console::property_today(&fleet.db, property)
        .await
        .unwrap();
    let day = |n: i64| today + Days::days(n);

    let driver = Driver::start().await;
    let browser = driver.browser().await;
    let run = async {
        browser.goto(&format!("{base}/admin/login")).await.unwrap();
        sign_in_browser(&browser, "ana@lago.test").await;

        // The hold, from the list, confirmed as paid another way: one voucher.
        browser
            .goto(&format!("{base}/admin/reservations"))
            .await
            .unwrap();
        let listed = text_of(&browser, "table.reservations").await;
        assert!(
            listed.contains("RES3000001") && listed.contains("RES3000002"),
            "{listed}"
        );
        screenshot(&browser, "browser-reservations").await;
        browser
            .find(Locator::LinkText("RES3000001"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert!(
            text_of(&browser, "dl.reservation")
                .await
                .contains("Hilda Hold")
        );
        screenshot(&browser, "browser-reservation").await;
        browser
            .find(Locator::XPath(
                "//button[text()='Confirmar: pagó por otro medio']",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        notice_says(&browser, "Confirmación en camino").await;
        assert!(
            eventually(Duration::from_secs(15), || async {
                status_of(&fleet, "RES3000001").await == "confirmed"
            })
            .await,
            "the hold was confirmed"
        );
        let vouchers = sent_texts_when(&graph, 1).await;
        assert!(vouchers[0].contains("RES3000001"), "{vouchers:?}");
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(sent_texts(&graph).await.len(), 1, "one voucher");

        // A walk-in typed into the new form: a staff hold on the nights chosen.
        browser
            .goto(&format!("{base}/admin/reservations/new"))
            .await
            .unwrap();
        browser
            .find(Locator::Css(
                "form.new-reservation select[name=accommodation]",
            ))
            .await
            .unwrap()
            .select_by_value(&cabin.to_string())
            .await
            .unwrap();
        set(
            &browser,
            "form.new-reservation input[name=check_in]",
            &day(20).to_string(),
        )
        .await;
        set(
            &browser,
            "form.new-reservation input[name=check_out]",
            &day(22).to_string(),
        )
        .await;
        set(&browser, "form.new-reservation input[name=guests]", "2").await;
        type_into(
            &browser,
            "form.new-reservation input[name=name]",
            "Walter Walkin",
        )
        .await;
        type_into(
            &browser,
            "form.new-reservation input[name=phone]",
            "+54 9 2944 555-001",
        )
        .await;
        screenshot(&browser, "browser-new-reservation").await;
        click(&browser, "form.new-reservation button[type=submit]").await;
        notice_says(&browser, "Reserva creada").await;
        let walter = code_shown(&browser).await;
        let (_, check_in, check_out, status, source) = stay_of(&fleet, &walter).await;
        assert_eq!(
            (check_in, check_out, status.as_str(), source.as_str()),
            (day(20), day(22), "pre_reserved", "staff")
        );
        let name: String =
            sqlx::query_scalar("SELECT guest_name FROM reservations WHERE code = $1")
                .bind(&walter)
                .fetch_one(&fleet.db)
                .await
                .unwrap();
        assert_eq!(name, "Walter Walkin");

        // Moved to other nights on its page: same code, the old nights free.
        set(
            &browser,
            "form.move input[name=check_in]",
            &day(60).to_string(),
        )
        .await;
        set(
            &browser,
            "form.move input[name=check_out]",
            &day(63).to_string(),
        )
        .await;
        click(&browser, "form.move button[type=submit]").await;
        notice_says(&browser, "Reserva cambiada").await;
        assert_eq!(code_shown(&browser).await, walter);
        let (_, check_in, check_out, status, _) = stay_of(&fleet, &walter).await;
        assert_eq!(
            (check_in, check_out, status.as_str()),
            (day(60), day(63), "pre_reserved")
        );
        let shown = text_of(&browser, "dl.reservation").await;
        assert!(
            shown.contains(&day(60).format("%d/%m/%Y").to_string()),
            "{shown}"
        );

        // The paid stay cancelled: the page shows what the policy gives back.
        browser
            .goto(&format!("{base}/admin/reservations/RES3000002"))
            .await
            .unwrap();
        let preview = text_of(&browser, "#refund-preview").await;
        assert!(
            preview.contains("100% de la seña") && preview.contains("30.000"),
            "{preview}"
        );
        click(&browser, "form.cancel button[type=submit]").await;
        notice_says(&browser, "Reserva cancelada").await;
        assert_eq!(status_of(&fleet, "RES3000002").await, "cancelled");
        let due: Option<i64> = sqlx::query_scalar(
            "SELECT c.refund_cents FROM cancellation_requests c
             JOIN reservations r ON r.id = c.reservation_id WHERE r.code = 'RES3000002'",
        )
        .fetch_one(&fleet.db)
        .await
        .unwrap();
        assert_eq!(due, Some(3_000_000));
        assert!(
            text_of(&browser, "dl.reservation")
                .await
                .contains("Devolución pendiente")
        );
    };
    run.await;
    browser.close().await.unwrap();
    fleet.drop_db().await;
}

#[tokio::test]
async fn in_a_browser_an_owner_refunds_once_and_blocked_dates_are_refused_and_exported() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    let cabin = cabin_of(&fleet, property).await;
    // Carla cancelled a month ahead: the whole deposit (30.000) is due back.
    cancelled_with_deposit_due(&fleet, cabin, "RES4000001", "5492944444001", "9101").await;

    let mp = mercadopago_fake().await;
    let refund = Mock::given(method("POST"))
        .and(path("/v1/payments/9101/refunds"))
        .and(header("x-idempotency-key", "refund-RES4000001"))
        .respond_with(ResponseTemplate::new(201).set_body_json(
            json!({ "id": 556001, "payment_id": 9101, "amount": 30000.0, "status": "approved" }),
        ))
        .expect(1)
        .mount_as_scoped(&mp)
        .await;
    let graph = graph_fake().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let base = fleet
        .spawn_ingress_with(|c| {
            c.console.cookie_secure = false;
            c.ical_export_secret = Some(secrecy::SecretString::from(SECRET));
        })
        .await;

    let driver = Driver::start().await;
    let browser = driver.browser().await;
    let run = async {
        browser.goto(&format!("{base}/admin/login")).await.unwrap();
        sign_in_browser(&browser, "duena@lago.test").await;

        // Pagos, open in two tabs: the refund button pressed in one and, before that page has
        // come back, in the other (still showing the deposit as due).
        let first = browser.window().await.unwrap();
        browser
            .goto(&format!("{base}/admin/payments"))
            .await
            .unwrap();
        let due = text_of(&browser, "table.due").await;
        assert!(due.contains("RES4000001"), "{due}");
        screenshot(&browser, "browser-payments").await;
        let second = browser.new_window(true).await.unwrap().handle;
        browser.switch_to_window(second.clone()).await.unwrap();
        browser
            .goto(&format!("{base}/admin/payments"))
            .await
            .unwrap();
        assert!(text_of(&browser, "table.due").await.contains("RES4000001"));
        browser.switch_to_window(first.clone()).await.unwrap();
        let button = "form[action=\"/admin/payments/RES4000001/refund\"] button";
        // A script's click returns at once, without waiting for the page it asks for.
        browser
            .execute(
                "document.querySelector(arguments[0]).click();",
                vec![json!(button)],
            )
            .await
            .unwrap();
        browser.switch_to_window(second.clone()).await.unwrap();
        click(&browser, button).await;
        for tab in [second, first] {
            browser.switch_to_window(tab).await.unwrap();
            assert!(
                eventually(Duration::from_secs(10), || async {
                    browser
                        .current_url()
                        .await
                        .is_ok_and(|u| u.query().is_some_and(|q| q.contains("aviso=")))
                })
                .await,
                "the press came back to Pagos"
            );
        }
        reaches(
            &fleet,
            "SELECT count(*) FROM refunds WHERE code = 'RES4000001' AND amount = 30000 AND provider_refund_id = '556001'",
            1,
        )
        .await;
        let told = sent_texts_when(&graph, 1).await;
        assert!(told[0].contains("Te devolvimos"), "{told:?}");
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let calls = mp
            .received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|r| r.url.path().ends_with("/refunds"))
            .count();
        assert_eq!(calls, 1, "refund calls at Mercado Pago");
        assert_eq!(
            count(&fleet.db, "SELECT count(*) FROM refunds").await,
            1,
            "refund rows"
        );
        assert_eq!(sent_texts(&graph).await.len(), 1, "the guest told once");
        browser
            .goto(&format!("{base}/admin/payments"))
            .await
            .unwrap();
        let after = text_of(&browser, "main").await;
        assert!(after.contains("No hay señas para devolver"), "{after}");

        // Calendario: two nights of the cabin blocked with the form.
        let check_in = (Utc::now() + Days::days(45)).date_naive();
        browser
            .goto(&format!("{base}/admin/calendar"))
            .await
            .unwrap();
        text_of(&browser, "table.month").await;
        screenshot(&browser, "browser-calendar").await;
        browser
            .find(Locator::Css("form.block select[name=cabin]"))
            .await
            .unwrap()
            .select_by_value(&cabin.to_string())
            .await
            .unwrap();
        set(
            &browser,
            "form.block input[name=from]",
            &check_in.to_string(),
        )
        .await;
        set(
            &browser,
            "form.block input[name=to]",
            &(check_in + Days::days(2)).to_string(),
        )
        .await;
        type_into(&browser, "form.block input[name=note]", "pintura del deck").await;
        click(&browser, "form.block button[type=submit]").await;
        notice_says(&browser, "Fechas bloqueadas").await;
        let blocks = staff_blocks(&fleet).await;
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        let (_, code, _) = blocks[0].clone();
        let (_, from, to, _, _) = stay_of(&fleet, &code).await;
        assert_eq!((from, to), (check_in, check_in + Days::days(2)));

        // A guest asking for those nights is told there is no room.
        let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5491166660002", WA_SECRET);
        let refused = ask(&guest, &graph, check_in, 2).await;
        assert!(refused.contains("no nos queda lugar"), "{refused}");

        // The cabin's export carries them as a busy event.
        let export = reqwest::get(::calendar::token::url(&base, SECRET.as_bytes(), cabin))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let event = export
            .split("BEGIN:VEVENT")
            .find(|e| e.contains(&format!("UID:{code}@booking-fleet")))
            .unwrap_or_else(|| panic!("no event for {code}: {export}"));
        assert!(
            event.contains(&format!("DTSTART;VALUE=DATE:{}", check_in.format("%Y%m%d")))
                && event.contains(&format!(
                    "DTEND;VALUE=DATE:{}",
                    (check_in + Days::days(2)).format("%Y%m%d")
                )),
            "{event}"
        );
    };
    run.await;
    drop(refund);
    browser.close().await.unwrap();
    fleet.drop_db().await;
}

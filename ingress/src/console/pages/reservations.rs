//! Reservations (owner, staff): the property's list with a search, one reservation, and two
//! actions on it.
//!
//! - Confirm a hold paid another way (cash, a transfer): the same `ConfirmPayment` job, under
//!   the same key (`staff:<code>`), as the scripts' bearer-token endpoint
//!   (`routes::admin::staff_confirmation`), written to the outbox in the action's transaction
//!   with its audit row and relayed after the commit; the workers confirm it as they confirm a
//!   payment, so a hold is confirmed once however often either is pressed.
//! - Cancel a confirmed reservation with the property's cancellation policy: what comes back is
//!   what the guest was told when they asked (their open request), or else the policy applied
//!   today (`booking::CancellationPolicy::applied`). The reservation's nights are free again and
//!   the refund left due is recorded with the request, in one transaction with the audit row; a
//!   second press finds it cancelled and changes nothing. The guest is told, in their
//!   language, that it is cancelled and what comes back (`texts::cancelled_by_staff_in`): an
//!   outbox row written in the same transaction, keyed `console:cancel:<code>:guest`, so a
//!   cancellation tells them once.
//!
//! Creating one by hand and moving one are [`super::manual`].

use std::sync::Arc;

use conversation::{Language, texts};
use jobs::{
    effects::{Effect, FollowUp},
    payloads::ReplyBody,
};
use poem::{
    Response, handler,
    web::{Data, Path, Query},
};
use serde::Deserialize;
use store::{
    console::reservations::{self as booked, Cancellation, ToCancel},
    outbox::NewEffect,
};

use super::{Notice, audit_row, db, failing, write_effects};
use crate::{
    console::{ConsoleError, auth::Staff, views},
    middleware::RequestContext,
    routes::admin::staff_confirmation,
    state::AppState,
};

/// A reservation code from the path: anything that cannot be one is a page that does not exist.
pub(super) fn code_of(raw: &str) -> Result<String, ConsoleError> {
    // Codes are letters and digits (`RES261215007`; older or imported ones differ in shape).
    let code = raw.to_ascii_uppercase();
    let valid = (3..=32).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric());
    if valid {
        Ok(code)
    } else {
        Err(ConsoleError::NotFound)
    }
}

pub(super) fn back(code: &str, notice: &str) -> Response {
    views::see_other(&format!("/admin/reservations/{code}?aviso={notice}"))
}

#[derive(Deserialize)]
pub struct Search {
    q: Option<String>,
}

/// `GET /admin/reservations?q=`.
#[handler]
pub async fn list(
    staff: Staff,
    Query(search): Query<Search>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let q = search.q.unwrap_or_default();
    if q.chars().count() > 100 {
        return Err(ConsoleError::TooLarge);
    }
    let rows = booked::list(
        db(state)?,
        staff.account.property_id,
        Some(q.as_str()),
        booked::LISTED,
    )
    .await
    .map_err(|e| ConsoleError::unavailable("reading the reservations", e))?;
    Ok(views::reservations(&staff, q.trim(), &rows))
}

/// `GET /admin/reservations/:code`.
#[handler]
pub async fn show(
    staff: Staff,
    Path(code): Path<String>,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let code = code_of(&code)?;
    let db = db(state)?;
    let r = booked::one(db, staff.account.property_id, &code)
        .await
        .map_err(|e| ConsoleError::unavailable("reading a reservation", e))?
        .ok_or(ConsoleError::NotFound)?;
    // What cancelling now would give back, shown before staff press the button (read, not
    // locked: the cancellation locks and decides again), and the cabins it may move to.
    let mut conn = db
        .acquire()
        .await
        .map_err(|e| ConsoleError::unavailable("reading a reservation", e))?;
    let refund = if r.status == "confirmed" {
        preview(&mut conn, staff.account.property_id, &code)
            .await?
            .map(|(_, c)| c)
    } else {
        None
    };
    let cabins = store::availability::of_property(&mut conn, staff.account.property_id)
        .await
        .map_err(|e| ConsoleError::unavailable("reading the cabins", e))?;
    let notice = notice.aviso.as_deref().and_then(views::reservation_notice);
    Ok(views::reservation(
        &staff,
        &r,
        refund.as_ref(),
        &cabins,
        notice,
    ))
}

/// The reservation and what cancelling it now gives back, for the page to show.
async fn preview(
    conn: &mut sqlx::PgConnection,
    property_id: i64,
    code: &str,
) -> Result<Option<(ToCancel, Cancellation)>, ConsoleError> {
    const WHAT: &str = "reading a reservation";
    let Some(r) = booked::to_cancel(&mut *conn, property_id, code)
        .await
        .map_err(failing(WHAT))?
    else {
        return Ok(None);
    };
    let property = store::properties::by_id(&mut *conn, property_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let c = refund(&r, &property.cancellation(), 0);
    Ok(Some((r, c)))
}

/// What cancelling `r` gives back: an open request keeps what the guest was told when they
/// asked; without one, the property's policy applied on the property's today.
pub fn refund(r: &ToCancel, policy: &booking::CancellationPolicy, account_id: i64) -> Cancellation {
    let (days, percent, credit) = match (r.requested_percent, r.requested_days) {
        (Some(percent), Some(days)) => (
            i64::from(days),
            u8::try_from(percent.clamp(0, 100)).unwrap_or(0),
            u8::try_from(r.requested_credit_months.unwrap_or(0).clamp(0, 24)).unwrap_or(0),
        ),
        _ => {
            let applied = policy.applied(r.check_in, r.today);
            (
                applied.days_left,
                applied.share.percent(),
                applied.credit_months.unwrap_or(0),
            )
        }
    };
    Cancellation {
        reservation_id: r.id,
        account_id,
        days_before_check_in: days,
        refund_percent: percent,
        credit_months: credit,
        refund_cents: r.deposit_cents.max(0) * i64::from(percent) / 100,
    }
}

/// The outbox row that has the workers confirm hold `code` as paid another way: the same
/// `ConfirmPayment` job, under the same key, as the scripts' endpoint; `None` for what cannot
/// be a code.
pub(super) fn confirmation(code: &str) -> Option<NewEffect> {
    let (key, job) = staff_confirmation(code)?;
    Some(NewEffect::new(
        format!("console:confirm:{code}"),
        Effect::enqueue(key, FollowUp::ConfirmPayment(job)),
    ))
}

/// The message to the guest of `reservation_id`, in their language, keyed `key`; none when
/// the reservation has no way to reach them (no phone or email, or the property has no such
/// channel).
pub(super) async fn guest_message(
    conn: &mut sqlx::PgConnection,
    reservation_id: i64,
    key: String,
    text: impl FnOnce(Language) -> String,
) -> Result<Option<NewEffect>, store::StoreError> {
    let Some(channel) = store::reservations::guest_channel(&mut *conn, reservation_id).await?
    else {
        return Ok(None);
    };
    let language = store::conversations::language_of_reservation(conn, reservation_id).await?;
    Ok(Some(NewEffect::new(
        key,
        Effect::Reply {
            channel,
            body: ReplyBody::Text {
                text: text(language),
            },
            speak: None,
        },
    )))
}

/// `POST /admin/reservations/:code/paid` (the bearer-token endpoint keeps `…/confirm`).
#[handler]
pub async fn confirm(
    staff: Staff,
    Path(code): Path<String>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<Response, ConsoleError> {
    let code = code_of(&code)?;
    const WHAT: &str = "confirming a reservation";
    let db = db(state)?;
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    let r = booked::one(&mut *tx, staff.account.property_id, &code)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    if r.status != "pre_reserved" {
        return Ok(back(&code, "no-pendiente"));
    }
    let effect = confirmation(&code).ok_or(ConsoleError::NotFound)?;
    let rows = write_effects(&mut tx, &format!("console:confirm:{code}"), ctx, &[effect])
        .await
        .map_err(failing(WHAT))?;
    let subject = format!("reservation:{code}");
    let detail = serde_json::json!({ "written": rows.len() });
    store::staff::audit(&mut *tx, audit_row(&staff, "confirm", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    super::relay(state, db, &rows).await;
    Ok(back(&code, "confirmando"))
}

/// `POST /admin/reservations/:code/cancel`.
#[handler]
pub async fn cancel(
    staff: Staff,
    Path(code): Path<String>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<Response, ConsoleError> {
    let code = code_of(&code)?;
    const WHAT: &str = "cancelling a reservation";
    let db = db(state)?;
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    let r = booked::lock_for_cancel(&mut tx, staff.account.property_id, &code)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    if r.status == "cancelled" {
        return Ok(back(&code, "ya-cancelada"));
    }
    if r.status != "confirmed" {
        return Ok(back(&code, "no-confirmada"));
    }
    let property = store::properties::by_id(&mut *tx, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let decided = refund(&r, &property.cancellation(), staff.account.id);
    let cause = format!("console:cancel:{code}");
    let cancelled = booked::cancel(&mut tx, &decided, &cause)
        .await
        .map_err(failing(WHAT))?;
    if !cancelled {
        return Ok(back(&code, "ya-cancelada"));
    }
    let told = booking::Refund {
        days_left: decided.days_before_check_in,
        share: booking::Share::of(decided.refund_percent),
        credit_months: (decided.credit_months > 0).then_some(decided.credit_months),
    };
    let message = guest_message(&mut tx, r.id, format!("{cause}:guest"), |language| {
        texts::cancelled_by_staff_in(language, &code, &told)
    })
    .await
    .map_err(failing(WHAT))?;
    let rows = write_effects(&mut tx, &cause, ctx, message.as_slice())
        .await
        .map_err(failing(WHAT))?;
    let subject = format!("reservation:{code}");
    let detail = serde_json::json!({
        "refund_percent": decided.refund_percent,
        "refund_cents": decided.refund_cents,
        "credit_months": decided.credit_months,
        "days_before_check_in": decided.days_before_check_in,
        "guest_told": !rows.is_empty(),
    });
    store::staff::audit(&mut *tx, audit_row(&staff, "cancel", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    super::relay(state, db, &rows).await;
    Ok(back(&code, "cancelada"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_cancel(check_in: &str, today: &str, requested: Option<(i32, i32)>) -> ToCancel {
        ToCancel {
            id: 1,
            status: "confirmed".into(),
            check_in: check_in.parse().unwrap(),
            deposit_cents: 9_000_000,
            today: today.parse().unwrap(),
            requested_percent: requested.map(|r| r.0),
            requested_credit_months: requested.map(|_| 0),
            requested_days: requested.map(|r| r.1),
        }
    }

    #[test]
    fn the_policy_applies_today_unless_the_guest_asked_before() {
        let policy = booking::CancellationPolicy::new(15, 50, 0).unwrap();
        // Twenty days before: the whole deposit.
        let early = refund(&to_cancel("2027-01-21", "2027-01-01", None), &policy, 7);
        assert_eq!((early.refund_percent, early.refund_cents), (100, 9_000_000));
        assert_eq!(early.days_before_check_in, 20);
        assert_eq!(early.account_id, 7);
        // Five days before: the late share.
        let late = refund(&to_cancel("2027-01-06", "2027-01-01", None), &policy, 7);
        assert_eq!((late.refund_percent, late.refund_cents), (50, 4_500_000));
        // The guest asked when the whole deposit came back: they keep what they were told.
        let asked = refund(
            &to_cancel("2027-01-06", "2027-01-01", Some((100, 20))),
            &policy,
            7,
        );
        assert_eq!((asked.refund_percent, asked.refund_cents), (100, 9_000_000));
        assert_eq!(asked.days_before_check_in, 20);
    }

    #[test]
    fn only_codes_of_letters_and_digits_are_pages() {
        assert_eq!(code_of("res0012").unwrap(), "RES0012");
        assert_eq!(code_of("RESHOLD001").unwrap(), "RESHOLD001");
        let long = format!("RES{}", "1".repeat(40));
        for bad in ["", "RE", "../RES1", "RES 1", "RES-1", "RES1%", &long] {
            assert!(code_of(bad).is_err(), "{bad}");
        }
    }
}

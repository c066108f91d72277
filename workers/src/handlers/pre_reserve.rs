//! `PreReserve`: a hold on an accommodation. A short Redis lock per accommodation spares the
//! database pointless races; the exclusion constraint on `reservations` is the guarantee. The
//! hold commits with the job's idempotency record; then the Mercado Pago payment link is made
//! (idempotent per code, so a retry gets the same link) and the guest gets code, dates, total,
//! deposit, expiry and link. A lost race gets a kind "no disponible" with nearby alternatives.

use std::time::Duration;

use chrono::Utc;
use jobs::{
    Envelope, JobError,
    payloads::{Channel, PreReserve, ReplyBody},
};
use serde_json::json;
use sqlx::PgConnection;

use super::{property, replies};
use crate::{
    booking::{
        Guests, Money, StayDates,
        availability::{self, Accommodation},
        holds::{self, HoldRequest},
    },
    channels::mercadopago::PreferenceRequest,
    conversation::texts,
    handler::Handle,
    idempotency::{self, db_error},
    state::State,
};

impl Handle for PreReserve {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let p = &job.payload;
        let stay = StayDates::new(p.check_in, p.check_out)
            .map_err(|e| JobError::permanent(e.to_string()))?;
        let guests = Guests::new(p.guests).map_err(|e| JobError::permanent(e.to_string()))?;
        let lock_name = format!("accommodation:{}", p.accommodation_id);
        let lock = state
            .queue
            .lock(&lock_name, Duration::from_secs(10), Duration::from_secs(2))
            .await
            .ok()
            .flatten();
        let placed = place(&state, &job, stay, guests).await;
        if let Some(lock) = lock {
            let _ = state.queue.unlock(lock).await;
        }
        placed?;
        if let Some(outcome) = idempotency::outcome(&state.db, &job.meta).await?
            && let Some(code) = outcome.get("code").and_then(|c| c.as_str())
        {
            send_payment_link(&state, &job, code).await?;
        }
        replies::dispatch(&state, &job.meta.effect_key()).await
    }
}

/// The hold and its idempotency record, in one transaction; or, when the nights are taken,
/// the "no disponible" reply with alternatives.
async fn place(
    state: &State,
    job: &Envelope<PreReserve>,
    stay: StayDates,
    guests: Guests,
) -> Result<(), JobError> {
    let Some(mut tx) = idempotency::begin(&state.db, &job.meta).await? else {
        return Ok(());
    };
    let p = &job.payload;
    let accommodation = availability::by_id(&mut *tx, p.accommodation_id)
        .await
        .map_err(db_error)?
        .ok_or_else(|| {
            JobError::permanent(format!("accommodation {} not found", p.accommodation_id))
        })?;
    let (phone, email) = match &p.channel {
        Channel::Whatsapp { from, .. } => (Some(from.expose().to_owned()), None),
        Channel::Email { from, .. } => (None, Some(from.clone())),
    };
    let request = HoldRequest {
        accommodation: &accommodation,
        stay,
        guests,
        guest_name: p.guest_name.as_deref(),
        guest_phone: phone.as_deref(),
        guest_email: email.as_deref(),
        channel_source: channel_source(&p.channel),
        expires_at: Utc::now() + chrono::Duration::minutes(state.config.hold_minutes),
    };
    match holds::place(&mut tx, &request).await.map_err(db_error)? {
        Some(hold) => {
            metrics::counter!("reservations_total", "channel_source" => channel_source(&p.channel), "status" => "pre_reserved").increment(1);
            idempotency::set_outcome(&mut tx, &job.meta, &json!({ "code": hold.code })).await?;
        }
        None => {
            metrics::counter!("fleet_holds_lost_races_total").increment(1);
            let text = not_available(&mut tx, &accommodation, &stay, guests).await?;
            let cause = format!("{}:reply", job.meta.effect_key());
            replies::write(
                &mut tx,
                &cause,
                &p.channel,
                &ReplyBody::Text { text },
                Some(p.received_at_ms),
            )
            .await?;
        }
    }
    idempotency::commit(tx).await
}

async fn not_available(
    conn: &mut PgConnection,
    taken: &Accommodation,
    stay: &StayDates,
    guests: Guests,
) -> Result<String, JobError> {
    let Some(property) = property::by_id(conn, taken.property_id)
        .await
        .map_err(db_error)?
    else {
        return Ok(texts::NO_ROOM.into());
    };
    let free_now = availability::free(conn, property.id, stay, guests)
        .await
        .map_err(db_error)?;
    let options: Vec<(StayDates, Accommodation)> = if free_now.is_empty() {
        availability::alternatives(conn, property.id, stay, guests, property.today(), 3)
            .await
            .map_err(db_error)?
    } else {
        free_now.into_iter().take(3).map(|a| (*stay, a)).collect()
    };
    if options.is_empty() {
        return Ok(texts::NO_ROOM.into());
    }
    Ok(texts::alternatives_for(stay, guests.get(), &options))
}

#[derive(sqlx::FromRow)]
struct HeldStay {
    code: String,
    accommodation: String,
    property_id: i64,
    check_in: chrono::NaiveDate,
    check_out: chrono::NaiveDate,
    guests: i32,
    total_cents: i64,
    deposit_cents: i64,
    expires_at: Option<chrono::DateTime<Utc>>,
    payment_link: Option<String>,
    currency: String,
}

/// Makes (once) the hold's payment link and writes the reply that carries it.
async fn send_payment_link(
    state: &State,
    job: &Envelope<PreReserve>,
    code: &str,
) -> Result<(), JobError> {
    let held: HeldStay = sqlx::query_as(
        "SELECT r.code, a.name AS accommodation, a.property_id, r.check_in, r.check_out, r.guests,
                (r.total_amount * 100)::int8 AS total_cents, (r.deposit_amount * 100)::int8 AS deposit_cents,
                r.expires_at, r.payment_link, p.currency::text AS currency
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id JOIN properties p ON p.id = a.property_id
         WHERE r.code = $1",
    )
    .bind(code)
    .fetch_one(&state.db)
    .await
    .map_err(db_error)?;
    let link = match &held.payment_link {
        Some(link) => link.clone(),
        None => create_link(state, &held).await?,
    };
    let mut conn = state.db.acquire().await.map_err(db_error)?;
    let property = property::by_id(&mut conn, held.property_id)
        .await
        .map_err(db_error)?;
    let expires_local = held
        .expires_at
        .zip(property.as_ref())
        .map(|(t, p)| {
            t.with_timezone(&p.tz())
                .format("%H:%M del %d/%m")
                .to_string()
        })
        .unwrap_or_default();
    let text = texts::hold_placed(&texts::HoldLines {
        code: &held.code,
        accommodation: &held.accommodation,
        check_in: held.check_in,
        check_out: held.check_out,
        guests: held.guests as u16,
        total: Money::from_cents(held.total_cents),
        deposit: Money::from_cents(held.deposit_cents),
        expires: &expires_local,
        link: &link,
    });
    let cause = format!("{}:reply", job.meta.effect_key());
    replies::write(
        &mut conn,
        &cause,
        &job.payload.channel,
        &ReplyBody::Text { text },
        Some(job.payload.received_at_ms),
    )
    .await
}

async fn create_link(state: &State, held: &HeldStay) -> Result<String, JobError> {
    let title = format!("Seña reserva {} · {}", held.code, held.accommodation);
    let request = PreferenceRequest {
        code: &held.code,
        title: &title,
        amount: Money::from_cents(held.deposit_cents),
        currency: &held.currency,
        expires_at: held.expires_at.unwrap_or_else(Utc::now),
        notification_url: state.config.mercadopago_notification_url.as_deref(),
    };
    let link = state.mercadopago.create_preference(&request).await?;
    sqlx::query("UPDATE reservations SET payment_link = $2, updated_at = now() WHERE code = $1 AND payment_link IS NULL")
        .bind(&held.code)
        .bind(&link)
        .execute(&state.db)
        .await
        .map_err(db_error)?;
    Ok(link)
}

fn channel_source(channel: &Channel) -> &'static str {
    match channel {
        Channel::Whatsapp { .. } => "whatsapp",
        Channel::Email { .. } => "email",
    }
}

//! `PreReserve`: a hold on an accommodation. A short Redis lock per accommodation spares the
//! database pointless races; the exclusion constraint on `reservations` is the guarantee.
//!
//! Two transactions, because a provider call sits between them: the first places the hold
//! (with the job's idempotency record), or, when the nights are taken, answers with the nearest
//! free stays; after it, the Mercado Pago payment link is made (idempotent per code, so a retry
//! gets the same link) and the second writes the message that carries it (its key is unique,
//! so a replay writes nothing twice). A replay finds its hold by the job's effect key.
//!
//! A group's `PreReserve` (keyed `group:<message id>`) places nothing: the turn that accepted
//! the group placed its holds together under the job's key. It makes the one payment link for
//! the sum of their deposits (the preference references the group's code) and sends the one
//! reply that lists every cabin.

use std::time::Duration;

use booking::{Guests, Money, StayDates, availability::Occupancy};
use channels::{ChannelError, mercadopago::PreferenceRequest};
use chrono::Utc;
use conversation::{Language, texts};
use jobs::{Envelope, JobError, coordination::Locks, payloads::PreReserve};
use store::{
    availability, conversations, holds, properties,
    reservations::{self, HeldStay},
};

use crate::{
    effects,
    handler::Handle,
    outbox,
    pms::{self, PmsError, PropertySystem},
    run::Run,
    state::State,
};

impl Handle for PreReserve {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        let p = &job.payload;
        if effects::is_group(run.key()) {
            return group_link(&state, &run, p).await;
        }
        let stay = StayDates::new(p.check_in, p.check_out)
            .map_err(|e| JobError::permanent(e.to_string()))?;
        let guests = Guests::new(p.guests).map_err(|e| JobError::permanent(e.to_string()))?;
        let lock_name = format!("accommodation:{}", p.accommodation_id);
        let lock = Locks::new(&state.queue)
            .acquire(&lock_name, Duration::from_secs(10), Duration::from_secs(2))
            .await
            .ok()
            .flatten();
        let placed = place(&state, &run, p, stay, guests).await;
        if let Some(lock) = lock {
            let _ = lock.release().await;
        }
        placed?;
        if let Some(held) = reservations::held_by_cause(&state.db, run.key()).await?
            && book_in_pms(&state, &run, p, &held).await?
        {
            send_payment_link(&state, &run, p, &held).await?;
        }
        outbox::flush(&state, &run).await
    }
}

/// Makes the booking of the local hold in the property's PMS (on the fleet's own store, the
/// hold is the booking). `Ok(false)` when the PMS refused it, or is down with its breaker open:
/// the hold is released and the guest told kindly, in one transaction. A PMS that fails for now
/// (an error, no answer) makes the job try again, the hold kept meanwhile.
async fn book_in_pms(
    state: &State,
    run: &Run,
    p: &PreReserve,
    held: &HeldStay,
) -> Result<bool, JobError> {
    let mut conn = state.db.acquire().await.map_err(store::StoreError::from)?;
    let system = pms::for_property(
        state.qloapps.as_ref(),
        &state.flags,
        &mut conn,
        held.property_id,
    )
    .await;
    drop(conn);
    let booked = match system {
        Ok(system) => system
            .create_booking(&state.db, &held.code)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    let refused = match booked {
        Ok(()) => return Ok(true),
        Err(PmsError::Refused(why)) => {
            tracing::warn!(code = %held.code, %why, "the PMS refused a held stay; releasing the hold");
            true
        }
        Err(PmsError::Unavailable(ChannelError::Open { .. })) => {
            tracing::warn!(code = %held.code, "the PMS is down (breaker open); releasing the hold");
            false
        }
        // Switched to a PMS that is not set up (no QLOAPPS_URL, no hotel or room type mapped):
        // nothing can be booked there, so the hold is released as if it were down.
        Err(PmsError::NotSetUp(why)) => {
            tracing::error!(code = %held.code, %why, "the property's PMS is not set up; releasing the hold");
            false
        }
        Err(e) => return Err(e.into()),
    };
    metrics::counter!("fleet_pms_holds_released_total", "reason" => if refused { "refused" } else { "unavailable" })
        .increment(1);
    let language = conversations::language_of(&state.db, held.property_id, &p.channel).await?;
    let text = if refused {
        texts::pms_refused_in(language, &held.accommodation)
    } else {
        texts::pms_unavailable_in(language, &held.accommodation)
    };
    let reply = effects::text(format!("{}:reply", run.key()), &p.channel, text)
        .answering(p.received_at_ms, false);
    let mut tx = state.db.begin().await.map_err(store::StoreError::from)?;
    reservations::release_unpaid(&mut tx, &held.code).await?;
    run.commit(tx, &[reply]).await?;
    Ok(false)
}

/// The hold and its idempotency record, in one transaction; or, when the nights are taken,
/// the "no disponible" reply with alternatives.
async fn place(
    state: &State,
    run: &Run,
    p: &PreReserve,
    stay: StayDates,
    guests: Guests,
) -> Result<(), JobError> {
    let Some(mut tx) = run.begin(&state.db).await? else {
        return Ok(());
    };
    let accommodation = availability::by_id(&mut *tx, p.accommodation_id)
        .await?
        .ok_or_else(|| {
            JobError::permanent(format!("accommodation {} not found", p.accommodation_id))
        })?;
    let (phone, email) = match &p.channel {
        jobs::payloads::Channel::Whatsapp { from, .. } => (Some(from.expose().to_owned()), None),
        jobs::payloads::Channel::Email { from, .. } => (None, Some(from.clone())),
    };
    let request = holds::HoldRequest {
        accommodation: &accommodation,
        stay,
        guests,
        guest_name: p.guest_name.as_deref(),
        guest_phone: phone.as_deref(),
        guest_email: email.as_deref(),
        channel_source: p.channel.name(),
        expires_at: Utc::now() + chrono::Duration::minutes(state.config.hold_minutes),
        cause: run.key(),
    };
    // A group's hold is placed with the others by the turn that accepted them (all or none):
    // this job only sends its payment link.
    if reservations::held_by_cause(&mut *tx, run.key())
        .await?
        .is_some()
    {
        return run.commit(tx, &[]).await;
    }
    let mut effects = Vec::new();
    // A move (the guest corrected the dates or people of an unpaid hold): the old hold is
    // released in this same transaction, and kept when the new nights are taken.
    let placed = match effects::replaced_hold(run.key()) {
        Some(old) => holds::place_replacing(&mut tx, old, &request).await?,
        None => holds::place(&mut tx, &request).await?,
    };
    match placed {
        Some(_) => {
            metrics::counter!("reservations_total", "channel_source" => p.channel.name(), "status" => "pre_reserved").increment(1);
        }
        None => {
            metrics::counter!("fleet_holds_lost_races_total").increment(1);
            let property = properties::by_id(&mut *tx, accommodation.property_id).await?;
            let all = availability::of_property(&mut tx, accommodation.property_id).await?;
            let taken =
                availability::taken(&mut tx, accommodation.property_id, Occupancy::window(&stay))
                    .await?;
            let occupancy = Occupancy {
                accommodations: &all,
                taken: &taken,
            };
            let today = property.as_ref().map_or(p.check_in, |p| p.today());
            let text = conversation::policy::not_available(&occupancy, &stay, guests, today);
            effects.push(
                effects::text(format!("{}:reply", run.key()), &p.channel, text)
                    .answering(p.received_at_ms, false),
            );
        }
    }
    run.commit(tx, &effects).await
}

/// Makes (once) the hold's payment link and writes the reply that carries it.
async fn send_payment_link(
    state: &State,
    run: &Run,
    p: &PreReserve,
    held: &HeldStay,
) -> Result<(), JobError> {
    let link = match &held.payment_link {
        Some(link) => link.clone(),
        None => create_link(state, held).await?,
    };
    let property = properties::by_id(&state.db, held.property_id).await?;
    let language = conversations::language_of(&state.db, held.property_id, &p.channel).await?;
    let expires_local = expires_local(language, held, property.as_ref());
    let text = texts::hold_placed_in(
        language,
        &texts::HoldLines {
            code: &held.code,
            accommodation: &held.accommodation,
            check_in: held.check_in,
            check_out: held.check_out,
            guests: held.guests as u16,
            total: Money::from_cents(held.total_cents),
            deposit: Money::from_cents(held.deposit_cents),
            expires: &expires_local,
            link: &link,
            replaces: effects::replaced_hold(run.key()),
        },
    );
    let reply = effects::text(format!("{}:reply", run.key()), &p.channel, text)
        .answering(p.received_at_ms, false);
    let tx = state.db.begin().await.map_err(store::StoreError::from)?;
    run.commit(tx, &[reply]).await
}

/// A group's holds were placed together by the turn that accepted them, under this job's key:
/// it makes (once) the one payment link for the sum of their deposits and writes the one reply
/// that lists every cabin and carries it.
async fn group_link(state: &State, run: &Run, p: &PreReserve) -> Result<(), JobError> {
    if let Some(tx) = run.begin(&state.db).await? {
        run.commit(tx, &[]).await?;
    }
    let Some(group) = reservations::group_by_cause(&state.db, run.key()).await? else {
        // The turn commits the group with the row that enqueued this job: never seen.
        return Err(JobError::permanent(format!(
            "no group placed under {}",
            run.key()
        )));
    };
    let Some(first) = group.members.first() else {
        return Err(JobError::permanent(format!(
            "group {} has no holds",
            group.code
        )));
    };
    if group.payment_link.is_none() && !book_group_in_pms(state, run, p, &group).await? {
        return outbox::flush(state, run).await;
    }
    let link = match &group.payment_link {
        Some(link) => link.clone(),
        None => {
            let names: Vec<&str> = group
                .members
                .iter()
                .map(|m| m.accommodation.as_str())
                .collect();
            let title = format!("Seña reserva {} · {}", group.code, names.join(" + "));
            let request = PreferenceRequest {
                code: &group.code,
                title: &title,
                amount: Money::from_cents(group.deposit_cents()),
                currency: &first.currency,
                expires_at: first.expires_at.unwrap_or_else(Utc::now),
                notification_url: state.config.mercadopago_notification_url.as_deref(),
            };
            let link = state.mercadopago.create_preference(&request).await?;
            reservations::set_group_payment_link(&state.db, group.id, &link).await?;
            link
        }
    };
    let property = properties::by_id(&state.db, first.property_id).await?;
    let language = conversations::language_of(&state.db, first.property_id, &p.channel).await?;
    let cabins: Vec<texts::GroupCabin<'_>> = group
        .members
        .iter()
        .map(|m| texts::GroupCabin {
            code: &m.code,
            accommodation: &m.accommodation,
            guests: u16::try_from(m.guests).unwrap_or(1),
        })
        .collect();
    let text = texts::group_hold_placed_in(
        language,
        &texts::GroupHoldLines {
            code: &group.code,
            cabins: &cabins,
            check_in: first.check_in,
            check_out: first.check_out,
            total: Money::from_cents(group.total_cents()),
            deposit: Money::from_cents(group.deposit_cents()),
            expires: &expires_local(language, first, property.as_ref()),
            link: &link,
        },
    );
    let reply = effects::text(format!("{}:reply", run.key()), &p.channel, text)
        .answering(p.received_at_ms, false);
    let tx = state.db.begin().await.map_err(store::StoreError::from)?;
    run.commit(tx, &[reply]).await?;
    outbox::flush(state, run).await
}

/// Makes the booking of each of a group's holds in the property's PMS, before its one payment
/// link. `Ok(false)` when the PMS refused one or its breaker is open: the whole group is
/// released and the guest told, in one transaction; bookings the PMS made for the others are
/// cancelled there by the next expiry tick (`pms::tell_releases`).
async fn book_group_in_pms(
    state: &State,
    run: &Run,
    p: &PreReserve,
    group: &reservations::GroupStay,
) -> Result<bool, JobError> {
    let Some(first) = group.members.first() else {
        return Ok(true);
    };
    let mut conn = state.db.acquire().await.map_err(store::StoreError::from)?;
    let system = pms::for_property(
        state.qloapps.as_ref(),
        &state.flags,
        &mut conn,
        first.property_id,
    )
    .await;
    drop(conn);
    // A PMS not set up is answered below like each stay's refusal; any other failure retries.
    let system = match system {
        Ok(system) => Ok(system),
        Err(PmsError::NotSetUp(why)) => Err(why),
        Err(e) => return Err(e.into()),
    };
    let mut refused = None;
    for member in &group.members {
        let booked = match &system {
            Ok(system) => system
                .create_booking(&state.db, &member.code)
                .await
                .map(|_| ()),
            Err(why) => Err(PmsError::NotSetUp(why.clone())),
        };
        match booked {
            Ok(()) => {}
            Err(PmsError::Refused(why)) => {
                tracing::warn!(code = %member.code, %why, "the PMS refused a group's stay; releasing the group");
                refused = Some(true);
                break;
            }
            Err(PmsError::Unavailable(ChannelError::Open { .. })) => {
                refused = Some(false);
                break;
            }
            // As for one stay: a PMS not set up books nothing, so the group is released.
            Err(PmsError::NotSetUp(why)) => {
                tracing::error!(code = %member.code, %why, "the property's PMS is not set up; releasing the group");
                refused = Some(false);
                break;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let Some(refused) = refused else {
        return Ok(true);
    };
    metrics::counter!("fleet_pms_holds_released_total", "reason" => if refused { "refused" } else { "unavailable" })
        .increment(1);
    let language = conversations::language_of(&state.db, first.property_id, &p.channel).await?;
    let text = if refused {
        texts::group_taken(language).to_owned()
    } else {
        let names: Vec<&str> = group
            .members
            .iter()
            .map(|m| m.accommodation.as_str())
            .collect();
        texts::pms_unavailable_in(language, &names.join(" + "))
    };
    let reply = effects::text(format!("{}:reply", run.key()), &p.channel, text)
        .answering(p.received_at_ms, false);
    let mut tx = state.db.begin().await.map_err(store::StoreError::from)?;
    reservations::release_unpaid(&mut tx, &first.code).await?;
    run.commit(tx, &[reply]).await?;
    Ok(false)
}

/// When the hold lapses, in the property's time and the guest's words.
fn expires_local(
    language: Language,
    held: &HeldStay,
    property: Option<&properties::Property>,
) -> String {
    let at = match language {
        Language::Es => "%H:%M del %d/%m",
        Language::En => "%H:%M on %d/%m",
        Language::Pt => "%H:%M de %d/%m",
    };
    held.expires_at
        .zip(property)
        .map(|(t, p)| t.with_timezone(&p.tz()).format(at).to_string())
        .unwrap_or_default()
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
    reservations::set_payment_link(&state.db, &held.code, &link).await?;
    Ok(link)
}

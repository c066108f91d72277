//! `ParseIntent`: a guest's words (typed, emailed or transcribed), or a message without words.
//! Opens the turn (`store::turns::open`: the job's idempotency record, the property, the
//! conversation, the guest's current hold and the version of the property's accommodations, in
//! one statement; the accommodations themselves from the process's copy, `crate::catalog`),
//! reads the nights taken when the guest asks about dates, lets `conversation::turn` decide,
//! and closes the turn with the new state and its effects (replies, a booking to place or
//! move) in one statement of the same transaction;
//! a hold the guest gives up is released in that same transaction, a guest's request to cancel
//! a paid reservation is recorded in it for staff, and a group's holds (several cabins, one
//! request under one code) are placed in it, all or none.
//!
//! A message the bot must not answer (staff took the guest over, the property's
//! `auto_replies` flag is off, or its `email_channel` flag is off and this came by email) is
//! only recorded: the turn commits with no effects and the conversation's state is untouched.
//! The flags come from the worker's short cache (`crate::flags`).

use booking::availability::Occupancy;
use booking::{Accommodation, Guests, StayDates};
use chrono::Utc;
use conversation::{
    Booking, Effect, Facts, Held, HeldGroup, HeldPart, Incoming, Language, Say, Wordless, nlu,
    texts,
};
use jobs::{
    Envelope, JobError,
    payloads::{self, ParseIntent},
};
use store::{Conn, availability, conversations, holds, reservations, turns};

use crate::{
    effects::{self, Answering},
    handler::Handle,
    notices::{self, About, Notice},
    outbox,
    pms::{self, PmsError, PropertySystem},
    run::Run,
    spoken,
    state::State,
};

/// How much of the guest's message an owner's notice quotes (characters).
const SAID_IN_NOTICE: usize = 280;

impl Handle for ParseIntent {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        'turn: {
            let mut tx = run.begin_unrecorded(&state.db).await?;
            let p = &job.payload;
            let inbound = conversations::Inbound {
                message_id: &p.message_id,
                kind: match &p.wordless {
                    Some(payloads::Wordless::Media { kind }) => kind,
                    Some(payloads::Wordless::Email) => "email",
                    None => "text",
                },
                body: &p.text,
            };
            let opening = turns::open(&mut tx, &p.channel, inbound, run.record())
                .await?
                .ok_or_else(|| {
                    JobError::permanent(format!(
                        "no property answers at {}",
                        p.channel.describe_route()
                    ))
                })?;
            let turns::Opened {
                property,
                conversation,
                catalog_version,
                held,
                group,
                others,
            } = match opening {
                turns::Opening::Turn(opened) => *opened,
                turns::Opening::Done => {
                    run.replay(tx).await?;
                    break 'turn;
                }
            };
            let flags = state.flags.get(&mut *tx, property.id).await?;
            if let Some(why) = silenced(conversation.taken_over, &flags, &p.channel) {
                // The message is recorded (by `open`), and the bot does not answer it: staff
                // answer from the console.
                tracing::info!(why, "guest message recorded, not answered");
                run.commit(tx, &[]).await?;
                return outbox::flush(&state, &run).await;
            }
            let accommodations = state
                .catalog
                .accommodations(&mut tx, property.id, catalog_version)
                .await?;
            let today = property.today();
            let understood;
            let incoming = match &p.wordless {
                Some(payloads::Wordless::Media { kind }) => {
                    Incoming::Wordless(Wordless::Media(kind))
                }
                Some(payloads::Wordless::Email) => Incoming::Wordless(Wordless::Email),
                None => {
                    let names: Vec<&str> = accommodations.iter().map(|a| a.name.as_str()).collect();
                    understood = nlu::understand(&p.text, today, &names);
                    metrics::counter!("fleet_nlu_messages_total", "intent" => understood.intent.as_str())
                        .increment(1);
                    tracing::info!(
                        intent = understood.intent.as_str(),
                        confidence = understood.confidence,
                        "message understood"
                    );
                    Incoming::Words(&understood)
                }
            };
            let taken = match incoming {
                Incoming::Words(u) => {
                    match conversation::dates_in_question(&conversation.state, u, today) {
                        Some(stay) => {
                            let window = Occupancy::window(&stay);
                            let qloapps = state.qloapps.as_ref();
                            match pms::for_pms(qloapps, flags.pms, &mut tx, property.id).await {
                                Ok(system) => system.taken(&mut tx, property.id, window).await?,
                                // Switched to a PMS not set up yet: the guest is still answered
                                // (on the fleet's nights); booking tells them kindly.
                                Err(PmsError::NotSetUp(why)) => {
                                    tracing::error!(property_id = property.id, %why, "the property's PMS is not set up; offering on the fleet's nights");
                                    availability::taken(&mut tx, property.id, window).await?
                                }
                                Err(e) => return Err(e.into()),
                            }
                        }
                        None => Vec::new(),
                    }
                }
                Incoming::Wordless(_) => Vec::new(),
            };
            let place = property.place();
            let tz = property.tz();
            let held = held.map(|h| {
                let parts = h.group_code.clone().map(|code| HeldGroup {
                    code,
                    parts: group
                        .iter()
                        .map(|p| HeldPart {
                            code: p.code.clone(),
                            accommodation_id: p.accommodation_id,
                            accommodation: p.accommodation.clone(),
                            check_in: p.check_in,
                            check_out: p.check_out,
                            guests: u16::try_from(p.guests).unwrap_or(1),
                        })
                        .collect(),
                });
                held_of(h, parts, tz)
            });
            let others: Vec<Held> = others.into_iter().map(|h| held_of(h, None, tz)).collect();
            let facts = Facts {
                today,
                place: &place,
                occupancy: Occupancy {
                    accommodations: &accommodations,
                    taken: &taken,
                },
                held: held.as_ref(),
                others: &others,
                public_base_url: &state.config.public_base_url,
            };

            let turn = conversation::turn(&conversation.state, incoming, &facts);

            let mut decided = Vec::with_capacity(turn.effects.len());
            for effect in turn.effects {
                match effect {
                    Effect::ReleaseHold { code } => {
                        if !reservations::release_unpaid(&mut tx, &code).await? {
                            tracing::warn!(%code, "hold to release was no longer live");
                        }
                    }
                    // The reservation stays confirmed: staff decide, from this record.
                    Effect::RequestCancellation { code, refund } => {
                        let recorded =
                            reservations::request_cancellation(&mut tx, &code, &refund, run.key())
                                .await?;
                        tracing::info!(%code, recorded, refund_percent = refund.share.percent(), "guest asked to cancel a paid reservation; recorded for staff");
                        decided.push(Effect::RequestCancellation { code, refund });
                    }
                    Effect::BookTogether(bookings) => {
                        let group = Group {
                            channel: &p.channel,
                            message_id: &p.message_id,
                            accommodations: &accommodations,
                            hold_minutes: state.config.hold_minutes,
                        };
                        if group.place(&mut tx, &bookings).await? {
                            decided.push(Effect::BookTogether(bookings));
                        } else {
                            let language = turn.state.language;
                            decided.push(Effect::Say(Say::Text(
                                texts::group_taken(language).to_owned(),
                            )));
                        }
                    }
                    Effect::MoveGroup { code, to } => {
                        let group = Group {
                            channel: &p.channel,
                            message_id: &p.message_id,
                            accommodations: &accommodations,
                            hold_minutes: state.config.hold_minutes,
                        };
                        let language = turn.state.language;
                        let shown = facts.held.map_or(code.as_str(), Held::shown_code);
                        if group.replace(&mut tx, &code, &to).await? {
                            decided.push(Effect::Say(Say::Text(group.moved(language, shown, &to))));
                            decided.push(Effect::MoveGroup { code, to });
                        } else {
                            decided.push(Effect::Say(Say::Text(texts::group_move_taken(
                                language, shown,
                            ))));
                        }
                    }
                    other => decided.push(other),
                }
            }
            let voice = p.transcript_confidence.is_some();
            let speak = spoken::speak_in(&flags, &p.channel, voice, turn.state.language);
            let answering = Answering {
                channel: &p.channel,
                message_id: &p.message_id,
                received_at_ms: p.received_at_ms,
                voice,
                speak,
            };
            let mut notified = Vec::new();
            for effect in &decided {
                if let Effect::RequestCancellation { code, refund } = effect {
                    let notice = Notice::CancellationRequested { code, refund };
                    notified.push(notice);
                }
            }
            let asked_for_person =
                turn.state.needs_human && !conversation.state.needs_human && notified.is_empty();
            let guest = p.channel.guest_address();
            let said: String = p.text.chars().take(SAID_IN_NOTICE).collect();
            if asked_for_person {
                notified.push(Notice::PersonWanted {
                    conversation_id: conversation.id,
                    guest: &guest,
                    said: &said,
                });
            }
            let mut owed = Vec::new();
            for (n, notice) in notified.iter().enumerate() {
                owed.extend(
                    notices::to_owners(
                        &mut tx,
                        &state.config.notices,
                        About::Property(property.id),
                        &format!("{}:{n}", run.key()),
                        notice,
                    )
                    .await?,
                );
            }
            let mut effects = effects::of_turn(run.key(), &answering, decided)?;
            effects.extend(owed);
            run.commit_turn(tx, conversation.id, &turn.state, &effects)
                .await?;
        }
        outbox::flush(&state, &run).await
    }
}

/// Why the bot records a guest's message and does not answer it, if it does not: staff took
/// this guest over in the console, the property switched the bot's replies off
/// (`auto_replies`), or it does not answer email (`email_channel`) and this came by email.
fn silenced(
    taken_over: bool,
    flags: &store::flags::PropertyFlags,
    channel: &payloads::Channel,
) -> Option<&'static str> {
    if taken_over {
        Some("taken over")
    } else if !flags.auto_replies {
        Some("auto_replies off")
    } else if matches!(channel, payloads::Channel::Email { .. }) && !flags.email_channel {
        Some("email_channel off")
    } else {
        None
    }
}

/// A group's cabins, held together in the turn's transaction as one request: all or none, one
/// group code. The group is placed under the cause its one `PreReserve` will run with, so that
/// job only sends the one payment link for all the deposits.
struct Group<'a> {
    channel: &'a jobs::payloads::Channel,
    message_id: &'a str,
    accommodations: &'a [Accommodation],
    hold_minutes: i64,
}

impl Group<'_> {
    /// `true` when every cabin was held; `false` (nothing held) when any was taken meanwhile.
    async fn place(&self, tx: &mut Conn, bookings: &[Booking]) -> Result<bool, JobError> {
        self.hold(tx, None, bookings).await
    }

    /// Holds `bookings` as a new group in place of the unpaid hold `code` and its group, in
    /// one go: `true` when every new cabin was held (the old ones released), `false` when any
    /// was taken meanwhile (the old ones kept, nothing new held).
    async fn replace(
        &self,
        tx: &mut Conn,
        code: &str,
        bookings: &[Booking],
    ) -> Result<bool, JobError> {
        self.hold(tx, Some(code), bookings).await
    }

    /// What the guest is told when their group moved: its code, the new cabins, dates and
    /// people.
    fn moved(&self, language: Language, code: &str, bookings: &[Booking]) -> String {
        let names: Vec<&str> = bookings
            .iter()
            .filter_map(|b| {
                self.accommodations
                    .iter()
                    .find(|a| a.id == b.accommodation_id)
            })
            .map(|a| a.name.as_str())
            .collect();
        let guests = bookings.iter().map(|b| b.guests).sum();
        match bookings
            .first()
            .and_then(|b| StayDates::new(b.check_in, b.check_out).ok())
        {
            Some(stay) => texts::moving_hold(
                language,
                code,
                &texts::list(language, &names),
                &stay,
                guests,
            ),
            None => texts::clarify(language).to_owned(),
        }
    }

    async fn hold(
        &self,
        tx: &mut Conn,
        replacing: Option<&str>,
        bookings: &[Booking],
    ) -> Result<bool, JobError> {
        let (phone, email) = match self.channel {
            jobs::payloads::Channel::Whatsapp { from, .. } => {
                (Some(from.expose().to_owned()), None)
            }
            jobs::payloads::Channel::Email { from, .. } => (None, Some(from.clone())),
        };
        let group = effects::group_cause(self.message_id)?;
        let mut parts = Vec::with_capacity(bookings.len());
        for (n, b) in bookings.iter().enumerate() {
            let accommodation = self
                .accommodations
                .iter()
                .find(|a| a.id == b.accommodation_id)
                .ok_or_else(|| {
                    JobError::permanent(format!("accommodation {} not found", b.accommodation_id))
                })?;
            let stay = StayDates::new(b.check_in, b.check_out)
                .map_err(|e| JobError::permanent(e.to_string()))?;
            let guests = Guests::new(b.guests).map_err(|e| JobError::permanent(e.to_string()))?;
            parts.push((
                accommodation,
                stay,
                guests,
                effects::group_hold_cause(&group, n),
            ));
        }
        let expires_at = Utc::now() + chrono::Duration::minutes(self.hold_minutes);
        let requests: Vec<holds::HoldRequest<'_>> = parts
            .iter()
            .map(|(accommodation, stay, guests, cause)| holds::HoldRequest {
                accommodation,
                stay: *stay,
                guests: *guests,
                guest_name: None,
                guest_phone: phone.as_deref(),
                guest_email: email.as_deref(),
                channel_source: self.channel.name(),
                expires_at,
                cause,
            })
            .collect();
        let placed = match replacing {
            Some(code) => holds::place_group_replacing(tx, code, &group, &requests).await?,
            None => holds::place_group(tx, &group, &requests).await?,
        };
        Ok(placed.is_some())
    }
}

/// A stay of the guest as the turn sees it: in the property's time zone, with its group.
fn held_of(h: reservations::GuestStay, group: Option<HeldGroup>, tz: chrono_tz::Tz) -> Held {
    Held {
        group,
        code: h.code,
        accommodation_id: h.accommodation_id,
        accommodation: h.accommodation,
        check_in: h.check_in,
        check_out: h.check_out,
        guests: u16::try_from(h.guests).unwrap_or(1),
        paid: h.paid,
        payment_link: h.payment_link,
        holds_until: h.expires_at.map(|t| t.with_timezone(&tz).naive_local()),
    }
}

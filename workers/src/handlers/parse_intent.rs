//! `ParseIntent`: a guest's words (typed, emailed or transcribed). Understands them in the
//! light of the conversation so far, answers (availability, prices, info, questions for what is
//! missing) and, when the guest books, hands a `PreReserve` to the queue. Everything it decides
//! commits in one transaction with the message and the new conversation state.

use jobs::{
    Envelope, JobError,
    domain::IdempotencyKey,
    payloads::{Channel, ParseIntent, PreReserve, ReplyBody},
};
use serde_json::json;
use sqlx::PgConnection;

use super::{info, property::Property, replies};
use crate::{
    booking::availability::{self, Accommodation},
    conversation::{
        plan::{Step, plan},
        state::{ConversationState, Offer, OfferOption, Want},
        texts::{self, OfferLine},
    },
    handler::Handle,
    idempotency::{self, db_error},
    nlu,
    state::State,
};

impl Handle for ParseIntent {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let cause = job.meta.effect_key();
        if let Some(mut tx) = idempotency::begin(&state.db, &job.meta).await? {
            let p = &job.payload;
            let property = super::property::for_channel(&mut tx, &p.channel)
                .await
                .map_err(db_error)?
                .ok_or_else(|| {
                    JobError::permanent(format!("no property answers at {}", route_of(&p.channel)))
                })?;
            let (conversation, memory) =
                open_conversation(&mut tx, property.id, &p.channel).await?;
            record_message(&mut tx, conversation, &p.message_id, "text", &p.text).await?;

            let accommodations = availability::of_property(&mut tx, property.id)
                .await
                .map_err(db_error)?;
            let names: Vec<&str> = accommodations.iter().map(|a| a.name.as_str()).collect();
            let today = property.today();
            let understood = nlu::understand(&p.text, today, &names);
            metrics::counter!("fleet_nlu_messages_total", "intent" => understood.intent.as_str())
                .increment(1);
            tracing::info!(
                intent = understood.intent.as_str(),
                confidence = understood.confidence,
                "message understood"
            );

            let (step, mut memory) = plan(&memory, &understood, today);
            let turn = Turn {
                property: &property,
                accommodations: &accommodations,
                job: &job,
            };
            let outcome = turn.run(&mut tx, step, &mut memory).await?;
            for (i, body) in outcome.replies.iter().enumerate() {
                replies::write(
                    &mut tx,
                    &format!("{cause}:reply:{i}"),
                    &p.channel,
                    body,
                    Some(p.received_at_ms),
                )
                .await?;
            }
            save_conversation(&mut tx, conversation, &memory).await?;
            if let Some(book) = &outcome.book {
                let follow_up = json!({ "pre_reserve": book });
                idempotency::set_outcome(&mut tx, &job.meta, &follow_up).await?;
            }
            idempotency::commit(tx).await?;
        }
        replies::dispatch(&state, &cause).await?;
        hand_over_booking(&state, &job).await
    }
}

/// What one turn produced.
#[derive(Default)]
struct Outcome {
    replies: Vec<ReplyBody>,
    book: Option<PreReserve>,
}

struct Turn<'a> {
    property: &'a Property,
    accommodations: &'a [Accommodation],
    job: &'a Envelope<ParseIntent>,
}

fn text(t: impl Into<String>) -> ReplyBody {
    ReplyBody::Text { text: t.into() }
}

impl Turn<'_> {
    async fn run(
        &self,
        conn: &mut PgConnection,
        step: Step,
        memory: &mut ConversationState,
    ) -> Result<Outcome, JobError> {
        let reply = |t: String| {
            Ok(Outcome {
                replies: vec![text(t)],
                book: None,
            })
        };
        match step {
            Step::Greet => reply(jobs::texts::WELCOME.into()),
            Step::AskGuests => reply(texts::ASK_GUESTS.into()),
            Step::AskDates => match memory.wants {
                Some(Want::Price) if memory.check_in.is_none() => match self.accommodations.first()
                {
                    Some(a) => reply(texts::price_from(&a.name, a.tariff().base_per_night)),
                    None => reply(texts::ASK_DATES.into()),
                },
                _ => reply(texts::ASK_DATES.into()),
            },
            Step::Clarify => reply(texts::CLARIFY.into()),
            Step::Human => reply(texts::HUMAN.into()),
            Step::Cancel { code } => reply(texts::cancel(code.as_deref())),
            Step::Invalid(e) => reply(texts::invalid(&e)),
            Step::Info {
                topic,
                accommodation,
            } => Ok(Outcome {
                replies: info::answer(
                    topic,
                    self.property,
                    self.accommodations,
                    accommodation.as_deref(),
                ),
                book: None,
            }),
            Step::BookOffer { offer, choice } => {
                let option = offer.options.get(choice).or(offer.options.first());
                let Some(option) = option else {
                    return reply(texts::NO_ROOM.into());
                };
                Ok(Outcome {
                    replies: vec![],
                    book: Some(self.pre_reserve(
                        option.accommodation_id,
                        offer.check_in,
                        offer.check_out,
                        offer.guests,
                    )),
                })
            }
            Step::Quote {
                stay,
                guests,
                want,
                accommodation,
            } => {
                let free = availability::free(conn, self.property.id, &stay, guests)
                    .await
                    .map_err(db_error)?;
                if !free.is_empty() {
                    let named = accommodation
                        .as_ref()
                        .and_then(|n| free.iter().find(|a| &a.name == n));
                    if want == Want::Book {
                        let chosen = named.unwrap_or(&free[0]);
                        *memory = ConversationState {
                            needs_human: memory.needs_human,
                            ..Default::default()
                        };
                        return Ok(Outcome {
                            replies: vec![],
                            book: Some(self.pre_reserve(
                                chosen.id,
                                stay.check_in(),
                                stay.check_out(),
                                guests.get(),
                            )),
                        });
                    }
                    let mut ordered: Vec<&Accommodation> = named.into_iter().collect();
                    ordered.extend(
                        free.iter()
                            .filter(|a| Some(a.id) != named.map(|n| n.id))
                            .take(3 - ordered.len()),
                    );
                    let lines: Vec<OfferLine<'_>> = ordered
                        .iter()
                        .map(|a| texts::offer_line(a, &stay))
                        .collect();
                    memory.offer = Some(Offer {
                        check_in: stay.check_in(),
                        check_out: stay.check_out(),
                        guests: guests.get(),
                        options: ordered
                            .iter()
                            .map(|a| OfferOption {
                                accommodation_id: a.id,
                                name: a.name.clone(),
                            })
                            .collect(),
                    });
                    return reply(texts::offer(&stay, guests.get(), &lines));
                }
                let today = self.property.today();
                let alternatives =
                    availability::alternatives(conn, self.property.id, &stay, guests, today, 3)
                        .await
                        .map_err(db_error)?;
                let Some((first_stay, first)) = alternatives.first() else {
                    return reply(texts::NO_ROOM.into());
                };
                memory.offer = Some(Offer {
                    check_in: first_stay.check_in(),
                    check_out: first_stay.check_out(),
                    guests: guests.get(),
                    options: vec![OfferOption {
                        accommodation_id: first.id,
                        name: first.name.clone(),
                    }],
                });
                reply(texts::alternatives_for(&stay, guests.get(), &alternatives))
            }
        }
    }

    fn pre_reserve(
        &self,
        accommodation_id: i64,
        check_in: chrono::NaiveDate,
        check_out: chrono::NaiveDate,
        guests: u16,
    ) -> PreReserve {
        let p = &self.job.payload;
        PreReserve {
            channel: p.channel.clone(),
            cause_message_id: p.message_id.clone(),
            accommodation_id,
            check_in,
            check_out,
            guests,
            guest_name: None,
            received_at_ms: p.received_at_ms,
        }
    }
}

/// Enqueues the booking this message decided (also on a replay after the commit), once.
async fn hand_over_booking(state: &State, job: &Envelope<ParseIntent>) -> Result<(), JobError> {
    let Some(outcome) = idempotency::outcome(&state.db, &job.meta).await? else {
        return Ok(());
    };
    let Some(book) = outcome.get("pre_reserve") else {
        return Ok(());
    };
    let book: PreReserve =
        serde_json::from_value(book.clone()).map_err(|e| JobError::permanent(e.to_string()))?;
    let key = IdempotencyKey::namespaced("book", &job.payload.message_id)
        .map_err(|e| JobError::permanent(e.to_string()))?;
    let options = crate::handler::follow_up(key);
    state
        .queue
        .enqueue(&book, options)
        .await
        .map_err(|e| JobError::transient(e.to_string()))?;
    Ok(())
}

fn route_of(channel: &Channel) -> String {
    match channel {
        Channel::Whatsapp {
            phone_number_id, ..
        } => format!("WhatsApp number id {phone_number_id}"),
        Channel::Email { to, .. } => format!("address {to}"),
    }
}

fn channel_parts(channel: &Channel) -> (&'static str, String) {
    match channel {
        Channel::Whatsapp { from, .. } => ("whatsapp", from.expose().to_owned()),
        Channel::Email { from, .. } => ("email", from.to_lowercase()),
    }
}

/// Finds or opens the guest's conversation and locks it for this turn (two messages of one
/// guest are handled one after the other). Returns its id and what it remembers.
pub async fn open_conversation(
    conn: &mut PgConnection,
    property_id: i64,
    channel: &Channel,
) -> Result<(i64, ConversationState), JobError> {
    let (channel_name, address) = channel_parts(channel);
    sqlx::query(
        "INSERT INTO conversations (property_id, channel, guest_address) VALUES ($1, $2, $3)
         ON CONFLICT (property_id, channel, guest_address) DO NOTHING",
    )
    .bind(property_id)
    .bind(channel_name)
    .bind(&address)
    .execute(&mut *conn)
    .await
    .map_err(db_error)?;
    let (id, stored, age_hours): (i64, serde_json::Value, f64) = sqlx::query_as(
        "SELECT id, state, extract(epoch FROM now() - updated_at)::float8 / 3600 FROM conversations
         WHERE property_id = $1 AND channel = $2 AND guest_address = $3 FOR UPDATE",
    )
    .bind(property_id)
    .bind(channel_name)
    .bind(&address)
    .fetch_one(&mut *conn)
    .await
    .map_err(db_error)?;
    Ok((id, ConversationState::from_stored(stored, age_hours)))
}

pub async fn save_conversation(
    conn: &mut PgConnection,
    id: i64,
    memory: &ConversationState,
) -> Result<(), JobError> {
    sqlx::query("UPDATE conversations SET state = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(serde_json::to_value(memory).map_err(|e| JobError::permanent(e.to_string()))?)
        .execute(conn)
        .await
        .map_err(db_error)?;
    Ok(())
}

pub async fn record_message(
    conn: &mut PgConnection,
    conversation: i64,
    message_id: &str,
    kind: &str,
    body: &str,
) -> Result<(), JobError> {
    sqlx::query(
        "INSERT INTO inbound_messages (conversation_id, provider_message_id, kind, body)
         VALUES ($1, $2, $3, $4) ON CONFLICT (provider_message_id) DO NOTHING",
    )
    .bind(conversation)
    .bind(message_id)
    .bind(kind)
    .bind(body)
    .execute(conn)
    .await
    .map_err(db_error)?;
    Ok(())
}

//! The inbox (owner, staff): the property's conversations (those that asked for a person on
//! top), one conversation with its messages and what the bot understood, and the hand-off:
//! take over (the bot records the guest's messages and stays quiet, `ParseIntent`), answer,
//! hand back.
//!
//! An answer goes out the way the bot's do: an outbox row written in the action's transaction
//! (with the take-over extended and the audit row), then a `send_reply` job keyed
//! `reply:<effect key>` like every relayed reply, so a sweep that relays the row again enqueues
//! nothing; `send_reply` sends it at most once. The effect key is
//! `console:<conversation>:<form nonce>`: a form posted twice writes one row. WhatsApp lets a
//! business write only within 24 hours of the guest's last message; outside that window
//! nothing is written and the page says so. Email is always answered.

use std::sync::Arc;

use jobs::{
    effects::Effect,
    payloads::{Channel, ReplyBody},
};
use poem::{
    Response, handler,
    web::{Data, Form, Path, Query},
};
use serde::Deserialize;
use store::outbox::NewEffect;

use super::{Notice, audit_row, db};
use crate::{
    console::{ConsoleError, auth::Staff, views},
    middleware::RequestContext,
    state::AppState,
};

/// Conversations listed at most.
const LISTED: i64 = 200;
/// The longest answer accepted (WhatsApp takes 4,096 characters).
pub const MAX_ANSWER_CHARS: usize = 4000;

/// A conversation id from the path: anything but a positive number is a page that does not
/// exist.
fn conversation_id(raw: &str) -> Result<i64, ConsoleError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(ConsoleError::NotFound)
}

fn back(id: i64, notice: &str) -> Response {
    views::see_other(&format!("/admin/inbox/{id}?aviso={notice}"))
}

/// `GET /admin/inbox`.
#[handler]
pub async fn list(
    staff: Staff,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let db = db(state)?;
    let items = store::console::inbox(db, staff.account.property_id, LISTED)
        .await
        .map_err(|e| ConsoleError::unavailable("reading the inbox", e))?;
    // Guests who asked to cancel a paid reservation go on top, with the conversations.
    let cancellations =
        store::console::reservations::open_cancellations(db, staff.account.property_id)
            .await
            .map_err(|e| ConsoleError::unavailable("reading the cancellation requests", e))?;
    Ok(views::inbox(&staff, &items, &cancellations))
}

/// `GET /admin/inbox/:id`.
#[handler]
pub async fn show(
    staff: Staff,
    Path(id): Path<String>,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let id = conversation_id(&id)?;
    let conversation = store::console::conversation(db(state)?, staff.account.property_id, id)
        .await
        .map_err(|e| ConsoleError::unavailable("reading a conversation", e))?
        .ok_or(ConsoleError::NotFound)?;
    let notice = notice.aviso.as_deref().and_then(views::notice);
    Ok(views::conversation(&staff, &conversation, notice))
}

/// `POST /admin/inbox/:id/take`.
#[handler]
pub async fn take(
    staff: Staff,
    Path(id): Path<String>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let id = conversation_id(&id)?;
    let failed = |e| ConsoleError::unavailable("taking a conversation over", e);
    let mut tx = db(state)?.begin().await.map_err(failed)?;
    let taken = store::console::take_over(&mut tx, staff.account.property_id, id, staff.account.id)
        .await
        .map_err(|e| ConsoleError::unavailable("taking a conversation over", e))?;
    if !taken {
        return Err(ConsoleError::NotFound);
    }
    let subject = format!("conversation:{id}");
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "take_over", &subject, &serde_json::json!({})),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failed)?;
    Ok(back(id, "tomada"))
}

/// `POST /admin/inbox/:id/release`.
#[handler]
pub async fn release(
    staff: Staff,
    Path(id): Path<String>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let id = conversation_id(&id)?;
    let failed = |e| ConsoleError::unavailable("handing a conversation back", e);
    let mut tx = db(state)?.begin().await.map_err(failed)?;
    let released = store::console::hand_back(&mut tx, staff.account.property_id, id)
        .await
        .map_err(|e| ConsoleError::unavailable("handing a conversation back", e))?;
    if !released {
        return Err(ConsoleError::NotFound);
    }
    let subject = format!("conversation:{id}");
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "hand_back", &subject, &serde_json::json!({})),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failed)?;
    Ok(back(id, "devuelta"))
}

#[derive(Deserialize)]
pub struct Answer {
    text: String,
    /// Random per rendering of the form: the same form posted twice is one answer.
    nonce: String,
}

/// `POST /admin/inbox/:id/reply`.
#[handler]
pub async fn reply(
    staff: Staff,
    Path(id): Path<String>,
    Form(answer): Form<Answer>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<Response, ConsoleError> {
    let id = conversation_id(&id)?;
    let text = answer.text.trim();
    if text.is_empty() {
        return Ok(back(id, "vacia"));
    }
    if text.chars().count() > MAX_ANSWER_CHARS {
        return Err(ConsoleError::TooLarge);
    }
    if answer.nonce.len() != 64 || !answer.nonce.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ConsoleError::BadForm);
    }
    let failed = |e| ConsoleError::unavailable("answering a guest", e);
    let db = db(state)?;
    let mut tx = db.begin().await.map_err(failed)?;
    let target = match store::console::reply_target(&mut tx, staff.account.property_id, id).await {
        Ok(Some(target)) => target,
        Ok(None) => return Err(ConsoleError::NotFound),
        Err(store::console::TargetError::NoRoute) => return Err(ConsoleError::NotFound),
        Err(e) => return Err(ConsoleError::unavailable("answering a guest", e)),
    };
    let within_window = target
        .last_inbound
        .is_some_and(|at| chrono::Utc::now() - at < chrono::Duration::hours(24));
    if matches!(target.channel, Channel::Whatsapp { .. }) && !within_window {
        return Ok(back(id, "ventana"));
    }
    let cause = format!("console:{id}");
    let effect = NewEffect::new(
        format!("{cause}:{}", answer.nonce.to_ascii_lowercase()),
        Effect::Reply {
            channel: target.channel,
            body: ReplyBody::Text {
                text: text.to_owned(),
            },
            speak: None,
        },
    );
    let rows = super::write_effects(&mut tx, &cause, ctx, &[effect])
        .await
        .map_err(|e| ConsoleError::unavailable("answering a guest", e))?;
    // Answering is holding the conversation: the bot must not talk over staff.
    store::console::take_over(&mut tx, staff.account.property_id, id, staff.account.id)
        .await
        .map_err(|e| ConsoleError::unavailable("answering a guest", e))?;
    let subject = format!("conversation:{id}");
    let detail = serde_json::json!({
        "effect_keys": rows.iter().map(|r| r.effect_key.as_str()).collect::<Vec<_>>(),
        "chars": text.chars().count(),
    });
    store::staff::audit(&mut *tx, audit_row(&staff, "reply", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failed)?;
    super::relay(state, db, &rows).await;
    Ok(back(id, "enviada"))
}

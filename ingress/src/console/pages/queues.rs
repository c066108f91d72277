//! The fleet's queues (owners only): how many jobs of each type wait, run, wait for a retry or
//! died, the dead letters with why they died, and the two things `fleetctl dlq` does to one:
//! re-drive it (back to waiting with fresh attempts, `RedisQueue::redrive`) or discard it
//! (`RedisQueue::purge_dead`), through the very same backend calls.
//!
//! The queues are the fleet's, shared by every property: a dead letter's payload may be another
//! property's guest's message or booking. So this page never reads a payload into anything it
//! shows: a [`Letter`] holds only the id, the attempts, when it died and the error (untrusted
//! text, escaped by the template like any guest's). Staff accounts get the 404 of a page that
//! does not exist ([`Owner`]).
//!
//! Each action that moved a letter writes its audit row (`dead_letter:<queue>:<id>`) after the
//! backend call, which is atomic in Redis; a second press finds no letter and the first press's
//! audit row, and answers with a notice, doing nothing. An unknown queue, an id that is not a
//! job id, or a letter this property's owners never acted on and that is not dead: 404.

use std::sync::Arc;

use jobs::{
    QueueName,
    backend::{DeadLetter, QueueDepth},
};
use poem::{
    Response, handler,
    web::{Data, Path, Query},
};

use super::{Notice, audit_row, db, failing};
use crate::{
    console::{ConsoleError, auth::Owner, views},
    state::AppState,
};

/// Dead letters shown per queue, the oldest first (`fleetctl dlq list` shows the rest).
pub const LETTERS_SHOWN: usize = 50;

/// One queue on the page.
pub struct Queue {
    pub name: QueueName,
    pub depth: QueueDepth,
    pub letters: Vec<Letter>,
}

/// A dead letter as the console shows it: what failed and why, never what it carried.
pub struct Letter {
    pub id: String,
    pub attempts: u32,
    pub max_attempts: u32,
    /// When it died, in the property's time zone.
    pub died: String,
    pub error: String,
}

impl Letter {
    /// Keeps what may be shown of `letter`; its payload and key are dropped here.
    fn shown(letter: DeadLetter, tz: chrono_tz::Tz) -> Letter {
        let died = chrono::DateTime::from_timestamp_millis(letter.dead_at_ms)
            .map(|t| t.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_default();
        Letter {
            id: letter.id,
            attempts: letter.attempts,
            max_attempts: letter.max_attempts,
            died,
            error: letter.last_error,
        }
    }
}

/// `GET /admin/queues`.
#[handler]
pub async fn list(
    Owner(staff): Owner,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "reading the queues";
    let property = store::properties::by_id(db(state)?, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let depths = state
        .queue
        .depth(&QueueName::ALL)
        .await
        .map_err(failing(WHAT))?;
    let tz = property.tz();
    let mut queues = Vec::with_capacity(depths.len());
    for (name, depth) in depths {
        let letters = if depth.dead == 0 {
            Vec::new()
        } else {
            state
                .queue
                .dead_letters(name, LETTERS_SHOWN)
                .await
                .map_err(failing(WHAT))?
                .into_iter()
                .map(|l| Letter::shown(l, tz))
                .collect()
        };
        queues.push(Queue {
            name,
            depth,
            letters,
        });
    }
    let notice = notice.aviso.as_deref().and_then(views::queue_notice);
    Ok(views::queues(&staff, &queues, notice))
}

/// What an owner does with a dead letter.
#[derive(Clone, Copy)]
enum Act {
    Redrive,
    Discard,
}

impl Act {
    /// The action named by the path's last segment; any other is a page that does not exist.
    fn named(raw: &str) -> Result<Act, ConsoleError> {
        match raw {
            "redrive" => Ok(Act::Redrive),
            "discard" => Ok(Act::Discard),
            _ => Err(ConsoleError::NotFound),
        }
    }

    fn audited_as(self) -> &'static str {
        match self {
            Act::Redrive => "redrive_dead_letter",
            Act::Discard => "discard_dead_letter",
        }
    }
}

/// A job id from the path (the backend's: a UUID's 32 lowercase hex digits); anything else is
/// a page that does not exist.
fn job_id(raw: &str) -> Result<String, ConsoleError> {
    let valid = raw.len() == 32 && raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if valid {
        Ok(raw.to_owned())
    } else {
        Err(ConsoleError::NotFound)
    }
}

fn back(notice: &str) -> Response {
    views::see_other(&format!("/admin/queues?aviso={notice}"))
}

/// `POST /admin/queues/:queue/dead/:id/redrive` and `…/discard`.
#[handler]
pub async fn act(
    Owner(staff): Owner,
    Path((queue, id, act)): Path<(String, String, String)>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "acting on a dead letter";
    let act = Act::named(&act)?;
    let queue: QueueName = queue.parse().map_err(|_| ConsoleError::NotFound)?;
    let id = job_id(&id)?;
    let db = db(state)?;
    let ids = std::slice::from_ref(&id);
    let moved = match act {
        Act::Redrive => state.queue.redrive(queue, ids).await,
        Act::Discard => state.queue.purge_dead(queue, ids).await,
    }
    .map_err(failing(WHAT))?;
    let subject = format!("dead_letter:{queue}:{id}");
    if moved == 0 {
        // Not (or no longer) a dead letter: a second press finds the first one's row.
        let before = store::staff::last_action_on(db, staff.account.property_id, &subject)
            .await
            .map_err(failing(WHAT))?;
        return match before {
            Some(_) => Ok(back("ya-hecho")),
            None => Err(ConsoleError::NotFound),
        };
    }
    let detail = serde_json::json!({ "queue": queue.as_str() });
    store::staff::audit(db, audit_row(&staff, act.audited_as(), &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tracing::info!(
        account = staff.account.id,
        %queue,
        job = %id,
        action = act.audited_as(),
        "console: dead letter handled"
    );
    Ok(back(match act {
        Act::Redrive => "reintentado",
        Act::Discard => "descartado",
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_backends_job_ids_are_pages() {
        let id = "0190a1b2c3d4e5f60718293a4b5c6d7e";
        assert_eq!(job_id(id).unwrap(), id);
        let upper = id.to_ascii_uppercase();
        let long = format!("{id}0");
        for bad in [
            "",
            "abc",
            &upper,
            &long,
            "0190a1b2c3d4e5f60718293a4b5c6d7g",
            "../0190a1b2c3d4e5f60718293a4b5c6d",
        ] {
            assert!(job_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_letter_shown_keeps_no_payload() {
        let letter = DeadLetter {
            id: "0190a1b2c3d4e5f60718293a4b5c6d7e".into(),
            attempts: 3,
            max_attempts: 9,
            last_error: "<script>x</script>".into(),
            dead_at_ms: 1_800_000_000_000,
            idempotency_key: "mp:1:1".into(),
            payload: "{\"guest\":\"Lucía\"}".into(),
        };
        let shown = Letter::shown(letter, chrono_tz::America::Argentina::Buenos_Aires);
        assert_eq!(shown.died, "15/01/2027 05:00");
        assert_eq!((shown.attempts, shown.max_attempts), (3, 9));
        assert_eq!(shown.error, "<script>x</script>");
    }
}

//! `fleetctl dlq`: dead letters for staff: what failed, how often, and why; re-drive or purge.

use jobs::{QueueName, RedisQueue};

pub async fn list(
    queue: &RedisQueue,
    name: QueueName,
    limit: usize,
    json: bool,
) -> anyhow::Result<String> {
    let letters = queue.dead_letters(name, limit).await?;
    if json {
        return Ok(letters
            .iter()
            .map(|l| serde_json::to_string(l).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n"));
    }
    if letters.is_empty() {
        return Ok(format!("no dead letters in {name}"));
    }
    Ok(letters
        .iter()
        .map(|l| {
            let when = chrono::DateTime::from_timestamp_millis(l.dead_at_ms)
                .map(|t| t.to_rfc3339())
                .unwrap_or_default();
            format!(
                "{}  attempts {}/{}  dead at {}  key {}\n  error: {}",
                l.id, l.attempts, l.max_attempts, when, l.idempotency_key, l.last_error
            )
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

/// What staff do with dead letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Back to work with fresh attempts.
    Retry,
    /// Discarded (they never run).
    Purge,
}

/// Applies `action` to one dead letter by id, or to all of a queue's.
pub async fn act(
    queue: &RedisQueue,
    name: QueueName,
    action: Action,
    id: Option<String>,
    all: bool,
) -> anyhow::Result<String> {
    let n = match (id, all, action) {
        (_, true, Action::Retry) => queue.redrive_all(name).await?,
        (_, true, Action::Purge) => queue.purge_dead_all(name).await?,
        (Some(id), false, _) => {
            let ids = std::slice::from_ref(&id);
            let n = match action {
                Action::Retry => queue.redrive(name, ids).await?,
                Action::Purge => queue.purge_dead(name, ids).await?,
            };
            if n == 0 {
                anyhow::bail!("no dead letter {id} in {name}");
            }
            n
        }
        (None, false, _) => anyhow::bail!("give a job id or --all"),
    };
    Ok(match action {
        Action::Retry => format!("re-drove {n} job(s) of {name}"),
        Action::Purge => format!("purged {n} dead letter(s) of {name}"),
    })
}

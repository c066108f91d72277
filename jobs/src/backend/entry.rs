//! Inline ready entries: a whole job in one element of the ready list, with no hash until its
//! claim. The client writes them, `claim.lua` cuts out the id (bytes 2–33) and stores the entry
//! whole in the job's hash, the worker parses the rest, and `expand` in `common.lua` turns it
//! into hash fields when a failure or a hand-back needs them.
//!
//! Two kinds, told by the first byte (no bare id starts with either: ids are 32 hex digits):
//!
//! - plain (byte 1): `\x01 id \x1f max_attempts \x1f enqueued_ms \x1f traceparent \x1f
//!   request_id \x1f payload`;
//! - keyed (byte 2): the same with the idempotency key after the request id:
//!   `\x02 id \x1f max_attempts \x1f enqueued_ms \x1f traceparent \x1f request_id \x1f key \x1f
//!   payload`. `push_keyed.lua` records the key (`P:idem:<q>:<key>`) as it pushes the entry.
//!
//! Each field but the payload is ended by byte 31, which JSON never holds raw and an
//! [`IdempotencyKey`](crate::domain::IdempotencyKey) never holds at all; the payload is the rest.
//!
//! This module must never decide where a job goes beyond "inline or not": the client's push
//! and the scripts do that.

use super::client::{Claimed, NewJob};
use crate::envelope::{EnqueueOptions, JobMeta};

/// First byte of a plain inline entry.
const PLAIN_MARK: char = '\u{1}';
/// First byte of a keyed inline entry.
const KEYED_MARK: char = '\u{2}';
/// Ends each of an inline entry's fields before the payload (which is the rest of the entry).
const SEP: char = '\u{1f}';

/// The inline ready entry of a job that needs nothing at enqueue time but its place in the
/// ready list and, when keyed, its idempotency key's record: marker, then id, attempt limit, enqueue time
/// (ms), traceparent, request id, (key), each ended by [`SEP`], then the payload. `None` for a
/// job that must take the push script: delayed (it waits in the schedule, by id), or with a
/// separator in its trace fields.
pub(super) fn inline_entry(id: &str, job: &NewJob, enqueued_ms: i64) -> Option<String> {
    let o = &job.options;
    let trace = o.traceparent.as_deref().unwrap_or("");
    let rid = o.request_id.as_deref().unwrap_or("");
    let key = o.idempotency_key.as_ref().map(|k| k.as_str());
    if delay_ms(o) != 0 || trace.contains(SEP) || rid.contains(SEP) {
        return None;
    }
    let mut e = String::with_capacity(
        80 + trace.len() + rid.len() + key.map_or(0, str::len) + job.payload.len(),
    );
    e.push(if key.is_some() {
        KEYED_MARK
    } else {
        PLAIN_MARK
    });
    for field in [
        id,
        &job.max_attempts.to_string(),
        &enqueued_ms.to_string(),
        trace,
        rid,
    ] {
        e.push_str(field);
        e.push(SEP);
    }
    if let Some(key) = key {
        e.push_str(key);
        e.push(SEP);
    }
    e.push_str(&job.payload);
    Some(e)
}

/// An inline entry's fields, as `claim.lua` hands the whole entry back (it parses nothing).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct InlineEntry<'a> {
    max_attempts: u32,
    enqueued_ms: i64,
    traceparent: &'a str,
    request_id: &'a str,
    idempotency_key: Option<&'a str>,
    payload: &'a str,
}

impl<'a> InlineEntry<'a> {
    /// The job's payload (JSON), as enqueued.
    pub(super) fn payload(&self) -> &'a str {
        self.payload
    }

    pub(super) fn parse(entry: &'a str) -> Option<Self> {
        let (keyed, rest) = match entry.strip_prefix(PLAIN_MARK) {
            Some(rest) => (false, rest),
            None => (true, entry.strip_prefix(KEYED_MARK)?),
        };
        let mut parts = rest.splitn(if keyed { 7 } else { 6 }, SEP);
        let _id = parts.next()?;
        let max_attempts = parts.next()?.parse().ok()?;
        let enqueued_ms = parts.next()?.parse().ok()?;
        let traceparent = parts.next()?;
        let request_id = parts.next()?;
        let idempotency_key = if keyed {
            Some(parts.next().filter(|k| !k.is_empty())?)
        } else {
            None
        };
        Some(InlineEntry {
            max_attempts,
            enqueued_ms,
            traceparent,
            request_id,
            idempotency_key,
            payload: parts.next()?,
        })
    }

    /// The claimed job: id and attempt from the claim, the rest from the entry.
    pub(super) fn claimed(self, meta: JobMeta) -> Claimed {
        let owned = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Claimed {
            meta: JobMeta {
                max_attempts: self.max_attempts,
                enqueued_at_ms: self.enqueued_ms,
                traceparent: owned(self.traceparent),
                request_id: owned(self.request_id),
                idempotency_key: self.idempotency_key.map(str::to_owned),
                ..meta
            },
            payload: self.payload.to_owned(),
        }
    }
}

/// The job id of a ready-list entry: an inline entry's id field, or the bare id itself.
pub(super) fn entry_id(entry: String) -> String {
    match entry
        .strip_prefix(PLAIN_MARK)
        .or_else(|| entry.strip_prefix(KEYED_MARK))
    {
        Some(rest) => rest.split(SEP).next().unwrap_or_default().to_owned(),
        None => entry,
    }
}

pub(super) fn delay_ms(o: &EnqueueOptions) -> u64 {
    o.delay.map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::{domain::IdempotencyKey, payloads::ExpireHolds};

    fn job(options: EnqueueOptions) -> NewJob {
        let mut job = NewJob::new(&ExpireHolds { tick_ms: 5 }, options).unwrap();
        job.max_attempts = 6;
        job
    }

    #[test]
    fn an_inline_entry_carries_the_job_and_its_id_reads_back() {
        let options = EnqueueOptions {
            traceparent: Some("00-abc-def-01".into()),
            request_id: Some("req-1".into()),
            ..Default::default()
        };
        let e = inline_entry("0123abcd", &job(options), 1_700_000_000_123).unwrap();
        assert_eq!(
            e,
            "\u{1}0123abcd\u{1f}6\u{1f}1700000000123\u{1f}00-abc-def-01\u{1f}req-1\u{1f}{\"tick_ms\":5}"
        );
        let read = InlineEntry::parse(&e).unwrap();
        assert_eq!(
            (
                read.max_attempts,
                read.enqueued_ms,
                read.traceparent,
                read.request_id,
                read.payload
            ),
            (
                6,
                1_700_000_000_123,
                "00-abc-def-01",
                "req-1",
                "{\"tick_ms\":5}"
            )
        );
        assert!(InlineEntry::parse("\u{1}id\u{1f}six\u{1f}7\u{1f}\u{1f}\u{1f}{}").is_none());
        assert!(InlineEntry::parse("0123abcd").is_none());
        assert_eq!(entry_id(e), "0123abcd");
        assert_eq!(entry_id("0123abcd".into()), "0123abcd");
        let bare = inline_entry("id", &job(EnqueueOptions::default()), 7).unwrap();
        assert_eq!(
            bare,
            "\u{1}id\u{1f}6\u{1f}7\u{1f}\u{1f}\u{1f}{\"tick_ms\":5}"
        );
    }

    #[test]
    fn a_keyed_entry_carries_its_key_after_the_request_id() {
        let options = EnqueueOptions {
            request_id: Some("req-1".into()),
            ..EnqueueOptions::keyed(IdempotencyKey::parse("wa:wamid.X").unwrap())
        };
        let e = inline_entry("0123abcd", &job(options), 7).unwrap();
        assert_eq!(
            e,
            "\u{2}0123abcd\u{1f}6\u{1f}7\u{1f}\u{1f}req-1\u{1f}wa:wamid.X\u{1f}{\"tick_ms\":5}"
        );
        assert_eq!(
            InlineEntry::parse(&e).unwrap(),
            InlineEntry {
                max_attempts: 6,
                enqueued_ms: 7,
                traceparent: "",
                request_id: "req-1",
                idempotency_key: Some("wa:wamid.X"),
                payload: "{\"tick_ms\":5}",
            }
        );
        assert_eq!(entry_id(e), "0123abcd");
        // A keyed entry without its key field (or with an empty key) is not a job.
        assert!(InlineEntry::parse("\u{2}id\u{1f}6\u{1f}7\u{1f}\u{1f}\u{1f}{}").is_none());
        assert!(InlineEntry::parse("\u{2}id\u{1f}6\u{1f}7\u{1f}\u{1f}\u{1f}\u{1f}{}").is_none());
        // A plain entry's payload is everything after its fifth separator.
        assert_eq!(
            InlineEntry::parse("\u{1}id\u{1f}6\u{1f}7\u{1f}\u{1f}\u{1f}k\u{1f}{}")
                .unwrap()
                .payload,
            "k\u{1f}{}"
        );
    }

    #[test]
    fn delayed_or_odd_jobs_are_not_inlined_keyed_ones_are() {
        let keyed = EnqueueOptions::keyed(IdempotencyKey::parse("k:1").unwrap());
        let delayed = EnqueueOptions {
            delay: Some(Duration::from_millis(5)),
            ..Default::default()
        };
        let keyed_delayed = EnqueueOptions {
            delay: Some(Duration::from_millis(5)),
            ..keyed.clone()
        };
        let odd = EnqueueOptions {
            request_id: Some("a\u{1f}b".into()),
            ..Default::default()
        };
        let odd_keyed = EnqueueOptions {
            traceparent: Some("a\u{1f}b".into()),
            ..keyed.clone()
        };
        let sub_ms = EnqueueOptions {
            delay: Some(Duration::from_micros(300)),
            ..Default::default()
        };
        for o in [delayed, keyed_delayed, odd, odd_keyed] {
            assert!(inline_entry("id", &job(o), 0).is_none());
        }
        assert!(inline_entry("id", &job(keyed), 0).is_some());
        // Below a millisecond a delay is none, as push.lua has always read it.
        assert!(inline_entry("id", &job(sub_ms), 0).is_some());
    }
}

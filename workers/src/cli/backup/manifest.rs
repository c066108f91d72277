//! What a backup directory holds and how it is checked, with no I/O: the manifest written last
//! (a directory without one is a backup that did not finish), the check of the files found
//! against it, and which of the scheduled backups the retention removes.
//!
//! It never reads or writes a file: the caller hands it names, sizes and digests.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The manifest's file name inside a backup directory.
pub const MANIFEST: &str = "manifest.json";
/// PostgreSQL's dump (`pg_dump --format=custom`).
pub const POSTGRES_FILE: &str = "postgres.dump";
/// Redis's snapshot (an RDB file, as `redis-cli --rdb` streams it).
pub const REDIS_FILE: &str = "redis.rdb";
/// The manifest layout this build writes and reads.
pub const FORMAT: u32 = 1;
/// Scheduled backups are directories named `fleet-<UTC time>` under one root.
const SCHEDULED_PREFIX: &str = "fleet-";
const SCHEDULED_TIME: &str = "%Y%m%dT%H%M%SZ";

/// What a finished backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// The `fleetctl` that wrote it.
    pub version: String,
    pub created_at: DateTime<Utc>,
    /// The database dumped (its name only: never the URL, which may carry a password).
    pub database: String,
    /// The queue's key prefix in Redis at backup time (the RDB holds every key of the server).
    pub redis_prefix: String,
    /// File name → what it must be.
    pub files: BTreeMap<String, FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub bytes: u64,
    pub sha256: String,
}

/// Why a backup is refused: nothing is restored from it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error(
        "no {MANIFEST}: not a finished backup (a backup writes its manifest last; one that was interrupted has none)"
    )]
    Missing,
    #[error("{MANIFEST} is unreadable: {0}")]
    Unreadable(String),
    #[error("{MANIFEST} has format {found}; this fleetctl reads format {FORMAT}")]
    Format { found: u32 },
    #[error("the manifest lists no {0}: the backup is incomplete")]
    Unlisted(&'static str),
    #[error("{0} is missing from the backup directory")]
    FileMissing(String),
    #[error(
        "{name} has {found} bytes, the manifest says {expected}: the backup is partial or damaged"
    )]
    Size {
        name: String,
        expected: u64,
        found: u64,
    },
    #[error("{name}'s sha256 is {found}, the manifest says {expected}: the backup is damaged")]
    Digest {
        name: String,
        expected: String,
        found: String,
    },
}

impl Manifest {
    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let manifest: Manifest =
            serde_json::from_str(text).map_err(|e| ManifestError::Unreadable(e.to_string()))?;
        if manifest.format != FORMAT {
            return Err(ManifestError::Format {
                found: manifest.format,
            });
        }
        for required in [POSTGRES_FILE, REDIS_FILE] {
            if !manifest.files.contains_key(required) {
                return Err(ManifestError::Unlisted(required));
            }
        }
        Ok(manifest)
    }

    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and maps always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks every listed file against what was found on disk (`None`: not there). The first
    /// difference refuses the whole backup.
    pub fn check(&self, found: &BTreeMap<String, Option<FileEntry>>) -> Result<(), ManifestError> {
        for (name, expected) in &self.files {
            let Some(Some(actual)) = found.get(name) else {
                return Err(ManifestError::FileMissing(name.clone()));
            };
            if actual.bytes != expected.bytes {
                return Err(ManifestError::Size {
                    name: name.clone(),
                    expected: expected.bytes,
                    found: actual.bytes,
                });
            }
            if !actual.sha256.eq_ignore_ascii_case(&expected.sha256) {
                return Err(ManifestError::Digest {
                    name: name.clone(),
                    expected: expected.sha256.clone(),
                    found: actual.sha256.clone(),
                });
            }
        }
        Ok(())
    }
}

/// The directory name of a scheduled backup taken at `at`.
pub fn scheduled_name(at: DateTime<Utc>) -> String {
    format!("{SCHEDULED_PREFIX}{}", at.format(SCHEDULED_TIME))
}

fn scheduled_time(name: &str) -> Option<DateTime<Utc>> {
    let time = name.strip_prefix(SCHEDULED_PREFIX)?;
    chrono::NaiveDateTime::parse_from_str(time, SCHEDULED_TIME)
        .ok()
        .map(|t| t.and_utc())
}

/// Of the directories under a backup root (`name`, finished: has a manifest), those retention
/// removes: finished backups beyond the newest `keep`, and unfinished ones older than the newest
/// finished one (an interrupted run's leftovers). Directories not named as scheduled backups are
/// never touched; `keep` below 1 keeps one (the backup just taken).
pub fn expired(dirs: &[(String, bool)], keep: usize) -> Vec<String> {
    let mut ours: Vec<(DateTime<Utc>, &str, bool)> = dirs
        .iter()
        .filter_map(|(name, finished)| scheduled_time(name).map(|t| (t, name.as_str(), *finished)))
        .collect();
    ours.sort_by_key(|o| std::cmp::Reverse(o.0));
    let newest_finished = ours.iter().find(|(_, _, f)| *f).map(|(t, _, _)| *t);
    let mut kept = 0;
    let mut out = Vec::new();
    for (time, name, finished) in ours {
        if finished {
            kept += 1;
            if kept > keep.max(1) {
                out.push(name.to_owned());
            }
        } else if newest_finished.is_some_and(|n| time < n) {
            out.push(name.to_owned());
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(bytes: u64, sha: &str) -> FileEntry {
        FileEntry {
            bytes,
            sha256: sha.into(),
        }
    }

    fn manifest() -> Manifest {
        Manifest {
            format: FORMAT,
            version: "0.1.0".into(),
            created_at: "2026-12-03T06:00:00Z".parse().unwrap(),
            database: "fleet".into(),
            redis_prefix: "fleet".into(),
            files: [
                (POSTGRES_FILE.to_owned(), entry(10, "aa")),
                (REDIS_FILE.to_owned(), entry(5, "bb")),
            ]
            .into(),
        }
    }

    fn found(
        pg: Option<FileEntry>,
        redis: Option<FileEntry>,
    ) -> BTreeMap<String, Option<FileEntry>> {
        [
            (POSTGRES_FILE.to_owned(), pg),
            (REDIS_FILE.to_owned(), redis),
        ]
        .into()
    }

    #[test]
    fn a_manifest_reads_back_what_was_written() {
        let m = manifest();
        assert_eq!(Manifest::parse(&m.to_json()), Ok(m));
    }

    #[test]
    fn matching_files_pass() {
        let m = manifest();
        assert_eq!(
            m.check(&found(Some(entry(10, "AA")), Some(entry(5, "bb")))),
            Ok(())
        );
    }

    #[test]
    fn a_missing_truncated_or_changed_file_is_refused() {
        let m = manifest();
        assert_eq!(
            m.check(&found(Some(entry(10, "aa")), None)),
            Err(ManifestError::FileMissing(REDIS_FILE.into()))
        );
        assert!(matches!(
            m.check(&found(Some(entry(9, "aa")), Some(entry(5, "bb")))),
            Err(ManifestError::Size {
                expected: 10,
                found: 9,
                ..
            })
        ));
        assert!(matches!(
            m.check(&found(Some(entry(10, "ab")), Some(entry(5, "bb")))),
            Err(ManifestError::Digest { .. })
        ));
    }

    #[test]
    fn a_manifest_of_another_format_or_without_a_store_is_refused() {
        let mut m = manifest();
        m.format = 2;
        assert_eq!(
            Manifest::parse(&m.to_json()),
            Err(ManifestError::Format { found: 2 })
        );
        let mut m = manifest();
        m.files.remove(REDIS_FILE);
        assert_eq!(
            Manifest::parse(&m.to_json()),
            Err(ManifestError::Unlisted(REDIS_FILE))
        );
        assert!(matches!(
            Manifest::parse("{\"format\": 1"),
            Err(ManifestError::Unreadable(_))
        ));
    }

    #[test]
    fn scheduled_names_sort_by_time() {
        let at: DateTime<Utc> = "2026-12-03T06:07:08Z".parse().unwrap();
        assert_eq!(scheduled_name(at), "fleet-20261203T060708Z");
        assert_eq!(scheduled_time("fleet-20261203T060708Z"), Some(at));
        assert_eq!(scheduled_time("fleet-yesterday"), None);
    }

    #[test]
    fn retention_keeps_the_newest_finished_and_never_touches_other_folders() {
        let dirs: Vec<(String, bool)> = [
            ("fleet-20261201T000000Z", true),
            ("fleet-20261202T000000Z", false), // interrupted, older than the newest finished
            ("fleet-20261203T000000Z", true),
            ("fleet-20261204T000000Z", true),
            ("fleet-20261205T000000Z", false), // in progress or interrupted, newest: kept
            ("by-hand", true),
            ("lost+found", false),
        ]
        .iter()
        .map(|(n, f)| ((*n).to_owned(), *f))
        .collect();
        assert_eq!(
            expired(&dirs, 2),
            vec!["fleet-20261201T000000Z", "fleet-20261202T000000Z"]
        );
        assert_eq!(expired(&dirs, 0).len(), 3, "keeps the newest one at least");
        assert_eq!(expired(&dirs, 10), vec!["fleet-20261202T000000Z"]);
    }
}

//! `fleetctl`: what operators and staff run by hand. Each subcommand is a small function over
//! the same stores the fleet uses; none keeps state of its own.

pub mod backup;
pub mod demo;
pub mod dlq;
pub mod flags;
pub mod ical;
pub mod nlu;
pub mod qloapps;
pub mod queues;
pub mod staff;
pub mod transcribe;

use clap::{Parser, Subcommand};
use jobs::QueueName;

#[derive(Debug, Parser)]
#[command(
    name = "fleetctl",
    about = "Operate the booking fleet: migrations, queues, dead letters, backups."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database's extension and tables (idempotent).
    Migrate,
    /// Back up PostgreSQL (pg_dump) and Redis (its RDB, over the connection) into a directory,
    /// with a manifest of sizes and sha256 (README, "Backups"). DATABASE_URL: the owner's.
    Backup {
        /// A new or empty directory for this backup.
        #[arg(long, required_unless_present = "under", conflicts_with = "under")]
        to: Option<std::path::PathBuf>,
        /// A root for scheduled backups: each goes into `fleet-<UTC time>` under it.
        #[arg(long)]
        under: Option<std::path::PathBuf>,
        /// With --under: how many finished backups to keep (the oldest beyond are removed).
        #[arg(long, requires = "under", default_value_t = 7, env = "BACKUP_KEEP")]
        keep: usize,
    },
    /// Restore a backup, checked against its manifest first (a damaged or partial backup is
    /// refused and nothing changes): PostgreSQL into DATABASE_URL's database (made if missing);
    /// Redis's RDB into a stopped Redis's data directory with --redis-dir, or steps printed.
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
        /// The data directory of the (stopped) Redis, when this machine can write it.
        #[arg(long)]
        redis_dir: Option<std::path::PathBuf>,
        /// Only check the backup against its manifest; change nothing.
        #[arg(long)]
        verify_only: bool,
    },
    /// Jobs per queue and state: pending, running, scheduled (retry wait), dead.
    Queues {
        /// One JSON object `{queue: {state: count}}`.
        #[arg(long)]
        json: bool,
    },
    /// Dead letters: list them, or send them back to work.
    Dlq {
        #[command(subcommand)]
        command: DlqCommand,
    },
    /// Return now the jobs of workers whose lease lapsed (any live worker also does this).
    Recover,
    /// Load the sandbox demo property with three cabins (idempotent).
    DemoSeed,
    /// Understand guest messages: one per line on stdin, one JSON object per line on stdout.
    Nlu {
        /// The day relative dates ("mañana", "el 15") are read from.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Accommodation names the guest may mention (repeatable).
        #[arg(long = "accommodation")]
        accommodations: Vec<String>,
    },
    /// Transcribe a voice note (Ogg/Opus) as a worker would: transcript and confidence.
    Transcribe {
        #[arg(required_unless_present = "say")]
        file: Option<std::path::PathBuf>,
        /// Transcribe these words spoken by espeak-ng instead of a file.
        #[arg(long, conflicts_with = "file")]
        say: Option<String>,
        /// One JSON object: text, confidence, no_speech, timings, verdict.
        #[arg(long)]
        json: bool,
    },
    /// Calendar sync: feeds, sync now, parse a file, export URLs, overbooking conflicts.
    Ical {
        #[command(subcommand)]
        command: IcalCommand,
    },
    /// A property's feature flags: voice_replies, email_channel, auto_replies (on/off) and pms
    /// (fleet/qloapps). Every change is audited.
    Flags {
        #[command(subcommand)]
        command: FlagsCommand,
    },
    /// Which QloApps hotel a property books in and which room type each cabin is (used when
    /// its pms flag is qloapps). Every change is audited.
    Qloapps {
        #[command(subcommand)]
        command: QloappsCommand,
    },
    /// Staff console accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Play a guest conversation through signed webhooks against a running SANDBOX ingress.
    Simulate {
        /// The ingress's base URL.
        #[arg(
            long,
            env = "SIMULATE_INGRESS_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        ingress: String,
        /// The guest's WhatsApp number (wa_id); a random Argentine mobile by default.
        #[arg(long)]
        phone: Option<String>,
        /// Write by email from this address instead (signed Mailgun route posts to the demo
        /// property's address; needs MAILGUN_WEBHOOK_SIGNING_KEY).
        #[arg(long, conflicts_with = "phone")]
        email: Option<String>,
        /// The guest's lines, in order; a short conversation by default.
        #[arg(long = "say")]
        lines: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Create a console account (the first owner of a property, or anyone after). The password
    /// is read from FLEETCTL_STAFF_PASSWORD or the first line of stdin, never from an argument.
    Add {
        #[arg(long)]
        property: i64,
        #[arg(long)]
        email: String,
        /// owner (everything, staff and settings included) or staff (the day-to-day).
        #[arg(long, default_value = "staff")]
        role: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FlagsCommand {
    /// Print the property's flags, one flag=value per line.
    Show {
        /// The property's id or exact name.
        #[arg(long)]
        property: String,
    },
    /// Change flags, all or none, each with its audit row: `auto_replies=off pms=qloapps`.
    Set {
        /// The property's id or exact name.
        #[arg(long)]
        property: String,
        /// flag=value: voice_replies, email_channel, auto_replies = on|off; pms = fleet|qloapps.
        #[arg(required = true, value_parser = flags::change)]
        changes: Vec<store::flags::Change>,
    },
}

#[derive(Debug, Subcommand)]
pub enum QloappsCommand {
    /// Print the property's QloApps hotel and each cabin's room type.
    Show {
        /// The property's id or exact name.
        #[arg(long)]
        property: String,
    },
    /// Name the hotel and cabins' room types, all or none, each with its audit row.
    Map {
        /// The property's id or exact name.
        #[arg(long)]
        property: String,
        /// The QloApps hotel id (`none` clears it).
        #[arg(long, value_parser = qloapps::hotel)]
        hotel: Option<qloapps::IdOrNone>,
        /// A cabin and its QloApps room type id, "Cabaña Lenga=3" (`=none` unmaps it);
        /// repeatable.
        #[arg(long = "room", value_parser = qloapps::room)]
        rooms: Vec<(String, Option<i64>)>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DlqCommand {
    /// List a queue's dead letters, oldest first.
    List {
        queue: QueueName,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Re-drive one dead letter by id, or all of a queue's with `--all`.
    Retry {
        queue: QueueName,
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<String>,
        #[arg(long)]
        all: bool,
    },
    /// Discard one dead letter by id, or all of a queue's with `--all` (after reading them:
    /// they never run).
    Purge {
        queue: QueueName,
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        id: Option<String>,
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum IcalCommand {
    /// Enqueue one sync of a feed now.
    Sync { feed_id: i64 },
    /// Print the blocks the importer would store from a calendar file, one JSON object per line.
    Parse {
        file: std::path::PathBuf,
        /// Time zone DATE-TIME values are read in (the property's).
        #[arg(long, default_value = "America/Argentina/Buenos_Aires")]
        tz: chrono_tz::Tz,
        /// First day recurring events are expanded from (YYYY-MM-DD; default: today in `tz`).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
    /// Print the export URL of an accommodation (needs ICAL_EXPORT_SECRET; base PUBLIC_BASE_URL).
    Url { accommodation_id: i64 },
    /// Add a channel's feed to an accommodation (or re-activate it).
    AddFeed {
        accommodation_id: i64,
        url: String,
        /// airbnb, booking, vrbo, google, other
        #[arg(long, default_value = "other")]
        channel: String,
    },
    /// Feeds with their last sync and error.
    Feeds,
    /// Overbooking conflicts: a channel booked nights of one of our confirmed stays.
    Conflicts {
        /// Resolved ones too.
        #[arg(long)]
        all: bool,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// Mark a conflict as settled by staff.
    Resolve { conflict_id: i64 },
}

//! The Lua scripts of the queue protocol, each with the shared helpers prepended.

use redis::Script;

const COMMON: &str = include_str!("lua/common.lua");
/// Handing a worker's jobs back: one definition for release, reconcile and recover, so the three
/// cannot disagree on what the counters and attempts become.
const GIVE_BACK: &str = include_str!("lua/give_back.lua");

pub(crate) struct Scripts {
    pub push: Script,
    pub push_keyed: Script,
    pub claim: Script,
    pub ack: Script,
    pub fail: Script,
    pub release: Script,
    pub reconcile: Script,
    pub heartbeat: Script,
    pub recover: Script,
    pub redrive: Script,
    pub purge_dead: Script,
    pub adopt: Script,
}

fn load(body: &str) -> Script {
    Script::new(&format!("{COMMON}\n{body}"))
}

fn load_giving_back(body: &str) -> Script {
    Script::new(&format!("{COMMON}\n{GIVE_BACK}\n{body}"))
}

impl Scripts {
    pub fn new() -> Self {
        Scripts {
            push: load(include_str!("lua/push.lua")),
            push_keyed: load(include_str!("lua/push_keyed.lua")),
            claim: load(include_str!("lua/claim.lua")),
            ack: load(include_str!("lua/ack.lua")),
            fail: load(include_str!("lua/fail.lua")),
            release: load_giving_back(include_str!("lua/release.lua")),
            reconcile: load_giving_back(include_str!("lua/reconcile.lua")),
            heartbeat: load(include_str!("lua/heartbeat.lua")),
            recover: load_giving_back(include_str!("lua/recover.lua")),
            redrive: load(include_str!("lua/redrive.lua")),
            purge_dead: load(include_str!("lua/purge_dead.lua")),
            adopt: Script::new(include_str!("lua/adopt.lua")),
        }
    }
}

//! The Lua scripts of the queue protocol, each with the shared helpers prepended.

use redis::Script;

const COMMON: &str = include_str!("lua/common.lua");

pub(crate) struct Scripts {
    pub push: Script,
    pub claim: Script,
    pub ack: Script,
    pub fail: Script,
    pub release: Script,
    pub heartbeat: Script,
    pub recover: Script,
    pub redrive: Script,
    pub unlock: Script,
}

fn load(body: &str) -> Script {
    Script::new(&format!("{COMMON}\n{body}"))
}

impl Scripts {
    pub fn new() -> Self {
        Scripts {
            push: load(include_str!("lua/push.lua")),
            claim: load(include_str!("lua/claim.lua")),
            ack: load(include_str!("lua/ack.lua")),
            fail: load(include_str!("lua/fail.lua")),
            release: load(include_str!("lua/release.lua")),
            heartbeat: load(include_str!("lua/heartbeat.lua")),
            recover: load(include_str!("lua/recover.lua")),
            redrive: load(include_str!("lua/redrive.lua")),
            unlock: load(include_str!("lua/unlock.lua")),
        }
    }
}

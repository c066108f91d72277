//! The languages a guest is answered in: Argentine Spanish (the default), English and
//! Portuguese. Detected per message by `nlu`, kept per conversation in the state; every text
//! in `texts` exists in all three, written by people (nothing is machine-translated at run
//! time).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Es,
    En,
    Pt,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Es => "es",
            Language::En => "en",
            Language::Pt => "pt",
        }
    }

    /// The conversation's language after a message: the message's own when it has one, else
    /// the one the conversation already had (a bare "ok" or "15/12" changes nothing). A
    /// conversation already held in English or Portuguese switches only on a message plainly
    /// in another language (`sure`): "ok gracias" from an English guest stays English.
    pub fn after(self, detected: Option<Language>, sure: bool) -> Language {
        match detected {
            Some(l) if self == Language::Es || sure => l,
            _ => self,
        }
    }
}

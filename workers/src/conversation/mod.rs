//! The guest conversation: what a message means given what was said before, and what to do.
//!
//! [`state`] keeps, per guest (property + channel + address), the slots gathered so far and the
//! last offer, for 24 hours. [`plan`] is pure: from the state and the understood message it
//! picks the next [`plan::Step`] and the new state. The `ParseIntent` handler runs the step
//! against the database and writes the replies composed by [`texts`].

pub mod plan;
pub mod state;
pub mod texts;

//! The console's pages, one module per area. Each handler takes [`super::auth::Staff`] first
//! (no session: a redirect to the login) and passes `staff.account.property_id` to every store
//! call, which filters by it: another property's id answers 404.

pub mod inbox;
pub mod today;

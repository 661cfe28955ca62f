//! Sync between kiosks and the server.
//!
//! The JSON types both sides share are the `digidak-protocol` crate (documented in `docs/sync.md`).
//! - [`client`]: the kiosk's blocking HTTP client for that protocol.
//! - [`logos`]: partners' logos fetched, checked and kept in the data folder.
//! - [`worker`]: the kiosk's sync thread: push the outbox, pull changes, heartbeat, backoff.

pub mod client;
pub mod logos;
pub mod worker;

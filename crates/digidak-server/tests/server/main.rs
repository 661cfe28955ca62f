//! The server's system tests, one binary (`autotests = false`): a real server on 127.0.0.1 (in
//! this process or as a child process), real kiosk stores and sync workers, real HTTP, Chromium
//! for the web pages. Shared helpers are the workspace's `tests/support/`.

#[path = "../../../../tests/support/mod.rs"]
mod support;

mod activities_server;
mod activities_sync;
mod admin_web;
mod board_server;
mod board_sync;
mod conformance;
mod deploy;
mod e2e_browser;
mod instances;
mod lessons_server;
mod partner_logos;
mod partners;
mod pg;
mod seats;
mod server_cli;
mod sync_faults;
mod sync_hostile;
mod sync_server;

//! The kiosk's integration tests, one binary (`autotests = false` in Cargo.toml): UI flows with
//! egui_kittest, the store on real files, the command line, a real window under Xvfb. The
//! server's and sync's system tests are in `crates/digidak-server/tests/server/`.

#[path = "../common/mod.rs"]
mod common;
#[path = "../support/mod.rs"]
mod support;

mod architecture;
mod cli;
mod lessons_content;
mod partner_logos;
mod store;
mod ui_activities;
mod ui_board;
mod ui_layout;
mod ui_lessons;
mod ui_partners;
mod ui_shell;
mod ui_staff;
mod ui_sync;
mod ui_touch;
mod window;

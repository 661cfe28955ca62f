//! The kiosk's screens and the state a session keeps: what the rest of [`super`] works on.

use crate::store::{StoreFault, StoreInfo};

/// The screens of the kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// A page of a module (`crate::modules`).
    Module(crate::modules::Page),
    PinPad,
    Volunteer,
    Admin,
}

impl Screen {
    pub(super) fn is_staff(self) -> bool {
        match self {
            Screen::Module(page) => page.staff,
            _ => matches!(self, Screen::Volunteer | Screen::Admin),
        }
    }
}

/// Text size, up to twice the normal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextScale {
    #[default]
    Normal,
    Large,
    Largest,
}

impl TextScale {
    pub const ALL: [TextScale; 3] = [TextScale::Normal, TextScale::Large, TextScale::Largest];

    pub fn factor(self) -> f32 {
        match self {
            TextScale::Normal => 1.0,
            TextScale::Large => 1.5,
            TextScale::Largest => 2.0,
        }
    }
}

/// Everything a resident typed. Wiped at the end of every session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drafts {
    pub pin: String,
    /// Admin mode: the server address and pairing code being typed.
    pub server_url: String,
    pub pairing_code: String,
    /// Admin mode: the pairing form is open although the kiosk is paired (to pair again).
    pub pairing_open: bool,
}

/// What the PIN pad shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinStatus {
    Ready,
    Checking,
    Wrong,
    Locked,
}

/// The state of the local store, for the admin screen and the resident's error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreStatus {
    Opening,
    Ready(StoreInfo),
    Unavailable(StoreFault),
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WipeReason {
    Idle,
    Done,
}

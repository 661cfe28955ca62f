//! Activities in the kiosk session: the list, the sign-up form, the confirmation, and a code's
//! status and cancellation. The store decides what this kiosk may confirm on its own; the
//! server decides the rest. No egui, no I/O on the calling thread.

use super::{Kiosk, Screen};
use crate::activities::{CODE_DIGITS, SignupProblem, normalize_code};
use crate::store::worker::Command;
use crate::store::{ActivityView, SignupView};

/// What the UI can ask of activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityAction {
    /// "I'll come": open the sign-up form of this activity.
    Choose(String),
    PartyMore,
    PartyLess,
    /// Sign up with the typed first name and phone.
    SignUp,
    CodeDigit(char),
    CodeErase,
    CodeSubmit,
    /// Cancel the sign-ups of the code being shown.
    Cancel,
}

/// Where a code lookup stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeLookup {
    #[default]
    Idle,
    Looking,
    Invalid,
    NotFound,
    Found,
}

/// The activities part of the kiosk's state.
#[derive(Debug, Default)]
pub struct ActivitiesState {
    pub list: Vec<ActivityView>,
    /// The activity of the sign-up form.
    pub chosen: Option<String>,
    /// How many people, in the form.
    pub party: u32,
    pub problem: Option<SignupProblem>,
    awaiting: bool,
    /// The sign-up just made (its code and status are shown).
    pub receipt: Option<SignupView>,
    pub lookup: CodeLookup,
    /// The sign-ups of the code typed.
    pub found: Vec<SignupView>,
    /// The code they were found with.
    pub found_code: Option<String>,
}

impl ActivitiesState {
    pub(super) fn wipe(&mut self) {
        let list = std::mem::take(&mut self.list);
        *self = Self {
            list,
            ..Self::default()
        };
    }

    /// The activity shown in the form.
    pub fn chosen(&self) -> Option<&ActivityView> {
        let id = self.chosen.as_ref()?;
        self.list.iter().find(|a| &a.record.id == id)
    }
}

impl Kiosk {
    pub(super) fn refresh_activities(&self) {
        self.store.send(Command::RefreshActivities {
            now_ms: self.clock.unix_ms(),
        });
    }

    pub(super) fn handle_activity(&mut self, action: ActivityAction) {
        let now_ms = self.clock.unix_ms();
        let a = &mut self.activities;
        match action {
            ActivityAction::Choose(id) => {
                a.chosen = Some(id);
                a.party = 1;
                a.problem = None;
                a.receipt = None;
                self.drafts.signup_name.clear();
                self.drafts.signup_phone.clear();
                if self.screen() != Screen::SignupForm {
                    self.nav.push(Screen::SignupForm);
                }
            }
            ActivityAction::PartyMore => {
                let max = a.chosen().map_or(1, |v| v.record.max_party);
                a.party = (a.party + 1).min(max);
            }
            ActivityAction::PartyLess => a.party = a.party.saturating_sub(1).max(1),
            ActivityAction::SignUp => {
                if a.awaiting {
                    return;
                }
                let Some(id) = a.chosen.clone() else {
                    return;
                };
                let phone = self.drafts.signup_phone.trim();
                a.awaiting = true;
                a.problem = None;
                self.store.send(Command::CreateSignup {
                    activity_id: id,
                    first_name: self.drafts.signup_name.clone(),
                    phone: (!phone.is_empty()).then(|| phone.to_string()),
                    party: a.party.max(1),
                    now_ms,
                });
            }
            ActivityAction::CodeDigit(d) => {
                if d.is_ascii_digit() && self.drafts.signup_code.len() < CODE_DIGITS {
                    self.drafts.signup_code.push(d);
                }
                a.lookup = CodeLookup::Idle;
            }
            ActivityAction::CodeErase => {
                self.drafts.signup_code.pop();
                a.lookup = CodeLookup::Idle;
            }
            ActivityAction::CodeSubmit => match normalize_code(&self.drafts.signup_code) {
                None => a.lookup = CodeLookup::Invalid,
                Some(code) => {
                    a.lookup = CodeLookup::Looking;
                    self.store.send(Command::FindSignups { code });
                }
            },
            ActivityAction::Cancel => {
                if let Some(code) = a.found_code.clone() {
                    tracing::info!("a resident cancelled a sign-up by code");
                    self.store.send(Command::CancelSignups { code, now_ms });
                }
            }
        }
    }

    pub(super) fn on_signup_created(&mut self, result: Result<SignupView, SignupProblem>) {
        let a = &mut self.activities;
        if !std::mem::take(&mut a.awaiting) {
            return;
        }
        match result {
            Ok(view) => {
                a.receipt = Some(view);
                // The names typed are saved: clear them from the form.
                self.drafts.signup_name.clear();
                self.drafts.signup_phone.clear();
                if self.screen() == Screen::SignupForm {
                    *self.nav.last_mut().expect("nav is never empty") = Screen::SignupDone;
                }
            }
            Err(problem) => a.problem = Some(problem),
        }
    }

    pub(super) fn on_signups_found(&mut self, code: String, list: Vec<SignupView>) {
        let a = &mut self.activities;
        // The confirmation screen follows its own sign-up as the server decides.
        if let Some(r) = &mut a.receipt
            && r.code == code
            && let Some(new) = list.iter().find(|s| s.id == r.id)
        {
            *r = new.clone();
        }
        if a.lookup == CodeLookup::Looking || a.found_code.as_deref() == Some(code.as_str()) {
            a.lookup = if list.is_empty() {
                CodeLookup::NotFound
            } else {
                CodeLookup::Found
            };
            a.found_code = (!list.is_empty()).then_some(code);
            a.found = list;
        }
    }

    /// After new data from the server: what is on screen follows.
    pub(super) fn on_activities(&mut self, list: Vec<ActivityView>) {
        self.activities.list = list;
        let code = self
            .activities
            .receipt
            .as_ref()
            .map(|r| r.code.clone())
            .or_else(|| self.activities.found_code.clone());
        if let Some(code) = code {
            self.store.send(Command::FindSignups { code });
        }
    }
}

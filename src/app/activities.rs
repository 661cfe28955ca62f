//! Activities in the kiosk session: the list, the sign-up form, the confirmation, and a code's
//! status and cancellation. The store decides what this kiosk may confirm on its own; the
//! server decides the rest. No egui, no I/O on the calling thread.

use super::{Kiosk, Screen};
use crate::store::worker::Command;
use crate::store::{ActivityView, SignupView};
use digidak_core::activities::{CODE_DIGITS, SignupProblem, normalize_code};

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
    /// Volunteer mode: show the people of this activity.
    People(String),
    /// Volunteer mode: this person is here.
    CheckIn(String),
    /// Volunteer mode: check in with the code typed in `drafts.checkin_code`.
    CheckInCode,
    WalkInMore,
    WalkInLess,
    /// Volunteer mode: add `drafts.walk_in_name` at the door.
    AddWalkIn,
    /// Admin mode: a new activity in the form.
    New,
    /// Admin mode: change this activity in the form.
    Edit(String),
    /// Admin mode: save the form (one activity, or a monthly series).
    Save,
    /// Admin mode: close the form without saving.
    CloseForm,
    /// Admin mode: the activity does not take place.
    Delete(String),
    /// Admin mode: write the list of people as CSV.
    Export(String),
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
    /// Volunteer mode: the activity whose people are shown, and them.
    pub people_of: Option<String>,
    pub people: Vec<SignupView>,
    /// How many the last code check-in checked in.
    pub checked_by_code: Option<usize>,
    pub walk_in_party: u32,
    pub walk_in_problem: Option<SignupProblem>,
    /// Admin mode: the form is open.
    pub form_open: bool,
    /// Admin mode: what is wrong in the form (field, expected).
    pub form_problem: Option<(&'static str, String)>,
    /// Admin mode: how many activities the last save made.
    pub saved: Option<usize>,
    /// Admin mode: where the last CSV went, or why not.
    pub exported: Option<Result<std::path::PathBuf, String>>,
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
            ActivityAction::People(id) => {
                if self.staff.is_none() {
                    return;
                }
                a.people_of = Some(id.clone());
                a.people.clear();
                a.checked_by_code = None;
                a.walk_in_party = 1;
                self.store.send(Command::ListPeople { activity_id: id });
            }
            ActivityAction::CheckIn(signup_id) => {
                if let (Some(activity_id), Some(_)) = (a.people_of.clone(), self.staff) {
                    self.store.send(Command::CheckIn {
                        activity_id,
                        signup_id,
                        now_ms,
                    });
                }
            }
            ActivityAction::CheckInCode => {
                let code = normalize_code(&self.drafts.checkin_code);
                if let (Some(activity_id), Some(code), Some(_)) =
                    (a.people_of.clone(), code, self.staff)
                {
                    self.drafts.checkin_code.clear();
                    self.store.send(Command::CheckInCode {
                        activity_id,
                        code,
                        now_ms,
                    });
                } else {
                    a.checked_by_code = Some(0);
                }
            }
            ActivityAction::WalkInMore => a.walk_in_party = (a.walk_in_party + 1).min(10),
            ActivityAction::WalkInLess => {
                a.walk_in_party = a.walk_in_party.saturating_sub(1).max(1)
            }
            ActivityAction::AddWalkIn => {
                if let (Some(activity_id), Some(_)) = (a.people_of.clone(), self.staff) {
                    a.walk_in_problem = None;
                    let first_name = std::mem::take(&mut self.drafts.walk_in_name);
                    self.store.send(Command::AddWalkIn {
                        activity_id,
                        first_name,
                        party: a.walk_in_party.max(1),
                        now_ms,
                    });
                }
            }
            ActivityAction::New
            | ActivityAction::Edit(_)
            | ActivityAction::Save
            | ActivityAction::CloseForm
            | ActivityAction::Delete(_)
            | ActivityAction::Export(_) => self.handle_activity_admin(action, now_ms),
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
                    self.nav.replace(Screen::SignupDone);
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
            // The phone token lives only on the receipt (for its QR code).
            let token = r.token.take();
            *r = new.clone();
            r.token = token;
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

    pub(super) fn on_people(
        &mut self,
        activity_id: String,
        list: Vec<SignupView>,
        checked: Option<usize>,
    ) {
        let a = &mut self.activities;
        if a.people_of.as_deref() == Some(activity_id.as_str()) {
            a.people = list;
            if checked.is_some() {
                a.checked_by_code = checked;
            }
        }
    }

    pub(super) fn on_walk_in_refused(&mut self, problem: SignupProblem) {
        self.activities.walk_in_problem = Some(problem);
    }

    /// After new data from the server: what is on screen follows.
    pub(super) fn on_activities(&mut self, list: Vec<ActivityView>) {
        self.activities.list = list;
        if let Some(id) = self.activities.people_of.clone()
            && self.staff.is_some()
        {
            self.store.send(Command::ListPeople { activity_id: id });
        }
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

    /// Admin mode: create, change, delete, export.
    fn handle_activity_admin(&mut self, action: ActivityAction, now_ms: i64) {
        if self.staff != Some(crate::pin::Role::Admin) {
            return;
        }
        let a = &mut self.activities;
        match action {
            ActivityAction::New => {
                self.drafts.activity_form = digidak_core::activities::ActivityForm::new_default();
                a.form_open = true;
                a.form_problem = None;
                a.saved = None;
            }
            ActivityAction::Edit(id) => {
                if let Some(v) = a.list.iter().find(|v| v.record.id == id) {
                    self.drafts.activity_form =
                        digidak_core::activities::ActivityForm::from_record(&v.record);
                    a.form_open = true;
                    a.form_problem = None;
                    a.saved = None;
                }
            }
            ActivityAction::CloseForm => {
                a.form_open = false;
                self.drafts.activity_form = Default::default();
            }
            ActivityAction::Save => match self.drafts.activity_form.records() {
                Ok(records) => {
                    a.form_problem = None;
                    a.form_open = false;
                    self.drafts.activity_form = Default::default();
                    self.store.send(Command::SaveActivities { records, now_ms });
                }
                Err(problem) => a.form_problem = Some(problem),
            },
            ActivityAction::Delete(id) => {
                if let Some(v) = a.list.iter().find(|v| v.record.id == id) {
                    let mut record = v.record.clone();
                    record.deleted = true;
                    self.store.send(Command::SaveActivities {
                        records: vec![record],
                        now_ms,
                    });
                }
            }
            ActivityAction::Export(activity_id) => {
                a.exported = None;
                self.store.send(Command::ExportCsv { activity_id });
            }
            _ => {}
        }
    }
}

//! Activities: the list, the sign-up form, the confirmation, and a code's status and
//! cancellation; volunteer check-in and walk-ins at the door; the admin's activity form and CSV
//! export. The store decides what this kiosk may confirm on its own; the server decides the
//! rest. No egui (but in `screen.rs`), no I/O.

mod screen;

use std::any::Any;

use super::{CodeLookup, Ctx, Module, ModuleAction, Page, Pinned, Refresh, StaffPlace, Tile};
use crate::app::Action;
use crate::pin::Role;
use crate::store::worker::{Command, Event};
use crate::store::{ActivityView, SignupView};
use crate::ui::picto::Picto;
use digidak_core::activities::{ActivityForm, CODE_DIGITS, SignupProblem, normalize_code};

pub const ID: &str = "activities";
/// The coming activities, this month's first.
pub const LIST: Page = Page::resident(ID, 0);
/// "I'll come": first name, phone (optional), how many people.
pub const SIGNUP_FORM: Page = Page::resident(ID, 1);
/// The sign-up's code, QR code and status.
pub const SIGNUP_DONE: Page = Page::resident(ID, 2);
/// Typing a sign-up code to see its status or cancel.
pub const SIGNUP_CODE: Page = Page::resident(ID, 3);
/// Volunteer mode: the people of an activity, check-in, walk-ins.
pub const CHECK_IN: Page = Page::staff(ID, 4);
/// Admin mode: create, change, delete activities; export lists.
pub const ADMIN: Page = Page::staff(ID, 5);

/// An action of the activities' pages, as the kiosk's [`Action`].
pub fn action(what: ActivityAction) -> Action {
    Action::Module(ModuleAction::new(ID, what))
}

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

/// What was typed on the activities' pages. Wiped with the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityDrafts {
    /// The sign-up form: first name and phone number.
    pub signup_name: String,
    pub signup_phone: String,
    /// A sign-up code being typed.
    pub signup_code: String,
    /// Volunteer mode: a code typed to check someone in, and a walk-in's first name.
    pub checkin_code: String,
    pub walk_in_name: String,
    /// Admin mode: the activity form.
    pub activity_form: ActivityForm,
}

/// The activities module's state.
#[derive(Debug, Default)]
pub struct Activities {
    /// What was typed.
    pub drafts: ActivityDrafts,
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
    pub exported: Option<Result<std::path::PathBuf, crate::app::StoreFault>>,
}

impl Activities {
    /// Forgets the session; the list of activities stays.
    pub fn wipe(&mut self) {
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

/// Asks the store for the coming activities.
fn refresh(now_ms: i64, _staff: bool) -> Vec<Command> {
    vec![Command::RefreshActivities { now_ms }]
}

impl Activities {
    fn act(&mut self, action: ActivityAction, ctx: &mut Ctx<'_>) {
        let now_ms = ctx.now_ms;
        let a = self;
        match action {
            ActivityAction::Choose(id) => {
                a.chosen = Some(id);
                a.party = 1;
                a.problem = None;
                a.receipt = None;
                a.drafts.signup_name.clear();
                a.drafts.signup_phone.clear();
                ctx.push(SIGNUP_FORM);
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
                let phone = a.drafts.signup_phone.trim();
                a.awaiting = true;
                a.problem = None;
                ctx.send(Command::CreateSignup {
                    activity_id: id,
                    first_name: a.drafts.signup_name.clone(),
                    phone: (!phone.is_empty()).then(|| phone.to_string()),
                    party: a.party.max(1),
                    now_ms,
                });
            }
            ActivityAction::CodeDigit(d) => {
                if d.is_ascii_digit() && a.drafts.signup_code.len() < CODE_DIGITS {
                    a.drafts.signup_code.push(d);
                }
                a.lookup = CodeLookup::Idle;
            }
            ActivityAction::CodeErase => {
                a.drafts.signup_code.pop();
                a.lookup = CodeLookup::Idle;
            }
            ActivityAction::CodeSubmit => match normalize_code(&a.drafts.signup_code) {
                None => a.lookup = CodeLookup::Invalid,
                Some(code) => {
                    a.lookup = CodeLookup::Looking;
                    ctx.send(Command::FindSignups { code });
                }
            },
            ActivityAction::People(id) => {
                if !ctx.staff {
                    return;
                }
                a.people_of = Some(id.clone());
                a.people.clear();
                a.checked_by_code = None;
                a.walk_in_party = 1;
                ctx.send(Command::ListPeople { activity_id: id });
            }
            ActivityAction::CheckIn(signup_id) => {
                if let (Some(activity_id), true) = (a.people_of.clone(), ctx.staff) {
                    ctx.send(Command::CheckIn {
                        activity_id,
                        signup_id,
                        now_ms,
                    });
                }
            }
            ActivityAction::CheckInCode => {
                let code = normalize_code(&a.drafts.checkin_code);
                if let (Some(activity_id), Some(code), true) =
                    (a.people_of.clone(), code, ctx.staff)
                {
                    a.drafts.checkin_code.clear();
                    ctx.send(Command::CheckInCode {
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
                if let (Some(activity_id), true) = (a.people_of.clone(), ctx.staff) {
                    a.walk_in_problem = None;
                    let first_name = std::mem::take(&mut a.drafts.walk_in_name);
                    ctx.send(Command::AddWalkIn {
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
            | ActivityAction::Export(_) => a.handle_admin(action, ctx),
            ActivityAction::Cancel => {
                if let Some(code) = a.found_code.clone() {
                    tracing::info!("a resident cancelled a sign-up by code");
                    ctx.send(Command::CancelSignups { code, now_ms });
                }
            }
        }
    }

    fn on_signup_created(&mut self, result: Result<SignupView, SignupProblem>, ctx: &mut Ctx<'_>) {
        let a = self;
        if !std::mem::take(&mut a.awaiting) {
            return;
        }
        match result {
            Ok(view) => {
                a.receipt = Some(view);
                // The names typed are saved: clear them from the form.
                a.drafts.signup_name.clear();
                a.drafts.signup_phone.clear();
                if ctx.screen() == crate::app::Screen::Module(SIGNUP_FORM) {
                    ctx.replace(SIGNUP_DONE);
                }
            }
            Err(problem) => a.problem = Some(problem),
        }
    }

    fn on_signups_found(&mut self, code: String, list: Vec<SignupView>) {
        let a = self;
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

    fn on_people(&mut self, activity_id: &str, list: Vec<SignupView>, checked: Option<usize>) {
        let a = self;
        if a.people_of.as_deref() == Some(activity_id) {
            a.people = list;
            if checked.is_some() {
                a.checked_by_code = checked;
            }
        }
    }

    /// After new data from the server: what is on screen follows.
    fn on_activities(&mut self, list: Vec<ActivityView>, ctx: &mut Ctx<'_>) {
        self.list = list;
        if let Some(id) = self.people_of.clone()
            && ctx.staff
        {
            ctx.send(Command::ListPeople { activity_id: id });
        }
        let code = self
            .receipt
            .as_ref()
            .map(|r| r.code.clone())
            .or_else(|| self.found_code.clone());
        if let Some(code) = code {
            ctx.send(Command::FindSignups { code });
        }
    }

    /// Admin mode: create, change, delete, export.
    fn handle_admin(&mut self, action: ActivityAction, ctx: &mut Ctx<'_>) {
        if ctx.role != Some(Role::Admin) {
            return;
        }
        let now_ms = ctx.now_ms;
        let a = self;
        match action {
            ActivityAction::New => {
                a.drafts.activity_form = ActivityForm::new_default();
                a.form_open = true;
                a.form_problem = None;
                a.saved = None;
            }
            ActivityAction::Edit(id) => {
                if let Some(v) = a.list.iter().find(|v| v.record.id == id) {
                    a.drafts.activity_form = ActivityForm::from_record(&v.record);
                    a.form_open = true;
                    a.form_problem = None;
                    a.saved = None;
                }
            }
            ActivityAction::CloseForm => {
                a.form_open = false;
                a.drafts.activity_form = Default::default();
            }
            ActivityAction::Save => match a.drafts.activity_form.records() {
                Ok(records) => {
                    a.form_problem = None;
                    a.form_open = false;
                    a.drafts.activity_form = Default::default();
                    ctx.send(Command::SaveActivities { records, now_ms });
                }
                Err(problem) => a.form_problem = Some(problem),
            },
            ActivityAction::Delete(id) => {
                if let Some(v) = a.list.iter().find(|v| v.record.id == id) {
                    let mut record = v.record.clone();
                    record.deleted = true;
                    ctx.send(Command::SaveActivities {
                        records: vec![record],
                        now_ms,
                    });
                }
            }
            ActivityAction::Export(activity_id) => {
                a.exported = None;
                ctx.send(Command::ExportCsv { activity_id });
            }
            _ => {}
        }
    }
}

impl Module for Activities {
    fn id(&self) -> &'static str {
        ID
    }

    fn tile(&self) -> Option<Tile> {
        Some(Tile {
            picto: Picto::Calendar,
            label: "tile-activities",
            opens: LIST,
        })
    }

    /// Only what was typed counts: the list and a receipt on screen are no one's input.
    fn is_clean(&self) -> bool {
        self.drafts == ActivityDrafts::default()
    }

    fn wipe(&mut self) {
        Activities::wipe(self);
    }

    fn opened(&mut self, page: Page, ctx: &mut Ctx<'_>) {
        let here = ctx.screen() == crate::app::Screen::Module(page);
        if (page == LIST && !here) || page.staff {
            for c in refresh(ctx.now_ms, ctx.staff) {
                ctx.send(c);
            }
        }
        if page == SIGNUP_CODE {
            self.drafts.signup_code.clear();
            self.lookup = CodeLookup::Idle;
            self.found.clear();
            self.found_code = None;
        }
    }

    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>) {
        if let Some(what) = action.get::<ActivityAction>() {
            self.act(what.clone(), ctx);
        }
    }

    fn on_event(&mut self, event: Event, ctx: &mut Ctx<'_>) -> Option<Event> {
        match event {
            Event::Activities(list) => self.on_activities(list, ctx),
            Event::SignupCreated(result) => self.on_signup_created(*result, ctx),
            Event::SignupsFound { code, list } => self.on_signups_found(code, list),
            Event::People {
                activity_id,
                list,
                checked_in,
            } => self.on_people(&activity_id, list, checked_in),
            Event::WalkInRefused(problem) => self.walk_in_problem = Some(problem),
            Event::ActivitiesSaved(n) => self.saved = Some(n),
            Event::Exported(result) => self.exported = Some(result),
            other => return Some(other),
        }
        None
    }

    fn refresh(&self) -> Refresh {
        refresh
    }

    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        match page.page {
            0 => screen::list(ui, self, view),
            1 => screen::form(ui, self, view),
            2 => screen::done(ui, self, view),
            3 => screen::code(ui, self, view),
            4 => screen::checkin::show(ui, self, view),
            _ => screen::admin::show(ui, self, view),
        }
    }

    fn show_staff(&mut self, place: StaffPlace, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        screen::staff(place, ui, view);
    }

    fn pinned(&self, page: Page) -> Option<Pinned> {
        (page == SIGNUP_FORM && self.chosen().is_some()).then(|| Pinned {
            picto: Picto::Done,
            label: "signup-submit",
            action: action(ActivityAction::SignUp),
            beside: None,
            not_while_typing: false,
        })
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Screen;
    use crate::modules::bench::Bench;
    use crate::store::SignupState;
    use digidak_protocol::ActivityRecord;

    fn record(id: &str, max_party: u32) -> ActivityRecord {
        ActivityRecord {
            id: id.into(),
            title: "Koffie".into(),
            description: String::new(),
            picture: "calendar".into(),
            place: "Zaal".into(),
            start: "2026-12-02T14:00".into(),
            end: "2026-12-02T16:00".into(),
            deadline: "2026-12-02T12:00".into(),
            capacity: 10,
            max_party,
            block: 2,
            languages: vec![],
            deleted: false,
        }
    }

    fn view(id: &str, max_party: u32) -> ActivityView {
        ActivityView {
            record: record(id, max_party),
            places_left: 10,
            mine: 2,
            waitlisted: 0,
        }
    }

    fn signup(code: &str, state: SignupState) -> SignupView {
        SignupView {
            id: "s1".into(),
            code: code.into(),
            first_name: "Samira".into(),
            phone: None,
            party: 1,
            state,
            activity: Some(record("a1", 3)),
            checked_in_ms: None,
            token: Some("token".into()),
            decided: false,
        }
    }

    /// The list is shown, one activity chosen and the form filled in.
    fn filled() -> (Activities, Bench) {
        let mut a = Activities::default();
        let mut b = Bench::new();
        b.open(&mut a, LIST);
        assert_eq!(
            b.asked(),
            vec![Command::RefreshActivities { now_ms: b.now_ms }],
            "opening the list asks for it"
        );
        assert!(b.answer(&mut a, Event::Activities(vec![view("a1", 3)])));
        b.act(
            &mut a,
            ModuleAction::new(ID, ActivityAction::Choose("a1".into())),
        );
        a.drafts.signup_name = "Samira".into();
        a.drafts.signup_phone = " 0470 12 34 56 ".into();
        (a, b)
    }

    #[test]
    fn choosing_opens_the_form_with_one_person_and_the_party_stays_within_bounds() {
        let (mut a, mut b) = filled();
        assert_eq!(b.screen(), Screen::Module(SIGNUP_FORM));
        assert_eq!(a.party, 1);
        assert!(
            a.pinned(SIGNUP_FORM).is_some(),
            "sign up is the form's main action"
        );
        for _ in 0..5 {
            b.act(&mut a, ModuleAction::new(ID, ActivityAction::PartyMore));
        }
        assert_eq!(a.party, 3, "at most the activity's max party");
        for _ in 0..5 {
            b.act(&mut a, ModuleAction::new(ID, ActivityAction::PartyLess));
        }
        assert_eq!(a.party, 1, "at least one person");
    }

    #[test]
    fn signing_up_sends_the_trimmed_phone_once_and_the_receipt_replaces_the_form() {
        let (mut a, mut b) = filled();
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::SignUp));
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::SignUp));
        let asked = b.asked();
        assert_eq!(asked.len(), 1, "a second tap while waiting sends nothing");
        assert!(matches!(
            &asked[0],
            Command::CreateSignup { activity_id, first_name, phone: Some(p), party: 1, .. }
                if activity_id == "a1" && first_name == "Samira" && p == "0470 12 34 56"
        ));
        let receipt = signup("12345678", SignupState::Confirmed);
        assert!(b.answer(&mut a, Event::SignupCreated(Box::new(Ok(receipt.clone())))));
        assert_eq!(b.screen(), Screen::Module(SIGNUP_DONE));
        assert!(a.drafts.signup_name.is_empty() && a.drafts.signup_phone.is_empty());
        assert_eq!(a.receipt.as_ref(), Some(&receipt));
        // The server's later word on it keeps the phone link's token of the receipt.
        let mut decided = signup("12345678", SignupState::Waitlisted(Some(2)));
        decided.token = None;
        decided.decided = true;
        b.answer(
            &mut a,
            Event::SignupsFound {
                code: "12345678".into(),
                list: vec![decided],
            },
        );
        let r = a.receipt.as_ref().unwrap();
        assert_eq!(r.state, SignupState::Waitlisted(Some(2)));
        assert_eq!(r.token.as_deref(), Some("token"));
    }

    #[test]
    fn a_refused_sign_up_keeps_the_form_and_says_why() {
        let (mut a, mut b) = filled();
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::SignUp));
        b.answer(
            &mut a,
            Event::SignupCreated(Box::new(Err(SignupProblem::BadPhone))),
        );
        assert_eq!(b.screen(), Screen::Module(SIGNUP_FORM));
        assert_eq!(a.problem, Some(SignupProblem::BadPhone));
        assert_eq!(
            a.drafts.signup_name, "Samira",
            "what was typed stays to correct"
        );
        // Trying again is possible once the answer came.
        b.asked();
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::SignUp));
        assert_eq!(b.asked().len(), 1);
    }

    #[test]
    fn a_code_is_checked_before_it_is_looked_up() {
        let mut a = Activities::default();
        let mut b = Bench::new();
        b.open(&mut a, SIGNUP_CODE);
        for d in "12x34".chars() {
            b.act(&mut a, ModuleAction::new(ID, ActivityAction::CodeDigit(d)));
        }
        assert_eq!(a.drafts.signup_code, "1234", "digits only");
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::CodeSubmit));
        assert_eq!(a.lookup, CodeLookup::Invalid);
        assert!(b.asked().is_empty());
        for d in "567890".chars() {
            b.act(&mut a, ModuleAction::new(ID, ActivityAction::CodeDigit(d)));
        }
        assert_eq!(
            a.drafts.signup_code.len(),
            CODE_DIGITS,
            "no more than a code"
        );
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::CodeSubmit));
        assert_eq!(a.lookup, CodeLookup::Looking);
        assert!(matches!(&b.asked()[..], [Command::FindSignups { .. }]));
        b.answer(
            &mut a,
            Event::SignupsFound {
                code: "12345678".into(),
                list: vec![],
            },
        );
        assert_eq!(a.lookup, CodeLookup::NotFound);
        // Opening the code page again starts afresh.
        b.open(&mut a, SIGNUP_CODE);
        assert!(a.drafts.signup_code.is_empty());
        assert_eq!(a.lookup, CodeLookup::Idle);
    }

    #[test]
    fn check_in_and_the_activity_form_are_for_staff_only() {
        let (mut a, mut b) = filled();
        b.asked();
        b.act(
            &mut a,
            ModuleAction::new(ID, ActivityAction::People("a1".into())),
        );
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::New));
        assert!(b.asked().is_empty());
        assert!(a.people_of.is_none() && !a.form_open);
        b.role = Some(Role::Volunteer);
        b.act(
            &mut a,
            ModuleAction::new(ID, ActivityAction::People("a1".into())),
        );
        assert_eq!(
            b.asked(),
            vec![Command::ListPeople {
                activity_id: "a1".into()
            }]
        );
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::New));
        assert!(!a.form_open, "the activity form is the admin's");
        b.role = Some(Role::Admin);
        b.act(&mut a, ModuleAction::new(ID, ActivityAction::New));
        assert!(a.form_open);
    }

    #[test]
    fn the_wipe_forgets_what_was_typed_and_chosen_but_keeps_the_list() {
        let (mut a, mut b) = filled();
        b.role = Some(Role::Admin);
        b.act(
            &mut a,
            ModuleAction::new(ID, ActivityAction::Edit("a1".into())),
        );
        a.drafts.checkin_code = "1234".into();
        a.drafts.walk_in_name = "Jan".into();
        assert!(!a.is_clean());
        a.wipe();
        assert!(a.is_clean());
        assert_eq!(a.drafts, ActivityDrafts::default());
        assert!(a.chosen.is_none() && a.receipt.is_none() && !a.form_open);
        assert_eq!(a.list.len(), 1, "the coming activities are nobody's");
    }

    #[test]
    fn new_data_refreshes_what_is_on_screen() {
        let (mut a, mut b) = filled();
        b.role = Some(Role::Volunteer);
        b.act(
            &mut a,
            ModuleAction::new(ID, ActivityAction::People("a1".into())),
        );
        a.receipt = Some(signup("12345678", SignupState::Pending));
        b.asked();
        b.answer(&mut a, Event::Activities(vec![view("a1", 3)]));
        assert_eq!(
            b.asked(),
            vec![
                Command::ListPeople {
                    activity_id: "a1".into()
                },
                Command::FindSignups {
                    code: "12345678".into()
                },
            ]
        );
        assert_eq!(
            a.refresh()(5, false),
            vec![Command::RefreshActivities { now_ms: 5 }]
        );
    }
}

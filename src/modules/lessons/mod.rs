//! Lessons: the list, the lesson being played, "continue later" codes and resuming them (here,
//! then on the server), guide mode and the anonymous counts. The lessons themselves are the
//! kiosk's content (`app::Content`, loaded off the UI thread). No egui (but in `screen.rs`),
//! no I/O.

mod screen;

use std::any::Any;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::{Ctx, Module, ModuleAction, Page, StaffPlace, Tile};
use crate::app::{Action, RemoteResume, Screen};
use crate::pin::Role;
use crate::store::LessonCounts;
use crate::store::worker::{Command, Event};
use crate::ui::picto::Picto;
use digidak_core::lang::Lang;
use digidak_core::lessons::Topic;
use digidak_core::lessons::player::Player;
use digidak_core::lessons::resume::{self, Resume};

pub const ID: &str = "lessons";
/// The lessons: pictures and titles, filtered by topic.
pub const LIST: Page = Page::resident(ID, 0);
/// One step of a lesson (or "well done" after the last).
pub const LESSON: Page = Page::resident(ID, 1);
/// "Continue later": the resume code and its QR code.
pub const SAVED: Page = Page::resident(ID, 2);
/// Typing a resume code.
pub const RESUME_CODE: Page = Page::resident(ID, 3);
/// The lesson's phone page as a QR code.
pub const TAKE_HOME: Page = Page::resident(ID, 4);

/// Most digits a resume code field takes.
const CODE_FIELD_MAX: usize = resume::CODE_DIGITS;

/// An action of the lessons' pages, as the kiosk's [`Action`].
pub fn action(what: LessonAction) -> Action {
    Action::Module(ModuleAction::new(ID, what))
}

/// What the lessons' pages can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonAction {
    /// Show only one topic (or all).
    Filter(Option<Topic>),
    Open(String),
    Next,
    Back,
    /// Quiz or phishing: tap an option.
    Pick(usize),
    /// itsme: confirm (true) or reject (false).
    Itsme(bool),
    /// E-mail practice: check `drafts.lesson_email`.
    CheckEmail,
    /// "Continue later": make a resume code.
    ContinueLater,
    ResumeDigit(char),
    ResumeErase,
    ResumeSubmit,
    /// Guide mode: the volunteer gave an initiation on this lesson's topic.
    MarkInitiation,
    /// The language (nl, fr or en) to read the lessons in that are not in the resident's.
    OtherLanguage(Lang),
}

/// Where looking up a resume code stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lookup {
    #[default]
    Idle,
    Looking,
    /// Not ten digits.
    Invalid,
    /// Nobody knows this code (or it expired). `offline`: the server could not be asked, so
    /// only codes made at this kiosk work now.
    NotFound {
        offline: bool,
    },
    /// The code points to a lesson this kiosk does not have.
    MissingLesson,
}

/// What was typed on the lessons' pages. Wiped with the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonDrafts {
    /// The e-mail address typed in a lesson's practice step.
    pub lesson_email: String,
    /// The resume code being typed.
    pub resume_code: String,
}

/// The lessons module: what was typed, and the rest of its state.
#[derive(Debug, Default)]
pub struct Lessons {
    pub drafts: LessonDrafts,
    pub state: LessonState,
}

/// The lessons' state but for what was typed.
#[derive(Default)]
pub struct LessonState {
    pub topic: Option<Topic>,
    /// The language (one of [`Lang::BASE`]) the resident reads the lessons in that are not
    /// in their language; `None`: the kiosk's first offered one.
    pub other_lang: Option<Lang>,
    pub player: Option<Player>,
    /// The resume code made by "continue later", to show.
    pub saved_code: Option<String>,
    awaiting_code: bool,
    pub save_failed: bool,
    pub lookup: Lookup,
    remote: Option<Receiver<RemoteResume>>,
    /// This kiosk's counts this month, for admin mode.
    pub counts: Option<LessonCounts>,
}

impl std::fmt::Debug for LessonState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LessonState")
            .field("player", &self.player.as_ref().map(|p| &p.lesson.id))
            .field("lookup", &self.lookup)
            .finish_non_exhaustive()
    }
}

/// The language the lessons not in the resident's language are offered in: the one the
/// resident chose, else the kiosk's first offered of nl/fr/en, else Dutch.
pub fn other_lessons_lang(chosen: Option<Lang>, offered: &[Lang]) -> Lang {
    chosen.unwrap_or_else(|| {
        offered
            .iter()
            .copied()
            .find(|l| l.is_base())
            .unwrap_or(Lang::Nl)
    })
}

impl Lessons {
    fn act(&mut self, action: LessonAction, ctx: &mut Ctx<'_>) {
        let now_ms = ctx.now_ms;
        match action {
            LessonAction::Filter(topic) => self.state.topic = topic,
            LessonAction::OtherLanguage(lang) => {
                if lang.is_base() {
                    self.state.other_lang = Some(lang);
                }
            }
            LessonAction::Open(id) => {
                let Some(lesson) = ctx.library.and_then(|l| l.get(&id).cloned()) else {
                    return;
                };
                let lang = ctx.lang;
                self.start_player(lesson, lang, 0, ctx);
            }
            LessonAction::Next => {
                ctx.speech.stop();
                self.drafts.lesson_email.clear();
                if let Some(p) = &mut self.state.player
                    && p.forward()
                {
                    let (topic, id) = (p.lesson.topic.id(), p.lesson.id.clone());
                    count_lesson(ctx, "finished", topic, id, now_ms);
                }
            }
            LessonAction::Back => {
                ctx.speech.stop();
                self.drafts.lesson_email.clear();
                if let Some(p) = &mut self.state.player {
                    p.backward();
                }
            }
            LessonAction::Pick(i) => {
                if let Some(p) = &mut self.state.player {
                    p.pick(i);
                }
            }
            LessonAction::Itsme(confirm) => {
                if let Some(p) = &mut self.state.player {
                    p.itsme(confirm);
                }
            }
            LessonAction::CheckEmail => {
                if let Some(p) = &mut self.state.player {
                    p.check_email(&self.drafts.lesson_email);
                }
            }
            LessonAction::ContinueLater => {
                let Some(p) = &self.state.player else {
                    return;
                };
                self.state.saved_code = None;
                self.state.save_failed = false;
                self.state.awaiting_code = true;
                ctx.send(Command::SaveResume {
                    lesson: p.lesson.id.clone(),
                    step: p.step_index().min(p.step_count().saturating_sub(1)),
                    lang: p.lang,
                    now_ms,
                });
                ctx.push(SAVED);
            }
            LessonAction::ResumeDigit(d) => {
                let typed = &mut self.drafts.resume_code;
                if d.is_ascii_digit() && typed.len() < CODE_FIELD_MAX {
                    typed.push(d);
                }
                self.state.lookup = Lookup::Idle;
            }
            LessonAction::ResumeErase => {
                self.drafts.resume_code.pop();
                self.state.lookup = Lookup::Idle;
            }
            LessonAction::ResumeSubmit => {
                if self.state.lookup == Lookup::Looking {
                    return;
                }
                match resume::normalize(&self.drafts.resume_code) {
                    None => self.state.lookup = Lookup::Invalid,
                    Some(code) => {
                        self.state.lookup = Lookup::Looking;
                        ctx.send(Command::FindResume { code, now_ms });
                    }
                }
            }
            LessonAction::MarkInitiation => {
                if !ctx.staff {
                    return;
                }
                if let Some(p) = &mut self.state.player
                    && !std::mem::replace(&mut p.initiation_noted, true)
                {
                    let (topic, id) = (p.lesson.topic.id(), p.lesson.id.clone());
                    count_lesson(ctx, "initiation", topic, id, now_ms);
                }
            }
        }
    }

    fn start_player(
        &mut self,
        lesson: Arc<digidak_core::lessons::Lesson>,
        lang: Lang,
        step: usize,
        ctx: &mut Ctx<'_>,
    ) {
        // A lesson not written in the kiosk's language opens in the language chosen for the
        // other lessons (nl, fr or en), else in the first language it has.
        let other = other_lessons_lang(self.state.other_lang, ctx.offered);
        let lang = if lesson.text(lang).is_some() {
            lang
        } else if lesson.text(other).is_some() {
            other
        } else {
            match lesson.texts.keys().next() {
                Some(l) => *l,
                None => return,
            }
        };
        let guided = ctx.role == Some(Role::Volunteer) || ctx.role == Some(Role::Admin);
        let Some(player) = Player::new(lesson, lang, step, guided) else {
            return;
        };
        ctx.speech.stop();
        self.drafts.lesson_email.clear();
        count_lesson(
            ctx,
            "opened",
            player.lesson.topic.id(),
            player.lesson.id.clone(),
            ctx.now_ms,
        );
        self.state.player = Some(player);
        ctx.push(LESSON);
    }

    fn on_resume_saved(&mut self, code: String) {
        if std::mem::take(&mut self.state.awaiting_code) {
            self.state.saved_code = Some(code);
        }
    }

    fn on_resume_save_failed(&mut self) {
        if std::mem::take(&mut self.state.awaiting_code) {
            self.state.save_failed = true;
        }
    }

    fn on_resume_found(&mut self, code: String, found: Option<Resume>, ctx: &mut Ctx<'_>) {
        if self.state.lookup != Lookup::Looking {
            return;
        }
        match found {
            Some(r) => self.resume_at(r, ctx),
            // Not made here: the server is asked, when this kiosk is paired.
            None => match ctx.ask_server_for_resume(code) {
                Some(rx) => self.state.remote = Some(rx),
                None => self.state.lookup = Lookup::NotFound { offline: true },
            },
        }
    }

    fn on_remote_resume(&mut self, answer: RemoteResume, ctx: &mut Ctx<'_>) {
        if self.state.lookup != Lookup::Looking {
            return;
        }
        match answer {
            RemoteResume::Found(r) => {
                let resume = Lang::from_code(&r.lang).map(|lang| Resume {
                    lesson: r.lesson,
                    step: r.step as usize,
                    lang,
                });
                match resume {
                    Some(r) => self.resume_at(r, ctx),
                    None => self.state.lookup = Lookup::NotFound { offline: false },
                }
            }
            RemoteResume::NotFound => self.state.lookup = Lookup::NotFound { offline: false },
            RemoteResume::Unavailable => self.state.lookup = Lookup::NotFound { offline: true },
        }
    }

    fn resume_at(&mut self, r: Resume, ctx: &mut Ctx<'_>) {
        let Some(lesson) = ctx.library.and_then(|l| l.get(&r.lesson).cloned()) else {
            self.state.lookup = Lookup::MissingLesson;
            return;
        };
        tracing::info!(lesson = %r.lesson, step = r.step, "lesson resumed from a code");
        if ctx.offered.contains(&r.lang) {
            ctx.set_lang(r.lang);
        }
        self.state.lookup = Lookup::Idle;
        self.drafts.resume_code.clear();
        if ctx.screen() == Screen::Module(RESUME_CODE) {
            ctx.back();
        }
        self.start_player(lesson, r.lang, r.step, ctx);
    }
}

fn count_lesson(
    ctx: &Ctx<'_>,
    event: &'static str,
    topic: &'static str,
    lesson: String,
    now_ms: i64,
) {
    ctx.send(Command::RecordLessonEvent {
        event,
        topic,
        lesson,
        now_ms,
    });
}

impl Module for Lessons {
    fn id(&self) -> &'static str {
        ID
    }

    fn tile(&self) -> Option<Tile> {
        Some(Tile {
            picto: Picto::Lessons,
            label: "tile-lessons",
            opens: LIST,
        })
    }

    /// Only what was typed counts: a lesson open on screen is no one's input.
    fn is_clean(&self) -> bool {
        self.drafts == LessonDrafts::default()
    }

    /// Forgets everything of the session (this month's counts stay).
    fn wipe(&mut self) {
        self.drafts = LessonDrafts::default();
        self.state = LessonState {
            counts: self.state.counts.take(),
            ..LessonState::default()
        };
    }

    fn opened(&mut self, page: Page, _ctx: &mut Ctx<'_>) {
        if page == RESUME_CODE {
            self.drafts.resume_code.clear();
            self.state.lookup = Lookup::Idle;
        }
    }

    fn staff_opened(&mut self, ctx: &mut Ctx<'_>) {
        // Admin mode shows this month's counts.
        if ctx.role == Some(Role::Admin) {
            ctx.send(Command::RefreshLessonCounts { now_ms: ctx.now_ms });
        }
    }

    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>) {
        if let Some(what) = action.get::<LessonAction>() {
            self.act(what.clone(), ctx);
        }
    }

    fn poll(&mut self, ctx: &mut Ctx<'_>) {
        // The server's answer about a resume code not made here.
        if let Some(rx) = &self.state.remote {
            let answer = match rx.try_recv() {
                Ok(a) => Some(a),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(RemoteResume::Unavailable),
            };
            if let Some(answer) = answer {
                self.state.remote = None;
                self.on_remote_resume(answer, ctx);
            }
        }
    }

    fn on_event(&mut self, event: Event, ctx: &mut Ctx<'_>) -> Option<Event> {
        match event {
            Event::ResumeSaved { code } => self.on_resume_saved(code),
            Event::ResumeFound { code, resume } => self.on_resume_found(code, resume, ctx),
            Event::LessonCounts(counts) => self.state.counts = Some(counts),
            other => return Some(other),
        }
        None
    }

    fn on_failed(&mut self, command: &Command, ctx: &mut Ctx<'_>) -> bool {
        match command {
            Command::SaveResume { .. } => self.on_resume_save_failed(),
            Command::FindResume { code, .. } => self.on_resume_found(code.clone(), None, ctx),
            _ => return false,
        }
        true
    }

    /// The lessons wait longer before the idle warning.
    fn long_idle(&self, _page: Page) -> bool {
        true
    }

    /// The language changed: the lesson follows when it was written in it.
    fn lang_changed(&mut self, lang: Lang) {
        if let Some(p) = &mut self.state.player {
            p.set_lang(lang);
        }
    }

    /// Each step of a lesson is a page of its own (it opens at its top).
    fn page_step(&self, page: Page) -> usize {
        match (&self.state.player, page) {
            (Some(p), LESSON) => p.step_index(),
            _ => 0,
        }
    }

    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        screen::show(page, ui, self, view);
    }

    fn show_bar(&mut self, page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) -> bool {
        page == LESSON && screen::bar(ui, &self.state, view)
    }

    fn show_staff(&mut self, place: StaffPlace, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        screen::staff(place, ui, view);
    }

    fn staff_facts(&self, tr: crate::ui::Tr<'_>) -> Vec<(String, String)> {
        screen::facts(&self.state, tr)
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
    use crate::modules::bench::Bench;
    use digidak_core::lessons::{Source, load};

    fn act(b: &mut Bench, m: &mut Lessons, what: LessonAction) {
        b.act(m, ModuleAction::new(ID, what));
    }

    /// The built-in lessons (compiled in: no files read) and the list open.
    fn open_list() -> (Lessons, Bench) {
        let mut m = Lessons::default();
        let mut b = Bench::new();
        b.library = Some(Arc::new(load(&Source::BuiltIn)));
        b.open(&mut m, LIST);
        (m, b)
    }

    fn events(asked: &[Command]) -> Vec<&'static str> {
        asked
            .iter()
            .filter_map(|c| match c {
                Command::RecordLessonEvent { event, .. } => Some(*event),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_lesson_steps_forward_and_back_and_counts_opened_and_finished_once() {
        let (mut m, mut b) = open_list();
        act(&mut b, &mut m, LessonAction::Open("phishing".into()));
        assert_eq!(b.screen(), Screen::Module(LESSON));
        assert_eq!(events(&b.asked()), vec!["opened"]);
        let steps = m.state.player.as_ref().unwrap().step_count();
        assert!(steps > 1);
        assert_eq!(m.page_step(LESSON), 0);
        act(&mut b, &mut m, LessonAction::Next);
        assert_eq!(
            m.page_step(LESSON),
            1,
            "each step opens as a page of its own"
        );
        m.drafts.lesson_email = "half typed".into();
        act(&mut b, &mut m, LessonAction::Back);
        assert_eq!(m.page_step(LESSON), 0);
        assert!(
            m.drafts.lesson_email.is_empty(),
            "a step's typing stays on its step"
        );
        act(&mut b, &mut m, LessonAction::Back);
        assert_eq!(m.page_step(LESSON), 0, "no step before the first");
        for _ in 0..steps + 2 {
            act(&mut b, &mut m, LessonAction::Next);
        }
        assert!(m.state.player.as_ref().unwrap().is_finished());
        assert_eq!(
            events(&b.asked()),
            vec!["finished"],
            "finished is counted once"
        );
        assert!(
            m.long_idle(LESSON),
            "lessons wait longer before the idle warning"
        );
    }

    #[test]
    fn an_unknown_lesson_does_not_open() {
        let (mut m, mut b) = open_list();
        act(&mut b, &mut m, LessonAction::Open("no-such-lesson".into()));
        assert_eq!(b.screen(), Screen::Module(LIST));
        assert!(m.state.player.is_none());
    }

    #[test]
    fn continue_later_saves_the_step_and_shows_the_code_or_that_it_failed() {
        let (mut m, mut b) = open_list();
        act(&mut b, &mut m, LessonAction::Open("phishing".into()));
        act(&mut b, &mut m, LessonAction::Next);
        b.asked();
        act(&mut b, &mut m, LessonAction::ContinueLater);
        assert_eq!(b.screen(), Screen::Module(SAVED));
        let asked = b.asked();
        assert!(matches!(
            &asked[..],
            [Command::SaveResume { lesson, step: 1, lang: Lang::Nl, .. }] if lesson == "phishing"
        ));
        b.answer(
            &mut m,
            Event::ResumeSaved {
                code: "1234567890".into(),
            },
        );
        assert_eq!(m.state.saved_code.as_deref(), Some("1234567890"));
        // A second save that fails says so.
        act(&mut b, &mut m, LessonAction::ContinueLater);
        let command = b.asked().remove(0);
        assert!(b.run(|ctx| m.on_failed(&command, ctx)));
        assert!(m.state.save_failed);
    }

    #[test]
    fn a_resume_code_opens_its_lesson_at_its_step_in_its_language() {
        let (mut m, mut b) = open_list();
        b.open(&mut m, RESUME_CODE);
        for d in "12345".chars() {
            act(&mut b, &mut m, LessonAction::ResumeDigit(d));
        }
        act(&mut b, &mut m, LessonAction::ResumeSubmit);
        assert_eq!(m.state.lookup, Lookup::Invalid, "not ten digits");
        assert!(b.asked().is_empty());
        for d in "67890x1".chars() {
            act(&mut b, &mut m, LessonAction::ResumeDigit(d));
        }
        assert_eq!(m.drafts.resume_code, "1234567890", "ten digits at most");
        act(&mut b, &mut m, LessonAction::ResumeSubmit);
        assert_eq!(m.state.lookup, Lookup::Looking);
        assert!(matches!(&b.asked()[..], [Command::FindResume { .. }]));
        let resume = Resume {
            lesson: "phishing".into(),
            step: 2,
            lang: Lang::Fr,
        };
        b.answer(
            &mut m,
            Event::ResumeFound {
                code: "1234567890".into(),
                resume: Some(resume),
            },
        );
        assert_eq!(b.screen(), Screen::Module(LESSON), "the code page is left");
        assert_eq!(b.nav.current(), Screen::Module(LESSON));
        let p = m.state.player.as_ref().unwrap();
        assert_eq!((p.step_index(), p.lang), (2, Lang::Fr));
        assert_eq!(
            b.lang,
            Lang::Fr,
            "the kiosk switches to the lesson's language"
        );
        assert!(m.drafts.resume_code.is_empty());
        b.nav.pop();
        assert_eq!(b.screen(), Screen::Module(LIST), "back goes to the list");
    }

    #[test]
    fn a_code_unknown_here_asks_the_server_only_when_paired() {
        let (mut m, mut b) = open_list();
        b.open(&mut m, RESUME_CODE);
        m.drafts.resume_code = "1234567890".into();
        act(&mut b, &mut m, LessonAction::ResumeSubmit);
        b.answer(
            &mut m,
            Event::ResumeFound {
                code: "1234567890".into(),
                resume: None,
            },
        );
        assert_eq!(m.state.lookup, Lookup::NotFound { offline: true });
        // A code for a lesson this kiosk does not have.
        b.open(&mut m, RESUME_CODE);
        m.drafts.resume_code = "1234567890".into();
        act(&mut b, &mut m, LessonAction::ResumeSubmit);
        let resume = Resume {
            lesson: "gone".into(),
            step: 0,
            lang: Lang::Nl,
        };
        b.answer(
            &mut m,
            Event::ResumeFound {
                code: "1234567890".into(),
                resume: Some(resume),
            },
        );
        assert_eq!(m.state.lookup, Lookup::MissingLesson);
    }

    #[test]
    fn the_wipe_forgets_the_lesson_and_what_was_typed_but_keeps_the_counts() {
        let (mut m, mut b) = open_list();
        act(&mut b, &mut m, LessonAction::Filter(Some(Topic::Safety)));
        act(&mut b, &mut m, LessonAction::Open("phishing".into()));
        m.drafts.lesson_email = "fatima@".into();
        m.drafts.resume_code = "123".into();
        m.state.counts = Some(LessonCounts::default());
        assert!(!m.is_clean());
        m.wipe();
        assert!(m.is_clean());
        assert!(m.state.player.is_none() && m.state.topic.is_none());
        assert_eq!(m.state.lookup, Lookup::Idle);
        assert!(m.state.counts.is_some(), "this month's counts are nobody's");
    }

    #[test]
    fn the_admin_is_shown_this_months_counts() {
        let (mut m, mut b) = open_list();
        b.role = Some(Role::Volunteer);
        b.run(|ctx| m.staff_opened(ctx));
        assert!(b.asked().is_empty());
        b.role = Some(Role::Admin);
        b.run(|ctx| m.staff_opened(ctx));
        assert!(matches!(
            &b.asked()[..],
            [Command::RefreshLessonCounts { .. }]
        ));
    }
}

//! Lessons in the kiosk session: the library (loaded and drawn off the UI thread), the lesson
//! being played, "continue later" codes and resuming them, read aloud, and the anonymous
//! counts. No egui, no I/O on the calling thread.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, OnceLock};

use super::{Kiosk, Screen};
use crate::drawn::DrawnPictures;
use crate::pin::Role;
use crate::speech::Speech;
use crate::store::LessonCounts;
use crate::store::worker::{Command, Waker};
use crate::sync::worker::RemoteResume;
use digidak_core::lang::Lang;
use digidak_core::lessons::player::Player;
use digidak_core::lessons::resume::{self, Resume};
use digidak_core::lessons::{Library, Source, Topic, load};

/// The size pictures are drawn at (pixels, square); the UI scales them.
pub const PICTURE_PX: u32 = 192;
/// Most digits a resume code field takes.
const CODE_FIELD_MAX: usize = resume::CODE_DIGITS;

/// What the UI can ask of the lessons.
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

/// Loaded lessons and their pictures (drawn when first shown).
struct Loaded {
    library: Library,
    pictures: DrawnPictures,
}

/// The lesson part of the kiosk's state.
pub struct LessonState {
    /// `None` while the lessons load.
    pub library: Option<Arc<Library>>,
    /// The lesson pictures, drawn on the loader thread when the UI first shows them and
    /// handed to it once for a texture (no pixels kept for pictures never shown).
    pub pictures: Arc<DrawnPictures>,
    loader: Option<Receiver<Loaded>>,
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
    pub speech: Speech,
}

impl std::fmt::Debug for LessonState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LessonState")
            .field("loaded", &self.library.is_some())
            .field("player", &self.player.as_ref().map(|p| &p.lesson.id))
            .finish_non_exhaustive()
    }
}

impl LessonState {
    /// Nothing loaded and nothing to load, no speech: for tests of the session rules.
    pub(super) fn idle() -> Self {
        Self {
            library: None,
            pictures: Arc::new(DrawnPictures::default()),
            loader: None,
            topic: None,
            other_lang: None,
            player: None,
            saved_code: None,
            awaiting_code: false,
            save_failed: false,
            lookup: Lookup::Idle,
            remote: None,
            counts: None,
            speech: Speech::none(),
        }
    }

    /// Starts loading `source` on a thread; `waker` wakes the UI when it is done.
    pub(super) fn start(source: Source, read_aloud: &str, waker: Arc<OnceLock<Waker>>) -> Self {
        let (tx, rx) = channel();
        let cell = waker.clone();
        // The thread loads and checks the lessons, then stays to draw pictures on request
        // until the kiosk is dropped.
        let spawned = std::thread::Builder::new()
            .name("digidak-lessons".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let library = load(&source);
                for p in &library.problems {
                    tracing::warn!(problem = %p, "lesson left out");
                }
                tracing::info!(
                    lessons = library.lessons.len(),
                    left_out = library.problems.len(),
                    pictures = library.pictures.len(),
                    ms = started.elapsed().as_millis() as u64,
                    "lessons loaded"
                );
                let wake_cell = cell.clone();
                let (pictures, drawer) = DrawnPictures::with_photos(
                    library.pictures.clone(),
                    library.photos.clone(),
                    PICTURE_PX,
                    Arc::new(move || {
                        if let Some(w) = wake_cell.get() {
                            w();
                        }
                    }),
                );
                if tx.send(Loaded { library, pictures }).is_err() {
                    return;
                }
                if let Some(w) = cell.get() {
                    w();
                }
                drawer.run();
            });
        if spawned.is_err() {
            tracing::error!("could not start loading the lessons");
        }
        let speech = if read_aloud == "off" {
            Speech::none()
        } else {
            Speech::spawn(
                read_aloud.to_string(),
                Arc::new(move || {
                    if let Some(w) = waker.get() {
                        w();
                    }
                }),
            )
        };
        Self {
            loader: Some(rx),
            speech,
            ..Self::idle()
        }
    }

    /// Forgets everything of the session (the library stays).
    pub(super) fn wipe(&mut self) {
        self.speech.stop();
        self.topic = None;
        self.other_lang = None;
        self.player = None;
        self.saved_code = None;
        self.awaiting_code = false;
        self.save_failed = false;
        self.lookup = Lookup::Idle;
        self.remote = None;
    }

    pub fn is_loading(&self) -> bool {
        self.library.is_none()
    }
}

impl Kiosk {
    /// Takes in the loaded lessons and the server's answer about a resume code.
    pub(super) fn poll_lessons(&mut self) {
        if let Some(rx) = &self.lessons.loader {
            match rx.try_recv() {
                Ok(loaded) => {
                    self.lessons.library = Some(Arc::new(loaded.library));
                    self.lessons.pictures = Arc::new(loaded.pictures);
                    self.lessons.loader = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.lessons.library = Some(Arc::new(Library::default()));
                    self.lessons.loader = None;
                }
            }
        }
        if let Some(rx) = &self.lessons.remote {
            let answer = match rx.try_recv() {
                Ok(a) => Some(a),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(RemoteResume::Unavailable),
            };
            if let Some(answer) = answer {
                self.lessons.remote = None;
                self.on_remote_resume(answer);
            }
        }
    }

    /// The lessons are on screen: they wait longer before the idle warning.
    pub(super) fn in_lesson(&self) -> bool {
        matches!(
            self.screen(),
            Screen::LessonList
                | Screen::Lesson
                | Screen::LessonSaved
                | Screen::ResumeCode
                | Screen::LessonTakeHome
        )
    }

    /// The address of the phone pages, when the kiosk knows its server.
    pub fn phone_base_url(&self) -> Option<String> {
        self.sync_status()
            .and_then(|s| s.pairing.map(|p| p.server_url))
            .or_else(|| self.config.server.url.clone())
            .map(|u| u.trim_end_matches('/').to_string())
    }

    /// The phone page of a lesson (at a step, counted from 0), for a QR code.
    pub fn lesson_url(&self, id: &str, lang: Lang, step: Option<usize>) -> Option<String> {
        let base = self.phone_base_url()?;
        Some(match step {
            Some(s) => format!(
                "{base}/lessons/{id}?lang={}&step={n}#step-{n}",
                lang.code(),
                n = s + 1
            ),
            None => format!("{base}/lessons/{id}?lang={}", lang.code()),
        })
    }

    pub(super) fn handle_lesson(&mut self, action: LessonAction) {
        let now_ms = self.clock.unix_ms();
        match action {
            LessonAction::Filter(topic) => self.lessons.topic = topic,
            LessonAction::OtherLanguage(lang) => {
                if lang.is_base() {
                    self.lessons.other_lang = Some(lang);
                }
            }
            LessonAction::Open(id) => {
                let Some(lesson) = self
                    .lessons
                    .library
                    .as_ref()
                    .and_then(|l| l.get(&id).cloned())
                else {
                    return;
                };
                self.start_player(lesson, self.lang, 0);
            }
            LessonAction::Next => {
                self.lessons.speech.stop();
                self.drafts.lesson_email.clear();
                if let Some(p) = &mut self.lessons.player
                    && p.forward()
                {
                    let (topic, id) = (p.lesson.topic.id(), p.lesson.id.clone());
                    self.count_lesson("finished", topic, id, now_ms);
                }
            }
            LessonAction::Back => {
                self.lessons.speech.stop();
                self.drafts.lesson_email.clear();
                if let Some(p) = &mut self.lessons.player {
                    p.backward();
                }
            }
            LessonAction::Pick(i) => {
                if let Some(p) = &mut self.lessons.player {
                    p.pick(i);
                }
            }
            LessonAction::Itsme(confirm) => {
                if let Some(p) = &mut self.lessons.player {
                    p.itsme(confirm);
                }
            }
            LessonAction::CheckEmail => {
                if let Some(p) = &mut self.lessons.player {
                    p.check_email(&self.drafts.lesson_email);
                }
            }
            LessonAction::ContinueLater => {
                let Some(p) = &self.lessons.player else {
                    return;
                };
                self.lessons.saved_code = None;
                self.lessons.save_failed = false;
                self.lessons.awaiting_code = true;
                self.store.send(Command::SaveResume {
                    lesson: p.lesson.id.clone(),
                    step: p.step_index().min(p.step_count().saturating_sub(1)),
                    lang: p.lang,
                    now_ms,
                });
                if self.screen() != Screen::LessonSaved {
                    self.nav.push(Screen::LessonSaved);
                }
            }
            LessonAction::ResumeDigit(d) => {
                let typed = &mut self.drafts.resume_code;
                if d.is_ascii_digit() && typed.len() < CODE_FIELD_MAX {
                    typed.push(d);
                }
                self.lessons.lookup = Lookup::Idle;
            }
            LessonAction::ResumeErase => {
                self.drafts.resume_code.pop();
                self.lessons.lookup = Lookup::Idle;
            }
            LessonAction::ResumeSubmit => {
                if self.lessons.lookup == Lookup::Looking {
                    return;
                }
                match resume::normalize(&self.drafts.resume_code) {
                    None => self.lessons.lookup = Lookup::Invalid,
                    Some(code) => {
                        self.lessons.lookup = Lookup::Looking;
                        self.store.send(Command::FindResume { code, now_ms });
                    }
                }
            }
            LessonAction::MarkInitiation => {
                if self.staff.is_none() {
                    return;
                }
                if let Some(p) = &mut self.lessons.player
                    && !std::mem::replace(&mut p.initiation_noted, true)
                {
                    let (topic, id) = (p.lesson.topic.id(), p.lesson.id.clone());
                    self.count_lesson("initiation", topic, id, now_ms);
                }
            }
        }
    }

    /// The language the lessons not in the resident's language are offered in: the one the
    /// resident chose, else the kiosk's first offered of nl/fr/en, else Dutch.
    pub fn other_lessons_lang(&self) -> Lang {
        self.lessons.other_lang.unwrap_or_else(|| {
            self.config
                .languages
                .offered
                .iter()
                .copied()
                .find(|l| l.is_base())
                .unwrap_or(Lang::Nl)
        })
    }

    fn start_player(
        &mut self,
        lesson: Arc<digidak_core::lessons::Lesson>,
        lang: Lang,
        step: usize,
    ) {
        // A lesson not written in the kiosk's language opens in the language chosen for the
        // other lessons (nl, fr or en), else in the first language it has.
        let other = self.other_lessons_lang();
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
        let guided = self.staff == Some(Role::Volunteer) || self.staff == Some(Role::Admin);
        let Some(player) = Player::new(lesson, lang, step, guided) else {
            return;
        };
        self.lessons.speech.stop();
        self.drafts.lesson_email.clear();
        self.count_lesson(
            "opened",
            player.lesson.topic.id(),
            player.lesson.id.clone(),
            self.clock.unix_ms(),
        );
        self.lessons.player = Some(player);
        if self.screen() != Screen::Lesson {
            self.nav.push(Screen::Lesson);
        }
    }

    fn count_lesson(&self, event: &'static str, topic: &'static str, lesson: String, now_ms: i64) {
        self.store.send(Command::RecordLessonEvent {
            event,
            topic,
            lesson,
            now_ms,
        });
    }

    /// The language changed: the lesson follows when it was written in it.
    pub(super) fn lesson_lang_changed(&mut self) {
        let lang = self.lang;
        if let Some(p) = &mut self.lessons.player {
            p.set_lang(lang);
        }
    }

    pub(super) fn on_resume_saved(&mut self, code: String) {
        if std::mem::take(&mut self.lessons.awaiting_code) {
            self.lessons.saved_code = Some(code);
        }
    }

    pub(super) fn on_resume_save_failed(&mut self) {
        if std::mem::take(&mut self.lessons.awaiting_code) {
            self.lessons.save_failed = true;
        }
    }

    pub(super) fn on_resume_found(&mut self, code: String, found: Option<Resume>) {
        if self.lessons.lookup != Lookup::Looking {
            return;
        }
        match found {
            Some(r) => self.resume_at(r),
            None => match &self.sync {
                Some(sync) if self.sync_status().is_some_and(|s| s.pairing.is_some()) => {
                    let (tx, rx) = channel();
                    sync.lookup_resume(code, tx);
                    self.lessons.remote = Some(rx);
                }
                _ => self.lessons.lookup = Lookup::NotFound { offline: true },
            },
        }
    }

    fn on_remote_resume(&mut self, answer: RemoteResume) {
        if self.lessons.lookup != Lookup::Looking {
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
                    Some(r) => self.resume_at(r),
                    None => self.lessons.lookup = Lookup::NotFound { offline: false },
                }
            }
            RemoteResume::NotFound => self.lessons.lookup = Lookup::NotFound { offline: false },
            RemoteResume::Unavailable => self.lessons.lookup = Lookup::NotFound { offline: true },
        }
    }

    fn resume_at(&mut self, r: Resume) {
        let Some(lesson) = self
            .lessons
            .library
            .as_ref()
            .and_then(|l| l.get(&r.lesson).cloned())
        else {
            self.lessons.lookup = Lookup::MissingLesson;
            return;
        };
        tracing::info!(lesson = %r.lesson, step = r.step, "lesson resumed from a code");
        if self.config.languages.offered.contains(&r.lang) {
            self.lang = r.lang;
        }
        self.lessons.lookup = Lookup::Idle;
        self.drafts.resume_code.clear();
        if self.screen() == Screen::ResumeCode {
            self.nav.pop();
        }
        self.start_player(lesson, r.lang, r.step);
    }
}

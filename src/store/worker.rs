//! The store worker: a thread that owns the [`Store`] and does all disk work. The UI sends
//! [`Command`]s and reads [`Event`]s; neither side ever blocks on the other.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::{ActivityView, HelpRequest, LessonCounts, SignupView, Store, StoreFault, StoreInfo};
use digidak_core::activities::SignupProblem;
use digidak_core::clock::Clock;
use digidak_core::lang::Lang;
use digidak_core::lessons::resume::Resume;

/// What the UI asks of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    AddHelpRequest {
        first_name: Option<String>,
        now_ms: i64,
    },
    MarkHelpHandled {
        id: String,
        now_ms: i64,
    },
    /// An anonymous visit to a screen or module, for the server's counts.
    RecordVisit {
        name: &'static str,
        now_ms: i64,
    },
    RefreshHelpRequests,
    /// "Continue later": make a resume code for this lesson step.
    SaveResume {
        lesson: String,
        step: usize,
        lang: Lang,
        now_ms: i64,
    },
    /// Look up a resume code made at this kiosk.
    FindResume {
        code: String,
        now_ms: i64,
    },
    /// Count `opened`, `finished` or `initiation` for a lesson.
    RecordLessonEvent {
        event: &'static str,
        topic: &'static str,
        lesson: String,
        now_ms: i64,
    },
    /// This kiosk's lesson counts for the month of `now_ms`, for admin mode.
    RefreshLessonCounts {
        now_ms: i64,
    },
    /// The activities that have not ended at `now_ms`.
    RefreshActivities {
        now_ms: i64,
    },
    CreateSignup {
        activity_id: String,
        first_name: String,
        phone: Option<String>,
        party: u32,
        now_ms: i64,
    },
    /// The sign-ups with this code.
    FindSignups {
        code: String,
    },
    /// Cancel the sign-ups with this code.
    CancelSignups {
        code: String,
        now_ms: i64,
    },
    /// Volunteer mode: the people of an activity.
    ListPeople {
        activity_id: String,
    },
    CheckIn {
        activity_id: String,
        signup_id: String,
        now_ms: i64,
    },
    /// Check in the sign-ups of this activity with this code.
    CheckInCode {
        activity_id: String,
        code: String,
        now_ms: i64,
    },
    AddWalkIn {
        activity_id: String,
        first_name: String,
        party: u32,
        now_ms: i64,
    },
    /// Admin mode: save activities made or changed here.
    SaveActivities {
        records: Vec<digidak_protocol::ActivityRecord>,
        now_ms: i64,
    },
    /// Admin mode: write an activity's list as CSV in the data folder.
    ExportCsv {
        activity_id: String,
    },
    /// The ask & offer board.
    Board(super::BoardCommand),
    /// The site's local partners and what the neighbourhood offers now (answered with
    /// [`Event::Partners`]).
    RefreshPartners {
        now_ms: i64,
    },
    /// A care signal for one partner, with the resident's consent (answered with
    /// [`Event::SignalSaved`]).
    CreateSignal {
        signal: digidak_protocol::SignalCreated,
        now_ms: i64,
    },
    /// Read and draw these partners' logos, kept in the data folder by the sync worker
    /// (answered with [`Event::PartnerLogos`]).
    LoadPartnerLogos {
        hashes: Vec<String>,
    },
}

impl Command {
    /// A name for logs: never the command's data, which may hold a resident's name.
    pub fn kind(&self) -> &'static str {
        match self {
            Command::AddHelpRequest { .. } => "add_help_request",
            Command::MarkHelpHandled { .. } => "mark_help_handled",
            Command::RecordVisit { .. } => "record_visit",
            Command::RefreshHelpRequests => "refresh_help_requests",
            Command::SaveResume { .. } => "save_resume",
            Command::FindResume { .. } => "find_resume",
            Command::RecordLessonEvent { .. } => "record_lesson_event",
            Command::RefreshLessonCounts { .. } => "refresh_lesson_counts",
            Command::RefreshActivities { .. } => "refresh_activities",
            Command::CreateSignup { .. } => "create_signup",
            Command::FindSignups { .. } => "find_signups",
            Command::CancelSignups { .. } => "cancel_signups",
            Command::ListPeople { .. } => "list_people",
            Command::CheckIn { .. } => "check_in",
            Command::CheckInCode { .. } => "check_in_code",
            Command::AddWalkIn { .. } => "add_walk_in",
            Command::SaveActivities { .. } => "save_activities",
            Command::ExportCsv { .. } => "export_csv",
            Command::Board(c) => c.kind(),
            Command::RefreshPartners { .. } => "refresh_partners",
            Command::CreateSignal { .. } => "create_signal",
            Command::LoadPartnerLogos { .. } => "load_partner_logos",
        }
    }

    /// Writes something (so sync should look at the outbox afterwards).
    fn writes(&self) -> bool {
        if let Command::Board(c) = self {
            return c.writes();
        }
        !matches!(
            self,
            Command::RefreshHelpRequests
                | Command::FindResume { .. }
                | Command::RefreshLessonCounts { .. }
                | Command::RefreshActivities { .. }
                | Command::FindSignups { .. }
                | Command::ListPeople { .. }
                | Command::ExportCsv { .. }
                | Command::RefreshPartners { .. }
                | Command::LoadPartnerLogos { .. }
        )
    }

    /// Counts only: a failure is logged, never shown to the resident.
    fn is_count(&self) -> bool {
        matches!(
            self,
            Command::RecordVisit { .. } | Command::RecordLessonEvent { .. }
        )
    }

    /// The help-request list may have changed.
    fn touches_help(&self) -> bool {
        matches!(
            self,
            Command::AddHelpRequest { .. }
                | Command::MarkHelpHandled { .. }
                | Command::RefreshHelpRequests
        )
    }
}

/// What the store tells the UI.
// A board event carries a post inline (with the partner's badge and routing since issue 21);
// an event is moved once through the channel, so its size costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The store is open and migrated.
    Ready(StoreInfo),
    /// The store could not be opened; the text is for the admin screen and the log.
    Unavailable(StoreFault),
    /// A help request is safely on disk.
    HelpRequestSaved(HelpRequest),
    /// The current list of open help requests.
    HelpRequests(Vec<HelpRequest>),
    /// A resume code is safely on disk (and queued for the server).
    ResumeSaved {
        code: String,
    },
    /// The answer to [`Command::FindResume`]: `None` when this kiosk does not know the code
    /// (or it expired).
    ResumeFound {
        code: String,
        resume: Option<Resume>,
    },
    LessonCounts(LessonCounts),
    Activities(Vec<ActivityView>),
    /// The answer to [`Command::CreateSignup`]: the sign-up, or why it was not taken.
    SignupCreated(Box<Result<SignupView, SignupProblem>>),
    SignupsFound {
        code: String,
        list: Vec<SignupView>,
    },
    /// The people of an activity, for volunteer mode. `checked_in`: how many a check-in by
    /// code just checked in (`None` for other refreshes).
    People {
        activity_id: String,
        list: Vec<SignupView>,
        checked_in: Option<usize>,
    },
    /// A walk-in could not be added.
    WalkInRefused(SignupProblem),
    /// Activities made or changed in admin mode are saved.
    ActivitiesSaved(usize),
    /// Where the CSV was written, or why not.
    Exported(Result<PathBuf, StoreFault>),
    Board(super::BoardEvent),
    /// The site's local partners, by name, and per category the offers on the board and the
    /// partners ("Wat onze buurt kan").
    Partners {
        list: Vec<digidak_protocol::PartnerRecord>,
        strengths: Vec<digidak_core::strengths::Strength>,
        /// (partner name, title) of the partners' offers on the board.
        offers: Vec<(String, String)>,
    },
    /// A care signal is queued for its partner.
    SignalSaved,
    /// The answer to [`Command::LoadPartnerLogos`]: each logo's pixels, or `None` when it is
    /// not in the data folder (yet).
    PartnerLogos(Vec<(String, Option<digidak_core::lessons::Pixels>)>),
    /// A command failed; nothing was half-written.
    Failed {
        command: Command,
        error: StoreFault,
    },
}

/// Called after each event so a sleeping UI wakes up to read it (egui's `request_repaint`).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// The UI's end of the store worker.
pub struct StoreHandle {
    tx: Option<Sender<Command>>,
    rx: Receiver<Event>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for StoreHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreHandle").finish_non_exhaustive()
    }
}

impl StoreHandle {
    /// Starts the worker, which opens the store in `data_dir` on its own thread. `after_write`
    /// runs after each committed write (it nudges the sync worker). `clock` is the kiosk's one
    /// clock: it dates what the worker forgets.
    pub fn spawn(
        data_dir: PathBuf,
        clock: Arc<dyn Clock>,
        waker: Waker,
        after_write: Waker,
    ) -> Self {
        let (cmd_tx, cmd_rx) = channel::<Command>();
        let (ev_tx, ev_rx) = channel::<Event>();
        let thread = std::thread::Builder::new()
            .name("digidak-store".into())
            .spawn(move || run(data_dir, clock, cmd_rx, ev_tx, waker, after_write))
            .expect("spawning the store thread");
        Self {
            tx: Some(cmd_tx),
            rx: ev_rx,
            thread: Some(thread),
        }
    }

    /// A handle with no worker behind it: the caller plays the worker's part on the returned
    /// ends (what was asked, where to answer). For tests of the kiosk's session rules.
    pub fn detached() -> (Self, Receiver<Command>, Sender<Event>) {
        let (cmd_tx, cmd_rx) = channel::<Command>();
        let (ev_tx, ev_rx) = channel::<Event>();
        let handle = Self {
            tx: Some(cmd_tx),
            rx: ev_rx,
            thread: None,
        };
        (handle, cmd_rx, ev_tx)
    }

    /// Queues a command; never blocks.
    pub fn send(&self, command: Command) {
        if let Some(tx) = &self.tx
            && tx.send(command).is_err()
        {
            tracing::error!("store worker is gone");
        }
    }

    /// A sender other threads can use to ask for work (the sync worker asks for a refresh).
    pub fn sender(&self) -> Option<Sender<Command>> {
        self.tx.clone()
    }

    /// The next event, if one is waiting; never blocks.
    pub fn try_recv(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }
}

impl Drop for StoreHandle {
    /// Lets the worker finish every queued write before the program ends.
    fn drop(&mut self) {
        self.tx.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(
    data_dir: PathBuf,
    clock: Arc<dyn Clock>,
    commands: Receiver<Command>,
    events: Sender<Event>,
    waker: Waker,
    after_write: Waker,
) {
    let emit = |ev: Event| {
        let _ = events.send(ev);
        waker();
    };
    let mut store = match Store::open_in(&data_dir) {
        Ok(mut store) => {
            store.set_clock(clock.clone());
            store
        }
        Err(e) => {
            tracing::error!(error = %e, "store unavailable");
            let fault = StoreFault::from(e);
            emit(Event::Unavailable(fault.clone()));
            // Keep answering so that every command gets a clear failure, not silence.
            for command in commands {
                emit(Event::Failed {
                    command,
                    error: fault.clone(),
                });
            }
            return;
        }
    };
    match store.info() {
        Ok(info) => {
            tracing::info!(path = %info.path.display(), schema = info.schema_version, "store ready");
            emit(Event::Ready(info));
        }
        Err(e) => emit(Event::Unavailable(e.into())),
    }
    if let Ok(list) = store.open_help_requests() {
        emit(Event::HelpRequests(list));
    }
    forget_old_personal_data(&mut store, clock.unix_ms());
    let mut forgotten_at = std::time::Instant::now();
    for command in commands {
        // A kiosk may run for weeks: check again at most once an hour, between commands.
        if forgotten_at.elapsed() >= std::time::Duration::from_secs(3600) {
            forget_old_personal_data(&mut store, clock.unix_ms());
            forgotten_at = std::time::Instant::now();
        }
        let result = match &command {
            Command::AddHelpRequest { first_name, now_ms } => store
                .add_help_request(first_name.as_deref(), *now_ms)
                .map(|req| vec![Event::HelpRequestSaved(req)]),
            Command::MarkHelpHandled { id, now_ms } => {
                store.mark_help_handled(id, *now_ms).map(|_| vec![])
            }
            Command::RecordVisit { name, now_ms } => {
                store.record_visit(name, *now_ms).map(|()| vec![])
            }
            Command::RefreshHelpRequests => Ok(vec![]),
            Command::SaveResume {
                lesson,
                step,
                lang,
                now_ms,
            } => store
                .save_resume(lesson, *step, *lang, *now_ms)
                .map(|code| vec![Event::ResumeSaved { code }]),
            Command::FindResume { code, now_ms } => {
                store.find_resume(code, *now_ms).map(|resume| {
                    vec![Event::ResumeFound {
                        code: code.clone(),
                        resume,
                    }]
                })
            }
            Command::RecordLessonEvent {
                event,
                topic,
                lesson,
                now_ms,
            } => store
                .record_lesson_event(event, topic, lesson, *now_ms)
                .map(|()| vec![]),
            Command::RefreshLessonCounts { now_ms } => store
                .lesson_counts(*now_ms)
                .map(|c| vec![Event::LessonCounts(c)]),
            Command::RefreshActivities { now_ms } => store
                .upcoming_activities(*now_ms)
                .map(|l| vec![Event::Activities(l)]),
            Command::CreateSignup {
                activity_id,
                first_name,
                phone,
                party,
                now_ms,
            } => store
                .create_signup(activity_id, first_name, phone.as_deref(), *party, *now_ms)
                .and_then(|r| {
                    Ok(vec![
                        Event::SignupCreated(Box::new(r)),
                        Event::Activities(store.upcoming_activities(*now_ms)?),
                    ])
                }),
            Command::FindSignups { code } => store.signups_by_code(code).map(|list| {
                vec![Event::SignupsFound {
                    code: code.clone(),
                    list,
                }]
            }),
            Command::ListPeople { activity_id } => {
                people(&store, activity_id, None).map(|e| vec![e])
            }
            Command::CheckIn {
                activity_id,
                signup_id,
                now_ms,
            } => store
                .check_in(signup_id, *now_ms)
                .and_then(|_| people(&store, activity_id, None))
                .map(|e| vec![e]),
            Command::CheckInCode {
                activity_id,
                code,
                now_ms,
            } => check_in_code(&mut store, activity_id, code, *now_ms).map(|e| vec![e]),
            Command::AddWalkIn {
                activity_id,
                first_name,
                party,
                now_ms,
            } => store
                .add_walk_in(activity_id, first_name, *party, *now_ms)
                .and_then(|r| {
                    let mut evs = vec![people(&store, activity_id, None)?];
                    if let Err(p) = r {
                        evs.push(Event::WalkInRefused(p));
                    }
                    Ok(evs)
                }),
            Command::SaveActivities { records, now_ms } => {
                store.save_activities(records, *now_ms).and_then(|()| {
                    Ok(vec![
                        Event::ActivitiesSaved(records.len()),
                        Event::Activities(store.upcoming_activities(*now_ms)?),
                    ])
                })
            }
            Command::RefreshPartners { now_ms } => store.partners().and_then(|list| {
                let posts = store.board_posts(*now_ms)?;
                let strengths = digidak_core::strengths::strengths(&posts, &list, *now_ms);
                // The partners' own offers on the board (their badge), newest first.
                let offers = posts
                    .into_iter()
                    .filter_map(|p| Some((p.post.partner?, p.post.title)))
                    .collect();
                Ok(vec![Event::Partners {
                    list,
                    strengths,
                    offers,
                }])
            }),
            Command::LoadPartnerLogos { hashes } => Ok(vec![Event::PartnerLogos(
                hashes
                    .iter()
                    .map(|h| (h.clone(), crate::sync::logos::read_logo(&data_dir, h)))
                    .collect(),
            )]),
            Command::CreateSignal { signal, now_ms } => store
                .create_signal(signal, *now_ms)
                .map(|()| vec![Event::SignalSaved]),
            Command::Board(c) => store
                .board_command(c)
                .map(|evs| evs.into_iter().map(Event::Board).collect()),
            Command::ExportCsv { activity_id } => Ok(vec![Event::Exported(
                store.export_csv(activity_id).map_err(StoreFault::from),
            )]),
            Command::CancelSignups { code, now_ms } => {
                store.cancel_signups(code, *now_ms).and_then(|_| {
                    Ok(vec![
                        Event::SignupsFound {
                            code: code.clone(),
                            list: store.signups_by_code(code)?,
                        },
                        Event::Activities(store.upcoming_activities(*now_ms)?),
                    ])
                })
            }
        };
        if result.is_ok() && command.writes() {
            after_write();
        }
        match result {
            Err(e) if command.is_count() => {
                tracing::error!(error = %e, command = command.kind(), "could not count");
            }
            Ok(evs) => {
                for ev in evs {
                    emit(ev);
                }
                if command.touches_help() {
                    match store.open_help_requests() {
                        Ok(list) => emit(Event::HelpRequests(list)),
                        Err(e) => tracing::error!(error = %e, "listing help requests"),
                    }
                }
            }
            Err(e) => {
                tracing::error!(error = %e, command = command.kind(), "store command failed");
                emit(Event::Failed {
                    command,
                    error: e.into(),
                });
            }
        }
    }
    tracing::debug!("store worker stopped");
}

fn people(
    store: &Store,
    activity_id: &str,
    checked_in: Option<usize>,
) -> Result<Event, super::StoreError> {
    Ok(Event::People {
        activity_id: activity_id.to_string(),
        list: store.signups_of(activity_id)?,
        checked_in,
    })
}

/// Checks in every sign-up of the activity with this code (a volunteer typed it).
fn check_in_code(
    store: &mut Store,
    activity_id: &str,
    code: &str,
    now_ms: i64,
) -> Result<Event, super::StoreError> {
    let mut n = 0;
    for s in store.signups_by_code(code)? {
        let here = s.activity.as_ref().is_some_and(|a| a.id == activity_id);
        if here && s.state != super::SignupState::Cancelled {
            store.check_in(&s.id, now_ms)?;
            n += 1;
        }
    }
    people(store, activity_id, Some(n))
}

/// Names and phone numbers of past activities' sign-ups, and replies to posts that ended, are
/// not kept here longer than on the server.
fn forget_old_personal_data(store: &mut Store, now_ms: i64) {
    match store.forget_old_signups(digidak_core::activities::KEEP_PERSONAL_DAYS, now_ms) {
        Ok(n) if n > 0 => tracing::info!(signups = n, "old personal data forgotten"),
        Err(e) => tracing::error!(error = %e, "forgetting old personal data"),
        _ => {}
    }
    match store.forget_old_replies(digidak_core::board::KEEP_REPLIES_DAYS, now_ms) {
        Ok(n) if n > 0 => tracing::info!(replies = n, "old replies forgotten"),
        Err(e) => tracing::error!(error = %e, "forgetting old replies"),
        _ => {}
    }
}

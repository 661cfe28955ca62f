//! What the workers answer: the PIN checker's verdict and the store's events.

use super::{Kiosk, PinStatus, Screen, StoreStatus};
use crate::pin::Role;
use crate::store::worker::{Command, Event};

impl Kiosk {
    pub(super) fn submit_pin(&mut self) {
        if self.pin_job.is_some() {
            return;
        }
        if self.pin_locked_for().is_some() {
            self.pin_status = PinStatus::Locked;
            self.drafts.pin.clear();
            return;
        }
        let pin = std::mem::take(&mut self.drafts.pin);
        let hashes = self.config.pin_hashes();
        // argon2 takes tens of milliseconds by design: never on the UI thread.
        self.pin_job = Some((self.check_pin)(hashes, pin, self.waker.clone()));
        self.pin_status = PinStatus::Checking;
    }

    pub(super) fn on_pin_checked(&mut self, result: Option<Role>) {
        let now = self.clock.now();
        self.pin_guard.record(result.is_some(), now);
        match result {
            Some(role) => {
                tracing::info!(?role, "staff mode opened");
                self.pin_status = PinStatus::Ready;
                self.staff = Some(role);
                if self.screen() == Screen::PinPad {
                    self.nav.pop();
                }
                self.nav.push(match role {
                    Role::Admin => Screen::Admin,
                    Role::Volunteer => Screen::Volunteer,
                });
                if role == Role::Admin {
                    self.drafts.server_url = self
                        .sync_status()
                        .and_then(|s| s.pairing.map(|p| p.server_url))
                        .or_else(|| self.config.server.url.clone())
                        .unwrap_or_default();
                }
                self.store.send(Command::RefreshHelpRequests);
                // The board's queue (volunteers) and posts (the admin's paper board).
                self.refresh_board();
                if role == Role::Admin {
                    self.store.send(Command::RefreshLessonCounts {
                        now_ms: self.clock.unix_ms(),
                    });
                }
            }
            None => {
                tracing::warn!(failures = self.pin_guard.failures(), "wrong PIN");
                self.pin_status = if self.pin_guard.locked_for(now).is_some() {
                    PinStatus::Locked
                } else {
                    PinStatus::Wrong
                };
            }
        }
    }

    pub(super) fn on_store_event(&mut self, event: Event) {
        if self.offer_to_modules(&event) {
            if let Event::Failed { command, error } = &event {
                tracing::error!(command = command.kind(), %error, "store command failed");
            }
            return;
        }
        match event {
            Event::Ready(info) => {
                self.store_status = StoreStatus::Ready(info);
                self.start_sync();
                self.refresh_activities();
                self.refresh_board();
            }
            Event::Unavailable(e) => self.store_status = StoreStatus::Unavailable(e),
            // The help module took the resident to "a volunteer will come"; the list of open
            // calls comes with `HelpRequests`.
            Event::HelpRequestSaved(_) => {
                self.wake();
            }
            Event::HelpRequests(list) => self.help_requests = list,
            Event::ResumeSaved { code } => self.on_resume_saved(code),
            Event::ResumeFound { code, resume } => self.on_resume_found(code, resume),
            Event::LessonCounts(counts) => self.lessons.counts = Some(counts),
            Event::Activities(list) => self.on_activities(list),
            Event::SignupCreated(result) => self.on_signup_created(*result),
            Event::SignupsFound { code, list } => self.on_signups_found(code, list),
            Event::People {
                activity_id,
                list,
                checked_in,
            } => self.on_people(activity_id, list, checked_in),
            Event::WalkInRefused(problem) => self.on_walk_in_refused(problem),
            Event::ActivitiesSaved(n) => self.activities.saved = Some(n),
            Event::Exported(result) => self.activities.exported = Some(result),
            Event::Board(ev) => self.on_board_event(ev),
            // The partners module takes its list first (`offer_to_modules`).
            Event::Partners { .. } | Event::SignalSaved => {}
            Event::Failed { command, error } => {
                tracing::error!(command = command.kind(), %error, "store command failed");
                match command {
                    Command::SaveResume { .. } => self.on_resume_save_failed(),
                    Command::FindResume { code, .. } => self.on_resume_found(code, None),
                    _ => {}
                }
            }
        }
    }
}

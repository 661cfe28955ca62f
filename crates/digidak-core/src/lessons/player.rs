//! A lesson being played: which step, what was answered. No egui, no I/O: the kiosk keeps one
//! [`Player`] per session and the UI draws it.

use std::sync::Arc;

use super::practice::{EmailCheck, check_email, check_itsme};
use super::{Lesson, LessonText, Practice, Step};
use crate::lang::Lang;

/// The answer given on the current practice step.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Answer {
    #[default]
    None,
    /// A quiz choice or a mail, by index.
    Picked(usize),
    /// itsme: confirmed (true) or rejected (false).
    Itsme(bool),
    Email(EmailCheck),
}

/// What the kiosk says about the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub right: bool,
    /// The lesson's own explanation, when it has one for this answer.
    pub why: Option<String>,
    /// The translation key of the kiosk's own hint (e-mail mistakes, the reason a wrong itsme
    /// answer is wrong), shown before `why`.
    pub hint: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Player {
    pub lesson: Arc<Lesson>,
    pub lang: Lang,
    /// Counted from 0; `step_count()` is the "well done" screen after the last step.
    step: usize,
    pub answer: Answer,
    /// A volunteer is walking a resident through it (guide mode).
    pub guided: bool,
    /// Guide mode: the volunteer marked "initiation given".
    pub initiation_noted: bool,
    finished_counted: bool,
}

impl Player {
    /// Starts `lesson` in `lang` at `step` (clamped to the lesson). `None` if the lesson was
    /// not written in `lang`.
    pub fn new(lesson: Arc<Lesson>, lang: Lang, step: usize, guided: bool) -> Option<Self> {
        lesson.text(lang)?;
        let step = step.min(lesson.step_count().saturating_sub(1));
        Some(Self {
            lesson,
            lang,
            step,
            answer: Answer::None,
            guided,
            initiation_noted: false,
            finished_counted: false,
        })
    }

    pub fn text(&self) -> &LessonText {
        self.lesson
            .text(self.lang)
            .expect("checked in Player::new and set_lang")
    }

    pub fn step_index(&self) -> usize {
        self.step
    }

    pub fn step_count(&self) -> usize {
        self.lesson.step_count()
    }

    /// The current step, or `None` on the "well done" screen.
    pub fn step(&self) -> Option<&Step> {
        self.text().steps.get(self.step)
    }

    pub fn is_finished(&self) -> bool {
        self.step >= self.step_count()
    }

    /// Share of the lesson reached, for the progress bar: the first of 8 steps shows 1/8, the
    /// last and "well done" show all of it.
    pub fn progress(&self) -> f32 {
        let n = self.step_count().max(1);
        ((self.step + 1).min(n) as f32 / n as f32).min(1.0)
    }

    /// Follows the kiosk's language if the lesson has it; otherwise stays.
    pub fn set_lang(&mut self, lang: Lang) {
        if self.lesson.text(lang).is_some() {
            self.lang = lang;
        }
    }

    /// Next step. Returns true the first time the end is reached (to count "finished").
    pub fn forward(&mut self) -> bool {
        if self.is_finished() {
            return false;
        }
        self.step += 1;
        self.answer = Answer::None;
        self.is_finished() && !std::mem::replace(&mut self.finished_counted, true)
    }

    /// Previous step; false on the first one.
    pub fn backward(&mut self) -> bool {
        if self.step == 0 {
            return false;
        }
        self.step -= 1;
        self.answer = Answer::None;
        true
    }

    /// Quiz or phishing: tap an option.
    pub fn pick(&mut self, index: usize) {
        let n = match self.step().and_then(|s| s.practice.as_ref()) {
            Some(Practice::Quiz { choices }) => choices.len(),
            Some(Practice::Phishing { mails }) => mails.len(),
            _ => 0,
        };
        if index < n {
            self.answer = Answer::Picked(index);
        }
    }

    /// itsme: tap confirm (true) or reject (false).
    pub fn itsme(&mut self, confirm: bool) {
        if matches!(
            self.step().and_then(|s| s.practice.as_ref()),
            Some(Practice::Itsme { .. })
        ) {
            self.answer = Answer::Itsme(confirm);
        }
    }

    /// E-mail: check what was typed.
    pub fn check_email(&mut self, typed: &str) {
        if let Some(Practice::Email { answer }) = self.step().and_then(|s| s.practice.as_ref()) {
            self.answer = Answer::Email(check_email(typed, answer));
        }
    }

    /// What to say about the current answer (`None` before an answer).
    pub fn verdict(&self) -> Option<Verdict> {
        let step = self.step()?;
        let practice = step.practice.as_ref()?;
        match (practice, &self.answer) {
            (Practice::Quiz { choices }, Answer::Picked(i)) => {
                let c = choices.get(*i)?;
                Some(Verdict {
                    right: c.right,
                    why: Some(c.why.clone()),
                    hint: None,
                })
            }
            (Practice::Phishing { mails }, Answer::Picked(i)) => {
                let m = mails.get(*i)?;
                Some(Verdict {
                    right: m.fake,
                    why: Some(m.why.clone()),
                    hint: None,
                })
            }
            (Practice::Itsme { case, .. }, Answer::Itsme(confirm)) => {
                let check = check_itsme(*case, *confirm);
                let hint = check.hint_key();
                Some(Verdict {
                    right: hint.is_none(),
                    // The lesson's why tells the right answer: only after it was given.
                    why: hint.is_none().then(|| step.why.clone()).flatten(),
                    hint,
                })
            }
            (Practice::Email { .. }, Answer::Email(check)) => Some(Verdict {
                right: *check == EmailCheck::Right,
                why: (*check == EmailCheck::Right)
                    .then(|| step.why.clone())
                    .flatten(),
                hint: Some(check.hint_key()),
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::{Source, load};

    fn phishing() -> Arc<Lesson> {
        load(&Source::BuiltIn)
            .get("phishing")
            .expect("built-in phishing lesson")
            .clone()
    }

    #[test]
    fn steps_forward_and_back_and_count_the_finish_once() {
        let mut p = Player::new(phishing(), Lang::Nl, 0, false).unwrap();
        assert!(!p.backward());
        let n = p.step_count();
        let mut finished = 0;
        for _ in 0..n + 2 {
            finished += usize::from(p.forward());
        }
        assert!(p.is_finished());
        assert_eq!(finished, 1);
        assert!(p.backward());
        assert!(!p.forward(), "finishing twice counts once");
        assert_eq!(p.progress(), 1.0);
    }

    #[test]
    fn a_resume_step_past_the_end_is_clamped() {
        let p = Player::new(phishing(), Lang::Fr, 999, false).unwrap();
        assert_eq!(p.step_index(), p.step_count() - 1);
    }

    #[test]
    fn phishing_verdicts_follow_the_fake_mail() {
        let mut p = Player::new(phishing(), Lang::En, 0, false).unwrap();
        while !matches!(
            p.step().and_then(|s| s.practice.as_ref()),
            Some(Practice::Phishing { .. })
        ) {
            assert!(!p.forward(), "the phishing lesson has a phishing step");
        }
        let Some(Practice::Phishing { mails }) = p.step().unwrap().practice.clone() else {
            unreachable!()
        };
        for (i, m) in mails.iter().enumerate() {
            p.pick(i);
            let v = p.verdict().unwrap();
            assert_eq!(v.right, m.fake);
            assert_eq!(v.why.as_deref(), Some(m.why.as_str()));
        }
        p.pick(99);
        assert!(p.verdict().is_some(), "an impossible pick changes nothing");
    }
}

//! Lessons: the content (`assets/lessons/`, format in its README), its validation, the checks
//! of the practice steps, resume codes, and the state of a lesson being played. No egui, no
//! HTTP: the kiosk's UI and the server's phone pages both read a [`Library`].

mod load;
pub mod photo;
pub mod player;
pub mod practice;
pub mod resume;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

pub use load::{Source, builtin_picture, load};
pub use photo::{Photo, PhotoKind, check_photo, draw_photo};

/// What a lesson is about; residents filter the list by it, and volunteers count initiations
/// by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// itsme, Mijn Burgerprofiel, Jobbonus, Tax-on-web.
    Government,
    Email,
    /// Phishing, passwords.
    Safety,
    /// Online banking and shopping.
    Money,
    /// Smartphone basics, photos.
    Smartphone,
    /// Video calling.
    Calling,
    /// Job sites.
    Work,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::Government,
        Topic::Email,
        Topic::Safety,
        Topic::Money,
        Topic::Smartphone,
        Topic::Calling,
        Topic::Work,
    ];

    /// The id used in files, operations and translations (`topic-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Topic::Government => "government",
            Topic::Email => "email",
            Topic::Safety => "safety",
            Topic::Money => "money",
            Topic::Smartphone => "smartphone",
            Topic::Calling => "calling",
            Topic::Work => "work",
        }
    }

    pub fn from_id(id: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The shared picture that stands for the topic.
    pub fn picture(self) -> &'static str {
        match self {
            Topic::Government => "town-hall",
            Topic::Email => "mail",
            Topic::Safety => "shield",
            Topic::Money => "bank-card",
            Topic::Smartphone => "phone",
            Topic::Calling => "video-call",
            Topic::Work => "briefcase",
        }
    }
}

/// A lesson in all the languages it was written in.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The folder name: lowercase letters, digits and dashes.
    pub id: String,
    pub topic: Topic,
    /// Key into [`Library::pictures`].
    pub picture: String,
    /// Position in the list (lower first).
    pub order: u32,
    /// About how long it takes, for the list.
    pub minutes: u32,
    /// Where its facts come from (at least one).
    pub sources: Vec<Reference>,
    /// When its facts were last checked against the sources.
    pub checked: jiff::civil::Date,
    pub texts: BTreeMap<Lang, LessonText>,
}

/// A lesson's facts are checked again when their last check is older than this.
pub const REVIEW_MONTHS: i32 = 12;

/// A public page a lesson's facts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub title: String,
    /// An `https://` address.
    pub address: String,
}

impl Lesson {
    /// The lesson in `lang`, if it was written in it.
    pub fn text(&self, lang: Lang) -> Option<&LessonText> {
        self.texts.get(&lang)
    }

    /// Every language version has the same steps (checked when loading).
    pub fn step_count(&self) -> usize {
        self.texts.values().next().map_or(0, |t| t.steps.len())
    }

    /// Whether its last check is older than [`REVIEW_MONTHS`] on `today` (volunteers see it
    /// under "nakijken").
    pub fn needs_review(&self, today: jiff::civil::Date) -> bool {
        self.checked
            .checked_add(jiff::Span::new().months(REVIEW_MONTHS))
            .is_ok_and(|due| today > due)
    }
}

/// One language version of a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonText {
    pub title: String,
    pub summary: String,
    pub steps: Vec<Step>,
}

/// One screen of a lesson: one idea.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub text: String,
    /// Key into [`Library::pictures`].
    pub picture: String,
    pub tip: Option<String>,
    /// Shown after a practice answer: why the right answer is right.
    pub why: Option<String>,
    pub practice: Option<Practice>,
}

/// A practice step: a real interaction the kiosk checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Practice {
    /// Pick the answer; every choice explains itself.
    Quiz { choices: Vec<Choice> },
    /// Find the one fake mail among realistic ones.
    Phishing { mails: Vec<Mail> },
    /// Type this e-mail address.
    Email { answer: String },
    /// A request in a pretend itsme app: read who asks and what it is, think of how it came,
    /// then confirm or reject.
    Itsme {
        /// Who asks, as the app shows it ("Ziekenfonds Voorbeeld").
        who: String,
        /// What you would confirm, as the app shows it ("Inloggen", "Betaling: 950 euro").
        what: String,
        /// The situation, the same in every language: it decides the right answer.
        case: ItsmeCase,
    },
}

/// The situation of an itsme practice. Confirming is right only when you started it
/// yourself, the app shows what you wanted, and nobody on the phone is asking you to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItsmeCase {
    /// You yourself just started this (a log-in, a payment) on a site you opened yourself.
    pub you_started: bool,
    /// Who and what in the app are what you wanted to do.
    pub matches: bool,
    /// Someone on the phone (or a chat) asks you to confirm.
    pub on_the_phone: bool,
}

impl Practice {
    pub fn kind(&self) -> &'static str {
        match self {
            Practice::Quiz { .. } => "quiz",
            Practice::Phishing { .. } => "phishing",
            Practice::Email { .. } => "email",
            Practice::Itsme { .. } => "itsme",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub text: String,
    pub right: bool,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mail {
    pub from: String,
    pub subject: String,
    pub body: String,
    pub fake: bool,
    pub why: String,
}

/// A lesson (or a file of it) that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as the person who wrote it knows it (`assets/lessons/phishing/fr.toml`).
    pub file: String,
    /// The step, counted from 1 as in the file.
    pub step: Option<usize>,
    pub problem: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.step {
            Some(n) => write!(f, "{}, step {n}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// All usable lessons, their pictures (SVG drawings, PNG and JPEG photos), and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Sorted by `order`, then id.
    pub lessons: Vec<Arc<Lesson>>,
    /// Picture key -> SVG text. Shared pictures are keyed by name (`phone`); a lesson's own
    /// pictures by `lesson-id/name`.
    pub pictures: BTreeMap<String, Arc<str>>,
    /// Picture key -> photo (PNG or JPEG), keyed like `pictures`.
    pub photos: BTreeMap<String, Photo>,
    pub problems: Vec<Problem>,
    /// Where the lessons came from, for the admin screen.
    pub origin: String,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&Arc<Lesson>> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// The lessons readable in `lang`, optionally of one topic, in list order.
    pub fn list(&self, lang: Lang, topic: Option<Topic>) -> impl Iterator<Item = &Arc<Lesson>> {
        self.lessons
            .iter()
            .filter(move |l| l.text(lang).is_some() && topic.is_none_or(|t| l.topic == t))
    }

    /// The lessons whose facts must be checked again on the day of `unix_ms` (in Brussels),
    /// in list order.
    pub fn needing_review(&self, unix_ms: i64) -> Vec<&Arc<Lesson>> {
        let today = local_date(unix_ms);
        self.lessons
            .iter()
            .filter(|l| l.needs_review(today))
            .collect()
    }

    /// The topics that have at least one lesson in `lang`.
    pub fn topics(&self, lang: Lang) -> Vec<Topic> {
        Topic::ALL
            .into_iter()
            .filter(|t| self.list(lang, Some(*t)).next().is_some())
            .collect()
    }
}

/// The calendar day in Brussels at `unix_ms`.
pub fn local_date(unix_ms: i64) -> jiff::civil::Date {
    let tz = jiff::tz::TimeZone::get("Europe/Brussels").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_millisecond(unix_ms)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(tz)
        .date()
}

/// Whether `id` is a usable lesson id: 1-40 lowercase ASCII letters, digits and dashes.
pub fn is_lesson_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// A picture as RGBA pixels (premultiplied alpha), ready for a texture.
#[derive(Clone, PartialEq, Eq)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for Pixels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pixels({}x{})", self.width, self.height)
    }
}

/// Draws an SVG picture into a `size` x `size` square (kept in proportion, centred).
pub fn rasterize(svg: &str, size: u32) -> Result<Pixels, String> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .map_err(|e| format!("not a readable SVG picture: {e}"))?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size, size).ok_or("picture size must be above 0")?;
    let s = tree.size();
    let scale = (size as f32 / s.width()).min(size as f32 / s.height());
    let dx = (size as f32 - s.width() * scale) / 2.0;
    let dy = (size as f32 - s.height() * scale) / 2.0;
    let transform = resvg::tiny_skia::Transform::from_scale(scale, scale).post_translate(dx, dy);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(Pixels {
        width: size,
        height: size,
        rgba: pixmap.take(),
    })
}

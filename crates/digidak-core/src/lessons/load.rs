//! Reading and checking lesson content. A broken lesson is left out with a [`Problem`] that
//! names its file, step and what is wrong; the other lessons load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::photo::{MAX_PHOTO_BYTES, Photo, PhotoKind, check_photo};
use super::{
    Choice, ItsmeCase, Lesson, LessonText, Library, Mail, Practice, Problem, Reference, Step, Topic,
};
use crate::lang::Lang;
use crate::lessons::is_lesson_id;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_lessons.rs"));
}

/// Shared pictures live in this folder of the lessons folder.
pub const PICTURES_DIR: &str = "pictures";

pub const MAX_TITLE: usize = 80;
pub const MAX_SUMMARY: usize = 200;
pub const MAX_TEXT: usize = 500;
pub const MAX_TIP: usize = 300;
pub const MAX_STEPS: usize = 30;
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Where lessons come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The lessons built into the program (`assets/lessons/`).
    BuiltIn,
    /// A folder laid out like `assets/lessons/`.
    Dir(PathBuf),
}

/// A shared picture built into the program (`assets/lessons/pictures/<key>.svg`), as SVG text.
pub fn builtin_picture(key: &str) -> Option<&'static str> {
    let path = format!("{PICTURES_DIR}/{key}.svg");
    embedded::EMBEDDED
        .iter()
        .find(|(p, _)| *p == path)
        .and_then(|(_, b)| std::str::from_utf8(b).ok())
}

/// Loads and checks every lesson of `source`. Never fails as a whole: what cannot be read is
/// in [`Library::problems`].
pub fn load(source: &Source) -> Library {
    match source {
        Source::BuiltIn => {
            let files = embedded::EMBEDDED
                .iter()
                .map(|(p, b)| (p.to_string(), b.to_vec()))
                .collect();
            from_files(files, "assets/lessons")
        }
        Source::Dir(dir) => {
            let mut problems = Vec::new();
            let files = read_dir(dir, &mut problems);
            let mut lib = from_files(files, &dir.display().to_string());
            problems.append(&mut lib.problems);
            lib.problems = problems;
            lib
        }
    }
}

/// Reads `*.toml`, `*.svg`, `*.png`, `*.jpg` and `*.jpeg` one folder deep.
fn read_dir(dir: &Path, problems: &mut Vec<Problem>) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem {
                file: dir.display().to_string(),
                step: None,
                problem: format!("cannot read the lessons folder: {e}"),
            });
            return files;
        }
    };
    for sub in entries.flatten().filter(|e| e.path().is_dir()) {
        let Ok(inner) = std::fs::read_dir(sub.path()) else {
            continue;
        };
        for file in inner.flatten() {
            let path = file.path();
            if !matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("toml" | "svg" | "png" | "jpg" | "jpeg")
            ) {
                continue;
            }
            let rel = format!(
                "{}/{}",
                sub.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            );
            // Photos have their own, larger limit (checked with their contents).
            let limit = if PhotoKind::of_file(&rel).is_some() {
                MAX_PHOTO_BYTES as u64
            } else {
                MAX_FILE_BYTES
            };
            let read = std::fs::metadata(&path).and_then(|m| {
                if m.len() > limit {
                    Err(std::io::Error::other(format!(
                        "{} bytes is too big (at most {limit})",
                        m.len()
                    )))
                } else {
                    std::fs::read(&path)
                }
            });
            match read {
                Ok(bytes) => files.push((rel, bytes)),
                Err(e) => problems.push(Problem {
                    file: path.display().to_string(),
                    step: None,
                    problem: format!("cannot read it: {e}"),
                }),
            }
        }
    }
    files.sort();
    files
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    topic: String,
    picture: String,
    #[serde(default = "default_order")]
    order: u32,
    #[serde(default = "default_minutes")]
    minutes: u32,
    /// `"YYYY-MM-DD"`: when the facts were last checked. Required.
    checked: Option<String>,
    /// Where the facts come from. Required, at least one.
    sources: Option<Vec<RawReference>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    title: String,
    address: String,
}

pub const MAX_SOURCE_TITLE: usize = 120;
pub const MAX_SOURCE_ADDRESS: usize = 300;

fn default_order() -> u32 {
    100
}
fn default_minutes() -> u32 {
    10
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    steps: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    text: String,
    picture: String,
    tip: Option<String>,
    why: Option<String>,
    practice: Option<String>,
    #[serde(default)]
    choices: Vec<RawChoice>,
    #[serde(default)]
    mails: Vec<RawMail>,
    answer: Option<String>,
    who: Option<String>,
    what: Option<String>,
    you_started: Option<bool>,
    matches: Option<bool>,
    on_the_phone: Option<bool>,
    /// The old itsme format (codes to compare): refused with a pointer to the new one.
    website_code: Option<String>,
    phone_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    text: String,
    #[serde(default)]
    right: bool,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMail {
    from: String,
    subject: String,
    body: String,
    #[serde(default)]
    fake: bool,
    why: String,
}

/// Builds a library from (path relative to the lessons folder, bytes).
pub fn from_files(files: Vec<(String, Vec<u8>)>, origin: &str) -> Library {
    let mut lib = Library {
        origin: origin.to_string(),
        ..Library::default()
    };
    let shown = |rel: &str| format!("{origin}/{rel}");
    // folder -> file name -> bytes
    let mut folders: BTreeMap<String, BTreeMap<String, Vec<u8>>> = BTreeMap::new();
    for (rel, bytes) in files {
        let Some((folder, name)) = rel.split_once('/') else {
            continue;
        };
        folders
            .entry(folder.to_string())
            .or_default()
            .insert(name.to_string(), bytes);
    }
    // Shared pictures first: lessons refer to them.
    if let Some(pictures) = folders.remove(PICTURES_DIR) {
        for (name, bytes) in pictures {
            let rel = format!("{PICTURES_DIR}/{name}");
            if let Some((stem, kind)) = PhotoKind::of_file(&name) {
                match check_photo(&bytes, kind) {
                    Ok(photo) => {
                        lib.photos.insert(stem.to_string(), photo);
                    }
                    Err(problem) => lib.problems.push(Problem {
                        file: shown(&rel),
                        step: None,
                        problem,
                    }),
                }
                continue;
            }
            let Some(stem) = name.strip_suffix(".svg") else {
                continue;
            };
            match check_svg(&bytes) {
                Ok(svg) => {
                    lib.pictures.insert(stem.to_string(), svg);
                }
                Err(problem) => lib.problems.push(Problem {
                    file: shown(&rel),
                    step: None,
                    problem,
                }),
            }
        }
    }
    for (id, files) in folders {
        match lesson(&id, &files, &lib.pictures, &lib.photos, &shown) {
            Ok((lesson, own_pictures, own_photos)) => {
                lib.pictures.extend(own_pictures);
                lib.photos.extend(own_photos);
                lib.lessons.push(Arc::new(lesson));
            }
            Err(problem) => lib.problems.push(problem),
        }
    }
    lib.lessons
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    lib
}

fn check_svg(bytes: &[u8]) -> Result<Arc<str>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "the picture is not UTF-8 text (SVG)")?;
    resvg::usvg::Tree::from_str(text, &resvg::usvg::Options::default())
        .map_err(|e| format!("not a readable SVG picture: {e}"))?;
    Ok(Arc::from(text))
}

type OwnPictures = BTreeMap<String, Arc<str>>;
type OwnPhotos = BTreeMap<String, Photo>;

fn lesson(
    id: &str,
    files: &BTreeMap<String, Vec<u8>>,
    shared: &BTreeMap<String, Arc<str>>,
    shared_photos: &BTreeMap<String, Photo>,
    shown: &dyn Fn(&str) -> String,
) -> Result<(Lesson, OwnPictures, OwnPhotos), Problem> {
    let whole = |rel: &str, problem: String| Problem {
        file: shown(rel),
        step: None,
        problem,
    };
    if !is_lesson_id(id) {
        return Err(whole(
            id,
            "a lesson folder's name must be 1-40 lowercase letters, digits and dashes".into(),
        ));
    }
    let meta_rel = format!("{id}/lesson.toml");
    let meta_bytes = files
        .get("lesson.toml")
        .ok_or_else(|| whole(&meta_rel, "the file is missing (topic, picture)".into()))?;
    let meta: RawMeta = parse_toml(meta_bytes).map_err(|e| whole(&meta_rel, e))?;
    let topic = Topic::from_id(&meta.topic).ok_or_else(|| {
        let known: Vec<_> = Topic::ALL.iter().map(|t| t.id()).collect();
        whole(
            &meta_rel,
            format!(
                "topic {:?} is not known; expected one of {}",
                meta.topic,
                known.join(", ")
            ),
        )
    })?;
    if !(1..=120).contains(&meta.minutes) {
        return Err(whole(&meta_rel, "minutes must be 1 to 120".into()));
    }
    let checked = checked_date(meta.checked.as_deref()).map_err(|e| whole(&meta_rel, e))?;
    let sources = references(meta.sources).map_err(|e| whole(&meta_rel, e))?;

    let mut own = OwnPictures::new();
    let mut own_photos = OwnPhotos::new();
    for (name, bytes) in files {
        if let Some(stem) = name.strip_suffix(".svg") {
            let svg = check_svg(bytes).map_err(|e| whole(&format!("{id}/{name}"), e))?;
            own.insert(format!("{id}/{stem}"), svg);
        } else if let Some((stem, kind)) = PhotoKind::of_file(name) {
            let photo = check_photo(bytes, kind).map_err(|e| whole(&format!("{id}/{name}"), e))?;
            own_photos.insert(format!("{id}/{stem}"), photo);
        }
    }
    let resolve = |name: &str| -> Option<String> {
        let local = format!("{id}/{name}");
        if own.contains_key(&local) || own_photos.contains_key(&local) {
            Some(local)
        } else {
            (shared.contains_key(name) || shared_photos.contains_key(name))
                .then(|| name.to_string())
        }
    };
    let picture = resolve(&meta.picture).ok_or_else(|| {
        whole(
            &meta_rel,
            format!(
                "picture {:?} does not exist (not in {id}/ nor in {PICTURES_DIR}/)",
                meta.picture
            ),
        )
    })?;

    let mut texts = BTreeMap::new();
    for lang in Lang::ALL {
        let rel = format!("{id}/{}.toml", lang.code());
        let Some(bytes) = files.get(&format!("{}.toml", lang.code())) else {
            continue;
        };
        let raw: RawText = parse_toml(bytes).map_err(|e| whole(&rel, e))?;
        let text = lesson_text(raw, &resolve).map_err(|(step, problem)| Problem {
            file: shown(&rel),
            step,
            problem,
        })?;
        texts.insert(lang, text);
    }
    for name in files.keys() {
        let known = name == "lesson.toml"
            || name.ends_with(".svg")
            || PhotoKind::of_file(name).is_some()
            || Lang::ALL
                .iter()
                .any(|l| *name == format!("{}.toml", l.code()));
        if !known {
            return Err(whole(
                &format!("{id}/{name}"),
                "unknown file: expected lesson.toml, a language file (nl.toml, fr.toml, en.toml, tr.toml, pl.toml, uk.toml, ro.toml, ar.toml) or pictures (.svg)"
                    .into(),
            ));
        }
    }
    let Some((first_lang, first)) = texts.iter().next() else {
        return Err(whole(
            id,
            "no language file: write at least nl.toml (or fr.toml, en.toml)".into(),
        ));
    };
    for (lang, text) in &texts {
        if let Err((step, problem)) = same_shape(first, text) {
            return Err(Problem {
                file: shown(&format!("{id}/{}.toml", lang.code())),
                step,
                problem: format!("{problem} (compared with {}.toml)", first_lang.code()),
            });
        }
    }
    Ok((
        Lesson {
            id: id.to_string(),
            topic,
            picture,
            order: meta.order,
            minutes: meta.minutes,
            sources,
            checked,
            texts,
        },
        own,
        own_photos,
    ))
}

/// The `checked` field: a real calendar date (years 2000-2099).
fn checked_date(value: Option<&str>) -> Result<jiff::civil::Date, String> {
    let value = value.ok_or(
        "field `checked` is missing: the date the facts were last checked, checked = \"2026-11-27\"",
    )?;
    let date: jiff::civil::Date = value
        .trim()
        .parse()
        .map_err(|_| format!("field `checked` = {value:?} is not a date like \"2026-11-27\""))?;
    if !(2000..2100).contains(&date.year()) {
        return Err(format!(
            "field `checked` = {value:?} is not a plausible date"
        ));
    }
    Ok(date)
}

/// The `[[sources]]`: at least one, each with a title and an https address.
fn references(raw: Option<Vec<RawReference>>) -> Result<Vec<Reference>, String> {
    let raw = raw.unwrap_or_default();
    if raw.is_empty() {
        return Err(
            "field `sources` is missing: list where the facts come from, [[sources]] with title and address"
                .into(),
        );
    }
    let mut out = Vec::with_capacity(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let n = i + 1;
        let title = r.title.trim().to_string();
        let address = r.address.trim().to_string();
        for (field, value, max) in [
            ("title", &title, MAX_SOURCE_TITLE),
            ("address", &address, MAX_SOURCE_ADDRESS),
        ] {
            let len = value.chars().count();
            if len == 0 || len > max || value.chars().any(char::is_control) {
                return Err(format!(
                    "field `sources` {n}: {field} must be 1 to {max} characters of plain text (it has {len})"
                ));
            }
        }
        let host = address.strip_prefix("https://").unwrap_or("");
        if host.is_empty() || host.starts_with('/') || address.chars().any(char::is_whitespace) {
            return Err(format!(
                "field `sources` {n}: address {address:?} must be a web address starting with https://"
            ));
        }
        out.push(Reference { title, address });
    }
    Ok(out)
}

fn parse_toml<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())?;
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
        let msg = e.message().to_string();
        match line {
            Some(l) => format!("line {l}: {msg}"),
            None => msg,
        }
    })
}

type StepProblem = (Option<usize>, String);

fn lesson_text(
    raw: RawText,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Result<LessonText, StepProblem> {
    let title = raw.title.trim().to_string();
    check_len("title", &title, 1, MAX_TITLE).map_err(|e| (None, e))?;
    let summary = raw.summary.trim().to_string();
    check_len("summary", &summary, 0, MAX_SUMMARY).map_err(|e| (None, e))?;
    if !(2..=MAX_STEPS).contains(&raw.steps.len()) {
        return Err((
            None,
            format!(
                "a lesson needs 2 to {MAX_STEPS} steps ([[steps]]), this one has {}",
                raw.steps.len()
            ),
        ));
    }
    let mut steps = Vec::with_capacity(raw.steps.len());
    for (i, s) in raw.steps.into_iter().enumerate() {
        steps.push(step(s, resolve).map_err(|e| (Some(i + 1), e))?);
    }
    Ok(LessonText {
        title,
        summary,
        steps,
    })
}

fn check_len(field: &str, value: &str, min: usize, max: usize) -> Result<(), String> {
    let n = value.chars().count();
    if n < min {
        return Err(format!("{field} is empty"));
    }
    if n > max {
        return Err(format!(
            "{field} has {n} characters; keep it to {max} (one idea a step)"
        ));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(format!("{field} contains control characters"));
    }
    Ok(())
}

fn step(s: RawStep, resolve: &dyn Fn(&str) -> Option<String>) -> Result<Step, String> {
    let text = s.text.trim().to_string();
    check_len("text", &text, 1, MAX_TEXT)?;
    let picture = resolve(&s.picture).ok_or_else(|| {
        format!(
            "picture {:?} does not exist (not in the lesson's folder nor in {PICTURES_DIR}/)",
            s.picture
        )
    })?;
    let tip = s
        .tip
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if let Some(t) = &tip {
        check_len("tip", t, 1, MAX_TIP)?;
    }
    let why = s
        .why
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if let Some(t) = &why {
        check_len("why", t, 1, MAX_TEXT)?;
    }
    let unused = |field: &str, present: bool| -> Result<(), String> {
        if present {
            Err(format!("{field} belongs to another kind of practice step"))
        } else {
            Ok(())
        }
    };
    let kind = s.practice.as_deref();
    if let Some(other) = kind.filter(|k| !["quiz", "phishing", "email", "itsme"].contains(k)) {
        return Err(format!(
            "practice {other:?} is not known; expected quiz, phishing, email or itsme"
        ));
    }
    if kind != Some("quiz") {
        unused("choices", !s.choices.is_empty())?;
    }
    if kind != Some("phishing") {
        unused("mails", !s.mails.is_empty())?;
    }
    if kind != Some("email") {
        unused("answer", s.answer.is_some())?;
    }
    if s.website_code.is_some() || s.phone_code.is_some() {
        return Err("website_code and phone_code are no longer used: an itsme step shows who asks (who), what it is (what) and the situation (you_started, matches, on_the_phone); see the README".into());
    }
    if kind != Some("itsme") {
        unused("who", s.who.is_some())?;
        unused("what", s.what.is_some())?;
        unused("you_started", s.you_started.is_some())?;
        unused("matches", s.matches.is_some())?;
        unused("on_the_phone", s.on_the_phone.is_some())?;
    }
    let practice = match kind {
        None => None,
        Some("quiz") => {
            if !(2..=5).contains(&s.choices.len()) {
                return Err("a quiz needs 2 to 5 choices ([[steps.choices]])".into());
            }
            if !s.choices.iter().any(|c| c.right) {
                return Err("a quiz needs at least one choice with right = true".into());
            }
            let mut choices = Vec::new();
            for c in s.choices {
                check_len("choice text", c.text.trim(), 1, 120)?;
                check_len("choice why", c.why.trim(), 1, MAX_TIP)?;
                choices.push(Choice {
                    text: c.text.trim().into(),
                    right: c.right,
                    why: c.why.trim().into(),
                });
            }
            Some(Practice::Quiz { choices })
        }
        Some("phishing") => {
            if !(2..=4).contains(&s.mails.len()) {
                return Err("a phishing step needs 2 to 4 mails ([[steps.mails]])".into());
            }
            if s.mails.iter().filter(|m| m.fake).count() != 1 {
                return Err("exactly one mail must have fake = true".into());
            }
            let mut mails = Vec::new();
            for m in s.mails {
                check_len("mail from", m.from.trim(), 1, 80)?;
                check_len("mail subject", m.subject.trim(), 1, 100)?;
                check_len("mail body", m.body.trim(), 1, 400)?;
                check_len("mail why", m.why.trim(), 1, MAX_TIP)?;
                mails.push(Mail {
                    from: m.from.trim().into(),
                    subject: m.subject.trim().into(),
                    body: m.body.trim().into(),
                    fake: m.fake,
                    why: m.why.trim().into(),
                });
            }
            Some(Practice::Phishing { mails })
        }
        Some("email") => {
            let answer = s
                .answer
                .map(|a| a.trim().to_string())
                .ok_or("an e-mail step needs answer = \"the address to type\"")?;
            if super::practice::check_email(&answer, &answer) != super::practice::EmailCheck::Right
            {
                return Err(format!("answer {answer:?} is not a plain e-mail address"));
            }
            Some(Practice::Email { answer })
        }
        Some("itsme") => {
            let shown = |field: &str, v: Option<String>| -> Result<String, String> {
                let v = v
                    .map(|c| c.trim().to_string())
                    .ok_or(format!("an itsme step needs {field}"))?;
                check_len(field, &v, 1, 60)?;
                Ok(v)
            };
            let flag = |field: &str, v: Option<bool>| -> Result<bool, String> {
                v.ok_or(format!("an itsme step needs {field} = true or false"))
            };
            Some(Practice::Itsme {
                who: shown("who", s.who)?,
                what: shown("what", s.what)?,
                case: ItsmeCase {
                    you_started: flag("you_started", s.you_started)?,
                    matches: flag("matches", s.matches)?,
                    on_the_phone: flag("on_the_phone", s.on_the_phone)?,
                },
            })
        }
        Some(_) => unreachable!("checked above"),
    };
    Ok(Step {
        text,
        picture,
        tip,
        why,
        practice,
    })
}

/// Two language versions must have the same steps: pictures, practice kinds, right answers.
fn same_shape(a: &LessonText, b: &LessonText) -> Result<(), StepProblem> {
    if a.steps.len() != b.steps.len() {
        return Err((
            None,
            format!(
                "{} steps where the other language has {}",
                b.steps.len(),
                a.steps.len()
            ),
        ));
    }
    for (i, (x, y)) in a.steps.iter().zip(&b.steps).enumerate() {
        let at = Some(i + 1);
        if x.picture != y.picture {
            return Err((
                at,
                format!("picture {:?} differs from {:?}", y.picture, x.picture),
            ));
        }
        let same = match (&x.practice, &y.practice) {
            (None, None) => true,
            (Some(Practice::Quiz { choices: p }), Some(Practice::Quiz { choices: q })) => {
                p.len() == q.len() && p.iter().zip(q).all(|(c, d)| c.right == d.right)
            }
            (Some(Practice::Phishing { mails: p }), Some(Practice::Phishing { mails: q })) => {
                p.len() == q.len() && p.iter().zip(q).all(|(c, d)| c.fake == d.fake)
            }
            (Some(Practice::Email { answer: p }), Some(Practice::Email { answer: q })) => p == q,
            (Some(Practice::Itsme { case: p, .. }), Some(Practice::Itsme { case: q, .. })) => {
                p == q
            }
            _ => false,
        };
        if !same {
            return Err((
                at,
                "the practice differs (kind, number of choices or mails, right answers, or the itsme situation)"
                    .into(),
            ));
        }
    }
    Ok(())
}

//! The built-in lessons: every lesson parses in every language, every picture exists and can
//! be drawn, the languages have the same steps, every lesson names its sources and the date its
//! facts were checked, steps stay short, and the content covers what residents ask for.

use std::collections::BTreeSet;

use digidak_core::lang::Lang;
use digidak_core::lessons::practice::{ItsmeCheck, check_itsme};
use digidak_core::lessons::{ItsmeCase, Practice, Source, Topic, load, rasterize};

#[test]
fn every_built_in_lesson_loads_in_every_language() {
    let lib = load(&Source::BuiltIn);
    assert!(
        lib.problems.is_empty(),
        "problems in the built-in lessons:\n{}",
        lib.problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(lib.lessons.len() >= 16, "{} lessons", lib.lessons.len());
    for lesson in &lib.lessons {
        for lang in langs_of(&lesson.id) {
            let text = lesson
                .text(lang)
                .unwrap_or_else(|| panic!("{} has no {lang} version", lesson.id));
            assert_eq!(
                text.steps.len(),
                lesson.step_count(),
                "{} {lang}",
                lesson.id
            );
            assert!(
                !text.summary.is_empty(),
                "{} {lang} has no summary",
                lesson.id
            );
        }
        let nl = lesson.text(Lang::Nl).unwrap();
        assert!(
            nl.steps.iter().any(|s| s.practice.is_some()),
            "{} has no practice step",
            lesson.id
        );
    }
}

#[test]
fn the_lessons_cover_the_topics_and_every_kind_of_practice() {
    let lib = load(&Source::BuiltIn);
    let topics: BTreeSet<Topic> = lib.lessons.iter().map(|l| l.topic).collect();
    for t in [
        Topic::Government,
        Topic::Email,
        Topic::Safety,
        Topic::Money,
        Topic::Smartphone,
    ] {
        assert!(topics.contains(&t), "no lesson about {t:?}");
    }
    let kinds: BTreeSet<&str> = lib
        .lessons
        .iter()
        .flat_map(|l| l.text(Lang::Nl).unwrap().steps.iter())
        .filter_map(|s| s.practice.as_ref().map(Practice::kind))
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["email", "itsme", "phishing", "quiz"]),
        "every kind of practice is used"
    );
}

/// The longest a step's text may be, in words, in every language: one idea a step.
const MAX_STEP_WORDS: usize = 35;

#[test]
fn every_lesson_names_its_sources_and_when_its_facts_were_checked() {
    let lib = load(&Source::BuiltIn);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    for lesson in &lib.lessons {
        assert!(!lesson.sources.is_empty(), "{} has no sources", lesson.id);
        for s in &lesson.sources {
            assert!(
                !s.title.trim().is_empty(),
                "{}: a source without title",
                lesson.id
            );
            assert!(
                s.address.starts_with("https://") && s.address.len() > "https://".len() + 3,
                "{}: source address {:?}",
                lesson.id,
                s.address
            );
        }
        assert!(
            lesson.checked.year() >= 2026,
            "{} was last checked on {}",
            lesson.id,
            lesson.checked
        );
        // Built-in lessons ship current: none is due for review on the day it was checked.
        assert!(!lesson.needs_review(lesson.checked), "{}", lesson.id);
        let a_year_and_a_day = lesson
            .checked
            .checked_add(jiff::Span::new().months(12).days(1))
            .unwrap();
        assert!(lesson.needs_review(a_year_and_a_day), "{}", lesson.id);
    }
}

/// Volunteer mode asks the library which lessons to check again, at the kiosk clock's time.
#[test]
fn lessons_need_review_a_year_after_their_check_by_the_clock_in_brussels() {
    let lib = load(&Source::BuiltIn);
    let ms = |date: &str| {
        date.parse::<jiff::civil::DateTime>()
            .unwrap()
            .in_tz("Europe/Brussels")
            .unwrap()
            .timestamp()
            .as_millisecond()
    };
    let newest = lib.lessons.iter().map(|l| l.checked).max().unwrap();
    let oldest = lib.lessons.iter().map(|l| l.checked).min().unwrap();
    let day =
        |d: jiff::civil::Date, days: i64| d.checked_add(jiff::Span::new().days(days)).unwrap();
    // On the day of the last check: nothing to check.
    assert!(
        lib.needing_review(ms(&format!("{newest}T12:00")))
            .is_empty()
    );
    // Twelve months on, to the day: still current.
    let a_year = day(oldest, 0)
        .checked_add(jiff::Span::new().months(12))
        .unwrap();
    assert!(
        lib.needing_review(ms(&format!("{a_year}T23:59")))
            .is_empty()
    );
    // The day after, in Brussels (just after midnight, still the day before in UTC).
    let due = lib.needing_review(ms(&format!("{}T00:30", day(a_year, 1))));
    assert!(!due.is_empty());
    assert!(due.iter().all(|l| l.checked == oldest));
    // Two years on, every lesson is due, in list order.
    let all = lib.needing_review(ms(&format!("{}T12:00", day(newest, 731))));
    assert_eq!(all.len(), lib.lessons.len());
}

#[test]
fn every_language_has_the_same_steps_and_practice_and_short_steps() {
    let lib = load(&Source::BuiltIn);
    let mut too_long = Vec::new();
    for lesson in &lib.lessons {
        let nl = lesson.text(Lang::Nl).unwrap();
        for lang in langs_of(&lesson.id) {
            let text = lesson.text(lang).unwrap();
            assert_eq!(text.steps.len(), nl.steps.len(), "{} {lang}", lesson.id);
            for (i, (a, b)) in nl.steps.iter().zip(&text.steps).enumerate() {
                assert_eq!(
                    a.practice.as_ref().map(Practice::kind),
                    b.practice.as_ref().map(Practice::kind),
                    "{} {lang} step {}",
                    lesson.id,
                    i + 1
                );
                assert_eq!(a.picture, b.picture, "{} {lang} step {}", lesson.id, i + 1);
                let words = b.text.split_whitespace().count();
                if words > MAX_STEP_WORDS {
                    too_long.push(format!(
                        "{} {lang} step {}: {words} words",
                        lesson.id,
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(
        too_long.is_empty(),
        "steps over {MAX_STEP_WORDS} words:\n{}",
        too_long.join("\n")
    );
}

#[test]
fn wrong_answers_explain_themselves_briefly() {
    let lib = load(&Source::BuiltIn);
    for lesson in &lib.lessons {
        for (lang, text) in &lesson.texts {
            for (i, step) in text.steps.iter().enumerate() {
                let whys: Vec<&str> = match &step.practice {
                    Some(Practice::Quiz { choices }) => choices
                        .iter()
                        .filter(|c| !c.right)
                        .map(|c| c.why.as_str())
                        .collect(),
                    Some(Practice::Phishing { mails }) => mails
                        .iter()
                        .filter(|m| !m.fake)
                        .map(|m| m.why.as_str())
                        .collect(),
                    _ => Vec::new(),
                };
                for why in whys {
                    let words = why.split_whitespace().count();
                    assert!(
                        words <= 25,
                        "{} {lang} step {}: a wrong answer's why has {words} words: {why}",
                        lesson.id,
                        i + 1
                    );
                }
            }
        }
    }
}

/// The itsme cases the lessons must teach: a request you started and that matches; one you
/// did not start; one where someone on the phone asks you to confirm although everything
/// matches; and one where the app shows another amount.
#[test]
fn the_itsme_practice_teaches_every_reason_to_reject() {
    let lib = load(&Source::BuiltIn);
    let cases: Vec<(String, ItsmeCase)> = lib
        .lessons
        .iter()
        .flat_map(|l| {
            l.text(Lang::Nl)
                .unwrap()
                .steps
                .iter()
                .filter_map(move |s| match &s.practice {
                    Some(Practice::Itsme { case, .. }) => Some((l.id.clone(), *case)),
                    _ => None,
                })
        })
        .collect();
    let find = |want: ItsmeCheck| {
        cases
            .iter()
            .find(|(_, c)| check_itsme(*c, true) == want)
            .unwrap_or_else(|| panic!("no itsme step where confirming is {want:?}: {cases:?}"))
            .clone()
    };
    // Everything matches, but someone on the phone asks you to confirm: reject.
    let (_, caller) = find(ItsmeCheck::ConfirmedForCaller);
    assert!(caller.you_started && caller.matches, "{caller:?}");
    assert_eq!(check_itsme(caller, false), ItsmeCheck::Right);
    // You did not start this: reject.
    let (_, not_started) = find(ItsmeCheck::ConfirmedNotStarted);
    assert_eq!(check_itsme(not_started, false), ItsmeCheck::Right);
    // The app shows something else (another amount): reject.
    let (lesson, other) = find(ItsmeCheck::ConfirmedOther);
    assert_eq!(lesson, "banking-shopping");
    assert_eq!(check_itsme(other, false), ItsmeCheck::Right);
    // And one where confirming is right.
    let (_, good) = find(ItsmeCheck::Right);
    assert_eq!(check_itsme(good, false), ItsmeCheck::RejectedGood);
}

#[test]
fn the_fake_mail_practice_has_a_believable_fake_from_a_normal_looking_sender() {
    let lib = load(&Source::BuiltIn);
    let phishing = lib.get("phishing").unwrap();
    for (lang, text) in &phishing.texts {
        let hard = text
            .steps
            .iter()
            .filter_map(|s| match &s.practice {
                Some(Practice::Phishing { mails }) => Some(mails),
                _ => None,
            })
            .find(|mails| {
                let fake = mails.iter().find(|m| m.fake).unwrap();
                // The fake comes from the same address as a real mail next to it.
                mails.iter().any(|m| !m.fake && m.from == fake.from)
            })
            .unwrap_or_else(|| panic!("{lang}: no fake mail from a sender a real mail uses"));
        let fake = hard.iter().find(|m| m.fake).unwrap();
        assert!(fake.subject.contains("itsme"), "{lang}: {}", fake.subject);
        assert!(hard.iter().filter(|m| !m.fake).count() >= 2, "{lang}");
    }
}

fn rewrite(path: std::path::PathBuf, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
}

#[test]
fn a_lesson_without_sources_or_check_date_is_refused_naming_file_and_field() {
    let dir = copy_lessons();
    let d = dir.path();
    // email: no sources.
    rewrite(d.join("email/lesson.toml"), |t| {
        t[..t.find("[[sources]]").unwrap()].to_string()
    });
    // photos: no checked date.
    rewrite(d.join("photos/lesson.toml"), |t| {
        t.lines()
            .filter(|l| !l.starts_with("checked"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    // video-call: a date that is not one.
    edit(
        d.join("video-call/lesson.toml"),
        "checked = \"2026-11-27\"",
        "checked = \"27/11/2026\"",
    );
    // passwords: a source without a web address.
    edit(
        d.join("passwords/lesson.toml"),
        "address = \"https://www.safeonweb.be/en/use-strong-passwords\"",
        "address = \"safeonweb\"",
    );
    // itsme: the old code-compare format is refused with a pointer to the new one.
    edit(
        d.join("itsme/fr.toml"),
        "who = \"Mutualité Exemple\"",
        "website_code = \"4821\"\nwho = \"Mutualité Exemple\"",
    );
    let lib = load(&Source::Dir(d.to_path_buf()));
    let said: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    let has = |file: &str, step: Option<usize>, words: &str| {
        assert!(
            lib.problems
                .iter()
                .any(|p| p.file.ends_with(file) && p.step == step && p.problem.contains(words)),
            "expected a problem in {file} step {step:?} with {words:?}; got:\n{}",
            said.join("\n")
        );
    };
    has("email/lesson.toml", None, "field `sources` is missing");
    has("photos/lesson.toml", None, "field `checked` is missing");
    has(
        "video-call/lesson.toml",
        None,
        "field `checked` = \"27/11/2026\"",
    );
    has(
        "passwords/lesson.toml",
        None,
        "must be a web address starting with https://",
    );
    has(
        "itsme/fr.toml",
        Some(6),
        "website_code and phone_code are no longer used",
    );
    assert_eq!(lib.problems.len(), 5, "{said:?}");
    for id in ["email", "photos", "video-call", "passwords", "itsme"] {
        assert!(lib.get(id).is_none(), "{id} is left out");
    }
    assert!(lib.get("phishing").is_some(), "the others still load");
}

#[test]
fn every_picture_exists_and_draws() {
    let lib = load(&Source::BuiltIn);
    let mut used = BTreeSet::new();
    for lesson in &lib.lessons {
        used.insert(lesson.picture.clone());
        for text in lesson.texts.values() {
            used.extend(text.steps.iter().map(|s| s.picture.clone()));
        }
    }
    for t in Topic::ALL {
        used.insert(t.picture().to_string());
    }
    // The board's categories draw with the same shared pictures.
    for c in digidak_core::board::Category::ALL {
        used.insert(c.picture().to_string());
    }
    for key in used {
        let svg = lib
            .pictures
            .get(&key)
            .unwrap_or_else(|| panic!("picture {key} is missing"));
        let px = rasterize(svg, 64).unwrap();
        let visible = px.rgba.chunks(4).filter(|p| p[3] > 0).count();
        assert!(visible > 64 * 64 / 10, "picture {key} draws almost nothing");
    }
}

/// Copies the built-in lessons into a folder a test can break.
fn copy_lessons() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lessons");
    for entry in std::fs::read_dir(&src).unwrap().flatten() {
        if entry.path().is_dir() {
            let to = dir.path().join(entry.file_name());
            std::fs::create_dir_all(&to).unwrap();
            for f in std::fs::read_dir(entry.path()).unwrap().flatten() {
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        }
    }
    dir
}

fn edit(path: std::path::PathBuf, from: &str, to: &str) {
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_broken_lesson_is_named_and_left_out_without_breaking_the_others() {
    let dir = copy_lessons();
    let d = dir.path();
    let good = load(&Source::Dir(d.to_path_buf()));
    assert!(good.problems.is_empty(), "{:?}", good.problems);
    let total = good.lessons.len();

    // A missing picture in step 3 of the French phishing lesson.
    edit(
        d.join("phishing/fr.toml"),
        "picture = \"person\"",
        "picture = \"nowhere\"",
    );
    // A step too few in the English e-mail lesson.
    let en = std::fs::read_to_string(d.join("email/en.toml")).unwrap();
    let cut = en.rfind("[[steps]]").unwrap();
    std::fs::write(d.join("email/en.toml"), &en[..cut]).unwrap();
    // Broken TOML in the Dutch itsme lesson.
    edit(d.join("itsme/nl.toml"), "title = \"", "title = ");
    // An unknown kind of practice.
    edit(
        d.join("photos/nl.toml"),
        "practice = \"quiz\"",
        "practice = \"puzzle\"",
    );
    // An unknown topic.
    edit(d.join("passwords/lesson.toml"), "safety", "cooking");

    let lib = load(&Source::Dir(d.to_path_buf()));
    let said: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    let has = |file: &str, step: Option<usize>, words: &str| {
        assert!(
            lib.problems
                .iter()
                .any(|p| p.file.ends_with(file) && p.step == step && p.problem.contains(words)),
            "expected a problem in {file} step {step:?} with {words:?}; got:\n{}",
            said.join("\n")
        );
    };
    has(
        "phishing/fr.toml",
        Some(3),
        "picture \"nowhere\" does not exist",
    );
    has("email/en.toml", None, "steps where the other language has");
    has("itsme/nl.toml", None, "line 1");
    has(
        "photos/nl.toml",
        Some(6),
        "practice \"puzzle\" is not known",
    );
    has(
        "passwords/lesson.toml",
        None,
        "topic \"cooking\" is not known",
    );
    assert_eq!(lib.problems.len(), 5, "{said:?}");
    assert_eq!(lib.lessons.len(), total - 5, "the other lessons still load");
    assert!(lib.get("video-call").is_some());
}

#[test]
fn a_lesson_in_one_language_is_listed_only_in_that_language() {
    let dir = copy_lessons();
    std::fs::remove_file(dir.path().join("photos/fr.toml")).unwrap();
    std::fs::remove_file(dir.path().join("photos/en.toml")).unwrap();
    let lib = load(&Source::Dir(dir.path().to_path_buf()));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert!(lib.list(Lang::Nl, None).any(|l| l.id == "photos"));
    assert!(!lib.list(Lang::Fr, None).any(|l| l.id == "photos"));
}

/// A picture file of `w` x `h` pixels, a colour gradient (like a screenshot), in `format`.
fn photo_file(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// Lesson writers can use photos and screenshots: PNG and JPEG pictures beside SVG, in a
/// lesson's folder or the shared `pictures/`, decoded when the lessons load and drawn at the
/// size the kiosk shows them; a broken or too big one leaves its lesson out, named by its file.
#[test]
fn lessons_use_png_and_jpeg_pictures_and_broken_or_big_ones_are_named() {
    let dir = copy_lessons();
    let d = dir.path();
    std::fs::write(
        d.join("photos/screen.png"),
        photo_file(600, 400, image::ImageFormat::Png),
    )
    .unwrap();
    std::fs::write(
        d.join("pictures/room.jpg"),
        photo_file(800, 600, image::ImageFormat::Jpeg),
    )
    .unwrap();
    for lang in ["nl", "fr", "en"] {
        edit(
            d.join(format!("photos/{lang}.toml")),
            "picture = \"camera\"",
            "picture = \"screen\"",
        );
    }
    edit(
        d.join("video-call/lesson.toml"),
        "picture = \"video-call\"",
        "picture = \"room\"",
    );
    let lib = load(&Source::Dir(d.to_path_buf()));
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let photos = lib.get("photos").unwrap();
    assert_eq!(
        photos.texts[&digidak_core::lang::Lang::Nl].steps[0].picture,
        "photos/screen"
    );
    assert_eq!(lib.get("video-call").unwrap().picture, "room");
    for (key, kind, shown_h) in [
        ("photos/screen", digidak_core::lessons::PhotoKind::Png, 64),
        ("room", digidak_core::lessons::PhotoKind::Jpeg, 72),
    ] {
        let photo = &lib.photos[key];
        assert_eq!(photo.kind, kind);
        // Scaled to the size it is shown at, in proportion.
        let px = digidak_core::lessons::draw_photo(photo, 96).unwrap();
        assert_eq!((px.width, px.height), (96, 96));
        let visible = px.rgba.chunks(4).filter(|p| p[3] == 255).count();
        assert_eq!(
            visible,
            96 * shown_h,
            "{key}: 96 x {shown_h} of photo, transparent above and below"
        );
    }

    // A broken PNG in a lesson, a JPEG that is too big, a screenshot with too many pixels.
    std::fs::write(d.join("itsme/app.png"), b"\x89PNG\r\n\x1a\n broken").unwrap();
    std::fs::write(
        d.join("pictures/huge.jpg"),
        vec![0xffu8; digidak_core::lessons::photo::MAX_PHOTO_BYTES + 1],
    )
    .unwrap();
    std::fs::write(
        d.join("email/wide.png"),
        photo_file(
            digidak_core::lessons::photo::MAX_PHOTO_SIDE + 1,
            4,
            image::ImageFormat::Png,
        ),
    )
    .unwrap();
    let lib = load(&Source::Dir(d.to_path_buf()));
    let said: Vec<String> = lib.problems.iter().map(ToString::to_string).collect();
    let has = |file: &str, words: &str| {
        assert!(
            said.iter().any(|p| p.contains(file) && p.contains(words)),
            "expected {file} with {words:?}; got:\n{}",
            said.join("\n")
        );
    };
    has("itsme/app.png", "not a readable PNG picture");
    has("pictures/huge.jpg", "too big");
    has("email/wide.png", "pixels");
    assert!(lib.get("itsme").is_none() && lib.get("email").is_none());
    assert!(lib.get("photos").is_some(), "the other lessons still load");
}

/// The lessons residents ask for most, in all eight languages.
const IN_EVERY_LANGUAGE: [&str; 3] = ["itsme", "burgerprofiel", "phishing"];

/// Every lesson is in Dutch, French and English; the most asked ones in every language.
fn langs_of(lesson: &str) -> Vec<Lang> {
    if IN_EVERY_LANGUAGE.contains(&lesson) {
        Lang::ALL.to_vec()
    } else {
        Lang::BASE.to_vec()
    }
}

//! The built-in lessons: every lesson parses in every language, every picture exists and can
//! be drawn, the languages have the same steps, and the content covers what residents ask for.

use std::collections::BTreeSet;

use digidak::lang::Lang;
use digidak::lessons::{Practice, Source, Topic, load, rasterize};

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
    assert!(lib.lessons.len() >= 10, "{} lessons", lib.lessons.len());
    for lesson in &lib.lessons {
        for lang in Lang::ALL {
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
    for c in digidak::board::Category::ALL {
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

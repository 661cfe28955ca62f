//! The Architecture Invariants of ARCHITECTURE.md that a machine can check: the crate graph
//! (`cargo tree`) and the layer rules (a scan of the source's `use` lines and calls).

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names of every package in `package`'s normal (non-dev) dependency tree, itself included.
fn normal_tree(package: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO"))
        .current_dir(workspace())
        .args([
            "tree",
            "--offline",
            "--locked",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}", "-p", package])
        .output()
        .expect("running cargo tree");
    assert!(
        out.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn assert_none_of(package: &str, tree: &[String], forbidden: &[&str]) {
    let found: Vec<_> = forbidden
        .iter()
        .filter(|f| tree.iter().any(|n| n == *f))
        .collect();
    assert!(
        found.is_empty(),
        "{package} must not depend on {found:?} (ARCHITECTURE.md, Architecture Invariants)"
    );
}

/// Window, GPU and UI crates: none of them belongs in the server or the shared crates.
const UI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "winit",
    "glow",
    "glutin",
    "accesskit",
    "x11rb",
    "wayland-client",
    "egui_kittest",
    "digidak",
];
/// Storage, network and runtime crates: the shared crates do no I/O.
const IO_CRATES: &[&str] = &[
    "rusqlite",
    "axum",
    "hyper",
    "hyper-util",
    "reqwest",
    "tokio",
    "tower",
    "tower-http",
    "governor",
    "digidak-server",
    "digidak-sqlite",
];

#[test]
fn the_server_has_no_window_library_in_its_tree() {
    let tree = normal_tree("digidak-server");
    assert_none_of("digidak-server", &tree, UI_CRATES);
    assert!(tree.iter().any(|n| n == "digidak-core"));
    println!("digidak-server: {} packages in its tree", tree.len());
}

#[test]
fn core_and_protocol_do_no_io_and_point_one_way() {
    let core = normal_tree("digidak-core");
    assert_none_of("digidak-core", &core, UI_CRATES);
    assert_none_of("digidak-core", &core, IO_CRATES);
    let protocol = normal_tree("digidak-protocol");
    assert_none_of("digidak-protocol", &protocol, UI_CRATES);
    assert_none_of("digidak-protocol", &protocol, IO_CRATES);
    assert_none_of("digidak-protocol", &protocol, &["digidak-core"]);
}

#[test]
fn the_kiosk_does_not_link_the_server() {
    let kiosk = normal_tree("digidak");
    assert_none_of("digidak", &kiosk, &["digidak-server", "axum", "governor"]);
}

/// Every `.rs` file under `dir`, with the part from the first `#[cfg(test)]` on cut off (unit
/// tests sit at the end of their file and may use files and threads).
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = match text.find("#[cfg(test)]") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                out.push((path, code));
            }
        }
    }
    out.sort();
    out
}

/// Lines of `files` that contain any of `needles`, except in files whose path ends with one of
/// `allowed`.
fn offending(files: &[(PathBuf, String)], needles: &[&str], allowed: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, code) in files {
        let p = path.to_string_lossy().replace('\\', "/");
        if allowed.iter().any(|a| p.ends_with(a)) {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("{p}:{}: {line}", n + 1));
            }
        }
    }
    found
}

#[test]
fn core_and_protocol_touch_no_files_network_threads_or_wall_clock() {
    let root = workspace();
    let mut files = sources(&root.join("crates/digidak-core/src"));
    files.extend(sources(&root.join("crates/digidak-protocol/src")));
    let io = offending(
        &files,
        &[
            "std::fs",
            "std::net",
            "std::process",
            "std::thread",
            "File::",
        ],
        // The one exception: an admin may point the lessons at a folder (`lessons.dir`).
        &["crates/digidak-core/src/lessons/load.rs"],
    );
    assert!(
        io.is_empty(),
        "I/O in the shared crates:\n{}",
        io.join("\n")
    );
    let clock = offending(
        &files,
        &["SystemTime::now", "Instant::now"],
        &["crates/digidak-core/src/clock.rs"],
    );
    assert!(
        clock.is_empty(),
        "time read past the Clock:\n{}",
        clock.join("\n")
    );
}

#[test]
fn the_ui_reads_app_state_only() {
    let files = sources(&workspace().join("src/ui"));
    let found = offending(
        &files,
        &[
            "crate::store",
            "crate::sync",
            "rusqlite",
            "reqwest",
            "digidak_server",
            "std::fs",
            "std::net",
            "std::process",
            "std::thread::spawn",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "the UI reaches past app (store, sync, files, network):\n{}",
        found.join("\n")
    );
}

#[test]
fn wall_clock_time_comes_from_the_one_clock() {
    let root = workspace();
    let mut files = sources(&root.join("src"));
    files.extend(sources(&root.join("crates/digidak-server/src")));
    let found = offending(
        &files,
        &["SystemTime::now"],
        // The start-up benchmark's first-frame mark is compared with its launcher's wall clock.
        &["src/ui/eframe_app.rs"],
    );
    assert!(
        found.is_empty(),
        "wall-clock time read past digidak_core::clock:\n{}",
        found.join("\n")
    );
}

#[test]
fn app_state_and_module_rules_draw_nothing_and_do_no_io() {
    let root = workspace();
    let app = sources(&root.join("src/app"));
    let found = offending(&app, &["egui", "crate::ui"], &[]);
    assert!(found.is_empty(), "app draws:\n{}", found.join("\n"));
    // A module's rules (its `mod.rs`) send store commands; only its `screen.rs` (and the
    // files of a `screen/` folder beside it) draws (the trait's `show`, `show_staff` and
    // `show_bar` are the one place `mod.rs` names egui).
    let modules: Vec<_> = sources(&root.join("src/modules"))
        .into_iter()
        .filter(|(p, _)| {
            !p.ends_with("screen.rs") && !p.components().any(|c| c.as_os_str() == "screen")
        })
        .collect();
    let io = offending(
        &modules,
        &[
            "rusqlite",
            "reqwest",
            "std::fs",
            "std::net",
            "std::process",
            "std::thread",
            "crate::sync",
            "store::Store",
        ],
        &[],
    );
    assert!(io.is_empty(), "I/O in a module's rules:\n{}", io.join("\n"));
    let drawing: Vec<_> = offending(&modules, &["egui"], &[])
        .into_iter()
        .filter(|l| {
            let drawing_fn = ["fn show(", "fn show_staff(", "fn show_bar("];
            !drawing_fn.iter().any(|f| l.contains(f)) && !l.contains("//!")
        })
        .collect();
    assert!(
        drawing.is_empty(),
        "a module draws outside its screen.rs:\n{}",
        drawing.join("\n")
    );
}

/// The app keeps the session rules every feature shares: a feature's screens, state and rules
/// live in its module folder (`src/modules/<name>/`), never in `app`.
#[test]
fn app_has_no_feature_code_left() {
    let root = workspace();
    let app = sources(&root.join("src/app"));
    let found = offending(
        &app,
        &[
            // The activities' pages, actions, drafts and rules.
            "Screen::Activities",
            "Screen::Signup",
            "Screen::CheckIn",
            "Screen::ActivityAdmin",
            "ActivityAction",
            "ActivitiesState",
            "signup_name",
            "activity_form",
            "refresh_activities",
            "modules::activities",
            // The board's.
            "Screen::Board",
            "BoardAction",
            "BoardState",
            "BoardEvent",
            "post_title",
            "board_search",
            "refresh_board",
            "modules::board",
            // The lessons'.
            "Screen::Lesson",
            "Screen::ResumeCode",
            "LessonAction",
            "LessonState",
            "lesson_email",
            "resume_code",
            "in_lesson",
            "modules::lessons",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "feature code in app (it belongs in its module):\n{}",
        found.join("\n")
    );
    let ui = sources(&root.join("src/ui"));
    let found = offending(
        &ui,
        &[
            "ActivityAction",
            "modules::activities",
            "BoardAction",
            "modules::board",
            "Screen::Board",
            "LessonAction",
            "modules::lessons",
            "Screen::Lesson",
            "kiosk.lessons",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "a module's screens outside its folder:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_servers_rules_know_no_database() {
    let dir = workspace().join("crates/digidak-server/src");
    // What the server decides, written once over `storage::Tx` (a PostgreSQL backend is a new
    // implementation of that trait and nothing else).
    let rules: Vec<_> = sources(&dir)
        .into_iter()
        .filter(|(p, _)| p.parent() == Some(dir.as_path()))
        .filter(|(p, _)| {
            [
                "apply.rs",
                "activities.rs",
                "seats.rs",
                "board.rs",
                "kiosks.rs",
                "logins.rs",
                "partners.rs",
                "storage.rs",
            ]
            .iter()
            .any(|f| p.file_name().is_some_and(|n| n == *f))
        })
        .collect();
    assert_eq!(rules.len(), 8, "the rule files moved: update this test");
    let found = offending(
        &rules,
        &[
            "rusqlite", "sqlite", "Sqlite", "postgres", "SELECT ", "INSERT ", "UPDATE ", "DELETE ",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "database code in the server's rules:\n{}",
        found.join("\n")
    );
}

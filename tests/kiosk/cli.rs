//! The `digidak` binary as an admin uses it: checking configs, hashing PINs, and refusing to
//! start on a broken config.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_digidak");

fn digidak(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("DIGIDAK_") {
            cmd.env_remove(k);
        }
    }
    cmd.envs(envs.iter().copied());
    cmd.output().unwrap()
}

/// `digidak hash-pin` with `input` on standard input.
fn hash_pin(input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn demo() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config/kiosk.toml"))
        .unwrap()
}

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("kiosk.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_config_checks_ok() {
    let o = digidak(&["--check-config"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("the config is valid"));

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config/kiosk.toml");
    let o = digidak(&["--check-config", "--config", path.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Each broken config: exit code 2 and a message naming file, line, field and expectation.
#[test]
fn each_config_error_names_file_line_and_field() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // (replace, with, field in the message, words in the message)
        (
            "name = \"Demo kiosk\"",
            "name = \"Demo kiosk",
            "kiosk.toml:",
            "invalid",
        ),
        (
            "warn_after_secs = 120",
            "warn_after_secs = \"soon\"",
            "idle.warn_after_secs",
            "expected: whole seconds",
        ),
        (
            "[idle]\n",
            "[idle]\nwarn_after = 60\n",
            "unknown field `warn_after`",
            "expected",
        ),
        (
            "wipe_after_secs = 150",
            "wipe_after_secs = 100",
            "idle.wipe_after_secs",
            "after the warning",
        ),
        (
            "default = \"nl\"",
            "default = \"de\"",
            "languages.default",
            "unknown variant",
        ),
        (
            "read_aloud = \"auto\"",
            "read_aloud = \"loud\"",
            "lessons.read_aloud",
            "full path of a program",
        ),
        (
            "enabled = [\"lessons\", \"activities\", \"board\", \"help\", \"partners\"]",
            "enabled = []",
            "modules.enabled",
            "at least one module",
        ),
        (
            "site = \"demo-buurthuis\"",
            "site = \"Demo Buurthuis\"",
            "kiosk.site",
            "lowercase",
        ),
        (
            "# url = \"https://digidak.example.org\"",
            "url = \"digidak.example.org\"",
            "server.url",
            "web address",
        ),
    ];
    for (from, to, field, words) in cases {
        let dir = tempfile::tempdir().unwrap();
        let text = demo().replacen(from, to, 1);
        assert_ne!(text, demo(), "case {field}: replacement did not apply");
        let path = write_config(dir.path(), &text);
        let line = text
            .lines()
            .position(|l| l.contains(to.lines().last().unwrap()))
            .unwrap()
            + 1;
        for args in [
            vec!["--check-config", "--config", path.to_str().unwrap()],
            // Starting the kiosk itself stops the same way, before any window opens.
            vec![
                "--config",
                path.to_str().unwrap(),
                "--data",
                dir.path().to_str().unwrap(),
            ],
        ] {
            let o = digidak(&args, &[]);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{field}: {err}");
            assert!(
                err.contains(&format!("{}:{line}:", path.display())),
                "{field}: no file:line {line} in {err}"
            );
            assert!(err.contains(field), "{field}: {err}");
            assert!(err.contains(words), "{field}: {words:?} not in {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}

#[test]
fn missing_config_file_is_named() {
    let o = digidak(
        &["--check-config", "--config", "/nonexistent/kiosk.toml"],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/kiosk.toml"));
    assert!(stderr(&o).contains("cannot read"));
}

#[test]
fn environment_overrides_and_their_errors() {
    let o = digidak(&["--check-config"], &[("DIGIDAK_KIOSK_NAME", "PC 7")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("PC 7"));

    let o = digidak(
        &["--check-config"],
        &[("DIGIDAK_IDLE_WIPE_AFTER_SECS", "5")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("environment variable DIGIDAK_IDLE_WIPE_AFTER_SECS"));

    // DIGIDAK_CONFIG names the file, like --config; the flag wins.
    let o = digidak(
        &["--check-config"],
        &[("DIGIDAK_CONFIG", "/nonexistent/a.toml")],
    );
    assert!(stderr(&o).contains("/nonexistent/a.toml"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-config/kiosk.toml");
    let o = digidak(
        &["--check-config", "--config", path.to_str().unwrap()],
        &[("DIGIDAK_CONFIG", "/nonexistent/a.toml")],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn hash_pin_makes_a_hash_the_config_accepts() {
    let o = hash_pin(b"8642\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hash = String::from_utf8(o.stdout).unwrap().trim().to_string();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("8642"));

    let dir = tempfile::tempdir().unwrap();
    let start = demo().find("admin = \"").unwrap();
    let end = start + demo()[start..].find('\n').unwrap();
    let text = format!("{}admin = \"{hash}\"{}", &demo()[..start], &demo()[end..]);
    let path = write_config(dir.path(), &text);
    let o = digidak(&["--check-config", "--config", path.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pins = digidak::config::load(Some(&path), &[])
        .unwrap()
        .config
        .pin_hashes();
    assert_eq!(pins.verify("8642"), Some(digidak::pin::Role::Admin));
}

#[test]
fn hash_pin_refuses_a_bad_pin() {
    let o = hash_pin(b"12\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("4 to 8 digits"));
}

/// A volunteer's lesson folder with a mistake: `--check-config` names the file, the step and
/// the problem, exits 2, and says the other lessons load.
#[test]
fn check_config_names_a_broken_lesson() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lessons");
    for folder in ["pictures", "phishing", "email"] {
        std::fs::create_dir_all(lessons.join(folder)).unwrap();
        for f in std::fs::read_dir(src.join(folder)).unwrap().flatten() {
            std::fs::copy(f.path(), lessons.join(folder).join(f.file_name())).unwrap();
        }
    }
    let text = demo().replacen("# dir = \"lessons\"", "dir = \"lessons\"", 1);
    let path = write_config(dir.path(), &text);
    let o = digidak(&["--check-config", "--config", path.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("2 lessons load"));

    let fr = lessons.join("email/fr.toml");
    let broken = std::fs::read_to_string(&fr).unwrap().replacen(
        "practice = \"email\"",
        "practice = \"mail\"",
        1,
    );
    std::fs::write(&fr, broken).unwrap();
    let o = digidak(&["--check-config", "--config", path.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("email/fr.toml, step 4"), "{err}");
    assert!(err.contains("practice \"mail\" is not known"), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 lessons load"));
}

/// A child killed on drop; with `true`, its whole process group (SIGTERM first).
struct KillOnDrop(std::process::Child, bool);
impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if self.1 {
            // SAFETY: kill(2) with a process group id this test started; no memory involved.
            unsafe {
                libc::kill(-(self.0.id() as i32), libc::SIGTERM);
            }
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            while std::time::Instant::now() < deadline {
                if let Ok(Some(_)) = self.0.try_wait() {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The README's run command, `scripts/kiosk --windowed`, as a new user starts it: a demo server
/// with example content, the kiosk paired to it, and the kiosk's own store (what its screens
/// show) holding an example activity, post and local partner, all marked "Voorbeeld", in a
/// throwaway folder;
/// the real data folder is never made. (KIOSK_BIN_DIR points the script at the binaries this
/// test built instead of a release build.)
#[test]
fn the_readme_run_command_shows_example_content_from_a_demo_server() {
    use std::os::unix::process::CommandExt;
    let Some((_x, display)) = crate::window::xvfb() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let demo_dir = home.path().join("demo");
    let bin_dir = Path::new(BIN).parent().unwrap();
    // The server's binary is built beside the kiosk's by `cargo test --workspace` (scripts/test:
    // the server crate's tests need it); a kiosk-only run has none.
    assert!(
        bin_dir.join("digidak-server").exists(),
        "{} has no digidak-server: run the tests with `cargo test --workspace` (scripts/test)",
        bin_dir.display()
    );
    let mut cmd = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kiosk"));
    cmd.arg("--windowed")
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .env("DISPLAY", &display)
        .env("KIOSK_BIN_DIR", bin_dir)
        .env("KIOSK_DEMO_DIR", &demo_dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    for (k, _) in std::env::vars() {
        if k.starts_with("DIGIDAK_") {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let banner = std::thread::spawn(move || {
        use std::io::Read;
        let mut s = String::new();
        let _ = std::io::BufReader::new(stderr).read_to_string(&mut s);
        s
    });
    let run = KillOnDrop(child, true);

    let kiosk_data = demo_dir.join("kiosk");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let (activities, posts, partners) = loop {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64;
        let seen = (|| {
            if !kiosk_data.join("server-token").exists() {
                return None;
            }
            let store = digidak::store::Store::open_in(&kiosk_data).ok()?;
            let a = store.upcoming_activities(now).ok()?;
            let p = store.board_posts(now).ok()?;
            // "Wie kan helpen" is on by default: the demo's partners too.
            let w = store.partners().ok()?;
            (!a.is_empty() && !p.is_empty() && !w.is_empty()).then_some((a, p, w))
        })();
        if let Some(seen) = seen {
            break seen;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the kiosk showed no example content within 60 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    assert!(
        activities
            .iter()
            .any(|a| a.record.title.starts_with("Voorbeeld: ")),
        "{activities:?}"
    );
    assert!(
        activities
            .iter()
            .all(|a| a.record.title.starts_with("Voorbeeld")),
        "only example activities"
    );
    assert!(
        posts
            .iter()
            .any(|p| p.post.title.starts_with("Voorbeeld: ")),
        "{posts:?}"
    );
    assert!(
        partners.iter().all(|p| p.name.contains("Voorbeeld")),
        "{partners:?}"
    );
    assert!(
        !home.path().join(".local/share/digidak").exists(),
        "the demo must not touch the real data folder"
    );
    drop(run);
    let banner = banner.join().unwrap();
    assert!(banner.contains("Voorbeeld"), "{banner}");
    assert!(banner.contains("/admin"), "{banner}");
    assert!(banner.contains("lesson code"), "{banner}");
}

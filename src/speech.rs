//! "Read aloud": speech through the operating system (speech-dispatcher's `spd-say`, or
//! `espeak-ng`), on a thread of its own so the UI never waits for a program to start. When no
//! speech program is found, [`Speech::available`] stays false and the button is not shown. The
//! languages the engine has a voice for are asked once (`espeak-ng --voices`, `spd-say -L`):
//! in a language without a voice the button says so ([`Speech::speaks`]) and nothing is read,
//! rather than reading Turkish with a Dutch voice.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU16, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use digidak_core::lang::Lang;

/// The programs tried by `read_aloud = "auto"`, in order.
pub const AUTO_PROGRAMS: [&str; 3] = ["spd-say", "espeak-ng", "espeak"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Engine {
    /// speech-dispatcher's client: `spd-say -l LANG TEXT`.
    SpdSay(PathBuf),
    /// espeak-ng or a program taking the same arguments: `PROGRAM -v LANG TEXT`.
    Espeak(PathBuf),
}

/// Finds the engine for a `lessons.read_aloud` setting. `path_var` is `$PATH`.
pub fn detect(setting: &str, path_var: Option<&str>) -> Option<Engine> {
    match setting {
        "off" => None,
        "auto" => {
            let dirs: Vec<PathBuf> = path_var
                .map(|p| std::env::split_paths(p).collect())
                .unwrap_or_default();
            AUTO_PROGRAMS.iter().find_map(|name| {
                let found = dirs.iter().map(|d| d.join(name)).find(|p| is_program(p))?;
                Some(if *name == "spd-say" {
                    Engine::SpdSay(found)
                } else {
                    Engine::Espeak(found)
                })
            })
        }
        path => {
            let p = PathBuf::from(path);
            is_program(&p).then_some(Engine::Espeak(p))
        }
    }
}

fn is_program(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

enum Cmd {
    Say(String, Lang),
    Stop,
}

const UNKNOWN: u8 = 0;
const YES: u8 = 1;
const NO: u8 = 2;

/// The UI's end of the speech thread.
pub struct Speech {
    tx: Option<Sender<Cmd>>,
    available: Arc<AtomicU8>,
    /// One bit a language (its place in [`Lang::ALL`]): the engine has a voice for it.
    voices: Arc<AtomicU16>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Speech {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Speech(available: {})", self.available())
    }
}

impl Speech {
    /// Starts the speech thread: it looks for the engine first (`wake` is called once that is
    /// known, so the UI can show the button), then speaks on request.
    pub fn spawn(setting: String, wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let available = Arc::new(AtomicU8::new(UNKNOWN));
        let flag = available.clone();
        let voices = Arc::new(AtomicU16::new(0));
        let voice_bits = voices.clone();
        let (tx, rx) = channel::<Cmd>();
        let thread = std::thread::Builder::new()
            .name("digidak-speech".into())
            .spawn(move || {
                let path = std::env::var("PATH").ok();
                let engine = detect(&setting, path.as_deref());
                let langs = engine.as_ref().map(listed_voices).unwrap_or_default();
                tracing::info!(?engine, ?langs, "read aloud");
                voice_bits.store(bits(&langs), Ordering::Release);
                flag.store(if engine.is_some() { YES } else { NO }, Ordering::Release);
                wake();
                let Some(engine) = engine else {
                    // Drain until the kiosk closes, saying nothing.
                    for _ in rx {}
                    return;
                };
                let mut current: Option<Child> = None;
                for cmd in rx {
                    stop(&engine, &mut current);
                    if let Cmd::Say(text, lang) = cmd {
                        current = say(&engine, &text, lang);
                    }
                }
                stop(&engine, &mut current);
            })
            .ok();
        Self {
            tx: Some(tx),
            available,
            voices,
            thread,
        }
    }

    /// A kiosk without speech (tests, and `read_aloud = "off"` without a thread).
    pub fn none() -> Self {
        Self {
            tx: None,
            available: Arc::new(AtomicU8::new(NO)),
            voices: Arc::new(AtomicU16::new(0)),
            thread: None,
        }
    }

    /// True once the speech thread knows whether it can speak (and in which languages).
    pub fn detected(&self) -> bool {
        self.available.load(Ordering::Acquire) != UNKNOWN
    }

    /// True once a speech program was found.
    pub fn available(&self) -> bool {
        self.available.load(Ordering::Acquire) == YES
    }

    /// True when the engine has a voice for `lang` (never read in another language's voice).
    pub fn speaks(&self, lang: Lang) -> bool {
        self.available() && self.voices.load(Ordering::Acquire) & bits(&[lang]) != 0
    }

    /// Reads `text` aloud, stopping whatever was being read; nothing in a language without a
    /// voice.
    pub fn say(&self, text: &str, lang: Lang) {
        if !self.speaks(lang) {
            return;
        }
        if let Some(tx) = &self.tx {
            let _ = tx.send(Cmd::Say(text.to_string(), lang));
        }
    }

    pub fn stop(&self) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Cmd::Stop);
        }
    }
}

impl Drop for Speech {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn bits(langs: &[Lang]) -> u16 {
    langs
        .iter()
        .filter_map(|l| Lang::ALL.iter().position(|a| a == l))
        .fold(0, |acc, i| acc | 1 << i)
}

/// The languages the engine has a voice for. A program that lists none (a stand-in taking
/// espeak-ng's arguments) is trusted with every language.
fn listed_voices(engine: &Engine) -> Vec<Lang> {
    let (program, arg) = match engine {
        Engine::SpdSay(p) => (p, "-L"),
        Engine::Espeak(p) => (p, "--voices"),
    };
    let listing = Command::new(program)
        .arg(arg)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let langs = languages_in_listing(&listing);
    if langs.is_empty() {
        Lang::ALL.to_vec()
    } else {
        langs
    }
}

/// The kiosk's languages named in a voice listing: a word that is the code, or starts with
/// the code and a dash or underscore ("fr-be", "en_GB").
pub fn languages_in_listing(listing: &str) -> Vec<Lang> {
    Lang::ALL
        .into_iter()
        .filter(|l| {
            listing.split_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                let code = l.code();
                w == code
                    || w.strip_prefix(code)
                        .is_some_and(|rest| rest.starts_with('-') || rest.starts_with('_'))
            })
        })
        .collect()
}

/// Text is passed as one argument, never through a shell; a leading dash would read as an
/// option, so it gets a space before it.
fn as_argument(text: &str) -> String {
    let text = text.replace('\n', " ");
    if text.starts_with('-') {
        format!(" {text}")
    } else {
        text
    }
}

fn say(engine: &Engine, text: &str, lang: Lang) -> Option<Child> {
    let mut cmd = match engine {
        Engine::SpdSay(p) => {
            let mut c = Command::new(p);
            c.args(["-l", lang.code(), "-r", "-20"]);
            c
        }
        Engine::Espeak(p) => {
            let mut c = Command::new(p);
            c.args(["-v", lang.code(), "-s", "140"]);
            c
        }
    };
    cmd.arg(as_argument(text))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    match cmd.spawn() {
        Ok(child) => Some(child),
        Err(e) => {
            tracing::warn!(error = %e, "read aloud could not start");
            None
        }
    }
}

fn stop(engine: &Engine, current: &mut Option<Child>) {
    if let Some(mut child) = current.take() {
        let _ = child.kill();
        let _ = child.wait();
    }
    if let Engine::SpdSay(p) = engine {
        // speech-dispatcher keeps speaking after its client is gone: cancel it too.
        let _ = Command::new(p)
            .arg("-C")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_program_no_engine() {
        assert_eq!(detect("auto", Some("")), None);
        assert_eq!(detect("auto", None), None);
        assert_eq!(detect("off", std::env::var("PATH").ok().as_deref()), None);
        assert_eq!(detect("/no/such/program", None), None);
    }

    #[test]
    fn finds_espeak_ng_on_the_path() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("espeak-ng");
        std::fs::write(&p, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = dir.path().to_str().unwrap();
        assert_eq!(detect("auto", Some(path)), Some(Engine::Espeak(p)));
    }

    #[test]
    fn voices_are_read_from_the_listing() {
        let espeak =
            "Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  ar              --/M      Arabic             sem/ar
 5  en-gb           --/M      English_(Great_Britain) gmw/en
 5  fr-be           --/M      French_(Belgium)   roa/fr-BE
 5  nl              --/M      Dutch              gmw/nl
 5  tr              --/M      Turkish            trk/tr
 5  an              --/M      Aragonese          roa/an";
        assert_eq!(
            languages_in_listing(espeak),
            [Lang::Nl, Lang::Fr, Lang::En, Lang::Tr, Lang::Ar]
        );
        let spd = "NAME LANGUAGE VARIANT\n Polish pl none\n Ukrainian uk none\n Romanian ro none";
        assert_eq!(languages_in_listing(spd), [Lang::Pl, Lang::Uk, Lang::Ro]);
        assert_eq!(languages_in_listing(""), []);
    }

    /// On a machine with espeak-ng (the kiosk's Debian package recommends it), every one of the
    /// eight languages has a voice.
    #[test]
    fn espeak_ng_has_a_voice_for_every_language() {
        let Some(engine) = detect("espeak-ng", None).or_else(|| {
            detect("auto", std::env::var("PATH").ok().as_deref())
                .filter(|e| matches!(e, Engine::Espeak(_)))
        }) else {
            eprintln!("espeak-ng is not installed here: nothing to check");
            return;
        };
        assert_eq!(listed_voices(&engine), Lang::ALL.to_vec());
    }

    #[test]
    fn leading_dashes_are_not_options() {
        assert_eq!(as_argument("-rf x"), " -rf x");
        assert_eq!(as_argument("a\nb"), "a b");
    }
}

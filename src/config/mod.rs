//! The kiosk's settings: `kiosk.toml`, layered as
//! built-in defaults < config file < `DIGIDAK_*` environment < command-line flags.
//!
//! Loading never panics and never silently falls back: every problem comes back as a
//! [`ConfigError`] naming the file (or environment variable), line, field and what is expected.

mod error;
mod fields;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use error::{ConfigError, ConfigErrors};
pub use fields::{FIELDS, Field, RESERVED_ENV};

use crate::idle::IdleTimes;
use crate::pin::PinHashes;
use digidak_core::lang::Lang;

/// The demo config in `kiosk-config/kiosk.toml`, built into the binary so that `digidak`
/// runs with no arguments on a fresh machine.
pub const DEMO_CONFIG: &str = include_str!("../../kiosk-config/kiosk.toml");
/// How the built-in demo config is named in messages.
pub const DEMO_CONFIG_ORIGIN: &str = "kiosk-config/kiosk.toml (built in)";

/// A module a kiosk can show on its home screen: one of the built-in features (lessons,
/// activities, board) or a module of `crate::modules`. Only modules that exist are accepted: a
/// config naming any other is an error, not a stub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Module(&'static str);

impl Module {
    /// Step-by-step digital-skills lessons with practice.
    pub const LESSONS: Module = Module("lessons");
    /// The coming activities and signing up for them.
    pub const ACTIVITIES: Module = Module("activities");
    /// The ask & offer board: what residents need and what they can give.
    pub const BOARD: Module = Module("board");
    /// "I need help": call a volunteer to this kiosk (`crate::modules::help`).
    pub const HELP: Module = Module(crate::modules::help::ID);
    /// "Wie kan helpen": the site's local partners (`crate::modules::partners`).
    pub const PARTNERS: Module = Module(crate::modules::partners::ID);

    /// Its name in `kiosk.toml`, which is also the id of a module in `crate::modules`.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// Every name `modules.enabled` accepts.
    pub fn known() -> Vec<&'static str> {
        let mut ids = vec![Self::LESSONS.0, Self::ACTIVITIES.0, Self::BOARD.0];
        ids.extend(crate::modules::ids());
        ids
    }
}

impl TryFrom<String> for Module {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        let known = Self::known();
        match known.iter().find(|id| **id == name) {
            Some(id) => Ok(Module(id)),
            None => Err(format!(
                "unknown module `{name}`, expected one of {}",
                known
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Module {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Refuses an unknown name while the value is read, so the error points at it.
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Module;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a module name")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Module, E> {
                Module::try_from(name.to_string()).map_err(E::custom)
            }
        }
        d.deserialize_str(Name)
    }
}

impl Serialize for Module {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KioskConfig {
    pub kiosk: KioskSection,
    pub languages: LanguagesSection,
    pub modules: ModulesSection,
    pub idle: IdleSection,
    pub pins: PinsSection,
    pub server: ServerSection,
    pub storage: StorageSection,
    pub lessons: LessonsSection,
    pub input: InputSection,
}

/// When the kiosk's own on-screen keyboard appears under a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyboardMode {
    /// When a field is tapped by touch (a tablet, a touch screen); not for a mouse click.
    #[default]
    Auto,
    /// Whenever a text field is in use, also with a mouse (a PC without a keyboard).
    Always,
    /// Never (a PC with a real keyboard and no touch screen).
    Never,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputSection {
    /// The on-screen keyboard: `auto`, `always` or `never`.
    pub keyboard: KeyboardMode,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KioskSection {
    /// Shown to volunteers and admins, and to the server.
    pub name: String,
    /// Short id of the place the kiosk stands (`buurthuis-noord`).
    pub site: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LanguagesSection {
    pub default: Lang,
    pub offered: Vec<Lang>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ModulesSection {
    pub enabled: Vec<Module>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IdleSection {
    pub warn_after_secs: u32,
    pub wipe_after_secs: u32,
    pub lesson_warn_after_secs: u32,
    pub lesson_wipe_after_secs: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PinsSection {
    /// argon2 hash of the admin PIN (`digidak hash-pin`). Required.
    pub admin: String,
    /// argon2 hash of the volunteer PIN; without it there is no volunteer mode.
    pub volunteer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSection {
    /// The central server; without it the kiosk works on its own.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StorageSection {
    /// Where the kiosk keeps its database and logs. Relative paths are relative to the
    /// config file's folder.
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LessonsSection {
    /// A folder of lessons laid out like `assets/lessons/`; without it, the built-in lessons.
    /// Relative paths are relative to the config file's folder.
    pub dir: Option<PathBuf>,
    /// The "read aloud" button: `auto` (speech-dispatcher's `spd-say` or `espeak-ng` when
    /// installed), `off`, or the path of a program called like espeak-ng (`-v LANG TEXT`).
    pub read_aloud: String,
}

impl Default for LessonsSection {
    fn default() -> Self {
        Self {
            dir: None,
            read_aloud: "auto".into(),
        }
    }
}

impl LessonsSection {
    pub fn source(&self) -> digidak_core::lessons::Source {
        match &self.dir {
            Some(dir) => digidak_core::lessons::Source::Dir(dir.clone()),
            None => digidak_core::lessons::Source::BuiltIn,
        }
    }
}

impl Default for KioskSection {
    fn default() -> Self {
        Self {
            name: "Digidak kiosk".into(),
            site: "default".into(),
        }
    }
}

impl Default for LanguagesSection {
    fn default() -> Self {
        Self {
            default: Lang::Nl,
            offered: Lang::BASE.to_vec(),
        }
    }
}

impl Default for ModulesSection {
    fn default() -> Self {
        Self {
            enabled: vec![
                Module::LESSONS,
                Module::ACTIVITIES,
                Module::BOARD,
                Module::HELP,
                Module::PARTNERS,
            ],
        }
    }
}

impl Default for IdleSection {
    fn default() -> Self {
        Self {
            warn_after_secs: 120,
            wipe_after_secs: 150,
            lesson_warn_after_secs: 480,
            lesson_wipe_after_secs: 540,
        }
    }
}

impl KioskConfig {
    pub fn idle_times(&self) -> IdleTimes {
        IdleTimes {
            warn_after: Duration::from_secs(self.idle.warn_after_secs.into()),
            wipe_after: Duration::from_secs(self.idle.wipe_after_secs.into()),
        }
    }

    pub fn lesson_idle_times(&self) -> IdleTimes {
        IdleTimes {
            warn_after: Duration::from_secs(self.idle.lesson_warn_after_secs.into()),
            wipe_after: Duration::from_secs(self.idle.lesson_wipe_after_secs.into()),
        }
    }

    pub fn pin_hashes(&self) -> PinHashes {
        PinHashes {
            admin: self.pins.admin.clone(),
            volunteer: self.pins.volunteer.clone(),
        }
    }

    pub fn module_enabled(&self, module: Module) -> bool {
        self.modules.enabled.contains(&module)
    }
}

/// Where a config came from, for messages and for resolving relative paths.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: KioskConfig,
    /// The file, or [`DEMO_CONFIG_ORIGIN`].
    pub origin: String,
}

/// Loads the config file (or the built-in demo config when `path` is `None`) and applies
/// `DIGIDAK_*` overrides from `env`. Relative `storage.data_dir` is resolved against the
/// config file's folder.
pub fn load(path: Option<&Path>, env: &[(String, String)]) -> Result<Loaded, ConfigErrors> {
    let (origin, text, base_dir) = match path {
        None => (
            DEMO_CONFIG_ORIGIN.to_string(),
            DEMO_CONFIG.to_string(),
            None,
        ),
        Some(path) => {
            let origin = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                ConfigErrors::one(ConfigError::whole_file(
                    &origin,
                    format!("cannot read this file: {e}"),
                ))
            })?;
            (origin, text, path.parent().map(Path::to_path_buf))
        }
    };
    let mut config = parse(&origin, &text, env)?;
    if let Some(dir) = base_dir {
        for path in [
            config.storage.data_dir.as_mut(),
            config.lessons.dir.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            if path.is_relative() {
                *path = dir.join(&*path);
            }
        }
    }
    Ok(Loaded { config, origin })
}

/// Parses and validates config text; `origin` names it in messages.
pub fn parse(
    origin: &str,
    text: &str,
    env: &[(String, String)],
) -> Result<KioskConfig, ConfigErrors> {
    let config: KioskConfig =
        toml::from_str(text).map_err(|e| ConfigErrors::one(error::from_toml(origin, text, &e)))?;
    let problems = validate(&config);
    if !problems.is_empty() {
        return Err(ConfigErrors(
            problems
                .into_iter()
                .map(|(field, problem)| error::at_field(origin, text, field, problem))
                .collect(),
        ));
    }
    fields::apply_env(origin, text, config, env)
}

/// Rules that TOML types cannot express. Returns (field, problem) pairs.
pub fn validate(c: &KioskConfig) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let name = c.kiosk.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        out.push(("kiosk.name", "must be 1 to 60 characters".to_string()));
    }
    let site_ok = (1..=40).contains(&c.kiosk.site.len())
        && c.kiosk
            .site
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !site_ok {
        out.push((
            "kiosk.site",
            format!(
                "{:?} is not a site id: use 1 to 40 lowercase letters, digits and dashes",
                c.kiosk.site
            ),
        ));
    }
    if c.languages.offered.is_empty() {
        out.push(("languages.offered", "offer at least one language".into()));
    }
    if has_duplicates(&c.languages.offered) {
        out.push(("languages.offered", "a language is listed twice".into()));
    }
    if !c.languages.offered.contains(&c.languages.default) {
        out.push((
            "languages.default",
            format!(
                "{:?} must also be in languages.offered",
                c.languages.default.code()
            ),
        ));
    }
    if c.modules.enabled.is_empty() {
        out.push(("modules.enabled", "enable at least one module".into()));
    }
    if has_duplicates(&c.modules.enabled) {
        out.push(("modules.enabled", "a module is listed twice".into()));
    }
    let idle = &c.idle;
    if !(15..=3600).contains(&idle.warn_after_secs) {
        out.push((
            "idle.warn_after_secs",
            format!(
                "{} seconds is not possible: use 15 to 3600",
                idle.warn_after_secs
            ),
        ));
    }
    if idle.wipe_after_secs < idle.warn_after_secs.saturating_add(10) || idle.wipe_after_secs > 7200
    {
        out.push((
            "idle.wipe_after_secs",
            format!(
                "{} seconds is not possible: the wipe must come at least 10 seconds after the warning \
                 (idle.warn_after_secs = {}) and within 7200 seconds",
                idle.wipe_after_secs, idle.warn_after_secs
            ),
        ));
    }
    if idle.lesson_warn_after_secs < idle.warn_after_secs || idle.lesson_warn_after_secs > 3600 {
        out.push((
            "idle.lesson_warn_after_secs",
            format!(
                "{} seconds is not possible: lessons wait at least as long as other screens \
                 (idle.warn_after_secs = {}) and at most 3600 seconds",
                idle.lesson_warn_after_secs, idle.warn_after_secs
            ),
        ));
    }
    if idle.lesson_wipe_after_secs < idle.lesson_warn_after_secs.saturating_add(10)
        || idle.lesson_wipe_after_secs > 7200
    {
        out.push((
            "idle.lesson_wipe_after_secs",
            format!(
                "{} seconds is not possible: the wipe must come at least 10 seconds after the warning \
                 (idle.lesson_warn_after_secs = {}) and within 7200 seconds",
                idle.lesson_wipe_after_secs, idle.lesson_warn_after_secs
            ),
        ));
    }
    if c.pins.admin.is_empty() {
        out.push((
            "pins.admin",
            "is required: an argon2 hash made with `digidak hash-pin`".into(),
        ));
    } else if let Err(e) = crate::pin::check_hash(&c.pins.admin) {
        out.push((
            "pins.admin",
            format!("is not an argon2 hash made with `digidak hash-pin` ({e})"),
        ));
    }
    if let Some(v) = &c.pins.volunteer
        && let Err(e) = crate::pin::check_hash(v)
    {
        out.push((
            "pins.volunteer",
            format!("is not an argon2 hash made with `digidak hash-pin` ({e})"),
        ));
    }
    if let Some(url) = &c.server.url {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        let ok = rest.is_some_and(|r| {
            !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace)
        });
        if !ok {
            out.push((
                "server.url",
                format!("{url:?} is not a web address like \"https://digidak.example.org\""),
            ));
        }
    }
    if c.storage
        .data_dir
        .as_ref()
        .is_some_and(|d| d.as_os_str().is_empty())
    {
        out.push(("storage.data_dir", "must not be empty".into()));
    }
    if c.lessons
        .dir
        .as_ref()
        .is_some_and(|d| d.as_os_str().is_empty())
    {
        out.push(("lessons.dir", "must not be empty".into()));
    }
    let ra = c.lessons.read_aloud.as_str();
    if !(ra == "auto" || ra == "off" || Path::new(ra).is_absolute()) {
        out.push((
            "lessons.read_aloud",
            format!("{ra:?} is not \"auto\", \"off\" or the full path of a program"),
        ));
    }
    out
}

fn has_duplicates<T: PartialEq>(items: &[T]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, a)| items[..i].contains(a))
}

#[cfg(test)]
mod tests;

//! The table of settings: each field's path, type and what it expects. It drives the
//! `DIGIDAK_*` environment overrides and the "expected: ..." line of every error.

use super::{ConfigError, ConfigErrors, KioskConfig, error, validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    List,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Dotted path in `kiosk.toml`.
    pub path: &'static str,
    pub kind: Kind,
    /// What a good value looks like, for messages.
    pub help: &'static str,
}

impl Field {
    /// `idle.warn_after_secs` -> `DIGIDAK_IDLE_WARN_AFTER_SECS`.
    pub fn env_name(&self) -> String {
        format!("DIGIDAK_{}", self.path.replace('.', "_").to_uppercase())
    }
}

/// Every setting in `kiosk.toml`.
pub const FIELDS: &[Field] = &[
    Field {
        path: "kiosk.name",
        kind: Kind::Text,
        help: "a name of 1 to 60 characters, e.g. \"Buurthuis Noord PC 1\"",
    },
    Field {
        path: "kiosk.site",
        kind: Kind::Text,
        help: "a site id of lowercase letters, digits and dashes, e.g. \"buurthuis-noord\"",
    },
    Field {
        path: "languages.default",
        kind: Kind::Text,
        help: "one of \"nl\", \"fr\", \"en\", \"tr\", \"pl\", \"uk\", \"ro\", \"ar\"",
    },
    Field {
        path: "languages.offered",
        kind: Kind::List,
        help: "a list of \"nl\", \"fr\", \"en\", \"tr\", \"pl\", \"uk\", \"ro\", \"ar\", e.g. [\"nl\", \"fr\", \"ar\"]",
    },
    Field {
        path: "modules.enabled",
        kind: Kind::List,
        help: "a list of module names, e.g. [\"lessons\", \"activities\", \"board\", \"help\"]",
    },
    Field {
        path: "idle.warn_after_secs",
        kind: Kind::Number,
        help: "whole seconds without input before \"Are you still there?\", 15 to 3600",
    },
    Field {
        path: "idle.wipe_after_secs",
        kind: Kind::Number,
        help: "whole seconds without input before the wipe, at least warn_after_secs + 10",
    },
    Field {
        path: "idle.lesson_warn_after_secs",
        kind: Kind::Number,
        help: "whole seconds, inside a lesson, before the warning; at least warn_after_secs",
    },
    Field {
        path: "idle.lesson_wipe_after_secs",
        kind: Kind::Number,
        help: "whole seconds, inside a lesson, before the wipe; at least lesson_warn_after_secs + 10",
    },
    Field {
        path: "pins.admin",
        kind: Kind::Text,
        help: "the output of `digidak hash-pin` (an argon2 hash, starting with \"$argon2\")",
    },
    Field {
        path: "pins.volunteer",
        kind: Kind::Text,
        help: "the output of `digidak hash-pin`, or leave it out for no volunteer mode",
    },
    Field {
        path: "server.url",
        kind: Kind::Text,
        help: "a web address like \"https://digidak.example.org\", or leave it out",
    },
    Field {
        path: "storage.data_dir",
        kind: Kind::Text,
        help: "a folder path; relative paths start from the config file's folder",
    },
    Field {
        path: "lessons.dir",
        kind: Kind::Text,
        help: "a folder of lessons like assets/lessons/, or leave it out for the built-in lessons",
    },
    Field {
        path: "lessons.read_aloud",
        kind: Kind::Text,
        help: "\"auto\" (spd-say or espeak-ng when installed), \"off\", or the full path of a program",
    },
    Field {
        path: "input.keyboard",
        kind: Kind::Text,
        help: "\"auto\" (the on-screen keyboard after touch input), \"always\" or \"never\"",
    },
];

/// `DIGIDAK_*` variables that are not settings in `kiosk.toml`.
pub const RESERVED_ENV: &[&str] = &[
    "DIGIDAK_CONFIG",
    "DIGIDAK_DATA",
    "DIGIDAK_WINDOWED",
    "DIGIDAK_LOG",
    "DIGIDAK_REPORT_FIRST_FRAME",
];

pub(super) fn help_for(field: &str) -> Option<&'static str> {
    let base = field.split('[').next().unwrap_or(field);
    FIELDS.iter().find(|f| f.path == base).map(|f| f.help)
}

/// Applies `DIGIDAK_*` overrides to a parsed config, then validates the result. Errors in a
/// value that came from the environment name the variable.
pub(super) fn apply_env(
    origin: &str,
    text: &str,
    config: KioskConfig,
    env: &[(String, String)],
) -> Result<KioskConfig, ConfigErrors> {
    let mut errors = Vec::new();
    let mut overrides = Vec::new();
    for (name, value) in env {
        if !name.starts_with("DIGIDAK_") || RESERVED_ENV.contains(&name.as_str()) {
            continue;
        }
        match FIELDS.iter().find(|f| f.env_name() == *name) {
            Some(field) => overrides.push((field, name.as_str(), value.as_str())),
            None => errors.push(ConfigError {
                origin: format!("environment variable {name}"),
                line: None,
                column: None,
                field: None,
                problem: "is not a Digidak setting".into(),
                expected: Some(
                    "a setting such as DIGIDAK_KIOSK_NAME or DIGIDAK_IDLE_WARN_AFTER_SECS \
                     (see kiosk-config/README.md)",
                ),
            }),
        }
    }
    if overrides.is_empty() && errors.is_empty() {
        return Ok(config);
    }
    let mut table = toml::Table::try_from(&config).map_err(|e| {
        ConfigErrors::one(ConfigError::whole_file(origin, format!("internal: {e}")))
    })?;
    let mut current = config;
    for (field, var, raw) in &overrides {
        let env_error = |problem: String| ConfigError {
            origin: format!("environment variable {var}"),
            line: None,
            column: None,
            field: Some(field.path.to_string()),
            problem,
            expected: Some(field.help),
        };
        let value = match field.kind {
            Kind::Text => toml::Value::String(raw.to_string()),
            Kind::Number => match raw.trim().parse::<i64>() {
                Ok(n) => toml::Value::Integer(n),
                Err(_) => {
                    errors.push(env_error(format!("{raw:?} is not a whole number")));
                    continue;
                }
            },
            Kind::List => toml::Value::Array(
                raw.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| toml::Value::String(s.to_string()))
                    .collect(),
            ),
        };
        let (section, key) = field.path.split_once('.').unwrap_or((field.path, ""));
        let mut candidate = table.clone();
        if let Some(toml::Value::Table(sec)) = candidate.get_mut(section) {
            sec.insert(key.to_string(), value);
        } else {
            let mut sec = toml::Table::new();
            sec.insert(key.to_string(), value);
            candidate.insert(section.to_string(), toml::Value::Table(sec));
        }
        match candidate.clone().try_into::<KioskConfig>() {
            Ok(parsed) => {
                table = candidate;
                current = parsed;
            }
            Err(e) => errors.push(env_error(e.message().trim().replace('\n', " "))),
        }
    }
    for (path, problem) in validate(&current) {
        match overrides.iter().find(|(f, _, _)| f.path == path) {
            Some((field, var, _)) => errors.push(ConfigError {
                origin: format!("environment variable {var}"),
                line: None,
                column: None,
                field: Some(path.to_string()),
                problem,
                expected: Some(field.help),
            }),
            None => errors.push(error::at_field(origin, text, path, problem)),
        }
    }
    if errors.is_empty() {
        Ok(current)
    } else {
        Err(ConfigErrors(errors))
    }
}

//! Every visible string goes through Project Fluent files in `assets/i18n/`, built into the
//! binary (no disk access at run time). `nl` is the reference language. tr, pl, uk, ro and ar
//! translate everything residents, volunteers and the kiosk's admin mode see, and the phone
//! pages. The admin web's words (for coordinators, in nl, fr and en only) are in
//! `assets/i18n/admin/`, loaded into the same bundles.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A value put into a translated sentence (a number or a text).
pub use fluent_bundle::FluentValue;

use crate::lang::Lang;

/// The Fluent source of each language, embedded at build time.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => include_str!("../../../assets/i18n/nl.ftl"),
        Lang::Fr => include_str!("../../../assets/i18n/fr.ftl"),
        Lang::En => include_str!("../../../assets/i18n/en.ftl"),
        Lang::Tr => include_str!("../../../assets/i18n/tr.ftl"),
        Lang::Pl => include_str!("../../../assets/i18n/pl.ftl"),
        Lang::Uk => include_str!("../../../assets/i18n/uk.ftl"),
        Lang::Ro => include_str!("../../../assets/i18n/ro.ftl"),
        Lang::Ar => include_str!("../../../assets/i18n/ar.ftl"),
    }
}

/// The admin web's Fluent source of each language (`assets/i18n/admin/`), embedded at build
/// time and added to the same bundle as [`source`]. The admin web is for coordinators and
/// stays in nl, fr and en: other languages have no admin file.
pub fn admin_source(lang: Lang) -> &'static str {
    #[allow(unreachable_patterns)]
    match lang {
        Lang::Nl => include_str!("../../../assets/i18n/admin/nl.ftl"),
        Lang::Fr => include_str!("../../../assets/i18n/admin/fr.ftl"),
        Lang::En => include_str!("../../../assets/i18n/admin/en.ftl"),
        _ => "",
    }
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("assets/i18n/{lang}.ftl or assets/i18n/admin/{lang}.ftl does not parse: {detail}")]
    Parse { lang: Lang, detail: String },
}

/// All bundles, ready to format (shareable between threads: the server's pages use them).
pub struct Translations {
    /// Each language's bundle: parsed by [`Translations::load`], or on first use after
    /// [`Translations::load_on_demand`] (`None` if it did not parse).
    bundles: HashMap<Lang, OnceLock<Option<FluentBundle<FluentResource>>>>,
    /// Each language's own name (`language-name`), read from its source without parsing it,
    /// in on-demand mode: the kiosk's language buttons show all of them on every screen.
    names: HashMap<Lang, String>,
}

impl std::fmt::Debug for Translations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translations").finish_non_exhaustive()
    }
}

/// The key every language names itself with.
const LANGUAGE_NAME: &str = "language-name";

/// One language's bundle: its main file and its admin file.
fn parse(lang: Lang) -> Result<FluentBundle<FluentResource>, I18nError> {
    let langid = lang
        .code()
        .parse()
        .expect("language codes are valid identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // egui does not render Unicode isolation marks; our placeables are numbers and names.
    bundle.set_use_isolating(false);
    for text in [source(lang), admin_source(lang)] {
        let resource =
            FluentResource::try_new(text.to_string()).map_err(|(_, errs)| I18nError::Parse {
                lang,
                detail: format!("{errs:?}"),
            })?;
        bundle
            .add_resource(resource)
            .map_err(|errs| I18nError::Parse {
                lang,
                detail: format!("{errs:?}"),
            })?;
    }
    Ok(bundle)
}

/// The value of `key` when it is a one-line message of plain text (no placeables, no
/// attributes), read straight from a Fluent source.
fn plain_message(source: &str, key: &str) -> Option<String> {
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        let Some(value) = line
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(" = "))
        else {
            continue;
        };
        let continued = lines
            .next()
            .is_some_and(|next| next.starts_with([' ', '\t', '.']));
        let value = value.trim();
        return (!continued && !value.is_empty() && !value.contains(['{', '}']))
            .then(|| value.to_string());
    }
    None
}

impl Translations {
    /// Parses every language now (the server; and a check that all of them parse).
    pub fn load() -> Result<Self, I18nError> {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            bundles.insert(lang, OnceLock::from(Some(parse(lang)?)));
        }
        Ok(Self {
            bundles,
            names: HashMap::new(),
        })
    }

    /// Parses a language the first time a sentence in it is needed (the kiosk: it shows one
    /// language at a time, and each parsed language holds about 0.3 MiB). Languages' own
    /// names are there at once. The built-in sources parse (tested), so nothing fails here;
    /// a language that did not parse would show message keys and log an error.
    pub fn load_on_demand() -> Self {
        Self {
            bundles: Lang::ALL.iter().map(|&l| (l, OnceLock::new())).collect(),
            names: Lang::ALL
                .iter()
                .filter_map(|&l| plain_message(source(l), LANGUAGE_NAME).map(|n| (l, n)))
                .collect(),
        }
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .get(&lang)?
            .get_or_init(|| match parse(lang) {
                Ok(bundle) => Some(bundle),
                Err(e) => {
                    tracing::error!(error = %e, "built-in translations do not parse");
                    None
                }
            })
            .as_ref()
    }

    /// The message `key` in `lang`. A missing key shows the key itself (and tests fail on it).
    pub fn get(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None)
    }

    /// The message `key` with arguments, e.g. `("seconds", 30)`.
    pub fn get_args(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.clone());
        }
        self.format(lang, key, Some(&fargs))
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        if key == LANGUAGE_NAME
            && let Some(name) = self.names.get(&lang)
        {
            return name.clone();
        }
        let Some(bundle) = self.bundle(lang) else {
            return key.to_string();
        };
        let found = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .map(|p| (bundle, p));
        // The admin web's keys are only in nl/fr/en: the other languages fall back to English.
        let found = found.or_else(|| {
            if lang.is_base() {
                return None;
            }
            let en = self.bundle(Lang::En)?;
            en.get_message(key).and_then(|m| m.value()).map(|p| (en, p))
        });
        let Some((bundle, pattern)) = found else {
            tracing::error!(key, %lang, "missing translation");
            return key.to_string();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(key, %lang, ?errors, "translation did not format");
        }
        text.into_owned()
    }

    /// Message keys defined for `lang` (the admin web's too).
    pub fn keys(lang: Lang) -> Vec<String> {
        let mut keys = keys_of(source(lang));
        keys.extend(keys_of(admin_source(lang)));
        keys
    }
}

/// The message keys of one Fluent source.
fn keys_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// A Fluent number argument.
pub fn num(n: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(n.into())
}

/// A Fluent text argument.
pub fn text(s: &str) -> FluentValue<'static> {
    FluentValue::from(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let reference = Translations::keys(Lang::Nl);
        assert!(reference.len() > 20);
        // The admin web (`assets/i18n/admin/`) stays in nl/fr/en for the coordinators; the
        // main files hold everything else, complete in all eight languages.
        assert!(!admin_source(Lang::Nl).is_empty() && admin_source(Lang::Ar).is_empty());
        for lang in Lang::ALL {
            let keys = Translations::keys(lang);
            // The admin web is in nl, fr and en only: a language without its admin file is
            // held to the main file's keys.
            let reference: Vec<String> = if admin_source(lang).is_empty() {
                keys_of(source(Lang::Nl))
            } else {
                reference.clone()
            };
            let missing: Vec<_> = reference.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<_> = keys.iter().filter(|k| !reference.contains(k)).collect();
            assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang}.ftl has keys nl.ftl lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn on_demand_parses_a_language_when_needed_and_says_the_same() {
        let eager = Translations::load().unwrap();
        let lazy = Translations::load_on_demand();
        // Every language's own name, without parsing any of them.
        for lang in Lang::ALL {
            assert_eq!(
                lazy.get(lang, LANGUAGE_NAME),
                eager.get(lang, LANGUAGE_NAME),
                "{lang}"
            );
        }
        assert!(lazy.bundles.values().all(|b| b.get().is_none()));
        // A sentence parses its language only.
        let key = keys_of(source(Lang::Nl))
            .into_iter()
            .find(|k| k != LANGUAGE_NAME)
            .unwrap();
        assert_eq!(lazy.get(Lang::Tr, &key), eager.get(Lang::Tr, &key));
        assert!(lazy.bundles[&Lang::Tr].get().is_some());
        assert!(lazy.bundles[&Lang::Uk].get().is_none());
        // Then every message of every language says the same as when parsed at once.
        for lang in Lang::ALL {
            for key in Translations::keys(lang) {
                assert_eq!(lazy.get(lang, &key), eager.get(lang, &key), "{lang} {key}");
            }
        }
    }

    #[test]
    fn plain_messages_only() {
        let src = "a = A\nb = B {$n}\nc =\n    C\nd = D\n    .title = T\ne = E\n";
        assert_eq!(plain_message(src, "a").as_deref(), Some("A"));
        assert_eq!(plain_message(src, "b"), None);
        assert_eq!(plain_message(src, "c"), None);
        assert_eq!(plain_message(src, "d"), None);
        assert_eq!(plain_message(src, "e").as_deref(), Some("E"));
        assert_eq!(plain_message(src, "f"), None);
    }

    #[test]
    fn every_message_formats_without_error() {
        let t = Translations::load().unwrap();
        for lang in Lang::ALL {
            for key in Translations::keys(lang) {
                let bundle = t.bundle(lang).unwrap();
                let pattern = bundle.get_message(&key).unwrap().value().unwrap();
                let mut args = FluentArgs::new();
                for name in [
                    "seconds",
                    "warn",
                    "wipe",
                    "version",
                    "recommended",
                    "minutes",
                    "name",
                    "volunteer",
                    "site",
                    "url",
                    "count",
                    "error",
                    "kiosk",
                    "step",
                    "total",
                    "language",
                    "title",
                    "topic",
                    "days",
                    "origin",
                    "month",
                    "opened",
                    "finished",
                    "list",
                    "position",
                    "here",
                    "expected",
                    "state",
                    "date",
                    "path",
                    "field",
                    "n",
                    "number",
                    "contact",
                    "reason",
                    "who",
                    "what",
                    "ago",
                    "waiting",
                    "capacity",
                    "last",
                    "this",
                    "until",
                    "at",
                    "kb",
                    "max",
                    "width",
                    "height",
                    "day",
                    "partner",
                ] {
                    args.set(name, "x");
                }
                let mut errors = Vec::new();
                let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} {key}: {errors:?}");
                assert!(!out.trim().is_empty(), "{lang} {key} is empty");
            }
        }
    }

    #[test]
    fn each_language_names_itself() {
        let t = Translations::load().unwrap();
        assert_eq!(t.get(Lang::Nl, "language-name"), "Nederlands");
        assert_eq!(t.get(Lang::Fr, "language-name"), "Français");
        assert_eq!(t.get(Lang::En, "language-name"), "English");
        assert_eq!(t.get(Lang::Tr, "language-name"), "Türkçe");
        assert_eq!(t.get(Lang::Pl, "language-name"), "Polski");
        assert_eq!(t.get(Lang::Uk, "language-name"), "Українська");
        assert_eq!(t.get(Lang::Ro, "language-name"), "Română");
        assert_eq!(t.get(Lang::Ar, "language-name"), "العربية");
    }

    #[test]
    fn the_admin_web_falls_back_to_english_in_the_other_languages() {
        let t = Translations::load().unwrap();
        assert_eq!(
            t.get(Lang::Tr, "adminweb-login"),
            t.get(Lang::En, "adminweb-login")
        );
        assert_ne!(t.get(Lang::Tr, "nav-back"), t.get(Lang::En, "nav-back"));
    }

    #[test]
    fn plurals_follow_each_language() {
        let t = Translations::load().unwrap();
        let places =
            |lang, n: u32| t.get_args(lang, "activities-places-left", &[("count", num(n))]);
        assert_eq!(places(Lang::Pl, 1), "Zostało 1 miejsce");
        assert_eq!(places(Lang::Pl, 3), "Zostały 3 miejsca");
        assert_eq!(places(Lang::Pl, 5), "Zostało 5 miejsc");
        assert_eq!(places(Lang::Uk, 1), "Залишилося 1 місце");
        assert_eq!(places(Lang::Uk, 3), "Залишилося 3 місця");
        assert_eq!(places(Lang::Uk, 5), "Залишилося 5 місць");
        assert_eq!(places(Lang::Ro, 1), "A mai rămas 1 loc");
        assert_eq!(places(Lang::Ro, 20), "Au mai rămas 20 de locuri");
        assert_eq!(places(Lang::Ar, 2), "بقي مكانان");
        assert_eq!(places(Lang::Tr, 4), "4 yer kaldı");
    }

    #[test]
    fn every_key_used_in_the_code_exists() {
        let keys = Translations::keys(Lang::Nl);
        let mut used = Vec::new();
        // Every crate of the workspace: the kiosk (`src/`) and `crates/*/src`.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        collect_used_keys(root.join("src"), &mut used);
        collect_used_keys(root.join("crates"), &mut used);
        assert!(!used.is_empty());
        let missing: Vec<_> = used.iter().filter(|k| !keys.contains(k)).collect();
        assert!(
            missing.is_empty(),
            "keys used in src/ but not in nl.ftl: {missing:?}"
        );
    }

    /// Finds string literals passed as the key of `.tr(` and `.tr_args(`.
    fn collect_used_keys(dir: std::path::PathBuf, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                collect_used_keys(path, out);
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            for marker in [".tr(\"", ".tr_args(\""] {
                for (i, _) in code.match_indices(marker) {
                    let rest = &code[i + marker.len()..];
                    if let Some(end) = rest.find('"') {
                        out.push(rest[..end].to_string());
                    }
                }
            }
        }
    }
}

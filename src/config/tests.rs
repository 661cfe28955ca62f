use super::*;

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The demo config with one line replaced.
fn demo_with(from: &str, to: &str) -> String {
    assert!(DEMO_CONFIG.contains(from), "demo config lacks {from:?}");
    DEMO_CONFIG.replacen(from, to, 1)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

fn only_error(result: Result<KioskConfig, ConfigErrors>) -> ConfigError {
    let errors = result.expect_err("config should be rejected");
    assert_eq!(errors.0.len(), 1, "{errors}");
    errors.0.into_iter().next().unwrap()
}

#[test]
fn demo_config_is_valid() {
    let c = parse("demo", DEMO_CONFIG, &[]).unwrap();
    assert_eq!(c.kiosk.site, "demo-buurthuis");
    assert_eq!(c.languages.default, Lang::Nl);
    assert!(c.module_enabled(Module::HELP));
    assert!(c.pins.volunteer.is_some());
}

#[test]
fn empty_file_needs_an_admin_pin() {
    let e = only_error(parse("k.toml", "", &[]));
    assert_eq!(e.field.as_deref(), Some("pins.admin"));
    assert!(e.problem.contains("not set in this file"), "{e}");
}

#[test]
fn bad_toml_names_line() {
    let text = demo_with("name = \"Demo kiosk\"", "name = \"Demo kiosk");
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.line, Some(line_of(&text, "name = \"Demo kiosk")));
    assert!(e.to_string().starts_with("k.toml:"), "{e}");
}

#[test]
fn wrong_type_names_field_and_expectation() {
    let text = demo_with("warn_after_secs = 120", "warn_after_secs = \"two minutes\"");
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.field.as_deref(), Some("idle.warn_after_secs"));
    assert_eq!(e.line, Some(line_of(&text, "two minutes")));
    assert!(e.expected.unwrap().contains("whole seconds"));
}

#[test]
fn unknown_key_is_an_error() {
    let text = demo_with("[idle]\n", "[idle]\nwarn_after_sec = 60\n");
    let e = only_error(parse("k.toml", &text, &[]));
    assert!(e.problem.contains("unknown field"), "{e}");
    assert!(e.problem.contains("warn_after_sec"), "{e}");
    assert_eq!(e.line, Some(line_of(&text, "warn_after_sec =")));
}

#[test]
fn unknown_language_in_list_names_the_item() {
    let text = demo_with(
        "offered = [\"nl\", \"fr\", \"en\", \"tr\", \"pl\", \"uk\", \"ro\", \"ar\"]",
        "offered = [\"nl\", \"de\"]",
    );
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.field.as_deref(), Some("languages.offered[1]"));
    assert!(e.problem.contains("de"), "{e}");
    // The message lists what is available.
    assert!(e.to_string().contains("\"uk\""), "{e}");
    assert!(e.to_string().contains("\"ar\""), "{e}");
}

#[test]
fn every_language_can_be_offered() {
    let c = parse(
        "demo",
        DEMO_CONFIG,
        &env(&[
            ("DIGIDAK_LANGUAGES_OFFERED", "ar,tr,nl"),
            ("DIGIDAK_LANGUAGES_DEFAULT", "ar"),
        ]),
    )
    .unwrap();
    assert_eq!(c.languages.offered, vec![Lang::Ar, Lang::Tr, Lang::Nl]);
    assert_eq!(c.languages.default, Lang::Ar);
    let demo = parse("demo", DEMO_CONFIG, &[]).unwrap();
    assert_eq!(demo.languages.offered, Lang::ALL.to_vec());
    assert_eq!(
        KioskConfig::default().languages.offered,
        Lang::BASE.to_vec()
    );
}

#[test]
fn wipe_before_warning_is_impossible() {
    let text = demo_with("wipe_after_secs = 150", "wipe_after_secs = 60");
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.field.as_deref(), Some("idle.wipe_after_secs"));
    assert_eq!(e.line, Some(line_of(&text, "wipe_after_secs = 60")));
    assert!(e.problem.contains("after the warning"), "{e}");
}

#[test]
fn default_language_must_be_offered() {
    let text = demo_with(
        "offered = [\"nl\", \"fr\", \"en\", \"tr\", \"pl\", \"uk\", \"ro\", \"ar\"]",
        "offered = [\"fr\", \"en\", \"ar\"]",
    );
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.field.as_deref(), Some("languages.default"));
}

#[test]
fn unbuilt_module_is_rejected() {
    let text = demo_with(
        "enabled = [\"lessons\", \"activities\", \"board\", \"help\", \"partners\"]",
        "enabled = [\"lessons\", \"chat\"]",
    );
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.field.as_deref(), Some("modules.enabled[1]"));
}

#[test]
fn plain_pin_is_rejected() {
    let start = DEMO_CONFIG.find("admin = \"$argon2").unwrap();
    let end = start + DEMO_CONFIG[start..].find('\n').unwrap();
    let text = format!(
        "{}admin = \"1357\"{}",
        &DEMO_CONFIG[..start],
        &DEMO_CONFIG[end..]
    );
    let e = only_error(parse("k.toml", &text, &[]));
    assert_eq!(e.field.as_deref(), Some("pins.admin"));
    assert!(e.problem.contains("hash-pin"), "{e}");
}

#[test]
fn several_problems_are_all_reported() {
    let text = demo_with("site = \"demo-buurthuis\"", "site = \"Demo Buurthuis\"").replacen(
        "wipe_after_secs = 150",
        "wipe_after_secs = 100",
        1,
    );
    let errors = parse("k.toml", &text, &[]).unwrap_err();
    assert_eq!(errors.0.len(), 2, "{errors}");
}

#[test]
fn environment_wins_over_file() {
    let c = parse(
        "demo",
        DEMO_CONFIG,
        &env(&[
            ("DIGIDAK_KIOSK_NAME", "PC 2"),
            ("DIGIDAK_IDLE_WARN_AFTER_SECS", "60"),
            ("DIGIDAK_LANGUAGES_OFFERED", "nl, en"),
            ("DIGIDAK_CONFIG", "ignored: a reserved variable"),
            ("PATH", "/bin"),
        ]),
    )
    .unwrap();
    assert_eq!(c.kiosk.name, "PC 2");
    assert_eq!(c.idle.warn_after_secs, 60);
    assert_eq!(c.languages.offered, vec![Lang::Nl, Lang::En]);
}

#[test]
fn bad_environment_value_names_the_variable() {
    let e = only_error(parse(
        "demo",
        DEMO_CONFIG,
        &env(&[("DIGIDAK_IDLE_WIPE_AFTER_SECS", "30")]),
    ));
    assert_eq!(
        e.origin,
        "environment variable DIGIDAK_IDLE_WIPE_AFTER_SECS"
    );
    assert_eq!(e.field.as_deref(), Some("idle.wipe_after_secs"));

    let e = only_error(parse(
        "demo",
        DEMO_CONFIG,
        &env(&[("DIGIDAK_IDLE_WARN_AFTER_SECS", "soon")]),
    ));
    assert!(e.problem.contains("whole number"), "{e}");

    let e = only_error(parse(
        "demo",
        DEMO_CONFIG,
        &env(&[("DIGIDAK_LANGUAGES_DEFAULT", "de")]),
    ));
    assert_eq!(e.origin, "environment variable DIGIDAK_LANGUAGES_DEFAULT");
}

#[test]
fn unknown_environment_setting_is_an_error() {
    let e = only_error(parse(
        "demo",
        DEMO_CONFIG,
        &env(&[("DIGIDAK_IDEL_WARN_AFTER_SECS", "60")]),
    ));
    assert!(e.origin.contains("DIGIDAK_IDEL_WARN_AFTER_SECS"));
}

#[test]
fn every_field_is_in_the_table() {
    let mut full = KioskConfig::default();
    full.pins.volunteer = Some("x".into());
    full.server.url = Some("https://x".into());
    full.storage.data_dir = Some("d".into());
    full.lessons.dir = Some("l".into());
    let table = toml::Table::try_from(&full).unwrap();
    let mut paths: Vec<String> = table
        .iter()
        .flat_map(|(s, v)| {
            v.as_table()
                .unwrap()
                .keys()
                .map(move |k| format!("{s}.{k}"))
        })
        .collect();
    paths.sort();
    let mut listed: Vec<String> = FIELDS.iter().map(|f| f.path.to_string()).collect();
    listed.sort();
    assert_eq!(paths, listed);
}

#[test]
fn missing_file_is_named() {
    let errors = load(Some(Path::new("/nonexistent/kiosk.toml")), &[]).unwrap_err();
    assert!(errors.to_string().contains("/nonexistent/kiosk.toml"));
}

#[test]
fn relative_data_dir_follows_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kiosk.toml");
    std::fs::write(
        &path,
        demo_with("# data_dir = \"/var/lib/digidak\"", "data_dir = \"data\""),
    )
    .unwrap();
    let loaded = load(Some(&path), &[]).unwrap();
    assert_eq!(
        loaded.config.storage.data_dir,
        Some(dir.path().join("data"))
    );
}

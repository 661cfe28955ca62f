//! Local partners (the OCMW, a care organisation, a housing company): the rules both sides
//! apply. Checking and cleaning what an admin typed ([`check_partner`]), opening hours
//! (typed as `mon-fri 9:00-12:00 13:00-17:00; sat 10:00-12:00`, [`parse_week`]), whether a
//! partner is open now or when it opens next, in Brussels time ([`open_state`], in words:
//! [`open_in_words`]), and which partners cover a board category ([`covering`]).

use digidak_protocol::{OpenHours, PartnerRecord};

use crate::board::Category;
use crate::i18n::Translations;
use crate::lang::Lang;

/// Longest name, description, address and contact.
pub const MAX_NAME: usize = 80;
pub const MAX_DESCRIPTION: usize = 300;
pub const MAX_ADDRESS: usize = 120;
pub const MAX_CONTACT: usize = 120;
/// Most opening spans in a week.
pub const MAX_SPANS: usize = 28;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// The Dutch and French short names an admin may type too.
const DAYS_NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const DAYS_FR: [&str; 7] = ["lu", "ma", "me", "je", "ve", "sa", "di"];

/// Why a partner cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartnerProblem {
    #[error("a partner needs a name")]
    NoName,
    #[error("a partner id is a UUID")]
    BadId,
    #[error("unknown board category {0:?}")]
    UnknownCategory(String),
    #[error("opening hours: {0}")]
    BadHours(String),
    #[error("unknown picture {0:?}: use a name of the shared pictures")]
    BadPicture(String),
    #[error("a logo is named by its SHA-256: 64 lowercase hex digits")]
    BadLogo,
}

fn minutes(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

fn hhmm(min: u16) -> String {
    format!("{:02}:{:02}", min / 60, min % 60)
}

/// A span's minutes after midnight, if it reads.
fn span_minutes(h: &OpenHours) -> Option<(u16, u16)> {
    let (from, to) = (minutes(&h.from)?, minutes(&h.to)?);
    (h.day < 7 && from < to).then_some((from, to))
}

fn day_index(s: &str) -> Option<u8> {
    let s = s.trim().to_lowercase();
    for names in [DAYS, DAYS_NL] {
        if let Some(i) = names.iter().position(|d| *d == s) {
            return Some(i as u8);
        }
    }
    DAYS_FR.iter().position(|d| *d == s).map(|i| i as u8)
}

/// Times of one day: `9:00-12:00 13:00-17:00` (spaces or commas between spans).
pub fn parse_day(day: u8, text: &str) -> Result<Vec<OpenHours>, String> {
    let mut out = Vec::new();
    for span in text
        .split([' ', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let (from, to) = span
            .split_once(['-', '–'])
            .ok_or_else(|| format!("{span:?} is not like 9:00-12:00"))?;
        let (Some(f), Some(t)) = (minutes(from), minutes(to)) else {
            return Err(format!("{span:?} is not like 9:00-12:00"));
        };
        if f >= t {
            return Err(format!("{span:?} ends before it starts"));
        }
        out.push(OpenHours {
            day,
            from: hhmm(f),
            to: hhmm(t),
        });
    }
    Ok(out)
}

/// A week as typed: days (`mon`, `mon-fri`, also `ma`-`zo`) and their spans, days separated
/// by `;`: `mon-fri 9:00-12:00 13:00-17:00; sat 10:00-12:00`. Empty is "no hours known".
pub fn parse_week(text: &str) -> Result<Vec<OpenHours>, String> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let (days, times) = part
            .split_once(' ')
            .ok_or_else(|| format!("{part:?}: a day and times, like mon 9:00-12:00"))?;
        let (first, last) = match days.split_once('-') {
            Some((a, b)) => (day_index(a), day_index(b)),
            None => (day_index(days), day_index(days)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            return Err(format!("{days:?} is not a day like mon or mon-fri"));
        };
        if first > last {
            return Err(format!("{days:?}: the first day comes after the last"));
        }
        for d in first..=last {
            out.extend(parse_day(d, times)?);
        }
    }
    sort_spans(&mut out);
    Ok(out)
}

fn sort_spans(spans: &mut [OpenHours]) {
    spans.sort_by_key(|h| (h.day, span_minutes(h).map(|m| m.0)));
}

/// The spans of one day as they are typed back: `09:00-12:00 13:00-17:00`.
pub fn day_text(spans: &[OpenHours], day: u8) -> String {
    spans
        .iter()
        .filter(|h| h.day == day)
        .map(|h| format!("{}-{}", h.from, h.to))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The week as [`parse_week`] reads it back.
pub fn week_text(spans: &[OpenHours]) -> String {
    (0..7u8)
        .filter_map(|d| {
            let t = day_text(spans, d);
            (!t.is_empty()).then(|| format!("{} {t}", DAYS[d as usize]))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks and cleans a partner as an admin saved it (both the server and the kiosk run it).
/// `picture_ok` says whether a picture key exists.
pub fn check_partner(
    p: &PartnerRecord,
    picture_ok: impl Fn(&str) -> bool,
) -> Result<PartnerRecord, PartnerProblem> {
    if uuid::Uuid::parse_str(&p.id).is_err() {
        return Err(PartnerProblem::BadId);
    }
    let name = crate::text::clean_line(&p.name, MAX_NAME);
    if name.trim().is_empty() {
        return Err(PartnerProblem::NoName);
    }
    let mut categories = Vec::new();
    for c in &p.categories {
        let Some(cat) = Category::from_id(c.trim()) else {
            return Err(PartnerProblem::UnknownCategory(c.clone()));
        };
        if !categories.contains(&cat.id().to_string()) {
            categories.push(cat.id().to_string());
        }
    }
    if p.hours.len() > MAX_SPANS {
        return Err(PartnerProblem::BadHours(format!(
            "at most {MAX_SPANS} spans a week"
        )));
    }
    let mut hours = Vec::with_capacity(p.hours.len());
    for h in &p.hours {
        let Some((from, to)) = span_minutes(h) else {
            return Err(PartnerProblem::BadHours(format!(
                "day {} {}-{} does not read",
                h.day, h.from, h.to
            )));
        };
        hours.push(OpenHours {
            day: h.day,
            from: hhmm(from),
            to: hhmm(to),
        });
    }
    sort_spans(&mut hours);
    let picture = p.picture.trim().to_string();
    if !picture.is_empty() && !picture_ok(&picture) {
        return Err(PartnerProblem::BadPicture(picture));
    }
    if !p.logo.is_empty() && !crate::logo::is_logo_hash(&p.logo) {
        return Err(PartnerProblem::BadLogo);
    }
    Ok(PartnerRecord {
        id: p.id.clone(),
        name: name.trim().to_string(),
        description: crate::text::clean_text(&p.description, MAX_DESCRIPTION, true)
            .trim()
            .to_string(),
        picture,
        categories,
        hours,
        address: crate::text::clean_line(&p.address, MAX_ADDRESS)
            .trim()
            .to_string(),
        contact: crate::text::clean_line(&p.contact, MAX_CONTACT)
            .trim()
            .to_string(),
        deleted: p.deleted,
        trusted: p.trusted,
        logo: p.logo.clone(),
    })
}

/// Whether a partner is open, by its hours and the Brussels time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Open now, until this minute of the day.
    OpenUntil(u16),
    /// Opens later today at this minute.
    OpensToday(u16),
    /// Opens tomorrow at this minute.
    OpensTomorrow(u16),
    /// Opens on this weekday (0 = Monday) at this minute, within the week.
    OpensOn(u8, u16),
    /// No hours known.
    NoHours,
}

/// Whether a partner with `hours` is open at `now_ms` (Brussels time), or when it opens next.
pub fn open_state(hours: &[OpenHours], now_ms: i64) -> OpenState {
    let spans: Vec<(u8, u16, u16)> = hours
        .iter()
        .filter_map(|h| span_minutes(h).map(|(f, t)| (h.day, f, t)))
        .collect();
    if spans.is_empty() {
        return OpenState::NoHours;
    }
    let ts = jiff::Timestamp::from_millisecond(now_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let local = ts.to_zoned(crate::activities::brussels()).datetime();
    let today = local.weekday().to_monday_zero_offset() as u8;
    let now = local.hour() as u16 * 60 + local.minute() as u16;
    // Open now: a span of today that holds now (spans that touch run on).
    if let Some(&(_, _, mut until)) = spans
        .iter()
        .find(|(d, f, t)| *d == today && *f <= now && now < *t)
    {
        while let Some(&(_, _, t)) = spans
            .iter()
            .find(|(d, f, t)| *d == today && *f <= until && *t > until)
        {
            until = t;
        }
        return OpenState::OpenUntil(until);
    }
    for ahead in 0..8u8 {
        let day = (today + ahead) % 7;
        let next = spans
            .iter()
            .filter(|(d, f, _)| *d == day && (ahead > 0 || *f > now))
            .map(|(_, f, _)| *f)
            .min();
        if let Some(at) = next {
            return match ahead {
                0 => OpenState::OpensToday(at),
                1 => OpenState::OpensTomorrow(at),
                _ => OpenState::OpensOn(day, at),
            };
        }
    }
    OpenState::NoHours
}

/// "Nu open, tot 17:00" / "Morgen vanaf 9:00" / "Donderdag vanaf 9:00", in `lang`.
pub fn open_in_words(tr: &Translations, lang: Lang, state: OpenState) -> String {
    let time = |m: u16| format!("{}:{:02}", m / 60, m % 60);
    match state {
        OpenState::OpenUntil(m) => {
            tr.get_args(lang, "partners-open-now", &[("until", time(m).into())])
        }
        OpenState::OpensToday(m) => {
            tr.get_args(lang, "partners-opens-today", &[("at", time(m).into())])
        }
        OpenState::OpensTomorrow(m) => {
            tr.get_args(lang, "partners-opens-tomorrow", &[("at", time(m).into())])
        }
        OpenState::OpensOn(d, m) => {
            let day = crate::activities::WEEKDAYS[crate::activities::lang_index(lang)][d as usize];
            let words = tr.get_args(
                lang,
                "partners-opens-on",
                &[("day", day.to_string().into()), ("at", time(m).into())],
            );
            // The weekday starts the sentence: "Maandag vanaf 9:00".
            let mut chars = words.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => words,
            }
        }
        OpenState::NoHours => tr.get(lang, "partners-no-hours"),
    }
}

/// A weekday's name (0 = Monday) in `lang`.
pub fn weekday_name(lang: Lang, day: u8) -> &'static str {
    crate::activities::WEEKDAYS[crate::activities::lang_index(lang)][day as usize % 7]
}

/// The week's hours in words, one line a day with hours: "maandag 9:00–12:00, 13:00–17:00".
pub fn week_in_words(hours: &[OpenHours], lang: Lang) -> Vec<String> {
    let names = &crate::activities::WEEKDAYS[crate::activities::lang_index(lang)];
    (0..7u8)
        .filter_map(|d| {
            let spans: Vec<String> = hours
                .iter()
                .filter(|h| h.day == d)
                .filter_map(span_minutes)
                .map(|(f, t)| format!("{}:{:02}–{}:{:02}", f / 60, f % 60, t / 60, t % 60))
                .collect();
            (!spans.is_empty()).then(|| format!("{} {}", names[d as usize], spans.join(", ")))
        })
        .collect()
}

/// The partners (not removed) that help with `category`, by name: the "who can also help"
/// of the board's confirmation screen and the "Wie kan helpen" pages.
pub fn covering<'a>(partners: &'a [PartnerRecord], category: &str) -> Vec<&'a PartnerRecord> {
    let mut out: Vec<&PartnerRecord> = partners
        .iter()
        .filter(|p| !p.deleted && p.categories.iter().any(|c| c == category))
        .collect();
    out.sort_by_key(|p| p.name.to_lowercase());
    out
}

/// The kinds of care signal, in the order the volunteer's screen shows them.
pub const SIGNAL_KINDS: [&str; 5] = ["loneliness", "debt", "housing", "health", "other"];
/// Longest note of a signal, and phone number.
pub const MAX_SIGNAL_NOTE: usize = 300;
pub const MAX_PHONE: usize = 30;
/// Days the personal part of a signal nobody handled is kept.
pub const KEEP_SIGNAL_DAYS: u32 = 30;

/// Checks and cleans a care signal (both sides): its kind, the resident's consent (none: the
/// signal cannot be sent), the note and phone cleaned and cut.
pub fn check_signal(
    s: &digidak_protocol::SignalCreated,
) -> Result<digidak_protocol::SignalCreated, String> {
    if !s.consent {
        return Err("a signal needs the resident's consent".into());
    }
    if uuid::Uuid::parse_str(&s.id).is_err() || uuid::Uuid::parse_str(&s.partner_id).is_err() {
        return Err("a signal and its partner have UUIDs".into());
    }
    if !SIGNAL_KINDS.contains(&s.kind.as_str()) {
        return Err(format!("unknown kind of signal {:?}", s.kind));
    }
    if Lang::from_code(&s.lang).is_none() {
        return Err(format!("unknown language {:?}", s.lang));
    }
    let phone = s
        .phone
        .as_deref()
        .map(|p| crate::text::clean_line(p, MAX_PHONE).trim().to_string())
        .filter(|p| !p.is_empty());
    if phone.as_deref().is_some_and(|p| {
        !p.chars()
            .all(|c| c.is_ascii_digit() || " +-./()".contains(c))
    }) {
        return Err("a phone number is digits, spaces and + - . / ( )".into());
    }
    Ok(digidak_protocol::SignalCreated {
        id: s.id.clone(),
        partner_id: s.partner_id.clone(),
        kind: s.kind.clone(),
        note: crate::text::clean_text(&s.note, MAX_SIGNAL_NOTE, true)
            .trim()
            .to_string(),
        phone,
        lang: s.lang.clone(),
        consent: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(local: &str) -> i64 {
        crate::activities::local_to_unix_ms(local).unwrap()
    }

    fn week() -> Vec<OpenHours> {
        parse_week("mon-fri 9:00-12:00 13:00-17:00; sat 10:00-12:00").unwrap()
    }

    #[test]
    fn a_typed_week_reads_and_reads_back() {
        let w = week();
        assert_eq!(w.len(), 11);
        assert_eq!(w[0].from, "09:00");
        assert_eq!(
            week_text(&w),
            "mon 09:00-12:00 13:00-17:00; tue 09:00-12:00 13:00-17:00; \
             wed 09:00-12:00 13:00-17:00; thu 09:00-12:00 13:00-17:00; \
             fri 09:00-12:00 13:00-17:00; sat 10:00-12:00"
        );
        assert_eq!(parse_week(&week_text(&w)).unwrap(), w);
        assert_eq!(parse_week("ma-vr 9:00-17:00").unwrap().len(), 5);
        assert!(parse_week("").unwrap().is_empty());
        for bad in [
            "mon",
            "mon 9-12",
            "mon 12:00-9:00",
            "xyz 9:00-12:00",
            "fri-mon 9:00-12:00",
            "mon 25:00-26:00",
        ] {
            assert!(parse_week(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn open_now_or_when_next_in_brussels_time() {
        let w = week();
        // Friday 27 November 2026.
        assert_eq!(
            open_state(&w, at("2026-11-27T10:30")),
            OpenState::OpenUntil(720)
        );
        assert_eq!(
            open_state(&w, at("2026-11-27T12:30")),
            OpenState::OpensToday(780)
        );
        assert_eq!(
            open_state(&w, at("2026-11-27T17:00")),
            OpenState::OpensTomorrow(600)
        );
        assert_eq!(
            open_state(&w, at("2026-11-27T08:59")),
            OpenState::OpensToday(540)
        );
        // Saturday after closing: Monday.
        assert_eq!(
            open_state(&w, at("2026-11-28T12:00")),
            OpenState::OpensOn(0, 540)
        );
        // Sunday: tomorrow.
        assert_eq!(
            open_state(&w, at("2026-11-29T15:00")),
            OpenState::OpensTomorrow(540)
        );
        // Summer time: 9:30 in Brussels is 7:30 UTC.
        assert_eq!(
            open_state(&w, at("2026-07-01T09:30")),
            OpenState::OpenUntil(720)
        );
        assert_eq!(open_state(&[], at("2026-07-01T09:30")), OpenState::NoHours);
        // Spans that touch run on.
        let w = parse_week("mon 9:00-12:00 12:00-14:00").unwrap();
        assert_eq!(
            open_state(&w, at("2026-11-30T11:00")),
            OpenState::OpenUntil(840)
        );
        // Only a Monday, on a Monday after closing: next week.
        assert_eq!(
            open_state(&w, at("2026-11-30T15:00")),
            OpenState::OpensOn(0, 540)
        );
    }

    #[test]
    fn open_state_in_words() {
        let tr = Translations::load().unwrap();
        let w = week();
        assert_eq!(
            open_in_words(&tr, Lang::Nl, open_state(&w, at("2026-11-27T17:00"))),
            "Morgen vanaf 10:00"
        );
        assert_eq!(
            open_in_words(&tr, Lang::Nl, open_state(&w, at("2026-11-27T10:00"))),
            "Nu open, tot 12:00"
        );
        let monday = open_in_words(&tr, Lang::Fr, open_state(&w, at("2026-11-28T12:00")));
        assert!(
            monday.starts_with("Lundi") && monday.contains("9:00"),
            "{monday}"
        );
        assert_eq!(
            week_in_words(&w, Lang::Nl)[5],
            "zaterdag 10:00–12:00".to_string()
        );
    }

    #[test]
    fn a_signal_without_consent_cannot_be_sent() {
        let s = digidak_protocol::SignalCreated {
            id: "0190b6f4-0000-7000-8000-000000000001".into(),
            partner_id: "0190b6f4-0000-7000-8000-000000000002".into(),
            kind: "debt".into(),
            note: "Brieven\u{202e} van de deurwaarder".into(),
            phone: Some(" 0470 12 34 56 ".into()),
            lang: "ar".into(),
            consent: true,
        };
        let ok = check_signal(&s).unwrap();
        assert_eq!(ok.note, "Brieven van de deurwaarder");
        assert_eq!(ok.phone.as_deref(), Some("0470 12 34 56"));
        for bad in [
            digidak_protocol::SignalCreated {
                consent: false,
                ..s.clone()
            },
            digidak_protocol::SignalCreated {
                kind: "gossip".into(),
                ..s.clone()
            },
            digidak_protocol::SignalCreated {
                phone: Some("call <me>".into()),
                ..s.clone()
            },
            digidak_protocol::SignalCreated {
                lang: "xx".into(),
                ..s.clone()
            },
        ] {
            assert!(check_signal(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn partners_are_checked_and_cleaned() {
        let p = PartnerRecord {
            id: "0190b6f4-0000-7000-8000-000000000001".into(),
            name: "  De Ark\u{202e} ".into(),
            description: "Hulp bij brieven.".into(),
            picture: "letter".into(),
            categories: vec!["paperwork".into(), "paperwork".into()],
            hours: week(),
            address: "Kerkstraat 1".into(),
            contact: "02 123 45 67".into(),
            deleted: false,
            trusted: false,
            logo: String::new(),
        };
        let ok = check_partner(&p, |k| k == "letter").unwrap();
        assert_eq!(ok.name, "De Ark");
        assert_eq!(ok.categories, vec!["paperwork".to_string()]);
        let bad = |f: fn(&mut PartnerRecord)| {
            let mut q = p.clone();
            f(&mut q);
            check_partner(&q, |k| k == "letter").unwrap_err()
        };
        assert_eq!(bad(|q| q.name = " ".into()), PartnerProblem::NoName);
        assert_eq!(bad(|q| q.id = "x".into()), PartnerProblem::BadId);
        assert!(matches!(
            bad(|q| q.categories = vec!["housing".into()]),
            PartnerProblem::UnknownCategory(_)
        ));
        assert!(matches!(
            bad(|q| q.hours[0].to = "08:00".into()),
            PartnerProblem::BadHours(_)
        ));
        assert!(matches!(
            bad(|q| q.picture = "../etc".into()),
            PartnerProblem::BadPicture(_)
        ));
        let list = vec![
            ok.clone(),
            PartnerRecord {
                name: "Buurtwerk".into(),
                categories: vec!["computer".into()],
                ..ok.clone()
            },
            PartnerRecord {
                name: "Weg".into(),
                deleted: true,
                ..ok.clone()
            },
        ];
        let c: Vec<&str> = covering(&list, "paperwork")
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(c, vec!["De Ark"]);
    }
}

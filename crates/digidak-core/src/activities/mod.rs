//! Activities: the rules both the kiosk and the server apply (what a valid activity and sign-up
//! look like), local time in Europe/Brussels, dates written out in words, sign-up codes, and
//! monthly series. No egui, no HTTP, no SQL.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;

use crate::lang::Lang;
use crate::text::clean_text;
use digidak_protocol::ActivityRecord;

pub mod seats;

/// Where the activities happen.
pub const TIME_ZONE: &str = "Europe/Brussels";
/// Most people in one sign-up an admin may allow.
pub const MAX_PARTY_LIMIT: u32 = 10;
pub const MAX_CAPACITY: u32 = 10_000;
pub const MAX_TITLE: usize = 80;
pub const MAX_DESCRIPTION: usize = 600;
pub const MAX_PLACE: usize = 120;
/// Digits of a sign-up code.
pub const CODE_DIGITS: usize = 8;
/// Days after an activity that names and phone numbers of its sign-ups are kept (the server's
/// `serve --keep-days` may differ; kiosks keep this many).
pub const KEEP_PERSONAL_DAYS: u32 = 30;
/// Longest phone number kept (digits, spaces, +, -, /, dots, parentheses).
pub const MAX_PHONE: usize = 20;

pub(crate) fn brussels() -> TimeZone {
    TimeZone::get(TIME_ZONE).expect("the bundled time zone database has Europe/Brussels")
}

/// A local time `YYYY-MM-DDTHH:MM`.
pub fn parse_local(s: &str) -> Option<DateTime> {
    if s.len() != 16 {
        return None;
    }
    s.parse::<DateTime>().ok()
}

/// The local time in Brussels at `unix_ms`, as `YYYY-MM-DDTHH:MM`.
pub fn local_now(unix_ms: i64) -> String {
    let ts = jiff::Timestamp::from_millisecond(unix_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let dt = ts.to_zoned(brussels()).datetime();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute()
    )
}

/// The Unix time (ms) of a Brussels local time (the earlier one when the clock goes back).
pub fn local_to_unix_ms(local: &str) -> Option<i64> {
    let dt = parse_local(local)?;
    let z = dt.to_zoned(brussels()).ok()?;
    Some(z.timestamp().as_millisecond())
}

/// An activity's free text as it is kept: title, description and place through the shared
/// cleaning rule ([`crate::text::clean_text`]: control, reordering and invisible characters
/// out). Length limits are left to [`check_activity`], which refuses instead of cutting.
pub fn cleaned(a: &ActivityRecord) -> ActivityRecord {
    ActivityRecord {
        title: clean_text(&a.title, usize::MAX, false),
        description: clean_text(&a.description, usize::MAX, true),
        place: clean_text(&a.place, usize::MAX, false),
        ..a.clone()
    }
}

/// Checks an activity as an admin saved it. Returns the field and what is wrong.
pub fn check_activity(a: &ActivityRecord) -> Result<(), (&'static str, String)> {
    let text = |field: &'static str, v: &str, min: usize, max: usize| {
        let n = v.trim().chars().count();
        if n < min || n > max {
            return Err((field, format!("must be {min} to {max} characters, not {n}")));
        }
        if v.chars().any(|c| c.is_control() && c != '\n') {
            return Err((field, "must not contain control characters".into()));
        }
        Ok(())
    };
    if uuid::Uuid::parse_str(&a.id).is_err() {
        return Err(("id", "is not a UUID".into()));
    }
    text("title", &a.title, 1, MAX_TITLE)?;
    text("description", &a.description, 0, MAX_DESCRIPTION)?;
    text("place", &a.place, 1, MAX_PLACE)?;
    if !crate::lessons::is_lesson_id(&a.picture) {
        return Err(("picture", "must be a picture name like \"calendar\"".into()));
    }
    let start = parse_local(&a.start).ok_or(("start", "must be YYYY-MM-DDTHH:MM".to_string()))?;
    let end = parse_local(&a.end).ok_or(("end", "must be YYYY-MM-DDTHH:MM".to_string()))?;
    let deadline =
        parse_local(&a.deadline).ok_or(("deadline", "must be YYYY-MM-DDTHH:MM".to_string()))?;
    if end <= start {
        return Err(("end", "must be after the start".into()));
    }
    if deadline > start {
        return Err(("deadline", "must be at or before the start".into()));
    }
    if !(1..=MAX_CAPACITY).contains(&a.capacity) {
        return Err(("capacity", format!("must be 1 to {MAX_CAPACITY}")));
    }
    if !(1..=MAX_PARTY_LIMIT).contains(&a.max_party) {
        return Err(("max_party", format!("must be 1 to {MAX_PARTY_LIMIT}")));
    }
    if a.block > a.capacity {
        return Err(("block", "must not be more than the capacity".into()));
    }
    if a.languages.len() > 10 || a.languages.iter().any(|l| !is_lang_code(l)) {
        return Err((
            "languages",
            "must be up to 10 language codes like \"nl\", \"ar\"".into(),
        ));
    }
    Ok(())
}

fn is_lang_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// Why a sign-up cannot be taken (the resident sees a sentence for each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupProblem {
    NoName,
    NameTooLong,
    BadPhone,
    PartyTooBig,
    Closed,
    Deleted,
}

impl SignupProblem {
    pub fn key(self) -> &'static str {
        match self {
            SignupProblem::NoName => "signup-problem-no-name",
            SignupProblem::NameTooLong => "signup-problem-name-long",
            SignupProblem::BadPhone => "signup-problem-phone",
            SignupProblem::PartyTooBig => "signup-problem-party",
            SignupProblem::Closed => "signup-problem-closed",
            SignupProblem::Deleted => "signup-problem-deleted",
        }
    }
}

/// A phone number as kept: digits and `+`, spaces removed. `Err` when it cannot be one.
pub fn clean_phone(s: &str) -> Result<Option<String>, SignupProblem> {
    let kept: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '(' | ')'))
        .collect();
    if kept.is_empty() {
        return Ok(None);
    }
    let digits = kept.strip_prefix('+').unwrap_or(&kept);
    if digits.len() < 6 || kept.len() > MAX_PHONE || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SignupProblem::BadPhone);
    }
    Ok(Some(kept))
}

/// Checks a sign-up against its activity at local time `now_local`.
pub fn check_signup(
    a: &ActivityRecord,
    first_name: &str,
    phone: Option<&str>,
    party: u32,
    now_local: &str,
) -> Result<(), SignupProblem> {
    if a.deleted {
        return Err(SignupProblem::Deleted);
    }
    if now_local > a.deadline.as_str() {
        return Err(SignupProblem::Closed);
    }
    let name = crate::text::clean_name(first_name);
    if name.is_empty() {
        return Err(SignupProblem::NoName);
    }
    if first_name.trim().chars().count() > crate::text::MAX_NAME_CHARS {
        return Err(SignupProblem::NameTooLong);
    }
    if let Some(p) = phone {
        clean_phone(p)?;
    }
    if party == 0 || party > a.max_party {
        return Err(SignupProblem::PartyTooBig);
    }
    Ok(())
}

/// A new sign-up code: eight digits, the first three the kiosk's range (see [`crate::codes`]).
pub fn new_code(range: u32) -> String {
    crate::codes::code_in(range, CODE_DIGITS)
}

/// A code as people read it: `4829 3750`.
pub fn display_code(code: &str) -> String {
    if code.len() == CODE_DIGITS && code.is_ascii() {
        format!("{} {}", &code[..4], &code[4..])
    } else {
        code.to_string()
    }
}

/// What a person typed, as a code (spaces and dashes forgiven).
pub fn normalize_code(typed: &str) -> Option<String> {
    let d: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (d.len() == CODE_DIGITS && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

pub(crate) const WEEKDAYS: [[&str; 7]; 8] = [
    [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    // tr, pl, uk, ro, ar (assets/i18n/REVIEW.md: checked by a native speaker before release)
    [
        "Pazartesi",
        "Salı",
        "Çarşamba",
        "Perşembe",
        "Cuma",
        "Cumartesi",
        "Pazar",
    ],
    [
        "poniedziałek",
        "wtorek",
        "środa",
        "czwartek",
        "piątek",
        "sobota",
        "niedziela",
    ],
    [
        "понеділок",
        "вівторок",
        "середа",
        "четвер",
        "пʼятниця",
        "субота",
        "неділя",
    ],
    [
        "luni",
        "marți",
        "miercuri",
        "joi",
        "vineri",
        "sâmbătă",
        "duminică",
    ],
    [
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
];
const MONTHS: [[&str; 12]; 8] = [
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
        "Kasım", "Aralık",
    ],
    // Polish and Ukrainian: the month after a day number takes the genitive ("9 grudnia").
    [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    [
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

pub(crate) fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Nl => 0,
        Lang::Fr => 1,
        Lang::En => 2,
        Lang::Tr => 3,
        Lang::Pl => 4,
        Lang::Uk => 5,
        Lang::Ro => 6,
        Lang::Ar => 7,
    }
}

/// A day in words in the order the language writes it: "woensdag 9 december", Turkish
/// "9 Aralık Çarşamba".
fn day_words(lang: Lang, weekday: usize, day: i8, month: usize) -> String {
    let i = lang_index(lang);
    let (weekday, month) = (WEEKDAYS[i][weekday], MONTHS[i][month - 1]);
    match lang {
        Lang::Tr => format!("{day} {month} {weekday}"),
        _ => format!("{weekday} {day} {month}"),
    }
}

/// "woensdag 9 december, 14:00 – 16:00", in words a resident reads aloud.
pub fn when_in_words(start: &str, end: &str, lang: Lang) -> String {
    let (Some(s), Some(e)) = (parse_local(start), parse_local(end)) else {
        return format!("{start} – {end}");
    };
    let day = day_words(
        lang,
        s.weekday().to_monday_zero_offset() as usize,
        s.day(),
        s.month() as usize,
    );
    let times = format!(
        "{:02}:{:02} – {:02}:{:02}",
        s.hour(),
        s.minute(),
        e.hour(),
        e.minute()
    );
    // Arabic separates with its own comma.
    let comma = if lang == Lang::Ar { "،" } else { "," };
    format!("{day}{comma} {times}")
}

/// "woensdag 9 december": the Brussels day of a moment, in words.
pub fn day_in_words(unix_ms: i64, lang: Lang) -> String {
    let Some(d) = parse_local(&local_now(unix_ms)) else {
        return String::new();
    };
    day_words(
        lang,
        d.weekday().to_monday_zero_offset() as usize,
        d.day(),
        d.month() as usize,
    )
}

/// The dates of a monthly series: the `nth` (1-4, or 5 = last) `weekday` of each of `months`
/// months, starting with the month of `from`.
pub fn monthly_series(from: Date, nth: u8, weekday: Weekday, months: u32) -> Vec<Date> {
    let mut out = Vec::new();
    let mut first = from.first_of_month();
    for _ in 0..months {
        let day = if nth >= 5 {
            first.last_of_month().nth_weekday_of_month(-1, weekday)
        } else {
            first.nth_weekday_of_month(nth as i8, weekday)
        };
        if let Ok(d) = day {
            out.push(d);
        }
        first = match first.checked_add(jiff::Span::new().months(1)) {
            Ok(d) => d,
            Err(_) => break,
        };
    }
    out
}

/// A CSV field, quoted when needed; a leading `=`, `+`, `-` or `@` is neutralised so a
/// spreadsheet never runs a name as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The header of a sign-up list in CSV.
pub const CSV_HEADER: &str = "arrival,code,first name,phone,people,status,checked in";

/// One line of a sign-up list in CSV.
pub fn csv_line(
    arrival: &str,
    code: &str,
    first_name: &str,
    phone: Option<&str>,
    party: u32,
    status: &str,
    checked_in_ms: Option<i64>,
) -> String {
    format!(
        "{arrival},{code},{},{},{party},{status},{}",
        csv_field(first_name),
        csv_field(phone.unwrap_or("")),
        checked_in_ms.map(local_now).unwrap_or_default()
    )
}

/// Europe/Brussels as an RFC 5545 VTIMEZONE: CET/CEST, changing on the last Sundays of March
/// and October (the EU rule since 1996), so calendars need no outside time zone database.
const VTIMEZONE_BRUSSELS: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n\
    BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
    DTSTART:19810329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
    BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
    DTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
    END:VTIMEZONE\r\n";

/// Appends one content line, folded as RFC 5545 3.1 asks: at most 75 octets a line, each
/// continuation starting with a space, never inside a UTF-8 character; ended by CRLF.
fn push_folded(out: &mut String, line: &str) {
    const MAX: usize = 75;
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// iCalendar (RFC 5545) of the activities, in Brussels time: CRLF line ends, long lines
/// folded, the time zone described in the file, text cleaned and escaped.
pub fn ics(list: &[digidak_protocol::ActivityState], now_ms: i64) -> String {
    let text = |s: &str| {
        clean_text(s, usize::MAX, true)
            .replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace(',', "\\,")
            .replace('\n', "\\n")
    };
    let stamp = |local: &str| local.replace(['-', ':'], "") + "00";
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Digidak//Activities//NL\r\nCALSCALE:GREGORIAN\r\n",
    );
    out.push_str(VTIMEZONE_BRUSSELS);
    let now = jiff::Timestamp::from_millisecond(now_ms)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .strftime("%Y%m%dT%H%M%S")
        .to_string();
    for a in list.iter().map(|s| &s.activity).filter(|a| !a.deleted) {
        out.push_str("BEGIN:VEVENT\r\n");
        for line in [
            format!("UID:{}@digidak", text(&a.id)),
            format!("DTSTAMP:{now}Z"),
            format!("DTSTART;TZID=Europe/Brussels:{}", stamp(&a.start)),
            format!("DTEND;TZID=Europe/Brussels:{}", stamp(&a.end)),
            format!("SUMMARY:{}", text(&a.title)),
            format!("LOCATION:{}", text(&a.place)),
            format!("DESCRIPTION:{}", text(&a.description)),
        ] {
            push_folded(&mut out, &line);
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// The translation key of the form label that shows `field` (a name from
/// [`ActivityForm::records`] or [`check_activity`]), so a problem names what the admin sees.
pub fn form_label_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "title" => "activity-form-title",
        "description" => "activity-form-description",
        "place" => "activity-form-place",
        "date" => "activity-form-date",
        "start" => "activity-form-start",
        "end" => "activity-form-end",
        "capacity" => "activity-form-capacity",
        "max_party" => "activity-form-max-party",
        "block" => "activity-form-block",
        "deadline" | "close_hours" => "activity-form-close-hours",
        "months" => "activity-form-months",
        "languages" => "activity-form-languages",
        _ => return None,
    })
}

/// What an admin types to create or change an activity (all text, as typed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityForm {
    /// Set when editing an existing activity.
    pub id: Option<String>,
    pub title: String,
    pub description: String,
    pub place: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub capacity: String,
    pub max_party: String,
    pub block: String,
    /// Sign-ups close this many hours before the start.
    pub close_hours: String,
    /// Repeat on the same weekday of the month (e.g. every second Wednesday) this many months.
    pub months: String,
    /// Language codes spoken, comma separated (`nl, ar`).
    pub languages: String,
}

impl ActivityForm {
    pub fn new_default() -> Self {
        Self {
            capacity: "12".into(),
            max_party: "4".into(),
            block: "2".into(),
            close_hours: "0".into(),
            months: "1".into(),
            start: "14:00".into(),
            end: "16:00".into(),
            languages: "nl".into(),
            ..Self::default()
        }
    }

    pub fn from_record(a: &ActivityRecord) -> Self {
        let hours = match (parse_local(&a.start), parse_local(&a.deadline)) {
            (Some(s), Some(d)) => (s - d).get_hours().max(0),
            _ => 0,
        };
        Self {
            id: Some(a.id.clone()),
            title: a.title.clone(),
            description: a.description.clone(),
            place: a.place.clone(),
            date: a.start.get(..10).unwrap_or_default().to_string(),
            start: a.start.get(11..).unwrap_or_default().to_string(),
            end: a.end.get(11..).unwrap_or_default().to_string(),
            capacity: a.capacity.to_string(),
            max_party: a.max_party.to_string(),
            block: a.block.to_string(),
            close_hours: hours.to_string(),
            months: "1".into(),
            languages: a.languages.join(", "),
        }
    }

    /// The activities this form makes (several for a monthly series), or the field that is
    /// wrong and what is expected.
    pub fn records(&self) -> Result<Vec<ActivityRecord>, (&'static str, String)> {
        let num = |field: &'static str, v: &str, max: u32| -> Result<u32, (&'static str, String)> {
            v.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or((field, format!("a whole number from 0 to {max}")))
        };
        let date: Date = self
            .date
            .trim()
            .parse()
            .map_err(|_| ("date", "a date like 2026-12-09".to_string()))?;
        let time =
            |field: &'static str, v: &str| -> Result<jiff::civil::Time, (&'static str, String)> {
                v.trim()
                    .parse()
                    .map_err(|_| (field, "a time like 14:00".to_string()))
            };
        let (start, end) = (time("start", &self.start)?, time("end", &self.end)?);
        let hours = num("close_hours", &self.close_hours, 24 * 14)?;
        let months = if self.id.is_some() {
            1
        } else {
            num("months", &self.months, 24)?.max(1)
        };
        // The same weekday of the month: the 9th of December 2026 is its 2nd Wednesday.
        let nth = ((date.day() - 1) / 7 + 1) as u8;
        let dates = if months == 1 {
            vec![date]
        } else {
            monthly_series(date, nth.min(4), date.weekday(), months)
                .into_iter()
                .filter(|d| *d >= date)
                .collect()
        };
        let fmt = |d: DateTime| d.strftime("%Y-%m-%dT%H:%M").to_string();
        let mut out = Vec::new();
        for (i, d) in dates.into_iter().enumerate() {
            let s = d.to_datetime(start);
            let deadline = s
                .checked_sub(jiff::Span::new().hours(i64::from(hours)))
                .unwrap_or(s);
            let record = ActivityRecord {
                id: match (&self.id, i) {
                    (Some(id), 0) => id.clone(),
                    _ => uuid::Uuid::now_v7().to_string(),
                },
                title: clean_text(&self.title, usize::MAX, false),
                description: clean_text(&self.description, usize::MAX, true),
                picture: "calendar".into(),
                place: clean_text(&self.place, usize::MAX, false),
                start: fmt(s),
                end: fmt(d.to_datetime(end)),
                deadline: fmt(deadline),
                capacity: num("capacity", &self.capacity, MAX_CAPACITY)?,
                max_party: num("max_party", &self.max_party, MAX_PARTY_LIMIT)?,
                block: num("block", &self.block, MAX_CAPACITY)?,
                languages: self
                    .languages
                    .split([',', ' '])
                    .map(|l| l.trim().to_ascii_lowercase())
                    .filter(|l| !l.is_empty())
                    .collect(),
                deleted: false,
            };
            check_activity(&record)?;
            out.push(record);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> ActivityRecord {
        ActivityRecord {
            id: uuid::Uuid::new_v4().to_string(),
            title: "Koffie en computer".into(),
            description: String::new(),
            picture: "calendar".into(),
            place: "Buurthuis De Brug".into(),
            start: "2026-12-09T14:00".into(),
            end: "2026-12-09T16:00".into(),
            deadline: "2026-12-09T12:00".into(),
            capacity: 20,
            max_party: 4,
            block: 2,
            languages: vec!["nl".into(), "ar".into()],
            deleted: false,
        }
    }

    #[test]
    fn brussels_time_follows_summer_and_winter() {
        // 2026-07-01 12:00 UTC is 14:00 in Brussels (CEST); 2026-12-01 12:00 UTC is 13:00 (CET).
        assert_eq!(local_now(1_782_907_200_000), "2026-07-01T14:00");
        assert_eq!(local_now(1_796_126_400_000), "2026-12-01T13:00");
        assert_eq!(
            local_to_unix_ms("2026-12-01T13:00"),
            Some(1_796_126_400_000)
        );
    }

    #[test]
    fn dates_are_written_in_words() {
        assert_eq!(
            when_in_words("2026-12-09T14:00", "2026-12-09T16:00", Lang::Nl),
            "woensdag 9 december, 14:00 – 16:00"
        );
        assert_eq!(
            when_in_words("2026-12-09T14:00", "2026-12-09T16:00", Lang::Fr),
            "mercredi 9 décembre, 14:00 – 16:00"
        );
        assert_eq!(
            when_in_words("2026-12-09T14:00", "2026-12-09T16:00", Lang::En),
            "Wednesday 9 December, 14:00 – 16:00"
        );
        let when = |lang| when_in_words("2026-12-09T14:00", "2026-12-09T16:00", lang);
        assert_eq!(when(Lang::Tr), "9 Aralık Çarşamba, 14:00 – 16:00");
        assert_eq!(when(Lang::Pl), "środa 9 grudnia, 14:00 – 16:00");
        assert_eq!(when(Lang::Uk), "середа 9 грудня, 14:00 – 16:00");
        assert_eq!(when(Lang::Ro), "miercuri 9 decembrie, 14:00 – 16:00");
        assert_eq!(when(Lang::Ar), "الأربعاء 9 ديسمبر، 14:00 – 16:00");
    }

    #[test]
    fn every_second_wednesday() {
        let d = monthly_series(jiff::civil::date(2026, 11, 23), 2, Weekday::Wednesday, 3);
        assert_eq!(
            d,
            [
                jiff::civil::date(2026, 11, 11),
                jiff::civil::date(2026, 12, 9),
                jiff::civil::date(2027, 1, 13)
            ]
        );
        let last = monthly_series(jiff::civil::date(2026, 11, 1), 5, Weekday::Friday, 1);
        assert_eq!(last, [jiff::civil::date(2026, 11, 27)]);
    }

    #[test]
    fn activities_and_signups_are_checked() {
        let a = demo();
        assert!(check_activity(&a).is_ok());
        let mut bad = a.clone();
        bad.end = "2026-12-09T13:00".into();
        assert_eq!(check_activity(&bad).unwrap_err().0, "end");
        let mut bad = a.clone();
        bad.title = "x".repeat(10_000);
        assert_eq!(check_activity(&bad).unwrap_err().0, "title");
        let mut bad = a.clone();
        bad.block = 30;
        assert_eq!(check_activity(&bad).unwrap_err().0, "block");

        let now = "2026-12-01T10:00";
        assert_eq!(check_signup(&a, "Samira", None, 2, now), Ok(()));
        assert_eq!(
            check_signup(&a, "  \u{202e} ", None, 1, now),
            Err(SignupProblem::NoName)
        );
        assert_eq!(
            check_signup(&a, &"n".repeat(10_000), None, 1, now),
            Err(SignupProblem::NameTooLong)
        );
        assert_eq!(
            check_signup(&a, "Samira", Some("call me"), 1, now),
            Err(SignupProblem::BadPhone)
        );
        assert_eq!(
            check_signup(&a, "Samira", None, 5, now),
            Err(SignupProblem::PartyTooBig)
        );
        assert_eq!(
            check_signup(&a, "Samira", None, 1, "2026-12-09T12:01"),
            Err(SignupProblem::Closed)
        );
        assert_eq!(clean_phone("0470 12 34 56"), Ok(Some("0470123456".into())));
        assert_eq!(
            clean_phone("+32 470/12.34.56"),
            Ok(Some("+32470123456".into()))
        );
        assert_eq!(clean_phone(""), Ok(None));
    }

    #[test]
    fn a_form_makes_a_monthly_series_on_the_same_weekday() {
        let mut f = ActivityForm::new_default();
        f.title = "Koffie en computer".into();
        f.place = "De Brug".into();
        f.date = "2026-12-09".into();
        f.months = "3".into();
        f.close_hours = "2".into();
        let r = f.records().unwrap();
        let starts: Vec<&str> = r.iter().map(|a| a.start.as_str()).collect();
        assert_eq!(
            starts,
            ["2026-12-09T14:00", "2027-01-13T14:00", "2027-02-10T14:00"]
        );
        assert_eq!(r[0].deadline, "2026-12-09T12:00");
        let mut bad = f.clone();
        bad.date = "9 december".into();
        assert_eq!(bad.records().unwrap_err().0, "date");
        let mut bad = f.clone();
        bad.capacity = "veel".into();
        assert_eq!(bad.records().unwrap_err().0, "capacity");
        let mut bad = f.clone();
        bad.title = String::new();
        assert_eq!(bad.records().unwrap_err().0, "title");
        assert_eq!(ActivityForm::from_record(&r[0]).records().unwrap()[0], r[0]);
    }

    #[test]
    fn codes() {
        let c = new_code(7);
        assert_eq!(c.len(), 8);
        assert_eq!(display_code("48293750"), "4829 3750");
        assert_eq!(normalize_code("4829-3750 ").as_deref(), Some("48293750"));
        assert_eq!(normalize_code("4829375"), None);
    }
}

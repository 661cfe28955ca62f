//! The one cleaning rule for free text people type, on the kiosk and on the server: board
//! posts and replies, sign-up names, activity titles, descriptions and places, kiosk names and
//! admin names all go through [`clean_text`] before they are kept.

/// Characters that are invisible or reorder the text around them: bidirectional embeddings,
/// overrides and isolates (U+202A-202E, U+2066-2069), the marks (U+200E/F, U+061C), zero-width
/// spaces and joiners, word joiner and invisible operators, the byte-order mark, the soft
/// hyphen, interlinear annotation marks, language tags, deprecated format characters and the
/// Hangul fillers (blank letters used to fake empty names). This is Unicode's "format" category
/// (Cf) plus those fillers. Never kept: a title cannot hide or flip what follows it
/// ("exe.gnp" shown as "png.exe"). Right-to-left letters themselves (Arabic, Hebrew) are kept.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{0600}'..='\u{0605}'
        | '\u{061C}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{115F}'..='\u{1160}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Text as it is kept: no control or invisible characters ([`is_invisible`]); line and
/// paragraph separators, tabs and (unless `lines`) newlines become spaces; with `lines`,
/// newlines are kept with at most one empty line in a row; spaces trimmed at both ends; at
/// most `max` characters (`usize::MAX` when a check after this refuses long text instead).
pub fn clean_text(s: &str, max: usize, lines: bool) -> String {
    let mut out = String::with_capacity(s.len().min(max.saturating_mul(4)));
    let mut newlines = 0;
    for c in s.chars() {
        if c == '\n' || c == '\r' {
            if lines && c == '\n' {
                newlines += 1;
                if newlines <= 2 {
                    out.push('\n');
                }
            } else if !lines {
                out.push(' ');
            }
            continue;
        }
        if c == '\t' || c == '\u{2028}' || c == '\u{2029}' {
            out.push(' ');
            continue;
        }
        if c.is_control() || is_invisible(c) {
            continue;
        }
        if c != ' ' {
            newlines = 0;
        }
        out.push(c);
    }
    let kept: String = out.trim().chars().take(max).collect();
    kept.trim_end().to_string()
}

/// A one-line name (kiosk, admin, resident): [`clean_text`] without newlines.
pub fn clean_line(s: &str, max: usize) -> String {
    clean_text(s, max, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reordering_and_invisible_characters_go() {
        // U+202E: "exe.gnp" would show as "png.exe".
        assert_eq!(clean_line("\u{202E}exe.gnp", 60), "exe.gnp");
        for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
            assert_eq!(clean_line(&format!("a{c}b"), 60), "ab", "{:X}", c as u32);
        }
        assert_eq!(
            clean_line(
                "a\u{200B}\u{FEFF}\u{00AD}\u{E0041}\u{3164}b\u{0}\u{7F}\u{9B}",
                60
            ),
            "ab"
        );
        assert_eq!(clean_line("a\tb\u{2028}c", 60), "a b c");
        // Letters of every script stay, and so do emoji with their variation selectors.
        assert_eq!(
            clean_line("مرحبا שלום Zoë ❤\u{FE0F}", 60),
            "مرحبا שלום Zoë ❤\u{FE0F}"
        );
        assert_eq!(clean_text("a\r\n\n\n\n\nb", 60, true), "a\n\nb");
        assert_eq!(clean_line("  \u{202E}  ", 60), "");
        assert_eq!(clean_line(&"é".repeat(100), 60).chars().count(), 60);
        assert_eq!(
            clean_line("x ".repeat(10).as_str(), usize::MAX),
            "x x x x x x x x x x"
        );
    }
}

/// The longest name a resident can give (characters, after cleaning).
pub const MAX_NAME_CHARS: usize = 40;

/// Trims a name, drops control and invisible characters (the shared rule, [`clean_line`]:
/// direction overrides and zero-width characters can make a name on a volunteer's screen look
/// like something else), and cuts it to [`MAX_NAME_CHARS`] (longer input is cut, never rejected).
pub fn clean_name(name: &str) -> String {
    clean_line(name, MAX_NAME_CHARS)
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  Fatima \n"), "Fatima");
        assert_eq!(clean_name("a\u{0}b"), "ab");
        assert_eq!(clean_name("\u{202e}nimdA\u{200b}"), "nimdA");
        assert_eq!(clean_name(&"x".repeat(500)).chars().count(), MAX_NAME_CHARS);
        assert_eq!(clean_name("   "), "");
    }
}

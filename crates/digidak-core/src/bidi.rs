//! Right-to-left text in display order: the Unicode bidi algorithm (`unicode-bidi`) for one
//! line at a time, shared by the kiosk's screens (`ui::bidi`) and the paper board's PDF
//! (`board::pdf`). Runs of Arabic letters keep their reading order inside: the shaper that
//! draws them (egui's harfrust, or the PDF's) turns them itself; everything around them is put
//! in display order here (spaces and punctuation turned, brackets mirrored), so digits, codes
//! and Latin names inside an Arabic sentence keep their left-to-right order.

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

/// Letters written right to left (Arabic, Hebrew and the like).
pub fn is_rtl_char(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Whether `text` needs the bidi algorithm at all (it holds a right-to-left letter).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl_char)
}

/// The direction of a paragraph: its first strong letter decides (a resident's own text reads
/// in its own direction); in a right-to-left interface a text that holds any right-to-left
/// letter reads right to left ("itsme (تمرين)"), and one without (a code, a number) left to
/// right.
pub fn paragraph_is_rtl(text: &str, rtl_ui: bool) -> bool {
    let first_strong = text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    });
    if rtl_ui {
        has_rtl(text)
    } else {
        first_strong.unwrap_or(false)
    }
}

/// Characters drawn with the Arabic font, as one run its shaper turns right to left.
pub fn arabic_run_char(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// One line (no line break inside) in the order egui must draw it, left to right; `rtl` is the
/// paragraph's direction.
pub fn display_line(line: &str, rtl: bool) -> String {
    if !rtl && !has_rtl(line) {
        return line.to_string();
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(line, Some(level));
    let Some(para) = info.paragraphs.first() else {
        return line.to_string();
    };
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    let mut out = String::with_capacity(line.len());
    for run in runs {
        let text = &line[run.clone()];
        if levels[run.start].is_ltr() {
            out.push_str(text);
            continue;
        }
        // Right to left: the runs egui shapes as Arabic keep their order inside (egui turns
        // them); everything between them is turned here.
        let mut pieces: Vec<(bool, &str)> = Vec::new();
        let mut start = 0;
        let mut arabic = None;
        for (i, c) in text.char_indices() {
            let a = arabic_run_char(c);
            if arabic.is_some_and(|prev| prev != a) {
                pieces.push((arabic.unwrap_or(false), &text[start..i]));
                start = i;
            }
            arabic = Some(a);
        }
        pieces.push((arabic.unwrap_or(false), &text[start..]));
        for (arabic, piece) in pieces.into_iter().rev() {
            if arabic {
                out.push_str(piece);
            } else {
                out.extend(piece.chars().rev().map(mirror));
            }
        }
    }
    out
}

/// A whole text (lines separated by `\n`) in display order, each line on its own.
pub fn display_text(text: &str, rtl_ui: bool) -> String {
    text.split('\n')
        .map(|line| display_line(line, paragraph_is_rtl(line, rtl_ui)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a display string the way egui draws it: Arabic runs are turned by egui's shaper.
    fn as_drawn(display: &str) -> String {
        let mut out = String::new();
        let mut run = String::new();
        for c in display.chars() {
            if arabic_run_char(c) {
                run.push(c);
            } else {
                out.extend(run.drain(..).rev());
                out.push(c);
            }
        }
        out.extend(run.drain(..).rev());
        out
    }

    #[test]
    fn a_code_in_an_arabic_sentence_reads_in_order() {
        // "The code 4829 3750": reading from the right, the word, then 4829, then 3750.
        let line = "الكود 4829 3750";
        let shown = display_line(line, true);
        assert_eq!(shown, "3750 4829 الكود");
        // Drawn, the Arabic word is on the right, in its own letters' order from the right.
        let drawn = as_drawn(&shown);
        assert!(drawn.ends_with(&"الكود".chars().rev().collect::<String>()));
        assert!(drawn.starts_with("3750 4829"));
    }

    #[test]
    fn a_latin_name_inside_an_arabic_sentence_keeps_its_letters() {
        // "Welcome Fatima Janssens to the lesson."
        let line = "مرحبا Fatima Janssens في الدرس.";
        let shown = display_line(line, true);
        // The full stop ends the sentence on its left; the name stays one left-to-right run,
        // on the left of "مرحبا" (which starts the sentence on the right).
        assert_eq!(shown, ".الدرس في Fatima Janssens مرحبا");
        assert!(as_drawn(&shown).contains("Fatima Janssens"));
    }

    #[test]
    fn brackets_are_mirrored_and_left_to_right_text_is_untouched() {
        assert_eq!(display_line("itsme (تمرين)", true), "(تمرين) itsme");
        assert_eq!(display_line("Stap 3 van 9", false), "Stap 3 van 9");
        // A resident's Arabic post in the Dutch interface still reads right to left.
        assert!(paragraph_is_rtl("أبحث عن مساعدة", false));
        assert!(!paragraph_is_rtl("Hallo سلام", false));
        // A code alone stays left to right in the Arabic interface.
        assert!(!paragraph_is_rtl("4829 3750", true));
        assert_eq!(display_text("4829 3750", true), "4829 3750");
    }

    #[test]
    fn each_line_is_reordered_on_its_own() {
        let text = "سطر أول\nسطر 2";
        assert_eq!(display_text(text, true), "أول سطر\n2 سطر");
    }

    #[test]
    fn a_kind_before_its_category_reads_first_from_the_right() {
        assert_eq!(
            display_line("طلب · أوراق ورسائل", true),
            "ورسائل أوراق · طلب"
        );
    }
}

//! Resume codes: "continue later" without an account. A code is ten digits (easy to read
//! aloud and to type on a number pad, in any language), holds no personal data, points at a
//! lesson, a step and a language, and expires.

/// How many digits a code has.
pub const CODE_DIGITS: usize = 10;
/// How long a code works.
pub const RESUME_DAYS: i64 = 60;
pub const RESUME_MS: i64 = RESUME_DAYS * 24 * 60 * 60 * 1000;

/// Where to continue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub lesson: String,
    /// Counted from 0.
    pub step: usize,
    pub lang: crate::lang::Lang,
}

/// A new random code (digits only, as stored: `4829375061`).
pub fn new_code() -> String {
    let n = uuid::Uuid::new_v4().as_u128() % 10u128.pow(CODE_DIGITS as u32);
    format!("{n:0width$}", width = CODE_DIGITS)
}

/// The code as people read it: `482 937 5061`.
pub fn display(code: &str) -> String {
    if code.len() != CODE_DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return code.to_string();
    }
    format!("{} {} {}", &code[..3], &code[3..6], &code[6..])
}

/// What a person typed, as a stored code: digits only, spaces, dots and dashes forgiven.
pub fn normalize(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.'))
        .collect();
    (digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_digits_and_read_in_groups() {
        let c = new_code();
        assert_eq!(c.len(), CODE_DIGITS);
        assert!(c.bytes().all(|b| b.is_ascii_digit()));
        assert_ne!(new_code(), new_code());
        assert_eq!(display("4829375061"), "482 937 5061");
        assert_eq!(normalize(" 482-937.5061 ").as_deref(), Some("4829375061"));
        assert_eq!(normalize("482 937 506"), None);
        assert_eq!(normalize("48293750612"), None);
        assert_eq!(normalize("48293750a1"), None);
        assert_eq!(normalize("٤٨٢٩٣٧٥٠٦١"), None);
    }
}

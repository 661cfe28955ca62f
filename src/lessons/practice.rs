//! The checks behind the practice steps. Wrong answers get a hint that helps, never a score.

/// What the kiosk says about a typed e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailCheck {
    Right,
    Empty,
    /// There is a space in it.
    Space,
    /// A comma where a dot belongs.
    Comma,
    NoAt,
    TwoAts,
    /// Nothing before the @.
    NoName,
    /// The part after the @ has no dot (`gmail` instead of `gmail.com`).
    NoDot,
    /// A well-formed address, but not the one asked for: the difference is in this part.
    Different(AddressPart),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressPart {
    /// Before the @.
    Name,
    /// After the @.
    Domain,
}

/// Checks `typed` against `answer`. Capitals do not matter in e-mail addresses, and spaces
/// around it are forgiven.
pub fn check_email(typed: &str, answer: &str) -> EmailCheck {
    let typed = typed.trim();
    if typed.is_empty() {
        return EmailCheck::Empty;
    }
    if typed.chars().any(char::is_whitespace) {
        return EmailCheck::Space;
    }
    if typed.contains(',') {
        return EmailCheck::Comma;
    }
    let ats = typed.matches('@').count();
    if ats == 0 {
        return EmailCheck::NoAt;
    }
    if ats > 1 {
        return EmailCheck::TwoAts;
    }
    let (name, domain) = typed.split_once('@').expect("one @");
    if name.is_empty() {
        return EmailCheck::NoName;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return EmailCheck::NoDot;
    }
    let (want_name, want_domain) = answer.trim().split_once('@').unwrap_or((answer, ""));
    if !name.eq_ignore_ascii_case(want_name) {
        EmailCheck::Different(AddressPart::Name)
    } else if !domain.eq_ignore_ascii_case(want_domain) {
        EmailCheck::Different(AddressPart::Domain)
    } else {
        EmailCheck::Right
    }
}

impl EmailCheck {
    /// The translation key of the hint shown for this result.
    pub fn hint_key(self) -> &'static str {
        match self {
            EmailCheck::Right => "practice-email-right",
            EmailCheck::Empty => "practice-email-empty",
            EmailCheck::Space => "practice-email-space",
            EmailCheck::Comma => "practice-email-comma",
            EmailCheck::NoAt => "practice-email-no-at",
            EmailCheck::TwoAts => "practice-email-two-ats",
            EmailCheck::NoName => "practice-email-no-name",
            EmailCheck::NoDot => "practice-email-no-dot",
            EmailCheck::Different(AddressPart::Name) => "practice-email-name-differs",
            EmailCheck::Different(AddressPart::Domain) => "practice-email-domain-differs",
        }
    }
}

/// In the itsme practice, confirming is right only when both codes are the same.
pub fn itsme_right(website_code: &str, phone_code: &str, confirmed: bool) -> bool {
    (website_code == phone_code) == confirmed
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "fatima.demo@voorbeeld.be";

    #[test]
    fn email_hints_name_the_mistake() {
        assert_eq!(check_email(A, A), EmailCheck::Right);
        assert_eq!(
            check_email("  Fatima.Demo@Voorbeeld.BE ", A),
            EmailCheck::Right
        );
        assert_eq!(check_email("", A), EmailCheck::Empty);
        assert_eq!(
            check_email("fatima demo@voorbeeld.be", A),
            EmailCheck::Space
        );
        assert_eq!(
            check_email("fatima.demo@voorbeeld,be", A),
            EmailCheck::Comma
        );
        assert_eq!(check_email("fatima.demo.voorbeeld.be", A), EmailCheck::NoAt);
        assert_eq!(
            check_email("fatima@demo@voorbeeld.be", A),
            EmailCheck::TwoAts
        );
        assert_eq!(check_email("@voorbeeld.be", A), EmailCheck::NoName);
        assert_eq!(check_email("fatima.demo@voorbeeld", A), EmailCheck::NoDot);
        assert_eq!(check_email("fatima.demo@voorbeeld.", A), EmailCheck::NoDot);
        assert_eq!(
            check_email("fatma.demo@voorbeeld.be", A),
            EmailCheck::Different(AddressPart::Name)
        );
        assert_eq!(
            check_email("fatima.demo@voorbeeld.com", A),
            EmailCheck::Different(AddressPart::Domain)
        );
    }

    #[test]
    fn itsme_confirm_only_on_equal_codes() {
        assert!(itsme_right("4821", "4821", true));
        assert!(!itsme_right("4821", "4821", false));
        assert!(itsme_right("4821", "7735", false));
        assert!(!itsme_right("4821", "7735", true));
    }
}

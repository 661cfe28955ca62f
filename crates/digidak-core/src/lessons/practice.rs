//! The checks behind the practice steps. Wrong answers get a hint that helps, never a score.

use super::ItsmeCase;

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

/// What the kiosk says about an answer in the itsme practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItsmeCheck {
    Right,
    /// Confirmed while someone on the phone asked for it.
    ConfirmedForCaller,
    /// Confirmed a request the person did not start.
    ConfirmedNotStarted,
    /// Confirmed although the app shows someone or something else.
    ConfirmedOther,
    /// Rejected a request that was all right.
    RejectedGood,
}

/// Judges a tap on Confirm (`confirmed`) or Reject in the itsme practice. A caller asking you
/// to confirm is the first reason to reject, then a request you did not start, then an app
/// that shows something else than what you wanted: matching details never make a caller safe.
pub fn check_itsme(case: ItsmeCase, confirmed: bool) -> ItsmeCheck {
    let safe = case.you_started && case.matches && !case.on_the_phone;
    match (safe, confirmed) {
        (true, true) | (false, false) => ItsmeCheck::Right,
        (true, false) => ItsmeCheck::RejectedGood,
        (false, true) if case.on_the_phone => ItsmeCheck::ConfirmedForCaller,
        (false, true) if !case.you_started => ItsmeCheck::ConfirmedNotStarted,
        (false, true) => ItsmeCheck::ConfirmedOther,
    }
}

/// Whether tapping Confirm (`confirmed`) or Reject is right in this case.
pub fn itsme_right(case: ItsmeCase, confirmed: bool) -> bool {
    check_itsme(case, confirmed) == ItsmeCheck::Right
}

impl ItsmeCheck {
    /// The translation key of the one-sentence reason shown for a wrong answer.
    pub fn hint_key(self) -> Option<&'static str> {
        match self {
            ItsmeCheck::Right => None,
            ItsmeCheck::ConfirmedForCaller => Some("practice-itsme-wrong-caller"),
            ItsmeCheck::ConfirmedNotStarted => Some("practice-itsme-wrong-not-started"),
            ItsmeCheck::ConfirmedOther => Some("practice-itsme-wrong-other"),
            ItsmeCheck::RejectedGood => Some("practice-itsme-wrong-good"),
        }
    }
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

    const GOOD: ItsmeCase = ItsmeCase {
        you_started: true,
        matches: true,
        on_the_phone: false,
    };

    #[test]
    fn itsme_confirm_only_what_you_started_yourself_without_a_caller() {
        assert!(itsme_right(GOOD, true));
        assert_eq!(check_itsme(GOOD, false), ItsmeCheck::RejectedGood);
        // Everything matches, but someone on the phone asks you to confirm: reject.
        let caller = ItsmeCase {
            on_the_phone: true,
            ..GOOD
        };
        assert!(itsme_right(caller, false));
        assert_eq!(check_itsme(caller, true), ItsmeCheck::ConfirmedForCaller);
        // You did not start this: reject, whatever the app shows.
        let not_started = ItsmeCase {
            you_started: false,
            ..GOOD
        };
        assert!(itsme_right(not_started, false));
        assert_eq!(
            check_itsme(not_started, true),
            ItsmeCheck::ConfirmedNotStarted
        );
        // You started a log-in, but the app asks for a payment: reject.
        let other = ItsmeCase {
            matches: false,
            ..GOOD
        };
        assert!(itsme_right(other, false));
        assert_eq!(check_itsme(other, true), ItsmeCheck::ConfirmedOther);
        // The caller is named first: that is the rule residents must remember.
        let all = ItsmeCase {
            you_started: false,
            matches: false,
            on_the_phone: true,
        };
        assert_eq!(check_itsme(all, true), ItsmeCheck::ConfirmedForCaller);
        // Every wrong answer has a reason; a right one needs none.
        for check in [
            ItsmeCheck::ConfirmedForCaller,
            ItsmeCheck::ConfirmedNotStarted,
            ItsmeCheck::ConfirmedOther,
            ItsmeCheck::RejectedGood,
        ] {
            assert!(check.hint_key().is_some());
        }
        assert_eq!(ItsmeCheck::Right.hint_key(), None);
    }
}

use super::*;
use digidak_protocol::PostRecord;

fn state(id: &str, kind: &str, cat: &str, title: &str, text: &str) -> PostState {
    PostState {
        post: PostRecord {
            id: id.into(),
            code: "123456789012".into(),
            kind: kind.into(),
            category: cat.into(),
            title: title.into(),
            text: text.into(),
            languages: vec!["nl".into()],
            token: None,
            partner: None,
            route_to: None,
        },
        status: "public".into(),
        reason: None,
        created_ms: 0,
        expires_ms: Some(100 * DAY_MS),
        reports: 0,
        helped: false,
        approved_ms: None,
        ended_ms: None,
    }
}

#[test]
fn text_is_cleaned_of_controls_and_reordering_marks() {
    assert_eq!(
        clean_text("  Hallo\u{0}\u{202E}wereld  ", 60, false),
        "Hallowereld"
    );
    assert_eq!(clean_text("a\nb", 60, false), "a b");
    assert_eq!(clean_text("a\r\n\n\n\n\nb", 60, true), "a\n\nb");
    // Arabic letters stay; the right-to-left mark does not.
    assert_eq!(clean_text("\u{200F}مرحبا", 60, false), "مرحبا");
    assert_eq!(
        clean_text(&"é".repeat(10_000), TITLE_MAX, false)
            .chars()
            .count(),
        60
    );
    assert_eq!(
        clean_text("<script>x</script>", 60, false),
        "<script>x</script>"
    );
}

#[test]
fn a_post_needs_kind_category_and_title() {
    let mut d = PostDraft::default();
    assert_eq!(check_post(&d), Err(PostProblem::NoKind));
    d.kind = Some(PostKind::Ask);
    assert_eq!(check_post(&d), Err(PostProblem::NoCategory));
    d.category = Some(Category::Transport);
    d.title = " \u{200B}\n ".into();
    assert_eq!(check_post(&d), Err(PostProblem::NoTitle));
    d.title = "Wie rijdt mee naar het ziekenhuis?".into();
    d.languages = vec!["nl".into(), "<b>".into()];
    assert_eq!(check_post(&d), Err(PostProblem::BadLanguage));
    d.languages = vec!["nl".into(), "ar".into()];
    let p = check_post(&d).unwrap();
    assert_eq!(p.title, "Wie rijdt mee naar het ziekenhuis?");
    assert_eq!(check_reply("  ", "0470"), Err(PostProblem::NoMessage));
    assert_eq!(
        check_reply("Ik kan helpen", "  "),
        Ok(("Ik kan helpen".into(), None))
    );
}

#[test]
fn codes_are_twelve_digits_and_read_in_groups() {
    let c = new_code(7);
    assert_eq!(c.len(), 12);
    assert!(c.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(display_code("482937506112"), "4829 3750 6112");
    assert_eq!(
        normalize_code("4829 3750-6112").as_deref(),
        Some("482937506112")
    );
    assert_eq!(normalize_code("48293750"), None);
    assert_eq!(normalize_code("4829375061a2"), None);
    assert_eq!(public_number("abc").len(), 6);
    assert_eq!(public_number("abc"), public_number("abc"));
}

#[test]
fn every_category_has_a_picture_and_round_trips() {
    for c in Category::ALL {
        assert_eq!(Category::from_id(c.id()), Some(c));
        assert!(!c.picture().is_empty());
    }
    for s in PostStatus::ALL {
        assert_eq!(PostStatus::from_id(s.id()), Some(s));
    }
}

#[test]
fn search_ignores_accents_and_capitals_and_filters() {
    let posts: Vec<Searchable> = [
        state("1", "ask", "cooking", "Recept voor Crème brûlée", ""),
        state("2", "offer", "cooking", "Ik kook graag", "Creme en taart"),
        state("3", "offer", "transport", "Rit naar Gent", "Élan"),
    ]
    .into_iter()
    .filter_map(Searchable::new)
    .collect();
    let f = |kind, category, words: &str| Filter {
        kind,
        category,
        words: words.into(),
    };
    assert_eq!(search(&posts, &f(None, None, "")), vec![0, 1, 2]);
    assert_eq!(search(&posts, &f(None, None, "CRÈME")), vec![0, 1]);
    assert_eq!(search(&posts, &f(None, None, "creme brulee")), vec![0]);
    assert_eq!(search(&posts, &f(None, None, "elan")), vec![2]);
    assert_eq!(
        search(&posts, &f(Some(PostKind::Offer), None, "")),
        vec![1, 2]
    );
    assert_eq!(
        search(&posts, &f(None, Some(Category::Transport), "")),
        vec![2]
    );
    let n = posts[1].number.clone();
    assert_eq!(search(&posts, &f(None, None, &n)), vec![1]);
}

#[test]
fn expiry_and_renewal() {
    let mut p = state("1", "ask", "cooking", "x", "");
    p.expires_ms = Some(30 * DAY_MS);
    assert!(on_board(&p, 0));
    assert!(!renewable(&p, 0));
    assert!(renewable(&p, 23 * DAY_MS + 1));
    assert!(!on_board(&p, 30 * DAY_MS));
    assert!(renewable(&p, 31 * DAY_MS));
    p.status = "reported".into();
    assert!(!on_board(&p, 0));
}

#[test]
fn a_decision_follows_the_same_rules_everywhere() {
    use digidak_protocol::PostModerated;
    let m = |decision: &str| PostModerated {
        id: "1".into(),
        decision: decision.into(),
        reason: None,
        title: None,
        text: None,
        category: None,
    };
    let mut p = state("1", "ask", "cooking", "x", "");
    p.status = "waiting".into();
    p.expires_ms = None;
    let fix = PostModerated {
        title: Some(" Soep \u{202E}".into()),
        category: Some("company".into()),
        ..m("approve")
    };
    assert_eq!(decide(&mut p, &fix, 0, 3), Ok(true));
    assert_eq!(
        (
            p.status.as_str(),
            p.post.title.as_str(),
            p.post.category.as_str()
        ),
        ("public", "Soep", "company")
    );
    assert_eq!(p.expires_ms, Some(3 * DAY_MS));
    // Approved again later: never shorter than it was.
    assert_eq!(decide(&mut p, &m("approve"), -DAY_MS, 3), Ok(true));
    assert_eq!(p.expires_ms, Some(3 * DAY_MS));
    let before = p.clone();
    let blank = PostModerated {
        title: Some("\u{200B}".into()),
        ..m("approve")
    };
    assert_eq!(decide(&mut p, &blank, 0, 3), Err(DecisionProblem::NoTitle));
    assert_eq!(
        decide(&mut p, &m("reject"), 0, 3),
        Err(DecisionProblem::NoReason)
    );
    assert!(decide(&mut p, &m("delete"), 0, 3).is_err());
    assert_eq!(p, before, "a refused decision changes nothing");
    let why = PostModerated {
        reason: Some("Niet vriendelijk".into()),
        ..m("reject")
    };
    assert_eq!(decide(&mut p, &why, 0, 3), Ok(true));
    assert_eq!(p.reason.as_deref(), Some("Niet vriendelijk"));
    p.status = "closed".into();
    assert_eq!(decide(&mut p, &m("approve"), 0, 3), Ok(false));
}

#[test]
fn a_post_ends_when_closed_rejected_or_expired_and_its_replies_are_forgotten_later() {
    let mut p = state("1", "ask", "transport", "Rit", "");
    let day = |n: i64| n * DAY_MS;
    // Up until day 100: not ended.
    assert_eq!(ended_at(&p, day(50)), None);
    assert_eq!(replies_wiped_on(&p, day(50)), None);
    // Expired on day 100: replies wiped on day 130.
    assert_eq!(ended_at(&p, day(101)), Some(day(100)));
    assert_eq!(
        replies_wiped_on(&p, day(101)),
        Some(day(100 + i64::from(KEEP_REPLIES_DAYS)))
    );
    assert!(!replies_forgotten(&p, day(129), 30));
    assert!(replies_forgotten(&p, day(131), 30));
    // Closed on day 10: that is when it ended.
    p.status = "closed".into();
    p.ended_ms = Some(day(10));
    assert_eq!(ended_at(&p, day(11)), Some(day(10)));
    assert!(replies_forgotten(&p, day(41), 30));
    // A waiting post never "ended".
    let mut w = state("2", "ask", "transport", "Rit", "");
    w.status = "waiting".into();
    w.expires_ms = None;
    assert_eq!(ended_at(&w, day(1000)), None);
}

#[test]
fn decisions_stamp_approval_and_end_and_the_paper_board_can_take_only_new_posts() {
    let mut p = state("1", "ask", "transport", "Rit", "");
    p.status = "waiting".into();
    p.expires_ms = None;
    let m = |decision: &str, reason: Option<&str>| digidak_protocol::PostModerated {
        id: "1".into(),
        decision: decision.into(),
        reason: reason.map(Into::into),
        title: None,
        text: None,
        category: None,
    };
    assert!(decide(&mut p, &m("approve", None), 5 * DAY_MS, 28).unwrap());
    assert_eq!((p.approved_ms, p.ended_ms), (Some(5 * DAY_MS), None));
    // Approved again after a report: the new approval counts.
    p.status = "reported".into();
    assert!(decide(&mut p, &m("approve", None), 6 * DAY_MS, 28).unwrap());
    assert_eq!(p.approved_ms, Some(6 * DAY_MS));
    // This week's new posts: approved in the last seven days and still up.
    assert!(new_this_week(&p, 12 * DAY_MS));
    assert!(!new_this_week(&p, 14 * DAY_MS));
    let old = state("2", "offer", "lending", "Boor", "");
    let both = [p.clone(), old];
    assert_eq!(pdf::paper_posts(&both, 12 * DAY_MS, false).len(), 2);
    let new = pdf::paper_posts(&both, 12 * DAY_MS, true);
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].post.id, "1");
    // Rejected: ended then.
    p.status = "reported".into();
    assert!(decide(&mut p, &m("reject", Some("Geld")), 7 * DAY_MS, 28).unwrap());
    assert_eq!(p.ended_ms, Some(7 * DAY_MS));
    assert_eq!(ended_at(&p, 7 * DAY_MS), Some(7 * DAY_MS));
}

//! Every resident screen (and the volunteer's check-in and moderation) at the sizes a computer
//! room has — 1024x768, 1280x800, 1920x1080 and a tablet in portrait (800x1280) — at text 1x,
//! 1.5x and 2x, in Dutch, French and English, with long real content: the longest lesson step,
//! 1,000 board posts with long titles, an activity with a long title and place. Each page is
//! checked as it opens, for:
//! - a widget outside the window (left or right), or a bar's widget off screen;
//! - two buttons or fields that overlap;
//! - a label broken inside a word (a word wider than its widget);
//! - the page's main action not visible without scrolling;
//! - a touch target smaller than 64 px;
//! - a new page not opened at its top;
//! - bars (top, bottom, a pinned action or lesson bar) leaving the content under half the
//!   window's height.
//!
//! Turkish, Polish, Ukrainian, Romanian and Arabic are checked on the smallest room screen
//! (1024x768) at text 1x and 2x (the whole matrix for all eight would take too long); naming
//! them in `DIGIDAK_LAYOUT_LANGS` checks them at every size and text size.
//!
//! `DIGIDAK_LAYOUT_SIZES=1024x768` (and `..._LANGS=nl`, `..._SCALES=2`, `..._PAGES=home,board`:
//! pages whose name contains one of these) narrow the matrix for a quick look.

use crate::common;
use crate::support;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::*;
use digidak::app::{Action, Kiosk, Screen, TextScale};
use digidak::modules::activities::{self, Activities, ActivityAction};
use digidak::modules::board::{self, Board, BoardAction};
use digidak::modules::lessons::{self, LessonAction};
use digidak::store::{Pairing, Store};
use digidak_core::board::{Category, PostKind};
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;
use digidak_core::lessons::{Lesson, Practice};
use digidak_protocol::{Change, kinds};
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT, Queryable};

const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1920.0, 1080.0),
    (800.0, 1280.0),
];
const SCALES: [TextScale; 3] = [TextScale::Normal, TextScale::Large, TextScale::Largest];
const POSTS: usize = 1000;
const ACTIVITY: &str = "0190b6f4-0000-7000-8000-000000000001";

/// A kiosk with long real content, offline (paired, so codes and "later" work).
fn content_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    store
        .set_pairing(&Pairing {
            server_url: "http://127.0.0.1:9".into(),
            kiosk_id: "kiosk-1".into(),
            name: "PC 1".into(),
            site: "noord".into(),
        })
        .unwrap();
    let mut changes = vec![Change {
        seq: 1,
        kind: kinds::ACTIVITY_SAVED.into(),
        payload: serde_json::json!({
            "activity": {
                "id": ACTIVITY,
                "title": "Samen leren videobellen met de kleinkinderen en de familie in het buitenland",
                "description": "We leren samen hoe je met WhatsApp en Messenger belt met je familie. Breng je gsm of tablet mee, en je oplader. Er is koffie en thee.",
                "picture": "calendar",
                "place": "Buurthuis De Brug, Sint-Bernardsesteenweg 123, zaal 2 op de eerste verdieping",
                "start": "2099-12-09T14:00",
                "end": "2099-12-09T16:00",
                "deadline": "2099-12-09T12:00",
                "capacity": 1000,
                "max_party": 3,
                "block": 0,
                "languages": ["nl", "fr", "ar", "tr", "uk"],
                "deleted": false
            },
            "free": 1000, "confirmed": 0, "waitlisted": 0, "blocks": []
        }),
    }];
    let now = now_ms();
    for i in 0..POSTS {
        let cat = Category::ALL[i % Category::ALL.len()];
        let kind = if i % 2 == 0 { "ask" } else { "offer" };
        changes.push(Change {
            seq: 2 + i as u64,
            kind: kinds::POST_STATE.into(),
            payload: serde_json::json!({
                "post": {
                    "id": format!("0190b6f4-0000-7000-8000-{i:012}"),
                    "code": format!("{:012}", 100_000_000_000u64 + i as u64),
                    "kind": kind,
                    "category": cat.id(),
                    "title": format!("Wie helpt mij met de belastingaangifte en de brieven van de gemeente? ({i})"),
                    "text": "Ik heb een brief gekregen van de FOD Financiën en ik begrijp hem niet goed. Wie kan mij helpen om hem te lezen en te beantwoorden? Ik spreek Nederlands, Arabisch en een beetje Frans.",
                    "languages": ["nl", "ar", "fr"]
                },
                "status": "public",
                "created_ms": now - i as i64 * 60_000,
                "expires_ms": now + 20 * 86_400_000,
                "approved_ms": now - i as i64 * 60_000
            }),
        });
    }
    // Local partners ("Wie kan helpen") with long names, words and hours.
    for (i, (name, cats)) in [
        (
            "OCMW Sint-Gillis, Sociale Dienst en Schuldbemiddeling",
            vec!["paperwork", "computer", "shopping"],
        ),
        (
            "Buurtzorg De Ark: thuiszorg, eenzaamheid en gezondheid",
            vec!["company", "cooking", "transport"],
        ),
        (
            "Sociaal Verhuurkantoor Brussel-Zuid",
            vec!["paperwork", "odd-jobs"],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let seq = changes.len() as u64 + 1;
        changes.push(Change {
            seq,
            kind: kinds::PARTNER_SAVED.into(),
            payload: serde_json::json!({
                "id": format!("0190b6f4-0000-7000-8000-90000000000{i}"),
                "name": name,
                "description": "Hulp bij brieven van de gemeente, de mutualiteit en de belastingen; uitleg over huurcontracten, energiefacturen en premies. Kom langs zonder afspraak of bel ons.",
                "picture": "town-hall",
                "categories": cats,
                "hours": digidak_core::partners::parse_week("mon-fri 9:00-12:00 13:00-16:30; sat 10:00-12:00").unwrap(),
                "address": "Sint-Bernardsesteenweg 123, 1060 Sint-Gillis (ingang langs de achterkant, eerste verdieping)",
                "contact": "02 123 45 67 of onthaal@ocmw-sintgillis.example.be",
                "deleted": false
            }),
        });
        // The OCMW has an uploaded logo, kept in the data folder as sync keeps it; the
        // others show a pictogram.
        if i == 0 {
            let logo = layout_logo();
            let path = digidak::sync::logos::logo_path(dir.path(), &logo.hash).unwrap();
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &logo.png).unwrap();
            changes.last_mut().unwrap().payload["logo"] = logo.hash.into();
        }
    }
    // Two of the offers are a partner's (its badge on "Wie kan helpen").
    for i in [1usize, 3] {
        changes[1 + i].payload["post"]["partner"] =
            "Buurtzorg De Ark: thuiszorg, eenzaamheid en gezondheid".into();
    }
    let last = changes.len() as u64;
    for page in changes.chunks(200) {
        store.apply_changes(page, last).unwrap();
    }
    dir
}

/// A partner's logo as the server makes one of an upload: wide, with a light and a dark part.
fn layout_logo() -> digidak_core::logo::Logo {
    let img = image::RgbImage::from_fn(400, 160, |x, y| {
        if (x / 40 + y / 40) % 2 == 0 {
            image::Rgb([0, 110, 80])
        } else {
            image::Rgb([240, 200, 40])
        }
    });
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    digidak_core::logo::prepare_logo(&png.into_inner()).unwrap()
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn config() -> digidak::config::KioskConfig {
    let mut c = demo_config();
    // A program that "speaks" by doing nothing: the read-aloud button shows, as with espeak-ng.
    c.lessons.read_aloud = "/bin/true".into();
    c
}

/// One page to check: how to get there from the home screen, and its main action (a key).
struct Page {
    name: String,
    go: Vec<Action>,
    /// Wait for this before checking (a worker's answer).
    ready: fn(&digidak::ui::KioskUi) -> bool,
    main: Option<&'static str>,
    staff: bool,
    /// What a resident typed before the last action (a name, a title).
    prep: fn(&mut Kiosk),
}

fn page(name: &str, go: Vec<Action>, main: Option<&'static str>) -> Page {
    Page {
        name: name.into(),
        go,
        ready: |_| true,
        main,
        staff: false,
        prep: |_| {},
    }
}

/// The lesson steps worth a look: each lesson's longest step and one step of every practice
/// kind.
fn lesson_pages(lessons: &[Arc<Lesson>]) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut kinds_seen = BTreeSet::new();
    for l in lessons {
        let text = l.text(Lang::Nl).unwrap();
        let longest = (0..text.steps.len())
            .max_by_key(|&i| text.steps[i].text.len())
            .unwrap();
        let mut steps = vec![longest];
        for (i, s) in text.steps.iter().enumerate() {
            let kind = match &s.practice {
                Some(Practice::Quiz { .. }) => "quiz",
                Some(Practice::Phishing { .. }) => "phishing",
                Some(Practice::Email { .. }) => "email",
                Some(Practice::Itsme { .. }) => "itsme",
                None => continue,
            };
            if kinds_seen.insert(kind) {
                steps.push(i);
            }
        }
        for step in steps {
            let mut go = vec![lessons::action(LessonAction::Open(l.id.clone()))];
            go.extend((0..step).map(|_| lessons::action(LessonAction::Next)));
            pages.push(page(
                &format!("lesson {} step {}", l.id, step + 1),
                go,
                Some("lesson-next"),
            ));
        }
    }
    pages
}

fn pages(lessons: &[Arc<Lesson>]) -> Vec<Page> {
    let post = |i: usize| format!("0190b6f4-0000-7000-8000-{i:012}");
    let board = |mut more: Vec<Action>| {
        let mut go = vec![Action::Go(Screen::Module(board::LIST))];
        go.append(&mut more);
        go
    };
    let new_post = |mut more: Vec<Action>| {
        let mut go = vec![
            Action::Go(Screen::Module(board::LIST)),
            board::action(BoardAction::StartPost),
        ];
        go.append(&mut more);
        go
    };
    let mut all = vec![
        page("home", vec![], None),
        page(
            "help",
            vec![Action::Go(Screen::Module(digidak::modules::help::FORM))],
            Some("help-call"),
        ),
        Page {
            ready: |u| {
                // With the OCMW's logo read and drawn (off the UI thread).
                u.kiosk
                    .module::<digidak::modules::partners::Partners>()
                    .is_some_and(|p| {
                        !p.list.is_empty()
                            && p.list
                                .iter()
                                .filter(|x| !x.logo.is_empty())
                                .all(|x| p.logos.has(&x.logo))
                    })
            },
            ..page(
                "who can help (partners, a logo)",
                vec![Action::Go(Screen::Module(digidak::modules::partners::LIST))],
                None,
            )
        },
        Page {
            ready: |u| {
                u.kiosk
                    .module::<digidak::modules::partners::Partners>()
                    .is_some_and(|p| {
                        !p.strengths.is_empty()
                            && p.list
                                .iter()
                                .filter(|x| !x.logo.is_empty())
                                .all(|x| p.logos.has(&x.logo))
                    })
            },
            ..page(
                "what our neighbourhood can do",
                vec![Action::Go(Screen::Module(
                    digidak::modules::partners::STRENGTHS,
                ))],
                None,
            )
        },
        page("pin pad", vec![Action::Go(Screen::PinPad)], None),
        page(
            "lessons",
            vec![Action::Go(Screen::Module(lessons::LIST))],
            None,
        ),
        page(
            "resume code",
            vec![Action::Go(Screen::Module(lessons::RESUME_CODE))],
            None,
        ),
        page(
            "activities",
            vec![Action::Go(Screen::Module(activities::LIST))],
            None,
        ),
        page(
            "sign-up form",
            vec![activities::action(ActivityAction::Choose(ACTIVITY.into()))],
            Some("signup-submit"),
        ),
        Page {
            ready: |u| u.kiosk.module::<Activities>().unwrap().problem.is_some(),
            ..page(
                "sign-up form with a problem",
                vec![
                    activities::action(ActivityAction::Choose(ACTIVITY.into())),
                    activities::action(ActivityAction::SignUp),
                ],
                Some("signup-submit"),
            )
        },
        Page {
            prep: |k| k.module_mut::<Activities>().unwrap().drafts.signup_name = "Samira".into(),
            ready: |u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE),
            ..page(
                "sign-up done: the code",
                vec![
                    activities::action(ActivityAction::Choose(ACTIVITY.into())),
                    activities::action(ActivityAction::SignUp),
                ],
                None,
            )
        },
        page(
            "sign-up code pad",
            vec![Action::Go(Screen::Module(activities::SIGNUP_CODE))],
            None,
        ),
        page("board (1,000 posts)", board(vec![]), Some("board-new")),
        page(
            "a post",
            board(vec![board::action(BoardAction::Open(post(7)))]),
            None,
        ),
        page(
            "a reply",
            board(vec![
                board::action(BoardAction::Open(post(7))),
                board::action(BoardAction::StartReply),
            ]),
            Some("board-reply-send"),
        ),
        page(
            "report a post",
            board(vec![
                board::action(BoardAction::Open(post(7))),
                board::action(BoardAction::AskReport),
            ]),
            None,
        ),
        page("post step 1", new_post(vec![]), None),
        page(
            "post step 2",
            new_post(vec![board::action(BoardAction::ChooseKind(PostKind::Ask))]),
            None,
        ),
        Page {
            // The partners come with the board's refresh: "Stuur mijn vraag ook naar ..." then,
            // with the OCMW's logo beside it once read and drawn.
            ready: |u| {
                let b = &u.kiosk.module::<Board>().unwrap().state;
                let partners = b.partners_for_new_ask();
                !partners.is_empty()
                    && partners
                        .iter()
                        .filter(|p| !p.logo.is_empty())
                        .all(|p| b.partner_logos.has(&p.logo))
            },
            ..page(
                "post step 3",
                new_post(vec![
                    board::action(BoardAction::ChooseKind(PostKind::Ask)),
                    board::action(BoardAction::ChooseCategory(Category::ALL[1])),
                ]),
                Some("board-publish"),
            )
        },
        Page {
            prep: |k| {
                k.module_mut::<Board>().unwrap().drafts.post_title =
                    "Wie helpt mij met een brief van de gemeente?".into()
            },
            ready: |u| u.kiosk.screen() == Screen::Module(board::POSTED),
            ..page(
                "post step 4: the code",
                new_post(vec![
                    board::action(BoardAction::ChooseKind(PostKind::Ask)),
                    board::action(BoardAction::ChooseCategory(Category::ALL[1])),
                    board::action(BoardAction::Publish),
                ]),
                None,
            )
        },
        Page {
            ready: |u| u.kiosk.screen() == Screen::Module(digidak::modules::help::SENT),
            ..page(
                "help called",
                vec![
                    Action::Go(Screen::Module(digidak::modules::help::FORM)),
                    Action::Module(digidak::modules::help::call()),
                ],
                None,
            )
        },
        page(
            "board code pad",
            board(vec![Action::Go(Screen::Module(board::CODE))]),
            None,
        ),
        Page {
            staff: true,
            ..page(
                "check-in",
                vec![Action::Go(Screen::Module(activities::CHECK_IN))],
                None,
            )
        },
        Page {
            staff: true,
            ..page(
                "moderation",
                vec![Action::Go(Screen::Module(board::MODERATE))],
                None,
            )
        },
    ];
    // Volunteer mode's "Signaal doorgeven" (the partners module), each step.
    let signal = |name: &str, to: digidak::modules::Page, main: Option<&'static str>| Page {
        staff: true,
        ready: |u| {
            u.kiosk
                .module::<digidak::modules::partners::Partners>()
                .is_some_and(|p| !p.list.is_empty())
        },
        prep: |k| {
            if let Some(p) = k.module_mut::<digidak::modules::partners::Partners>() {
                p.signal.partner = Some("0190b6f4-0000-7000-8000-900000000001".into());
                p.signal.kind = Some("debt");
                p.sent_to = "Buurtzorg De Ark: thuiszorg, eenzaamheid en gezondheid".into();
            }
        },
        ..page(name, vec![Action::Go(Screen::Module(to))], main)
    };
    {
        use digidak::modules::partners::*;
        all.extend([
            signal("signal: which partner", SIGNAL_PARTNER, None),
            signal("signal: which kind", SIGNAL_KIND, None),
            signal("signal: a note", SIGNAL_NOTE, Some("signal-next")),
            signal("signal: the resident's consent", SIGNAL_CONSENT, None),
            signal(
                "signal: the phone number",
                SIGNAL_PHONE,
                Some("signal-send"),
            ),
            signal("signal: sent", SIGNAL_SENT, None),
            signal("signal: nothing sent", SIGNAL_NOT_SENT, None),
        ]);
    }
    all.extend(lesson_pages(lessons));
    all
}

/// Labels that belong to the bars, the action bar and the lesson's bar, in every language.
fn chrome_labels(tr: &Translations) -> BTreeSet<String> {
    let mut set: BTreeSet<String> = ["A", "A+", "A++"].iter().map(|s| s.to_string()).collect();
    for lang in Lang::ALL {
        for key in [
            "nav-home",
            "nav-back",
            "nav-done",
            "staff-open",
            "language-name",
            "language-choose",
            "signup-submit",
            "board-publish",
            "board-reply-send",
            "help-call",
            "signal-next",
            "signal-send",
            "lesson-back",
            "lesson-next",
            "lesson-later",
            "lesson-read-aloud",
            "volunteer-resume",
            "board-new",
            "board-have-code",
        ] {
            set.insert(tr.get(lang, key));
        }
    }
    set
}

struct Node {
    role: Role,
    label: String,
    rect: egui::Rect,
}

fn interactive(role: Role) -> bool {
    matches!(
        role,
        Role::Button | Role::TextInput | Role::MultilineTextInput | Role::CheckBox
    )
}

/// Everything wrong with the page on screen now. The bars are the kiosk's `Navigation` (top)
/// and `Toolbar` (bottom, a screen's action bar, the lesson's bar) nodes; a widget is in a bar
/// when it lies inside one and carries a bar's words.
fn problems(
    k: &TestKiosk,
    chrome: &BTreeSet<String>,
    icon_only: &BTreeSet<String>,
    main: Option<&str>,
    scale: f32,
) -> Vec<String> {
    let mut out = Vec::new();
    let window = k.harness.ctx.content_rect();
    let nodes: Vec<Node> = k
        .harness
        .query_all(By::new().predicate(|n| n.bounding_box().is_some()))
        .map(|n| Node {
            role: n.accesskit_node().role(),
            label: n.accesskit_node().label().unwrap_or_default(),
            rect: n.rect(),
        })
        .filter(|n| n.rect.is_positive())
        .collect();
    let is_bar = |n: &Node| matches!(n.role, Role::Navigation | Role::Toolbar | Role::Group);
    let bars: Vec<egui::Rect> = nodes.iter().filter(|n| is_bar(n)).map(|n| n.rect).collect();
    let top = nodes
        .iter()
        .filter(|n| n.role == Role::Navigation)
        .map(|n| n.rect.max.y)
        .fold(0.0, f32::max);
    let bottom = nodes
        .iter()
        .filter(|n| is_bar(n) && n.role != Role::Navigation)
        .map(|n| n.rect.min.y)
        .fold(window.max.y, f32::min);
    // Words that show twice (a language in the content and on the language bar) cannot say
    // which is which: such pairs are not compared.
    let twice = |label: &str| nodes.iter().filter(|n| n.label == label).count() > 1;
    // With more languages than fit in one row, the bar shows "Other language" instead of their
    // names: a language name is then the content's (a spoken language scrolled under the bar).
    let tr = translations();
    let choose: Vec<String> = Lang::ALL
        .iter()
        .map(|&l| tr.get(l, "language-choose"))
        .collect();
    let names_in_bar = !nodes.iter().any(|n| choose.contains(&n.label));
    let is_name = |n: &Node| {
        Lang::ALL
            .iter()
            .any(|&l| tr.get(l, "language-name") == n.label)
    };
    let is_chrome = |n: &Node| {
        chrome.contains(&n.label)
            && (names_in_bar || !is_name(n))
            && bars.iter().any(|b| b.contains_rect(n.rect))
    };

    // The page's own content keeps at least half the window: bars never crowd it out.
    if bottom - top < 0.5 * window.height() {
        out.push(format!(
            "the content gets only {:.0} of {:.0} px between the bars",
            bottom - top,
            window.height()
        ));
    }
    // Off the window (sideways, or a bar's widget off screen).
    for n in nodes.iter().filter(|n| !is_bar(n)) {
        let sideways = n.rect.min.x < window.min.x - 1.0 || n.rect.max.x > window.max.x + 1.0;
        let off = is_chrome(n) && (n.rect.min.y < -1.0 || n.rect.max.y > window.max.y + 1.0);
        if sideways || off {
            out.push(format!("outside the window: {:?} {:?}", n.label, n.rect));
        }
    }
    // Touch targets.
    for n in nodes.iter().filter(|n| interactive(n.role)) {
        if n.rect.width() < 63.5 || n.rect.height() < 63.5 {
            out.push(format!(
                "touch target {:.0}x{:.0}: {:?}",
                n.rect.width(),
                n.rect.height(),
                n.label
            ));
        }
    }
    // Overlaps: among the bars' widgets, and among the content's visible widgets.
    let visible = |n: &Node| n.rect.center().y > top && n.rect.center().y < bottom;
    let layers: [Vec<&Node>; 2] = [
        nodes
            .iter()
            .filter(|n| interactive(n.role) && is_chrome(n))
            .collect(),
        nodes
            .iter()
            .filter(|n| interactive(n.role) && !is_chrome(n) && visible(n))
            .collect(),
    ];
    for layer in &layers {
        for (i, a) in layer.iter().enumerate() {
            for b in &layer[i + 1..] {
                let x = a.rect.shrink(1.0).intersect(b.rect.shrink(1.0));
                if x.is_positive() && !twice(&a.label) && !twice(&b.label) {
                    out.push(format!("overlap: {:?} and {:?}", a.label, b.label));
                }
            }
        }
    }
    // Words broken: a word wider than its widget (measured at the smallest font in use: in
    // the bars, whose words come back to their 1x size before a row would wrap, 20 px).
    let content_font = egui::FontId::proportional(20.0 * scale);
    let bar_font = egui::FontId::proportional(20.0);
    for n in nodes.iter().filter(|n| !is_bar(n) && !n.label.is_empty()) {
        let font = if is_chrome(n) {
            &bar_font
        } else {
            &content_font
        };
        // (A picture's name, e.g. a partner's logo, is read by screen readers, not drawn.)
        if matches!(
            n.role,
            Role::TextInput | Role::MultilineTextInput | Role::Image
        ) {
            continue;
        }
        // The staff corner on a narrow top bar shows only its pictogram: its name is not drawn.
        if icon_only.contains(&n.label) && n.rect.width() <= 64.5 {
            continue;
        }
        for word in n.label.split_whitespace() {
            let w = k.harness.ctx.fonts_mut(|f| {
                f.layout_no_wrap(word.to_string(), font.clone(), egui::Color32::BLACK)
                    .size()
                    .x
            });
            if w > n.rect.width() + 1.0 {
                out.push(format!("word broken: {word:?} in {:?}", n.label));
                break;
            }
        }
    }
    // The main action shows without scrolling.
    if let Some(main) = main {
        match nodes
            .iter()
            .find(|n| n.label == main && interactive(n.role))
        {
            None => out.push(format!("no main action {main:?}")),
            Some(n) => {
                let in_bar = is_chrome(n);
                let shown = n.rect.min.y >= top - 1.0 && n.rect.max.y <= bottom + 1.0;
                if !(in_bar || shown) || n.rect.max.y > window.max.y + 1.0 {
                    out.push(format!("main action {main:?} not in sight: {:?}", n.rect));
                }
            }
        }
    }
    // Opened at its top: nothing of the content above the top bar.
    if let Some(n) = nodes
        .iter()
        .filter(|n| !is_bar(n) && !is_chrome(n))
        .find(|n| n.rect.max.y < top - 1.0)
    {
        out.push(format!("not at its top: {:?} at {:?}", n.label, n.rect));
    }
    out
}

/// Opens `p` from the home screen in `lang` at `scale`, as its actions say.
fn open(k: &mut TestKiosk, p: &Page, lang: Lang, scale: TextScale) {
    let kiosk = &mut k.harness.state_mut().kiosk;
    // (Home also leaves volunteer mode: the PIN comes after it.)
    kiosk.handle(Action::Home);
    kiosk.handle(Action::SetLanguage(lang));
    kiosk.handle(Action::SetTextScale(scale));
    if p.staff {
        kiosk.handle(Action::Go(Screen::PinPad));
        for d in "2468".chars() {
            kiosk.handle(Action::PinDigit(d));
        }
        kiosk.handle(Action::PinSubmit);
        k.settle(|u| u.kiosk.staff().is_some());
    }
    k.harness.run();
    for (i, a) in p.go.iter().enumerate() {
        if i + 1 == p.go.len() {
            (p.prep)(&mut k.harness.state_mut().kiosk);
        }
        k.harness.state_mut().kiosk.handle(a.clone());
        k.harness.run();
    }
    k.settle(p.ready);
    k.harness.run();
    let screen = k.harness.state().kiosk.screen();
    assert!(
        p.go.is_empty() || screen != Screen::Home,
        "{} did not open",
        p.name
    );
}

fn wanted<T: Copy>(var: &str, all: &[T], name: impl Fn(T) -> String) -> Vec<T> {
    match std::env::var(var) {
        Ok(v) => all
            .iter()
            .copied()
            .filter(|x| v.split(',').any(|p| p == name(*x)))
            .collect(),
        Err(_) => all.to_vec(),
    }
}

/// The home screen's tiles (every enabled module's, five in the demo) that are not whole
/// between the bars, or fewer tiles than modules.
fn home_tiles_cut(k: &TestKiosk) -> Vec<String> {
    let nodes: Vec<(Role, String, egui::Rect)> = k
        .harness
        .query_all(By::new().predicate(|n| n.bounding_box().is_some()))
        .map(|n| {
            (
                n.accesskit_node().role(),
                n.accesskit_node().label().unwrap_or_default(),
                n.rect(),
            )
        })
        .collect();
    let top = nodes
        .iter()
        .filter(|n| n.0 == Role::Navigation)
        .map(|n| n.2.max.y)
        .fold(0.0, f32::max);
    let bottom = nodes
        .iter()
        .filter(|n| matches!(n.0, Role::Toolbar | Role::Group))
        .map(|n| n.2.min.y)
        .fold(k.harness.ctx.content_rect().max.y, f32::min);
    let kiosk = &k.harness.state().kiosk;
    let tr = translations();
    let mut out = Vec::new();
    for m in kiosk.config.modules.enabled.iter() {
        // Each module's tile is named `tile-<id>`.
        let label = tr.get(kiosk.lang, &format!("tile-{}", m.id()));
        match nodes.iter().find(|n| n.0 == Role::Button && n.1 == label) {
            None => out.push(format!("no tile {label:?}")),
            Some(n) if n.2.min.y < top - 1.0 || n.2.max.y > bottom + 1.0 => {
                out.push(format!("tile {label:?} not whole on screen: {:?}", n.2))
            }
            Some(_) => {}
        }
    }
    if kiosk.config.modules.enabled.len() < 5 {
        out.push("the demo's home screen has fewer than five tiles".into());
    }
    out
}

/// The pages `DIGIDAK_LAYOUT_PAGES` names (a part of their name each, comma separated), or all.
fn wanted_pages(all: Vec<Page>) -> Vec<Page> {
    match std::env::var("DIGIDAK_LAYOUT_PAGES") {
        Ok(v) => all
            .into_iter()
            .filter(|p| v.split(',').any(|part| p.name.contains(part)))
            .collect(),
        Err(_) => all,
    }
}

#[test]
fn every_screen_fits_every_size_text_size_and_language() {
    let translations = Translations::load().unwrap();
    let chrome = chrome_labels(&translations);
    let icon_only: BTreeSet<String> = Lang::ALL
        .iter()
        .map(|&l| translations.get(l, "staff-open"))
        .collect();
    let mut k = start_in(config(), SIZES[0].into(), content_dir());
    k.settle(|u| {
        u.kiosk.module::<Board>().unwrap().state.posts.len() == POSTS
            && !u.kiosk.module::<Activities>().unwrap().list.is_empty()
    });
    let library = k.harness.state().kiosk.content.library.clone().unwrap();
    let pages = wanted_pages(pages(&library.lessons));

    let sizes = wanted("DIGIDAK_LAYOUT_SIZES", &SIZES, |(w, h)| format!("{w}x{h}"));
    let langs = wanted("DIGIDAK_LAYOUT_LANGS", &Lang::ALL, |l| l.code().to_string());
    let scales = wanted("DIGIDAK_LAYOUT_SCALES", &SCALES, |s| s.factor().to_string());
    let whole_matrix = |lang: Lang| lang.is_base() || std::env::var("DIGIDAK_LAYOUT_LANGS").is_ok();
    let mut checked = 0;
    let mut failures = Vec::new();
    for &lang in &langs {
        // The other languages: the smallest screen, text 1x and 2x.
        let (sizes, scales): (Vec<_>, Vec<_>) = if whole_matrix(lang) {
            (sizes.clone(), scales.clone())
        } else {
            (
                sizes.iter().copied().filter(|s| *s == SIZES[0]).collect(),
                scales
                    .iter()
                    .copied()
                    .filter(|s| *s != TextScale::Large)
                    .collect(),
            )
        };
        for &scale in &scales {
            for &(w, h) in &sizes {
                k.harness.set_size(egui::vec2(w, h));
                for p in &pages {
                    open(&mut k, p, lang, scale);
                    checked += 1;
                    // The home screen shows every tile whole, without scrolling.
                    if p.name == "home" {
                        for problem in home_tiles_cut(&k) {
                            failures.push(format!(
                                "home at {w}x{h}, text {}x, {}: {problem}",
                                scale.factor(),
                                lang.code()
                            ));
                        }
                    }
                    // An ask in a category a partner covers offers to send it there too.
                    if p.name == "post step 3"
                        && k.harness.query_all(By::new().role(Role::Button)).all(|n| {
                            !n.accesskit_node()
                                .label()
                                .unwrap_or_default()
                                .contains("OCMW Sint-Gillis")
                        })
                    {
                        failures.push(format!(
                            "{} at {w}x{h}, text {}x, {}: no choice to send the ask to the partner",
                            p.name,
                            scale.factor(),
                            lang.code()
                        ));
                    }
                    let main = p.main.map(|key| translations.get(lang, key));
                    for problem in
                        problems(&k, &chrome, &icon_only, main.as_deref(), scale.factor())
                    {
                        failures.push(format!(
                            "{} at {w}x{h}, text {}x, {}: {problem}",
                            p.name,
                            scale.factor(),
                            lang.code()
                        ));
                    }
                }
            }
        }
    }
    println!(
        "checked {checked} combinations of {} pages x {} sizes x {} text sizes x {} languages (not all in every one): {} problems",
        pages.len(),
        sizes.len(),
        scales.len(),
        langs.len(),
        failures.len()
    );
    for f in failures.iter().take(400) {
        println!("{f}");
    }
    assert!(failures.is_empty(), "{} layout problems", failures.len());
}

/// "Read aloud" is on every page, in the same place, and says that page's words in its
/// language (a stand-in for espeak-ng writes down what it was asked to say): the page's own
/// text, not the bars', and codes digit by digit.
#[test]
fn every_page_reads_itself_aloud() {
    let dir = tempfile::tempdir().unwrap();
    let (program, said) = fake_speech(dir.path());
    let mut c = config();
    c.lessons.read_aloud = program.display().to_string();
    let mut k = start_in(c, egui::vec2(1280.0, 800.0), content_dir());
    k.settle(|u| {
        u.kiosk.module::<Board>().unwrap().state.posts.len() == POSTS
            && !u.kiosk.module::<Activities>().unwrap().list.is_empty()
    });
    k.settle(|u| u.kiosk.speech.available());
    let library = k.harness.state().kiosk.content.library.clone().unwrap();
    let translations = Translations::load().unwrap();
    let lines = || {
        std::fs::read_to_string(&said)
            .unwrap_or_default()
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let mut read = 0;
    for lang in [Lang::Nl, Lang::Fr] {
        let button = translations.get(lang, "lesson-read-aloud");
        for p in pages(&library.lessons) {
            open(&mut k, &p, lang, TextScale::Normal);
            let before = lines().len();
            let top = k.harness.get_by_label(&button).rect();
            assert!(
                top.max.y < 120.0,
                "{}: read aloud is in the top bar",
                p.name
            );
            k.click(&button);
            support::wait_until(std::time::Duration::from_secs(10), "speech", || {
                lines().len() > before
            });
            let line = lines()[before].clone();
            assert!(
                line.starts_with(&format!("-v {} ", lang.code())),
                "{}: {line}",
                p.name
            );
            let words = &line[6..];
            assert!(words.split_whitespace().count() >= 3, "{}: {words}", p.name);
            for bar in ["nav-done", "staff-open"] {
                let bar = translations.get(lang, bar);
                assert!(!words.contains(&bar), "{}: {words}", p.name);
            }
            if let Some(main) = p.main {
                let main = translations.get(lang, main);
                assert!(words.contains(&main), "{}: {main:?} not in {words}", p.name);
            }
            if p.name == "sign-up done: the code" {
                let code = k
                    .harness
                    .state()
                    .kiosk
                    .module::<Activities>()
                    .unwrap()
                    .receipt
                    .clone()
                    .unwrap()
                    .code;
                let spoken: Vec<String> = code.chars().map(|c| c.to_string()).collect();
                assert!(
                    words.contains(&spoken[..4].join(" ")),
                    "the code digit by digit: {words}"
                );
            }
            read += 1;
        }
    }
    println!("{read} pages read aloud");
}

/// Screenshots of every page for review (`scripts/screens`): 1024x768 and 1280x800, text 1x
/// and 2x, in Dutch, as PNG files in `DIGIDAK_SCREENS_DIR` (default `target/screens`).
#[test]
#[ignore = "makes screenshots for review: scripts/screens"]
fn screenshots() {
    let dir = std::env::var("DIGIDAK_SCREENS_DIR").unwrap_or_else(|_| "target/screens".into());
    std::fs::create_dir_all(&dir).unwrap();
    let mut k = start_in(config(), SIZES[0].into(), content_dir());
    k.settle(|u| {
        u.kiosk.module::<Board>().unwrap().state.posts.len() == POSTS
            && !u.kiosk.module::<Activities>().unwrap().list.is_empty()
    });
    let library = k.harness.state().kiosk.content.library.clone().unwrap();
    // 1024x768 and 1280x800 unless DIGIDAK_LAYOUT_SIZES names others (of the matrix's).
    let sizes = match std::env::var("DIGIDAK_LAYOUT_SIZES") {
        Ok(_) => wanted("DIGIDAK_LAYOUT_SIZES", &SIZES, |(w, h)| format!("{w}x{h}")),
        Err(_) => SIZES[..2].to_vec(),
    };
    // Dutch unless DIGIDAK_LAYOUT_LANGS names others.
    let langs = match std::env::var("DIGIDAK_LAYOUT_LANGS") {
        Ok(_) => wanted("DIGIDAK_LAYOUT_LANGS", &Lang::ALL, |l| l.code().to_string()),
        Err(_) => vec![Lang::Nl],
    };
    let mut made = 0;
    for lang in langs {
        for scale in wanted(
            "DIGIDAK_LAYOUT_SCALES",
            &[TextScale::Normal, TextScale::Largest],
            |s| s.factor().to_string(),
        ) {
            for &(w, h) in &sizes {
                k.harness.set_size(egui::vec2(w, h));
                for p in wanted_pages(pages(&library.lessons)) {
                    open(&mut k, &p, lang, scale);
                    let name: String = p
                        .name
                        .chars()
                        .map(|c| if c.is_alphanumeric() { c } else { '-' })
                        .collect();
                    let file = format!(
                        "{dir}/{}-{name}-{w}x{h}-{}x.png",
                        lang.code(),
                        scale.factor()
                    );
                    k.screenshot(std::path::Path::new(&file));
                    made += 1;
                }
            }
        }
    }
    println!("{made} screenshots in {dir}");
}

/// Arabic reads from the right: the top bar starts at the right (Home, Back), "I'm done" and
/// the staff corner are on the left, text hugs the right edge, a lesson's "Next" is left of
/// "Previous". Snapshots at 1280x800 of home, a lesson step, the sign-up form and the board go
/// to `DIGIDAK_SCREENS_DIR` (default `target/screens`) for a person to look at.
#[test]
fn arabic_screens_read_from_the_right() {
    let dir = std::env::var("DIGIDAK_SCREENS_DIR").unwrap_or_else(|_| "target/screens".into());
    std::fs::create_dir_all(&dir).unwrap();
    let t = Translations::load().unwrap();
    let ar = |key: &str| t.get(Lang::Ar, key);
    let mut k = start_in(config(), egui::vec2(1280.0, 800.0), content_dir());
    k.settle(|u| {
        u.kiosk.module::<Board>().unwrap().state.posts.len() == POSTS
            && !u.kiosk.module::<Activities>().unwrap().list.is_empty()
    });
    let library = k.harness.state().kiosk.content.library.clone().unwrap();
    let all = pages(&library.lessons);
    let rect = |k: &TestKiosk, label: &str| k.harness.get_by_label(label).rect();
    for name in [
        "home",
        "lesson itsme step 6",
        "sign-up form",
        "board (1,000 posts)",
    ] {
        let p = all.iter().find(|p| p.name == name).unwrap();
        open(&mut k, p, Lang::Ar, TextScale::Normal);
        let file = format!(
            "{dir}/ar-{}-1280x800.png",
            name.replace([' ', '(', ')', ','], "-")
        );
        k.screenshot(std::path::Path::new(&file));
        let home = rect(&k, &ar("nav-home"));
        let done = rect(&k, &ar("nav-done"));
        assert!(
            home.min.x > 1280.0 / 2.0,
            "{name}: Home is on the right: {home:?}"
        );
        assert!(
            done.max.x < 1280.0 / 2.0,
            "{name}: I'm done is on the left: {done:?}"
        );
        assert!(
            rect(&k, &ar("nav-back")).max.x < home.min.x,
            "{name}: Back follows Home leftwards"
        );
    }
    // The home screen's welcome hugs the right edge.
    open(
        &mut k,
        all.iter().find(|p| p.name == "home").unwrap(),
        Lang::Ar,
        TextScale::Normal,
    );
    let welcome = rect(&k, &ar("home-welcome"));
    assert!(welcome.max.x > 1280.0 - 80.0, "{welcome:?}");
    // A lesson step: "Next" is on the left of "Previous".
    let step = all
        .iter()
        .find(|p| p.name == "lesson itsme step 6")
        .unwrap();
    open(&mut k, step, Lang::Ar, TextScale::Normal);
    assert!(rect(&k, &ar("lesson-next")).max.x < rect(&k, &ar("lesson-back")).min.x);
}

/// Every page, left alone once it has opened, asks for no frame for at least 10 s (a still
/// screen costs no CPU: `scripts/bench-startup` measures 0 CPU ticks on the home screen in a
/// real window; this covers the other pages). Timers (the idle warning, minutes away) are
/// allowed; animations, blinking and polling are not.
#[test]
fn every_page_left_alone_asks_for_no_frames() {
    let mut k = start_in(config(), SIZES[1].into(), content_dir());
    k.settle(|u| {
        u.kiosk.module::<Board>().unwrap().state.posts.len() == POSTS
            && !u.kiosk.module::<Activities>().unwrap().list.is_empty()
    });
    let library = k.harness.state().kiosk.content.library.clone().unwrap();
    let mut busy = Vec::new();
    let pages = pages(&library.lessons);
    let mut soonest = std::time::Duration::MAX;
    for p in &pages {
        open(&mut k, p, Lang::Nl, TextScale::Normal);
        // Pictures and workers' answers arrive in the first frames; then the page is still.
        for _ in 0..3 {
            k.harness.run();
        }
        let delay = k.repaint_delay();
        soonest = soonest.min(delay);
        if delay < std::time::Duration::from_secs(10) {
            busy.push(format!("{}: next frame after {delay:?}", p.name));
        }
    }
    println!(
        "{} pages left alone; the soonest frame any asked for: after {soonest:?}",
        pages.len()
    );
    assert!(
        busy.is_empty(),
        "pages that keep drawing:\n{}",
        busy.join("\n")
    );
}

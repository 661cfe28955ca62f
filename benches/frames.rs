//! Frame-time benchmark of the lesson, activity and board screens (1,000 posts), and the
//! board's search time: `cargo bench --bench frames`.
//!
//! A real kiosk (real store on a temp folder, every built-in lesson loaded and its pictures
//! drawn) runs in a bare `egui::Context` at 1280x800, with the pointer moving every frame so
//! that nothing is skipped. Per frame it times what the UI thread does: the egui pass
//! (`KioskUi::show`) and the tessellation into triangles. GPU upload and presentation are not
//! included (they are the same for any egui app). It reports, for each screen, the median,
//! 95th percentile and maximum wall time per frame, and the UI thread's CPU time per frame from
//! `/proc/thread-self/schedstat`. The goal is <= 2 ms of CPU per frame.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) it runs a few frames as a smoke test.

use std::sync::Arc;
use std::time::{Duration, Instant};

use digidak::app::{Action, Kiosk, Screen, StoreStatus};
use digidak::config;
use digidak::modules::activities::{self, Activities};
use digidak::modules::board::{self, Board, BoardAction};
use digidak::modules::lessons::{self, LessonAction, Lessons};
use digidak::ui::KioskUi;
use digidak_core::clock::SystemClock;
use digidak_core::i18n::Translations;
use digidak_core::lessons::{Practice, Topic};

#[path = "support/seed.rs"]
mod seed;
use seed::{seed_activities, seed_posts};

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

struct Bench {
    ctx: egui::Context,
    ui: KioskUi,
    frame: u64,
}

impl Bench {
    fn frame(&mut self) -> usize {
        self.frame += 1;
        // The pointer wanders over the content, as a hand over a touch screen does.
        let x = 100.0 + (self.frame % 900) as f32;
        let y = 200.0 + (self.frame % 400) as f32;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(self.frame as f64 / 60.0),
            events: vec![egui::Event::PointerMoved(egui::pos2(x, y))],
            ..Default::default()
        };
        let ui = &mut self.ui;
        let mut out = self.ctx.run_ui(input, |eui| ui.show(eui));
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        // A renderer would upload these; here they are dropped on purpose.
        out.textures_delta.clear();
        let vertices = prims
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        std::hint::black_box(prims);
        vertices
    }

    /// One frame with the mouse wheel turned over the list.
    fn wheel(&mut self, dy: f32) {
        self.frame += 1;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(self.frame as f64 / 60.0),
            events: vec![
                egui::Event::PointerMoved(egui::pos2(640.0, 600.0)),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, dy),
                    modifiers: egui::Modifiers::NONE,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                },
            ],
            ..Default::default()
        };
        let ui = &mut self.ui;
        let mut out = self.ctx.run_ui(input, |eui| ui.show(eui));
        // A renderer would upload new textures; here they are dropped on purpose.
        out.textures_delta.clear();
        std::hint::black_box(self.ctx.tessellate(out.shapes, out.pixels_per_point));
    }

    /// Where the widget labelled `label` is (one frame with egui's accessibility tree on).
    fn rect_of(&mut self, label: &str) -> egui::Rect {
        self.ctx.enable_accesskit();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(self.frame as f64 / 60.0),
            ..Default::default()
        };
        let ui = &mut self.ui;
        let mut out = self.ctx.run_ui(input, |eui| ui.show(eui));
        out.textures_delta.clear();
        self.ctx.disable_accesskit();
        let update = out.platform_output.accesskit_update.expect("a tree");
        let b = update
            .nodes
            .iter()
            .find(|(_, n)| n.label() == Some(label))
            .and_then(|(_, n)| n.bounds())
            .unwrap_or_else(|| panic!("no {label:?} on screen"));
        egui::Rect::from_min_max(
            egui::pos2(b.x0 as f32, b.y0 as f32),
            egui::pos2(b.x1 as f32, b.y1 as f32),
        )
    }

    /// A finger taps `pos` (touch events and the pointer events they stand for).
    fn tap(&mut self, pos: egui::Pos2) {
        let touch = |phase| egui::Event::Touch {
            device_id: egui::TouchDeviceId(1),
            id: egui::TouchId(0),
            phase,
            pos,
            force: None,
        };
        let button = |pressed| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        for events in [
            vec![
                touch(egui::TouchPhase::Start),
                egui::Event::PointerMoved(pos),
                button(true),
            ],
            vec![touch(egui::TouchPhase::End), button(false)],
            vec![],
            vec![],
        ] {
            self.frame += 1;
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
                time: Some(self.frame as f64 / 60.0),
                events,
                ..Default::default()
            };
            let ui = &mut self.ui;
            let mut out = self.ctx.run_ui(input, |eui| ui.show(eui));
            out.textures_delta.clear();
        }
    }

    fn act(&mut self, action: Action) {
        self.ui.kiosk.handle(action);
        // Two frames: the first lays out the new screen, the second settles it.
        self.frame();
        self.frame();
    }
}

/// How long searching the board takes: the words typed are folded and every post checked.
fn search_times(posts: &[digidak_core::board::Searchable], reps: usize) {
    use digidak_core::board::{Category, Filter, search};
    for (name, f) in [
        ("no filter", Filter::default()),
        (
            "one word \"Ziekenhuís\"",
            Filter {
                words: "Ziekenhuís".into(),
                ..Default::default()
            },
        ),
        (
            "two words \"creme gsm\"",
            Filter {
                words: "creme gsm".into(),
                ..Default::default()
            },
        ),
        (
            "category + word",
            Filter {
                category: Some(Category::Transport),
                words: "gsm".into(),
                ..Default::default()
            },
        ),
        (
            "a word found nowhere",
            Filter {
                words: "xylofoon".into(),
                ..Default::default()
            },
        ),
    ] {
        let mut times: Vec<Duration> = (0..reps)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(search(posts, &f));
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "search {} posts, {name:<28} median {:>6.3} ms  max {:>6.3} ms  ({} found)",
            posts.len(),
            ms(times[times.len() / 2]),
            ms(*times.last().unwrap()),
            search(posts, &f).len()
        );
    }
    let states: Vec<_> = posts.iter().map(|p| p.post.clone()).collect();
    let t = Instant::now();
    let folded: Vec<_> = states
        .into_iter()
        .filter_map(digidak_core::board::Searchable::new)
        .collect();
    println!(
        "preparing {} posts for search (store worker, each refresh): {:.3} ms",
        folded.len(),
        ms(t.elapsed())
    );
}

/// Time on CPU of this thread (nanoseconds), from `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`.
fn thread_cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

fn measure(b: &mut Bench, name: &str, frames: usize) {
    for _ in 0..20 {
        b.frame();
    }
    let mut times = Vec::with_capacity(frames);
    let mut vertices = 0;
    let cpu0 = thread_cpu_ns();
    for _ in 0..frames {
        let t = Instant::now();
        vertices = b.frame();
        times.push(t.elapsed());
    }
    let cpu = thread_cpu_ns()
        .zip(cpu0)
        .map(|(a, b)| Duration::from_nanos(a - b) / frames as u32);
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "{name:<38} median {:>6.3} ms  p95 {:>6.3} ms  max {:>6.3} ms  CPU/frame {}  ({vertices} vertices, screen {:?})",
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(*times.last().unwrap()),
        cpu.map(|c| format!("{:.3} ms", ms(c)))
            .unwrap_or_else(|| "n/a".into()),
        b.ui.kiosk.screen(),
    );
}

/// The first frame after "Next", once for every step of every lesson in each language: new
/// text to lay out for the first time (egui caches it afterwards).
fn first_frames(b: &mut Bench, lib: &digidak_core::lessons::Library) {
    let mut times = Vec::new();
    for lang in digidak_core::lang::Lang::ALL {
        b.ui.kiosk.handle(Action::SetLanguage(lang));
        for lesson in &lib.lessons {
            b.act(Action::Back);
            b.act(lessons::action(LessonAction::Open(lesson.id.clone())));
            for _ in 0..lesson.step_count() {
                b.ui.kiosk.handle(lessons::action(LessonAction::Next));
                let t = Instant::now();
                b.frame();
                times.push(t.elapsed());
                b.frame();
            }
        }
    }
    b.ui.kiosk
        .handle(Action::SetLanguage(digidak_core::lang::Lang::Nl));
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "{:<38} median {:>6.3} ms  p95 {:>6.3} ms  max {:>6.3} ms  ({} step changes)",
        "player, first frame after Next",
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(*times.last().unwrap()),
        times.len()
    );
    b.act(Action::Back);
    b.act(lessons::action(LessonAction::Open("phishing".into())));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let frames = if full { 2000 } else { 5 };
    let dir = tempfile::tempdir().unwrap();
    seed_activities(dir.path(), 12);
    seed_posts(dir.path(), 1_000);
    let mut cfg = config::parse("bench", config::DEMO_CONFIG, &[]).unwrap();
    cfg.lessons.read_aloud = "off".into();
    let kiosk = Kiosk::new(
        cfg,
        "bench".into(),
        dir.path().to_path_buf(),
        Arc::new(SystemClock),
    );
    let mut b = Bench {
        ctx: egui::Context::default(),
        ui: KioskUi::new(kiosk, Translations::load().unwrap()),
        frame: 0,
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while b.ui.kiosk.content.is_loading() || matches!(b.ui.kiosk.store_status, StoreStatus::Opening)
    {
        assert!(Instant::now() < deadline, "the kiosk did not start");
        b.frame();
        std::thread::sleep(Duration::from_millis(5));
    }
    let lib = b.ui.kiosk.content.library.clone().unwrap();
    println!(
        "{} lessons loaded, {} pictures; {frames} frames a screen at {}x{}{}",
        lib.lessons.len(),
        b.ui.kiosk.content.pictures.len(),
        SIZE.x,
        SIZE.y,
        if full {
            ""
        } else {
            " (smoke test: not a measurement; run `cargo bench --bench frames`)"
        }
    );

    b.act(Action::Go(Screen::Module(activities::LIST)));
    let deadline = Instant::now() + Duration::from_secs(10);
    while b.ui.kiosk.module::<Activities>().unwrap().list.len() < 12 {
        assert!(Instant::now() < deadline, "activities did not load");
        b.frame();
        std::thread::sleep(Duration::from_millis(5));
    }
    measure(&mut b, "activities, 12 coming", frames);
    b.act(Action::Home);

    b.act(Action::Go(Screen::Module(board::LIST)));
    let deadline = Instant::now() + Duration::from_secs(10);
    while b.ui.kiosk.module::<Board>().unwrap().state.posts.len() < 1_000 {
        assert!(Instant::now() < deadline, "posts did not load");
        b.frame();
        std::thread::sleep(Duration::from_millis(5));
    }
    measure(&mut b, "board, 1000 posts", frames);
    b.ui.kiosk.module_mut::<Board>().unwrap().drafts.search = "ziekenhuis".into();
    b.act(board::action(BoardAction::Search));
    measure(&mut b, "board, 1000 posts, searched", frames);
    b.ui.kiosk
        .module_mut::<Board>()
        .unwrap()
        .drafts
        .search
        .clear();
    b.act(board::action(BoardAction::Search));
    // Scrolled to the middle of the list, a wheel turn every frame.
    for _ in 0..200 {
        b.wheel(-400.0);
    }
    let t = Instant::now();
    for n in 0..frames {
        b.wheel(if n % 2 == 0 { -120.0 } else { 120.0 });
    }
    println!(
        "{:<38} mean {:>6.3} ms per frame while scrolling",
        "board, 1000 posts, scrolling",
        ms(t.elapsed() / frames as u32)
    );
    search_times(
        &b.ui.kiosk.module::<Board>().unwrap().state.posts,
        if full { 2_000 } else { 3 },
    );
    // The hardest screen for a touch tablet: twice the text, the on-screen keyboard open
    // under the search box, the list above it.
    b.act(Action::SetTextScale(digidak::app::TextScale::Largest));
    b.act(Action::Home);
    b.act(Action::Go(Screen::Module(board::LIST)));
    let search = b.rect_of("Zoeken");
    b.tap(search.center());
    b.rect_of("Toetsenbord");
    measure(&mut b, "board, keyboard open, text 2x", frames);
    b.act(Action::SetTextScale(digidak::app::TextScale::Normal));
    b.act(Action::Home);

    b.act(Action::Go(Screen::Module(lessons::LIST)));
    measure(&mut b, "lesson list, all topics", frames);
    b.act(lessons::action(LessonAction::Filter(Some(Topic::Safety))));
    measure(&mut b, "lesson list, one topic", frames);
    b.act(lessons::action(LessonAction::Filter(None)));

    // The player: a text step, and each kind of practice with an answer given.
    let nl = digidak_core::lang::Lang::Nl;
    let find = |kind: &str| {
        lib.lessons.iter().find_map(|l| {
            let steps = &l.text(nl)?.steps;
            let i = steps
                .iter()
                .position(|s| s.practice.as_ref().map(Practice::kind) == Some(kind))?;
            Some((l.id.clone(), i))
        })
    };
    b.act(lessons::action(LessonAction::Open("phishing".into())));
    measure(&mut b, "player, text step with picture", frames);
    first_frames(&mut b, &lib);
    for kind in ["quiz", "phishing", "email", "itsme"] {
        let (id, step) = find(kind).expect("every practice kind is used");
        b.act(Action::Back);
        b.act(lessons::action(LessonAction::Open(id)));
        for _ in 0..step {
            b.act(lessons::action(LessonAction::Next));
        }
        let answer = match kind {
            "itsme" => LessonAction::Itsme(false),
            "email" => {
                b.ui.kiosk
                    .module_mut::<Lessons>()
                    .unwrap()
                    .drafts
                    .lesson_email = "fatima demo@voorbeeld.be".into();
                LessonAction::CheckEmail
            }
            _ => LessonAction::Pick(0),
        };
        b.act(lessons::action(answer));
        measure(&mut b, &format!("player, {kind} practice answered"), frames);
    }
}

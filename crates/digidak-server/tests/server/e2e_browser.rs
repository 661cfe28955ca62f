//! End to end in a real browser: Debian's headless Chromium, driven over WebDriver by
//! chromedriver (both started by the test), against a real server on 127.0.0.1. A resident opens
//! a sign-up's phone page and cancels; a coordinator logs in to the admin web, adds a kiosk that
//! pairs with the shown code, and exports the numbers as CSV. Screenshots of the pages go to
//! `target/e2e-screenshots/` (the README shows some). Without Chromium the test says so and
//! passes, except in CI (`CI` set), where that is a failure.

use crate::support;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};
use support::{InProcessServer, now_ms, wait_until};

const CHROMIUM: &str = "/usr/bin/chromium";
const DRIVER: &str = "/usr/bin/chromedriver";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A WebDriver session: a few calls of the W3C protocol over plain HTTP.
struct Browser {
    base: String,
    http: reqwest::blocking::Client,
    _driver: Killed,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Option<Browser> {
        if !(std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(DRIVER).exists()) {
            assert!(
                std::env::var_os("CI").is_none(),
                "Chromium is missing in CI: run scripts/install-deps"
            );
            eprintln!(
                "SKIPPED: chromium and chromium-driver are not installed (scripts/install-deps)"
            );
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Killed(
            Command::new(DRIVER)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        let root = format!("http://127.0.0.1:{port}");
        wait_until(Duration::from_secs(20), "chromedriver", || {
            http.get(format!("{root}/status")).send().is_ok()
        });
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=412,915",
                    format!("--user-data-dir={}", profile.path().display())
                ]
            }
        }}});
        let resp: Value = http
            .post(format!("{root}/session"))
            .json(&caps)
            .send()
            .unwrap()
            .json()
            .unwrap();
        let id = resp["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {resp}"))
            .to_string();
        Some(Browser {
            base: format!("{root}/session/{id}"),
            http,
            _driver: driver,
            _profile: profile,
        })
    }

    fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if !body.is_null() {
            req = req.json(&body);
        }
        let resp: Value = req.send().unwrap().json().unwrap();
        assert!(
            resp["value"].get("error").is_none(),
            "WebDriver {path}: {resp}"
        );
        resp["value"].clone()
    }

    fn open(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({ "url": url }));
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            reqwest::Method::POST,
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        v[ELEMENT]
            .as_str()
            .or_else(|| v["ELEMENT"].as_str())
            .unwrap_or_else(|| panic!("{css}: {v}"))
            .to_string()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.call(
            reqwest::Method::POST,
            &format!("/element/{e}/click"),
            json!({}),
        );
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.call(
            reqwest::Method::POST,
            &format!("/element/{e}/value"),
            json!({ "text": text }),
        );
    }

    fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", Value::Null)
            .as_str()
            .unwrap()
            .to_string()
    }

    fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", Value::Null)
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Waits until the address contains `part` (a click on a form button navigates after the
    /// click has been answered).
    fn wait_for_url(&self, part: &str) {
        wait_until(Duration::from_secs(20), part, || self.url().contains(part));
    }

    /// Waits until the page shows `text`.
    fn wait_for_text(&self, text: &str) {
        wait_until(Duration::from_secs(20), text, || {
            self.source().contains(text)
        });
    }

    /// Sets the browser window (the page's viewport in headless Chromium) to `w` x `h`.
    fn size(&self, w: u32, h: u32) {
        self.call(
            reqwest::Method::POST,
            "/window/rect",
            json!({"width": w, "height": h}),
        );
    }

    /// The rectangle of the first element matching `css`: (x, y, width, height).
    fn rect(&self, css: &str) -> (f64, f64, f64, f64) {
        let e = self.find(css);
        let r = self.call(
            reqwest::Method::GET,
            &format!("/element/{e}/rect"),
            Value::Null,
        );
        let f = |k: &str| r[k].as_f64().unwrap();
        (f("x"), f("y"), f("width"), f("height"))
    }

    /// The rectangles of every element matching `css`.
    fn rects(&self, css: &str) -> Vec<(f64, f64, f64, f64)> {
        let found = self.call(
            reqwest::Method::POST,
            "/elements",
            json!({"using": "css selector", "value": css}),
        );
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                let e = v[ELEMENT].as_str().unwrap();
                let r = self.call(
                    reqwest::Method::GET,
                    &format!("/element/{e}/rect"),
                    Value::Null,
                );
                let f = |k: &str| r[k].as_f64().unwrap();
                (f("x"), f("y"), f("width"), f("height"))
            })
            .collect()
    }

    /// The page's words as a person reads them: no markup, no style sheet.
    fn words(&self) -> String {
        let html = self.source();
        let mut out = String::new();
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<style") {
            out.push_str(&rest[..at]);
            rest = rest[at..].split_once("</style>").map_or("", |(_, r)| r);
        }
        out.push_str(rest);
        let mut text = String::new();
        let mut in_tag = false;
        for c in out.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The value of the browser's session cookie for the admin web.
    fn session_cookie(&self) -> String {
        let cookies = self.call(reqwest::Method::GET, "/cookie", Value::Null);
        cookies
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "dd_session")
            .map(|c| c["value"].as_str().unwrap().to_string())
            .expect("the browser keeps the session cookie")
    }

    /// Saves a screenshot as `target/e2e-screenshots/<name>.png`.
    fn screenshot(&self, name: &str) {
        let b64 = self.call(reqwest::Method::GET, "/screenshot", Value::Null);
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap())
            .unwrap();
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.http.delete(&self.base).send();
    }
}

fn activity() -> digidak_protocol::ActivityRecord {
    digidak_protocol::ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie en computer".into(),
        description: String::new(),
        picture: "calendar".into(),
        place: "Buurthuis De Brug".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity: 1,
        max_party: 2,
        block: 0,
        languages: vec!["nl".into()],
        deleted: false,
    }
}

#[test]
fn in_a_browser_a_resident_cancels_and_a_coordinator_pairs_a_kiosk_approves_a_post_and_exports() {
    let Some(b) = Browser::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let url = server.url();

    // A resident's sign-up, and someone waiting behind her.
    let a = activity();
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let (kiosk, token) = support::paired_client(&server, "PC 1", "noord");
    let phone_token = digidak_core::codes::phone_token();
    let signup = |i: u64, code: &str, name: &str| digidak_protocol::Op {
        id: uuid::Uuid::now_v7().to_string(),
        index: i,
        kind: digidak_protocol::kinds::SIGNUP_CREATED.into(),
        payload: json!({"id": uuid::Uuid::now_v7().to_string(), "activity_id": a.id, "code": code,
            "first_name": name, "phone": null, "party": 1, "from_block": false,
            "token": if i == 1 { phone_token.clone() } else { digidak_core::codes::phone_token() }}),
        kiosk_time_ms: now_ms(),
        schema: digidak_protocol::OP_SCHEMA,
    };
    kiosk
        .push(
            &token,
            &support::page(vec![
                signup(1, "11112222", "Samira"),
                signup(2, "33334444", "Lena"),
            ]),
        )
        .unwrap();

    // Her phone opens the QR code's page and cancels, in two taps (the browser's own form
    // passes the cross-origin check).
    b.open(&format!("{url}/signups/{phone_token}?lang=nl"));
    assert!(b.source().contains("Je bent ingeschreven. Tot dan!"));
    b.screenshot("signup-page");
    b.click("a.button");
    b.wait_for_text("Wil je je echt uitschrijven?");
    b.click("form button");
    b.wait_for_url("cancelled=1");
    b.wait_for_text("Je bent uitgeschreven.");
    let lena = server.store.signups(&a.id).unwrap();
    assert_eq!(lena[1].status, "confirmed", "the waitlist moved up");

    // A lesson page as a phone shows it.
    b.open(&format!("{url}/lessons/phishing?lang=nl&step=5#step-5"));
    assert!(b.source().contains("Een valse mail herkennen"));
    b.screenshot("lesson-page");

    // The coordinator logs in, adds a kiosk; the kiosk pairs with the code on the page.
    let hash = digidak_server::admin_web::hash_password("correct horse battery").unwrap();
    server
        .store
        .set_admin("coordinator", &hash, now_ms())
        .unwrap();
    b.open(&format!("{url}/admin"));
    b.wait_for_url("/admin/login");
    b.type_into("input[name=name]", "coordinator");
    b.type_into("input[name=password]", "correct horse battery");
    b.click("form button");
    b.wait_for_url("/admin?lang=");
    b.open(&format!("{url}/admin/kiosks"));
    b.type_into("form[action='/admin/kiosks/add'] input[name=name]", "PC 7");
    b.type_into("form[action='/admin/kiosks/add'] input[name=site]", "noord");
    b.click("form[action='/admin/kiosks/add'] button");
    b.wait_for_text("<svg");
    let page = b.source();
    assert!(page.contains("<svg"), "the code's QR code");
    b.screenshot("admin-pairing");
    let code = page
        .split("class=\"code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    let k = support::SyncedKiosk::start(&dir.path().join("k7"));
    k.pair(&url, &code).unwrap();
    k.wait_synced(Duration::from_secs(20));
    b.open(&format!("{url}/admin/kiosks?lang=en"));
    b.wait_for_text("PC 7");
    b.screenshot("admin-kiosks");

    // A resident's post waits for approval; the coordinator approves it on the board page.
    let post_code = "482937506112";
    let post_token = digidak_core::codes::phone_token();
    kiosk
        .push(
            &token,
            &support::page(vec![digidak_protocol::Op {
                id: uuid::Uuid::now_v7().to_string(),
                index: 3,
                kind: digidak_protocol::kinds::POST_CREATED.into(),
                payload: json!({"id": uuid::Uuid::now_v7().to_string(), "code": post_code,
                    "kind": "ask", "category": "transport",
                    "title": "Wie rijdt mee naar het ziekenhuis? <script>alert(1)</script>",
                    "text": "Dinsdag om 9 uur.", "languages": ["nl"], "token": post_token}),
                kiosk_time_ms: now_ms(),
                schema: digidak_protocol::OP_SCHEMA,
            }]),
        )
        .unwrap();
    b.open(&format!("{url}/admin/board?site=noord&lang=nl"));
    b.wait_for_text("Wie rijdt mee naar het ziekenhuis?");
    assert!(b.source().contains("&lt;script&gt;"), "shown as text");
    b.screenshot("admin-board");
    b.click("section.card form button");
    b.wait_for_url("done=approved");
    b.wait_for_text("Er wacht niets. Goed zo!");
    let (_, post, _) = server.store.post_by_code(post_code).unwrap().unwrap();
    assert_eq!(post.status, "public");
    // The poster's phone page says so.
    b.open(&format!("{url}/posts/{post_token}?lang=nl"));
    b.wait_for_text("Staat op het prikbord tot");
    b.screenshot("post-page");

    // The numbers and their CSV (fetched with the browser's session cookie).
    b.open(&format!("{url}/admin/numbers?lang=nl"));
    b.wait_for_text("Inschrijvingen");
    b.screenshot("admin-numbers");
    b.open(&format!("{url}/admin/numbers.csv"));
    let _ = b.source();
    let cookies = b.call(reqwest::Method::GET, "/cookie", Value::Null);
    let session = cookies
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "dd_session")
        .map(|c| c["value"].as_str().unwrap().to_string())
        .expect("the browser keeps the session cookie");
    let csv = reqwest::blocking::Client::new()
        .get(format!("{url}/admin/numbers.csv"))
        .header("cookie", format!("dd_session={session}"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    // The page's words (Dutch: the request asked for no language).
    assert!(csv.starts_with("plaats,maand,wat,aantal\n"), "{csv}");
    assert!(csv.contains("noord,2099-12,Inschrijvingen,1"), "{csv}");
    assert!(csv.contains(",Vraag & aanbod: berichten,1"), "{csv}");
}

/// English words the admin web must not show on its Dutch pages (status words and the CSV's).
const ENGLISH_STATUS: [&str; 11] = [
    "confirmed",
    "waitlisted",
    "cancelled",
    "online",
    "offline",
    "revoked",
    "waiting",
    "reported",
    "pending",
    "public",
    "first name",
];

/// Words of `text` (lowercase) that are on the English list.
fn english_words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    ENGLISH_STATUS
        .iter()
        .filter(|w| {
            lower.match_indices(*w).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .map(|w| w.to_string())
        .collect()
}

/// The coordinator's admin web at 1280x800 on a server with the demo's example content, a
/// kiosk that went offline three hours ago with operations waiting, a post waiting for review
/// and a full activity: the front page shows each (with links), every page's tables fit the
/// screen and carry no English status word in Dutch, revoking asks first and says it was done,
/// and the sign-in sheet PDF holds the names (`pdftotext`). Screenshots of every page.
#[test]
fn in_a_browser_the_coordinator_sees_what_needs_attention_and_is_asked_before_revoking() {
    let Some(b) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let url = server.url();
    let now = now_ms();
    let seed =
        digidak_server::demo::seed(&*server.store, "demo-buurthuis", "Demo kiosk", now).unwrap();
    assert_eq!(seed.resume_code.len(), 10);
    // A kiosk last heard from three hours ago, with four operations it could not send.
    let code = server
        .store
        .add_kiosk("PC zaal 3", "demo-buurthuis", now)
        .unwrap();
    let three_hours_ago = now - 3 * 3600 * 1000;
    let paired = server
        .store
        .pair(&code, "0.1.0", 1, three_hours_ago)
        .unwrap();
    let auth = server.store.authenticate(&paired.token).unwrap().unwrap();
    server
        .store
        .push(
            &auth,
            digidak_protocol::PushRequest {
                protocol: digidak_protocol::PROTOCOL_VERSION,
                heartbeat: digidak_protocol::Heartbeat {
                    app_version: "0.1.0".into(),
                    outbox_len: 4,
                    kiosk_time_ms: three_hours_ago,
                    ..Default::default()
                },
                ops: Vec::new(),
            },
            three_hours_ago,
        )
        .unwrap();
    let hash = digidak_server::admin_web::hash_password("correct horse battery").unwrap();
    server
        .store
        .set_admin("coordinator", &hash, now_ms())
        .unwrap();

    b.size(1280, 800);
    b.open(&format!("{url}/admin?lang=nl"));
    b.wait_for_url("/admin/login");
    b.screenshot("admin-login-1280");
    b.type_into("input[name=name]", "coordinator");
    b.type_into("input[name=password]", "correct horse battery");
    b.click("form button");
    // The login lands on the front page (in the browser's language: the login page had no
    // `lang`).
    b.wait_for_url("/admin?lang=");
    b.open(&format!("{url}/admin?lang=nl"));
    b.wait_for_text("Wat vraagt nu aandacht?");
    let front = b.words();
    assert!(
        front.contains("PC zaal 3: geen verbinding sinds 3 uur"),
        "{front}"
    );
    assert!(
        front.contains("PC zaal 3: 4 wachten op verzending"),
        "{front}"
    );
    assert!(front.contains("1 wachten op nakijken"), "{front}");
    assert!(
        front.contains("Voorbeeld: Samen itsme installeren"),
        "{front}"
    );
    assert!(front.contains("(volzet)"), "the full activity: {front}");
    assert!(front.contains("Hulp gevraagd vandaag"), "{front}");
    let html = b.source();
    assert!(html.contains("<svg class=\"bars\""), "the month chart");
    assert!(
        html.contains("href=\"/admin/board?site=demo-buurthuis&amp;lang=nl\""),
        "the waiting post links to the board"
    );
    assert!(!html.contains("<script"), "no script");
    b.screenshot("admin-front-1280");

    // Every admin page: nav and logout, tables inside the screen, no English status word.
    let itsme = server
        .store
        .activities("demo-buurthuis")
        .unwrap()
        .into_iter()
        .find(|a| a.activity.title.contains("itsme"))
        .unwrap();
    let pages = [
        ("admin-front", "/admin?lang=nl".to_string()),
        ("admin-kiosks", "/admin/kiosks?lang=nl".to_string()),
        (
            "admin-activities",
            "/admin/activities?site=demo-buurthuis&lang=nl".to_string(),
        ),
        (
            "admin-who-comes",
            format!("/admin/activities/{}?lang=nl", itsme.activity.id),
        ),
        (
            "admin-board-queue",
            "/admin/board?site=demo-buurthuis&lang=nl".to_string(),
        ),
        ("admin-numbers", "/admin/numbers?lang=nl".to_string()),
        (
            "admin-partners",
            "/admin/partners?site=demo-buurthuis&lang=nl".to_string(),
        ),
    ];
    for (name, path) in &pages {
        b.open(&format!("{url}{path}"));
        b.wait_for_text("</main>");
        let words = b.words();
        assert!(words.contains("Afmelden"), "{path}: logout on every page");
        assert!(words.contains("Overzicht"), "{path}: navigation");
        assert!(
            !words.contains("Deze pagina bewaart niets"),
            "{path}: no phone-page footer"
        );
        let english = english_words(&words);
        assert!(english.is_empty(), "{path} shows {english:?} in Dutch");
        for (x, _, w, h) in b.rects("table") {
            eprintln!("{path}: table {w:.0} x {h:.0} px at x {x:.0} (window 1280x800)");
            assert!(
                x >= 0.0 && x + w <= 1280.0,
                "{path}: a table {w} px wide at {x}"
            );
        }
        let (_, _, main_w, _) = b.rect("main");
        assert!(
            main_w > 1000.0,
            "{path}: the page uses the screen ({main_w} px)"
        );
        b.screenshot(&format!("{name}-1280"));
    }
    // "Wie komt": title, date, place, numbered names, party sizes, phones to call.
    b.open(&format!(
        "{url}/admin/activities/{}?lang=nl",
        itsme.activity.id
    ));
    let who = b.words();
    for expected in [
        "Voorbeeld: Samen itsme installeren",
        "Buurthuis, zaal 2",
        "Fatima (Voorbeeld)",
        "1 Fatima (Voorbeeld) 2 0485987654 ingeschreven",
        "3 Olena (Voorbeeld) 1 – wachtlijst",
    ] {
        assert!(who.contains(expected), "{expected}: {who}");
    }
    assert!(b.source().contains("href=\"tel:0485987654\""));

    // The sign-in sheet holds the names.
    let cookie = b.session_cookie();
    let pdf = reqwest::blocking::Client::new()
        .get(format!(
            "{url}/admin/activities/{}.pdf?lang=nl",
            itsme.activity.id
        ))
        .header("cookie", format!("dd_session={cookie}"))
        .send()
        .unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let file = dir.path().join("sheet.pdf");
    std::fs::write(&file, pdf.bytes().unwrap()).unwrap();
    let text = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/install-deps");
    let text = String::from_utf8_lossy(&text.stdout);
    for name in [
        "Fatima (Voorbeeld)",
        "Marc (Voorbeeld)",
        "Olena (Voorbeeld)",
    ] {
        assert!(text.contains(name), "{name} on the sheet: {text}");
    }
    assert!(text.contains("Samen itsme installeren"), "{text}");

    // Revoking asks first, and says it was done.
    b.open(&format!("{url}/admin/kiosks?lang=nl"));
    b.click("a.danger");
    b.wait_for_url("/admin/kiosks/revoke?");
    b.wait_for_text("intrekken?");
    b.screenshot("admin-revoke-confirm-1280");
    assert!(
        server
            .store
            .list_kiosks()
            .unwrap()
            .iter()
            .all(|k| !k.revoked),
        "nothing revoked by asking"
    );
    b.click("button.danger");
    b.wait_for_url("done=revoked");
    b.wait_for_text("De computer is ingetrokken.");
    assert_eq!(
        server
            .store
            .list_kiosks()
            .unwrap()
            .iter()
            .filter(|k| k.revoked)
            .count(),
        1
    );
    // Cancelling an activity asks first too.
    b.open(&format!(
        "{url}/admin/activities?site=demo-buurthuis&lang=nl"
    ));
    b.click("a.danger");
    b.wait_for_text("Gaat deze activiteit echt niet door?");
    b.screenshot("admin-cancel-confirm-1280");

    // Rejecting a post asks first (showing the reason the writer will read), then says so.
    b.open(&format!("{url}/admin/board?site=demo-buurthuis&lang=nl"));
    b.type_into("input[name=reason]", "Geen echte vraag");
    b.click("button.danger");
    b.wait_for_text("Dit bericht weigeren?");
    assert!(b.words().contains("Geen echte vraag"));
    b.screenshot("admin-reject-confirm-1280");
    assert_eq!(
        server
            .store
            .posts("demo-buurthuis", &["waiting"])
            .unwrap()
            .len(),
        1,
        "nothing rejected by asking"
    );
    b.click("button.danger");
    b.wait_for_url("done=rejected");
    b.wait_for_text("Het bericht is geweigerd.");
    assert!(
        server
            .store
            .posts("demo-buurthuis", &["waiting"])
            .unwrap()
            .is_empty()
    );

    // On a phone the front page and a table reflow inside the screen.
    b.size(390, 844);
    b.open(&format!(
        "{url}/admin/activities?site=demo-buurthuis&lang=nl"
    ));
    b.wait_for_text("</main>");
    for (x, _, w, _) in b.rects("table") {
        assert!(x >= 0.0 && x + w <= 390.0, "a table {w} px wide on a phone");
    }
    b.screenshot("admin-activities-390");
    b.open(&format!("{url}/admin/kiosks?lang=nl"));
    b.wait_for_text("</main>");
    for (x, _, w, _) in b.rects("table") {
        assert!(
            x >= 0.0 && x + w <= 390.0,
            "the kiosks table {w} px wide on a phone"
        );
    }
    assert!(
        b.source()
            .contains("td:nth-child(3)::before{content:\"Toestand: \"")
    );
    b.screenshot("admin-kiosks-390");
    b.open(&format!("{url}/admin?lang=nl"));
    b.wait_for_text("</main>");
    b.screenshot("admin-front-390");
}

/// Every element's rectangle inside `main` and the header stays within `width`; and (the
/// pages are in Dutch) no English status word.
fn inside(b: &Browser, page: &str, width: f64) {
    // "online" is Dutch too ("Veilig online", a lesson topic).
    let english: Vec<String> = english_words(&b.words())
        .into_iter()
        .filter(|w| w != "online")
        .collect();
    assert!(english.is_empty(), "{page} shows {english:?} in Dutch");
    for css in [
        "header",
        "main",
        "main h1",
        "main h2",
        "main p",
        "main .code",
        "main .button",
    ] {
        for (x, _, w, _) in b.rects(css) {
            assert!(
                x >= -0.5 && x + w <= width + 0.5,
                "{page}: `{css}` runs off a {width} px screen (x {x}, width {w})"
            );
        }
    }
}

/// Phone pages at 390x844: a post with its 12-digit code and a 60-character word stays inside
/// the screen; the language menu is one compact line; a post waiting for approval offers no
/// action; ending a post asks first (two distinct buttons, then a question); the not-found page
/// has a field where a lesson's code opens the lesson; pictograms as on the kiosk.
#[test]
fn in_a_browser_phone_pages_fit_a_phone_and_ask_before_ending_a_post() {
    let Some(b) = Browser::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let url = server.url();
    let seed = digidak_server::demo::seed(&*server.store, "noord", "PC 1", now_ms()).unwrap();
    let (kiosk, token) = support::paired_client(&server, "PC 2", "noord");
    let long_word = "Gemeentebelastingsaanslagbezwaarschriftindieningstermijnen12";
    assert_eq!(long_word.chars().count(), 60);
    let post_token = digidak_core::codes::phone_token();
    let pid = uuid::Uuid::now_v7().to_string();
    let op = |index: u64, kind: &str, payload: Value| digidak_protocol::Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kind.into(),
        payload,
        kiosk_time_ms: now_ms(),
        schema: digidak_protocol::OP_SCHEMA,
    };
    kiosk
        .push(
            &token,
            &support::page(vec![op(
                1,
                digidak_protocol::kinds::POST_CREATED,
                json!({"id": pid, "code": "482937506112", "kind": "ask", "category": "paperwork",
                    "title": format!("Wie helpt met {long_word}?"),
                    "text": format!("Het woord {long_word} staat in mijn brief. https://example.org/{long_word}"),
                    "languages": ["nl"], "token": post_token}),
            )]),
        )
        .unwrap();
    b.size(390, 844);
    let page_url = format!("{url}/posts/{post_token}?lang=nl");
    // Waiting for a volunteer: nothing to do yet.
    b.open(&page_url);
    b.wait_for_text("Wacht op een begeleider.");
    assert!(!b.source().contains("Haal weg"), "no actions while waiting");
    inside(&b, "waiting post", 390.0);
    let (_, _, _, header_h) = b.rect("header");
    eprintln!(
        "phone header with the language menu: {header_h:.0} px of 844 ({:.1}%)",
        header_h / 844.0 * 100.0
    );
    assert!(
        header_h <= 70.0,
        "the language menu stays compact ({header_h} px)"
    );
    b.screenshot("phone-post-waiting-390");

    server
        .store
        .moderate_post(&support::approve(&pid), now_ms())
        .unwrap();
    b.open(&page_url);
    b.wait_for_text("Staat op het prikbord tot");
    assert!(b.source().contains("4829 3750 6112"));
    inside(&b, "public post", 390.0);
    // The code on one line.
    let (_, _, _, code_h) = b.rect("main .code");
    assert!(code_h < 50.0, "the code breaks over lines ({code_h} px)");
    assert!(
        b.source().contains("/pictures/letter.svg"),
        "the category's pictogram"
    );
    b.screenshot("phone-post-390");
    // "Haal weg" asks first; "Nee" leaves it; "Ja" ends it.
    b.click("a.button.danger");
    b.wait_for_text("Wil je je bericht echt weghalen?");
    inside(&b, "the question", 390.0);
    b.screenshot("phone-post-remove-ask-390");
    assert_eq!(
        server
            .store
            .post_by_code("482937506112")
            .unwrap()
            .unwrap()
            .1
            .status,
        "public"
    );
    b.click("section#ask form button");
    b.wait_for_url("done=remove");
    assert_eq!(
        server
            .store
            .post_by_code("482937506112")
            .unwrap()
            .unwrap()
            .1
            .status,
        "closed"
    );

    // A sign-up's page: the activity's pictogram, the code on one line.
    let signup_token = digidak_core::codes::phone_token();
    let activity = server.store.activities("noord").unwrap()[0]
        .activity
        .clone();
    kiosk
        .push(
            &token,
            &support::page(vec![op(
                2,
                digidak_protocol::kinds::SIGNUP_CREATED,
                json!({"id": uuid::Uuid::now_v7().to_string(), "activity_id": activity.id,
                    "code": "12345678", "first_name": "Samira", "phone": null, "party": 1,
                    "from_block": false, "token": signup_token}),
            )]),
        )
        .unwrap();
    b.open(&format!("{url}/signups/{signup_token}?lang=nl"));
    b.wait_for_text("1234 5678");
    inside(&b, "sign-up", 390.0);
    b.screenshot("phone-signup-390");

    // The not-found page: a field for a code; a lesson's code opens the lesson.
    b.open(&format!(
        "{url}/posts/{}?lang=nl",
        digidak_core::codes::phone_token()
    ));
    b.wait_for_text("Typ je code");
    inside(&b, "not found", 390.0);
    b.screenshot("phone-not-found-390");
    b.type_into(
        "input[name=c]",
        &digidak_core::lessons::resume::display(&seed.resume_code),
    );
    b.click("form.codefield button");
    b.wait_for_url("/lessons/itsme");
    b.wait_for_url("step=3");
    // A sign-up's code there says where it works.
    b.open(&format!("{url}/code?lang=nl&c=1234+5678"));
    b.wait_for_text("Deze code werkt op de computers in de ruimte");
    // The lesson list and a lesson page at a phone's size.
    b.open(&format!("{url}/lessons?lang=nl"));
    inside(&b, "lessons", 390.0);
    b.screenshot("phone-lessons-390");
    b.open(&format!("{url}/lessons/itsme?lang=nl"));
    inside(&b, "lesson", 390.0);
    b.screenshot("phone-lesson-390");
}

/// The phone pages' language: from `Accept-Language` over every language the server has; a
/// phone set to a language without translations gets Dutch with the language menu open.
#[test]
fn phone_pages_pick_the_phones_language_or_show_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let get = |accept: Option<&str>, path: &str| {
        let mut r = reqwest::blocking::Client::new().get(format!("{}{path}", server.url()));
        if let Some(a) = accept {
            r = r.header("accept-language", a);
        }
        r.send().unwrap().text().unwrap()
    };
    let fr = get(Some("de-DE, fr-BE;q=0.8, en;q=0.5"), "/lessons");
    assert!(
        fr.contains("<html lang=\"fr\""),
        "the first language the server has"
    );
    assert!(fr.contains("<details class=\"langs\">"), "the menu closed");
    // Languages the server does not have (it has nl, fr, en, tr, pl, uk, ro and ar).
    let none = get(Some("de, es;q=0.9, it;q=0.8"), "/lessons");
    assert!(none.contains("<html lang=\"nl\""));
    assert!(
        none.contains("<details class=\"langs\" open>"),
        "no language of the phone: the choice is open"
    );
    for l in digidak_core::lang::Lang::ALL {
        assert!(
            none.contains(&format!("lang={}\" lang=\"{}\"", l.code(), l.code())),
            "every language the server has is offered: {}",
            l.code()
        );
    }
    // Chosen on the page: closed again.
    let chosen = get(Some("de"), "/lessons?lang=en");
    assert!(chosen.contains("<html lang=\"en\"") && chosen.contains("<details class=\"langs\">"));
    // The unknown-address page too.
    let unknown = get(
        Some("de"),
        &format!("/posts/{}", digidak_core::codes::phone_token()),
    );
    assert!(unknown.contains("<details class=\"langs\" open>"));
}

/// A local partner in the browser (issue 21): it logs in to `/admin/p`, answers the ask a
/// resident sent it (the answer is read behind the post's code on the phone page), puts an
/// offer on the board, marks a care signal "contact gehad" (its note is gone); its inbox fits
/// a phone (390x844) and shows no English word in Dutch.
#[test]
fn in_a_browser_a_partner_answers_an_ask_offers_and_handles_a_signal() {
    let Some(b) = Browser::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let url = server.url();

    let ark = server
        .store
        .save_partner(
            "noord",
            &digidak_protocol::PartnerRecord {
                id: String::new(),
                name: "De Ark".into(),
                description: "Buurtzorg".into(),
                picture: "health".into(),
                categories: vec!["paperwork".into(), "company".into()],
                hours: digidak_core::partners::parse_week("mon-fri 9:00-17:00").unwrap(),
                address: "Kerkstraat 1".into(),
                contact: "02 555 00 00".into(),
                deleted: false,
                trusted: false,
                logo: String::new(),
            },
            now_ms(),
        )
        .unwrap();
    let hash = digidak_server::admin_web::hash_password("partner password 1").unwrap();
    server
        .store
        .set_partner_account("ark", &ark.id, &hash, now_ms())
        .unwrap();
    let (kiosk, token) = support::paired_client(&server, "PC 1", "noord");
    let phone_token = digidak_core::codes::phone_token();
    let op = |i: u64, kind: &str, payload: Value| digidak_protocol::Op {
        id: uuid::Uuid::now_v7().to_string(),
        index: i,
        kind: kind.into(),
        payload,
        kiosk_time_ms: now_ms(),
        schema: digidak_protocol::OP_SCHEMA,
    };
    kiosk
        .push(
            &token,
            &support::page(vec![
                op(
                    1,
                    digidak_protocol::kinds::POST_CREATED,
                    json!({"id": uuid::Uuid::now_v7().to_string(), "code": "482937506112",
                        "kind": "ask", "category": "paperwork",
                        "title": "Een brief van de huisbaas", "text": "Ik begrijp hem niet.",
                        "languages": ["nl"], "token": phone_token, "route_to": ark.id}),
                ),
                op(
                    2,
                    digidak_protocol::kinds::SIGNAL_CREATED,
                    json!({"id": uuid::Uuid::now_v7().to_string(), "partner_id": ark.id,
                        "kind": "loneliness", "note": "Woont alleen sinds kort",
                        "phone": "0470 12 34 56", "lang": "nl", "consent": true}),
                ),
            ]),
        )
        .unwrap();

    b.size(390, 844);
    b.open(&format!("{url}/admin/p?lang=nl"));
    b.wait_for_url("/admin/p/login");
    b.type_into("input[name=name]", "ark");
    b.type_into("input[name=password]", "partner password 1");
    b.click("form button");
    b.wait_for_text("De Ark");
    // The login came in the browser's language; the partner works in Dutch.
    b.open(&format!("{url}/admin/p?lang=nl"));
    b.wait_for_text("Vragen die naar jullie gestuurd zijn");
    assert!(b.source().contains("Een brief van de huisbaas"));
    assert!(b.source().contains("Woont alleen sinds kort"));
    inside(&b, "the partner's inbox", 390.0);
    for (x, _, w, _) in b.rects("main textarea, main input, main select") {
        assert!(
            x >= -0.5 && x + w <= 390.5,
            "a field runs off the phone: {x} {w}"
        );
    }
    b.screenshot("partner-inbox");

    b.type_into("textarea[name=message]", "Kom dinsdag om 10 uur langs.");
    b.click("form[action^='/admin/p/answer'] button");
    b.wait_for_text("Jullie antwoord is verstuurd.");
    b.type_into("input[name=title]", "Spreekuur: hulp bij brieven");
    b.click("form[action^='/admin/p/offer'] button");
    b.wait_for_text("Jullie aanbod is bewaard.");
    assert!(b.source().contains("wacht op een begeleider"));
    b.click("form[action^='/admin/p/signal'] button");
    b.wait_for_text("Het signaal is afgehandeld");
    assert!(!b.source().contains("Woont alleen sinds kort"));
    inside(&b, "the partner's inbox after", 390.0);

    // The resident reads the answer behind the code on their phone.
    b.open(&format!("{url}/posts/{phone_token}?lang=nl"));
    b.wait_for_text("Kom dinsdag om 10 uur langs.");
    assert!(b.source().contains("De Ark · 02 555 00 00"));
    assert!(b.source().contains("Wie kan helpen?"));
    inside(&b, "the post's phone page with its partner", 390.0);
    b.screenshot("phone-post-partner");
}

//! The admin web over real HTTP on 127.0.0.1, as a browser uses it (cookies by hand): every
//! admin page without a session goes to the login page, forms without their CSRF token are
//! refused, wrong passwords are slowed down and limited, cookies are secure and http-only, and
//! a logged-in admin sees, adds and revokes kiosks.

use crate::support;

use std::time::{Duration, Instant};

use support::admin::{client, login, set_cookie, start, try_login};
use support::{InProcessServer, now_ms};

#[test]
fn every_admin_page_without_a_session_goes_to_the_login_page() {
    let (_dir, server) = start();
    let http = client();
    for path in [
        "/admin",
        "/admin/kiosks",
        "/admin/kiosks?lang=fr",
        "/admin/numbers",
        "/admin/numbers.csv",
        "/admin/activities",
        "/admin/activities.ics?site=noord",
        "/admin/activities/x",
        "/admin/board",
        "/admin/board.pdf?site=noord",
    ] {
        // Follow the redirects as a browser would: they end on the login form.
        let mut at = path.to_string();
        let mut hops = 0;
        let page = loop {
            let r = http.get(format!("{}{at}", server.url())).send().unwrap();
            if r.status() != 303 {
                break r.text().unwrap();
            }
            at = r.headers()["location"].to_str().unwrap().to_string();
            hops += 1;
            assert!(hops <= 2, "{path}: too many redirects");
        };
        assert!(at.starts_with("/admin/login"), "{path} ended at {at}");
        assert!(page.contains("name=\"password\""), "{path}");
    }
    for path in [
        "/admin/kiosks/add",
        "/admin/kiosks/revoke",
        "/admin/logout",
        "/admin/activities/save",
        "/admin/activities/x/cancel",
        "/admin/board/decide",
        "/admin/board/expiry",
    ] {
        let r = http.post(format!("{}{path}", server.url())).send().unwrap();
        assert_eq!(r.status(), 303, "{path}");
        assert_eq!(r.headers()["location"], "/admin/login", "{path}");
    }
    // A made-up session cookie is no session.
    let r = http
        .get(format!("{}/admin/kiosks", server.url()))
        .header("cookie", format!("dd_session={}", "ab".repeat(32)))
        .send()
        .unwrap();
    assert_eq!(r.headers()["location"], "/admin/login");
}

#[test]
fn wrong_passwords_are_slowed_down_then_refused_for_a_while() {
    let (_dir, server) = start();
    for i in 0..digidak_server::admin_web::MAX_FAILURES {
        let t = Instant::now();
        let r = try_login(&server, "guess");
        assert_eq!(r.status(), 401, "try {i}");
        assert!(
            t.elapsed() >= Duration::from_millis(900),
            "a wrong password waits"
        );
        assert!(r.text().unwrap().contains("Naam of wachtwoord klopt niet."));
    }
    // Locked now, even with the right password.
    let r = try_login(&server, "correct horse battery");
    assert_eq!(r.status(), 429);
    assert!(r.text().unwrap().contains("Te veel foute pogingen."));
}

#[test]
fn sessions_live_in_secure_http_only_cookies_and_forms_need_their_token() {
    let (dir, server) = start();
    let resp = try_login(&server, "correct horse battery");
    let (token, raw) = set_cookie(&resp, "dd_session").unwrap();
    for flag in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/admin"] {
        assert!(raw.contains(flag), "{raw}");
    }
    // Only a hash of the session token is stored.
    for db in support::server_contents(&dir.path().join("server.sqlite3")) {
        assert!(!db.windows(token.len()).any(|w| w == token.as_bytes()));
    }

    // A login form posted without the token that came with it is refused.
    let r = client()
        .post(format!("{}/admin/login", server.url()))
        .form(&[
            ("name", "coordinator"),
            ("password", "correct horse battery"),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);

    let s = login(&server);
    let http = client();
    let cookie = format!("dd_session={}", s.cookie);
    // Adding a kiosk without the CSRF token, or with another one: refused, nothing added.
    for bad in [None, Some("00".repeat(16))] {
        let mut form = vec![("name", "PC 9".to_string()), ("site", "noord".to_string())];
        if let Some(b) = bad {
            form.push(("csrf", b));
        }
        let r = http
            .post(format!("{}/admin/kiosks/add", server.url()))
            .header("cookie", &cookie)
            .form(&form)
            .send()
            .unwrap();
        assert_eq!(r.status(), 403);
    }
    assert!(server.store.list_kiosks().unwrap().is_empty());

    // With it: the page shows the pairing code and its QR code; the name is shown as text.
    let r = http
        .post(format!("{}/admin/kiosks/add", server.url()))
        .header("cookie", &cookie)
        .form(&[
            ("name", "PC <script>alert(1)</script>"),
            ("site", "noord"),
            ("csrf", &s.csrf),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().unwrap();
    assert!(html.contains("<svg"), "a QR code of the pairing code");
    assert!(html.contains("PC &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    let code = html
        .split("class=\"code\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert_eq!(code.len(), 9, "{code}");
    // The kiosk pairs with it, and the page shows it online.
    let kiosk = support::SyncedKiosk::start(&dir.path().join("k"));
    kiosk.pair(&server.url(), code).unwrap();
    kiosk.wait_synced(Duration::from_secs(20));
    let page = http
        .get(format!("{}/admin/kiosks?lang=en", server.url()))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("<td>online</td>"), "{page}");
    // Revoke it.
    let r = http
        .post(format!("{}/admin/kiosks/revoke", server.url()))
        .header("cookie", &cookie)
        .form(&[("name", "PC <script>alert(1)</script>"), ("csrf", &s.csrf)])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(server.store.list_kiosks().unwrap()[0].revoked);
    // Log out: the session is gone.
    http.post(format!("{}/admin/logout", server.url()))
        .header("cookie", &cookie)
        .form(&[("csrf", &s.csrf)])
        .send()
        .unwrap();
    let r = http
        .get(format!("{}/admin/kiosks", server.url()))
        .header("cookie", &cookie)
        .send()
        .unwrap();
    assert_eq!(r.headers()["location"], "/admin/login");
}

#[test]
fn admin_set_takes_a_password_on_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let run = |password: &str| {
        let mut child = std::process::Command::new(support::server_bin())
            .arg("--db")
            .arg(support::server_db(&db))
            .args(["admin", "set", "coordinator"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run("short");
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    assert!(run("correct horse battery").status.success());
    let server = InProcessServer::start(&db);
    assert_eq!(try_login(&server, "correct horse battery").status(), 303);
}

#[test]
fn the_numbers_per_site_and_month_and_their_csv() {
    use digidak_protocol::{OP_SCHEMA, Op, kinds};
    use serde_json::json;
    let (_dir, server) = start();
    let (kiosk, token) = support::paired_client(&server, "PC 1", "noord");
    let a = digidak_protocol::ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie".into(),
        description: String::new(),
        picture: "calendar".into(),
        place: "De Brug".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity: 10,
        max_party: 4,
        block: 0,
        languages: vec![],
        deleted: false,
    };
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let signup = uuid::Uuid::now_v7().to_string();
    let op = |i: u64, kind: &str, payload: serde_json::Value| Op {
        id: uuid::Uuid::now_v7().to_string(),
        index: i,
        kind: kind.into(),
        payload,
        kiosk_time_ms: now_ms(),
        schema: OP_SCHEMA,
    };
    let ops = vec![
        op(
            1,
            kinds::USAGE_VISIT,
            json!({"name": "session", "day": "2099-12-01"}),
        ),
        op(
            2,
            kinds::LESSON_EVENT,
            json!({"event": "finished", "topic": "safety", "lesson": "phishing", "day": "2099-12-01"}),
        ),
        op(
            3,
            kinds::LESSON_EVENT,
            json!({"event": "initiation", "topic": "safety", "lesson": "phishing", "day": "2099-12-01"}),
        ),
        op(
            4,
            kinds::SIGNUP_CREATED,
            json!({"id": signup, "activity_id": a.id, "code": "12345678",
            "first_name": "Samira", "phone": null, "party": 3, "from_block": false}),
        ),
        op(
            5,
            kinds::SIGNUP_CHECKED_IN,
            json!({"id": signup, "at_ms": now_ms()}),
        ),
    ];
    kiosk.push(&token, &support::page(ops)).unwrap();
    let s = login(&server);
    let http = client();
    let page = http
        .get(format!("{}/admin/numbers?lang=nl", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .send()
        .unwrap()
        .text()
        .unwrap();
    for words in [
        "<td>Bezoeken aan een computer</td><td>1</td>",
        "<td>Lessen afgewerkt</td><td>1</td>",
        "<td>Initiaties: Veilig online</td><td>1</td>",
        "<td>Personen gekomen</td><td>3</td>",
    ] {
        assert!(page.contains(words), "{words}");
    }
    assert!(!page.contains("Samira"), "numbers only");
    let csv = http
        .get(format!("{}/admin/numbers.csv", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            // In the admin's language (Dutch: the browser asked for none).
            "plaats,maand,wat,aantal",
            "noord,2099-12,Initiaties: Veilig online,1",
            "noord,2099-12,Lessen afgewerkt,1",
            "noord,2099-12,Personen gekomen,3",
            "noord,2099-12,Personen ingeschreven,3",
            "noord,2099-12,Inschrijvingen,1",
            "noord,2099-12,Bezoeken aan een computer,1",
        ]
    );
}

#[test]
fn an_admin_plans_a_series_changes_and_cancels_it_and_exports_its_list() {
    let (_dir, server) = start();
    server.add_kiosk("PC 1", "noord");
    let s = login(&server);
    let http = client();
    let cookie = format!("dd_session={}", s.cookie);
    let post = |form: &[(&str, &str)]| {
        http.post(format!("{}/admin/activities/save?lang=nl", server.url()))
            .header("cookie", &cookie)
            .form(form)
            .send()
            .unwrap()
    };
    let base = [
        ("site", "noord"),
        ("title", "Koffie en computer"),
        ("place", "De Brug"),
        ("start", "14:00"),
        ("end", "16:00"),
        ("capacity", "12"),
        ("max_party", "4"),
        ("block", "2"),
        ("close_hours", "0"),
        ("languages", "nl, ar"),
        ("months", "2"),
    ];
    // Without the form's token: refused.
    let mut no_token = base.to_vec();
    no_token.push(("date", "2099-12-09"));
    assert_eq!(post(&no_token).status(), 403);
    // A date people write: the field is named, with what is expected.
    let mut bad = base.to_vec();
    bad.extend([("date", "9 december"), ("csrf", s.csrf.as_str())]);
    let r = post(&bad);
    assert_eq!(r.status(), 400);
    assert!(
        r.text()
            .unwrap()
            .contains("Kijk “date” na: verwacht wordt a date like 2026-12-09.")
    );
    let mut good = base.to_vec();
    good.extend([("date", "2099-12-09"), ("csrf", s.csrf.as_str())]);
    assert_eq!(post(&good).status(), 303);
    let list = server.store.activities("noord").unwrap();
    let starts: Vec<&str> = list.iter().map(|a| a.activity.start.as_str()).collect();
    assert_eq!(starts, ["2099-12-09T14:00", "2100-01-13T14:00"]);
    assert_eq!(list[0].activity.languages, ["nl", "ar"]);
    let page = http
        .get(format!(
            "{}/admin/activities?site=noord&lang=nl",
            server.url()
        ))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("woensdag 9 december, 14:00 – 16:00"));
    // Change the first one.
    let id = list[0].activity.id.clone();
    let mut change = base.to_vec();
    change.retain(|(k, _)| *k != "capacity" && *k != "months");
    change.extend([
        ("id", id.as_str()),
        ("date", "2099-12-09"),
        ("capacity", "30"),
        ("csrf", s.csrf.as_str()),
    ]);
    assert_eq!(post(&change).status(), 303);
    let list = server.store.activities("noord").unwrap();
    assert_eq!(list.len(), 2, "a change makes no new activity");
    assert_eq!(list[0].activity.capacity, 30);
    // Someone signs up; the list, its CSV and the calendar.
    let (kiosk, token) = support::paired_client(&server, "PC 2", "noord");
    let op = digidak_protocol::Op {
        id: uuid::Uuid::now_v7().to_string(),
        index: 1,
        kind: digidak_protocol::kinds::SIGNUP_CREATED.into(),
        payload: serde_json::json!({"id": uuid::Uuid::now_v7().to_string(), "activity_id": id,
            "code": "12345678", "first_name": "Samira", "phone": null, "party": 2, "from_block": false}),
        kiosk_time_ms: now_ms(),
        schema: digidak_protocol::OP_SCHEMA,
    };
    kiosk.push(&token, &support::page(vec![op])).unwrap();
    let get = |path: &str| {
        http.get(format!("{}{path}", server.url()))
            .header("cookie", &cookie)
            .send()
            .unwrap()
            .text()
            .unwrap()
    };
    assert!(get(&format!("/admin/activities/{id}?lang=nl")).contains("<td>Samira</td>"));
    let csv = get(&format!("/admin/activities/{id}.csv"));
    // In the page's language (Dutch here): the header and the status words.
    assert!(
        csv.starts_with("nummer,code,voornaam,telefoon,personen,toestand,aanwezig\n"),
        "{csv}"
    );
    assert!(csv.contains("1,12345678,Samira,,2,ingeschreven,"), "{csv}");
    let ics = get("/admin/activities.ics?site=noord");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    // It does not take place.
    let r = http
        .post(format!("{}/admin/activities/{id}/cancel", server.url()))
        .header("cookie", &cookie)
        .form(&[("csrf", s.csrf.as_str())])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert!(
        server.store.activities("noord").unwrap()[0]
            .activity
            .deleted
    );
}

/// A login form fetched beforehand: (login cookie, CSRF token).
fn login_form(http: &reqwest::blocking::Client, server: &InProcessServer) -> (String, String) {
    let form = http
        .get(format!("{}/admin/login", server.url()))
        .send()
        .unwrap();
    let (cookie, _) = set_cookie(&form, "dd_login").unwrap();
    (cookie, support::admin::csrf(&form.text().unwrap()))
}

/// Posts a login (form fetched first) from `http`: the status and how long the post took.
fn post_login(
    http: &reqwest::blocking::Client,
    server: &InProcessServer,
    name: &str,
    password: &str,
) -> (u16, Duration) {
    let (cookie, token) = login_form(http, server);
    let t = Instant::now();
    let r = http
        .post(format!("{}/admin/login", server.url()))
        .header("cookie", format!("dd_login={cookie}"))
        .form(&[("name", name), ("password", password), ("csrf", &token)])
        .send()
        .unwrap();
    (r.status().as_u16(), t.elapsed())
}

/// A client whose connections come from another loopback address (Linux routes 127/8 to lo).
fn client_from(ip: &str) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .local_address(ip.parse::<std::net::IpAddr>().unwrap())
        .build()
        .unwrap()
}

#[test]
fn parallel_tries_are_counted_before_the_password_is_checked() {
    let (_dir, server) = start();
    let http = client();
    // 30 forms fetched first, then 30 posts at once; the right password is the 15th, sent a
    // moment after the first 14 are under way.
    let forms: Vec<_> = (0..30).map(|_| login_form(&http, &server)).collect();
    let url = format!("{}/admin/login", server.url());
    let start_gate = std::sync::Arc::new(std::sync::Barrier::new(14));
    let mut threads = Vec::new();
    for (i, (cookie, token)) in forms.into_iter().enumerate() {
        let (http, url, gate) = (http.clone(), url.clone(), start_gate.clone());
        if i == 14 {
            std::thread::sleep(Duration::from_millis(300));
        }
        threads.push(std::thread::spawn(move || {
            if i < 14 {
                gate.wait();
            }
            let password = if i == 14 {
                "correct horse battery"
            } else {
                "wrong guess"
            };
            let r = http
                .post(&url)
                .header("cookie", format!("dd_login={cookie}"))
                .form(&[
                    ("name", "coordinator"),
                    ("password", password),
                    ("csrf", &token),
                ])
                .send()
                .unwrap();
            (i, r.status().as_u16())
        }));
    }
    let answers: Vec<(usize, u16)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let checked = answers.iter().filter(|(_, s)| *s == 401).count();
    let refused = answers.iter().filter(|(_, s)| *s == 429).count();
    println!("login race: {checked} of 30 parallel tries checked, {refused} refused unchecked");
    assert!(checked <= 6, "{answers:?}");
    assert_eq!(checked + refused, 30, "{answers:?}");
    let right = answers.iter().find(|(i, _)| *i == 14).unwrap().1;
    assert_eq!(right, 429, "the right password in the race does not log in");
}

#[test]
fn unknown_names_take_as_long_as_known_ones() {
    let (_dir, server) = start();
    let http = client();
    // The work the check does: one argon2 hash with the same settings.
    let t = Instant::now();
    digidak_server::admin_web::hash_password("some password here").unwrap();
    let argon2 = t.elapsed();
    // Warm-up (the stand-in hash is made on first use).
    post_login(&http, &server, "nobody-0", "wrong guess");
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    // Five of each (the most one name may try from one address), alternating; other tests
    // share the CPU, which only ever adds time, so the fastest of each is compared.
    for i in 1..=digidak_server::admin_web::MAX_FAILURES {
        let (s, t) = post_login(&http, &server, "coordinator", "wrong guess");
        assert_eq!(s, 401);
        known.push(t);
        let (s, t) = post_login(&http, &server, &format!("nobody-{i}"), "wrong guess");
        assert_eq!(s, 401);
        unknown.push(t);
    }
    known.sort();
    unknown.sort();
    let (k, u) = (known[0], unknown[0]);
    let diff = k.abs_diff(u);
    println!(
        "login timing: known name fastest {k:?} (median {:?}), unknown name fastest {u:?} \
         (median {:?}), difference {diff:?}, argon2 {argon2:?}",
        known[2], unknown[2]
    );
    assert!(
        diff < argon2 / 2 + Duration::from_millis(5),
        "known {known:?} vs unknown {unknown:?}, argon2 {argon2:?}"
    );
}

#[test]
fn a_name_locked_from_one_address_still_opens_from_another() {
    let (_dir, server) = start();
    let stranger = client_from("127.0.0.1");
    let threads: Vec<_> = (0..digidak_server::admin_web::MAX_FAILURES)
        .map(|_| {
            let (http, url) = (stranger.clone(), server.url());
            let form = login_form(&http, &server);
            std::thread::spawn(move || {
                http.post(format!("{url}/admin/login"))
                    .header("cookie", format!("dd_login={}", form.0))
                    .form(&[
                        ("name", "coordinator"),
                        ("password", "wrong guess"),
                        ("csrf", form.1.as_str()),
                    ])
                    .send()
                    .unwrap()
                    .status()
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 401);
    }
    let (s, _) = post_login(&stranger, &server, "coordinator", "correct horse battery");
    assert_eq!(s, 429, "locked from the stranger's address");
    let admin = client_from("127.0.0.2");
    let (s, _) = post_login(&admin, &server, "coordinator", "correct horse battery");
    assert_eq!(s, 303, "the admin's own address still logs in");

    // One address trying many names is stopped too, whatever the name.
    let sprayer = client_from("127.0.0.3");
    let threads: Vec<_> = (0..digidak_server::admin_web::MAX_ADDRESS_FAILURES)
        .map(|i| {
            let (http, url) = (sprayer.clone(), server.url());
            let form = login_form(&http, &server);
            std::thread::spawn(move || {
                http.post(format!("{url}/admin/login"))
                    .header("cookie", format!("dd_login={}", form.0))
                    .form(&[
                        ("name", format!("name-{i}").as_str()),
                        ("password", "wrong guess"),
                        ("csrf", form.1.as_str()),
                    ])
                    .send()
                    .unwrap()
                    .status()
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 401);
    }
    let (s, _) = post_login(&sprayer, &server, "coordinator", "correct horse battery");
    assert_eq!(s, 429);
    let (s, _) = post_login(&admin, &server, "coordinator", "correct horse battery");
    assert_eq!(s, 303);
}

/// Runs `digidak-server admin set NAME` with `password` on standard input.
fn admin_set(db: &std::path::Path, name: &str, password: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new(support::server_bin())
        .arg("--db")
        .arg(support::server_db(db))
        .args(["admin", "set", name])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
}

/// Whether a session cookie still opens the kiosks page.
fn session_works(server: &InProcessServer, cookie: &str) -> bool {
    let r = client()
        .get(format!("{}/admin/kiosks", server.url()))
        .header("cookie", format!("dd_session={cookie}"))
        .send()
        .unwrap();
    r.status() == 200
}

#[test]
fn sessions_end_when_the_password_changes_or_the_admin_is_removed() {
    let (_dir, server) = start();
    let a = login(&server);
    let b = login(&server);
    assert!(session_works(&server, &a.cookie) && session_works(&server, &b.cookie));
    // A new password (the CLI, while the server runs): both sessions end.
    admin_set(&server.db, "coordinator", "another good password");
    assert!(!session_works(&server, &a.cookie));
    assert!(!session_works(&server, &b.cookie));
    assert_eq!(try_login(&server, "correct horse battery").status(), 401);
    let resp = try_login(&server, "another good password");
    assert_eq!(resp.status(), 303);
    let (c, _) = set_cookie(&resp, "dd_session").unwrap();
    assert!(session_works(&server, &c));
    // Removed: its session ends and it cannot log in.
    support::server_cli(&server.db, &["admin", "remove", "coordinator"]);
    assert!(!session_works(&server, &c));
    assert_eq!(try_login(&server, "another good password").status(), 401);
    let again = std::process::Command::new(support::server_bin())
        .arg("--db")
        .arg(support::server_db(&server.db))
        .args(["admin", "remove", "coordinator"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2), "no such admin any more");
}

#[test]
fn sessions_end_when_idle_and_after_twelve_hours() {
    use digidak_core::clock::ManualClock;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let served = clock.clone();
    let server = InProcessServer::start_with(
        &dir.path().join("server.sqlite3"),
        "127.0.0.1:0".parse().unwrap(),
        move |state| state.with_clock(std::sync::Arc::new(served)),
    );
    let hash = digidak_server::admin_web::hash_password("correct horse battery").unwrap();
    server
        .store
        .set_admin("coordinator", &hash, now_ms())
        .unwrap();
    let minutes = |m: u64| Duration::from_secs(m * 60);

    // Used every 29 minutes it stays; 31 minutes untouched ends it.
    let s = login(&server);
    for _ in 0..3 {
        clock.advance(minutes(29));
        assert!(session_works(&server, &s.cookie));
    }
    clock.advance(minutes(31));
    assert!(!session_works(&server, &s.cookie), "idle for 31 minutes");

    // However busy, 12 hours end it.
    let s = login(&server);
    let mut used = Duration::ZERO;
    while used + minutes(20) < Duration::from_secs(12 * 3600) {
        clock.advance(minutes(20));
        used += minutes(20);
        assert!(session_works(&server, &s.cookie), "after {used:?}");
    }
    clock.advance(minutes(20));
    assert!(!session_works(&server, &s.cookie), "after 12 hours");
}

#[test]
fn plain_http_on_a_network_name_says_in_the_admins_language_what_to_do() {
    let (_dir, server) = start();
    let http = client();
    // The form says it at once when its address is a network name over plain http.
    let page = http
        .get(format!("{}/admin/login", server.url()))
        .header("host", "digidak.buurthuis.lan:8080")
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("gewoon http"), "{page}");
    // Through the proxy (https), or on localhost: no such warning.
    for (host, proto) in [("digidak.example.org", "https"), ("localhost:8080", "http")] {
        let page = http
            .get(format!("{}/admin/login", server.url()))
            .header("host", host)
            .header("x-forwarded-proto", proto)
            .send()
            .unwrap()
            .text()
            .unwrap();
        assert!(!page.contains("gewoon http"), "{host}");
    }
    // The browser dropped the Secure login cookie: the form comes back, in French, with the
    // name kept and what to do.
    let r = http
        .post(format!("{}/admin/login?lang=fr", server.url()))
        .header("host", "192.168.1.20:8080")
        .form(&[
            ("name", "coordinator"),
            ("password", "correct horse battery"),
            ("csrf", "00"),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    let page = r.text().unwrap();
    assert!(page.contains("http simple"), "{page}");
    assert!(page.contains("https"), "{page}");
    assert!(page.contains("value=\"coordinator\""), "{page}");
    // Over https with an old form: "the form expired", the name kept.
    let r = http
        .post(format!("{}/admin/login?lang=en", server.url()))
        .header("host", "digidak.example.org")
        .header("x-forwarded-proto", "https")
        .header("cookie", format!("dd_login={}", "ab".repeat(16)))
        .form(&[
            ("name", "coordinator"),
            ("password", "correct horse battery"),
            ("csrf", "00"),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    let page = r.text().unwrap();
    assert!(page.contains("This form had expired"), "{page}");
    assert!(page.contains("value=\"coordinator\""), "{page}");
    // Any other admin form without its token: refused in the admin's language.
    let s = login(&server);
    let r = http
        .post(format!("{}/admin/kiosks/revoke", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .header("accept-language", "fr-BE")
        .form(&[("name", "PC 9")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.text().unwrap().contains("Formulaire refusé"));
    // The "add a kiosk" form with an old token comes back with what was typed, and says what
    // to do; no kiosk is added.
    let r = http
        .post(format!("{}/admin/kiosks/add", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .header("accept-language", "fr-BE")
        .form(&[("name", "PC <9>"), ("site", "noord"), ("csrf", "00")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    let page = r.text().unwrap();
    assert!(page.contains("Ce formulaire avait expiré"), "{page}");
    assert!(page.contains("value=\"PC &lt;9&gt;\""), "{page}");
    assert!(page.contains("value=\"noord\""), "{page}");
    assert!(
        !server
            .store
            .list_kiosks()
            .unwrap()
            .iter()
            .any(|k| k.name.contains("PC")),
        "nothing was added"
    );
}

#[test]
fn admin_pages_are_never_cached_and_say_their_language_follows_the_browser() {
    let (_dir, server) = start();
    let s = login(&server);
    let http = client();
    for path in [
        "/admin/login",
        "/admin/kiosks",
        "/admin/numbers",
        "/admin/activities",
        "/admin/board",
        "/admin/numbers.csv",
        "/admin/activities.ics?site=noord",
    ] {
        let r = http
            .get(format!("{}{path}", server.url()))
            .header("cookie", format!("dd_session={}", s.cookie))
            .send()
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{path}");
        if r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
        {
            assert_eq!(r.headers()["vary"], "accept-language", "{path}");
        }
    }
    let r = http
        .get(format!("{}/admin/no-such-page", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["cache-control"], "no-store");
}

#[test]
fn serve_refuses_impossible_idle_times_and_connection_caps() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        ["--admin-idle-minutes", "0"],
        ["--admin-idle-minutes", "721"],
        ["--max-connections", "0"],
    ] {
        let out = std::process::Command::new(support::server_bin())
            .arg("--db")
            .arg(dir.path().join("s.sqlite3"))
            .arg("serve")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(args[0]),
            "{args:?}"
        );
    }
}

/// The kiosks page's "Versie" column: each kiosk's app version and protocol, flagged when it
/// is older than the server speaks (served) or than it takes (refused, and still recorded).
#[test]
fn the_kiosks_page_shows_each_kiosks_version_and_flags_old_ones() {
    use digidak_protocol::{MIN_PROTOCOL_VERSION, PROTOCOL_VERSION};
    let (_dir, server) = start();
    let http = client();
    for (name, protocol) in [
        ("PC new", PROTOCOL_VERSION),
        ("PC older", MIN_PROTOCOL_VERSION),
        ("PC ancient", MIN_PROTOCOL_VERSION - 1),
    ] {
        let code = server.add_kiosk(name, "noord");
        let token = server
            .store
            .pair(&code, "x", 1, support::now_ms())
            .unwrap()
            .token;
        let body = serde_json::json!({
            "protocol": protocol,
            "heartbeat": {"app_version": format!("app-{protocol}"), "outbox_len": 0,
                          "dead_letters": 0, "last_success_ms": null, "last_frame_ms": null,
                          "kiosk_time_ms": support::now_ms()},
            "ops": []
        });
        let r = http
            .post(format!("{}/api/v1/push", server.url()))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .unwrap();
        let want = if protocol >= MIN_PROTOCOL_VERSION {
            200
        } else {
            400
        };
        assert_eq!(r.status(), want, "{name}");
        if want == 200 {
            let answer: serde_json::Value = r.json().unwrap();
            assert_eq!(answer["protocol"], PROTOCOL_VERSION);
            assert_eq!(answer["min_protocol"], MIN_PROTOCOL_VERSION);
        }
    }
    let s = login(&server);
    let page = http
        .get(format!("{}/admin/kiosks?lang=en", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        page.contains(&format!(
            "<td>app-{PROTOCOL_VERSION} (protocol {PROTOCOL_VERSION})</td>"
        )),
        "{page}"
    );
    assert!(page.contains(&format!(
        "app-{MIN_PROTOCOL_VERSION} (protocol {MIN_PROTOCOL_VERSION}) <strong>older protocol: update advised</strong>"
    )), "{page}");
    assert!(
        page.contains(&format!(
            "(protocol {}) <strong>too old: the server refuses it, update it</strong>",
            MIN_PROTOCOL_VERSION - 1
        )),
        "{page}"
    );
}
/// An activity form sent with an old CSRF token (a page left open, a session renewed) comes
/// back with everything typed in it and says what to do, in the page's language.
#[test]
fn an_expired_activity_form_keeps_what_was_typed() {
    let (_dir, server) = start();
    server.store.add_kiosk("PC 1", "noord", now_ms()).unwrap();
    let s = login(&server);
    let r = client()
        .post(format!("{}/admin/activities/save?lang=fr", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .form(&[
            ("csrf", "0123456789abcdef0123456789abcdef"),
            ("site", "noord"),
            ("title", "Atelier CV <b>"),
            ("place", "Salle 2"),
            ("date", "2099-12-09"),
            ("start", "14:00"),
            ("end", "16:00"),
            ("capacity", "12"),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    let page = r.text().unwrap();
    assert!(page.contains("Ce formulaire avait expiré."), "{page}");
    assert!(page.contains("value=\"Atelier CV &lt;b&gt;\""), "{page}");
    assert!(page.contains("value=\"Salle 2\""));
    assert!(
        server.store.activities("noord").unwrap().is_empty(),
        "nothing saved"
    );
}

/// Adding a kiosk with a site the server refuses says so on the page, in the admin's language.
#[test]
fn a_refused_kiosk_says_why_on_the_page() {
    let (_dir, server) = start();
    let s = login(&server);
    let r = client()
        .post(format!("{}/admin/kiosks/add?lang=en", server.url()))
        .header("cookie", format!("dd_session={}", s.cookie))
        .form(&[
            ("name", "PC 1"),
            ("site", "Buurthuis Noord!"),
            ("csrf", &s.csrf),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 400);
    let page = r.text().unwrap();
    assert!(page.contains("That did not work."), "{page}");
    assert!(page.contains("Log out"), "the page with its header");
    assert!(server.store.list_kiosks().unwrap().is_empty());
}

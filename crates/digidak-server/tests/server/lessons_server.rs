//! The server's side of lessons, over real HTTP on 127.0.0.1: the phone pages the QR codes
//! point to, resume codes made at any kiosk, lesson counts, and hostile input.

use crate::support;

use digidak_protocol::{OP_SCHEMA, Op, OpStatus, PROTOCOL_VERSION, kinds};
use serde_json::json;
use support::{InProcessServer, page, paired_client, server_cli};

fn get(url: &str) -> reqwest::blocking::Response {
    reqwest::blocking::Client::new().get(url).send().unwrap()
}

fn op(index: u64, kind: &str, payload: serde_json::Value) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kind.into(),
        payload,
        kiosk_time_ms: support::now_ms(),
        schema: OP_SCHEMA,
    }
}

#[test]
fn the_lesson_page_is_plain_html_in_the_asked_language() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let resp = get(&format!("{}/lessons/phishing?lang=fr&step=5", server.url()));
    assert_eq!(resp.status(), 200);
    let h = resp.headers();
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(!csp.contains("script-src"), "no script may run: {csp}");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let html = resp.text().unwrap();
    assert!(html.starts_with("<!doctype html><html lang=\"fr\">"));
    assert!(html.contains("<h1>Reconnaître un faux mail</h1>"));
    assert!(html.contains("Étape 5 sur 10"));
    assert!(html.contains("class=\"card step here\" id=\"step-5\""));
    assert!(
        html.contains("href=\"#step-5\""),
        "a link to the step to continue at"
    );
    assert!(html.contains("<details><summary>Voir la réponse</summary>"));
    assert!(!html.to_lowercase().contains("<script"), "no JavaScript");
    // Language links keep the page.
    assert!(html.contains("href=\"/lessons/phishing?lang=nl\""));
    // Every picture the page uses is served, as SVG.
    let mut pictures: Vec<&str> = html
        .split("src=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    pictures.dedup();
    assert!(pictures.len() >= 5, "{pictures:?}");
    for p in pictures {
        let r = get(&format!("{}{p}", server.url()));
        assert_eq!(r.status(), 200, "{p}");
        assert_eq!(r.headers()["content-type"], "image/svg+xml");
        assert!(r.text().unwrap().contains("<svg"));
    }
    // The index lists every lesson; a browser's language is honoured without ?lang.
    let index = reqwest::blocking::Client::new()
        .get(format!("{}/lessons", server.url()))
        .header("Accept-Language", "en-GB,en;q=0.9")
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(index.contains("<html lang=\"en\">"));
    assert_eq!(index.matches("<li><a href=\"/lessons/").count(), 16);
    assert!(index.contains("Spot a fake e-mail"));

    // The pretend itsme on a phone: who asks, what it is, and the answer behind "show".
    let itsme = get(&format!("{}/lessons/itsme?lang=nl", server.url()))
        .text()
        .unwrap();
    assert!(itsme.contains("Wie: Ziekenfonds Voorbeeld"), "{itsme}");
    assert!(itsme.contains("Wat: Inloggen"));
    assert!(itsme.contains("Juist antwoord: bevestigen."));
    // The caller case: everything matches, the answer is still to reject.
    assert!(itsme.contains("Juist antwoord: weigeren. Juist! Iemand aan de telefoon vraagt het"));
}

#[test]
fn unknown_or_hostile_page_addresses_get_a_friendly_404_and_nothing_runs() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    for path in [
        "/lessons/no-such-lesson",
        "/lessons/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/lessons/..%2F..%2Fetc%2Fpasswd",
    ] {
        let r = get(&format!("{}{path}?lang=nl", server.url()));
        assert_eq!(r.status(), 404, "{path}");
        let html = r.text().unwrap();
        assert!(html.contains("Niet gevonden"), "{path}");
        assert!(!html.contains("<script"), "{path}");
    }
    for path in [
        "/pictures/../../etc/passwd",
        "/pictures/nope.svg",
        "/pictures/phone",
        "/pictures/%2e%2e%2fCargo.toml",
    ] {
        let r = get(&format!("{}{path}", server.url()));
        assert_eq!(r.status(), 404, "{path}");
    }
    // A hostile language or step is ignored, not echoed.
    let r = get(&format!(
        "{}/lessons/email?lang=%3Cscript%3E&step=99999999999999999999",
        server.url()
    ));
    assert_eq!(r.status(), 200);
    let html = r.text().unwrap();
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("class=\"card step here\""));
}

#[test]
fn a_resume_code_pushed_by_one_kiosk_is_found_by_any_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (a, token_a) = paired_client(&server, "PC noord", "noord");
    let (b, token_b) = paired_client(&server, "PC zuid", "zuid");
    let saved = json!({"code": "4829375061", "lesson": "itsme", "step": 3, "lang": "fr"});
    let resp = a
        .push(
            &token_a,
            &page(vec![op(1, kinds::LESSON_RESUME, saved.clone())]),
        )
        .unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted);

    let found = b.resume(&token_b, "4829375061").unwrap();
    assert_eq!(
        (found.lesson.as_str(), found.step, found.lang.as_str()),
        ("itsme", 3, "fr")
    );
    // Unknown: 404. Not ten digits: 400. No token: 401. All JSON.
    let err = b.resume(&token_b, "1111111111").unwrap_err();
    assert!(
        matches!(
            err,
            digidak::sync::client::SyncError::Refused { status: 404, .. }
        ),
        "{err:?}"
    );
    let http = reqwest::blocking::Client::new();
    for (path, token, status) in [
        ("/api/v1/resume/12345?protocol=1", Some(&token_b), 400),
        ("/api/v1/resume/abcdefghij?protocol=1", Some(&token_b), 400),
        ("/api/v1/resume/4829375061?protocol=1", None, 401),
        ("/api/v1/resume/4829375061?protocol=9", Some(&token_b), 400),
        ("/api/v1/resume/4829375061", Some(&token_b), 400),
    ] {
        let mut req = http.get(format!("{}{path}", server.url()));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let r = req.send().unwrap();
        assert_eq!(r.status().as_u16(), status, "{path}");
        let body: serde_json::Value = r.json().unwrap();
        assert!(body["code"].is_string(), "{path}: {body}");
    }

    // The same code from another kiosk (a clash) is refused, never overwrites.
    let clash = json!({"code": "4829375061", "lesson": "email", "step": 1, "lang": "nl"});
    let resp = b
        .push(&token_b, &page(vec![op(1, kinds::LESSON_RESUME, clash)]))
        .unwrap();
    assert!(matches!(resp.results[0].status, OpStatus::Rejected { .. }));
    assert_eq!(b.resume(&token_b, "4829375061").unwrap().lesson, "itsme");

    // Codes expire.
    support::server_rows(&db, "UPDATE lesson_resume SET expires_ms = 1");
    assert!(b.resume(&token_b, "4829375061").is_err());
}

#[test]
fn hostile_lesson_operations_are_rejected_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let bad = [
        (
            kinds::LESSON_RESUME,
            json!({"code": "12", "lesson": "itsme", "step": 0, "lang": "nl"}),
        ),
        (
            kinds::LESSON_RESUME,
            json!({"code": "1234567890", "lesson": "../x", "step": 0, "lang": "nl"}),
        ),
        (
            kinds::LESSON_RESUME,
            json!({"code": "1234567890", "lesson": "itsme", "step": 5000, "lang": "nl"}),
        ),
        (
            kinds::LESSON_RESUME,
            json!({"code": "1234567890", "lesson": "itsme", "step": 0, "lang": "de"}),
        ),
        (
            kinds::LESSON_RESUME,
            json!({"code": "1234567890", "lesson": "itsme", "step": -1, "lang": "nl"}),
        ),
        (
            kinds::LESSON_RESUME,
            json!({"code": "1234567890", "lesson": "itsme", "step": 0, "lang": "nl", "name": "Fatima"}),
        ),
        (
            kinds::LESSON_EVENT,
            json!({"event": "hacked", "topic": "safety", "lesson": "itsme", "day": "2026-11-23"}),
        ),
        (
            kinds::LESSON_EVENT,
            json!({"event": "opened", "topic": "<script>", "lesson": "itsme", "day": "2026-11-23"}),
        ),
        (
            kinds::LESSON_EVENT,
            json!({"event": "opened", "topic": "safety", "lesson": "x'; DROP TABLE ops;--", "day": "2026-11-23"}),
        ),
        (
            kinds::LESSON_EVENT,
            json!({"event": "opened", "topic": "safety", "lesson": "itsme", "day": "2026-02-30"}),
        ),
    ];
    let mut ops: Vec<Op> = bad
        .iter()
        .enumerate()
        .map(|(i, (kind, payload))| op(i as u64 + 1, kind, payload.clone()))
        .collect();
    let good =
        json!({"event": "finished", "topic": "safety", "lesson": "phishing", "day": "2026-11-23"});
    ops.push(op(ops.len() as u64 + 1, kinds::LESSON_EVENT, good));
    let resp = client.push(&token, &page(ops)).unwrap();
    let rejected = resp
        .results
        .iter()
        .filter(|r| matches!(r.status, OpStatus::Rejected { .. }))
        .count();
    assert_eq!(rejected, bad.len(), "{:?}", resp.results);
    assert_eq!(resp.results.last().unwrap().status, OpStatus::Accepted);
    assert_eq!(resp.next_index, bad.len() as u64 + 2);
    let _ = PROTOCOL_VERSION;
}

#[test]
fn lesson_counts_reach_the_server_per_site_and_month() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let ev = |i, event: &str, topic: &str, day: &str| {
        op(
            i,
            kinds::LESSON_EVENT,
            json!({"event": event, "topic": topic, "lesson": "phishing", "day": day}),
        )
    };
    let ops = vec![
        ev(1, "opened", "safety", "2026-11-02"),
        ev(2, "opened", "safety", "2026-11-23"),
        ev(3, "finished", "safety", "2026-11-23"),
        ev(4, "initiation", "safety", "2026-11-23"),
        ev(5, "initiation", "email", "2026-12-01"),
    ];
    let resp = client.push(&token, &page(ops.clone())).unwrap();
    assert!(resp.results.iter().all(|r| r.status == OpStatus::Accepted));
    // Sent twice (a lost answer): counted once.
    client.push(&token, &page(ops)).unwrap();
    drop(server);
    let out = server_cli(&db, &["lessons"]);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "site\tmonth\tevent\ttopic\tcount",
            "noord\t2026-11\tfinished\tsafety\t1",
            "noord\t2026-11\tinitiation\tsafety\t1",
            "noord\t2026-11\topened\tsafety\t2",
            "noord\t2026-12\tinitiation\temail\t1",
        ]
    );
}

/// A phone that reads Arabic gets the pages in Arabic, right to left, from its
/// Accept-Language; the lessons written in Arabic are in it.
#[test]
fn an_arabic_phone_gets_right_to_left_pages() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let index = reqwest::blocking::Client::new()
        .get(format!("{}/lessons", server.url()))
        .header("Accept-Language", "ar-MA,ar;q=0.9,fr;q=0.8")
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        index.starts_with("<!doctype html><html lang=\"ar\" dir=\"rtl\">"),
        "{index}"
    );
    assert!(index.contains("كيف تعرف بريدا إلكترونيا مزيفا"), "{index}");
    let itsme = get(&format!("{}/lessons/itsme?lang=ar", server.url()))
        .text()
        .unwrap();
    assert!(itsme.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(itsme.contains("من: بنك مثال"), "{itsme}");
    // Turkish: its own language, left to right.
    let tr = get(&format!("{}/lessons/phishing?lang=tr", server.url()))
        .text()
        .unwrap();
    assert!(tr.contains("<html lang=\"tr\"><head>"));
    assert!(tr.contains("Sahte bir e-postayı tanımak"));
}
